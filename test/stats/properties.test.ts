import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallCounts } from '../../src/_lib/kendall.js';
import { createRandom } from '../../src/_lib/random.js';
import { averageRanks, sortOrder, sortValues } from '../../src/_lib/rank.js';
import {
  adjustPValues,
  CORRELATION_METHODS,
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

const finiteDouble = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const pairsArbitrary = <T>(values: fc.Arbitrary<T>) =>
  fc
    .integer({ min: 0, max: 60 })
    .chain((n) =>
      fc.tuple(fc.array(values, { minLength: n, maxLength: n }), fc.array(values, { minLength: n, maxLength: n })),
    );
const smallIntegers = fc.integer({ min: -20, max: 20 });

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

describe('correlate: invariants', () => {
  it('estimates lie in [−1, 1], p in [0, 1], every number finite', () => {
    fc.assert(
      fc.property(
        pairsArbitrary(fc.oneof(finiteDouble, smallIntegers)),
        fc.constantFrom(...CORRELATION_METHODS),
        ([x, y], method) => {
          const result = correlate(x, y, { method });
          expect(numbersIn(result).every(Number.isFinite)).toBe(true);
          if (result.estimate !== null) expect(Math.abs(result.estimate)).toBeLessThanOrEqual(1);
          if (result.pValue !== null) expect(result.pValue >= 0 && result.pValue <= 1).toBe(true);
          const [lower, upper] = result.confidenceInterval ?? [-1, 1];
          expect(-1 <= lower && lower <= upper && upper <= 1).toBe(true);
        },
      ),
    );
  });

  it('is symmetric in x and y', () => {
    fc.assert(
      fc.property(
        pairsArbitrary(fc.oneof(finiteDouble, smallIntegers)),
        fc.constantFrom(...CORRELATION_METHODS),
        ([x, y], method) => {
          const a = correlate(x, y, { method });
          const b = correlate(y, x, { method });
          expect(b.estimate === null).toBe(a.estimate === null);
          if (a.estimate !== null && b.estimate !== null)
            expect(Math.abs(a.estimate - b.estimate)).toBeLessThanOrEqual(1e-12);
          expect(b.pMethod).toBe(a.pMethod);
        },
      ),
    );
  });

  it('Pearson is invariant under positive linear transforms', () => {
    fc.assert(
      fc.property(
        // Values are 0 or at least 1e-100 in magnitude: a subnormal such as −5e-324 times a scale
        // below 1 underflows to −0, so the "transformed" data would no longer be a linear image of x
        // (r really is 1 there; the library is right and the transform is not linear in floats).
        pairsArbitrary(fc.double({ min: -100, max: 100, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v))),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        ([x, y], scale, shift) => {
          const before = correlate(x, y).estimate;
          const transformed = x.map((v) => scale * v + shift);
          // The transform itself rounds each value to 2^-53 of its magnitude: when the shift dwarfs
          // the spread (e.g. spread 1e-15 around 3e-5) it has already changed the data, not just moved it.
          const spread = Math.max(...transformed) - Math.min(...transformed);
          const magnitude = Math.max(...transformed.map(Math.abs));
          if (spread === 0 || magnitude / spread > 1e6) return;
          const after = correlate(transformed, y).estimate;
          if (before === null || after === null) return; // a transform can make near-constant data constant
          expect(Math.abs(after - before)).toBeLessThanOrEqual(1e-6);
        },
      ),
    );
  });

  it('Pearson keeps its value for data of tiny or huge magnitude (squares that underflow or overflow)', () => {
    // Deviations below ≈ 1e-162 square to 0 and below ≈ 1e-154 to subnormal numbers; a counterexample
    // fast-check found gave 0.57 for data whose r is exactly −1.
    expect(correlate([0, 0, -1.5717277847026253e-160], [0, 0, 1.5717277847026288e-162]).estimate).toBe(-1);
    expect(correlate([0, 0, -1.5717277847026253e-162], [0, 0, 1.5717277847026288e-162]).estimate).toBe(-1);
    const x = [0, 1, 3, 2, 7, 4];
    const y = [1, 2, 2.5, 4, 3, 8];
    const reference = correlate(x, y).estimate as number;
    for (const [sx, sy] of [
      [1e-170, 1e-200],
      [1e-300, 1],
      [1e200, 1e-200],
      [1e300, 1e300],
    ] as const) {
      for (const input of [
        [x.map((v) => v * sx), y.map((v) => v * sy)],
        [Float64Array.from(x, (v) => v * sx), Float64Array.from(y, (v) => v * sy)],
      ] as const) {
        expect(Math.abs((correlate(input[0], input[1]).estimate as number) - reference)).toBeLessThanOrEqual(1e-12);
      }
    }
    // Constant data still has no estimate, by either route.
    expect(correlate([2, 2, 2], [1, 2, 3]).estimate).toBeNull();
    expect(correlate(Float64Array.from([1e-170, 1e-170, 1e-170]), Float64Array.from([1, 2, 3])).estimate).toBeNull();
  });

  it('Spearman and Kendall are invariant under strictly increasing transforms (exactly)', () => {
    fc.assert(
      fc.property(
        pairsArbitrary(smallIntegers),
        fc.constantFrom('spearman' as const, 'kendall' as const),
        ([x, y], method) => {
          const monotone = (t: number) => t * t * t + 7 * t - 3;
          expect(
            correlate(
              x.map(monotone),
              y.map((t) => Math.exp(t / 10)),
              { method },
            ),
          ).toEqual(correlate(x, y, { method }));
        },
      ),
    );
  });

  it('Kendall counts in O(n log n) agree with counting every pair', () => {
    fc.assert(
      fc.property(pairsArbitrary(fc.integer({ min: 0, max: 6 })), ([x, y]) => {
        const counts = kendallCounts(Float64Array.from(x), Float64Array.from(y));
        let concordant = 0;
        let discordant = 0;
        let xtie = 0;
        let ytie = 0;
        for (let i = 0; i < x.length; i += 1) {
          for (let j = i + 1; j < x.length; j += 1) {
            const dx = Math.sign((x[j] as number) - (x[i] as number));
            const dy = Math.sign((y[j] as number) - (y[i] as number));
            if (dx === 0) xtie += 1;
            if (dy === 0) ytie += 1;
            if (dx * dy > 0) concordant += 1;
            if (dx * dy < 0) discordant += 1;
          }
        }
        expect(counts).toMatchObject({ dis: discordant, conMinusDis: concordant - discordant, xtie, ytie });
      }),
    );
  });

  it('does not mutate its inputs', () => {
    fc.assert(
      fc.property(
        pairsArbitrary(fc.oneof(finiteDouble, fc.constant(null))),
        fc.constantFrom(...CORRELATION_METHODS),
        ([x, y], method) => {
          const frozenX = Object.freeze([...x]);
          const frozenY = Object.freeze([...y]);
          correlate(frozenX, frozenY, { method });
          const typed = Float64Array.from(x.map((v) => v ?? 0));
          const copy = typed.slice();
          correlate(typed, Float64Array.from(y.map((v) => v ?? 0)), { method });
          expect(typed).toEqual(copy);
        },
      ),
    );
  });

  it('is deterministic for large seeded data (10,000 pairs) and keeps one code path per input kind', () => {
    const random = createRandom(7);
    const x = Float64Array.from({ length: 10_000 }, () => random.nextFloat());
    const y = Float64Array.from(x, (v) => v + random.nextFloat());
    for (const method of CORRELATION_METHODS) {
      expect(correlate(x, y, { method })).toEqual(correlate(Array.from(x), Array.from(y), { method }));
    }
  });

  it('stays accurate for a huge offset and for an outlying first value', () => {
    const x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5];
    const y = [2, 1, 4, 3, 5];
    expect(correlate(x, y).estimate).toBeCloseTo(0.8, 14); // scipy: 0.8
    const outlierFirst = [1e12, 1, 2, 3, 4, 5];
    const partner = [1, 2, 1, 4, 3, 5];
    // scipy.stats.pearsonr(outlierFirst, partner).statistic → -0.4999999999976 (numpy.corrcoef agrees)
    expect(correlate(outlierFirst, partner).estimate).toBeCloseTo(-0.4999999999976, 12);
  });
});

