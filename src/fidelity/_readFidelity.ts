/**
 * Reading fidelity series: rescaling a rubric to [0, 1] and validating it.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { isMissing, type NanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { requireNumber, requireRecord } from '../_lib/validate.js';

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

/** Validates the scale option (`min < max`). */
export function readFidelityScale(value: unknown, path: ErrorPath): FidelityScale {
  if (value === undefined) return { min: 0, max: 1 };
  const record = requireRecord(value, path);
  const min = requireNumber(record.min, [...path, 'min']);
  const max = requireNumber(record.max, [...path, 'max']);
  if (!(min < max)) invalid([...path, 'max'], `the scale's max must be above its min (${min})`);
  return { min, max };
}

/**
 * A fidelity series rescaled to [0, 1], with `null` kept for missing values (NaN too under
 * `nanPolicy: 'omit'`). Throws for values outside [0, 1] after rescaling.
 */
export function readFidelitySeries(
  value: unknown,
  scale: FidelityScale,
  nanPolicy: NanPolicy,
  path: ErrorPath,
): (number | null)[] {
  const series = requireSeries(value, path);
  const span = scale.max - scale.min;
  const out: (number | null)[] = new Array(series.length);
  for (let i = 0; i < series.length; i += 1) {
    const raw = series[i];
    if (isMissing(raw, nanPolicy, path, i)) {
      out[i] = null;
      continue;
    }
    const rescaled = ((raw as number) - scale.min) / span;
    if (rescaled < 0 || rescaled > 1) {
      invalid(
        [...path, i],
        `fidelity ${raw as number} lies outside the instrument's scale ${scale.min}–${scale.max} (a proportion in [0, 1] once rescaled)`,
      );
    }
    out[i] = rescaled;
  }
  return out;
}

/** Checks that a series has `length` entries. */
export function requireLength(series: Series, length: number, path: ErrorPath, other: string): void {
  if (series.length !== length) {
    invalid(
      path,
      `has ${series.length} values but ${other} has ${length}; every series must have one value per observation`,
    );
  }
}
