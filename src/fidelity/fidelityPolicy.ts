import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { invalid, limitExceeded } from '../_lib/errors.js';
import { type PolicyFields, policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds the fidelity functions apply; see {@link DEFAULT_FIDELITY_POLICY} for the
 * defaults and their sources.
 *
 * @category Policies
 */
export interface FidelityPolicy {
  /**
   * Increasing cut-points strictly inside (0, 1) for band summaries (half-open bands `[lo, hi)`).
   * Default `[0.4, 0.6, 0.8]`: the low / partial / adequate / high bands MTSS tools use.
   */
  readonly bands: readonly number[];
  /**
   * Fixed fidelity gates shown beside a data-driven level for comparison, in [0, 1]. Default
   * `[0.7, 0.8]`: the PBIS Tiered Fidelity Inventory's 70% and the 80% "high fidelity" band.
   */
  readonly fixedGates: readonly number[];
  /**
   * Fewest clusters for clustered inference (≥ 2). Default 10: ICCs from a handful of schools swing
   * too widely to adjust inference by; below it the clustered view says so instead of estimating.
   */
  readonly minClusters: number;
  /** Fewest observations on each side of a candidate threshold (≥ 1). Default 10. */
  readonly minObservations: number;
  /**
   * Smallest correlation worth acting on, in (0, 1). Default 0.1 (Cohen's "small" r); a component
   * is `not-supported` only when its interval lies below it.
   */
  readonly minimumMeaningfulEffect: number;
  /** Significance level for adjusted p-values and threshold tests, in (0, 0.5]. Default 0.05. */
  readonly alpha: number;
  /** Permutations for the threshold test (99 to 1,000,000). Default 999. */
  readonly permutations: number;
  /** Bootstrap draws for the threshold interval (99 to 1,000,000). Default 999. */
  readonly bootstrapDraws: number;
  /**
   * Relative tolerance, in [0, 1), under which a permuted maximal statistic counts as reaching the
   * observed one (ties within rounding count against the threshold). Default 1e-12.
   */
  readonly tolerance: number;
  /**
   * The work limit of {@link fidelityThreshold}'s resampling: at most this many resampled
   * observations per resampling, i.e. `permutations × (n + K)` and `bootstrapDraws × (n + K)` for n
   * complete pairs and K candidates (each draw visits every observation and every candidate). A
   * whole number ≥ 1; default 100,000,000 (about 10 s here for both resamplings at the limit: 999
   * draws of 100,000 teachers). Raise it to run more; past it the call is `LIMIT_EXCEEDED`.
   */
  readonly maxResampledObservations: number;
}

/** Most band cut-points and fixed gates a policy may hold (each costs a pass over the data). */
export const MAX_POLICY_CUTS = 1000;

const Proportion = z.number().check(z.gte(0), z.lte(1));
const Draws = z.int().check(z.gte(99), z.lte(1_000_000));

const fields: PolicyFields<FidelityPolicy> = {
  bands: z.readonly(z.array(Proportion)),
  fixedGates: z.readonly(z.array(Proportion)),
  minClusters: z.int().check(z.gte(2)),
  minObservations: z.int().check(z.gte(1)),
  minimumMeaningfulEffect: z.number().check(z.gt(0), z.lt(1)),
  alpha: z.number().check(z.gt(0), z.lte(0.5)),
  permutations: Draws,
  bootstrapDraws: Draws,
  tolerance: z.number().check(z.gte(0), z.lt(1)),
  maxResampledObservations: z.int().check(z.gte(1)),
};

/** Checks across fields (and the size caps) of a merged policy. */
function checkPolicy(policy: FidelityPolicy, path: ErrorPath): void {
  for (const key of ['bands', 'fixedGates'] as const) {
    if (policy[key].length > MAX_POLICY_CUTS) {
      limitExceeded([...path, key], `has ${policy[key].length} entries; the limit is ${MAX_POLICY_CUTS}`);
    }
  }
  policy.bands.forEach((cut, index) => {
    if (cut <= 0 || cut >= 1)
      invalid([...path, 'bands', index], `a band cut-point lies strictly between 0 and 1, got ${cut}`);
    const previous = policy.bands[index - 1];
    if (previous !== undefined && cut <= previous) {
      invalid([...path, 'bands', index], 'band cut-points must increase');
    }
  });
}

/** A whole effective policy, as results echo it (every field present, cross-field checks included). @internal */
export const FidelityPolicySchema: z.ZodMiniType<FidelityPolicy> = /* @__PURE__ */ z.strictObject(fields).check(
  z.refine(
    (policy) =>
      policy.bands.length <= MAX_POLICY_CUTS &&
      policy.fixedGates.length <= MAX_POLICY_CUTS &&
      policy.bands.every(
        (cut, index) => cut > 0 && cut < 1 && (index === 0 || cut > (policy.bands[index - 1] as number)),
      ),
    {
      message: 'band cut-points increase strictly inside (0, 1); at most 1000 bands and fixed gates',
      path: ['bands'],
    },
  ),
) as unknown as z.ZodMiniType<FidelityPolicy>;

const definition = /* @__PURE__ */ policyDefinition<FidelityPolicy>({
  defaults: {
    bands: Object.freeze([0.4, 0.6, 0.8]),
    fixedGates: Object.freeze([0.7, 0.8]),
    minClusters: 10,
    minObservations: 10,
    minimumMeaningfulEffect: 0.1,
    alpha: 0.05,
    permutations: 999,
    bootstrapDraws: 999,
    tolerance: 1e-12,
    maxResampledObservations: 100_000_000,
  },
  fields,
  check(policy, _given, path) {
    checkPolicy(policy, path);
  },
});

/**
 * The defaults of {@link FidelityPolicy}. Every one is a default a district can override with
 * {@link defineFidelityPolicy}; none is a rule of the field.
 *
 * - `bands: [0.4, 0.6, 0.8]` — half-open cut-points `[lo, hi)` for summaries by fidelity band: the
 *   low / partial / adequate / high bands MTSS tools use.
 * - `fixedGates: [0.7, 0.8]` — the field's fixed gates shown beside a data-driven level for
 *   comparison (PBIS Tiered Fidelity Inventory 70%; the 80% "high fidelity" band).
 * - `minClusters: 10` — fewer clusters make ICC(1) and a design effect too unstable to adjust
 *   inference by (ICCs from a handful of schools swing widely; multilevel guidance asks for far
 *   more); below it the clustered view says so instead of estimating.
 * - `minObservations: 10` — the fewest observations on each side of a candidate threshold.
 * - `minimumMeaningfulEffect: 0.1` — the smallest correlation worth acting on (Cohen's "small"
 *   r = 0.1); a component is `not-supported` only when its interval lies below it.
 * - `alpha: 0.05` — the significance level for adjusted p-values and threshold tests.
 * - `permutations: 999`, `bootstrapDraws: 999` — resampling draws for threshold tests and intervals.
 * - `tolerance: 1e-12` — a permuted maximum within this relative distance of the observed one
 *   counts as reaching it.
 * - `maxResampledObservations: 100_000_000` — the work limit of the threshold resampling:
 *   `permutations × (n + K)` and `bootstrapDraws × (n + K)` (n pairs, K candidates) may not exceed
 *   it; a caller may raise it.
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_FIDELITY_POLICY } from 'scaling-navigator/fidelity';
 * DEFAULT_FIDELITY_POLICY.bands //=> [0.4, 0.6, 0.8]
 * DEFAULT_FIDELITY_POLICY.minObservations //=> 10
 * ```
 */
export const DEFAULT_FIDELITY_POLICY: FidelityPolicy = definition.defaults;

/** Resolves `options.policy` (or other overrides) with errors under `path`. @internal */
export function resolveFidelityPolicy(overrides: unknown, path: ErrorPath): FidelityPolicy {
  return definition.resolve(overrides, path);
}

/**
 * Validates overrides and merges them over {@link DEFAULT_FIDELITY_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, values out of range, or band
 *   cut-points that do not increase inside (0, 1); `LIMIT_EXCEEDED` for more than 1000 bands or
 *   fixed gates.
 * @example
 * ```ts
 * import { defineFidelityPolicy } from 'scaling-navigator/fidelity';
 * defineFidelityPolicy({ bands: [0.5, 0.7] }).bands //=> [0.5, 0.7]
 * defineFidelityPolicy({ minObservations: 5 }).minObservations //=> 5
 * defineFidelityPolicy({ bands: [0.7, 0.5] }) //=> throws INVALID_INPUT at ['policy', 'bands', 1]
 * defineFidelityPolicy({ minObservatons: 5 } as never) //=> throws INVALID_INPUT at ['policy', 'minObservatons']
 * ```
 */
export function defineFidelityPolicy(overrides: Partial<FidelityPolicy> = {}): FidelityPolicy {
  return resolveFidelityPolicy(overrides, ['policy']);
}
