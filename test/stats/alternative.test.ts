/**
 * One-sided tests against scipy (test/fixtures/gen/gen_alternative.py): correlate (Pearson p and
 * interval from `pearsonr(…, alternative).confidence_interval()`, Spearman and Kendall p from
 * `spearmanr` / `kendalltau(method=…)`, their one-sided Fisher intervals from the formula),
 * partialCorrelation (numpy + scipy t) and effectSize's t test (`ttest_ind`, `ttest_ind_from_stats`).
 * Tolerances: estimates and intervals 1e-9 relative + 1e-12 absolute, p-values 1e-8 relative.
 * Then the properties: less + greater = 1 for continuous data (Kendall exact: 1 + P(C = c)), and the
 * two-sided results unchanged by `alternative: 'two-sided'`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallExactPFor } from '../../src/_lib/kendall.js';
import {
  type Alternative,
  type CorrelationMethod,
  correlate,
  effectSize,
  type GroupSummary,
  type KendallPMethod,
  MAX_KENDALL_EXACT_PAIRS,
  partialCorrelation,
} from '../../src/stats/index.js';
import { expectClose, expectCloseInterval, P_TOLERANCE } from '../_support/close.js';
import { expectError } from '../_support/expectError.js';

type Interval = [number, number] | null;
const data = JSON.parse(readFileSync(new URL('../fixtures/alternative.json', import.meta.url), 'utf8')) as {
  correlate: {
    name: string;
    method: CorrelationMethod;
    x: number[];
    y: number[];
    alternative: Alternative;
    confidenceLevel: number;
    pMethod?: KendallPMethod;
    expected: {
      estimate: number;
      statistic: number | null;
      df: number | null;
      pValue: number;
      confidenceInterval: Interval;
      pMethod: string;
      n: number;
    };
  }[];
  partialCorrelation: {
    name: string;
    x: number[];
    y: number[];
    covariates: number[][];
    alternative: Alternative;
    confidenceLevel: number;
    expected: { estimate: number; statistic: number; df: number; pValue: number; confidenceInterval: Interval };
  }[];
  effectSize: {
    name: string;
    treatment: number[] | GroupSummary;
    comparison: number[] | GroupSummary;
    alternative: Alternative;
    expected: { statistic: number; pValue: number; df: number };
  }[];
};

describe('correlate with alternative and pMethod, against scipy', () => {
  it('covers each method on both sides, n = 3, perfect correlation, ties and forced Kendall methods', () => {
    const names = data.correlate.map((c) => c.name).join('\n');
    for (const want of ['n = 3', 'perfect positive', 'perfect negative', 'ties', 'exact (forced, rescaled)']) {
      expect(names).toContain(want);
    }
  });
  it.each(data.correlate.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const options = { method: c.method, alternative: c.alternative, confidenceLevel: c.confidenceLevel };
    const result = correlate(c.x, c.y, c.pMethod === undefined ? options : { ...options, pMethod: c.pMethod });
    const e = c.expected;
    expect(result.n).toBe(e.n);
    expect(result.pMethod).toBe(e.pMethod);
    expect(result.df).toBe(e.df);
    expectClose(result.estimate, e.estimate, 'estimate');
    expectClose(result.statistic, e.statistic, 'statistic');
    expectClose(result.pValue, e.pValue, 'pValue', P_TOLERANCE);
    if (e.confidenceInterval !== null) {
      expectCloseInterval(result.confidenceInterval, e.confidenceInterval, 'confidenceInterval');
    }
  });
});

describe('partialCorrelation with alternative, against numpy and scipy t', () => {
  it.each(data.partialCorrelation.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = partialCorrelation(c.x, c.y, c.covariates, {
      alternative: c.alternative,
      confidenceLevel: c.confidenceLevel,
    });
    expect(result.df).toBe(c.expected.df);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectClose(result.statistic, c.expected.statistic, 'statistic');
    expectClose(result.pValue, c.expected.pValue, 'pValue', P_TOLERANCE);
    expectCloseInterval(result.confidenceInterval, c.expected.confidenceInterval, 'confidenceInterval');
  });
});

describe("effectSize's t test with alternative, against scipy ttest_ind", () => {
  it.each(data.effectSize.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = effectSize({ treatment: c.treatment, comparison: c.comparison }, { alternative: c.alternative });
    const twoSided = effectSize({ treatment: c.treatment, comparison: c.comparison });
    expect(result.df).toBe(c.expected.df);
    expectClose(result.statistic, c.expected.statistic, 'statistic');
    expectClose(result.pValue, c.expected.pValue, 'pValue', P_TOLERANCE);
    // Only the p-value depends on the alternative.
    expect({ ...result, pValue: null }).toEqual({ ...twoSided, pValue: null });
  });
});

const continuousPairs = fc
  .integer({ min: 3, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );

describe('alternative: properties', () => {
  it('less + greater = 1 (± 1e-12) for t-based and asymptotic p-values; two-sided = 2·min, capped at 1', () => {
    fc.assert(
      fc.property(
        continuousPairs,
        fc.constantFrom<CorrelationMethod>('pearson', 'spearman', 'kendall'),
        ([x, y], method) => {
          const pMethod = method === 'kendall' ? ({ pMethod: 'asymptotic' } as const) : {};
          const less = correlate(x, y, { method, alternative: 'less', ...pMethod });
          const greater = correlate(x, y, { method, alternative: 'greater', ...pMethod });
          const both = correlate(x, y, { method, ...pMethod });
          if (less.pValue === null || greater.pValue === null || both.pValue === null) return;
          if (less.statistic === null) return; // perfect correlation: 0 and 1, checked below
          expect(Math.abs(less.pValue + greater.pValue - 1)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(both.pValue - Math.min(1, 2 * Math.min(less.pValue, greater.pValue)))).toBeLessThanOrEqual(
            1e-12,
          );
        },
      ),
    );
  });

  it("Kendall's exact p: less + greater = 1 + P(C = c), and the side the data lean to has half the two-sided p", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const tot = (n * (n - 1)) / 2;
        const c = Math.round(share * tot);
        const less = kendallExactPFor(n, c, 'less');
        const greater = kendallExactPFor(n, c, 'greater');
        const two = kendallExactPFor(n, c, 'two-sided');
        const lowerTail = Math.min(less, greater);
        if (2 * c !== tot) expect(Math.abs(lowerTail - two / 2)).toBeLessThanOrEqual(1e-15);
        // The mass at c: the difference of the one-sided tails at c and c ± 1.
        const mass = kendallExactPFor(n, c, 'greater') - (c < tot ? kendallExactPFor(n, c + 1, 'greater') : 0);
        expect(Math.abs(less + greater - 1 - mass)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it("'two-sided' is the default: the same result, field for field", () => {
    fc.assert(
      fc.property(
        continuousPairs,
        fc.constantFrom<CorrelationMethod>('pearson', 'spearman', 'kendall'),
        ([x, y], method) => {
          expect(correlate(x, y, { method, alternative: 'two-sided' })).toEqual(correlate(x, y, { method }));
        },
      ),
    );
  });

  it('a perfect correlation: p = 0 on its side, 1 on the other; intervals as scipy', () => {
    for (const method of ['pearson', 'spearman', 'kendall'] as const) {
      // r is exactly 1 on 1…4 (on longer lines Pearson's may be an ulp short, as scipy's); Kendall's
      // interval needs n > 4, and its τ = 15/√15/√15 is an ulp short of 1, as scipy's.
      const x = method === 'kendall' ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4];
      const up = correlate(x, x, { method, alternative: 'greater' });
      const down = correlate(x, x, { method, alternative: 'less' });
      expect([up.pValue === 0 || method === 'kendall', down.pValue]).toEqual([true, 1]);
      expect(up.confidenceInterval?.[1]).toBe(1);
      expect(up.confidenceInterval?.[0]).toBeCloseTo(1, 14);
      expect(down.confidenceInterval?.[0]).toBe(-1);
      expect(down.confidenceInterval?.[1]).toBeCloseTo(1, 14);
    }
  });

  it('bad options: unknown alternative, pMethod off Kendall, exact with ties, exact past the limit', () => {
    expectError(() => correlate([1, 2, 3], [1, 2, 3], { alternative: 'above' as never }), 'INVALID_INPUT', [
      'options',
      'alternative',
    ]);
    expectError(() => correlate([1, 2, 3], [1, 2, 3], { pMethod: 'exact' }), 'INVALID_INPUT', ['options', 'pMethod']);
    expect(correlate([1, 2, 3], [1, 3, 2], { pMethod: 'auto' }).pMethod).toBe('t');
    expectError(() => correlate([1, 2, 2, 3], [1, 2, 3, 4], { method: 'kendall', pMethod: 'exact' }), 'INVALID_INPUT', [
      'options',
      'pMethod',
    ]);
    const n = MAX_KENDALL_EXACT_PAIRS + 1;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i * 7919) % n);
    expectError(() => correlate(x, y, { method: 'kendall', pMethod: 'exact' }), 'LIMIT_EXCEEDED', [
      'options',
      'pMethod',
    ]);
    expect(correlate(x, x, { method: 'kendall', pMethod: 'exact' }).pValue).toBe(0);
    expectError(
      () => partialCorrelation([1, 2, 3, 4], [1, 2, 3, 4], [[1, 3, 2, 4]], { alternative: 'up' as never }),
      'INVALID_INPUT',
      ['options', 'alternative'],
    );
    expectError(
      () => effectSize({ treatment: [1, 2], comparison: [3, 4] }, { alternative: 'More' as never }),
      'INVALID_INPUT',
      ['options', 'alternative'],
    );
  });
});
