/**
 * Shared inference helpers (stats, fidelity, …): confidence levels, two-sided p-values, Fisher-z
 * intervals. Distribution functions come from @stdlib (accurate to ≈ 1e-16 against scipy).
 *
 * @internal
 * @module
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import type { ErrorPath } from './errors.js';
import { criticalZ, normalQuantile } from './normalQuantile.js';
import { requireOneOf } from './validate.js';

/** Two-sided p-value of a t statistic with `df` degrees of freedom. */
export function twoSidedT(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedZ(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** Upper-tail p-value of an F statistic: P(F > f) = I_{d2/(d2 + d1·f)}(d2/2, d1/2), accurate in the tail. */
export function upperF(f: number, df1: number, df2: number): number {
  return Math.min(1, betaCdf(df2 / (df2 + df1 * f), df2 / 2, df1 / 2));
}

/** Φ(x), the standard normal CDF. */
export function standardNormalCdf(x: number): number {
  return normalCdf(x, 0, 1);
}

/**
 * Fisher-z interval for a correlation: tanh(atanh(r) ± z·se). `[−1, 1]` when `se` is infinite (too
 * few observations for the standard error; this rule comes first, as in scipy's `pearsonr`), and
 * `[r, r]` when |r| = 1.
 */
export function fisherInterval(r: number, se: number, level: number): readonly [number, number] {
  if (!Number.isFinite(se)) return [-1, 1];
  if (Math.abs(r) === 1) return [r, r];
  const center = Math.atanh(r);
  const half = criticalZ(level) * se;
  return [Math.tanh(center - half), Math.tanh(center + half)];
}

/** t = r·√(df / ((1 − r)(1 + r))), or `null` when |r| = 1 (the statistic is infinite). */
export function correlationT(r: number, df: number): number | null {
  if (Math.abs(r) === 1) return null;
  return r * Math.sqrt(df / ((1 - r) * (1 + r)));
}

/**
 * The alternative hypothesis of a test, in scipy's words: `'two-sided'` (the default everywhere),
 * `'less'` (the parameter is below its null value: a negative correlation, a treatment mean below
 * the comparison's) or `'greater'`.
 */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** The alternatives, in the order scipy documents them. */
export const ALTERNATIVE_NAMES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

/** The p-value of a t statistic under `alternative` (two-sided: {@link twoSidedT}, unchanged). */
export function tPValue(t: number, df: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return twoSidedT(t, df);
  return tCdf(alternative === 'less' ? t : -t, df);
}

/** The p-value of a standard normal statistic under `alternative` (two-sided: {@link twoSidedZ}). */
export function zPValue(z: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return twoSidedZ(z);
  return normalCdf(alternative === 'less' ? z : -z, 0, 1);
}

/**
 * The p-value when the statistic is infinite in the direction of `sign` (a perfect correlation, a
 * difference with no spread): 0 two-sided and on the matching side, 1 on the other side.
 */
export function pValueAtInfinity(sign: number, alternative: Alternative): number {
  if (alternative === 'two-sided') return 0;
  return (alternative === 'greater') === sign > 0 ? 0 : 1;
}

/**
 * Fisher-z interval for a correlation under `alternative`, as scipy's `pearsonr(…)
 * .confidence_interval()`: two-sided is {@link fisherInterval} unchanged; `'less'` is
 * [−1, tanh(atanh r + z_L·se)] and `'greater'` [tanh(atanh r − z_L·se), 1] with z_L = Φ⁻¹(level);
 * `[−1, 1]` when `se` is infinite (too few observations).
 */
export function fisherIntervalFor(
  r: number,
  se: number,
  level: number,
  alternative: Alternative,
): readonly [number, number] {
  if (alternative === 'two-sided') return fisherInterval(r, se, level);
  if (!Number.isFinite(se)) return [-1, 1];
  const half = normalQuantile(level) * se;
  // atanh(±1) = ±∞ and tanh(±∞) = ±1: the perfect-correlation bounds come out as scipy's.
  const center = Math.atanh(r);
  return alternative === 'less' ? [-1, Math.tanh(center + half)] : [Math.tanh(center - half), 1];
}

/** A test's alternative hypothesis from options; `undefined` gives `'two-sided'`. */
export function readAlternative(value: unknown, path: ErrorPath): Alternative {
  if (value === undefined) return 'two-sided';
  return requireOneOf(value, ALTERNATIVE_NAMES, path, 'alternative hypothesis');
}
