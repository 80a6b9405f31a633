import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { ErrorPath } from '../_lib/errors.js';
import { standardNormalCdf, twoSidedT } from '../_lib/inference.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { note } from '../_lib/notes.js';
import { completeRows, type NanPolicy, readNanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { readConfidenceLevel, requireNumber, requireRecord } from '../_lib/validate.js';
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
}

/**
 * Why an effect size has no estimate.
 *
 * - `TOO_FEW_OBSERVATIONS`: fewer than 3 observations in all, or an empty group.
 * - `ZERO_POOLED_SD`: every outcome in each group is the same, so a standardized difference is
 *   undefined.
 *
 * @category Effect sizes
 */
export type EffectSizeNoteCode = 'TOO_FEW_OBSERVATIONS' | 'ZERO_POOLED_SD';

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

function isSummary(value: unknown): value is GroupSummary {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function readGroup(
  value: unknown,
  path: ErrorPath,
  nanPolicy: NanPolicy,
): { summary: GroupSummary | null; dropped: number } {
  if (isSummary(value)) {
    const record = requireRecord(value, path);
    return {
      summary: {
        mean: requireNumber(record.mean, [...path, 'mean']),
        sd: requireNumber(record.sd, [...path, 'sd'], { min: 0 }),
        n: requireNumber(record.n, [...path, 'n'], { min: 1, integer: true }),
      },
      dropped: 0,
    };
  }
  const series = requireSeries(value, path);
  const rows = completeRows([series], [path], nanPolicy);
  const values = Array.from(rows.columns[0] as Float64Array);
  if (values.length === 0) return { summary: null, dropped: rows.nDropped };
  // A constant group has SD exactly 0 and its value as mean: summing [3.3, 3.3, 3.3] would give a
  // mean one ulp off and an SD of 5e-16 — and a standardized difference of 10¹⁵.
  const first = values[0] as number;
  if (values.every((value) => value === first)) {
    return { summary: { mean: first, sd: 0, n: values.length }, dropped: rows.nDropped };
  }
  return {
    summary: { mean: mean(values), sd: values.length > 1 ? sampleStandardDeviation(values) : 0, n: values.length },
    dropped: rows.nDropped,
  };
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
 * the pooled two-sample t of the raw mean difference on N − 2 df (scipy `ttest_ind`). Raw outcomes
 * use the sample SD (n − 1); `null` entries are dropped. O(n).
 *
 * @category Effect sizes
 * @throws ScalingNavigatorError `INVALID_INPUT` for a negative SD, a group size that is not a whole
 *   number ≥ 1, non-finite values, or a confidence level outside (0, 1).
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
 * ```
 */
export function effectSize(groups: EffectSizeGroups, options: EffectSizeOptions = {}): EffectSizeResult {
  const record = requireRecord(groups, ['groups']);
  const settings = requireRecord(options, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const treatment = readGroup(record.treatment, ['groups', 'treatment'], nanPolicy);
  const comparison = readGroup(record.comparison, ['groups', 'comparison'], nanPolicy);
  const t = treatment.summary;
  const c = comparison.summary;
  const nDropped = treatment.dropped + comparison.dropped;
  const total = (t?.n ?? 0) + (c?.n ?? 0);
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
  if (t === null || c === null || total < 3) {
    return {
      ...empty,
      confidenceLevel,
      n: total,
      nDropped,
      meanDifference: null,
      pooledSd: null,
      omega: null,
      treatment: t,
      comparison: c,
      notes: [
        note(
          'TOO_FEW_OBSERVATIONS',
          'each group needs at least one observation and both together at least 3',
          'estimate',
        ),
      ],
    };
  }
  const meanDifference = t.mean - c.mean;
  const df = total - 2;
  const pooledSd = Math.sqrt(((t.n - 1) * t.sd * t.sd + (c.n - 1) * c.sd * c.sd) / df);
  const omega = 1 - 3 / (4 * total - 9);
  const shared = { confidenceLevel, n: total, nDropped, meanDifference, pooledSd, omega, treatment: t, comparison: c };
  if (pooledSd === 0) {
    return {
      ...empty,
      ...shared,
      notes: [
        note(
          'ZERO_POOLED_SD',
          'the outcomes do not vary within either group, so no standardized difference exists',
          'estimate',
        ),
      ],
    };
  }
  const cohensD = meanDifference / pooledSd;
  const hedgesG = omega * cohensD;
  const se = Math.sqrt(total / (t.n * c.n) + (hedgesG * hedgesG) / (2 * total));
  const half = criticalZ(confidenceLevel) * se;
  const statistic = meanDifference / (pooledSd * Math.sqrt(1 / t.n + 1 / c.n));
  return {
    ...shared,
    estimate: hedgesG,
    statistic,
    df,
    pValue: twoSidedT(statistic, df),
    confidenceInterval: [hedgesG - half, hedgesG + half],
    cohensD,
    hedgesG,
    se,
    improvementIndex: 100 * standardNormalCdf(hedgesG) - 50,
    notes: [],
  };
}
