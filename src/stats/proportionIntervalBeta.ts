import kernelBetaincinv from '@stdlib/math-base-special-kernel-betaincinv';
import { limitExceeded } from '../_lib/errors.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { readConfidenceLevel, requireOneOf } from '../_lib/validate.js';
import { withoutNegativeZero } from './_finite.js';
import { emptyProportion, readProportionCounts } from './_proportionCounts.js';
import type { ProportionResult } from './proportionInterval.js';

/**
 * The intervals of {@link proportionIntervalBeta}, which need beta quantiles.
 *
 * @category Intervals
 * @example
 * ```ts
 * import { BETA_INTERVAL_METHODS } from 'scaling-navigator/stats';
 * BETA_INTERVAL_METHODS //=> ['clopper-pearson', 'jeffreys']
 * ```
 */
export const BETA_INTERVAL_METHODS = /* @__PURE__ */ Object.freeze(['clopper-pearson', 'jeffreys'] as const);

/** An interval method of {@link proportionIntervalBeta}. @category Intervals */
export type BetaIntervalMethod = (typeof BETA_INTERVAL_METHODS)[number];

/**
 * Options of {@link proportionIntervalBeta}.
 *
 * @category Intervals
 */
export interface ProportionIntervalBetaOptions {
  /** Level of the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
  /** `'clopper-pearson'` (default) or `'jeffreys'`. */
  readonly method?: BetaIntervalMethod;
}

const BETA_OPTION_KEYS = keysOf<ProportionIntervalBetaOptions>()('confidenceLevel', 'method');

/**
 * The largest n {@link proportionIntervalBeta} takes, 10⁹: beyond it the beta quantile's iterations
 * slow down (to about a second at 10¹⁵), and every interval method agrees to the sixth digit —
 * use {@link proportionInterval}.
 *
 * @category Intervals
 * @example
 * ```ts
 * import { MAX_BETA_INTERVAL_N } from 'scaling-navigator/stats';
 * MAX_BETA_INTERVAL_N //=> 1000000000
 * ```
 */
export const MAX_BETA_INTERVAL_N = 1_000_000_000;

/** The q-quantile of Beta(a, b), given q and 1 − q separately so the upper tail keeps its digits. */
function betaQuantile(a: number, b: number, q: number, complement: number): number {
  return (kernelBetaincinv(a, b, q, complement) as number[])[0] as number;
}

/**
 * A proportion with an interval from beta quantiles:
 *
 * - `'clopper-pearson'` (default; Clopper & Pearson 1934), the "exact" interval that inverts the
 *   binomial test: [B(α/2; x, n − x + 1), B(1 − α/2; x + 1, n − x)] with B the beta quantile and
 *   α = 1 − level; never below the nominal coverage, often well above it. R's
 *   `binom.test(x, n)$conf.int`, statsmodels' `proportion_confint(method='beta')`.
 * - `'jeffreys'`: the equal-tailed interval of the Beta(x + ½, n − x + ½) posterior (Jeffreys prior),
 *   with coverage close to nominal on average; with Brown, Cai & DasGupta (2001) the lower bound is
 *   0 at x = 0 and the upper 1 at x = n (statsmodels' `method='jeffreys'` keeps the quantiles
 *   there).
 *
 * Kept apart from {@link proportionInterval} so that a host that wants only Wilson does not ship the
 * inverse incomplete beta function (≈ 43 kB brotli): this function is its own split point. The result has
 * the same shape as proportionInterval's. O(1) (a few Newton steps of the beta quantile).
 *
 * @category Intervals
 * @throws ScalingNavigatorError `INVALID_INPUT` for counts that are not whole numbers ≥ 0, successes
 *   above n, a confidence level outside (0, 1), an unknown method or option key. `LIMIT_EXCEEDED`
 *   for n above {@link MAX_BETA_INTERVAL_N}.
 * @example
 * ```ts
 * import { proportionIntervalBeta } from 'scaling-navigator/stats';
 * proportionIntervalBeta(3, 12).confidenceInterval?.[0] //≈ 0.054860644527992761
 * proportionIntervalBeta(3, 12, { method: 'jeffreys' }).confidenceInterval?.[1] //≈ 0.5291910836265508
 * proportionIntervalBeta(0, 12).confidenceInterval?.[0] //=> 0
 * proportionIntervalBeta(0, 0).notes[0]?.code //=> 'EMPTY'
 * proportionIntervalBeta(3, 12, { method: 'wald' } as never) //=> throws INVALID_INPUT at ['options', 'method']
 * ```
 */
export function proportionIntervalBeta(
  successes: number,
  n: number,
  options: ProportionIntervalBetaOptions = {},
): ProportionResult {
  const { count, total } = readProportionCounts(successes, n);
  if (total > MAX_BETA_INTERVAL_N) {
    limitExceeded(['n'], `beta-quantile intervals take n up to ${MAX_BETA_INTERVAL_N}; use proportionInterval`);
  }
  const settings = readOptions<ProportionIntervalBetaOptions>(options, BETA_OPTION_KEYS, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const method =
    settings.method === undefined
      ? 'clopper-pearson'
      : requireOneOf(settings.method, BETA_INTERVAL_METHODS, ['options', 'method'], 'interval method');
  const base = { statistic: null, df: null, pValue: null, confidenceLevel, n: total, nDropped: 0, successes: count };
  if (total === 0) return emptyProportion(base);
  const tail = (1 - confidenceLevel) / 2;
  const upperTail = 1 - tail;
  const shift = method === 'jeffreys' ? 0.5 : 0;
  const lower = count === 0 ? 0 : betaQuantile(count + shift, total - count + 1 - shift, tail, upperTail);
  const upper = count === total ? 1 : betaQuantile(count + 1 - shift, total - count + shift, upperTail, tail);
  const confidenceInterval: [number, number] = [Math.max(0, lower), Math.min(1, upper)];
  return withoutNegativeZero({ ...base, estimate: count / total, confidenceInterval, notes: [] });
}
