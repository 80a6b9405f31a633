/**
 * What the stats functions share to keep "finite in, finite out": strict reading of series and
 * lists of series (holes, the documented maximum length), a power-of-two scale for the overflow
 * and underflow routes (dividing by a power of two is exact, so a scaled route computes the same
 * numbers as the plain one on data of ordinary magnitude), a mean and sample SD that take that
 * route when the plain sums overflow or underflow, and −0 cleaned out of results.
 *
 * @internal
 * @module
 */

import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { ErrorPath } from '../_lib/errors.js';
import { plusZero } from '../_lib/plusZero.js';
import { requireSeries, type Series } from '../_lib/series.js';
import { requireDenseArray, requireLengthAtMost } from '../_lib/strict.js';
import { requireArray } from '../_lib/validate.js';

/** The most observations a series (plain or typed array) may have: 2³¹ − 1. */
export const MAX_SERIES_LENGTH = 2 ** 31 - 1;

/** The largest count (a group size, a number of successes) the stats functions take: 2⁵³ − 1. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** Sums of squares below this lost bits to underflow: the scaled route recomputes them. */
export const TINY = 1e-250;

/**
 * A series argument: a plain array without holes or a numeric typed array, at most
 * {@link MAX_SERIES_LENGTH} long (`LIMIT_EXCEEDED` before anything is read).
 */
export function readSeries(value: unknown, path: ErrorPath): Series {
  const series = requireSeries(value, path);
  requireLengthAtMost(series.length, path, MAX_SERIES_LENGTH);
  if (Array.isArray(series)) requireNoHoles(series, path);
  return series;
}

/** A list argument (of series, of p-values): an array without holes, at most {@link MAX_SERIES_LENGTH} long. */
export function readList(value: unknown, path: ErrorPath): readonly unknown[] {
  const list = requireArray(value, path);
  requireLengthAtMost(list.length, path, MAX_SERIES_LENGTH);
  requireNoHoles(list, path);
  return list;
}

/**
 * Holes read as `undefined`: a plain read of each entry (fast on packed arrays) finds any, and only
 * then the shared `requireDenseArray` looks for a hole by index (`i in array` on every entry costs
 * ≈ 5× a Pearson pass over a million numbers).
 */
function requireNoHoles(array: readonly unknown[], path: ErrorPath): void {
  for (let i = 0; i < array.length; i += 1) {
    if (array[i] === undefined) {
      requireDenseArray(array, path, MAX_SERIES_LENGTH);
      return;
    }
  }
}

/** The largest power of two not above `maxAbs` (> 0): dividing by it is exact and leaves values in (−2, 2). */
export function powerOfTwoScale(maxAbs: number): number {
  if (!(maxAbs > 0)) return 1;
  // Math.log2 may round across a power of two (to 1024 for values near MAX_VALUE, whose scale
  // 2¹⁰²⁴ would be Infinity): clamp to 2¹⁰²³, then correct by one step either way.
  let scale = 2 ** Math.min(1023, Math.floor(Math.log2(maxAbs)));
  if (scale > maxAbs) scale /= 2;
  else if (scale * 2 <= maxAbs) scale *= 2;
  return scale;
}

/** max |x| of the values. */
export function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = Math.abs(values[i] as number);
    if (value > max) max = value;
  }
  return max;
}

/** Mean and sample SD (n − 1) of a sample of two or more values, not all equal; the SD is `null` when it is not representable. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number | null;
}

/**
 * Mean and sample SD: simple-statistics' when both are finite and the SD did not underflow, else
 * the same computation on the values divided by a power of two, scaled back. The mean always comes
 * back finite (it lies within the values); the SD is `null` when it exceeds the largest double.
 */
export function meanAndSd(values: readonly number[]): MeanSd {
  const plainMean = mean(values);
  const plainSd = values.length > 1 ? sampleStandardDeviation(values) : 0;
  if (Number.isFinite(plainMean) && Number.isFinite(plainSd) && plainSd > 1e-140) {
    return { mean: plainMean, sd: plainSd };
  }
  const scale = powerOfTwoScale(maxAbs(values));
  const scaled = values.map((value) => value / scale);
  const scaledMean = mean(scaled);
  const scaledSd = values.length > 1 ? sampleStandardDeviation(scaled) : 0;
  const sd = scaledSd * scale;
  return { mean: plusZero(scaledMean * scale), sd: Number.isFinite(sd) ? sd : null };
}

export { plusZero };

/** Turns every −0 in a freshly built result (plain objects and arrays, not frozen ones) into 0, in place. */
export function withoutNegativeZero<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const entry = record[key];
    if (typeof entry === 'number') {
      if (entry === 0) record[key] = 0;
    } else if (typeof entry === 'object' && entry !== null) {
      withoutNegativeZero(entry);
    }
  }
  return value;
}
