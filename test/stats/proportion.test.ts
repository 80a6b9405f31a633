/**
 * Proportion intervals beyond Wilson against R and statsmodels (test/fixtures/gen/gen_proportion.py):
 * wilson-cc (R prop.test(correct = TRUE), Newcombe's method 4), agresti-coull (statsmodels),
 * clopper-pearson (R binom.test) and jeffreys (R qbeta). Tolerance: 1e-9 relative + 1e-12 absolute.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BETA_INTERVAL_N,
  PROPORTION_INTERVAL_METHODS,
  proportionInterval,
  proportionIntervalBeta,
} from '../../src/stats/index.js';
import { expectCloseInterval } from '../_support/close.js';
import { expectError } from '../_support/expectError.js';

type Interval = [number, number];
const cases = JSON.parse(readFileSync(new URL('../fixtures/proportion.json', import.meta.url), 'utf8')) as {
  successes: number;
  n: number;
  confidenceLevel: number;
  expected: Record<'wilson-cc' | 'agresti-coull' | 'clopper-pearson' | 'jeffreys', Interval>;
  rDefaultWilsonCc: Interval | null;
}[];

describe('proportion intervals against R and statsmodels', () => {
  it.each(cases.map((c) => [`${c.successes} of ${c.n} at ${c.confidenceLevel}`, c] as const))('%s', (_name, c) => {
    const level = { confidenceLevel: c.confidenceLevel };
    for (const method of ['wilson-cc', 'agresti-coull'] as const) {
      const result = proportionInterval(c.successes, c.n, { ...level, method });
      expectCloseInterval(result.confidenceInterval, c.expected[method], method);
      expect(result.estimate).toBe(c.successes / c.n);
    }
    for (const method of ['clopper-pearson', 'jeffreys'] as const) {
      const result = proportionIntervalBeta(c.successes, c.n, { ...level, method });
      expectCloseInterval(result.confidenceInterval, c.expected[method], method);
    }
  });

  it("R's prop.test(correct = TRUE) drops the correction at x = n/2 (its default p = 0.5); Newcombe does not", () => {
    const halves = cases.filter((c) => 2 * c.successes === c.n && c.rDefaultWilsonCc !== null);
    expect(halves.length).toBeGreaterThanOrEqual(2);
    for (const c of halves) {
      const ours = proportionInterval(c.successes, c.n, { confidenceLevel: c.confidenceLevel, method: 'wilson-cc' });
      const wilson = proportionInterval(c.successes, c.n, { confidenceLevel: c.confidenceLevel });
      expectCloseInterval(wilson.confidenceInterval, c.rDefaultWilsonCc, 'R default = plain Wilson');
      expect((ours.confidenceInterval as Interval)[0]).toBeLessThan((wilson.confidenceInterval as Interval)[0]);
    }
    for (const c of cases.filter((entry) => 2 * entry.successes !== entry.n && entry.rDefaultWilsonCc !== null)) {
      expectCloseInterval(c.rDefaultWilsonCc, c.expected['wilson-cc'], 'R default elsewhere');
    }
  });
});

describe('proportion intervals: properties', () => {
  const counts = fc
    .integer({ min: 1, max: 5000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))
    .map(([x, n]) => ({ x, n }));
  const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);
  it('every interval lies in [0, 1], holds 0 at x = 0 and 1 at x = n, and contains p̂ (Agresti–Coull: near it)', () => {
    fc.assert(
      fc.property(counts, level, ({ x, n }, confidenceLevel) => {
        const p = x / n;
        const intervals = [
          ...PROPORTION_INTERVAL_METHODS.map(
            (method) => [method, proportionInterval(x, n, { confidenceLevel, method }).confidenceInterval] as const,
          ),
          ...(['clopper-pearson', 'jeffreys'] as const).map(
            (method) => [method, proportionIntervalBeta(x, n, { confidenceLevel, method }).confidenceInterval] as const,
          ),
        ];
        for (const [method, interval] of intervals) {
          const [lower, upper] = interval as Interval;
          expect(0 <= lower && lower <= upper && upper <= 1, `${method} ${lower} ${upper}`).toBe(true);
          if (method !== 'agresti-coull') {
            expect(lower <= p && p <= upper, `${method} contains ${p}`).toBe(true);
            if (x === 0) expect(lower).toBe(0);
            if (x === n) expect(upper).toBe(1);
          }
        }
        // Clopper–Pearson is at least as wide as Jeffreys, and the corrected Wilson as Wilson.
        const cp = proportionIntervalBeta(x, n, { confidenceLevel }).confidenceInterval as Interval;
        const jf = proportionIntervalBeta(x, n, { confidenceLevel, method: 'jeffreys' }).confidenceInterval as Interval;
        expect(cp[0] <= jf[0] + 1e-15 && jf[1] <= cp[1] + 1e-15).toBe(true);
        const w = proportionInterval(x, n, { confidenceLevel }).confidenceInterval as Interval;
        const cc = proportionInterval(x, n, { confidenceLevel, method: 'wilson-cc' }).confidenceInterval as Interval;
        expect(cc[0] <= w[0] && w[1] <= cc[1]).toBe(true);
      }),
    );
  });

  it('bad input: unknown methods, n past the beta limit, n = 0 gives no estimate', () => {
    expectError(() => proportionInterval(1, 4, { method: 'clopper-pearson' as never }), 'INVALID_INPUT', [
      'options',
      'method',
    ]);
    expectError(() => proportionIntervalBeta(1, 4, { method: 'wilson' as never }), 'INVALID_INPUT', [
      'options',
      'method',
    ]);
    expectError(() => proportionIntervalBeta(1, MAX_BETA_INTERVAL_N + 1), 'LIMIT_EXCEEDED', ['n']);
    expectError(() => proportionIntervalBeta(5, 4), 'INVALID_INPUT', ['successes']);
    expect(proportionIntervalBeta(0, 0).estimate).toBeNull();
    expect(proportionIntervalBeta(1, MAX_BETA_INTERVAL_N).confidenceInterval?.[1]).toBeLessThan(1e-8);
  });
});
