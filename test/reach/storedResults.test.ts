/**
 * Issue 12: reach summaries and suppressed reports are stored results — a schema, a version,
 * sealed when the library makes them, and checked (with the path of the damage) when they come
 * from anywhere else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateReachTarget,
  parseReachSummary,
  parseSuppressedReachReport,
  type ReachRow,
  type ReachSummary,
  safeParseReachSummary,
  safeParseSuppressedReachReport,
  summarizeReach,
  suppressSmallCells,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const rows: ReachRow[] = Array.from({ length: 80 }, (_, index) => ({
  id: `p${index}`,
  units: { district: 'D1', school: index < 40 ? 'S1' : 'S2' },
  groups: index % 3 === 0 ? ['el'] : [],
  engagements: index % 4,
}));
const options = { focalGroups: ['el'], unitLevels: ['district', 'school'], minEngagements: 2 };
const target = { population: { unit: 'students' as const }, overall: 0.5, focal: 0.5, focalRule: 'union' as const };

/** A stored copy (JSON round trip), edited by `edit`. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON copy is edited freely to damage it
function stored(edit: (copy: Record<string, any>) => void = () => {}): ReachSummary {
  const copy = JSON.parse(JSON.stringify(summarizeReach(rows, options)));
  edit(copy);
  return copy;
}

/** Every object inside `value` is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(deeplyFrozen);
}

/** No NaN, ±Infinity or −0 anywhere. */
function allFiniteNoNegativeZero(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(allFiniteNoNegativeZero);
  return true;
}

describe('reach summary as a stored result', () => {
  it('carries schemaVersion 1, is deeply frozen, and parses after a JSON round trip', () => {
    const summary = summarizeReach(rows, options);
    expect(summary.schemaVersion).toBe(1);
    expect(deeplyFrozen(summary)).toBe(true);
    expect(parseReachSummary(stored())).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(safeParseReachSummary(stored()).success).toBe(true);
  });

  it('a stored summary gives the same evaluation and report as the one the library made', () => {
    const summary = summarizeReach(rows, options);
    expect(evaluateReachTarget(stored(), target)).toEqual(evaluateReachTarget(summary, target));
    expect(suppressSmallCells(stored())).toEqual(suppressSmallCells(summary));
  });

  it('a summary without its policy is INVALID_INPUT at summary.policy (no TypeError, no Infinity)', () => {
    const damaged = stored((copy) => {
      delete copy.policy;
    });
    expectError(() => evaluateReachTarget(damaged, target), 'INVALID_INPUT', ['summary', 'policy']);
    expectError(() => suppressSmallCells(damaged), 'INVALID_INPUT', ['summary', 'policy']);
  });

  it('a rate of Infinity is INVALID_INPUT at its path', () => {
    expectError(
      () =>
        evaluateReachTarget(
          stored((copy) => (copy.units[1].union.rate = Infinity)),
          target,
        ),
      'INVALID_INPUT',
      ['summary', 'units', 1, 'union', 'rate'],
    );
  });

  it('a rate above 1 or not reached ÷ n is INVALID_INPUT at its path', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.overall.rate = 1.5))), 'INVALID_INPUT', [
      'overall',
      'rate',
    ]);
    expectError(() => parseReachSummary(stored((copy) => (copy.overall.rate = 0.01))), 'INVALID_INPUT', [
      'overall',
      'rate',
    ]);
  });

  it('reached above n is INVALID_INPUT at reached', () => {
    expectError(
      () =>
        suppressSmallCells(
          stored((copy) => {
            copy.groups[0].reached = copy.groups[0].n + 1;
          }),
        ),
      'INVALID_INPUT',
      ['summary', 'groups', 0, 'reached'],
    );
  });

  it('a fractional or negative count is INVALID_INPUT at its path', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.units[0].overall.n = 2.5))), 'INVALID_INPUT', [
      'units',
      0,
      'overall',
      'n',
    ]);
    expectError(() => parseReachSummary(stored((copy) => (copy.overall.excluded = -1))), 'INVALID_INPUT', [
      'overall',
      'excluded',
    ]);
  });

  it('a histogram that does not add up is INVALID_INPUT at the histogram', () => {
    expectError(
      () =>
        evaluateReachTarget(
          stored((copy) => (copy.overall.histogram[3] += 5)),
          target,
        ),
      'INVALID_INPUT',
      ['summary', 'overall', 'histogram'],
    );
  });

  it('a comparison group that is not everyone else is INVALID_INPUT at rest', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.union.rest.n += 1))), 'INVALID_INPUT', [
      'union',
      'rest',
    ]);
  });

  it('duplicate unit ids are INVALID_INPUT at the second', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.units[2].id = copy.units[1].id))), 'INVALID_INPUT', [
      'units',
      2,
      'id',
    ]);
  });

  it('focal groups out of the summary’s order are INVALID_INPUT', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.groups[0].id = 'swd'))), 'INVALID_INPUT', [
      'groups',
      0,
      'id',
    ]);
  });

  it('an unknown key is INVALID_INPUT at the key', () => {
    expectError(() => parseReachSummary(stored((copy) => (copy.overall.rte = 0.5))), 'INVALID_INPUT', [
      'overall',
      'rte',
    ]);
  });

  it('a missing schemaVersion is INVALID_INPUT, a newer one INCOMPATIBLE', () => {
    expectError(
      () =>
        evaluateReachTarget(
          stored((copy) => {
            delete copy.schemaVersion;
          }),
          target,
        ),
      'INVALID_INPUT',
      ['summary', 'schemaVersion'],
    );
    expectError(() => suppressSmallCells(stored((copy) => (copy.schemaVersion = 2))), 'INCOMPATIBLE', [
      'summary',
      'schemaVersion',
    ]);
  });

  it('a summary the library made cannot be edited in place; an edited copy is checked', () => {
    const summary = summarizeReach(rows, options);
    expect(() => {
      (summary.overall as { rate: number }).rate = 2;
    }).toThrow(TypeError);
    const edited = { ...summary, overall: { ...summary.overall, rate: 2 } };
    expectError(() => evaluateReachTarget(edited, target), 'INVALID_INPUT', ['summary', 'overall', 'rate']);
  });
});

