/**
 * Every statistic against independent oracles: scipy 1.17 and R (multilevel, p.adjust, prop.test),
 * from the committed generators in test/fixtures/gen/ (see its README). Tolerances: estimates 1e-9
 * relative + 1e-12 absolute, p-values 1e-8 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/_lib/normalQuantile.js';
import { createRandom } from '../../src/_lib/random.js';
import {
  adjustPValues,
  type CorrelationMethod,
  correlate,
  coxIndex,
  effectSize,
  type GroupSummary,
  icc1,
  type PAdjustMethod,
  partialCorrelation,
  proportionInterval,
  rwg,
  rwgJ,
} from '../../src/stats/index.js';
import { expectClose, expectCloseInterval, P_TOLERANCE } from '../_support/close.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

type Interval = [number | null, number | null] | null;
interface Expected {
  estimate: number | null;
  statistic: number | null;
  df: number | null;
  pValue: number | null;
  confidenceInterval: Interval;
  n: number;
  nDropped: number;
}

describe('correlate against scipy (pearsonr, spearmanr, kendalltau) and the REFERENCE intervals', () => {
  const cases =
    fixture<
      {
        name: string;
        method: CorrelationMethod;
        x: (number | null)[];
        y: (number | null)[];
        confidenceLevel: number;
        expected: Expected & { pMethod: string | null };
      }[]
    >('correlation.json');
  it('covers at least 25 cases, n from 3 to ≥ 2,000, both sides of the Kendall exact boundary', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(Math.max(...cases.map((c) => c.x.length))).toBeGreaterThanOrEqual(2000);
    const kendall = cases.filter((c) => c.method === 'kendall');
    expect(new Set(kendall.map((c) => c.expected.pMethod))).toEqual(new Set(['exact', 'asymptotic', null]));
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = correlate(c.x, c.y, { method: c.method, confidenceLevel: c.confidenceLevel });
    const e = c.expected;
    expect([result.n, result.nDropped]).toEqual([e.n, e.nDropped]);
    expect(result.pMethod).toBe(e.pMethod);
    expectClose(result.estimate, e.estimate, 'estimate');
    expectClose(result.statistic, e.statistic, 'statistic');
    expect(result.df).toBe(e.df);
    expectClose(result.pValue, e.pValue, 'pValue', P_TOLERANCE);
    expectCloseInterval(result.confidenceInterval, e.confidenceInterval, 'confidenceInterval');
    if (e.estimate === null) expect(result.notes[0]?.code).toMatch(/TOO_FEW_PAIRS|CONSTANT_INPUT/);
  });
  it('gives the same answers from Float64Arrays as from plain arrays', () => {
    for (const c of cases.filter((entry) => entry.x.every((v) => v !== null) && entry.y.every((v) => v !== null))) {
      const typed = correlate(Float64Array.from(c.x as number[]), Float64Array.from(c.y as number[]), {
        method: c.method,
        confidenceLevel: c.confidenceLevel,
      });
      expect(typed).toEqual(correlate(c.x, c.y, { method: c.method, confidenceLevel: c.confidenceLevel }));
    }
  });
});

describe('partialCorrelation against numpy (inverse correlation matrix) and scipy t', () => {
  const cases =
    fixture<
      {
        name: string;
        method: 'pearson' | 'spearman';
        x: (number | null)[];
        y: (number | null)[];
        covariates: (number | null)[][];
        confidenceLevel: number;
        expected: Expected;
      }[]
    >('partial.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = partialCorrelation(c.x, c.y, c.covariates, { method: c.method, confidenceLevel: c.confidenceLevel });
    const e = c.expected;
    expect([result.n, result.nDropped, result.df]).toEqual([e.n, e.nDropped, e.df]);
    expectClose(result.estimate, e.estimate, 'estimate');
    expectClose(result.statistic, e.statistic, 'statistic');
    expectClose(result.pValue, e.pValue, 'pValue', P_TOLERANCE);
    expectCloseInterval(result.confidenceInterval, e.confidenceInterval, 'confidenceInterval');
  });
});

describe('adjustPValues against R p.adjust', () => {
  const cases =
    fixture<{ name: string; method: PAdjustMethod; pValues: number[]; expected: number[] }[]>('padjust.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const adjusted = adjustPValues(c.pValues, c.method);
    expect(adjusted).toHaveLength(c.expected.length);
    adjusted.forEach((value, index) => {
      expectClose(value, c.expected[index], `p[${index}]`, P_TOLERANCE);
    });
  });
});

describe('effectSize against the WWC formulas (numpy, scipy.stats.norm)', () => {
  const cases =
    fixture<
      {
        name: string;
        treatment: GroupSummary | number[];
        comparison: GroupSummary | number[];
        confidenceLevel: number;
        expected: Record<string, number | null | Interval> & { confidenceInterval: Interval; n: number };
      }[]
    >('effectsize.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = effectSize(
      { treatment: c.treatment, comparison: c.comparison },
      { confidenceLevel: c.confidenceLevel },
    );
    const e = c.expected;
    for (const key of [
      'estimate',
      'meanDifference',
      'pooledSd',
      'cohensD',
      'hedgesG',
      'omega',
      'se',
      'improvementIndex',
    ] as const) {
      expectClose(result[key], e[key] as number | null, key);
    }
    expectCloseInterval(result.confidenceInterval, e.confidenceInterval, 'confidenceInterval');
    expect(result.n).toBe(e.n);
  });
});

describe('coxIndex against the WWC formula', () => {
  const cases =
    fixture<
      {
        name: string;
        treatment: { successes: number; n: number };
        comparison: { successes: number; n: number };
        expected: {
          estimate: number | null;
          logOddsRatio: number | null;
          omega: number;
          improvementIndex: number | null;
        };
      }[]
    >('cox.json');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = coxIndex({ treatment: c.treatment, comparison: c.comparison });
    for (const key of ['estimate', 'logOddsRatio', 'omega', 'improvementIndex'] as const) {
      expectClose(result[key], c.expected[key], key);
    }
  });
});

describe('proportionInterval against R prop.test(correct = FALSE)', () => {
  const cases =
    fixture<
      {
        successes: number;
        n: number;
        confidenceLevel: number;
        expected: { estimate: number | null; confidenceInterval: Interval };
      }[]
    >('wilson.json');
  it.each(cases.map((c) => [`${c.successes} of ${c.n} at ${c.confidenceLevel}`, c] as const))('%s', (_name, c) => {
    const result = proportionInterval(c.successes, c.n, { confidenceLevel: c.confidenceLevel });
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectCloseInterval(result.confidenceInterval, c.expected.confidenceInterval, 'confidenceInterval');
  });
});

describe('agreement against R multilevel (rwg, rwg.j, ICC1)', () => {
  const data = fixture<{
    rwg: {
      name: string;
      ratings: (number | null)[];
      scalePoints: number;
      scale?: { min: number; max: number };
      expected: { estimate: number | null; raw: number | null };
    }[];
    rwgJ: {
      name: string;
      ratingsByRater: (number | null)[][];
      scalePoints: number;
      expected: { estimate: number | null; raw: number | null };
    }[];
    icc1: {
      name: string;
      groups: number[][];
      expected: { estimate: number | null; n0: number | null; anova: Record<string, number | null> | null };
    }[];
  }>('agreement.json');
  it.each(data.rwg.map((c) => [c.name, c] as const))('rwg: %s', (_name, c) => {
    const result = rwg(c.ratings, c.scale ?? c.scalePoints);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectClose(result.raw, c.expected.raw, 'raw');
  });
  it.each(data.rwgJ.map((c) => [c.name, c] as const))('rwgJ: %s', (_name, c) => {
    const result = rwgJ(c.ratingsByRater, c.scalePoints);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectClose(result.raw, c.expected.raw, 'raw');
  });
  it.each(data.icc1.map((c) => [c.name, c] as const))('icc1: %s', (_name, c) => {
    const result = icc1(c.groups);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectClose(result.n0, c.expected.n0, 'n0');
    if (c.expected.anova === null) return;
    for (const [key, value] of Object.entries(c.expected.anova)) {
      const actual = (result.anova as unknown as Record<string, number | null> | null)?.[key];
      expectClose(actual, value, `anova.${key}`, key === 'pValue' ? P_TOLERANCE : undefined);
    }
  });
});

describe('_lib: normal quantile (AS241) against scipy ndtri', () => {
  const cases = fixture<{ p: number; expected: number }[]>('normalQuantile.json');
  it(`matches ${cases.length} points to 1e-15 relative`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const { p, expected } of cases) {
      expectClose(normalQuantile(p), expected, `Φ⁻¹(${p})`, { relative: 1e-15, absolute: 1e-300 });
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('_lib: xoshiro128** against the authors’ C reference', () => {
  const cases = fixture<{ seed: number; uint32: number[]; doubles: number[] }[]>('prng.json');
  it.each(cases.map((c) => [c.seed, c] as const))('seed %s', (_seed, c) => {
    const random = createRandom(c.seed);
    expect(Array.from({ length: c.uint32.length }, () => random.nextUint32())).toEqual(c.uint32);
    expect(Array.from({ length: c.doubles.length }, () => random.nextFloat())).toEqual(c.doubles);
  });
});

describe('adjustPValues: the methods added for R and statsmodels users, to 1e-14', () => {
  const added = new Set(['hochberg', 'hommel', 'by', 'sidak', 'holm-sidak']);
  const cases = fixture<{ name: string; method: PAdjustMethod; pValues: number[]; expected: number[] }[]>(
    'padjust.json',
  ).filter((c) => added.has(c.method));
  it('covers every added method on at least 15 vectors', () => {
    for (const method of added) expect(cases.filter((c) => c.method === method).length).toBeGreaterThanOrEqual(15);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    adjustPValues(c.pValues, c.method).forEach((value, index) => {
      expectClose(value, c.expected[index], `p[${index}]`, { relative: 1e-14, absolute: 0 });
    });
  });
});
