import { invalid } from '../_lib/errors.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { note } from '../_lib/notes.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { readConfidenceLevel, requireNumber } from '../_lib/validate.js';
import { wilsonBounds } from '../_lib/wilson.js';
import { plusZero, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * Options of {@link proportionInterval}.
 *
 * @category Intervals
 */
export interface ProportionIntervalOptions {
  /** Level of the Wilson interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
}

const PROPORTION_OPTION_KEYS = keysOf<ProportionIntervalOptions>()('confidenceLevel');

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
 * The bounds are exactly 0 at 0 successes and exactly 1 at n successes. n = 0 gives
 * `estimate: null` with a note. O(1); needs no distribution tables (only the normal quantile).
 *
 * @category Intervals
 * @throws ScalingNavigatorError `INVALID_INPUT` for counts that are not whole numbers ≥ 0,
 *   successes above n, a confidence level outside (0, 1), or an unknown option key.
 * @example
 * ```ts
 * import { proportionInterval } from 'scaling-navigator/stats';
 * const reached = proportionInterval(23428, 29284);
 * reached.estimate //≈ 0.8000273186723126
 * proportionInterval(0, 12).confidenceInterval?.[0] //=> 0
 * proportionInterval(0, 0).notes[0]?.code //=> 'EMPTY'
 * proportionInterval(3, 12, { level: 0.9 } as never) //=> throws INVALID_INPUT at ['options', 'level']
 * ```
 */
export function proportionInterval(
  successes: number,
  n: number,
  options: ProportionIntervalOptions = {},
): ProportionResult {
  const total = plusZero(requireNumber(n, ['n'], { min: 0, integer: true }));
  const count = plusZero(requireNumber(successes, ['successes'], { min: 0, integer: true }));
  if (count > total) invalid(['successes'], `cannot exceed n (${total})`);
  const settings = readOptions<ProportionIntervalOptions>(options, PROPORTION_OPTION_KEYS, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const base = { statistic: null, df: null, pValue: null, confidenceLevel, n: total, nDropped: 0, successes: count };
  if (total === 0) {
    return {
      ...base,
      estimate: null,
      confidenceInterval: null,
      notes: [note('EMPTY', 'n is 0: there is no proportion', 'estimate')],
    };
  }
  const confidenceInterval = wilsonBounds(count, total, criticalZ(confidenceLevel));
  return withoutNegativeZero({ ...base, estimate: count / total, confidenceInterval, notes: [] });
}
