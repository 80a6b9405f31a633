import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { Decision } from '../framework/Decision.js';
import {
  BooleanOrNull,
  Count,
  CountOrNull,
  decisionSchema,
  enumOf,
  FiniteOrNull,
  noteSchema,
} from './_resultSchemas.js';
import { type RunChartPolicy, RunChartPolicySchema } from './runChartPolicy.js';
import {
  RUN_CHART_RULE_SETS,
  RUN_CHART_RULES,
  type RunChartAction,
  type RunChartRule,
  type RunChartRuleSet,
  type RunChartSignalRule,
} from './runChartRules.js';

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
  /** The version of this result's shape, for stored results ({@link parseRunChartResult}); 1 today. */
  readonly schemaVersion: 1;
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

const NOTE_CODES: readonly RunChartNoteCode[] = ['NO_BASELINE_VALUES', 'NO_USEFUL_POINTS', 'NOT_IN_RUNS_TABLE'];
const SIGNAL_RULE_IDS = /* @__PURE__ */ RUN_CHART_RULES.filter((rule) => rule.action === 'signal').map(
  (rule) => rule.id as RunChartSignalRule,
);

const analysisShape = /* @__PURE__ */ (() => ({
  median: FiniteOrNull,
  nUseful: Count,
  longestRun: CountOrNull,
  longestRunMax: CountOrNull,
  crossings: CountOrNull,
  crossingsMin: CountOrNull,
  runsSignal: BooleanOrNull,
  shift: BooleanOrNull,
  trend: BooleanOrNull,
  longestTrend: CountOrNull,
  runs: CountOrNull,
  runsRange: z.nullable(z.strictObject({ min: Count, max: Count })),
  runsCountSignal: BooleanOrNull,
  astronomical: CountOrNull,
  signal: BooleanOrNull,
  decision: decisionSchema<RunChartAction, RunChartRule, RunChartPolicy>(
    ['signal', 'no-signal'],
    RUN_CHART_RULES.map((rule) => rule.id),
    RunChartPolicySchema,
  ),
}))();

const RunChartNote = /* @__PURE__ */ noteSchema(NOTE_CODES);

const Phase = /* @__PURE__ */ z.strictObject({
  phase: Count,
  start: Count,
  end: Count,
  baselineEnd: Count,
  n: Count,
  nMissing: Count,
  nExcluded: Count,
  ...analysisShape,
  notes: z.array(RunChartNote),
});

const Point = /* @__PURE__ */ z.strictObject({
  index: Count,
  date: z.nullable(z.iso.date()),
  value: FiniteOrNull,
  phase: Count,
  median: FiniteOrNull,
  baseline: z.boolean(),
  excluded: z.boolean(),
  side: z.nullable(z.enum(['above', 'below', 'on'])),
  rules: z.array(enumOf(SIGNAL_RULE_IDS)),
});

/** The cross-field checks that are cheap: phases tile the points, and the counts add up. */
function checkRunChart(
  result: z.output<typeof RunChartResultShape>,
  issue: (path: (string | number)[], message: string) => void,
): void {
  if (result.points.length !== result.n) issue(['points'], `${result.points.length} points for n = ${result.n}`);
  let next = 0;
  let missing = 0;
  let excluded = 0;
  result.phases.forEach((phase, index) => {
    if (phase.phase !== index) issue(['phases', index, 'phase'], `phase ${index} is numbered ${phase.phase}`);
    if (phase.start !== next)
      issue(['phases', index, 'start'], `phase ${index} starts at ${phase.start}, expected ${next}`);
    if (phase.end <= phase.start || phase.n !== phase.end - phase.start) {
      issue(['phases', index, 'n'], `phase ${index} has n = ${phase.n} for points ${phase.start} to ${phase.end}`);
    }
    if (phase.baselineEnd <= phase.start || phase.baselineEnd > phase.end) {
      issue(['phases', index, 'baselineEnd'], `the baseline must end inside phase ${index}`);
    }
    if (phase.nMissing + phase.nExcluded + phase.nUseful > phase.n) {
      issue(['phases', index, 'nUseful'], `phase ${index} counts more points than it has`);
    }
    missing += phase.nMissing;
    excluded += phase.nExcluded;
    next = phase.end;
  });
  if (next !== result.n) issue(['phases'], `the phases cover ${next} points, not n = ${result.n}`);
  if (missing !== result.nMissing) issue(['nMissing'], `the phases count ${missing} missing points`);
  if (excluded !== result.nExcluded) issue(['nExcluded'], `the phases count ${excluded} excluded points`);
  result.points.forEach((point, index) => {
    if (point.index !== index) issue(['points', index, 'index'], `point ${index} has index ${point.index}`);
  });
}

const RunChartResultShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  ...analysisShape,
  n: Count,
  nMissing: Count,
  nExcluded: Count,
  ruleSet: z.enum(RUN_CHART_RULE_SETS),
  phases: z.array(Phase).check(z.minLength(1)),
  points: z.array(Point),
  notes: z.array(RunChartNote),
  policy: RunChartPolicySchema,
});

/**
 * Schema of a stored {@link RunChartResult} (`schemaVersion: 1`): finite numbers, whole counts,
 * known rule ids and note codes, strict objects, and the cheap cross-checks — the phases tile the
 * points and their missing and excluded counts add up to the result's. Use
 * {@link parseRunChartResult} for a `ScalingNavigatorError` with a path.
 *
 * @category Run charts
 * @example
 * ```ts
 * import { RunChartResult, runChart } from 'scaling-navigator/learning';
 * const stored = JSON.parse(JSON.stringify(runChart([3, 5, 4, 6, 5, 7])));
 * RunChartResult.safeParse(stored).success //=> true
 * RunChartResult.safeParse({ ...stored, median: null, policy: undefined }).success //=> false
 * ```
 */
export const RunChartResult: z.ZodMiniType<RunChartResult> = /* @__PURE__ */ RunChartResultShape.check(
  crossCheck((result, context) => {
    checkRunChart(result, (path, message) => context.issues.push({ code: 'custom', input: result, path, message }));
  }),
);

const runChartParsers = /* @__PURE__ */ schemaParsers(RunChartResult);

/**
 * Validates a stored run-chart result (e.g. read back from JSON) against {@link RunChartResult}.
 *
 * @category Run charts
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field, with its path.
 * @example
 * ```ts
 * import { parseRunChartResult, runChart } from 'scaling-navigator/learning';
 * const stored = JSON.parse(JSON.stringify(runChart([3, 5, 4, 6, 5, 7])));
 * parseRunChartResult(stored).median //=> 5
 * parseRunChartResult({ ...stored, nMissing: 2 }) //=> throws INVALID_INPUT at ['nMissing']
 * ```
 */
export function parseRunChartResult(input: unknown): RunChartResult {
  return runChartParsers.parse(input);
}

/**
 * {@link parseRunChartResult} returning the error instead of throwing it.
 *
 * @category Run charts
 * @example
 * ```ts
 * import { safeParseRunChartResult } from 'scaling-navigator/learning';
 * safeParseRunChartResult({ schemaVersion: 1 }).success //=> false
 * ```
 */
export function safeParseRunChartResult(input: unknown): SafeParseResult<RunChartResult> {
  return runChartParsers.safeParse(input);
}
