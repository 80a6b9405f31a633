/**
 * What every proportion interval reads first: the counts (whole, `successes ≤ n`) and, for n = 0, the
 * result with no estimate. Shared by `proportionInterval` and `proportionIntervalBeta` (two split
 * points; this file is small and pulls in no distribution).
 *
 * @internal
 * @module
 */
import { invalid } from '../_lib/errors.js';
import { note } from '../_lib/notes.js';
import { requireNumber } from '../_lib/validate.js';
import { plusZero } from './_finite.js';
import type { ProportionResult } from './proportionInterval.js';

/** `successes` and `n` as whole counts with `successes ≤ n`, −0 read as 0. */
export function readProportionCounts(
  successes: unknown,
  n: unknown,
): { readonly count: number; readonly total: number } {
  const total = plusZero(requireNumber(n, ['n'], { min: 0, integer: true }));
  const count = plusZero(requireNumber(successes, ['successes'], { min: 0, integer: true }));
  if (count > total) invalid(['successes'], `cannot exceed n (${total})`);
  return { count, total };
}

/** The result of a proportion of nothing (n = 0): no estimate, no interval, and a note that says why. */
export function emptyProportion(
  base: Omit<ProportionResult, 'estimate' | 'confidenceInterval' | 'notes'>,
): ProportionResult {
  return {
    ...base,
    estimate: null,
    confidenceInterval: null,
    notes: [note('EMPTY', 'n is 0: there is no proportion', 'estimate')],
  };
}
