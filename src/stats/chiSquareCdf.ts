import gammainc from '@stdlib/math-base-special-gammainc';
import { requireNumber } from '../_lib/validate.js';
import { requireDegrees } from './_distribution.js';

/**
 * The chi-square cumulative distribution function P(X ≤ x) with `df` degrees of freedom (scipy
 * `stats.chi2.cdf(x, df)`, R `pchisq(x, df)`): the regularized lower incomplete gamma function
 * P(df/2, x/2), by @stdlib's `gammainc` — within about 1e-14 relative of scipy. 0 for x ≤ 0.
 * `df` need not be a whole number. O(1).
 *
 * For the p-value of a chi-square statistic (the upper tail) `1 - chiSquareCdf(x, df)` loses
 * precision once the p-value is below about 1e-15; report such p-values as "< 1e-15".
 *
 * Its own split point: importing only `chiSquareCdf` ships the incomplete gamma function
 * (≈ 24 kB brotli).
 *
 * @category Distributions
 * @param x - The value, a finite number.
 * @param df - Degrees of freedom, a finite number ≥ 1e-300 (need not be whole).
 * @throws ScalingNavigatorError `INVALID_INPUT` for a non-finite `x`, or `df` that is not a finite
 *   number ≥ 1e-300.
 * @example
 * ```ts
 * import { chiSquareCdf } from 'scaling-navigator/stats';
 * chiSquareCdf(3.841458820694124, 1) //≈ 0.95
 * chiSquareCdf(3, 4) //≈ 0.4421745996289252
 * chiSquareCdf(-1, 2) //=> 0
 * chiSquareCdf(1, -2) //=> throws INVALID_INPUT at ['df']
 * ```
 */
export function chiSquareCdf(x: number, df: number): number {
  const value = requireNumber(x, ['x']);
  const degrees = requireDegrees(df, ['df']);
  if (value <= 0) return 0;
  return gammainc(value / 2, degrees / 2, true, false) + 0;
}
