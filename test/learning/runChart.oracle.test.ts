/**
 * Run charts against the oracle of test/fixtures/gen/gen_runchart.py: a base-R transcription of
 * qicharts2's runs analysis (runchart.R, R 4.2 median/rle/qbinom), cross-checked by an independent
 * Python implementation with an exact-integer binomial quantile. qicharts2 itself could not be
 * installed (not in Debian, CRAN unreachable); see test/fixtures/gen/README.md. The IHI shift and
 * trend values come from the generator's own implementation of Perla et al. (2011).
 * Every comparison is exact: the values are counts, and the medians come from the same arithmetic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anhoejLimits, type RunChartOptions, runChart } from '../../src/learning/index.js';

interface ExpectedPhase {
  start: number;
  end: number;
  median: number | null;
  nUseful: number;
  longestRun: number | null;
  longestRunMax: number | null;
  crossings: number | null;
  crossingsMin: number | null;
  runsSignal: boolean | null;
  shift: boolean | null;
  shiftPoints: number[];
  longestTrend: number | null;
  trend: boolean | null;
  trendPoints: number[];
}

interface Case {
  name: string;
  values: (number | null)[];
  freeze?: number | (number | null)[] | null;
  part?: number[];
  exclude?: number[];
  expected: ExpectedPhase[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/runchart.json', import.meta.url), 'utf8')) as {
  limits: { nUseful: number; longestRunMax: number; crossingsMin: number }[];
  cases: Case[];
};

const optionsOf = (c: Case): RunChartOptions => ({
  ...(c.freeze === undefined || c.freeze === null ? {} : { freeze: c.freeze }),
  ...(c.part === undefined ? {} : { part: c.part }),
  ...(c.exclude === undefined ? {} : { exclude: c.exclude }),
});

describe('anhoejLimits against R (round(log2 n) + 3, qbinom(0.05, n − 1, 0.5))', () => {
  it('holds the table for n = 1…100 and large n up to 100,000', () => {
    const sizes = fixture.limits.map((row) => row.nUseful);
    for (let n = 1; n <= 100; n += 1) expect(sizes).toContain(n);
    expect(Math.max(...sizes)).toBe(100_000);
  });

  it.each(fixture.limits.map((row) => [row.nUseful, row] as const))('n = %i', (_n, row) => {
    expect(anhoejLimits(row.nUseful)).toEqual(row);
  });

  it('matches the check values of REFERENCE.md', () => {
    const check: [number, number, number][] = [
      [10, 6, 2],
      [12, 7, 3],
      [16, 7, 4],
      [20, 7, 6],
      [24, 8, 8],
      [30, 8, 10],
      [50, 9, 19],
      [100, 10, 41],
    ];
    for (const [n, longestRunMax, crossingsMin] of check) {
      expect(anhoejLimits(n)).toEqual({ nUseful: n, longestRunMax, crossingsMin });
    }
  });
});

describe('runChart against the qicharts2 transcription', () => {
  it('covers ≥ 20 series: n from 8 to 60, all-equal, many on the median, ties in trends, phases', () => {
    const { cases } = fixture;
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const lengths = cases.map((c) => c.values.length);
    expect(lengths.filter((n) => n >= 8 && n <= 60).length).toBeGreaterThanOrEqual(20);
    expect(Math.min(...lengths.filter((n) => n >= 8))).toBe(8);
    expect(Math.max(...lengths)).toBe(60);
    expect(cases.some((c) => c.expected.some((phase) => phase.nUseful === 0 && phase.median !== null))).toBe(true);
    expect(cases.some((c) => c.part !== undefined)).toBe(true);
    expect(cases.some((c) => Array.isArray(c.freeze))).toBe(true);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = runChart(c.values, optionsOf(c));
    expect(result.phases).toHaveLength(c.expected.length);
    c.expected.forEach((expected, k) => {
      const phase = result.phases[k];
      expect(phase).toMatchObject({
        start: expected.start,
        end: expected.end,
        median: expected.median,
        nUseful: expected.nUseful,
        longestRun: expected.longestRun,
        longestRunMax: expected.longestRunMax,
        crossings: expected.crossings,
        crossingsMin: expected.crossingsMin,
        runsSignal: expected.runsSignal,
        shift: expected.shift,
        longestTrend: expected.longestTrend,
        trend: expected.trend,
      });
      const flagged = (rule: string) =>
        result.points.filter((point) => point.phase === k && point.rules.includes(rule as never)).map((p) => p.index);
      expect(flagged('learning/ihi-shift'), 'shift points').toEqual(expected.shiftPoints);
      expect(flagged('learning/ihi-trend'), 'trend points').toEqual(expected.trendPoints);
    });
    // The top level describes the last phase.
    const last = c.expected.at(-1) as ExpectedPhase;
    expect(result).toMatchObject({ median: last.median, nUseful: last.nUseful, runsSignal: last.runsSignal });
  });
});
