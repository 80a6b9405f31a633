import normalDistributionCdf from '@stdlib/stats-base-dists-normal-cdf';
import { requireNumber } from '../_lib/validate.js';
import { requirePositive } from './_distribution.js';

/**
 * The normal cumulative distribution function P(X ≤ x) for X ~ N(mean, sd²) (scipy
 * `stats.norm.cdf(x, loc, scale)`, R `pnorm(x, mean, sd)`), by @stdlib's complementary error
 * function — within about 1e-15 relative of scipy, also far in the lower tail
 * (`normalCdf(-30)` ≈ 4.9e-198). The upper tail P(X > x) is `normalCdf(-x)` for the standard
 * normal. O(1).
 *
 * Its own split point: importing only `normalCdf` ships the normal CDF (≈ 10 kB brotli).
 *
 * @category Distributions
 * @param x - The value, a finite number.
 * @param mean - The mean (default 0), a finite number.
 * @param sd - The standard deviation (default 1), a finite number > 0.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a non-finite `x` or `mean`, or `sd` that is not
 *   a finite number > 0.
 * @example
 * ```ts
 * import { normalCdf } from 'scaling-navigator/stats';
 * normalCdf(0) //=> 0.5
 * normalCdf(1.959963984540054) //≈ 0.975
 * normalCdf(115, 100, 15) //≈ 0.8413447460685429
 * normalCdf(1, 0, 0) //=> throws INVALID_INPUT at ['sd']
 * ```
 */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  const value = requireNumber(x, ['x']);
  const mu = requireNumber(mean, ['mean']);
  const sigma = requirePositive(sd, ['sd']);
  const z = (value - mu) / sigma;
  // (x − mean)/sd can overflow to ±∞ for extreme finite arguments; the CDF's limit is then exact.
  // It is never NaN: x and mean are finite and sd is finite and positive.
  return normalDistributionCdf(z, 0, 1) + 0;
}
