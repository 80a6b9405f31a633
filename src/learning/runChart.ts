import { requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { isMissing, type NanPolicy, readNanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { requireArray, requireNumber, requireOneOf, requireRecord } from '../_lib/validate.js';
import { anhoejLimitsFor } from './anhoejLimits.js';
import { type RunChartPolicy, type RunsTableRow, resolveRunChartPolicy } from './runChartPolicy.js';
import { RUN_CHART_RULE_SETS, RUN_CHART_RULES, type RunChartRuleId, type RunChartRuleSet } from './runChartRules.js';

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

/**
 * Why part of a run-chart analysis is `null`.
 *
 * - `NO_BASELINE_VALUES`: the phase's baseline holds no value (all missing or excluded), so there is
 *   no median and no run analysis.
 * - `NO_USEFUL_POINTS`: every value lies on the median, so there are no runs to judge (qicharts2
 *   reports `runs.signal = FALSE` here; unknown is not "no").
 * - `NOT_IN_RUNS_TABLE`: a runs table was given but has no row for this number of useful points.
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
  /** Whether any selected rule fires (true if one does, false if all are judged and none does, else `null`). */
  readonly signal: boolean | null;
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
  /** Why a field is `null`. */
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
  /** The rules that flag it, in {@link RUN_CHART_RULES} order. */
  readonly rules: readonly RunChartRuleId[];
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

interface ReadSeries {
  readonly values: (number | null)[];
  readonly dates: string[] | null;
}

function readDatedValues(list: readonly unknown[], nanPolicy: NanPolicy): ReadSeries {
  const values: (number | null)[] = new Array(list.length);
  const dates: string[] = new Array(list.length);
  let previousDay = Number.NEGATIVE_INFINITY;
  list.forEach((entry, index) => {
    const record = requireRecord(entry, ['values', index]);
    const day = requireIsoDate(record.date, ['values', index, 'date']);
    if (day <= previousDay) {
      invalid(
        ['values', index, 'date'],
        `dates must be strictly increasing: ${record.date as string} is not after ${dates[index - 1] as string}`,
      );
    }
    previousDay = day;
    dates[index] = record.date as string;
    const value = record.value;
    if (value === null || value === undefined || (nanPolicy === 'omit' && Number.isNaN(value))) {
      values[index] = null;
    } else {
      values[index] = requireNumber(value, ['values', index, 'value']);
    }
  });
  return { values, dates };
}

function readValues(input: unknown, nanPolicy: NanPolicy): ReadSeries {
  if (Array.isArray(input)) {
    const first = input.find((entry) => entry !== null && entry !== undefined);
    if (typeof first === 'object') return readDatedValues(input, nanPolicy);
  }
  const series = requireSeries(input, ['values']);
  const values: (number | null)[] = new Array(series.length);
  for (let index = 0; index < series.length; index += 1) {
    const value = series[index];
    values[index] = isMissing(value, nanPolicy, ['values'], index) ? null : (value as number);
  }
  return { values, dates: null };
}

function readPart(value: unknown, n: number): number[] {
  if (value === undefined) return [];
  const list = requireArray(value, ['options', 'part']);
  const cuts: number[] = [];
  list.forEach((entry, index) => {
    const path: ErrorPath = ['options', 'part', index];
    const cut = requireNumber(entry, path, { integer: true });
    if (cut < 1 || cut > n - 1) {
      invalid(path, `a phase boundary lies between 1 and ${n - 1} (the series has ${n} points), got ${cut}`);
    }
    const previous = cuts[index - 1];
    if (previous !== undefined && cut <= previous) {
      invalid(path, `phases overlap: each boundary must be greater than the one before (${previous}), got ${cut}`);
    }
    cuts.push(cut);
  });
  return cuts;
}

interface Bounds {
  readonly start: number;
  readonly end: number;
}

function readFreeze(value: unknown, phases: readonly Bounds[], n: number): number[] {
  const lengths = phases.map((bounds) => bounds.end - bounds.start);
  if (value === undefined) return lengths;
  if (Array.isArray(value)) {
    if (value.length !== phases.length) {
      invalid(['options', 'freeze'], `expected one entry per phase (${phases.length}), got ${value.length}`);
    }
    return lengths.map((length, index) => {
      const entry: unknown = value[index];
      if (entry === null || entry === undefined) return length;
      const path: ErrorPath = ['options', 'freeze', index];
      const freeze = requireNumber(entry, path, { integer: true, min: 1 });
      if (freeze > length)
        invalid(path, `the baseline (${freeze} points) is longer than phase ${index} (${length} points)`);
      return freeze;
    });
  }
  const freeze = requireNumber(value, ['options', 'freeze'], { integer: true, min: 1 });
  return lengths.map((length, index) => {
    if (freeze > length) {
      invalid(
        ['options', 'freeze'],
        phases.length === 1
          ? `the baseline (${freeze} points) is longer than the series (${n} points)`
          : `the baseline (${freeze} points) is longer than phase ${index} (${length} points)`,
      );
    }
    return freeze;
  });
}

function readExclude(value: unknown, n: number): Uint8Array {
  const excluded = new Uint8Array(n);
  if (value === undefined) return excluded;
  requireArray(value, ['options', 'exclude']).forEach((entry, index) => {
    const path: ErrorPath = ['options', 'exclude', index];
    const position = requireNumber(entry, path, { integer: true, min: 0 });
    if (position >= n) invalid(path, `no point ${position}: the series has ${n} points (indices from 0)`);
    if (excluded[position] === 1) invalid(path, `point ${position} is listed twice`);
    excluded[position] = 1;
  });
  return excluded;
}

interface Lines {
  readonly above: number | null;
  readonly below: number | null;
}

function readAstronomical(value: unknown): Lines | null {
  if (value === undefined) return null;
  const record = requireRecord(value, ['options', 'astronomical']);
  for (const key of Object.keys(record)) {
    if (key !== 'above' && key !== 'below') invalid(['options', 'astronomical', key], 'expected only above and below');
  }
  const above = record.above === undefined ? null : requireNumber(record.above, ['options', 'astronomical', 'above']);
  const below = record.below === undefined ? null : requireNumber(record.below, ['options', 'astronomical', 'below']);
  if (above === null && below === null) invalid(['options', 'astronomical'], 'give a line above, below, or both');
  if (above !== null && below !== null && below >= above) {
    invalid(['options', 'astronomical', 'below'], `must be below the upper line (${above}), got ${below}`);
  }
  return { above, below };
}

/** The median of a non-empty list (R's definition: the mean of the two middle values for even n). */
function medianOf(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const half = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[half] as number;
  const low = sorted[half - 1] as number;
  const high = sorted[half] as number;
  const mean = (low + high) / 2;
  return Number.isFinite(mean) ? mean : low / 2 + high / 2;
}

/** Kleene OR of the judged rules. */
function anyOf(values: readonly (boolean | null)[]): boolean | null {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

const BIT: Readonly<Record<RunChartRuleId, number>> = Object.fromEntries(
  RUN_CHART_RULES.map((rule, index) => [rule.id, 1 << index]),
) as Record<RunChartRuleId, number>;

interface Context {
  readonly values: readonly (number | null)[];
  readonly excluded: Uint8Array;
  readonly flags: Uint8Array;
  readonly anhoej: boolean;
  readonly ihi: boolean;
  readonly policy: RunChartPolicy;
  readonly lines: Lines | null;
  readonly phaseCount: number;
}

/** Flags every point of `positions[from .. to)` with `bit`. */
function flag(context: Context, positions: readonly number[], from: number, to: number, bit: number): void {
  const { flags } = context;
  for (let i = from; i < to; i += 1) {
    const index = positions[i] as number;
    flags[index] = (flags[index] as number) | bit;
  }
}

/** The trend analysis of one phase: the longest monotone stretch (in distinct steps), flagging long ones. */
function trendOf(context: Context, present: readonly number[]): number | null {
  if (present.length === 0) return null;
  const { values, policy } = context;
  // Groups of consecutive equal values count as one point: groupStart[g] is a position in `present`.
  const groupStart: number[] = [0];
  for (let i = 1; i < present.length; i += 1) {
    if (values[present[i] as number] !== values[present[i - 1] as number]) groupStart.push(i);
  }
  const groups = groupStart.length;
  groupStart.push(present.length);
  const groupValue = (group: number) => values[present[groupStart[group] as number] as number] as number;
  let longest = 1;
  for (const rising of [true, false]) {
    let start = 0;
    for (let g = 1; g <= groups; g += 1) {
      if (g < groups && (rising ? groupValue(g) > groupValue(g - 1) : groupValue(g) < groupValue(g - 1))) continue;
      const size = g - start;
      if (size > longest) longest = size;
      if (size >= policy.trendLength) {
        flag(context, present, groupStart[start] as number, groupStart[g] as number, BIT['ihi-trend']);
      }
      start = g;
    }
  }
  return longest;
}

function runsTableRow(table: readonly RunsTableRow[], nUseful: number): RunsTableRow | undefined {
  return table.find((row) => row.nUseful === nUseful);
}

function analysePhase(context: Context, phase: number, bounds: Bounds, baselineEnd: number): RunChartPhase {
  const { values, excluded, anhoej, ihi, policy, lines } = context;
  const { start, end } = bounds;
  const notes: Note<RunChartNoteCode>[] = [];
  const where = context.phaseCount > 1 ? `phase ${phase} (points ${start}–${end - 1}): ` : '';

  let nMissing = 0;
  let nExcluded = 0;
  const baselineValues: number[] = [];
  const present: number[] = [];
  for (let index = start; index < end; index += 1) {
    const value = values[index] as number | null;
    if (excluded[index] === 1) nExcluded += 1;
    else if (value === null) nMissing += 1;
    else {
      present.push(index);
      if (index < baselineEnd) baselineValues.push(value);
    }
  }
  const median = baselineValues.length > 0 ? medianOf(baselineValues) : null;
  if (median === null) {
    notes.push(note('NO_BASELINE_VALUES', `${where}the baseline has no value (all missing or excluded), so no median`));
  }

  // Runs of useful points (present and off the median), as [first position in `useful`, length].
  const useful: number[] = [];
  const runs: [number, number][] = [];
  if (median !== null) {
    let side = 0;
    for (const index of present) {
      const value = values[index] as number;
      if (value === median) continue;
      const current = value > median ? 1 : -1;
      if (current === side) (runs[runs.length - 1] as [number, number])[1] += 1;
      else runs.push([useful.length, 1]);
      side = current;
      useful.push(index);
    }
  }
  const nUseful = useful.length;
  if (median !== null && nUseful === 0) {
    notes.push(note('NO_USEFUL_POINTS', `${where}every value lies on the median, so there are no runs to judge`));
  }
  const limits = anhoejLimitsFor(nUseful);
  let longestRun: number | null = null;
  for (const run of runs) if (longestRun === null || run[1] > longestRun) longestRun = run[1];
  const crossings = nUseful === 0 ? null : runs.length - 1;

  let runsSignal: boolean | null = null;
  let longestRunMax: number | null = null;
  let crossingsMin: number | null = null;
  if (anhoej) {
    longestRunMax = limits.longestRunMax;
    crossingsMin = limits.crossingsMin;
    if (longestRun !== null && crossings !== null && longestRunMax !== null && crossingsMin !== null) {
      runsSignal = longestRun > longestRunMax || crossings < crossingsMin;
      for (const [first, length] of runs) {
        if (length > longestRunMax) flag(context, useful, first, first + length, BIT['anhoej-longest-run']);
      }
      if (crossings < crossingsMin) flag(context, useful, 0, nUseful, BIT['anhoej-crossings']);
    }
  }

  let shift: boolean | null = null;
  let runsRange: RunChartAnalysis['runsRange'] = null;
  let runsCountSignal: boolean | null = null;
  let astronomical: number | null = null;
  const judged: (boolean | null)[] = anhoej ? [runsSignal] : [];
  const longestTrend = ihi ? trendOf(context, present) : null;
  const trend = longestTrend === null ? null : longestTrend >= policy.trendLength;
  if (ihi) {
    if (longestRun !== null) {
      shift = longestRun >= policy.shiftLength;
      for (const [first, length] of runs) {
        if (length >= policy.shiftLength) flag(context, useful, first, first + length, BIT['ihi-shift']);
      }
    }
    judged.push(shift, trend);
    if (policy.runsTable.length > 0) {
      const row = nUseful === 0 ? undefined : runsTableRow(policy.runsTable, nUseful);
      if (row !== undefined && crossings !== null) {
        runsRange = { min: row.min, max: row.max };
        runsCountSignal = crossings + 1 < row.min || crossings + 1 > row.max;
        if (runsCountSignal) flag(context, useful, 0, nUseful, BIT['ihi-runs']);
      } else if (nUseful > 0) {
        notes.push(note('NOT_IN_RUNS_TABLE', `${where}the runs table has no row for ${nUseful} useful points`));
      }
      judged.push(runsCountSignal);
    }
    if (lines !== null) {
      astronomical = 0;
      for (let position = 0; position < present.length; position += 1) {
        const value = values[present[position] as number] as number;
        if ((lines.above !== null && value > lines.above) || (lines.below !== null && value < lines.below)) {
          flag(context, present, position, position + 1, BIT['ihi-astronomical']);
          astronomical += 1;
        }
      }
      judged.push(astronomical > 0);
    }
  }

  return {
    phase,
    start,
    end,
    baselineEnd,
    n: end - start,
    nMissing,
    nExcluded,
    median,
    nUseful,
    longestRun,
    longestRunMax,
    crossings,
    crossingsMin,
    runsSignal,
    shift,
    trend,
    longestTrend,
    runs: crossings === null ? null : crossings + 1,
    runsRange,
    runsCountSignal,
    astronomical,
    signal: anyOf(judged),
    notes,
  };
}

function analysisOf(phase: RunChartPhase): RunChartAnalysis {
  return {
    median: phase.median,
    nUseful: phase.nUseful,
    longestRun: phase.longestRun,
    longestRunMax: phase.longestRunMax,
    crossings: phase.crossings,
    crossingsMin: phase.crossingsMin,
    runsSignal: phase.runsSignal,
    shift: phase.shift,
    trend: phase.trend,
    longestTrend: phase.longestTrend,
    runs: phase.runs,
    runsRange: phase.runsRange,
    runsCountSignal: phase.runsCountSignal,
    astronomical: phase.astronomical,
    signal: phase.signal,
  };
}

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
 * The phase signals (`runsSignal`) when the longest run exceeds $\operatorname{round}(\log_2 n) + 3$
 * or the crossings fall below $\min\{c: P(\mathrm{Bin}(n-1, \frac12) \le c) \ge 0.05\}$ (see
 * {@link anhoejLimits}). As in qicharts2, every included point of the phase — baseline or not — is
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
 * The top-level analysis fields describe the last phase; `phases` has each one, `points` each point
 * with the rules that flag it. O(n log n) for the medians, O(n) otherwise. Inputs are not mutated.
 *
 * @category Run charts
 * @throws ScalingNavigatorError `INVALID_INPUT` for a value that is not a finite number (NaN in a
 *   typed array is allowed with `nanPolicy: 'omit'`), a mix of numbers and dated values, dates that
 *   are not ISO or not strictly increasing, `freeze` longer than the series or phase, phase
 *   boundaries that overlap or fall outside the series, excluded indices out of range or repeated,
 *   an unknown rule set, and bad astronomical lines or policy values.
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
 * chart.points[6].rules //=> ['anhoej-crossings', 'ihi-shift']
 * ```
 * @example
 * ```ts
 * import { runChart } from 'scaling-navigator/learning';
 * // A new practice from week 8: a phase of its own, each phase's first 4 weeks as its baseline.
 * const chart = runChart([5, 6, 4, 5, 6, 5, 4, 6, 8, 9, 8, 10, 9, 8, 10, 9], { part: [8], freeze: 4 });
 * chart.phases.map((phase) => [phase.start, phase.end, phase.baselineEnd, phase.median])
 * //=> [[0, 8, 4, 5], [8, 16, 12, 8.5]]
 * chart.median //=> 8.5
 * runChart([1, 2, Number.NaN]) //=> throws INVALID_INPUT
 * runChart([1, 2, 3], { freeze: 4 }) //=> throws INVALID_INPUT
 * ```
 */
export function runChart(values: RunChartValues, options: RunChartOptions = {}): RunChartResult {
  const settings = requireRecord(options, ['options']);
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
        rules: bits === 0 ? [] : RUN_CHART_RULES.filter((rule) => (bits & BIT[rule.id]) !== 0).map((rule) => rule.id),
      };
    }
  }

  const last = phases[phases.length - 1] as RunChartPhase;
  return {
    ...analysisOf(last),
    n,
    nMissing: phases.reduce((sum, phase) => sum + phase.nMissing, 0),
    nExcluded: phases.reduce((sum, phase) => sum + phase.nExcluded, 0),
    ruleSet,
    phases,
    points,
    notes: phases.flatMap((phase) => phase.notes),
    policy,
  };
}
