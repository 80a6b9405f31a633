/** Issue 12 in stats: unknown keys, holes, limits, −0, N = 3 and the overflow notes (code and path). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustPValues,
  correlate,
  coxIndex,
  designEffect,
  effectSize,
  icc1,
  partialCorrelation,
  proportionInterval,
  rwg,
  rwgJ,
} from '../../src/stats/index.js';
import { expectError } from '../_support/expectError.js';

const x = [1, 2, 3, 4, 5];
const y = [2, 1, 4, 3, 6];
const groups = { treatment: { mean: 1, sd: 1, n: 5 }, comparison: { mean: 0, sd: 1, n: 5 } };
const proportions = { treatment: { successes: 3, n: 10 }, comparison: { successes: 5, n: 10 } };
// biome-ignore lint/suspicious/noSparseArray: a hole is the point
const holey = [1, , 3, 4, 5] as number[];

describe('unknown keys → INVALID_INPUT at the key', () => {
  it.each([
    ['correlate methd', () => correlate(x, y, { methd: 'kendall' } as never), ['options', 'methd']],
    ['partialCorrelation options', () => partialCorrelation(x, y, [x], { nan: 'omit' } as never), ['options', 'nan']],
    ['effectSize groups', () => effectSize({ ...groups, control: [1] } as never), ['groups', 'control']],
    [
      'effectSize summary',
      () => effectSize({ ...groups, treatment: { mean: 1, sd: 1, n: 5, se: 1 } } as never),
      ['groups', 'treatment', 'se'],
    ],
    ['effectSize options', () => effectSize(groups, { level: 0.9 } as never), ['options', 'level']],
    ['coxIndex groups', () => coxIndex({ ...proportions, extra: 1 } as never), ['groups', 'extra']],
    [
      'coxIndex group',
      () => coxIndex({ ...proportions, comparison: { success: 5, n: 10 } } as never),
      ['groups', 'comparison', 'success'],
    ],
    ['coxIndex options', () => coxIndex(proportions, { confidence: 0.9 } as never), ['options', 'confidence']],
    ['proportionInterval options', () => proportionInterval(1, 2, { level: 0.9 } as never), ['options', 'level']],
    ['icc1 options', () => icc1([x, y], { nanpolicy: 'omit' } as never), ['options', 'nanpolicy']],
    ['rwg options', () => rwg([1, 2], 5, { policy: 'omit' } as never), ['options', 'policy']],
    ['rwg scale', () => rwg([1, 2], { min: 1, max: 5, mid: 3 } as never), ['scalePoints', 'mid']],
    ['rwgJ options', () => rwgJ([[1], [2]], 5, { nanPolicyy: 'omit' } as never), ['options', 'nanPolicyy']],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));

  it('suggests the key meant', () => {
    expect(() => correlate(x, y, { methd: 'kendall' } as never)).toThrow(/did you mean `method`/);
  });

  it('reads each option once (a getter cannot answer differently later)', () => {
    let reads = 0;
    const options = {
      get method() {
        reads += 1;
        return reads === 1 ? 'spearman' : 'distance';
      },
    };
    expect(correlate(x, y, options as never).method).toBe('spearman');
    expect(reads).toBe(1);
  });
});

describe('holes → INVALID_INPUT at the index; over-long series → LIMIT_EXCEEDED', () => {
  it.each([
    ['correlate x', () => correlate(holey, y), ['x', 1]],
    ['partialCorrelation covariate', () => partialCorrelation(x, y, [holey]), ['covariates', 0, 1]],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    ['partialCorrelation covariate list', () => partialCorrelation(x, y, [x, , y] as never), ['covariates', 1]],
    ['effectSize raw group', () => effectSize({ treatment: holey, comparison: y }), ['groups', 'treatment', 1]],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    ['icc1 groups', () => icc1([x, , y] as never), ['groups', 1]],
    ['icc1 group', () => icc1([x, holey]), ['groups', 1, 1]],
    ['rwg ratings', () => rwg(holey, 5), ['ratings', 1]],
    ['rwgJ row', () => rwgJ([x, holey], 5), ['ratingsByRater', 1, 1]],
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    ['adjustPValues', () => adjustPValues([0.1, , 0.2] as never, 'holm'), ['pValues', 1]],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));

  it('an explicit undefined stays missing', () => {
    expect(correlate([1, undefined, 3, 4], [1, 2, 3, 5]).nDropped).toBe(1);
  });

  it.each([
    ['correlate', () => correlate(new Array(2 ** 31), y), ['x']],
    ['effectSize', () => effectSize({ treatment: new Array(2 ** 31), comparison: y }), ['groups', 'treatment']],
    ['adjustPValues', () => adjustPValues(new Array(2 ** 31), 'bh'), ['pValues']],
    ['icc1', () => icc1(new Array(2 ** 31)), ['groups']],
  ])('%s: LIMIT_EXCEEDED', (_name, run, path) => expectError(run, 'LIMIT_EXCEEDED', path));

  it('an array-like that is not an array is refused as a shape, with its path', () => {
    expectError(() => correlate({ length: 2 ** 31 } as never, y), 'INVALID_INPUT', ['x']);
  });

  it('a sparse array of length 2³¹ is refused before anything is allocated', () => {
    expectError(() => rwg(new Array(2 ** 31), 5), 'LIMIT_EXCEEDED', ['ratings']);
  });
});

describe('counts and scales past the exact range', () => {
  it.each([
    [
      'effectSize n above 2^53 - 1',
      () => effectSize({ ...groups, treatment: { mean: 1, sd: 1, n: 2 ** 53 } }),
      ['groups', 'treatment', 'n'],
    ],
    [
      'coxIndex n above 2^53 - 1',
      () => coxIndex({ ...proportions, comparison: { successes: 1, n: 2 ** 60 } }),
      ['groups', 'comparison', 'n'],
    ],
    ['rwg scale of 2^60 points', () => rwg([1, 2], 2 ** 60), ['scalePoints']],
    ['rwg range too wide', () => rwg([1, 2], { min: -(2 ** 52), max: 2 ** 52 }), ['scalePoints', 'max']],
    ['a boolean where a number belongs', () => designEffect(true as never, 5), ['icc']],
  ])('%s', (_name, run, path) => expectError(run, 'INVALID_INPUT', path));
});

describe("Hedges' g at N = 3 (ω = 0)", () => {
  it('is null with ZERO_CORRECTION, keeping d and the t-test', () => {
    const result = effectSize({ treatment: [1, 2], comparison: [4] });
    expect(result.omega).toBe(0);
    expect(result.hedgesG).toBeNull();
    expect(result.estimate).toBeNull();
    expect(result.se).toBeNull();
    expect(result.confidenceInterval).toBeNull();
    expect(result.improvementIndex).toBeNull();
    expect(result.cohensD).not.toBeNull();
    expect(result.pValue).not.toBeNull();
    expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([['ZERO_CORRECTION', 'estimate']]);
  });
});

describe('values past the largest double are null with NOT_REPRESENTABLE', () => {
  it('a mean difference of 1e308 − (−1e308)', () => {
    const result = effectSize({
      treatment: { mean: 1e308, sd: 1e300, n: 5 },
      comparison: { mean: -1e308, sd: 1e300, n: 5 },
    });
    expect(result.meanDifference).toBeNull();
    expect(result.cohensD).toBeCloseTo(2e8, -1);
    expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([['NOT_REPRESENTABLE', 'meanDifference']]);
  });
  it('a d beyond 1e308 (means 1e300 apart, SDs 1e-300)', () => {
    const result = effectSize({
      treatment: { mean: 1e300, sd: 1e-300, n: 5 },
      comparison: { mean: -1e300, sd: 1e-300, n: 5 },
    });
    expect(result.cohensD).toBeNull();
    expect(result.estimate).toBeNull();
    expect(result.notes.map((entry) => entry.field)).toEqual(['cohensD']);
  });
  it('raw outcomes whose SD exceeds the largest double', () => {
    const result = effectSize({ treatment: [-1.7e308, 1.7e308], comparison: [1, 2] });
    expect(result.estimate).toBeNull();
    expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([['NOT_REPRESENTABLE', 'treatment']]);
  });
  it('icc1: a table past the largest double is null, the estimate stays', () => {
    const result = icc1([
      [1e200, 2e200, 3e200],
      [4e200, 5e200, 7e200],
    ]);
    expect(result.anova).toBeNull();
    expect(result.estimate).toBeCloseTo(0.75, 12);
  });
});

describe('−0 never comes out', () => {
  it('adjustPValues([−0])', () => {
    expect(Object.is(adjustPValues([-0], 'holm')[0], 0)).toBe(true);
    expect(Object.is(adjustPValues([-0], 'bonferroni')[0], 0)).toBe(true);
  });
  it('effectSize with a summary mean of −0 and a tiny negative difference', () => {
    const result = effectSize({ treatment: { mean: -0, sd: 1, n: 5 }, comparison: { mean: 5e-324, sd: 1e300, n: 5 } });
    expect(Object.is(result.treatment?.mean, -0)).toBe(false);
    expect(Object.is(result.hedgesG, -0)).toBe(false);
    expect(Object.is(result.cohensD, -0)).toBe(false);
  });
});

// --------------------------------------------------------------------------- property

/** Every number anywhere in a result. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}
const isClean = (value: number) => Number.isFinite(value) && !Object.is(value, -0);

/** Finite doubles of any magnitude, 1e-300 … 1e300 and their negatives, with 0 and the boundaries. */
const anyMagnitude = fc.oneof(
  fc
    .integer({ min: -300, max: 300 })
    .chain((exponent) =>
      fc
        .double({ min: 1, max: 9.999, noNaN: true })
        .chain((mantissa) => fc.constantFrom(mantissa * 10 ** exponent, -mantissa * 10 ** exponent)),
    ),
  fc.constantFrom(0, -0, 1e300, -1e300, 1e-300, -1e-300, 1.7e308, -1.7e308, 5e-324),
);
/** A sample at one magnitude (as real data are), with some spread. */
const sampleAt = (minLength: number, maxLength: number) =>
  fc
    .tuple(
      fc.integer({ min: -300, max: 300 }),
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength, maxLength }),
    )
    .map(([exponent, values]) => values.map((value) => value * 10 ** exponent));
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('for finite inputs of any magnitude, no output is NaN, ±Infinity or −0', () => {
  it('correlate and partialCorrelation', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 12 })
          .chain((n) =>
            fc.tuple(
              fc.array(anyMagnitude, { minLength: n, maxLength: n }),
              fc.array(anyMagnitude, { minLength: n, maxLength: n }),
              fc.array(anyMagnitude, { minLength: n, maxLength: n }),
            ),
          ),
        fc.constantFrom('pearson', 'spearman', 'kendall' as const),
        level,
        ([a, b, z], method, confidenceLevel) => {
          expect(numbersIn(correlate(a, b, { method, confidenceLevel })).every(isClean)).toBe(true);
          const partial = partialCorrelation(a, b, [z], { method: method === 'kendall' ? 'pearson' : method });
          expect(numbersIn(partial).every(isClean)).toBe(true);
        },
      ),
    );
  });

  it('effectSize, raw and summarized', () => {
    const summary = fc.record({
      mean: anyMagnitude,
      sd: anyMagnitude.map(Math.abs),
      n: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(
        fc.oneof(summary, sampleAt(0, 8), fc.array(anyMagnitude, { maxLength: 8 })),
        fc.oneof(summary, sampleAt(0, 8), fc.array(anyMagnitude, { maxLength: 8 })),
        level,
        (treatment, comparison, confidenceLevel) => {
          const result = effectSize({ treatment, comparison }, { confidenceLevel });
          expect(numbersIn(result).every(isClean), JSON.stringify(result)).toBe(true);
        },
      ),
    );
  });

  it('icc1', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(sampleAt(0, 6), { maxLength: 5 }),
          fc.array(fc.array(anyMagnitude, { maxLength: 6 }), { maxLength: 5 }),
        ),
        (groupsOf) => {
          const result = icc1(groupsOf);
          expect(numbersIn(result).every(isClean), JSON.stringify(result)).toBe(true);
          if (result.estimate !== null) expect(result.estimate).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('rwg, rwgJ, designEffect, coxIndex, proportionInterval, adjustPValues', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 10 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.oneof(fc.double({ min: 1, max: 1e300, noNaN: true }), fc.constantFrom(1, 1e300, 1.7e308)),
        fc
          .integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1, 5e-324, null)), {
          maxLength: 10,
        }),
        (ratings, icc, clusterSize, [successes, n], pValues) => {
          const scale = { min: -2, max: 2 };
          expect(numbersIn(rwg(ratings, scale)).every(isClean)).toBe(true);
          expect(
            numbersIn(
              rwgJ(
                ratings.map((rating) => [rating, -rating]),
                scale,
              ),
            ).every(isClean),
          ).toBe(true);
          const effect = 1 + (clusterSize - 1) * icc;
          if (effect > 0) expect(isClean(designEffect(icc, clusterSize))).toBe(true);
          const group = { successes, n };
          expect(numbersIn(coxIndex({ treatment: group, comparison: group })).every(isClean)).toBe(true);
          expect(numbersIn(proportionInterval(successes, n)).every(isClean)).toBe(true);
          for (const method of ['holm', 'bh', 'bonferroni'] as const) {
            expect(numbersIn(adjustPValues(pValues, method)).every(isClean)).toBe(true);
          }
        },
      ),
    );
  });
});
