/**
 * reachOverTime by hand on small rosters (ties on a day, a student who enrols after the start,
 * one who leaves unreached, a k-th engagement, engagements outside enrolment), the projected
 * arrival against scipy's exact Poisson interval (test/fixtures/gen/reachTimePoisson.py), and
 * bad input (code and path).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gammaP, poissonInterval } from '../../src/reach/_poisson.js';
import { type ReachRow, reachOverTime, reachTimeAccumulator } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { dayOf, isoOf, paceScenario, toTimeColumns } from './_timeSupport.js';

const period = { start: '2024-09-02', end: '2025-06-30' };
const base = { focalGroups: ['el'], period, asOf: '2024-09-06', every: 1 };

// Days 1…5 = 09-02 … 09-06.
const small: ReachRow[] = [
  { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-03'] },
  { id: 'b', units: {}, groups: ['el'], exitedOn: '2024-09-04' },
  { id: 'c', units: {}, engagedOn: ['2024-09-02'] },
  { id: 'd', units: {}, enrolledOn: '2024-09-03', engagedOn: ['2024-09-05'] },
  { id: 'e', units: {}, engagedOn: ['2024-09-03'] },
  { id: 'f', units: {}, groups: ['el'], engagedOn: [] },
];

describe('reachOverTime by hand', () => {
  const report = reachOverTime(small, base);
  const [everyone, el, union, none] = report.populations;
  it('Kaplan–Meier with delayed entry and a tie on day 2', () => {
    // n: 5, 5, 3, 2, 1; events 1, 2, 0, 1, 0; S = 4/5, 12/25, 12/25, 6/25, 6/25.
    expect(everyone?.curve.map((point) => point.atRisk)).toEqual([5, 5, 3, 2, 1]);
    const shares = everyone?.curve.map((point) => point.share) ?? [];
    for (const [k, share] of [1 / 5, 13 / 25, 13 / 25, 19 / 25, 19 / 25].entries())
      expect(shares[k]).toBeCloseTo(share, 14);
    expect(everyone?.curve.map((point) => point.reached)).toEqual([1, 3, 3, 4, 4]);
    expect(everyone?.curve.map((point) => point.exited)).toEqual([0, 0, 1, 1, 1]);
    expect([everyone?.n, everyone?.reached, everyone?.exited, everyone?.unreached]).toEqual([6, 4, 1, 1]);
  });
  it("Greenwood's log interval", () => {
    // Σ d/(n(n − d)) on day 4 = 1/20 + 2/15 + 1/2; S = 6/25.
    const gw = 1 / 20 + 2 / 15 + 1 / 2;
    const z = 1.959963984540054;
    const point = everyone?.curve[3];
    expect(point?.lower).toBeCloseTo(1 - Math.min(1, (6 / 25) * Math.exp(z * Math.sqrt(gw))), 12);
    expect(point?.upper).toBeCloseTo(1 - (6 / 25) * Math.exp(-z * Math.sqrt(gw)), 12);
  });
  it('Aalen–Johansen: leaving competes, so the share actually reached is below 1 − S', () => {
    // cif: 1/5, + 4/5·2/5, exit 12/25·1/3, + 8/25·1/2 → 17/25; exit incidence 4/25.
    expect(everyone?.curve[4]?.incidence).toBeCloseTo(17 / 25, 14);
    expect(everyone?.curve[4]?.exitIncidence).toBeCloseTo(4 / 25, 14);
    expect(el?.curve[4]?.incidence).toBeCloseTo(1 / 3, 14);
    expect(el?.curve[4]?.exitIncidence).toBeCloseTo(1 / 3, 14);
  });
  it('quantiles and the restricted mean', () => {
    expect(everyone?.quantiles[0]).toMatchObject({ q: 0.5, reachedOn: '2024-09-03', day: 2 });
    // 1 + 0.8 + 0.48 + 0.48 + 0.24
    expect(everyone?.restrictedMean?.days).toBeCloseTo(3, 14);
    expect(el?.quantiles[0]).toMatchObject({ reachedOn: null, day: null });
    // none: 1 − S = 1/2 exactly on day 1, so R's midpoint of the flat stretch (days 1 and 2).
    expect(none?.quantiles[0]).toMatchObject({ reachedOn: '2024-09-02', day: 1.5 });
  });
  it('a population reached in full has no interval from then on (a note says so)', () => {
    expect(none?.curve[3]).toMatchObject({ share: 1, lower: null, upper: null });
    expect(report.notes.map((entry) => entry.code)).toContain('ALL_REACHED');
    expect(union?.n).toBe(3);
  });
  it('the log-rank test of the focal group against the rest', () => {
    // E = 3/5 + 6/5 + 1/2 = 2.3; V = 6/25 + 0.36 + 0.25 = 0.85; O = 1.
    const comparison = report.comparisons[0];
    expect(comparison?.observed).toBe(1);
    expect(comparison?.expected).toBeCloseTo(2.3, 14);
    expect(comparison?.chiSquare).toBeCloseTo(1.69 / 0.85, 12);
    expect(comparison?.hazardRatio?.estimate).toBeCloseTo(Math.exp(-1.3 / 0.85), 12);
  });
  it('the k-th engagement on the roster; engagements outside enrolment, ineligible and absent students', () => {
    const rows: ReachRow[] = [
      { id: 'a', units: {}, engagedOn: ['2024-09-05', '2024-09-03', '2024-09-04'] },
      { id: 'b', units: {}, enrolledOn: '2024-09-04', engagedOn: ['2024-09-02', '2024-09-04', '2024-09-05'] },
      { id: 'c', units: {}, exitedOn: '2024-09-03', engagedOn: ['2024-09-02', '2024-09-04', '2024-09-05'] },
      { id: 'd', units: {}, eligible: false, engagedOn: ['2024-09-02', '2024-09-03'] },
      { id: 'e', units: {}, enrolledOn: '2024-09-09' },
      { id: 'f', units: {}, enrolledOn: '2024-06-01', exitedOn: '2024-08-30' },
    ];
    const result = reachOverTime(rows, { ...base, minEngagements: 2 });
    const all = result.populations[0];
    expect(result.excluded).toBe(1);
    expect([all?.n, all?.outside, all?.reached, all?.exited]).toEqual([3, 2, 2, 1]);
    // a: second engagement on 09-04 (day 3); b: 09-05 (day 4); c left on day 2.
    expect(all?.curve.map((point) => point.reached)).toEqual([0, 0, 1, 2, 2]);
    expect(result.notes.find((entry) => entry.code === 'ENGAGEMENTS_OUTSIDE_ENROLMENT')?.message).toMatch(/^3 /);
  });
  it('asOf after the period ends the analysis at the period end', () => {
    const result = reachOverTime(small, {
      ...base,
      period: { start: '2024-09-02', end: '2024-09-04' },
      asOf: '2024-12-01',
    });
    expect(result.lastDay).toBe('2024-09-04');
    expect(result.notes.map((entry) => entry.code)).toContain('ANALYSIS_ENDS_AT_PERIOD_END');
  });
  it('row form, columnar form and the accumulator agree', () => {
    expect(reachOverTime(toTimeColumns(small, ['el']), base)).toEqual(report);
    const acc = reachTimeAccumulator(base);
    const state = acc.init();
    for (const row of small) acc.add(state, row);
    expect(acc.finalize(state)).toEqual(report);
  });
});

interface PoissonFixture {
  intervals: { k: number; level: number; lower: number; upper: number }[];
  gammaP: { a: number; x: number; p: number }[];
}
const poisson = JSON.parse(
  readFileSync(new URL('../fixtures/reachTimePoisson.json', import.meta.url), 'utf8'),
) as PoissonFixture;

describe('the exact Poisson interval (scipy chi2.ppf)', () => {
  it.each(poisson.intervals)('k = $k at $level', ({ k, level, lower, upper }) => {
    const [low, high] = poissonInterval(k, level);
    expect(Math.abs(low - lower)).toBeLessThanOrEqual(1e-11 * Math.max(1, lower));
    expect(Math.abs(high - upper)).toBeLessThanOrEqual(1e-11 * Math.max(1, upper));
  });
  it('the regularized incomplete gamma (scipy gammainc)', () => {
    for (const { a, x, p } of poisson.gammaP) expect(Math.abs(gammaP(a, x) - p)).toBeLessThanOrEqual(1e-12);
  });
});

describe('projected arrival: a pace scenario', () => {
  // 100 students; 20 reached on days 1…20 (one a day), then 10 in the last 10 days of a 40-day
  // window (one a day from day 31); asOf = day 40.
  const start = dayOf(period.start);
  const { rows, target } = paceScenario(period.start);
  const result = reachOverTime(rows, { ...base, asOf: isoOf(start + 39), window: 10, target, arriveBy: '2024-12-31' });
  it('needed, remaining, the pace and its exact interval', () => {
    const overall = result.arrival?.checks[0];
    const k10 = poisson.intervals.find((entry) => entry.k === 10 && entry.level === 0.95);
    expect(overall).toMatchObject({ population: 'everyone', n: 100, reached: 30, needed: 80, remaining: 50 });
    expect(overall).toMatchObject({ paceDays: 10, paceEvents: 10, perDay: 1 });
    expect(overall?.perDayLower).toBeCloseTo((k10?.lower ?? 0) / 10, 10);
    expect(overall?.perDayUpper).toBeCloseTo((k10?.upper ?? 0) / 10, 10);
    // 50 more at 1 a day: 50 days after asOf (2024-10-11) = 2024-11-30, before arriveBy.
    expect(overall).toMatchObject({ projectedOn: '2024-11-30', status: 'on-pace' });
    expect((overall?.earliestOn ?? '9999') < '2024-11-30').toBe(true);
    expect(result.arrival).toMatchObject({ basis: 'pace-scenario', deadline: '2024-12-31', focalRule: 'each' });
    expect(result.notes.map((entry) => entry.code)).toContain('PACE_SCENARIO');
  });
  it('each focal group on its own; not met at this pace by an earlier deadline', () => {
    const early = reachOverTime(rows, { ...base, asOf: isoOf(start + 39), window: 10, target, arriveBy: '2024-10-31' });
    const el = early.arrival?.checks[1];
    // el: the even students, 50; reached 15 (10 of days 1…20, 5 of the last 10 days); needs 25.
    expect(el).toMatchObject({
      population: 'el',
      focalGroups: ['el'],
      n: 50,
      reached: 15,
      needed: 25,
      remaining: 10,
      paceEvents: 5,
    });
    expect(el).toMatchObject({ projectedOn: '2024-10-31', status: 'on-pace' });
    expect(early.arrival?.checks[0]?.status).toBe('not-at-this-pace');
  });
  it('no one reached in the window: no pace', () => {
    const quiet = reachOverTime(rows, { ...base, asOf: isoOf(start + 60), window: 10, target });
    expect(quiet.arrival?.checks[0]).toMatchObject({
      paceEvents: 0,
      projectedOn: null,
      latestOn: null,
      status: 'no-pace',
    });
  });
});

describe('bad input', () => {
  const roster: ReachRow[] = [{ id: 'a', units: {}, engagedOn: ['2024-09-03'] }];
  it.each([
    [() => reachOverTime(roster, { ...base, asof: 'x' } as never), 'INVALID_INPUT', ['options', 'asof']],
    [() => reachOverTime(roster, { ...base, asOf: '2024-08-01' }), 'INVALID_INPUT', ['options', 'asOf']],
    [() => reachOverTime(roster, { ...base, every: 0 }), 'INVALID_INPUT', ['options', 'every']],
    [() => reachOverTime(roster, { ...base, quantiles: [1] }), 'INVALID_INPUT', ['options', 'quantiles', 0]],
    [() => reachOverTime(roster, { ...base, focalGroups: ['none'] }), 'INVALID_INPUT', ['options', 'focalGroups', 0]],
    [
      () => reachOverTime(roster, { ...base, focalGroups: Array.from({ length: 9 }, (_, i) => `g${i}`) }),
      'LIMIT_EXCEEDED',
      ['options', 'focalGroups'],
    ],
    [
      () => reachOverTime(roster, { ...base, asOf: '2035-01-01', period: { start: '2024-09-02', end: '2035-06-30' } }),
      'LIMIT_EXCEEDED',
      ['options', 'period'],
    ],
    [
      () =>
        reachOverTime(roster, {
          ...base,
          target: {
            population: { unit: 'students' },
            overall: 0.8,
            focal: 0.8,
            focalRule: 'each',
            focalGroups: ['swd'],
          },
        }),
      'INVALID_INPUT',
      ['options', 'target', 'focalGroups', 0],
    ],
    [
      () =>
        reachOverTime(roster, {
          ...base,
          minEngagements: 2,
          target: { population: { unit: 'students' }, overall: 0.8, focal: 0.8, focalRule: 'each' },
        }),
      'INVALID_INPUT',
      ['options', 'target', 'minEngagements'],
    ],
    [
      () =>
        reachOverTime(roster, {
          ...base,
          target: { population: { unit: 'students' }, overall: 2, focal: 0.8, focalRule: 'each' },
        }),
      'INVALID_INPUT',
      ['options', 'target', 'overall'],
    ],
    [
      () => reachOverTime([{ id: 'a', units: {}, engagements: 2 }], base),
      'INVALID_INPUT',
      ['roster', 0, 'engagements'],
    ],
    [
      () => reachOverTime([{ id: 'a', units: {}, reached: true } as never], base),
      'INVALID_INPUT',
      ['roster', 0, 'reached'],
    ],
    [
      () => reachOverTime([{ id: 'a', units: {}, enrolledOn: '2024-09-05', exitedOn: '2024-09-04' }], base),
      'INVALID_INPUT',
      ['roster', 0, 'exitedOn'],
    ],
    [
      () => reachOverTime([{ id: 'a', units: {}, engagedOn: ['2024-02-30'] }], base),
      'INVALID_INPUT',
      ['roster', 0, 'engagedOn', 0],
    ],
    [() => reachOverTime([{ id: 'a', units: {}, groups: ['swd'] }], base), 'INVALID_INPUT', ['roster', 0, 'groups', 0]],
    [() => reachOverTime([roster[0] as ReachRow, roster[0] as ReachRow], base), 'INVALID_INPUT', ['roster', 1, 'id']],
    [
      () => reachOverTime({ ...toTimeColumns(roster, ['el']), groupMasks: new Uint8Array([2]) }, base),
      'INVALID_INPUT',
      ['roster', 'groupMasks', 0],
    ],
    [
      () => reachOverTime({ ...toTimeColumns(roster, ['el']), engagementOffsets: new Uint32Array([0, 2]) }, base),
      'INVALID_INPUT',
      ['roster', 'engagementOffsets', 1],
    ],
    [
      () => reachOverTime({ ...toTimeColumns(roster, ['el']), engagements: new Uint8Array(1) } as never, base),
      'INVALID_INPUT',
      ['roster', 'engagements'],
    ],
    [() => reachOverTime(42 as never, base), 'INVALID_INPUT', ['roster']],
  ])('case %#', (call, code, path) => {
    expectError(call, code as never, path as never);
  });
  it('a state from other options is INCOMPATIBLE; a damaged one INVALID_INPUT', () => {
    const acc = reachTimeAccumulator(base);
    const other = reachTimeAccumulator({ ...base, asOf: '2024-09-05' });
    expectError(() => acc.merge(acc.init(), other.init()), 'INCOMPATIBLE', ['b', 'fingerprint']);
    const damaged = acc.init();
    damaged.events[3] = 0.5;
    expectError(() => acc.finalize(damaged), 'INVALID_INPUT', ['state', 'events', 3]);
  });
});
