/**
 * The What Works Clearinghouse kernels the pilot module applies: the correction of a
 * student-level analysis of cluster-assigned groups (Hedges 2007, as the WWC handbooks apply it),
 * the minimum detectable effect of a design (Bloom 1995; the PowerUp! formulas of Dong & Maynard
 * 2013), the attrition boundary, and the baseline-equivalence bands. Formulas are checked by hand
 * computation (test/fixtures/gen/gen_pilot.py): the handbook text itself was not at hand, so the
 * second-hand ones are marked in the TSDoc of the public functions that use them.
 *
 * @internal
 * @module
 */
import { twoSidedT } from '../_lib/inference.js';
import { criticalZ, normalQuantile } from '../_lib/normalQuantile.js';
import { criticalT } from '../_lib/tQuantile.js';
import type { AttritionBoundaryRow } from './pilotPolicy.js';

/** What the clustering correction gives for one effect size. */
export interface ClusterCorrection {
  /** g·√(1 − 2(n − 1)ρ/(N − 2)): the effect size on the total-variance scale (Hedges 2007). */
  readonly estimate: number;
  /** The study's t (from g) times the WWC factor. */
  readonly statistic: number;
  /** Hedges' h. */
  readonly df: number;
  readonly pValue: number;
  /** SE of the corrected estimate, so that estimate / se = statistic. */
  readonly se: number;
}

/**
 * The WWC correction for a mismatched analysis (assignment of M clusters, analysis of N students,
 * intraclass correlation ρ, average cluster size n = N/M): with t = g/SE(g),
 *
 * t_A = t·√(((N − 2) − 2(n − 1)ρ) / ((N − 2)(1 + (n − 1)ρ))),
 * h = ((N − 2) − 2(n − 1)ρ)² / ((N − 2)(1 − ρ)² + n(N − 2n)ρ² + 2(N − 2n)ρ(1 − ρ)),
 *
 * and the effect size g_T = g·√(1 − 2(n − 1)ρ/(N − 2)). Needs N ≥ 3, SE > 0, M ≥ 2 and 0 ≤ ρ < 1
 * (the callers guarantee them): then n ≤ N/2, so (N − 2) − 2(n − 1)ρ ≥ (N − 2)(1 − ρ) > 0 and the
 * denominator of h is positive — no factor under a root can vanish.
 */
export function clusterCorrection(
  g: number,
  se: number,
  students: number,
  clusters: number,
  icc: number,
): ClusterCorrection {
  const N = students;
  const n = N / clusters;
  const rest = N - 2 - 2 * (n - 1) * icc;
  const factor = Math.sqrt(rest / ((N - 2) * (1 + (n - 1) * icc)));
  const shrink = Math.sqrt(rest / (N - 2));
  const denominator = (N - 2) * (1 - icc) ** 2 + n * (N - 2 * n) * icc ** 2 + 2 * (N - 2 * n) * icc * (1 - icc);
  const df = (rest * rest) / denominator;
  const statistic = (g / se) * factor;
  return {
    estimate: g * shrink,
    statistic,
    df,
    pValue: twoSidedT(statistic, df),
    se: (se * shrink) / factor,
  };
}

/** The design whose minimum detectable effect {@link minimumDetectableEffect} computes. */
export interface MdeDesign {
  /** Clusters in all (cluster assignment) or `null` (students assigned one by one). */
  readonly clusters: number | null;
  /** Students in all. */
  readonly students: number;
  /** Share of units treated, in (0, 1). */
  readonly treatedShare: number;
  /** Intraclass correlation (ignored when `clusters` is `null`). */
  readonly icc: number;
  /** Two-sided significance level. */
  readonly alpha: number;
  /** Power, in (0, 1). */
  readonly power: number;
}

/**
 * The minimum detectable effect size (Bloom 1995; Dong & Maynard 2013, no covariates):
 * MDE = M·√(ρ/(P(1 − P)J) + (1 − ρ)/(P(1 − P)Jn)) with J clusters of n students, or
 * M·√(1/(P(1 − P)N)) for students assigned one by one, where M = t_{1−α/2, df} + t_{power, df} and
 * df = J − 2 (N − 2). `null` when df < 1.
 */
