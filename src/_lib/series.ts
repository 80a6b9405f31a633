/**
 * Reading numeric series from callers: plain arrays (where `null` and `undefined` are missing) and
 * typed arrays (where `NaN` is an error unless `nanPolicy` is `'omit'`), with validation fused into
 * the pass that copies or sums.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from './errors.js';
import { describeValue } from './validate.js';

/** How `NaN` is treated: an error (`'raise'`, the default) or a missing value (`'omit'`), as in scipy. */
export type NanPolicy = 'raise' | 'omit';

/** A series as callers pass it: a plain array (with `null`/`undefined` for missing) or a typed array. */
export type Series = ArrayLike<number | null | undefined>;

/** Checks that `value` is an array or a numeric typed array; returns it. */
export function requireSeries(value: unknown, path: ErrorPath): Series {
  if (Array.isArray(value)) return value as Series;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !isBigIntArray(value)) {
    return value as unknown as Series;
  }
  return invalid(path, `expected an array or a typed array of numbers, got ${describeValue(value)}`);
}

function isBigIntArray(value: ArrayBufferView): boolean {
  return value instanceof BigInt64Array || value instanceof BigUint64Array;
}

/** Validates `nanPolicy`; default `'raise'`. */
export function readNanPolicy(value: unknown, path: ErrorPath): NanPolicy {
  if (value === undefined || value === 'raise') return 'raise';
  if (value === 'omit') return 'omit';
  return invalid(path, `unknown nanPolicy ${describeValue(value)}; expected one of: raise, omit`);
}

/**
 * Whether entry `index` of the series named `name` is missing: `null`/`undefined`, or NaN under
 * `'omit'`. Throws for anything else that is not a finite number. The error path is built only when
 * throwing, so a hot loop allocates nothing.
 */
export function isMissing(value: unknown, nanPolicy: NanPolicy, name: ErrorPath, index: number): boolean {
  if (typeof value === 'number') {
    if (value - value === 0) return false; // finite
    if (Number.isNaN(value) && nanPolicy === 'omit') return true; // NaN treated as missing
    return badEntry(value, name, index);
  }
  if (value === null || value === undefined) return true;
  return badEntry(value, name, index);
}

function badEntry(value: unknown, name: ErrorPath, index: number): never {
  const path = [...name, index];
  if (typeof value !== 'number') return invalid(path, `expected a number or null, got ${describeValue(value)}`);
  if (Number.isNaN(value)) {
    return invalid(path, "NaN is not a usable number; pass null for a missing value, or nanPolicy: 'omit'");
  }
  return invalid(path, `expected a finite number, got ${value}`);
}

/** Complete rows of several equal-length series, copied into Float64Arrays, with the count dropped. */
export interface CompleteRows {
  readonly columns: readonly Float64Array[];
  readonly n: number;
  readonly nDropped: number;
}

/**
 * The rows in which every series has a value (listwise deletion across the given series, i.e.
 * pairwise for two), validating every entry on the way. O(n·k). Float64Arrays without a missing or
 * non-finite value are returned as they are, without a copy: callers must never write to `columns`.
 */
export function completeRows(
  series: readonly Series[],
  names: readonly ErrorPath[],
  nanPolicy: NanPolicy,
): CompleteRows {
  const first = series[0];
  const length = first === undefined ? 0 : first.length;
  series.forEach((column, index) => {
    if (column.length !== length) {
      invalid(
        names[index] ?? [],
        `has ${column.length} values but ${formatName(names[0])} has ${length}; series must be paired`,
      );
    }
  });
  if (series.every((column) => column instanceof Float64Array && allFinite(column))) {
    return { columns: series as readonly Float64Array[], n: length, nDropped: 0 };
  }
  const k = series.length;
  const buffers = series.map(() => new Float64Array(length));
  let n = 0;
  for (let i = 0; i < length; i += 1) {
    let complete = true;
    for (let c = 0; c < k; c += 1) {
      const column = series[c] as Series;
      if (isMissing(column[i], nanPolicy, names[c] ?? [], i)) complete = false;
    }
    if (!complete) continue;
    for (let c = 0; c < k; c += 1) (buffers[c] as Float64Array)[n] = (series[c] as Series)[i] as number;
    n += 1;
  }
  return { columns: buffers.map((buffer) => buffer.subarray(0, n)), n, nDropped: length - n };
}

function allFinite(values: Float64Array): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += (values[i] as number) * 0;
  return sum === 0; // NaN or ±Infinity times 0 is NaN
}

function formatName(path: ErrorPath | undefined): string {
  return path === undefined ? 'the first series' : path.map(String).join('.');
}
