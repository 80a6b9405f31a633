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
import { criticalZ } from './normalQuantile.js';

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
