import type { Note } from '../_lib/notes.js';
import type { Decision } from '../framework/Decision.js';
import type { RunChartPolicy } from './runChartPolicy.js';
import type { RunChartAction, RunChartRule, RunChartRuleSet, RunChartSignalRule } from './runChartRules.js';

/**
 * Whether a phase of a run chart shows non-random variation (`'signal'`), none (`'no-signal'`), or
 * cannot be judged (`'undetermined'`), with one reason per rule of {@link RUN_CHART_RULES} that
 * fired — or the reason none could.
 *
 * @category Run charts
 */
export type RunChartDecision = Decision<RunChartAction, RunChartRule, RunChartPolicy>;

/**
 * Why part of a run-chart analysis is `null`.
 *
 * - `NO_BASELINE_VALUES` (field `'median'`): the phase's baseline holds no value (all missing or
 *   excluded), so there is no median and no run analysis.
 * - `NO_USEFUL_POINTS` (field `'decision'`): every value lies on the median, so there are no runs to judge (qicharts2
 *   reports `runs.signal = FALSE` here; unknown is not "no").
 * - `NOT_IN_RUNS_TABLE` (field `'runsRange'`): a runs table was given but has no row for this number of useful points.
 *
 * @category Run charts
 */
export type RunChartNoteCode = 'NO_BASELINE_VALUES' | 'NO_USEFUL_POINTS' | 'NOT_IN_RUNS_TABLE';

/**
 * Where a point lies against its phase's median.
 *
 * @category Run charts
 */
export type RunChartSide = 'above' | 'below' | 'on';

/**
 * The run analysis of one phase (and, in {@link RunChartResult}, of the last phase). Fields of a rule
 * set that was not selected are `null`.
 *
 * @category Run charts
 */
export interface RunChartAnalysis {
  /** The centre line: the median of the phase's baseline values; `null` when there are none. */
  readonly median: number | null;
  /** Included, non-missing points not on the median. */
  readonly nUseful: number;
  /** The longest run (consecutive useful points on one side of the median); `null` when `nUseful` is 0. */
  readonly longestRun: number | null;
  /** Anhøj: a longer run signals, `round(log2 nUseful) + 3`. */
  readonly longestRunMax: number | null;
  /** Times the data cross the median (runs − 1); `null` when `nUseful` is 0. */
  readonly crossings: number | null;
  /** Anhøj: fewer crossings signal, `qbinom(0.05, nUseful − 1, 0.5)`. */
  readonly crossingsMin: number | null;
  /** Anhøj: `longestRun > longestRunMax` or `crossings < crossingsMin`. */
  readonly runsSignal: boolean | null;
  /** IHI: a run of at least `policy.shiftLength` (6). */
  readonly shift: boolean | null;
  /** IHI: `longestTrend` of at least `policy.trendLength` (5). */
  readonly trend: boolean | null;
  /** IHI: the most consecutive points all rising or all falling, equal neighbours counted once. */
  readonly longestTrend: number | null;
  /** The number of runs (`crossings + 1`); `null` when `nUseful` is 0. */
  readonly runs: number | null;
  /** IHI: the range of runs that is not a signal, from the policy's runs table; `null` without a row. */
  readonly runsRange: { readonly min: number; readonly max: number } | null;
  /** IHI: `runs` outside `runsRange`; `null` without a table row. */
  readonly runsCountSignal: boolean | null;
  /** IHI: how many points lie beyond the astronomical lines; `null` when no lines were given. */
  readonly astronomical: number | null;
  /**
   * Whether a selected rule fires, read off `decision`: `true` for `'signal'`, `false` for
   * `'no-signal'`, `null` for `'undetermined'`.
   */
  readonly signal: boolean | null;
  /** The phase's decision: every signal rule that fired, with its evidence; or why there is none. */
  readonly decision: RunChartDecision;
}

/**
 * One phase of a run chart: its bounds, counts and run analysis.
 *
 * @category Run charts
 */
export interface RunChartPhase extends RunChartAnalysis {
  /** 0-based phase number. */
  readonly phase: number;
  /** Index of its first point. */
  readonly start: number;
  /** One past the index of its last point. */
  readonly end: number;
  /** One past the last point of its baseline (`end` when the baseline is not frozen). */
  readonly baselineEnd: number;
  /** Points in the phase. */
  readonly n: number;
  /** Of them, missing. */
  readonly nMissing: number;
  /** Of them, excluded. */
  readonly nExcluded: number;
  /** Why a field is `null`; empty when none is. */
  readonly notes: readonly Note<RunChartNoteCode>[];
}

/**
 * One point of a run chart as analysed.
 *
 * @category Run charts
 */
export interface RunChartPointResult {
  /** 0-based position in `values`. */
  readonly index: number;
  /** Its date, or `null` for undated values. */
  readonly date: string | null;
  /** Its value, or `null` when missing. */
  readonly value: number | null;
  /** The phase it belongs to. */
  readonly phase: number;
  /** The centre line at this point (its phase's median). */
  readonly median: number | null;
  /** Whether it lies in its phase's baseline. */
  readonly baseline: boolean;
  /** Whether it was excluded. */
  readonly excluded: boolean;
  /** Against the median; `null` when missing, excluded, or there is no median. */
  readonly side: RunChartSide | null;
  /** The signal rules that flag it, in {@link RUN_CHART_RULES} order. */
  readonly rules: readonly RunChartSignalRule[];
}

/**
 * The result of {@link runChart}. Its run-analysis fields describe the **last** phase — the process
 * as it runs now; `phases` holds every phase (one when there is no `part`).
 *
 * @category Run charts
 */
export interface RunChartResult extends RunChartAnalysis {
  /** Points in the series. */
  readonly n: number;
  /** Missing points. */
  readonly nMissing: number;
  /** Excluded points. */
  readonly nExcluded: number;
  /** The rule set applied. */
  readonly ruleSet: RunChartRuleSet;
  /** Every phase in order. */
  readonly phases: readonly RunChartPhase[];
  /** Every point in order. */
  readonly points: readonly RunChartPointResult[];
  /** Every phase's notes, in phase order. */
  readonly notes: readonly Note<RunChartNoteCode>[];
  /** The effective policy. */
  readonly policy: RunChartPolicy;
}
