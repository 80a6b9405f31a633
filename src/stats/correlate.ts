import { invalid, limitExceeded } from '../_lib/errors.js';
import {
  ALTERNATIVE_NAMES,
  type Alternative,
  correlationT,
  fisherIntervalFor,
  pValueAtInfinity,
  readAlternative,
  tPValue,
  zPValue,
} from '../_lib/inference.js';
import { kendallCounts, kendallExactPFor } from '../_lib/kendall.js';
import { type Note, note } from '../_lib/notes.js';
import { type PairMoments, pairMoments, pearsonR, rankCorrelation } from '../_lib/pearson.js';
import { averageRanks } from '../_lib/rank.js';
import { completeRows, type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { readConfidenceLevel, requireOneOf } from '../_lib/validate.js';
import { readSeries, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * The correlation methods of {@link correlate}.
 *
 * @category Correlation
 * @example
 * ```ts
 * import { CORRELATION_METHODS } from 'scaling-navigator/stats';
 * CORRELATION_METHODS //=> ['pearson', 'spearman', 'kendall']
 * ```
 */
export const CORRELATION_METHODS = /* @__PURE__ */ Object.freeze(['pearson', 'spearman', 'kendall'] as const);

/** A correlation method. @category Correlation */
export type CorrelationMethod = (typeof CORRELATION_METHODS)[number];

/**
 * The alternative hypotheses a test can take, in scipy's words: `'two-sided'` (the default),
 * `'less'` (a negative correlation; a treatment mean below the comparison's) or `'greater'`.
 *
 * @category Correlation
 * @example
 * ```ts
 * import { ALTERNATIVES } from 'scaling-navigator/stats';
 * ALTERNATIVES //=> ['two-sided', 'less', 'greater']
 * ```
 */
export const ALTERNATIVES = /* @__PURE__ */ Object.freeze([...ALTERNATIVE_NAMES]) as readonly Alternative[];

export type { Alternative };

/**
 * How {@link correlate} computes Kendall's p-value, as scipy's `kendalltau(method=…)`: `'auto'`
 * (default: exact when there are no ties and n ≤ 33 or at most one pair is discordant or
 * concordant), `'exact'` (the exact null distribution; refused when there are ties) or
 * `'asymptotic'` (the tie-corrected normal approximation).
 *
 * @category Correlation
 */
export type KendallPMethod = 'auto' | 'exact' | 'asymptotic';

const KENDALL_P_METHODS: readonly KendallPMethod[] = ['auto', 'exact', 'asymptotic'];

/**
 * The most pairs for which {@link correlate} computes Kendall's exact p-value on request
 * (`pMethod: 'exact'`): the recursion takes O(n³) steps in the worst case, 0.1–0.3 s at this size here;
 * beyond it the normal approximation is accurate to the digits that matter. Samples with at most
 * one discordant (or concordant) pair have a closed form and no limit.
 *
 * @category Correlation
 * @example
 * ```ts
 * import { MAX_KENDALL_EXACT_PAIRS } from 'scaling-navigator/stats';
 * MAX_KENDALL_EXACT_PAIRS //=> 500
 * ```
 */
export const MAX_KENDALL_EXACT_PAIRS = 500;

/**
 * Options for {@link correlate}.
 *
 * @category Correlation
 */
export interface CorrelateOptions {
  /** `'pearson'` (default), `'spearman'` or `'kendall'` (τ-b). */
  readonly method?: CorrelationMethod;
  /** Level of the confidence interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
  /** `'raise'` (default): NaN is an error; `'omit'`: NaN is missing, like `null`. */
  readonly nanPolicy?: NanPolicy;
  /**
   * `'two-sided'` (default), `'less'` (a negative correlation) or `'greater'` (a positive one), as
   * scipy's `alternative`; the p-value and the interval follow it.
   */
  readonly alternative?: Alternative;
  /** Kendall only (others accept `'auto'`): how the p-value is computed; see {@link KendallPMethod}. */
  readonly pMethod?: KendallPMethod;
}

const CORRELATE_OPTION_KEYS = keysOf<CorrelateOptions>()(
  'method',
  'confidenceLevel',
  'nanPolicy',
  'alternative',
  'pMethod',
);

/**
 * Why a correlation has no estimate, or no statistic.
 *
 * - `TOO_FEW_PAIRS`: fewer than 3 complete pairs.
 * - `CONSTANT_INPUT`: x or y takes a single value, so no correlation is defined.
 * - `PERFECT_CORRELATION`: |estimate| = 1, so the t statistic is infinite (`statistic: null`,
 *   `pValue: 0` for Pearson and Spearman).
 *
 * @category Correlation
 */
export type CorrelationNoteCode = 'TOO_FEW_PAIRS' | 'CONSTANT_INPUT' | 'PERFECT_CORRELATION';

/**
 * The result of {@link correlate}: the shared {@link Estimate} shape plus the method and how the
 * p-value was computed (`'t'` for Pearson and Spearman; `'exact'` or `'asymptotic'` for Kendall).
 *
 * @category Correlation
 */
export interface CorrelationResult extends Estimate<CorrelationNoteCode> {
  readonly method: CorrelationMethod;
  readonly pMethod: 't' | 'exact' | 'asymptotic' | null;
}

type Outcome = Pick<
  CorrelationResult,
  'estimate' | 'statistic' | 'df' | 'pValue' | 'confidenceInterval' | 'pMethod' | 'notes'
>;

const NONE: Outcome = {
  estimate: null,
  statistic: null,
  df: null,
  pValue: null,
  confidenceInterval: null,
  pMethod: null,
  notes: [],
};

function withNote(code: CorrelationNoteCode, message: string): Outcome {
  return { ...NONE, notes: [note(code, message, 'estimate')] };
}

function tooFew(n: number): Outcome {
  return withNote(
    'TOO_FEW_PAIRS',
    `a correlation needs at least 3 complete pairs; there ${n === 1 ? 'is' : 'are'} ${n}`,
  );
}

const CONSTANT = (): Outcome =>
  withNote('CONSTANT_INPUT', 'x or y has the same value in every complete pair, so no correlation is defined');

interface Inference {
  readonly level: number;
  readonly alternative: Alternative;
}

function tBased(r: number, n: number, se: number, { level, alternative }: Inference): Outcome {
  const df = n - 2;
  const statistic = correlationT(r, df);
  const perfect: Note<CorrelationNoteCode> | null =
    statistic === null
      ? note(
          'PERFECT_CORRELATION',
          'the pairs lie on a monotone line (|r| = 1): the t statistic is infinite',
          'statistic',
        )
      : null;
  return {
    estimate: r,
    statistic,
    df,
    pValue: statistic === null ? pValueAtInfinity(r, alternative) : tPValue(statistic, df, alternative),
    confidenceInterval: fisherIntervalFor(r, se, level, alternative),
    pMethod: 't',
    notes: perfect === null ? [] : [perfect],
  };
}

function pearson(moments: PairMoments, inference: Inference): Outcome {
  if (moments.n < 3) return tooFew(moments.n);
  const r = pearsonR(moments);
  if (r === null) return CONSTANT();
  return tBased(r, moments.n, 1 / Math.sqrt(moments.n - 3), inference);
}

function spearman(x: Float64Array, y: Float64Array, inference: Inference): Outcome {
  const n = x.length;
  if (n < 3) return tooFew(n);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const r = rankCorrelation(rx, ry);
  if (r === null) return CONSTANT();
  return tBased(r, n, Math.sqrt((1 + (r * r) / 2) / (n - 3)), inference);
}

function kendall(x: Float64Array, y: Float64Array, inference: Inference, pMethod: KendallPMethod): Outcome {
  const n = x.length;
  if (n < 3) return tooFew(n);
  const counts = kendallCounts(x, y);
  if (counts.xtie === counts.tot || counts.ytie === counts.tot) return CONSTANT();
  const tau = Math.min(
    1,
    Math.max(-1, counts.conMinusDis / Math.sqrt(counts.tot - counts.xtie) / Math.sqrt(counts.tot - counts.ytie)),
  );
  const m = n * (n - 1);
  const variance =
    (m * (2 * n + 5) - counts.x1 - counts.y1) / 18 +
    (2 * counts.xtie * counts.ytie) / m +
    (counts.x0 * counts.y0) / (9 * m * (n - 2));
  const z = variance > 0 ? counts.conMinusDis / Math.sqrt(variance) : null;
  const untied = counts.xtie === 0 && counts.ytie === 0;
  const extreme = Math.min(counts.dis, counts.tot - counts.dis) <= 1;
  if (pMethod === 'exact' && !untied) {
    invalid(
      ['options', 'pMethod'],
      "the exact p-value needs data without ties (as scipy's); use 'asymptotic' or 'auto'",
    );
  }
  if (pMethod === 'exact' && !extreme && n > MAX_KENDALL_EXACT_PAIRS) {
    limitExceeded(
      ['options', 'pMethod'],
      `the exact p-value is computed for at most ${MAX_KENDALL_EXACT_PAIRS} pairs; there are ${n} (use 'asymptotic')`,
    );
  }
  const exact = pMethod === 'exact' || (pMethod === 'auto' && untied && (n <= 33 || extreme));
  const { level, alternative } = inference;
  const pValue = exact
    ? kendallExactPFor(n, counts.tot - counts.dis, alternative)
    : z === null
      ? null
      : zPValue(z, alternative);
  return {
    estimate: tau,
    statistic: z,
    df: null,
    pValue,
    confidenceInterval: fisherIntervalFor(tau, Math.sqrt(0.437 / (n - 4)), level, alternative),
    pMethod: exact ? 'exact' : 'asymptotic',
    notes: [],
  };
}

/**
 * The correlation of paired observations, with a test (two-sided by default, or one-sided) and a
 * confidence interval.
 *
 * - **Pearson** (default): r from centred sums in one numerically stable pass;
 *   t = r·√((n − 2)/(1 − r²)) on n − 2 df (R `cor.test`; scipy `pearsonr` gives the same p);
 *   CI by Fisher's z, tanh(atanh r ± z/√(n − 3)) (z the normal quantile at 1 − α/2), which is
 *   `[−1, 1]` at n = 3, as scipy's `confidence_interval`.
 * - **Spearman**: Pearson's r of average ranks (ties share the mean rank); p from scipy's
 *   t-approximation t = ρ·√((n − 2)/((1 + ρ)(1 − ρ))) — we match scipy's `spearmanr`, not R,
 *   whose `cor.test` uses an exact distribution for n ≤ 1290 without ties; CI by Fisher's z with
 *   the Bonett–Wright (2000) standard error √((1 + ρ²/2)/(n − 3)).
 * - **Kendall τ-b**: τ_b = (P − Q)/√((P + Q + T_x)(P + Q + T_y)), pairs counted in O(n log n)
 *   (radix ranks, counting sorts, a Fenwick tree); p exactly as scipy's
 *   `kendalltau(method='auto')`: the exact null distribution (Kendall 1970) when there are no ties
 *   and n ≤ 33 or at most one pair is discordant (or concordant), otherwise the tie-corrected normal
 *   approximation, whose z is `statistic` (`pMethod` says which). R's `cor.test` switches to its
 *   exact test at n < 50, so R and scipy differ for 34 ≤ n < 50; we follow scipy. CI by Fisher's z
 *   with Fieller, Hartley & Pearson's (1957) standard error √(0.437/(n − 4)). `pMethod: 'exact'`
 *   or `'asymptotic'` forces one way, as scipy's `method`; exact with ties is refused, as scipy
 *   refuses it.
 *
 * **One-sided tests** (`alternative`, scipy's names): `'greater'` tests for a positive correlation,
 * `'less'` for a negative one. The p-value is the matching tail of the same statistic (Student's t,
 * the normal, or Kendall's exact distribution — there, as scipy, the wrong-side p-value is
 * 1 − P/2 + P(C = c), so `less` and `greater` add up to 1 plus the probability of the observed
 * count). The interval is one-sided at the same level, as scipy's
 * `pearsonr(…).confidence_interval()`: `'less'` gives [−1, tanh(atanh r + z·se)] and `'greater'`
 * [tanh(atanh r − z·se), 1] with z = Φ⁻¹(level) — for Spearman and Kendall with their standard
 * errors above (scipy has no interval for them). A perfect correlation gives p = 0 on its own side
 * and 1 on the other. The result's `pValue` and `confidenceInterval` follow `alternative` (the
 * result does not repeat it: keep the options with the result).
 *
 * `null` and `undefined` are missing and dropped pairwise (`nDropped`). Fewer than 3 complete
 * pairs or a constant variable give `estimate: null` with a note. O(n) for Pearson, O(n log n) for
 * Spearman and Kendall; inputs are not mutated.
 *
 * @category Correlation
 * @param x - Numbers, `null`/`undefined` for missing; or a typed array.
 * @param y - Paired with `x`, same length.
 * @throws ScalingNavigatorError `INVALID_INPUT` for unequal lengths, NaN (unless
 *   `nanPolicy: 'omit'`), ±Infinity, a non-number, a hole in an array, a confidence level outside
 *   (0, 1), an unknown method, alternative or option key (with a suggestion: `methd` → `method`),
 *   `pMethod` other than `'auto'` for Pearson or Spearman, or `pMethod: 'exact'` on tied data; the
 *   path names the argument and the index or key. `LIMIT_EXCEEDED` for a series longer than
 *   2³¹ − 1, before anything is read, or `pMethod: 'exact'` on more than
 *   {@link MAX_KENDALL_EXACT_PAIRS} pairs.
 * @example
 * ```ts
 * import { correlate } from 'scaling-navigator/stats';
 * const fidelity = [0.42, 0.55, 0.61, 0.7, 0.74, 0.81, 0.9];
 * const growth = [3.1, 2.9, 4.2, 4.8, 4.1, 5.6, 6.0];
 * correlate(fidelity, growth).estimate //≈ 0.9144573430358751
 * correlate(fidelity, growth, { method: 'kendall' }).pMethod //=> 'exact'
 * correlate(fidelity, growth, { method: 'spearman' }).estimate //≈ 0.8571428571428573
 * correlate([1, 2, null, 4], [2, 4, 5, 8]).nDropped //=> 1
 * correlate([1, 2], [3, 4]).notes[0]?.code //=> 'TOO_FEW_PAIRS'
 * correlate([1, 2, 3], [1, 2]) //=> throws INVALID_INPUT at ['y']
 * correlate(fidelity, growth, { methd: 'kendall' } as never) //=> throws INVALID_INPUT at ['options', 'methd']
 * correlate([1, , 3], [1, 2, 3]) //=> throws INVALID_INPUT at ['x', 1]
 * correlate(fidelity, growth, { alternative: 'greater' }).confidenceInterval?.[1] //=> 1
 * correlate(fidelity, growth, { alternative: 'greater' }).pValue //≈ 0.0019619255723317052
 * correlate([1, 2, 2, 3], [1, 3, 2, 4], { method: 'kendall', pMethod: 'exact' }) //=> throws INVALID_INPUT at ['options', 'pMethod']
 * ```
 */
export function correlate(x: Series, y: Series, options: CorrelateOptions = {}): CorrelationResult {
  const xs = readSeries(x, ['x']);
  const ys = readSeries(y, ['y']);
  const record = readOptions<CorrelateOptions>(options, CORRELATE_OPTION_KEYS, ['options']);
  const method =
    record.method === undefined
      ? 'pearson'
      : requireOneOf(record.method, CORRELATION_METHODS, ['options', 'method'], 'correlation method');
  const confidenceLevel = readConfidenceLevel(record.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(record.nanPolicy, ['options', 'nanPolicy']);
  const alternative = readAlternative(record.alternative, ['options', 'alternative']);
  const pMethod =
    record.pMethod === undefined
      ? 'auto'
      : requireOneOf(record.pMethod, KENDALL_P_METHODS, ['options', 'pMethod'], "Kendall's p-value method");
  if (pMethod !== 'auto' && method !== 'kendall') {
    invalid(['options', 'pMethod'], `applies to method 'kendall' only; ${method}'s p-value comes from Student's t`);
  }
  const inference: Inference = { level: confidenceLevel, alternative };
  if (xs.length !== ys.length) {
    invalid(['y'], `has ${ys.length} values but x has ${xs.length}; x and y must be paired`);
  }

  let outcome: Outcome;
  let n: number;
  let nDropped: number;
  if (method === 'pearson') {
    const moments = pairMoments(xs, ys, nanPolicy, [['x'], ['y']]);
    ({ n, nDropped } = moments);
    outcome = pearson(moments, inference);
  } else {
    const rows = completeRows([xs, ys], [['x'], ['y']], nanPolicy);
    ({ n, nDropped } = rows);
    const [cx, cy] = rows.columns as [Float64Array, Float64Array];
    outcome = method === 'spearman' ? spearman(cx, cy, inference) : kendall(cx, cy, inference, pMethod);
  }
  return withoutNegativeZero({ ...outcome, method, confidenceLevel, n, nDropped });
}
