import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { invalid } from '../_lib/errors.js';
import { type PolicyFields, policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds {@link reviewFactors}, {@link compareReviews} and {@link suggestStrategies} apply; see
 * {@link DEFAULT_FACTOR_REVIEW_POLICY} for the defaults and their sources.
 *
 * @category Policies
 */
export interface FactorReviewPolicy {
  /** A factor whose mean rating is at least this is a support, in (0, 2]. */
  readonly supportAt: number;
  /** A factor whose mean rating is at most this is a roadblock, in [−2, 0). */
  readonly roadblockAt: number;
  /** A support or roadblock with |mean| at least this is strong, in (0, 2]; not below `supportAt` or `−roadblockAt`. */
  readonly strongAt: number;
  /** With two or more raters, r_wg below this makes the decision mixed, in [0, 1] (0 turns the rule off). */
  readonly minAgreement: number;
  /** Mixed when at least this many raters rate it a roadblock and as many a support; whole number ≥ 0 (0 turns the rule off). */
  readonly minRatersPerSide: number;
  /** Two roles whose mean ratings differ by at least this disagree, in (0, 4]. */
  readonly roleGap: number;
  /** {@link compareReviews}: a change in mean of at least this counts as a move, in (0, 4]. */
  readonly minChange: number;
  /** Means, gaps, changes and severities are compared with thresholds within this, in [0, 0.01], so floating-point rounding never flips a decision. */
  readonly tolerance: number;
}

const fields = {
  supportAt: z.number().check(z.gt(0), z.lte(2)),
  roadblockAt: z.number().check(z.gte(-2), z.lt(0)),
  strongAt: z.number().check(z.gt(0), z.lte(2)),
  minAgreement: z.number().check(z.gte(0), z.lte(1)),
  minRatersPerSide: z.number().check(z.multipleOf(1), z.gte(0), z.lte(1000)),
  roleGap: z.number().check(z.gt(0), z.lte(4)),
  minChange: z.number().check(z.gt(0), z.lte(4)),
  tolerance: z.number().check(z.gte(0), z.lte(0.01)),
} satisfies PolicyFields<FactorReviewPolicy>;

const definition = /* @__PURE__ */ policyDefinition<FactorReviewPolicy>({
  defaults: {
    supportAt: 0.5,
    roadblockAt: -0.5,
    strongAt: 1.5,
    minAgreement: 0.7,
    minRatersPerSide: 1,
    roleGap: 1,
    minChange: 0.5,
    tolerance: 1e-9,
  },
  fields,
  check(policy, _given, path) {
    if (!strongIsDecided(policy)) {
      invalid(
        [...path, 'strongAt'],
        `strongAt (${policy.strongAt}) must be at least supportAt (${policy.supportAt}) and −roadblockAt (${-policy.roadblockAt}), so that a strong factor is always a support or a roadblock`,
      );
    }
  },
});

/**
 * The default thresholds of a factor review. The decision *mixed* and the thresholds below are
 * **our extension of CFIR**: CFIR (Damschroder & Lowery 2013) rates each construct −2…+2 by
 * consensus; the Carnegie framework (Tool #4) asks teams to name roadblocks and supports; neither says how to
 * combine several raters who disagree. The rule, applied to the raters' latest numeric ratings:
 *
 * 1. no numeric rating → `undetermined`;
 * 2. two or more raters and r_wg < `minAgreement` → `mixed`;
 * 3. at least `minRatersPerSide` raters at −1 or below *and* as many at +1 or above → `mixed`;
 * 4. otherwise mean ≥ `supportAt` → `support`, mean ≤ `roadblockAt` → `roadblock`, else `neutral`.
 *
 * Defaults and where they come from:
 * - `supportAt: 0.5`, `roadblockAt: -0.5` — the mean rounds (half away from zero) to a non-zero
 *   CFIR point, i.e. at least a weak support or roadblock (CFIR's ±1).
 * - `strongAt: 1.5` — the mean rounds to CFIR's ±2, "strong" positive or negative influence.
 * - `minAgreement: 0.7` — the r_wg cut-off most used for adequate within-group agreement (James,
 *   Demaree & Wolf 1984 introduced r_wg; Lance, Butts & Michels 2006 trace the .70 convention and warn
 *   it is a convention, not a law; LeBreton & Senter 2008 call .71–.90 strong agreement). On CFIR's
 *   5-point scale two raters one point apart have r_wg = 0.75, two points apart 0.
 * - `minRatersPerSide: 1` — a single rater who sees a roadblock where others see a support is worth a
 *   conversation: the Carnegie framework ("Interacting Factors and Change at Scale") warns that unacknowledged
 *   differences in how groups see the work breed resistance.
 * - `roleGap: 1` — one full CFIR point between two roles' mean ratings (e.g. neutral vs weak support);
 *   the Carnegie framework gives educators and the improvement team seeing equity differently as the example.
 * - `minChange: 0.5` — half a CFIR point, the same step that separates neutral from a support or roadblock.
 *
 * - `tolerance: 1e-9` — means, gaps and changes are compared with thresholds within this, so
 *   floating-point rounding never flips a decision.
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_FACTOR_REVIEW_POLICY } from 'scaling-navigator/factors';
 * DEFAULT_FACTOR_REVIEW_POLICY.minAgreement //=> 0.7
 * DEFAULT_FACTOR_REVIEW_POLICY.strongAt //=> 1.5
 * DEFAULT_FACTOR_REVIEW_POLICY.tolerance //=> 1e-9
 * ```
 */
export const DEFAULT_FACTOR_REVIEW_POLICY: FactorReviewPolicy = definition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_FACTOR_REVIEW_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, values out of range, or a `strongAt`
 *   below `supportAt` or `−roadblockAt` (a strong factor must be a support or a roadblock).
 * @example
 * ```ts
 * import { defineFactorReviewPolicy } from 'scaling-navigator/factors';
 * defineFactorReviewPolicy({ minAgreement: 0.5 }).minAgreement //=> 0.5
 * defineFactorReviewPolicy({ supportAt: 1, roadblockAt: -1 }).strongAt //=> 1.5
 * defineFactorReviewPolicy({ minRatersPerSide: 2 }).minRatersPerSide //=> 2
 * defineFactorReviewPolicy({ strongAt: 0.4 }) //=> throws INVALID_INPUT at ['policy', 'strongAt']
 * defineFactorReviewPolicy({ minAgreement: 70 }) //=> throws INVALID_INPUT at ['policy', 'minAgreement']
 * ```
 */
export function defineFactorReviewPolicy(overrides: Partial<FactorReviewPolicy> = {}): FactorReviewPolicy {
  return definition.resolve(overrides, ['policy']);
}

/** {@link defineFactorReviewPolicy} with errors reported under `path`. @internal */
export function resolveFactorReviewPolicy(overrides: unknown, path: ErrorPath): FactorReviewPolicy {
  return definition.resolve(overrides, path);
}

const strongIsDecided = (policy: FactorReviewPolicy) =>
  policy.strongAt >= policy.supportAt && policy.strongAt >= -policy.roadblockAt;

/** A complete effective policy, as a stored review carries it (every field, cross-field rule checked). @internal */
export const FactorReviewPolicySchema = /* @__PURE__ */ z.strictObject(fields).check(
  z.refine(strongIsDecided, {
    message: 'strongAt must be at least supportAt and −roadblockAt',
    path: ['strongAt'],
  }),
);
