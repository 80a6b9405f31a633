/**
 * Argument checks shared by the distribution helpers (tCdf, tQuantile, normalCdf, normalQuantile,
 * chiSquareCdf): small, so each helper's split point stays its own distribution's code.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { requireNumber } from '../_lib/validate.js';

/** A finite number > 0 (a standard deviation). */
export function requirePositive(value: unknown, path: ErrorPath): number {
  const number = requireNumber(value, path);
  if (!(number > 0)) invalid(path, `must be greater than 0, got ${number}`);
  return number;
}

/** The smallest degrees of freedom the helpers take: @stdlib's special functions give NaN below it. */
export const MIN_DF = 1e-300;

/** Degrees of freedom: a finite number ≥ {@link MIN_DF}, not necessarily whole. */
export function requireDegrees(value: unknown, path: ErrorPath): number {
  const df = requireNumber(value, path);
  if (!(df >= MIN_DF)) invalid(path, `degrees of freedom must be at least ${MIN_DF}, got ${df}`);
  return df;
}

/** A probability strictly between 0 and 1 (the quantiles are ±∞ at 0 and 1). */
export function requireOpenProbability(value: unknown, path: ErrorPath): number {
  const p = requireNumber(value, path);
  if (!(p > 0 && p < 1)) {
    invalid(
      path,
      `a probability for a quantile lies strictly between 0 and 1 (the quantile is infinite at 0 and 1), got ${p}`,
    );
  }
  return p;
}

/** The quantile, or LIMIT_EXCEEDED when it lies beyond the largest double (a tiny df, a huge sd). */
export function finiteQuantile(value: number, path: ErrorPath): number {
  if (!Number.isFinite(value)) limitExceeded(path, 'the quantile exceeds the largest floating-point number');
  return value + 0;
}
