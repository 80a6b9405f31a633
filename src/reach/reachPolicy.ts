import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';

/**
 * The thresholds the reach module applies; see {@link DEFAULT_REACH_POLICY}.
 *
 * @category Policies
 */
export interface ReachPolicy {
  /** Minimum n-size (denominator) for a risk ratio, applied to a group and to its comparison group; ≥ 1. */
  readonly minN: number;
  /** How far below a target share a rate may be (rounding) and still meet it, in [0, 0.01). */
  readonly tolerance: number;
}

/**
 * The default thresholds of {@link summarizeReach} and {@link evaluateReachTarget}, with their sources.
 *
 * - `minN: 30` — the IDEA significant-disproportionality n-size (34 CFR 300.647(b)(1)(i)): no risk
 *   ratio for a group or a comparison group under 30; 30 is the largest n-size the regulation
 *   presumes reasonable. Applied to the denominator only: the numerator here counts the reached, and
 *   a cell-size rule on it would hide exactly the worst-served groups (REFERENCE.md, "Reach and
 *   equity"). Gaps are always shown.
 * - `tolerance: 1e-12` — a rate this close below a target counts as meeting it, so 0.7 computed as
 *   0.6999999999999999 is not a miss (as `DEFAULT_SCALE_POLICY.tolerance`).
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_REACH_POLICY } from 'scaling-navigator/reach';
 * DEFAULT_REACH_POLICY //=> { minN: 30, tolerance: 1e-12 }
 * ```
 */
export const DEFAULT_REACH_POLICY: ReachPolicy = Object.freeze({ minN: 30, tolerance: 1e-12 });

const ReachPolicyOverrides = z.strictObject({
  minN: z.optional(z.int().check(z.gte(1))),
  tolerance: z.optional(z.number().check(z.gte(0), z.lt(0.01))),
});

/**
 * Validates overrides and merges them over {@link DEFAULT_REACH_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or values out of range.
 * @example
 * ```ts
 * import { defineReachPolicy } from 'scaling-navigator/reach';
 * defineReachPolicy({ minN: 10 }) //=> { minN: 10, tolerance: 1e-12 }
 * defineReachPolicy({ minN: 0 }) //=> throws INVALID_INPUT
 * ```
 */
export function defineReachPolicy(overrides: Partial<ReachPolicy> = {}): ReachPolicy {
  return resolveReachPolicy(overrides, ['policy']);
}

/** {@link defineReachPolicy} with errors reported under `path`. @internal */
export function resolveReachPolicy(overrides: unknown, path: ErrorPath): ReachPolicy {
  const parsed = parseOrThrow(ReachPolicyOverrides, overrides ?? {}, path);
  return Object.freeze({
    minN: parsed.minN ?? DEFAULT_REACH_POLICY.minN,
    tolerance: parsed.tolerance ?? DEFAULT_REACH_POLICY.tolerance,
  });
}
