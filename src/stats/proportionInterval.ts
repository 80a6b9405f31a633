import { criticalZ } from '../_lib/normalQuantile.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { readConfidenceLevel, requireOneOf } from '../_lib/validate.js';
import { wilsonBounds } from '../_lib/wilson.js';
import { withoutNegativeZero } from './_finite.js';
import { emptyProportion, readProportionCounts } from './_proportionCounts.js';
import type { Estimate } from './Estimate.js';

/**
 * Options of {@link proportionInterval}.
 *
 * @category Intervals
 */
export interface ProportionIntervalOptions {
  /** Level of the interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
  /**
   * `'wilson'` (default), `'wilson-cc'` (with continuity correction) or `'agresti-coull'`; the
   * beta-quantile intervals (Clopper–Pearson, Jeffreys) are {@link proportionIntervalBeta}.
   */
  readonly method?: ProportionIntervalMethod;
}

/**
 * The intervals of {@link proportionInterval}, which need only the normal quantile.
 *
 * @category Intervals
 * @example
 * ```ts
 * import { PROPORTION_INTERVAL_METHODS } from 'scaling-navigator/stats';
 * PROPORTION_INTERVAL_METHODS //=> ['wilson', 'wilson-cc', 'agresti-coull']
 * ```
 */
export const PROPORTION_INTERVAL_METHODS = /* @__PURE__ */ Object.freeze([
  'wilson',
  'wilson-cc',
  'agresti-coull',
] as const);

/** An interval method of {@link proportionInterval}. @category Intervals */
export type ProportionIntervalMethod = (typeof PROPORTION_INTERVAL_METHODS)[number];

const PROPORTION_OPTION_KEYS = keysOf<ProportionIntervalOptions>()('confidenceLevel', 'method');

/**
 * Why a proportion has no estimate: `EMPTY` — n is 0.
 *
 * @category Intervals
 */
export type ProportionNoteCode = 'EMPTY';

/**
 * The result of {@link proportionInterval}.
 *
 * @category Intervals
 */
export interface ProportionResult extends Estimate<ProportionNoteCode> {
  readonly successes: number;
}

/**
 * A proportion with its Wilson score interval (Wilson 1927), well behaved near 0% and 100% where
 * the textbook Wald interval fails; the same interval as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`:
 *
 * $$\frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}{1 + \frac{z^2}{n}}$$
 *
 * Other methods (`method`):
 * - `'wilson-cc'`: Wilson's interval with continuity correction, Newcombe (1998) method 4 — the
 *   Wilson bounds at p̂ − 1/(2n) (lower) and p̂ + 1/(2n) (upper). R's
 *   `prop.test(x, n, correct = TRUE)$conf.int` computes the same except that R shrinks the
 *   correction to |x − n·p₀| when that is below ½ (p₀ = 0.5 by default): at x = n/2 R gives the
 *   uncorrected Wilson interval, we Newcombe's.
 * - `'agresti-coull'` (Agresti & Coull 1998): p̃ ± z·√(p̃(1 − p̃)/ñ) with ñ = n + z² and
 *   p̃ = (x + z²/2)/ñ, clipped to [0, 1] as statsmodels' `proportion_confint(method='agresti_coull')`.
 *
 * The bounds are exactly 0 at 0 successes and exactly 1 at n successes (Agresti–Coull: where the
 * clip puts them). n = 0 gives `estimate: null` with a note. O(1); needs no distribution tables
 * (only the normal quantile), so a host importing it alone ships ≈ 3 kB.
 *
 * @category Intervals
 * @throws ScalingNavigatorError `INVALID_INPUT` for counts that are not whole numbers ≥ 0,
 *   successes above n, a confidence level outside (0, 1), an unknown method or an unknown option key.
 * @example
 * ```ts
 * import { proportionInterval } from 'scaling-navigator/stats';
 * const reached = proportionInterval(23428, 29284);
 * reached.estimate //≈ 0.8000273186723126
 * proportionInterval(0, 12).confidenceInterval?.[0] //=> 0
 * proportionInterval(0, 0).notes[0]?.code //=> 'EMPTY'
 * proportionInterval(3, 12, { level: 0.9 } as never) //=> throws INVALID_INPUT at ['options', 'level']
 * proportionInterval(3, 12, { method: 'wilson-cc' }).confidenceInterval?.[1] //≈ 0.5716439089636204
 * proportionInterval(0, 12, { method: 'agresti-coull' }).confidenceInterval?.[0] //=> 0
 * ```
 */
export function proportionInterval(
  successes: number,
  n: number,
  options: ProportionIntervalOptions = {},
): ProportionResult {
  const { count, total } = readProportionCounts(successes, n);
  const settings = readOptions<ProportionIntervalOptions>(options, PROPORTION_OPTION_KEYS, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const method =
    settings.method === undefined
      ? 'wilson'
      : requireOneOf(settings.method, PROPORTION_INTERVAL_METHODS, ['options', 'method'], 'interval method');
  const base = { statistic: null, df: null, pValue: null, confidenceLevel, n: total, nDropped: 0, successes: count };
  if (total === 0) return emptyProportion(base);
  const z = criticalZ(confidenceLevel);
  const confidenceInterval =
    method === 'wilson'
      ? wilsonBounds(count, total, z)
      : method === 'wilson-cc'
        ? wilsonCorrected(count, total, z)
        : agrestiCoull(count, total, z);
  return withoutNegativeZero({ ...base, estimate: count / total, confidenceInterval, notes: [] });
}

/**
 * Newcombe's (1998) method 4: the Wilson bound of p̂ − 1/(2n) below and of p̂ + 1/(2n) above (the
 * score interval of the continuity-corrected statistic); 0 at no successes, 1 at all of them.
 */
function wilsonCorrected(count: number, total: number, z: number): [number, number] {
  const z2n = (z * z) / total;
  const denominator = 1 + z2n;
  const bound = (p: number, sign: number) =>
    (p + z2n / 2 + sign * z * Math.sqrt((p * (1 - p)) / total + z2n / (4 * total))) / denominator;
  const shift = 0.5 / total;
  return [
    count === 0 ? 0 : Math.max(0, bound(count / total - shift, -1)),
    count === total ? 1 : Math.min(1, bound(count / total + shift, 1)),
  ];
}

/** Agresti & Coull (1998): the Wald interval around p̃ = (x + z²/2)/(n + z²), clipped to [0, 1]. */
function agrestiCoull(count: number, total: number, z: number): [number, number] {
  const z2 = z * z;
  const adjusted = total + z2;
  const center = (count + z2 / 2) / adjusted;
  const half = z * Math.sqrt((center * (1 - center)) / adjusted);
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