export function minimumDetectableEffect(design: MdeDesign): number | null {
  const { clusters, students, treatedShare: p, icc, alpha, power } = design;
  const units = clusters ?? students;
  const df = units - 2;
  if (df < 1 || !(p > 0 && p < 1)) return null;
  const multiplier = criticalT(1 - alpha, df) + criticalT(2 * power - 1, df);
  const pq = p * (1 - p);
  if (clusters === null) return multiplier * Math.sqrt(1 / (pq * students));
  const n = students / clusters;
  return multiplier * Math.sqrt(icc / (pq * clusters) + (1 - icc) / (pq * clusters * n));
}

/** The most clusters (or students) {@link unitsNeeded} searches. */
export const MAX_UNITS_SEARCHED = 1_000_000;

/**
 * The fewest units (clusters of `clusterSize` students, or students) of a balanced design whose
 * minimum detectable effect is at most `target`; `null` past {@link MAX_UNITS_SEARCHED}. The MDE
 * falls as units are added. The normal-theory answer J_z = ⌈4(z_{1−α/2} + z_power)²·v/target²⌉
 * (v = ρ + (1 − ρ)/n, or 1) is a lower bound — Student's multiplier exceeds the normal one, so no
 * design with fewer units fits — and the exact answer is found by galloping up from it and
 * bisecting: a handful of t quantiles instead of forty.
 */
export function unitsNeeded(
  target: number,
  clusterSize: number | null,
  icc: number,
  alpha: number,
  power: number,
): number | null {
  const fits = (units: number) => {
    const value = minimumDetectableEffect({
      clusters: clusterSize === null ? null : units,
      students: clusterSize === null ? units : units * clusterSize,
      treatedShare: 0.5,
      icc,
      alpha,
      power,
    });
    return value !== null && value <= target;
  };
  const normal = criticalZ(1 - alpha) + normalQuantile(power);
  const variance = clusterSize === null ? 1 : icc + (1 - icc) / clusterSize;
  const bound = Math.ceil((4 * normal * normal * variance) / (target * target));
  // Every design below `low` fails (the normal bound; 3 units is the fewest with df ≥ 1).
  let low = Math.max(2, Math.min(bound, MAX_UNITS_SEARCHED) - 1);
  let high = low + 1;
  let step = 1;
  while (!fits(high)) {
    if (high >= MAX_UNITS_SEARCHED) return null;
    low = high;
    step *= 2;
    high = Math.min(MAX_UNITS_SEARCHED, high + step);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * Whether attrition is low: the row for floor(overall %) gives the boundary (percent); a
 * differential below it is low (REFERENCE's reading; the public R helper it was transcribed from
 * also compares with "<"). Past the table's last row: high under
 * the cautious boundary when that row's boundary is 0 (no differential can be low), else `null`;
 * also `null` when the row has no value for the chosen boundary.
 */
export function attritionIsLow(
  overall: number,
  differential: number,
  table: readonly AttritionBoundaryRow[],
  boundary: 'cautious' | 'optimistic',
): { low: boolean | null; maxDifferential: number | null } {
  const percent = Math.floor(Math.round(overall * 1e12) / 1e10);
  const row = table.find((entry) => entry.overall === percent);
  if (row === undefined) {
    const last = table[table.length - 1];
    const pastEnd = last !== undefined && percent > last.overall;
    if (pastEnd && boundary === 'cautious' && last.cautious === 0) return { low: false, maxDifferential: 0 };
    return { low: null, maxDifferential: null };
  }
  const max = boundary === 'cautious' ? row.cautious : row.optimistic;
  if (max === null) return { low: null, maxDifferential: null };
  // Percent to 10 decimals, so that 0.063 (6.300000000000001 %) meets a boundary of 6.3 as 6.3.
  const percentDifferential = Math.round(differential * 1e12) / 1e10;
  return { low: percentDifferential < max, maxDifferential: max };
}

/** The WWC baseline band of a standardized baseline difference |g|. */
export function baselineBand(
  g: number,
  satisfiedAt: number,
  adjustableAt: number,
): 'satisfied' | 'needs-adjustment' | 'not-equivalent' {
  const size = Math.abs(g);
  if (size <= satisfiedAt) return 'satisfied';
  if (size <= adjustableAt) return 'needs-adjustment';
  return 'not-equivalent';
}

/** The two-sided critical t at `level` on `df`, re-exported for the interval around a corrected estimate. */
export { criticalT };
