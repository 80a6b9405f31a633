import tDistributionCdf from '@stdlib/stats-base-dists-t-cdf';
import { requireNumber } from '../_lib/validate.js';
import { requireDegrees } from './_distribution.js';

/**
 * Student's t cumulative distribution function P(T ≤ x) with `df` degrees of freedom (scipy
 * `stats.t.cdf(x, df)`, R `pt(x, df)`), by @stdlib's regularized incomplete beta function —
 * within about 1e-15 relative of scipy. `df` need not be a whole number. A one-sided p-value of a t
 * statistic is `tCdf(t, df)` (alternative `'less'`) or `tCdf(-t, df)` (`'greater'`), which keeps its
 * precision far in the tail where `1 - tCdf(t, df)` would round to 0. O(1).
 *
 * Its own split point: importing only `tCdf` from `scaling-navigator/stats` ships the t CDF
 * (≈ 30 kB brotli), not the rest of the kernel.
 *
 * @category Distributions
 * @param x - The value, a finite number.
 * @param df - Degrees of freedom, a finite number ≥ 1e-300 (need not be whole).
 * @throws ScalingNavigatorError `INVALID_INPUT` for a non-finite `x`, or `df` that is not a finite
 *   number ≥ 1e-300.
 * @example
 * ```ts
 * import { tCdf } from 'scaling-navigator/stats';
 * tCdf(0, 10) //=> 0.5
 * tCdf(2.228138851986274, 10) //≈ 0.975
 * tCdf(-40, 5) //≈ 9.205981085886477e-8
 * tCdf(1, 0) //=> throws INVALID_INPUT at ['df']
 * ```
 */
export function tCdf(x: number, df: number): number {
  const value = requireNumber(x, ['x']);
  const degrees = requireDegrees(df, ['df']);
  return tDistributionCdf(value, degrees) + 0;
}
