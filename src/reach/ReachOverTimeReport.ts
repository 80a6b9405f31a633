import type * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { ReachOverTimeReportSchema } from './_reachOverTimeSchema.js';

/**
 * Why an estimate of {@link reachOverTime} is `null`, or what a reader should know:
 *
 * - `EMPTY_POPULATION` — nobody of the population was on the roster in the window.
 * - `NO_EVENTS` — nobody of the population was reached: the curve stays at 0, no quantile.
 * - `ALL_REACHED` — the share reached is 1 from some day: its interval is undefined from then on
 *   (R gives `NA` too).
 * - `TEST_UNDEFINED` — the log-rank test has no variance (no events in the two populations, or
 *   no one at risk beside them).
 * - `ENGAGEMENTS_OUTSIDE_ENROLMENT` — engagements in the period before a student enrolled or
 *   after they left were not counted.
 * - `ANALYSIS_ENDS_AT_PERIOD_END` — `asOf` is after the period: the analysis stops at its end.
 * - `PACE_SCENARIO` — the projected arrival holds the last days' pace constant: a scenario, not a
 *   forecast.
 *
 * @category Reach
 */
export type ReachOverTimeNoteCode =
  | 'EMPTY_POPULATION'
  | 'NO_EVENTS'
  | 'ALL_REACHED'
  | 'TEST_UNDEFINED'
  | 'ENGAGEMENTS_OUTSIDE_ENROLMENT'
  | 'ANALYSIS_ENDS_AT_PERIOD_END'
  | 'PACE_SCENARIO';

/**
 * One point of a reach curve, at the end of `date` (day `day` of the period, day 1 its first).
 * `share` is 1 − Kaplan–Meier (leaving the roster censors), with R's default log interval
 * (`lower`, `upper`; `null` once everyone at risk was reached); `incidence` is the Aalen–Johansen
 * cumulative incidence of reach with leaving as a competing event, `exitIncidence` that of
 * leaving unreached. `atRisk` counts the students enrolled and unreached at the start of the day;
 * `reached` and `exited` are cumulative counts.
 *
 * @category Reach
 */
export interface ReachTimePoint {
  readonly date: string;
  readonly day: number;
  readonly atRisk: number;
  readonly reached: number;
  readonly exited: number;
  readonly share: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly incidence: number;
  readonly exitIncidence: number;
}

/**
 * When a population reached the share `q`: `reachedOn` is the first date on which 1 − S ≥ q;
 * `day`, `lowerDay` and `upperDay` are R `quantile.survfit`'s quantile and interval on the scale of
 * the period's days (the midpoint of a flat stretch where 1 − S equals q exactly, so possibly a
 * half day). All `null` when the share never reached q (for the bounds: when the interval's curve
 * never did).
 *
 * @category Reach
 */
export interface ReachTimeQuantile {
  readonly q: number;
  readonly reachedOn: string | null;
  readonly day: number | null;
  readonly lowerDay: number | null;
  readonly upperDay: number | null;
}

/**
 * The restricted mean of the days a population spent unreached over the analysis (∫₀^τ S(t) dt,
 * τ the days analysed), as R `print(survfit, rmean = τ)`, with its standard error and a normal
 * interval.
 *
 * @category Reach
 */