describe('ranking without comparator callbacks', () => {
  const awkward = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 5e-324, -5e-324, 1, -1, Number.MAX_VALUE, -Number.MAX_VALUE),
    smallIntegers,
  );
  it('sortOrder is a stable ascending order (any size, both sides of the radix threshold)', () => {
    fc.assert(
      fc.property(fc.array(awkward, { maxLength: 300 }), (values) => {
        const order = Array.from(sortOrder(Float64Array.from(values)));
        const expected = values
          .map((_, index) => index)
          .sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
        expect(order.map((index) => (values[index] === 0 ? 0 : values[index]))).toEqual(
          expected.map((index) => (values[index] === 0 ? 0 : values[index])),
        );
        for (let k = 1; k < order.length; k += 1) {
          const a = order[k - 1] as number;
          const b = order[k] as number;
          if (values[a] === values[b] && !(Object.is(values[a], -0) !== Object.is(values[b], -0)))
            expect(a).toBeLessThan(b);
        }
      }),
    );
  });

  it('sortValues sorts in place like a numeric sort (both sides of the insertion threshold)', () => {
    fc.assert(
      fc.property(fc.array(awkward, { maxLength: 400 }), (values) => {
        const typed = Float64Array.from(values);
        sortValues(typed);
        // −0 and +0 are equal values; only their order among themselves may differ.
        const plain = (list: Iterable<number>) => Array.from(list, (value) => (value === 0 ? 0 : value));
        expect(plain(typed)).toEqual(plain(Float64Array.from(values).sort()));
      }),
    );
  });

  it('averageRanks matches counting smaller and equal values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(smallIntegers, finiteDouble), { maxLength: 200 }), (values) => {
        const ranks = averageRanks(Float64Array.from(values));
        values.forEach((value, index) => {
          const below = values.filter((other) => other < value).length;
          const equal = values.filter((other) => other === value).length;
          expect(ranks[index]).toBe(below + (equal + 1) / 2);
        });
      }),
    );
  });
});

