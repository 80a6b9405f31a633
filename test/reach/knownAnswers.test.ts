/**
 * Known answers from test/fixtures/gen/gen_reach.py (plain Python oracle; see the generator's
 * docstring): 12 rosters with empty groups, groups under the n-size, overlapping groups, a
 * comparison rate of 0, rates exactly on the target boundary, ineligible rows, dated engagements,
 * composite unit keys and no focal groups. Every case runs in row and columnar form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluateReachTarget,
  type ReachGroupStats,
  type ReachRow,
  type ReachSummary,
  type SummarizeReachOptions,
  summarizeReach,
} from '../../src/reach/index.js';
import { allFinite, toColumns } from './_support.js';

interface Fixture {
  cases: {
    name: string;
    roster: ReachRow[];
    options: SummarizeReachOptions;
    scopes: {
      unit: string | null;
      overall: Record<string, unknown>;
      groups: (Record<string, unknown> & { id: string })[];
    }[];
    targets: { target: Record<string, unknown>; expected: Record<string, unknown> }[];
  }[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/reach.json', import.meta.url), 'utf8')) as Fixture;
// The oracle writes the n-size under its old name, minN; the policy calls it minPeople.
for (const testCase of fixture.cases) {
  const policy = testCase.options.policy as { minN?: number } | undefined;
  if (policy?.minN !== undefined) testCase.options = { ...testCase.options, policy: { minPeople: policy.minN } };
}

/** Deep equality with numbers equal to 12 significant digits. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    expect((actual as unknown[]).length, where).toBe(expected.length);
    expected.forEach((item, index) => {
      expectClose((actual as unknown[])[index], item, `${where}[${index}]`);
    });
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
  } else {
    expect(actual, where).toEqual(expected);
  }
}

function populationsOf(scope: ReachSummary | ReachSummary['units'][number]): ReachGroupStats[] {
  return [...scope.groups, scope.union, scope.none, ...scope.intersections];
}

describe('summarizeReach matches the plain-Python oracle', () => {
  expect(fixture.cases.length).toBeGreaterThanOrEqual(10);
  for (const testCase of fixture.cases) {
    for (const form of ['rows', 'columns'] as const) {
      it(`${testCase.name} (${form})`, () => {
        const roster = form === 'rows' ? testCase.roster : toColumns(testCase.roster, testCase.options);
        const summary = summarizeReach(roster, testCase.options);
        expect(allFinite(summary)).toBe(true);
        expect(summary.units.length + 1).toBe(testCase.scopes.length);
        for (const scope of testCase.scopes) {
          const actual = scope.unit === null ? summary : summary.units.find((unit) => unit.id === scope.unit);
          expect(actual, `unit ${scope.unit}`).toBeDefined();
          if (actual === undefined) continue;
          const { histogram, ...overall } = scope.overall;
          expectClose(actual.overall, { ...overall, histogram }, `${scope.unit}.overall`);
          const populations = populationsOf(actual);
          expect(populations.map((population) => population.id)).toEqual(scope.groups.map((group) => group.id));
          scope.groups.forEach((group, index) => {
            expectClose(populations[index], group, `${scope.unit}.${group.id}`);
          });
        }
      });
    }
    it(`${testCase.name}: targets`, () => {
      const summary = summarizeReach(testCase.roster, testCase.options);
      for (const { target, expected } of testCase.targets) {
        const result = evaluateReachTarget(summary, target as never);
        expectClose(result, expected, `${testCase.name} ${String(target.focalRule)}`);
      }
    });
  }
});