export interface ReachRestrictedMean {
  readonly horizon: number;
  readonly days: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Reach over time for one population: `everyone`, a focal group, `union` (in any focal group) or
 * `none` (in none of them). `n` students were on the roster at some time in the window, `outside`
 * eligible students never were; `reached`, `exited` (left unreached) and `unreached` (enrolled and
 * unreached at the end) add up to `n`.
 *
 * @category Reach
 */
export interface ReachTimePopulation {
  readonly id: string;
  readonly kind: 'everyone' | 'focal-group' | 'union' | 'none';
  readonly n: number;
  readonly outside: number;
  readonly reached: number;
  readonly exited: number;
  readonly unreached: number;
  readonly curve: readonly ReachTimePoint[];
  readonly quantiles: readonly ReachTimeQuantile[];
  readonly restrictedMean: ReachRestrictedMean | null;
}

/**
 * A focal group (or the union) against the students in no focal group: the log-rank test with
 * left truncation (observed and expected reached in the group, χ² on 1 df and its p-value), Peto's
 * one-step hazard ratio exp((O − E)/V) with interval exp((O − E)/V ± z/√V), and the difference in
 * restricted mean days unreached (group − rest; positive: the group waited longer) with a normal
 * interval.
 *
 * @category Reach
 */
export interface ReachTimeComparison {
  readonly id: string;
  readonly against: 'none';
  readonly observed: number;
  readonly expected: number | null;
  readonly chiSquare: number | null;
  readonly p: number | null;
  readonly hazardRatio: { readonly estimate: number; readonly lower: number; readonly upper: number } | null;
  readonly restrictedMeanDifference: {
    readonly days: number;
    readonly se: number;
    readonly lower: number;
    readonly upper: number;
  } | null;
}

/**
 * The projected arrival of one population at a target share, at the pace of the last `window`
 * days (`paceEvents` reached in `paceDays`; the rate with an exact Poisson interval). `n` and
 * `reached` count the students enrolled at the end of the analysis; `remaining` = needed −
 * reached. `projectedOn` is the day the target would be met at the pace (`earliestOn` at the upper
 * rate, `latestOn` at the lower, `null` when the lower rate is 0); `status` is `'met'`,
 * `'on-pace'` (projected on or before `deadline`), `'not-at-this-pace'` or `'no-pace'` (nobody
 * reached in the window: at this pace never).
 *
 * @category Reach
 */
export interface ReachArrivalCheck {
  readonly population: string;
  readonly focalGroups: readonly string[];
  readonly share: number;
  readonly n: number;
  readonly reached: number;
  readonly needed: number;
  readonly remaining: number;
  readonly paceDays: number;
  readonly paceEvents: number;
  readonly perDay: number;
  readonly perDayLower: number;
  readonly perDayUpper: number;
  readonly projectedOn: string | null;
  readonly earliestOn: string | null;
  readonly latestOn: string | null;
  readonly status: 'met' | 'on-pace' | 'not-at-this-pace' | 'no-pace';
}

/**
 * A trip ticket's reach target projected at the recent pace — a pace scenario, never a forecast.
 *
 * @category Reach
 */
export interface ReachArrival {
  readonly basis: 'pace-scenario';
  readonly window: number;
  readonly deadline: string;
  readonly focalRule: 'each' | 'union';
  readonly checks: readonly ReachArrivalCheck[];
}

/**
 * The result of {@link reachOverTime}.
 *
 * @category Reach
 */
export interface ReachOverTimeReport {
  readonly schemaVersion: 1;
  readonly period: { readonly start: string; readonly end: string };
  readonly asOf: string;
  readonly lastDay: string;
  readonly minEngagements: number;
  readonly every: number;
  readonly confidenceLevel: number;
  readonly rows: number;
  readonly excluded: number;
  readonly populations: readonly ReachTimePopulation[];
  readonly comparisons: readonly ReachTimeComparison[];
  readonly arrival: ReachArrival | null;
  readonly notes: readonly Note<ReachOverTimeNoteCode>[];
}

/**
 * The schema of a {@link ReachOverTimeReport} (zod/mini), for a report read back from storage:
 * strict at every depth, finite numbers, whole counts, shares in [0, 1], and each arrival check's
 * status consistent with its dates and the deadline.
 *
 * @category Reach
 * @example
 * ```ts
 * import { ReachOverTimeReport, reachOverTime } from 'scaling-navigator/reach';
 * const roster = [{ id: 'a', units: { school: 'S1' }, engagedOn: ['2024-09-03'] }];
 * const report = reachOverTime(roster, { focalGroups: [], unitLevels: ['school'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-06' });
 * ReachOverTimeReport.safeParse(JSON.parse(JSON.stringify(report))).success //=> true
 * ReachOverTimeReport.safeParse({ ...report, excluded: 0.5 }).success //=> false
 * ```
 */
export const ReachOverTimeReport: z.ZodMiniType<ReachOverTimeReport> = ReachOverTimeReportSchema;

/** How {@link readStored} reads a reach-over-time report. @internal */
export const REACH_OVER_TIME_TYPE: StoredType<ReachOverTimeReport> = {
  name: 'reach-over-time report',
  version: 1,
  schema: ReachOverTimeReport,
};

/**
 * Validates a stored or received reach-over-time report (e.g. JSON from a journey's store) against
 * the shape {@link reachOverTime} writes: strict at every depth, finite numbers, whole counts,
 * shares in [0, 1], and each arrival check's status consistent with its dates and the deadline.
 * The input is not mutated.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseReachOverTimeReport, reachOverTime } from 'scaling-navigator/reach';
 * const roster = [{ id: 'a', units: { school: 'S1' }, engagedOn: ['2024-09-03'] }];
 * const report = reachOverTime(roster, { focalGroups: [], unitLevels: ['school'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-06' });
 * parseReachOverTimeReport(JSON.parse(JSON.stringify(report))).rows //=> 1
 * parseReachOverTimeReport({ ...report, rows: -1 }) //=> throws INVALID_INPUT at ['rows']
 * ```
 */
export const parseReachOverTimeReport: (input: unknown) => ReachOverTimeReport =
  /* @__PURE__ */ schemaParsers(ReachOverTimeReport).parse;

/**
 * Like {@link parseReachOverTimeReport}, but returns the error instead of throwing.
 *
 * @category Reach
 * @example
 * ```ts
 * import { reachOverTime, safeParseReachOverTimeReport } from 'scaling-navigator/reach';
 * const roster = [{ id: 'a', units: { school: 'S1' }, engagedOn: ['2024-09-03'] }];
 * const report = reachOverTime(roster, { focalGroups: [], unitLevels: ['school'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-06' });
 * const result = safeParseReachOverTimeReport({ ...report, schemaVersion: 2 });
 * result.success ? null : result.error.path //=> ['schemaVersion']
 * ```
 */
export const safeParseReachOverTimeReport: (input: unknown) => SafeParseResult<ReachOverTimeReport> =
  /* @__PURE__ */ schemaParsers(ReachOverTimeReport).safeParse;