describe('other estimates: invariants', () => {
  it('adjusted p-values are ≥ the raw ones, ≤ 1, Holm ≤ Bonferroni, and in input order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (p) => {
        const frozen = Object.freeze([...p]);
        const holm = adjustPValues(frozen, 'holm');
        const bh = adjustPValues(frozen, 'bh');
        const bonferroni = adjustPValues(frozen, 'bonferroni');
        p.forEach((raw, index) => {
          for (const adjusted of [holm[index], bh[index], bonferroni[index]] as number[]) {
            expect(adjusted >= raw && adjusted <= 1).toBe(true);
          }
          expect(holm[index] as number).toBeLessThanOrEqual(bonferroni[index] as number);
        });
      }),
    );
  });

  it('swapping treatment and comparison negates g and mirrors the improvement index', () => {
    const group = fc.record({
      mean: fc.double({ min: -100, max: 100, noNaN: true }),
      sd: fc.double({ min: 0.01, max: 50, noNaN: true }),
      n: fc.integer({ min: 2, max: 500 }),
    });
    fc.assert(
      fc.property(group, group, (treatment, comparison) => {
        const forward = effectSize({ treatment, comparison });
        const backward = effectSize({ treatment: comparison, comparison: treatment });
        expect(backward.estimate).toBeCloseTo(-(forward.estimate as number), 12);
        expect(backward.improvementIndex).toBeCloseTo(-(forward.improvementIndex as number), 9);
        expect(Math.abs(forward.improvementIndex as number)).toBeLessThanOrEqual(50);
        expect(numbersIn(forward).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('Wilson intervals contain the estimate and lie in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (a, b, level) => {
          const [successes, n] = a <= b ? [a, b] : [b, a];
          const result = proportionInterval(successes, n, { confidenceLevel: level });
          if (n === 0) {
            expect(result.estimate).toBeNull();
            return;
          }
          const [lower, upper] = result.confidenceInterval as [number, number];
          expect(
            0 <= lower && lower <= (result.estimate as number) && (result.estimate as number) <= upper && upper <= 1,
          ).toBe(true);
        },
      ),
    );
  });

  it('agreement and ICC outputs are finite; r_wg estimates lie in [0, 1]', () => {
    const rating = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        fc.array(rating, { maxLength: 12 }),
        fc.array(fc.array(rating, { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        fc.array(fc.array(finiteDouble, { maxLength: 6 }), { maxLength: 6 }),
        (ratings, matrix, groups) => {
          const single = rwg(ratings, 5);
          const multi = rwgJ(matrix, 5);
          for (const result of [single, multi]) {
            if (result.estimate !== null) expect(result.estimate >= 0 && result.estimate <= 1).toBe(true);
          }
          for (const result of [single, multi, icc1(groups)])
            expect(numbersIn(result).every(Number.isFinite)).toBe(true);
        },
      ),
    );
  });

  it('partial correlation and Cox index outputs are finite, estimates in range', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 30 })
          .chain((n) =>
            fc.tuple(
              ...[0, 1, 2].map(() => fc.array(fc.oneof(finiteDouble, smallIntegers), { minLength: n, maxLength: n })),
            ),
          ),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        ([x, y, z], a, b) => {
          const partial = partialCorrelation(x as number[], y as number[], [z as number[]]);
          if (partial.estimate !== null) expect(Math.abs(partial.estimate)).toBeLessThanOrEqual(1);
          expect(numbersIn(partial).every(Number.isFinite)).toBe(true);
          const cox = coxIndex({ treatment: { successes: Math.min(a, b), n: b }, comparison: { successes: 1, n: 2 } });
          expect(numbersIn(cox).every(Number.isFinite)).toBe(true);
          expect(designEffect(0.1, a)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
