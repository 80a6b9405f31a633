import * as z from 'zod/mini';
import { policyDefinition } from '../_lib/policy.js';

/**
 * The threshold {@link detectSuperficialSpread} applies; see {@link DEFAULT_SUPERFICIAL_SPREAD_POLICY}.
 *
 * @category Policies
 */
export interface SuperficialSpreadPolicy {
  /**
   * A change counts only when larger than this, in the data's units (≥ 0): spread must rise by
   * more than `tolerance` and depth fall by more than `tolerance`.
   */
  readonly tolerance: number;
}

/** The schema of each policy field (also behind the report's schema). @internal */
export const superficialSpreadPolicyFields = { tolerance: /* @__PURE__ */ z.number().check(z.gte(0)) };

/** @internal */
export const superficialSpreadPolicyDefinition = /* @__PURE__ */ policyDefinition<SuperficialSpreadPolicy>({
  defaults: { tolerance: 0 },
  fields: superficialSpreadPolicyFields,
});

/**
 * The default threshold of {@link detectSuperficialSpread}.
 *
 * - `tolerance: 0` — any rise of spread with any fall of depth is flagged: REL Appalachia's pilot
 *   guidance asks leaders to watch the quality of implementation as it spreads and names no
 *   margin. Set it to the noise of your measures (e.g. a rubric's rounding) to ignore smaller
 *   changes.
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_SUPERFICIAL_SPREAD_POLICY } from 'scaling-navigator/dimensions';
 * DEFAULT_SUPERFICIAL_SPREAD_POLICY //=> { tolerance: 0 }
 * ```
 */
export const DEFAULT_SUPERFICIAL_SPREAD_POLICY: SuperficialSpreadPolicy = superficialSpreadPolicyDefinition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_SUPERFICIAL_SPREAD_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or a negative tolerance.
 * @example
 * ```ts
 * import { defineSuperficialSpreadPolicy } from 'scaling-navigator/dimensions';
 * defineSuperficialSpreadPolicy({ tolerance: 0.05 }) //=> { tolerance: 0.05 }
 * defineSuperficialSpreadPolicy({ tolerance: -1 }) //=> throws INVALID_INPUT at ['policy', 'tolerance']
 * ```
 */
export function defineSuperficialSpreadPolicy(
  overrides: Partial<SuperficialSpreadPolicy> = {},
): SuperficialSpreadPolicy {
  return superficialSpreadPolicyDefinition.resolve(overrides, ['policy']);
}
