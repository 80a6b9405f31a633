/** The scaling helpers behind "finite in, finite out" (src/stats/_finite.ts), and effect sizes whose SD overflows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanAndSd, powerOfTwoScale, withoutNegativeZero } from '../../src/stats/_finite.js';
import { effectSize } from '../../src/stats/index.js';

describe('powerOfTwoScale', () => {
  it('is 1 when there is nothing to scale (max |x| of 0)', () => {
    expect(powerOfTwoScale(0)).toBe(1);
  });

  it('is the largest power of two not above max |x|, over the whole range of doubles', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const scale = powerOfTwoScale(x);
        expect(Math.log2(scale)).toBe(Math.round(Math.log2(scale)));
        expect(scale).toBeLessThanOrEqual(x);
        expect(scale === 2 ** 1023 || 2 * scale > x).toBe(true);
      }),
    );
    expect(powerOfTwoScale(Number.MAX_VALUE)).toBe(2 ** 1023);
    expect(powerOfTwoScale(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(powerOfTwoScale(1024)).toBe(1024);
    expect(powerOfTwoScale(1023.999)).toBe(512);
  });
});

describe('meanAndSd and withoutNegativeZero', () => {
  it('a single value is its own mean with SD 0', () => {
    expect(meanAndSd([5])).toEqual({ mean: 5, sd: 0 });
    expect(meanAndSd([1.5e308])).toEqual({ mean: 1.5e308, sd: 0 });
  });

  it('turns −0 into 0 in plain objects and arrays, leaves frozen parts and primitives alone', () => {
    const frozen = Object.freeze({ d: -0 });
    const value = withoutNegativeZero({ a: -0, b: [1, -0], c: frozen, e: 'x' });
    expect(Object.is(value.a, 0)).toBe(true);
    expect(Object.is(value.b[1], 0)).toBe(true);
    expect(value.c).toBe(frozen);
    expect(Object.is(value.c.d, -0)).toBe(true);
    expect(Object.is(withoutNegativeZero(-0), -0)).toBe(true);
    expect(withoutNegativeZero(null)).toBeNull();
  });
});

describe('effectSize when a group’s SD exceeds the largest double', () => {
  // By hand: [−1.7e308, 1.7e308] has mean 0 and SD √((2·1.7e308²)/1) = 1.7e308·√2 ≈ 2.4e308 > MAX_VALUE.
  const wide = [-1.7e308, 1.7e308];

  it('in the comparison group: no estimate, NOT_REPRESENTABLE at comparison, the treatment summarized', () => {
    const result = effectSize({ treatment: [1, 2, 3], comparison: wide });
    expect(result.estimate).toBeNull();
    expect(result.comparison).toBeNull();
    expect(result.treatment).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(result.n).toBe(3); // n counts the groups that could be summarized
    expect(result.notes.map((n) => [n.code, n.field])).toEqual([['NOT_REPRESENTABLE', 'comparison']]);
  });

  it('in the treatment group with an empty comparison: n counts the treatment alone', () => {
    const result = effectSize({ treatment: wide, comparison: [] });
    expect(result.treatment).toBeNull();
    expect(result.comparison).toBeNull();
    expect(result.n).toBe(0);
    expect(result.notes.map((n) => [n.code, n.field])).toEqual([['NOT_REPRESENTABLE', 'treatment']]);
  });
});

describe('values near the largest double (regression: the scale was 2¹⁰²⁴ = Infinity)', () => {
  // Math.log2(1.7976931348622453e308) is 1024 in V8, so the scale came out as Infinity and every scaled value
  // as 0: meanAndSd gave mean NaN, and effectSize called an SD of about 4e307 "beyond the largest double".
  const huge = [1.7976931348622453e308, 1e308, 1.5e308];
  // By hand (in units of 1e308): mean (1.7976931348622453 + 1 + 1.5)/3 = 1.4325643782874151;
  // SD √(Σ(x − mean)²/2) = 0.4030995617194482 (python3: statistics.stdev([1.7976931348622453, 1, 1.5])).
  it('meanAndSd gives the finite mean and SD', () => {
    const { mean, sd } = meanAndSd(huge);
    expect(mean / 1e308).toBeCloseTo(1.4325643782874151, 12);
    expect((sd as number) / 1e308).toBeCloseTo(0.4030995617194482, 12);
  });

  it('effectSize summarizes the group instead of calling its SD unrepresentable', () => {
    const result = effectSize({ treatment: huge, comparison: [1, 2, 3] });
    expect((result.treatment?.sd as number) / 1e308).toBeCloseTo(0.4030995617194482, 12);
    expect(result.notes.map((n) => n.code)).not.toContain('NOT_REPRESENTABLE');
  });
});
