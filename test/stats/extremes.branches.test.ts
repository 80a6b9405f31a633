/**
 * Deterministic cases for branches random inputs reach only sometimes: a power-of-two scale whose
 * log2 rounds up, an effect size whose interval overflows, a CDF at ±∞ standard scores, and
 * Kendall's τ with a run of x ties long enough for the radix sort.
 */
import { describe, expect, it } from 'vitest';
import { kendallCounts } from '../../src/_lib/kendall.js';
import { powerOfTwoScale } from '../../src/stats/_finite.js';
import { correlate, effectSize, normalCdf } from '../../src/stats/index.js';

describe('powerOfTwoScale: log2 rounding across a power of two', () => {
  it('2⁶⁰ − 256 has log2 rounding to 60 but scale 2⁵⁹', () => {
    const x = 2 ** 60 - 256;
    expect(Math.floor(Math.log2(x))).toBe(60); // the rounding the correction is there for
    expect(powerOfTwoScale(x)).toBe(2 ** 59);
  });
});

describe('effectSize: an interval past the largest double', () => {
  it('keeps the estimate, drops the interval, notes NOT_REPRESENTABLE for it', () => {
    const result = effectSize({ treatment: { mean: 1.7e308, sd: 1, n: 50 }, comparison: { mean: 0, sd: 1, n: 50 } });
    // g = ω·d with ω = 1 − 3/(4·98 − 1).
    expect(result.hedgesG).toBeCloseTo((1 - 3 / 391) * 1.7e308, -295);
    expect(Number.isFinite(result.se)).toBe(true);
    expect(result.confidenceInterval).toBeNull();
    expect(result.notes.map((entry) => [entry.code, entry.field])).toContainEqual([
      'NOT_REPRESENTABLE',
      'confidenceInterval',
    ]);
  });
});

describe('normalCdf: standard scores that overflow', () => {
  it('is exactly 1 or 0 in the limit', () => {
    expect(normalCdf(1e308, -1e308, 1e-300)).toBe(1);
    expect(normalCdf(-1e308, 1e308, 1)).toBe(0);
  });
});

describe("Kendall's τ: a long run of ties in x", () => {
  // 5,000 pairs, 4,500 with x = 0 (past the 4,096 below which the engine's sort is used).
  const n = 5000;
  const x = Float64Array.from({ length: n }, (_, i) => (i < 4500 ? 0 : 1 + (i % 3)));
  const y = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 613);
  it('counts pairs as the O(n²) definition does', () => {
    let con = 0;
    let dis = 0;
    let xtie = 0;
    let ytie = 0;
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = (x[i] as number) - (x[j] as number);
        const dy = (y[i] as number) - (y[j] as number);
        if (dx === 0) xtie += 1;
        if (dy === 0) ytie += 1;
        if (dx * dy > 0) con += 1;
        else if (dx * dy < 0) dis += 1;
      }
    }
    const counts = kendallCounts(x, y);
    expect(counts).toMatchObject({ tot: (n * (n - 1)) / 2, dis, conMinusDis: con - dis, xtie, ytie });
    const tau = correlate(Array.from(x), Array.from(y), { method: 'kendall' }).estimate as number;
    expect(tau).toBeCloseTo((con - dis) / Math.sqrt((counts.tot - xtie) * (counts.tot - ytie)), 12);
  });
});

describe("Pearson's r: sums of squares that overflow or underflow", () => {
  const x = [1, -2, 0.5, 3, -1.5, 2.25];
  const y = [2, -1, 1, 4, -2, 1.5];
  const r = correlate(x, y).estimate as number;
  it('is the same r for x scaled by 10²⁰⁰ (squares overflow) and by 10⁻²⁰⁰ (squares underflow)', () => {
    for (const scale of [1e200, 1e-200]) {
      const scaled = x.map((value) => value * scale);
      expect(correlate(scaled, y).estimate).toBeCloseTo(r, 12);
      expect(correlate(Float64Array.from(scaled), Float64Array.from(y)).estimate).toBeCloseTo(r, 12);
    }
  });
});

describe("Pearson's r: an outlying first value (shifted sums ill-conditioned)", () => {
  it('equals the two-pass r on centred data', () => {
    // 20,001 pairs; the first x is 1,000 while the rest lie in [0, 1): the sums shifted by the first
    // pair exceed the centred ones by more than 10⁴, so the centred pass is taken.
    const n = 20_001;
    const x = Array.from({ length: n }, (_, i) => (i === 0 ? 1000 : ((i * 7919) % 1000) / 1000));
    const y = Array.from({ length: n }, (_, i) => (i === 0 ? 3 : ((i * 104_729) % 997) / 997 + (x[i] as number)));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const mx = mean(x);
    const my = mean(y);
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < n; i += 1) {
      const dx = (x[i] as number) - mx;
      const dy = (y[i] as number) - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    expect(correlate(x, y).estimate).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
    expect(correlate(Float64Array.from(x), Float64Array.from(y)).estimate).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
  });
});
