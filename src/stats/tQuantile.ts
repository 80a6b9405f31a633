import tDistributionQuantile from '@stdlib/stats-base-dists-t-quantile';
import { finiteQuantile, requireDegrees, requireOpenProbability } from './_distribution.js';

/**
 * Student's t quantile: the x with P(T ≤ x) = p on `df` degrees of freedom (scipy
 * `stats.t.ppf(p, df)`, R `qt(p, df)`), by @stdlib's inverse regularized incomplete beta function
 * — within about 1e-14 relative of scipy. The two-sided critical value at level L is
 * `tQuantile(0.5 + L / 2, df)`. O(1).
 *
 * Its own split point: importing only `tQuantile` ships the t quantile (≈ 43 kB brotli:
 * the inverse incomplete beta function is large).
 *
 * @category Distributions
 * @param p - A probability strictly between 0 and 1.
 * @param df - Degrees of freedom, a finite number ≥ 1e-300 (need not be whole).
 * @throws ScalingNavigatorError `INVALID_INPUT` for p outside (0, 1) (the quantile is infinite at 0
 *   and 1) or `df` that is not a finite number ≥ 1e-300. `LIMIT_EXCEEDED` when the quantile is beyond the
 *   largest double (df below about 0.01 far in a tail).
 * @example
 * ```ts
 * import { tQuantile } from 'scaling-navigator/stats';
 * tQuantile(0.975, 10) //≈ 2.228138851986274
 * tQuantile(0.5, 3) //=> 0
 * tQuantile(1, 10) //=> throws INVALID_INPUT at ['p']
 * ```
 */
export function tQuantile(p: number, df: number): number {
  const probability = requireOpenProbability(p, ['p']);
  const degrees = requireDegrees(df, ['df']);
  return finiteQuantile(tDistributionQuantile(probability, degrees), ['p']);
}
