import * as z from 'zod/mini';
import { policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds {@link assessScale} applies; see {@link DEFAULT_SCALE_POLICY}.
 *
 * @category Policies
 */
export interface ScalePolicy {
  /** Share of intended practitioners using the practice with fidelity needed to be at scale, in (0, 1]. */
  readonly atScaleThreshold: number;
  /** How far below a target a score may be (rounding) and still meet it, in [0, 0.01). */
  readonly tolerance: number;
}

/** The schema of each policy field (also behind the result schemas). @internal */
export const scalePolicyFields = {
  atScaleThreshold: /* @__PURE__ */ z.number().check(z.gt(0), z.lte(1)),
  tolerance: /* @__PURE__ */ z.number().check(z.gte(0), z.lt(0.01)),
};

/** @internal */
export const scalePolicyDefinition = /* @__PURE__ */ policyDefinition<ScalePolicy>({
  defaults: { atScaleThreshold: 0.5, tolerance: 1e-12 },
  fields: scalePolicyFields,
});

/**
 * The default thresholds of {@link assessScale}, with their sources.
 *
 * - `atScaleThreshold: 0.5` — the share of intended practitioners using the practice with
 *   fidelity at which an innovation counts as "at scale": a majority, as the research summary on
 *   scaling up puts it ("carried out by the majority of people"), and NIRN's "full
 *   implementation" (50% or more of intended practitioners using the innovation with fidelity;
 *   Fixsen et al., 2005). Reached means ≥.
 * - `tolerance: 1e-12` — a score within this of its target counts as meeting it, so a score of
 *   0.7 computed as 0.6999999999999999 by floating-point arithmetic is not reported as a miss.
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_SCALE_POLICY } from 'scaling-navigator/dimensions';
 * DEFAULT_SCALE_POLICY.atScaleThreshold //=> 0.5
 * ```
 */
export const DEFAULT_SCALE_POLICY: ScalePolicy = scalePolicyDefinition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_SCALE_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or values out of range.
 * @example
 * ```ts
 * import { defineScalePolicy } from 'scaling-navigator/dimensions';
 * defineScalePolicy({ atScaleThreshold: 0.8 }) //=> { atScaleThreshold: 0.8, tolerance: 1e-12 }
 * defineScalePolicy({ atScaleThreshold: 80 }) //=> throws INVALID_INPUT at ['policy', 'atScaleThreshold']
 * defineScalePolicy({ atScaleTreshold: 0.8 } as never) //=> throws INVALID_INPUT at ['policy', 'atScaleTreshold']
 * ```
 */
export function defineScalePolicy(overrides: Partial<ScalePolicy> = {}): ScalePolicy {
  return scalePolicyDefinition.resolve(overrides, ['policy']);
}
