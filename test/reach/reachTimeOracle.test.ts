/**
 * reachOverTime against R `survival` 3.5.3 (test/fixtures/gen/reachTime.R): Kaplan–Meier with
 * delayed entry (survfit on (start, stop, event) data) with its log interval, quantile.survfit,
 * the restricted mean of print.survfit (rmean = τ), the Aalen–Johansen multi-state survfit with
 * leaving as a competing event, and the log-rank test with left truncation (assembled in R from
 * survfit's risk sets; equal to survdiff where there is no delayed entry). Three rosters: 60
 * students without delayed entry or exits, 300 and 2,000 with both. Every case runs in row and
 * columnar form. Tolerance: 1e-12 relative (R writes 15 significant digits); quantiles exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ReachOverTimeReport, reachOverTime } from '../../src/reach/index.js';
import { dayOf, gridRow, isoOf, toTimeColumns } from './_timeSupport.js';

interface RPopulation {
  n: number;
  reached: number;
  exited: number;
  atRisk: number[];
  surv: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  quantile: (number | null)[];
  quantileLower: (number | null)[];
  quantileUpper: (number | null)[];
  rmean: number;
  rmeanSe: number;
  incidence: number[];
  exitIncidence: number[];
}
interface RCase {
  name: string;
  horizon: number;
  every: number;
  probs: number[];
  students: { g1: number[]; g2: number[]; start: number[]; stop: number[]; status: number[] };
  populations: Record<string, RPopulation>;
  logRank: Record<
    string,
    { observed: number; expected: number; variance: number; chiSquare: number; p: number; survdiffChiSquare?: number }
  >;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/reachTime.json', import.meta.url), 'utf8')) as {
  cases: RCase[];
};

const close = (actual: number | null | undefined, expected: number | null, tolerance = 1e-12) => {
  if (expected === null) {
    expect(actual ?? null).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
};

const PERIOD_START = '2024-08-26';
const focalGroups = ['g1', 'g2'];
const NAMES: Record<string, string> = { everyone: 'everyone', g1: 'g1', g2: 'g2', union: 'union', none: 'none' };

function run(testCase: RCase, columnar: boolean): ReachOverTimeReport {
  const s = testCase.students;
  const rows = s.start.map((start, i) =>
    gridRow(
      {
        groups: [...(s.g1[i] === 1 ? ['g1'] : []), ...(s.g2[i] === 1 ? ['g2'] : [])],
        start,
        stop: s.stop[i] as number,
        status: s.status[i] as number,
      },
      i,
      PERIOD_START,
    ),
  );
  const options = {
    focalGroups,
    period: { start: PERIOD_START, end: isoOf(dayOf(PERIOD_START) + 364) },
    asOf: isoOf(dayOf(PERIOD_START) + testCase.horizon - 1),
    every: testCase.every,
    quantiles: testCase.probs,
  };
  return reachOverTime(columnar ? toTimeColumns(rows, focalGroups) : rows, options);
}

describe.each(fixture.cases)('R survival: $name', (testCase) => {
  const report = run(testCase, false);
  it('row and columnar forms agree', () => {
    expect(run(testCase, true)).toEqual(report);
  });
  it.each(Object.keys(NAMES))('%s: Kaplan–Meier, intervals, Aalen–Johansen, quantiles, restricted mean', (name) => {
    const r = testCase.populations[name] as RPopulation | null;
    const pop = report.populations.find((entry) => entry.id === NAMES[name]);
    expect(pop).toBeDefined();
    if (pop === undefined) return;
    if (r === null) {
      // Nobody in the population (R has no fit): no estimates, a note.
      expect(pop.n).toBe(0);
      expect(pop.restrictedMean).toBeNull();
      expect(
        report.notes.some((entry) => entry.code === 'EMPTY_POPULATION' && entry.field === `populations.${name}`),
      ).toBe(true);
      return;
    }
    expect([pop.n, pop.reached, pop.exited]).toEqual([r.n, r.reached, r.exited]);
    expect(pop.curve.map((point) => point.atRisk)).toEqual(r.atRisk);
    pop.curve.forEach((point, k) => {
      close(point.share, 1 - (r.surv[k] as number));
      close(point.lower, r.upper[k] === null ? null : 1 - (r.upper[k] as number));
      close(point.upper, r.lower[k] === null ? null : 1 - (r.lower[k] as number));
      close(point.incidence, r.incidence[k] as number);
      close(point.exitIncidence, r.exitIncidence[k] as number);
    });
    pop.quantiles.forEach((quantile, k) => {
      expect(quantile.day).toBe(r.quantile[k]);
      expect(quantile.lowerDay).toBe(r.quantileLower[k]);
      expect(quantile.upperDay).toBe(r.quantileUpper[k]);
    });
    close(pop.restrictedMean?.days ?? null, r.rmean);
    close(pop.restrictedMean?.se ?? null, r.rmeanSe, 1e-10);
  });
  it.each(['g1', 'g2', 'union'])('%s against none: the log-rank test with left truncation', (name) => {
    const r = testCase.logRank[name] as RCase['logRank'][string] | null;
    const comparison = report.comparisons.find((entry) => entry.id === name);
    if (r === null) {
      expect(comparison).toMatchObject({ observed: 0, chiSquare: null, p: null, hazardRatio: null });
      return;
    }
    expect(comparison?.observed).toBe(r.observed);
    close(comparison?.expected ?? null, r.expected);
    close(comparison?.chiSquare ?? null, r.chiSquare, 1e-10);
    // pchisq(lower.tail = FALSE): relative to p.
    expect(Math.abs((comparison?.p ?? Number.NaN) - r.p)).toBeLessThanOrEqual(1e-9 * r.p);
    if (r.survdiffChiSquare !== undefined) close(comparison?.chiSquare ?? null, r.survdiffChiSquare, 1e-10);
  });
});
