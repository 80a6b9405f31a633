/** Issue 12 in dimensions: strict keys, holes, finite scores, stored results (code and path). */
import { describe, expect, it } from 'vitest';
import {
  assessScale,
  detectSuperficialSpread,
  parseScaleAssessment,
  parseSuperficialSpreadReport,
  ScaleAssessment,
  SuperficialSpreadReport,
  safeParseScaleAssessment,
  safeParseSuperficialSpreadReport,
} from '../../src/dimensions/index.js';
import { expectError } from '../_support/expectError.js';

const measure = { id: 'walkthroughs', dimension: 'depth', value: 3, scale: { min: 1, max: 5 } } as const;
const history = [
  { date: '2024-06-01', depth: 0.7, spread: 0.2 },
  { date: '2025-06-01', depth: 0.5, spread: 0.6 },
];

describe('assessScale: unknown keys and holes', () => {
  it.each([
    ['a measure key', () => assessScale([{ ...measure, wieght: 2 } as never]), ['measures', 0, 'wieght']],
    ['a target key', () => assessScale([measure], { dept: 0.5 } as never), ['targets', 'dept']],
    ['an option key', () => assessScale([measure], {}, { practise: {} } as never), ['options', 'practise']],
    [
      'a practice key',
      () => assessScale([measure], {}, { practice: { intended: 4, withFidelity: 1, total: 5 } } as never),
      ['options', 'practice', 'total'],
    ],
    [
      'a policy key',
      () => assessScale([measure], {}, { policy: { threshold: 0.6 } } as never),
      ['options', 'policy', 'threshold'],
    ],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    ['a hole in measures', () => assessScale([measure, , measure] as never), ['measures', 1]],
    [
      'a count past 2^53 - 1',
      () => assessScale([measure], {}, { practice: { intended: 2 ** 60, withFidelity: 1 } }),
      ['options', 'practice', 'intended'],
    ],
    ['options that are not an object', () => assessScale([measure], {}, [] as never), ['options']],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));

  it('suggests the key meant', () => {
    expect(() => assessScale([measure], {}, { practise: {} } as never)).toThrow(/did you mean `practice`/);
  });

  it('more measures than the limit are refused before any is read', () => {
    expectError(() => assessScale(new Array(2 ** 31)), 'LIMIT_EXCEEDED', ['measures']);
  });
});

describe('assessScale: finite in, finite out', () => {
  it('a scale wider than the largest double gives a real score, not NaN → met: false', () => {
    const wide = { id: 'wide', dimension: 'depth', value: 0, scale: { min: -1e308, max: 1e308 } } as const;
    const result = assessScale([wide], { depth: 0.5 });
    expect(result.dimensions[0]?.score).toBe(0.5);
    expect(result.dimensions[0]?.met).toBe(true);
    // (1e308 − (−1e308)) / (1e308 − (−1e308)) was Infinity / Infinity = NaN, then met: false.
    const top = assessScale([{ ...wide, value: 1e308 }], { depth: 0.9 });
    expect(top.dimensions[0]?.score).toBe(1);
    expect(top.dimensions[0]?.met).toBe(true);
    const lower = assessScale([{ ...wide, value: 1e308, direction: 'lowerIsBetter' }], { depth: 0.5 });
    expect(lower.dimensions[0]?.score).toBe(0);
  });

  it('weights summing past the largest double give the weighted mean', () => {
    const result = assessScale([
      { ...measure, id: 'a', value: 5, weight: 1.5e308 },
      { ...measure, id: 'b', value: 1, weight: 1.5e308 },
    ]);
    expect(result.dimensions[0]?.score).toBeCloseTo(0.5, 12);
  });
});

