import * as z from 'zod/mini';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds {@link studyPdsa} and {@link decidePdsa} apply; see {@link DEFAULT_PDSA_POLICY}.
 *
 * @category PDSA cycles
 */
export interface PdsaPolicy {
  /** Fewest units per group — in the reference group and in the tested group each — for any act but `'undetermined'` (whole number ≥ 1). */
  readonly minUnits: number;
  /** Share of the predicted change the observed change must reach for the prediction to hold (> 0). */
  readonly heldAt: number;
  /** Share of the predicted change, either way, below which nothing moved (in (0, heldAt)). */
  readonly movedAt: number;
  /** Expand only when the effect size's interval excludes zero on the predicted side. */
  readonly requireInterval: boolean;
  /** Level of the effect-size and share-improved intervals, strictly between 0 and 1. */
  readonly confidenceLevel: number;
  /** Slack of the share comparisons, so that rounding in the means cannot flip an act (≥ 0, below `movedAt`). */
  readonly tolerance: number;
}

const fields = {
  minUnits: z.int().check(z.gte(1)),
  heldAt: z.number().check(z.gt(0), z.lte(10)),
  movedAt: z.number().check(z.gt(0), z.lte(10)),
  requireInterval: z.boolean(),
  confidenceLevel: z.number().check(z.gt(0), z.lt(1)),
  tolerance: z.number().check(z.gte(0), z.lt(1)),
};

/** The whole policy, as a result echoes it (every field present). @internal */
export const PdsaPolicySchema = /* @__PURE__ */ z.strictObject(fields);

const definition = /* @__PURE__ */ policyDefinition<PdsaPolicy>({
  defaults: {
    minUnits: 3,
    heldAt: 1,
    movedAt: 0.25,
    requireInterval: false,
    confidenceLevel: 0.95,
    tolerance: 1e-9,
  },
  fields,
  check(policy, given, path) {
    if (policy.movedAt >= policy.heldAt) {
      invalid(
        [...path, given.movedAt === undefined ? 'heldAt' : 'movedAt'],
        `movedAt (${policy.movedAt}) must be below heldAt (${policy.heldAt}): a change can move without reaching the prediction`,
      );
    }
    if (policy.tolerance >= policy.movedAt) {
      invalid(
        [...path, given.tolerance === undefined ? 'movedAt' : 'tolerance'],
        `tolerance (${policy.tolerance}) must be below movedAt (${policy.movedAt}), or it would erase the band where nothing moved`,
      );
    }
  },
});

/**
 * The default PDSA thresholds, with their sources. The Carnegie framework describes the cycle and its three acts
 * but gives no numbers, so each default below is the library's convention, documented so a team
 * can see it and change it with {@link definePdsaPolicy}.
 *
 * - `minUnits: 3` (per group) — with fewer units in a group one unusual classroom decides the
 *   result, and a spread (and so an effect size) cannot be estimated from fewer than two; the
 *   source's example plans five classrooms.
 * - `heldAt: 1` — the prediction holds when the observed change reaches the predicted change: the
 *   plain reading of studying the data "against the prediction".
 * - `movedAt: 0.25` — a change smaller than a quarter of the prediction, either way, counts as
 *   nothing moved (abandon); between a quarter and the full prediction the direction was right but
 *   short (revise).
 * - `requireInterval: false` — PDSA cycles are small, fast tests; the source asks the team to compare
 *   the data with the prediction, not for a significance test. Turn it on to expand only when
 *   Hedges' g's interval excludes zero.
 * - `confidenceLevel: 0.95` — the conventional level for the intervals reported.
 * - `tolerance: 1e-9` — shares are compared with this slack, so that rounding in the means cannot
 *   flip a decision (a drop from 3.1 to 2.1 is a change of exactly 1 for the rules).
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { DEFAULT_PDSA_POLICY } from 'scaling-navigator/learning';
 * DEFAULT_PDSA_POLICY
 * //=> { minUnits: 3, heldAt: 1, movedAt: 0.25, requireInterval: false, confidenceLevel: 0.95, tolerance: 1e-9 }
 * ```
 */
export const DEFAULT_PDSA_POLICY: PdsaPolicy = definition.defaults;

/** The PDSA policy with `overrides` merged in, errors reported under `path`. @internal */
export function resolvePdsaPolicy(overrides: unknown, path: ErrorPath): PdsaPolicy {
  return definition.resolve(overrides, path);
}

/**
 * Validates overrides and merges them over {@link DEFAULT_PDSA_POLICY}.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, values out of range, `movedAt`
 *   not below `heldAt`, or `tolerance` not below `movedAt`.
 * @example
 * ```ts
 * import { definePdsaPolicy } from 'scaling-navigator/learning';
 * definePdsaPolicy({ heldAt: 0.8, minUnits: 5 })
 * //=> { minUnits: 5, heldAt: 0.8, movedAt: 0.25, requireInterval: false, confidenceLevel: 0.95, tolerance: 1e-9 }
 * definePdsaPolicy({ movedAt: 1.5 }) //=> throws INVALID_INPUT at ['policy', 'movedAt']
 * ```
 */
export function definePdsaPolicy(overrides: Partial<PdsaPolicy> = {}): PdsaPolicy {
  return definition.resolve(overrides, ['policy']);
}
