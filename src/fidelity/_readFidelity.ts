/**
 * Reading fidelity series: rescaling a rubric to [0, 1] and validating it; reading outcome series
 * (yes/no outcomes become 1 / 0) and other series with their holes and length limits.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { isMissing, type NanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { keysOf, readOptions, requireDenseArray, requireLengthAtMost } from '../_lib/strict.js';
import { describeValue, requireNumber } from '../_lib/validate.js';

/**
 * The scale a fidelity instrument reports on; values are rescaled to [0, 1] by
 * (value − min)/(max − min). Default `{ min: 0, max: 1 }` (already a proportion).
 *
 * @category Fidelity
 */
export interface FidelityScale {
  readonly min: number;
  readonly max: number;
}

/** The keys of {@link FidelityScale}. */
export const FIDELITY_SCALE_KEYS = keysOf<FidelityScale>()('min', 'max');

/** The longest series any fidelity function reads (2³¹ − 1 observations). */
export const MAX_SERIES_LENGTH = 2 ** 31 - 1;

/** Validates the scale option (`min < max`, no other key), read once. */
export function readFidelityScale(value: unknown, path: ErrorPath): FidelityScale {
  if (value === undefined) return { min: 0, max: 1 };
  const record = readOptions<FidelityScale>(value, FIDELITY_SCALE_KEYS, path);
  const min = requireNumber(record.min, [...path, 'min']);
  const max = requireNumber(record.max, [...path, 'max']);
  if (!(min < max)) invalid([...path, 'max'], `the scale's max must be above its min (${min})`);
  return { min, max };
}

/**
 * A series (plain or typed array) no longer than {@link MAX_SERIES_LENGTH} and, when plain,
 * without holes (explicit `null` / `undefined` stay missing values).
 */
export function readSeries(value: unknown, path: ErrorPath): Series {
  const series = requireSeries(value, path);
  if (Array.isArray(series)) requireDenseArray(series, path, MAX_SERIES_LENGTH);
  else requireLengthAtMost(series.length, path, MAX_SERIES_LENGTH);
  return series;
}

/**
 * An outcome series: like {@link readSeries}, and a yes/no outcome (`true` / `false`) is read as
 * 1 / 0 — the one place a boolean stands for a number. A series holding a boolean is a yes/no
 * series, so its other values must be 0, 1 or missing. Returns the series itself when it holds no
 * boolean, else a converted copy.
 */
export function readOutcomeSeries(value: unknown, path: ErrorPath): Series {
  const series = readSeries(value, path);
  if (!Array.isArray(series)) return series;
  const list = series as readonly unknown[];
  let first = -1;
  for (let i = 0; i < list.length; i += 1) {
    if (typeof list[i] === 'boolean') {
      first = i;
      break;
    }
  }
  if (first < 0) return series;
  const out: (number | null | undefined)[] = new Array(list.length);
  for (let i = 0; i < list.length; i += 1) {
    const entry = list[i];
    if (entry === true) out[i] = 1;
    else if (entry === false) out[i] = 0;
    else if (entry === 0 || entry === 1 || entry === null || entry === undefined) out[i] = entry === 0 ? 0 : entry;
    else {
      invalid(
        [...path, i],
        `a yes/no outcome (entry ${first} is ${String(list[first])}) holds true/false, 1/0 or null; got ${describeValue(entry)}`,
      );
    }
  }
  return out;
}

/**
 * A fidelity series rescaled to [0, 1], with `null` kept for missing values (NaN too under
 * `nanPolicy: 'omit'`). Throws for values outside [0, 1] after rescaling, holes, and series
 * longer than {@link MAX_SERIES_LENGTH}.
 */
export function readFidelitySeries(
  value: unknown,
  scale: FidelityScale,
  nanPolicy: NanPolicy,
  path: ErrorPath,
): (number | null)[] {
  const series = readSeries(value, path);
  // A span past the largest double (a scale from −1e308 to 1e308) is taken in halves.
  const wide = !Number.isFinite(scale.max - scale.min);
  const half = scale.max / 2 - scale.min / 2;
  const span = scale.max - scale.min;
  const out: (number | null)[] = new Array(series.length);
  for (let i = 0; i < series.length; i += 1) {
    const raw = series[i];
    if (isMissing(raw, nanPolicy, path, i)) {
      out[i] = null;
      continue;
    }
    const rescaled = wide ? ((raw as number) / 2 - scale.min / 2) / half : ((raw as number) - scale.min) / span;
    if (rescaled < 0 || rescaled > 1) {
      invalid(
        [...path, i],
        `fidelity ${raw as number} lies outside the instrument's scale ${scale.min}–${scale.max} (a proportion in [0, 1] once rescaled)`,
      );
    }
    out[i] = rescaled + 0; // −0 becomes 0
  }
  return out;
}

/** Checks that a series has `length` entries. */
export function requireLength(
  series: { readonly length: number },
  length: number,
  path: ErrorPath,
  other: string,
): void {
  if (series.length !== length) {
    invalid(
      path,
      `has ${series.length} values but ${other} has ${length}; every series must have one value per observation`,
    );
  }
}
