import type { ErrorPath } from '../_lib/errors.js';
import { type Alternative, pValueAtInfinity, readAlternative, standardNormalCdf, tPValue } from '../_lib/inference.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { completeRows, type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { keysOf, readOptions, requireKnownKeys } from '../_lib/strict.js';
import { readConfidenceLevel, requireNumber, requireRecord } from '../_lib/validate.js';
import { MAX_COUNT, meanAndSd, plusZero, powerOfTwoScale, readSeries, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * A group summarized by its mean, standard deviation (n − 1 denominator) and size.
 *
 * @category Effect sizes
 */
export interface GroupSummary {
  readonly mean: number;
  /** Sample standard deviation, ≥ 0. */
  readonly sd: number;
  /** Group size, a whole number ≥ 1. */
  readonly n: number;
}

/**
 * The two groups of {@link effectSize}: each a {@link GroupSummary} or the raw outcomes (a plain
 * array with `null` for missing, or a typed array).
 *
 * @category Effect sizes
 */
export interface EffectSizeGroups {
  readonly treatment: GroupSummary | Series;
  readonly comparison: GroupSummary | Series;
}

/**
 * Options for {@link effectSize}.
 *
 * @category Effect sizes
 */
export interface EffectSizeOptions {
  /** Level of the confidence interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
  /** For raw outcomes: `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: NanPolicy;
  /**
   * The t test's alternative, as scipy `ttest_ind(treatment, comparison, alternative=…)`:
   * `'two-sided'` (default), `'greater'` (the treatment mean is above the comparison's) or `'less'`.
   * The interval for g stays two-sided (a one-sided one would be unbounded on one side).
   */
  readonly alternative?: Alternative;
}

/**
 * Why an effect size has no estimate.
 *
 * - `TOO_FEW_OBSERVATIONS`: fewer than 3 observations in all, or an empty group.
 * - `ZERO_POOLED_SD`: every outcome in each group is the same, so a standardized difference is
 *   undefined.
 * - `ZERO_CORRECTION`: N = 3, where ω = 1 − 3/(4N − 9) = 0 would make g 0 whatever the data;
 *   `estimate`, `hedgesG`, `se`, the interval and the improvement index are `null` (Cohen's d and
 *   the t-test are kept).
 * - `NOT_REPRESENTABLE`: a value (the field the note names) exceeds the largest double, e.g. the
 *   mean difference of means near ±1e308 or a d of 1e300 / 1e-300; that field and what depends on
 *   it are `null`. Sums of squares never overflow: they are taken on values divided by a power of
 *   two when the plain ones would.
 *
 * @category Effect sizes
 */
export type EffectSizeNoteCode = 'TOO_FEW_OBSERVATIONS' | 'ZERO_POOLED_SD' | 'ZERO_CORRECTION' | 'NOT_REPRESENTABLE';

/**
 * The result of {@link effectSize}: `estimate` is Hedges' g; `statistic`, `df` and `pValue` are the
 * pooled two-sample t-test of the mean difference.
 *
 * @category Effect sizes
 */
export interface EffectSizeResult extends Estimate<EffectSizeNoteCode> {
  /** ȳ_T − ȳ_C. */
  readonly meanDifference: number | null;
  /** S_p, the pooled standard deviation. */
  readonly pooledSd: number | null;
  /** (ȳ_T − ȳ_C)/S_p. */
  readonly cohensD: number | null;
  /** ω·d, the small-sample-corrected effect size (the same as `estimate`). */
  readonly hedgesG: number | null;
  /** ω = 1 − 3/(4N − 9). */
  readonly omega: number | null;
  /** Standard error of g: √(N/(n_T·n_C) + g²/(2N)). */
  readonly se: number | null;
  /** WWC improvement index: 100·Φ(g) − 50, in [−50, 50]. */
  readonly improvementIndex: number | null;
  /** The two groups as used. */
  readonly treatment: GroupSummary | null;
  readonly comparison: GroupSummary | null;
}

const GROUPS_KEYS = keysOf<EffectSizeGroups>()('treatment', 'comparison');
const SUMMARY_KEYS = keysOf<GroupSummary>()('mean', 'sd', 'n');
const EFFECT_SIZE_OPTION_KEYS = keysOf<EffectSizeOptions>()('confidenceLevel', 'nanPolicy', 'alternative');

function isSummary(value: unknown): value is GroupSummary {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

interface ReadGroup {
  /** The group as used, `null` when empty. */
  readonly summary: GroupSummary | null;
  readonly dropped: number;
  /** Raw outcomes whose SD exceeds the largest double. */
  readonly sdOverflow: boolean;
}

function readGroup(value: unknown, path: ErrorPath, nanPolicy: NanPolicy): ReadGroup {
  if (isSummary(value)) {
    requireKnownKeys(value, SUMMARY_KEYS, path);
    const record = value as unknown as Readonly<Record<string, unknown>>;
    return {
      summary: {
        mean: plusZero(requireNumber(record.mean, [...path, 'mean'])),
        sd: plusZero(requireNumber(record.sd, [...path, 'sd'], { min: 0 })),
        n: requireNumber(record.n, [...path, 'n'], { min: 1, max: MAX_COUNT, integer: true }),
      },
      dropped: 0,
      sdOverflow: false,
    };
  }
  const series = readSeries(value, path);
  const rows = completeRows([series], [path], nanPolicy);
  const values = Array.from(rows.columns[0] as Float64Array);
  if (values.length === 0) return { summary: null, dropped: rows.nDropped, sdOverflow: false };
  // A constant group has SD exactly 0 and its value as mean: summing [3.3, 3.3, 3.3] would give a
  // mean one ulp off and an SD of 5e-16 — and a standardized difference of 10¹⁵.
  const first = values[0] as number;
  if (values.every((value) => value === first)) {
    return { summary: { mean: plusZero(first), sd: 0, n: values.length }, dropped: rows.nDropped, sdOverflow: false };
  }
  const { mean, sd } = meanAndSd(values);
  return {
    summary: sd === null ? null : { mean, sd, n: values.length },
    dropped: rows.nDropped,
    sdOverflow: sd === null,
  };
}

/** S_p; when the squares overflow or underflow, the same formula on SDs divided by a power of two. */
function pooledStandardDeviation(t: GroupSummary, c: GroupSummary, df: number): number {
  if (t.sd === 0 && c.sd === 0) return 0;
  const plain = Math.sqrt(((t.n - 1) * t.sd * t.sd + (c.n - 1) * c.sd * c.sd) / df);
  if (Number.isFinite(plain) && plain > 1e-140) return plain;
  const scale = powerOfTwoScale(Math.max(t.sd, c.sd));
  const st = t.sd / scale;
  const sc = c.sd / scale;
  return Math.sqrt(((t.n - 1) * st * st + (c.n - 1) * sc * sc) / df) * scale;
}

/**
 * The standardized mean difference between a treatment and a comparison group, as the What Works
 * Clearinghouse computes it (Procedures and Standards Handbook v5.0, "Effect sizes"):
 *
 * $$S_p = \sqrt{\frac{(n_T-1)s_T^2 + (n_C-1)s_C^2}{n_T+n_C-2}},\quad d = \frac{\bar y_T-\bar y_C}{S_p},\quad
 * g = \omega d,\ \omega = 1 - \frac{3}{4N-9}$$
 *
 * with SE(g) = √(N/(n_T·n_C) + g²/(2N)), a normal-theory interval g ± z·SE, and the
 * improvement index 100·Φ(g) − 50 (g = 0.25 → about +10 percentile points). `statistic` is
 * the pooled two-sample t of the raw mean difference on N − 2 df (scipy `ttest_ind`), two-sided or,
 * with `alternative: 'greater' | 'less'`, one-sided (the interval for g stays two-sided). Raw outcomes
 * use the sample SD (n − 1); `null` entries are dropped. O(n).
 *
 * @category Effect sizes
 * With N = 3, ω = 0 and g is `null` with a `ZERO_CORRECTION` note (not a confident 0). Every
 * output is finite: sums of squares of extreme values (|x| near 1e155 and beyond, or below 1e-150)
 * are taken on values divided by a power of two, and a value that really exceeds the largest double
 * (a mean difference of 1e308 − (−1e308)) is `null` with a `NOT_REPRESENTABLE` note; −0 is 0.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for a negative SD, a group size that is not a whole
 *   number in [1, 2⁵³ − 1], non-finite values, a hole in an array, an unknown key in `groups`, in a
 *   group summary or in `options` (with a suggestion), a confidence level outside (0, 1), or an
 *   unknown alternative.
 *   `LIMIT_EXCEEDED` for raw outcomes longer than 2³¹ − 1.
 * @example
 * ```ts
 * import { effectSize } from 'scaling-navigator/stats';
 * const result = effectSize({
 *   treatment: { mean: 52.4, sd: 9.8, n: 120 },
 *   comparison: { mean: 49.9, sd: 10.3, n: 115 },
 * });
 * result.hedgesG //≈ 0.24801030446976327
 * Math.round(result.improvementIndex ?? 0) //=> 10
 * effectSize({ treatment: [3, 3, 3], comparison: [3, 3] }).notes[0]?.code //=> 'ZERO_POOLED_SD'
 * effectSize({ treatment: [2.3, 2.3, 2.3], comparison: [3.3, 3.3, 3.3] }).notes[0]?.code //=> 'ZERO_POOLED_SD'
 * effectSize({ treatment: [1, 2], comparison: [4] }).hedgesG //=> null
 * effectSize({ treatment: [1, 2], comparison: [4] }).notes[0]?.code //=> 'ZERO_CORRECTION'
 * effectSize({ treatment: [1e155, 3e155], comparison: [2e155, 5e155] }).pooledSd //≈ 1.8027756377319945e155
 * effectSize({ treatment: [5, 6, 7, 8], comparison: [4, 5, 6] }, { alternative: 'greater' }).pValue //≈ 0.07891940531584798
 * effectSize({ treatment: [1, 2], control: [3, 4] } as never) //=> throws INVALID_INPUT at ['groups', 'control']
 * ```
 */
export function effectSize(groups: EffectSizeGroups, options: EffectSizeOptions = {}): EffectSizeResult {
  const record = requireRecord(groups, ['groups']);
  requireKnownKeys(record, GROUPS_KEYS, ['groups']);
  const settings = readOptions<EffectSizeOptions>(options, EFFECT_SIZE_OPTION_KEYS, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const alternative = readAlternative(settings.alternative, ['options', 'alternative']);
  const treatment = readGroup(record.treatment, ['groups', 'treatment'], nanPolicy);
  const comparison = readGroup(record.comparison, ['groups', 'comparison'], nanPolicy);
  const t = treatment.summary;
  const c = comparison.summary;
  const nDropped = treatment.dropped + comparison.dropped;
  const empty = {
    estimate: null,
    statistic: null,
    df: null,
    pValue: null,
    confidenceInterval: null,
    cohensD: null,
    hedgesG: null,
    se: null,
    improvementIndex: null,
  };
  const total = (t?.n ?? 0) + (c?.n ?? 0);
  /** The result with no estimate, for the reason `why`. */
  const noEstimate = (why: Note<EffectSizeNoteCode>) => ({
    ...empty,
    confidenceLevel,
    n: total,
    nDropped,
    meanDifference: null,
    pooledSd: null,
    omega: null,
    treatment: t,
    comparison: c,
    notes: [why],
  });
  if (treatment.sdOverflow || comparison.sdOverflow) {
    const which = treatment.sdOverflow ? 'treatment' : 'comparison';
    return noEstimate(
      note(
        'NOT_REPRESENTABLE',
        `the ${which} outcomes' standard deviation exceeds the largest floating-point number`,
        which,
      ),
    );
  }
  if (t === null || c === null || total < 3) {
    return noEstimate(
      note(
        'TOO_FEW_OBSERVATIONS',
        'each group needs at least one observation and both together at least 3',
        'estimate',
      ),
    );
  }
  const notes: Note<EffectSizeNoteCode>[] = [];
  const representable = (value: number, field: string, what: string): number | null => {
    if (Number.isFinite(value)) return plusZero(value);
    notes.push(note('NOT_REPRESENTABLE', `${what} exceeds the largest floating-point number`, field));
    return null;
  };
  const plainDifference = t.mean - c.mean;
  const meanDifference = representable(plainDifference, 'meanDifference', 'the mean difference');
  const df = total - 2;
  const pooledSd = pooledStandardDeviation(t, c, df);
  const omega = plusZero(1 - 3 / (4 * total - 9));
  const shared = { confidenceLevel, n: total, nDropped, meanDifference, pooledSd, omega, treatment: t, comparison: c };
  if (pooledSd === 0) {
    return {
      ...empty,
      ...shared,
      notes: [
        ...notes,
        note(
          'ZERO_POOLED_SD',
          'the outcomes do not vary within either group, so no standardized difference exists',
          'estimate',
        ),
      ],
    };
  }
  // The difference of halves cannot overflow; d then only overflows when it really is that large.
  const rawD = meanDifference === null ? ((t.mean / 2 - c.mean / 2) / pooledSd) * 2 : meanDifference / pooledSd;
  const cohensD = representable(rawD, 'cohensD', "Cohen's d");
  const spread = Math.sqrt(1 / t.n + 1 / c.n);
  let rawStatistic = meanDifference === null ? Number.NaN : meanDifference / (pooledSd * spread);
  if (!Number.isFinite(rawStatistic) && cohensD !== null) rawStatistic = cohensD / spread;
  const statistic = cohensD === null ? null : representable(rawStatistic, 'statistic', 'the t statistic');
  const pValue =
    cohensD === null
      ? null
      : statistic === null
        ? pValueAtInfinity(cohensD, alternative)
        : tPValue(statistic, df, alternative);
  const test = { cohensD, statistic, df: cohensD === null ? null : df, pValue };
  if (cohensD === null) return withoutNegativeZero({ ...empty, ...shared, ...test, notes });
  if (omega === 0) {
    notes.push(
      note(
        'ZERO_CORRECTION',
        "with N = 3 the small-sample correction ω = 1 − 3/(4N − 9) is 0, so Hedges' g would be 0 whatever the data",
        'estimate',
      ),
    );
    return withoutNegativeZero({ ...empty, ...shared, ...test, notes });
  }
  const hedgesG = plusZero(omega * cohensD);
  const sampling = total / (t.n * c.n);
  const plainSe = Math.sqrt(sampling + (hedgesG * hedgesG) / (2 * total));
  const se = Number.isFinite(plainSe)
    ? plainSe
    : Math.abs(hedgesG) * Math.sqrt(1 / (2 * total) + sampling / hedgesG / hedgesG);
  const half = criticalZ(confidenceLevel) * se;
  const lower = hedgesG - half;
  const upper = hedgesG + half;
  const confidenceInterval: readonly [number, number] | null =
    Number.isFinite(lower) && Number.isFinite(upper) ? [lower, upper] : null;
  if (confidenceInterval === null) {
    notes.push(
      note(
        'NOT_REPRESENTABLE',
        'a bound of the interval exceeds the largest floating-point number',
        'confidenceInterval',
      ),
    );
  }
  return withoutNegativeZero({
    ...shared,
    ...test,
    estimate: hedgesG,
    confidenceInterval,
    hedgesG,
    se: representable(se, 'se', 'the standard error'),
    improvementIndex: 100 * standardNormalCdf(hedgesG) - 50,
    notes,
  });
}
