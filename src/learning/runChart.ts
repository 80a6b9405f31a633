import { type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { requireOneOf } from '../_lib/validate.js';
import { BIT, type Context, SIGNAL_RULES } from './_runChartContext.js';
import { type Bounds, readAstronomical, readExclude, readFreeze, readPart, readValues } from './_runChartInput.js';
import { analysePhase, analysisOf } from './_runChartPhase.js';
import type { RunChartPhase, RunChartPointResult, RunChartResult, RunChartSide } from './RunChartResult.js';
import { type RunChartPolicy, resolveRunChartPolicy } from './runChartPolicy.js';
import { RUN_CHART_RULE_SETS, type RunChartRuleSet } from './runChartRules.js';

/**
 * A dated run-chart value: an ISO calendar date and the measure on it (`null` or `undefined` when
 * it was not measured).
 *
 * @category Run charts
 */
export interface RunChartDatedValue {
  /** ISO calendar date `YYYY-MM-DD`; dates must be strictly increasing. */
  readonly date: string;
  /** The value, or `null`/`undefined` for missing. */
  readonly value: number | null | undefined;
}

/**
 * What {@link runChart} accepts: numbers in time order (a plain array with `null` for missing, or a
 * typed array), or dated values.
 *
 * @category Run charts
 */
export type RunChartValues = Series | readonly RunChartDatedValue[];

/**
 * The lines beyond which a point counts as astronomical (IHI leaves the call to the team): a point
 * strictly above `above` or strictly below `below`.
 *
 * @category Run charts
 */
export interface RunChartAstronomicalLines {
  readonly above?: number;
  readonly below?: number;
}

/**
 * Options for {@link runChart}. Positions are 0-based indices into `values`.
 *
 * @category Run charts
 */
export interface RunChartOptions {
  /** Which rules to apply: `'anhoej'`, `'ihi'` or `'both'` (default). */
  readonly rules?: RunChartRuleSet;
  /**
   * The baseline: the first `freeze` points set the centre line (qicharts2's `freeze`). With phases,
   * a number applies to every phase (the first `freeze` points of each phase set its centre) and an
   * array gives one entry per phase (`null`: the whole phase). Whole numbers ≥ 1, at most the length
   * of the series or phase.
   */
  readonly freeze?: number | readonly (number | null)[];
  /**
   * Phase boundaries as qicharts2's `part`: the number of points before each new phase, strictly
   * increasing, each in [1, n − 1]. `part: [12]` makes points 0–11 one phase and 12 on the next;
   * each phase has its own median and its own rules.
   */
  readonly part?: readonly number[];
  /**
   * Points left out of the centre line and of every rule (0-based indices; qicharts2's `exclude`
   * counts from 1).
   */
  readonly exclude?: readonly number[];
  /** Lines for the IHI astronomical-point rule; without them the rule is off. */
  readonly astronomical?: RunChartAstronomicalLines;
  /** Overrides of {@link DEFAULT_RUN_CHART_POLICY}. */
  readonly policy?: Partial<RunChartPolicy>;
  /** For typed arrays: `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: NanPolicy;
}

const OPTION_KEYS = /* @__PURE__ */ keysOf<RunChartOptions>()(
  'rules',
  'freeze',
  'part',
  'exclude',
  'astronomical',
  'policy',
  'nanPolicy',
);

function sideOf(value: number | null, median: number | null, excluded: boolean): RunChartSide | null {
  if (value === null || median === null || excluded) return null;
  return value > median ? 'above' : value < median ? 'below' : 'on';
}

/**
 * Reads a run chart with the Anhøj rules, exactly as R's qicharts2 computes them, and the IHI rules;
 * with baselines, phases and excluded points.
 *
 * **Anhøj** (qicharts2 `runs.analysis`; Anhøj & Olesen 2014): the centre line is the median of the
 * phase's baseline values; points on it are dropped (they neither break nor extend a run), leaving
 * `nUseful` points. A run is a maximal sequence of useful points on one side; crossings = runs − 1.
 * The phase signals (`runsSignal`) when the longest run exceeds round(log₂ n) + 3 or the crossings
 * fall below min{c : P(Bin(n − 1, ½) ≤ c) ≥ 0.05} (see {@link anhoejLimits}). As in qicharts2, every included point of the phase — baseline or not — is
 * judged against the baseline median, and excluded points are left out of both. One difference:
 * with no useful point qicharts2 reports `runs.signal = FALSE`; here it is `null` with a note.
 *
 * **IHI** (Perla, Provost & Murray 2011): a shift is `shiftLength` (6) or more consecutive useful
 * points on one side of the median; a trend is `trendLength` (5) or more consecutive points all
 * rising or all falling, where neighbours with equal values count once (they neither make nor
 * break a trend). The too-few/too-many-runs rule needs a runs table, which the library does not
 * ship (see {@link DEFAULT_RUN_CHART_POLICY}); an astronomical point is the team's call, given here
 * as lines (`options.astronomical`). Missing and excluded points are skipped by every rule.
 *
 * **Phases and baselines.** `part` splits the series into phases, each with its own median and its
 * own rules: a phase change resets every run and trend. `freeze` freezes a baseline — also inside
 * each phase, a combination qicharts2 refuses (its `qic()` ignores `freeze` when `part` is given).
 * The Anhøj results were checked against a base-R transcription of qicharts2 on 29 series
 * (test/fixtures/gen/runchart.R).
 *
 * **The decision.** Each phase decides, in `decision`: `'signal'` with one reason per rule of
 * {@link RUN_CHART_RULES} that fired (its id, the counts and limits, the source's guidance);
 * `'no-signal'` (`learning/random-variation`) when every selected rule was judged and none fired;
 * `'undetermined'` when none fired but one could not be judged (no median, every value on it, or no
 * row in the runs table). `signal` is the same, as `true`/`false`/`null`.
 *
 * The top-level analysis fields and `decision` describe the last phase; `phases` has each one,
 * `points` each point with the signal rules that flag it. O(n log n) for the medians, O(n) otherwise. Inputs are not mutated.
 *
 * @category Run charts
 * @throws ScalingNavigatorError `INVALID_INPUT` for a value that is not a finite number (NaN in a
 *   typed array is allowed with `nanPolicy: 'omit'`), a mix of numbers and dated values, dates that
 *   are not ISO or not strictly increasing, `freeze` longer than the series or phase, phase
 *   boundaries that overlap or fall outside the series, excluded indices out of range or repeated,
 *   an unknown rule set, and bad astronomical lines or policy values; for an unknown key in the
 *   options, the astronomical lines or a dated value (at its path, with a "did you mean"), a hole in
 *   `values`, `part`, `freeze` or `exclude` (at its index: write `null` for a missing value), and a
 *   boolean where a number belongs. `LIMIT_EXCEEDED` at `['values']` for more than 10⁸ points.
 *   The result is frozen; {@link parseRunChartResult} reads one back from storage.
 * @example
 * ```ts
 * import { runChart } from 'scaling-navigator/learning';
 * // Share of lessons with student-led discussion, per week.
 * const chart = runChart([12, 14, 13, 15, 11, 13, 16, 18, 17, 19, 18, 20]);
 * chart.median //=> 15.5
 * [chart.longestRun, chart.longestRunMax] //=> [6, 7]
 * [chart.crossings, chart.crossingsMin] //=> [1, 3]
 * chart.runsSignal //=> true
 * [chart.shift, chart.trend, chart.longestTrend] //=> [true, false, 4]
 * chart.points[6].rules //=> ['learning/anhoej-crossings', 'learning/ihi-shift']
 * chart.decision.action //=> 'signal'
 * chart.decision.reasons.map((reason) => reason.rule)
 * //=> ['learning/anhoej-crossings', 'learning/ihi-shift']
 * chart.decision.reasons[0].evidence //=> { phase: 0, nUseful: 12, crossings: 1, crossingsMin: 3 }
 * ```
 * @example
 * ```ts
 * import { runChart } from 'scaling-navigator/learning';
 * // A new practice from week 8: a phase of its own, each phase's first 4 weeks as its baseline.
 * const chart = runChart([5, 6, 4, 5, 6, 5, 4, 6, 8, 9, 8, 10, 9, 8, 10, 9], { part: [8], freeze: 4 });
 * chart.phases.map((phase) => [phase.start, phase.end, phase.baselineEnd, phase.median])
 * //=> [[0, 8, 4, 5], [8, 16, 12, 8.5]]
 * chart.median //=> 8.5
 * chart.phases.map((phase) => phase.decision.action) //=> ['no-signal', 'no-signal']
 * runChart([1, 2, Number.NaN]) //=> throws INVALID_INPUT at ['values', 2]
 * runChart([1, 2, 3], { freeze: 4 }) //=> throws INVALID_INPUT at ['options', 'freeze']
 * runChart([1, 2, 3], { freez: 2 } as never) //=> throws INVALID_INPUT at ['options', 'freez']
 * runChart([1, , 3]) //=> throws INVALID_INPUT at ['values', 1]
 * runChart([1, true, 3] as never) //=> throws INVALID_INPUT at ['values', 1]
 * ```
 */
export function runChart(values: RunChartValues, options: RunChartOptions = {}): RunChartResult {
  const settings = readOptions<RunChartOptions>(options, OPTION_KEYS, ['options']);
  const ruleSet: RunChartRuleSet =
    settings.rules === undefined
      ? 'both'
      : requireOneOf(settings.rules, RUN_CHART_RULE_SETS, ['options', 'rules'], 'rule set');
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const policy = resolveRunChartPolicy(settings.policy, ['options', 'policy']);
  const series = readValues(values, nanPolicy);
  const n = series.values.length;
  const cuts = readPart(settings.part, n);
  const edges = [0, ...cuts, n];
  const bounds: Bounds[] = cuts.length === 0 ? [{ start: 0, end: n }] : [];
  for (let k = 0; cuts.length > 0 && k < edges.length - 1; k += 1) {
    bounds.push({ start: edges[k] as number, end: edges[k + 1] as number });
  }
  const freezes = readFreeze(settings.freeze, bounds, n);
  const excluded = readExclude(settings.exclude, n);
  const lines = readAstronomical(settings.astronomical);

  const context: Context = {
    values: series.values,
    excluded,
    flags: new Uint8Array(n),
    anhoej: ruleSet !== 'ihi',
    ihi: ruleSet !== 'anhoej',
    policy,
    lines,
    phaseCount: bounds.length,
  };
  const phases = bounds.map((phaseBounds, phase) =>
    analysePhase(context, phase, phaseBounds, phaseBounds.start + (freezes[phase] as number)),
  );

  const points: RunChartPointResult[] = new Array(n);
  for (const phase of phases) {
    for (let index = phase.start; index < phase.end; index += 1) {
      const value = series.values[index] as number | null;
      const isExcluded = excluded[index] === 1;
      const bits = context.flags[index] as number;
      points[index] = {
        index,
        date: series.dates === null ? null : (series.dates[index] as string),
        value,
        phase: phase.phase,
        median: phase.median,
        baseline: index < phase.baselineEnd,
        excluded: isExcluded,
        side: sideOf(value, phase.median, isExcluded),
        rules: bits === 0 ? [] : SIGNAL_RULES.filter((rule) => (bits & BIT[rule]) !== 0),
      };
    }
  }

  const last = phases[phases.length - 1] as RunChartPhase;
  return sealResult(
    {
      schemaVersion: 1,
      ...analysisOf(last),
      n,
      nMissing: phases.reduce((sum, phase) => sum + phase.nMissing, 0),
      nExcluded: phases.reduce((sum, phase) => sum + phase.nExcluded, 0),
      ruleSet,
      phases,
      points,
      notes: phases.flatMap((phase) => phase.notes),
      policy,
    },
    'run chart',
  );
}
