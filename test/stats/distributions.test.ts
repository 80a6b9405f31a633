/**
 * The distribution helpers against scipy.stats (test/fixtures/gen/gen_distributions.py), and their
 * argument checks. Tolerances: CDFs 1e-12 relative (absolute 1e-300, so far-tail values count),
 * quantiles 1e-12 relative + 1e-12 absolute (around p = 0.5 the quantile is 0).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareCdf, normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/stats/index.js';
import { expectClose } from '../_support/close.js';
import { expectError as expectThrowsAt } from '../_support/expectError.js';

const data = JSON.parse(readFileSync(new URL('../fixtures/distributions.json', import.meta.url), 'utf8')) as {
  tCdf: { x: number; df: number; expected: number }[];
  tQuantile: { p: number; df: number; expected: number }[];
  normalCdf: { x: number; mean: number; sd: number; expected: number }[];
  normalQuantile: { p: number; mean: number; sd: number; expected: number }[];
  chiSquareCdf: { x: number; df: number; expected: number }[];
};

const CDF = { relative: 1e-12, absolute: 1e-300 } as const;
const QUANTILE = { relative: 1e-12, absolute: 1e-12 } as const;

describe('distribution helpers against scipy.stats', () => {
  it(`tCdf: ${data.tCdf.length} points`, () => {
    for (const c of data.tCdf) expectClose(tCdf(c.x, c.df), c.expected, `t.cdf(${c.x}, ${c.df})`, CDF);
  });
  it(`tQuantile: ${data.tQuantile.length} points`, () => {
    for (const c of data.tQuantile) {
      expectClose(tQuantile(c.p, c.df), c.expected, `t.ppf(${c.p}, ${c.df})`, QUANTILE);
    }
  });
  it(`normalCdf: ${data.normalCdf.length} points`, () => {
    for (const c of data.normalCdf) {
      expectClose(normalCdf(c.x, c.mean, c.sd), c.expected, `norm.cdf(${c.x}, ${c.mean}, ${c.sd})`, CDF);
    }
  });
  it(`normalQuantile: ${data.normalQuantile.length} points`, () => {
    for (const c of data.normalQuantile) {
      expectClose(normalQuantile(c.p, c.mean, c.sd), c.expected, `norm.ppf(${c.p}, ${c.mean}, ${c.sd})`, QUANTILE);
    }
  });
  it(`chiSquareCdf: ${data.chiSquareCdf.length} points`, () => {
    for (const c of data.chiSquareCdf) {
      expectClose(chiSquareCdf(c.x, c.df), c.expected, `chi2.cdf(${c.x}, ${c.df})`, CDF);
    }
  });
});

describe('distribution helpers: properties and bad input', () => {
  it('the quantiles invert the CDFs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 1e4, noNaN: true }),
        (p, df) => {
          expect(Math.abs(tCdf(tQuantile(p, df), df) - p)).toBeLessThanOrEqual(1e-10);
          expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });
  it('quantiles refuse p outside (0, 1); df and sd must be > 0', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) {
      expectThrowsAt(() => tQuantile(p, 3), 'INVALID_INPUT', ['p']);
      expectThrowsAt(() => normalQuantile(p), 'INVALID_INPUT', ['p']);
    }
    for (const df of [0, -1, 5e-324, 1e-301, Number.POSITIVE_INFINITY, Number.NaN]) {
      expectThrowsAt(() => tCdf(1, df), 'INVALID_INPUT', ['df']);
      expectThrowsAt(() => tQuantile(0.5, df), 'INVALID_INPUT', ['df']);
      expectThrowsAt(() => chiSquareCdf(1, df), 'INVALID_INPUT', ['df']);
    }
    expectThrowsAt(() => normalCdf(1, 0, 0), 'INVALID_INPUT', ['sd']);
    expectThrowsAt(() => normalCdf(Number.POSITIVE_INFINITY), 'INVALID_INPUT', ['x']);
    expectThrowsAt(() => normalQuantile(0.5, Number.NaN), 'INVALID_INPUT', ['mean']);
    expectThrowsAt(() => tQuantile(1e-300, 0.001), 'LIMIT_EXCEEDED', ['p']);
    expectThrowsAt(() => normalQuantile(0.999, 0, 1e308), 'LIMIT_EXCEEDED', ['p']);
  });
  it('gives exact limits for extreme finite arguments, never −0', () => {
    expect(normalCdf(-1e308, 1e308, 1e-300)).toBe(0);
    expect(normalCdf(1e308, -1e308, 1e-300)).toBe(1);
    expect(Object.is(tCdf(-1e300, 1), 0)).toBe(true);
    expect(Object.is(chiSquareCdf(-0, 1), 0)).toBe(true);
    expect(Object.is(normalQuantile(0.5, -0), 0)).toBe(true);
  });
});