describe('suppressed report as a stored result', () => {
  it('carries schemaVersion 1, is deeply frozen, and parses after a JSON round trip', () => {
    const report = suppressSmallCells(summarizeReach(rows, options));
    expect(report.schemaVersion).toBe(1);
    expect(deeplyFrozen(report)).toBe(true);
    const copy = JSON.parse(JSON.stringify(report));
    expect(parseSuppressedReachReport(copy)).toEqual(copy);
  });

  it('every object of the report is frozen as it is built, from a summary of its own or a stored one', () => {
    // Small cells, rates near 0 and 100 (rateCoded), complements, notes, intersections: every kind of object.
    const many: ReachRow[] = Array.from({ length: 400 }, (_, index) => ({
      id: `q${index}`,
      units: { district: `D${index % 3}`, school: `S${index % 11}` },
      groups: [
        ...(index % 3 === 0 ? ['el'] : []),
        ...(index % 7 < 2 ? ['swd'] : []),
        ...(index % 5 === 0 ? ['poverty'] : []),
      ],
      engagements: index % 13 === 0 ? 0 : (index * 7) % 5,
    }));
    const manyOptions = {
      focalGroups: ['el', 'swd', 'poverty'],
      unitLevels: ['district', 'school'],
      minEngagements: 2,
      intersections: [['el', 'swd']],
    };
    const summary = summarizeReach(many, manyOptions);
    const fromStored = JSON.parse(JSON.stringify(summary));
    for (const input of [summary, fromStored]) {
      const report = suppressSmallCells(input);
      expect(report.suppressed.some((cell) => cell.reason === 'complementary')).toBe(true);
      expect(report.units.some((unit) => unit.groups.some((group) => group.rateCoded !== null))).toBe(true);
      expect(deeplyFrozen(report)).toBe(true);
    }
    expect(deeplyFrozen(suppressSmallCells(summary, { policy: { minCellSize: 1 } }))).toBe(true);
  });

  it('damage is INVALID_INPUT at its path', () => {
    const copy = JSON.parse(JSON.stringify(suppressSmallCells(summarizeReach(rows, options))));
    const result = safeParseSuppressedReachReport({ ...copy, overall: { ...copy.overall, rate: Number.NaN } });
    expect(result.success ? null : [result.error.code, result.error.path]).toEqual([
      'INVALID_INPUT',
      ['overall', 'rate'],
    ]);
    expectError(() => parseSuppressedReachReport({ ...copy, policy: undefined }), 'INVALID_INPUT', ['policy']);
    expectError(() => parseSuppressedReachReport({ ...copy, units: [copy.units[0], copy.units[0]] }), 'INVALID_INPUT', [
      'units',
      1,
      'id',
    ]);
  });
});

describe('finite out', () => {
  it('no NaN, ±Infinity or −0 in summaries, evaluations or reports, and each summary passes its own schema', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            school: fc.constantFrom('A', 'B', 'C'),
            el: fc.boolean(),
            engagements: fc.nat({ max: 3 }),
            eligible: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (raw) => {
          const roster: ReachRow[] = raw.map((row, index) => ({
            id: `p${index}`,
            units: { district: 'D', school: row.school },
            groups: row.el ? ['el'] : [],
            engagements: row.engagements,
            eligible: row.eligible || index % 3 !== 0,
          }));
          const summary = summarizeReach(roster, { ...options, policy: { minPeople: 2 } });
          expect(allFiniteNoNegativeZero(summary)).toBe(true);
          expect(safeParseReachSummary(JSON.parse(JSON.stringify(summary))).success).toBe(true);
          expect(allFiniteNoNegativeZero(evaluateReachTarget(summary, target))).toBe(true);
          const report = suppressSmallCells(summary, { policy: { minCellSize: 3 } });
          expect(allFiniteNoNegativeZero(report)).toBe(true);
          expect(safeParseSuppressedReachReport(JSON.parse(JSON.stringify(report))).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
