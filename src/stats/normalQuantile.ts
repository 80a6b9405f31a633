import { normalQuantile as standardQuantile } from '../_lib/normalQuantile.js';
import { requireNumber } from '../_lib/validate.js';
import { finiteQuantile, requireOpenProbability, requirePositive } from './_distribution.js';

/**
 * The normal quantile: the x with P(X ≤ x) = p for X ~ N(mean, sd²) (scipy
 * `stats.norm.ppf(p, loc, scale)`, R `qnorm(p, mean, sd)`), by Wichura's algorithm AS 241 — the one
 * R uses — within about 1e-15 relative of scipy's `ndtri`. O(1); needs no distribution tables.
 *
 * Its own split point: importing only `normalQuantile` ships about 1 kB.
 *
 * @category Distributions
 * @param p - A probability strictly between 0 and 1.
 * @param mean - The mean (default 0), a finite number.
 * @param sd - The standard deviation (default 1), a finite number > 0.
 * @throws ScalingNavigatorError `INVALID_INPUT` for p outside (0, 1) (the quantile is infinite at 0
 *   and 1), a non-finite `mean` or `sd` that is not a finite number > 0. `LIMIT_EXCEEDED` when
 *   mean + sd·z is beyond the largest double.
 * @example
 * ```ts
 * import { normalQuantile } from 'scaling-navigator/stats';
 * normalQuantile(0.975) //≈ 1.959963984540054
 * normalQuantile(0.5, 100, 15) //=> 100
 * normalQuantile(0) //=> throws INVALID_INPUT at ['p']
 * ```
 */
export function normalQuantile(p: number, mean = 0, sd = 1): number {
  const probability = requireOpenProbability(p, ['p']);
  const mu = requireNumber(mean, ['mean']);
  const sigma = requirePositive(sd, ['sd']);
  const z = standardQuantile(probability);
  return finiteQuantile(z === 0 ? mu : mu + sigma * z, ['p']);
}
