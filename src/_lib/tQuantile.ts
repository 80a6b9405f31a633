/**
 * Student's t quantile, kept apart from `inference.ts` so that only the modules that need it
 * (Student-t intervals for means) bundle @stdlib's quantile (≈ 12 kB brotli).
 *
 * @internal
 * @module
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The two-sided critical value of Student's t with `df` degrees of freedom at `level`. */
export function criticalT(level: number, df: number): number {
  return tQuantile(0.5 + level / 2, df);
}
