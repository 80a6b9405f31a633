/**
 * Finite in, finite out: means, SDs and outcome scales that never overflow to ±Infinity or
 * underflow to a false 0. Ordinary data take the plain route (so every number stays the same to
 * the bit); only sums that overflow or squares that underflow take the scaled route.
 *
 * @internal
 * @module
 */

/** Sums of squares below this lost bits to underflow: the scaled route recomputes them. */
const TINY = 1e-250;

function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i += 1) {
    const magnitude = Math.abs(values[i] as number);
    if (magnitude > largest) largest = magnitude;
  }
  return largest;
}

/** The mean of finite values (never ±Infinity, never −0); `values` must not be empty. */
export function finiteMean(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i] as number;
  if (Number.isFinite(sum)) return sum / n + 0;
  const scale = largestMagnitude(values);
  let scaled = 0;
  for (let i = 0; i < n; i += 1) scaled += (values[i] as number) / scale;
  return (scaled / n) * scale + 0;
}

/**
 * The sample SD (n − 1) of finite values around their `mean`, or `null` when it lies beyond the
 * largest double (values spanning more than ≈ 1.8e308). Needs n ≥ 2.
 */
export function finiteSd(values: ArrayLike<number>, mean: number): number | null {
  const n = values.length;
  let squares = 0;
  for (let i = 0; i < n; i += 1) squares += ((values[i] as number) - mean) ** 2;
  if (Number.isFinite(squares) && (squares >= TINY || squares === 0)) return Math.sqrt(squares / (n - 1));
  const scale = largestMagnitude(values);
  const centre = mean / scale;
  let scaled = 0;
  for (let i = 0; i < n; i += 1) scaled += ((values[i] as number) / scale - centre) ** 2;
  const sd = Math.sqrt(scaled / (n - 1)) * scale;
  return Number.isFinite(sd) ? sd : null;
}

/**
 * A power of two `unit` such that `values / unit` has its largest magnitude in [1, 2), when the
 * values are so large (above 2²⁵⁶) or so small (below 2⁻²⁵⁶) that sums of their squares could
 * overflow or underflow; 1 otherwise (ordinary data are not touched). Dividing by a power of two
 * is exact.
 */
export function outcomeUnit(values: ArrayLike<number>): number {
  const largest = largestMagnitude(values);
  if (largest === 0 || (largest <= 2 ** 256 && largest >= 2 ** -256)) return 1;
  let exponent = Math.floor(Math.log2(largest));
  // log2 may round across a power of two: settle the exponent exactly.
  while (2 ** exponent > largest) exponent -= 1;
  while (2 ** (exponent + 1) <= largest) exponent += 1;
  return 2 ** exponent;
}

/** Divides every value by a power of two `unit` in place (in two normal steps, so no factor is subnormal). */
export function divideByUnit(values: Float64Array, unit: number): void {
  if (unit === 1) return;
  const root = 2 ** Math.trunc(Math.log2(unit) / 2);
  const rest = unit / root;
  for (let i = 0; i < values.length; i += 1) values[i] = (values[i] as number) / root / rest;
}

/** `value × unit` when finite (never −0), else `null`. */
export function timesUnit(value: number | null, unit: number): number | null {
  if (value === null) return null;
  const product = value * unit;
  return Number.isFinite(product) ? product + 0 : null;
}
