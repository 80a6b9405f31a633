import { describe, expect, it } from 'vitest';
import {
  correlate,
  coxIndex,
  effectSize,
  icc1,
  partialCorrelation,
  proportionInterval,
  rwg,
  rwgJ,
} from '../../src/stats/index.js';

/**
 * Every note a stats function can give, from the inputs that give it. A stats note says why a
 * result field is missing, so its `field` must name a field of the result, and that field is null.
 */
const CASES: readonly (readonly [code: string, run: () => { readonly notes: readonly unknown[] }])[] = [
  ['TOO_FEW_PAIRS', () => correlate([1, 2], [3, 4])],
  ['CONSTANT_INPUT', () => correlate([1, 1, 1], [1, 2, 3])],
  ['PERFECT_CORRELATION', () => correlate([1, 2, 3, 4], [2, 4, 6, 8])],
  ['PERFECT_CORRELATION', () => correlate([1, 2, 3, 4], [1, 4, 9, 16], { method: 'spearman' })],
  ['EXTREME_PROPORTION', () => coxIndex({ treatment: { successes: 10, n: 10 }, comparison: { successes: 5, n: 10 } })],
  ['TOO_FEW_OBSERVATIONS', () => effectSize({ treatment: [1], comparison: [2] })],
  ['ZERO_POOLED_SD', () => effectSize({ treatment: [1, 1], comparison: [2, 2] })],
  ['TOO_FEW_GROUPS', () => icc1([[1, 2, 3]])],
  ['TOO_FEW_OBSERVATIONS', () => icc1([[1], [2]])],
  [
    'NO_VARIANCE',
    () =>
      icc1([
        [2, 2],
        [2, 2],
      ]),
  ],
  ['TOO_FEW_ROWS', () => partialCorrelation([1, 2, 3], [3, 1, 2], [[1, 1, 2]])],
  ['CONSTANT_INPUT', () => partialCorrelation([1, 1, 1, 1, 1], [3, 1, 2, 5, 4], [[1, 2, 2, 3, 1]])],
  ['SINGULAR_COVARIATES', () => partialCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], [[1, 2, 3, 4, 5]])],
  ['EMPTY', () => proportionInterval(0, 0)],
  ['TOO_FEW_RATERS', () => rwg([4], 5)],
  ['TOO_FEW_RATERS', () => rwgJ([[4, 5]], 5)],
];

describe('every stats note names the result field it explains', () => {
  it.each(CASES.map(([code, run], index) => [`${code} #${index}`, code, run] as const))('%s', (_name, code, run) => {
    const result = run() as unknown as Record<string, unknown> & {
      notes: readonly { code: string; field: string | null; message: string }[];
    };
    expect(result.notes.map((entry) => entry.code)).toContain(code);
    for (const entry of result.notes) {
      expect(entry.message.length).toBeGreaterThan(0);
      expect(entry.field).not.toBeNull();
      expect(Object.keys(result)).toContain(entry.field);
      expect(result[entry.field as string], `${entry.code} explains why ${entry.field} is null`).toBeNull();
    }
  });
});