describe('detectSuperficialSpread: unknown keys, holes, huge changes', () => {
  it.each([
    [
      'an assessment key',
      () => detectSuperficialSpread([{ ...history[0], reach: 1 }] as never),
      ['history', 0, 'reach'],
    ],
    ['an option key', () => detectSuperficialSpread(history, { tolerance: 0.1 } as never), ['options', 'tolerance']],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    ['a hole', () => detectSuperficialSpread([history[0], , history[1]] as never), ['history', 1]],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));

  it('a change past the largest double is null with a note, and still judged', () => {
    const report = detectSuperficialSpread([
      { date: '2024-06-01', depth: 1e308, spread: -1e308 },
      { date: '2025-06-01', depth: -1e308, spread: 1e308 },
    ]);
    const [interval] = report.intervals;
    expect(interval?.spreadChange).toBeNull();
    expect(interval?.depthChange).toBeNull();
    expect(interval?.superficial).toBe(true);
    expect(interval?.notes.map((entry) => [entry.code, entry.field])).toEqual([
      ['CHANGE_NOT_REPRESENTABLE', 'spreadChange'],
      ['CHANGE_NOT_REPRESENTABLE', 'depthChange'],
    ]);
    expect(report.flaggedCount).toBe(1);
  });

  it('a change from 0 to −0 is 0, not −0', () => {
    const report = detectSuperficialSpread([
      { date: '2024-06-01', depth: 0, spread: 0 },
      { date: '2025-06-01', depth: -0, spread: -0 },
    ]);
    expect(Object.is(report.intervals[0]?.depthChange, 0)).toBe(true);
  });
});

describe('stored results: schemaVersion 1, sealed, schema round trip, damage with a path', () => {
  const assessment = assessScale([measure], { depth: 0.4 }, { practice: { intended: 10, withFidelity: 6 } });
  const report = detectSuperficialSpread(history);
  const stored = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value));

  it('results are frozen and carry schemaVersion 1', () => {
    expect(assessment.schemaVersion).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(Object.isFrozen(assessment.dimensions[0]?.decision.reasons)).toBe(true);
    expect(Object.isFrozen(report.intervals[0])).toBe(true);
  });

  it('a stored result parses back to the same value', () => {
    expect(parseScaleAssessment(stored(assessment))).toEqual(assessment);
    expect(parseSuperficialSpreadReport(stored(report))).toEqual(report);
    expect(ScaleAssessment.safeParse(stored(assessment)).success).toBe(true);
    expect(SuperficialSpreadReport.safeParse(stored(report)).success).toBe(true);
  });

  it.each([
    ['no policy', () => parseScaleAssessment({ ...stored(assessment), policy: undefined }), ['policy']],
    [
      'a score of Infinity',
      () => {
        const damaged = stored(assessment) as { dimensions: { score: unknown }[] };
        (damaged.dimensions[0] as { score: unknown }).score = Number.POSITIVE_INFINITY;
        return parseScaleAssessment(damaged);
      },
      ['dimensions', 0, 'score'],
    ],
    [
      'met disagreeing with the decision',
      () => {
        const damaged = stored(assessment) as { dimensions: { met: unknown }[] };
        (damaged.dimensions[0] as { met: unknown }).met = false;
        return parseScaleAssessment(damaged);
      },
      ['dimensions', 0, 'met'],
    ],
    ['an unknown key', () => parseScaleAssessment({ ...stored(assessment), extra: 1 }), ['extra']],
    ['schemaVersion 2', () => parseScaleAssessment({ ...stored(assessment), schemaVersion: 2 }), ['schemaVersion']],
    [
      'a rule id that does not exist',
      () => {
        const damaged = stored(report) as { decision: { reasons: { rule: string }[] } };
        (damaged.decision.reasons[0] as { rule: string }).rule = 'dimensions/made-up';
        return parseSuperficialSpreadReport(damaged);
      },
      ['decision', 'reasons', 0, 'rule'],
    ],
    [
      'a flagged count that does not add up',
      () => parseSuperficialSpreadReport({ ...stored(report), flaggedCount: 0 }),
      ['flaggedCount'],
    ],
    ['report without policy', () => parseSuperficialSpreadReport({ ...stored(report), policy: undefined }), ['policy']],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));

  it('safeParse returns the error', () => {
    const result = safeParseScaleAssessment({ ...stored(assessment), weakest: 'breadth' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.path).toEqual(['weakest']);
    expect(safeParseSuperficialSpreadReport(stored(report)).success).toBe(true);
  });
});
