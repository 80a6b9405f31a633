import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { invalid } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';

/**
 * The thresholds of the fidelity module, with their sources. Every one is a default a district can
 * override with {@link defineFidelityPolicy}; none is a rule of the field.
 *
 * - `bands: [0.4, 0.6, 0.8]` — half-open cut-points `[lo, hi)` for summaries by fidelity band: the
 *   low / partial / adequate / high bands MTSS tools use (shared/REFERENCE.md, "Fidelity gates").
 * - `fixedGates: [0.7, 0.8]` — the field's fixed gates shown beside a data-driven level for
 *   comparison (PBIS Tiered Fidelity Inventory 70%; the 80% "high fidelity" band).
 * - `minClusters: 10` — fewer clusters make ICC(1) and a design effect too unstable to adjust
 *   inference by (ICCs from a handful of schools swing widely; multilevel guidance asks for far
 *   more); below it the clustered view says so instead of estimating.
 * - `minGroupSize: 10` — the fewest observations on each side of a candidate threshold.
 * - `minimumMeaningfulEffect: 0.1` — the smallest correlation worth acting on (Cohen's "small"
 *   r = 0.1); a component is `not-supported` only when its interval lies below it.
 * - `alpha: 0.05` — the significance level for adjusted p-values and threshold tests.
 * - `permutations: 999`, `bootstrapDraws: 999` — resampling draws for threshold tests and intervals.
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_FIDELITY_POLICY } from 'scaling-navigator/fidelity';
 * DEFAULT_FIDELITY_POLICY.bands //=> [0.4, 0.6, 0.8]
 * ```
 */
export const DEFAULT_FIDELITY_POLICY: FidelityPolicy = /* @__PURE__ */ Object.freeze({
  bands: Object.freeze([0.4, 0.6, 0.8]),
  fixedGates: Object.freeze([0.7, 0.8]),
  minClusters: 10,
  minGroupSize: 10,
  minimumMeaningfulEffect: 0.1,
  alpha: 0.05,
  permutations: 999,
  bootstrapDraws: 999,
});

/**
 * The thresholds the fidelity functions apply; see {@link DEFAULT_FIDELITY_POLICY}.
 *
 * @category Policies
 */
export interface FidelityPolicy {
  /** Increasing cut-points strictly inside (0, 1) for band summaries. */
  readonly bands: readonly number[];
  /** Fixed fidelity gates to compare with a data-driven level, in (0, 1]. */
  readonly fixedGates: readonly number[];
  /** Fewest clusters for clustered inference (≥ 2). */
  readonly minClusters: number;
  /** Fewest observations on each side of a candidate threshold (≥ 1). */
  readonly minGroupSize: number;
  /** Smallest correlation worth acting on, in (0, 1). */
  readonly minimumMeaningfulEffect: number;
  /** Significance level, in (0, 0.5]. */
  readonly alpha: number;
  /** Permutations for the threshold test (≥ 99). */
  readonly permutations: number;
  /** Bootstrap draws for the threshold interval (≥ 99). */
  readonly bootstrapDraws: number;
}

const Proportion = z.number().check(z.gte(0), z.lte(1));
const Overrides = z.strictObject({
  bands: z.optional(z.array(Proportion)),
  fixedGates: z.optional(z.array(Proportion)),
  minClusters: z.optional(z.int().check(z.gte(2))),
  minGroupSize: z.optional(z.int().check(z.gte(1))),
  minimumMeaningfulEffect: z.optional(z.number().check(z.gt(0), z.lt(1))),
  alpha: z.optional(z.number().check(z.gt(0), z.lte(0.5))),
  permutations: z.optional(z.int().check(z.gte(99), z.lte(1_000_000))),
  bootstrapDraws: z.optional(z.int().check(z.gte(99), z.lte(1_000_000))),
});

/** {@link defineFidelityPolicy} with errors under `path`. @internal */
export function resolveFidelityPolicy(overrides: unknown, path: ErrorPath): FidelityPolicy {
  const parsed = parseOrThrow(Overrides, overrides ?? {}, path);
  const bands = parsed.bands ?? DEFAULT_FIDELITY_POLICY.bands;
  bands.forEach((cut, index) => {
    if (cut <= 0 || cut >= 1)
      invalid([...path, 'bands', index], `a band cut-point lies strictly between 0 and 1, got ${cut}`);
    const previous = bands[index - 1];
    if (previous !== undefined && cut <= previous) {
      invalid([...path, 'bands', index], 'band cut-points must increase');
    }
  });
  const base = DEFAULT_FIDELITY_POLICY;
  return Object.freeze({
    bands: Object.freeze([...bands]),
    fixedGates: Object.freeze([...(parsed.fixedGates ?? base.fixedGates)]),
    minClusters: parsed.minClusters ?? base.minClusters,
    minGroupSize: parsed.minGroupSize ?? base.minGroupSize,
    minimumMeaningfulEffect: parsed.minimumMeaningfulEffect ?? base.minimumMeaningfulEffect,
    alpha: parsed.alpha ?? base.alpha,
    permutations: parsed.permutations ?? base.permutations,
    bootstrapDraws: parsed.bootstrapDraws ?? base.bootstrapDraws,
  });
}

/**
 * Validates overrides and merges them over {@link DEFAULT_FIDELITY_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, values out of range, or band
 *   cut-points that do not increase inside (0, 1).
 * @example
 * ```ts
 * import { defineFidelityPolicy } from 'scaling-navigator/fidelity';
 * defineFidelityPolicy({ bands: [0.5, 0.7] }).bands //=> [0.5, 0.7]
 * defineFidelityPolicy({ bands: [0.7, 0.5] }) //=> throws INVALID_INPUT
 * ```
 */
export function defineFidelityPolicy(overrides: Partial<FidelityPolicy> = {}): FidelityPolicy {
  return resolveFidelityPolicy(overrides, ['policy']);
}
