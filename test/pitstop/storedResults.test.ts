/**
 * Stage assessments and portfolio reports are stored results: a schema and parse / safeParse, an
 * integer schemaVersion, sealed (deeply frozen, known as the library's own) when the library makes
 * them, and checked with the path of the damage when they come from anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { isSealedResult, readStored } from '../../src/_lib/stored.js';
import {
  assessStage,
  evaluatePortfolio,
  parsePortfolioReport,
  parseStageAssessment,
  safeParsePortfolioReport,
  safeParseStageAssessment,
} from '../../src/pitstop/index.js';
import { PORTFOLIO_REPORT_TYPE } from '../../src/pitstop/PortfolioReport.js';
import { STAGE_ASSESSMENT_TYPE } from '../../src/pitstop/StageAssessment.js';
import { expectError } from '../_support/expectError.js';
import { healthyInput, reachWith } from './_support.js';

/** Every object inside `value` is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(deeplyFrozen);
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON copy is edited freely to damage it
type Json = Record<string, any>;
const copyOf = (value: unknown, edit: (copy: Json) => void = () => {}): Json => {
  const copy = JSON.parse(JSON.stringify(value));
  edit(copy);
  return copy;
};

const stage = () =>
  assessStage({
    pilotDecision: 'scale-up',
    leadershipChanges: ['2026-08-01'],
    sustainabilityChecks: [{ on: '2026-12-01', sustainable: false }],
  });
const portfolio = () =>
  evaluatePortfolio([
    { id: 'a', pitStop: { ...healthyInput(), reach: reachWith(100, 8) } },
    { id: 'b', pitStop: { ...healthyInput(), reach: reachWith(100, 40) } },
    { id: 'c', pitStop: { ...healthyInput(), reach: reachWith(100, 60) } },
  ]);

describe.each([
  ['stage assessment', stage, parseStageAssessment, safeParseStageAssessment, STAGE_ASSESSMENT_TYPE],
  ['portfolio report', portfolio, parsePortfolioReport, safeParsePortfolioReport, PORTFOLIO_REPORT_TYPE],
] as const)('a %s as a stored result', (_name, make, parse, safeParse, type) => {
  it('carries schemaVersion 1, is sealed (deeply frozen, the library’s own) and parses after a JSON round trip', () => {
    const result = make();
    expect(result.schemaVersion).toBe(1);
    expect(isSealedResult(result, type.name)).toBe(true);
    expect(deeplyFrozen(result)).toBe(true);
    expect(parse(copyOf(result))).toEqual(copyOf(result));
    expect(safeParse(copyOf(result))).toEqual({ success: true, data: copyOf(result) });
    // Sealed: read back as it is; a stored copy is validated in full and equal.
    expect(readStored(result, type as never, ['stored'])).toBe(result);
    expect(readStored(copyOf(result), type as never, ['stored'])).toEqual(copyOf(result));
  });

  it('a newer schemaVersion is INCOMPATIBLE when read back, and not a version-1 document to parse', () => {
    const result = make();
    expectError(
      () =>
        readStored(
          copyOf(result, (c) => (c.schemaVersion = 2)),
          type as never,
          ['stored'],
        ),
      'INCOMPATIBLE',
      ['stored', 'schemaVersion'],
    );
    expectError(() => parse(copyOf(result, (c) => (c.schemaVersion = 2))), 'INVALID_INPUT', ['schemaVersion']);
    expectError(
      () =>
        readStored(
          copyOf(result, (c) => delete c.schemaVersion),
          type as never,
          ['stored'],
        ),
      'INVALID_INPUT',
      ['stored', 'schemaVersion'],
    );
  });

  it('a damaged copy is INVALID_INPUT at the path of the damage', () => {
    const result = make();
    expectError(() => parse(copyOf(result, (c) => delete c.policy)), 'INVALID_INPUT', ['policy']);
    expectError(() => parse(copyOf(result, (c) => (c.version = ''))), 'INVALID_INPUT', ['version']);
    expectError(() => parse(copyOf(result, (c) => (c.extra = 1))), 'INVALID_INPUT', ['extra']);
    const failed = safeParse(copyOf(result, (c) => (c.policy.minCellSize = 0.5)));
    expect(failed.success ? null : [failed.error.code, failed.error.path]).toEqual([
      'INVALID_INPUT',
      ['policy', 'minCellSize'],
    ]);
  });
});

describe('damage the schemas catch inside each result', () => {
  it('stage assessment: an unknown stage or criterion, a decision citing a rule of another module', () => {
    const stored = copyOf(stage());
    expectError(() => parseStageAssessment({ ...stored, stage: 'scaled' }), 'INVALID_INPUT', ['stage']);
    expectError(
      () => parseStageAssessment(copyOf(stored, (c) => (c.criteria[0].criterion = 'vibes'))),
      'INVALID_INPUT',
      ['criteria', 0, 'criterion'],
    );
    expectError(() => parseStageAssessment(copyOf(stored, (c) => (c.criteria[1].stage = 'pilot'))), 'INVALID_INPUT', [
      'criteria',
      1,
      'stage',
    ]);
    expectError(
      () => parseStageAssessment(copyOf(stored, (c) => (c.next.decision.reasons[0].rule = 'reach/some-rule'))),
      'INVALID_INPUT',
      ['next', 'decision', 'reasons', 0, 'rule'],
    );
    expect(parseStageAssessment(copyOf(stored, (c) => (c.next = null))).next).toBeNull();
  });

  it('portfolio report: a suppressed cell that shows its count, reached above n, a rate without n, a bad weight', () => {
    const stored = copyOf(portfolio());
    const hidden = stored.districts.findIndex((d: Json) => d.id === 'a');
    const el = stored.districts[hidden].focalGroups.findIndex((g: Json) => g.id === 'el');
    expect(stored.districts[hidden].focalGroups[el].suppressed).toBe('small-cell');
    expectError(
      () => parsePortfolioReport(copyOf(stored, (c) => (c.districts[hidden].focalGroups[el].n = 8))),
      'INVALID_INPUT',
      ['districts', hidden, 'focalGroups', el, 'n'],
    );
    expectError(
      () => parsePortfolioReport(copyOf(stored, (c) => (c.focalGroupTotals[0].reached = c.focalGroupTotals[0].n + 1))),
      'INVALID_INPUT',
      ['focalGroupTotals', 0, 'reached'],
    );
    expectError(() => parsePortfolioReport(copyOf(stored, (c) => (c.focalGroupTotals[0].n = null))), 'INVALID_INPUT', [
      'focalGroupTotals',
      0,
      'n',
    ]);
    expectError(
      () => parsePortfolioReport(copyOf(stored, (c) => (c.focalGroupTotals[0].rate = 0.9))),
      'INVALID_INPUT',
      ['focalGroupTotals', 0, 'rate'],
    );
    expectError(
      () => parsePortfolioReport(copyOf(stored, (c) => (c.districts[0].components.fuel = 0.7))),
      'INVALID_INPUT',
      ['districts', 0, 'components', 'fuel'],
    );
    expectError(
      () => parsePortfolioReport(copyOf(stored, (c) => (c.districts[0].route = 'turn-back'))),
      'INVALID_INPUT',
      ['districts', 0, 'route'],
    );
  });
});
