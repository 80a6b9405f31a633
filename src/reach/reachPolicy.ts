import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds the reach module applies; see {@link DEFAULT_REACH_POLICY}.
 *
 * @category Policies
 */
export interface ReachPolicy {
  /**
   * Minimum n-size (eligible people in the denominator) for a risk ratio, applied to a group and to
   * its comparison group; a whole number ≥ 1.
   */
  readonly minPeople: number;
  /** How far below a target share a rate may be (rounding) and still meet it, in [0, 0.01). */
  readonly tolerance: number;
  /** Counts of people below this are hidden by {@link suppressSmallCells}; a whole number ≥ 1. */
  readonly minCellSize: number;
}

const definition = /* @__PURE__ */ policyDefinition<ReachPolicy>({
  defaults: { minPeople: 30, tolerance: 1e-12, minCellSize: 10 },
  fields: {
    minPeople: z.int().check(z.gte(1)),
    tolerance: z.number().check(z.gte(0), z.lt(0.01)),
    minCellSize: z.int().check(z.gte(1)),
  },
});

/**
 * The default thresholds of {@link summarizeReach}, {@link evaluateReachTarget} and
 * {@link suppressSmallCells}, with their sources.
 *
 * - `minPeople: 30` — the IDEA significant-disproportionality n-size (34 CFR 300.647(b)(1)(i)): no
 *   risk ratio for a group or a comparison group under 30; 30 is the largest n-size the regulation
 *   presumes reasonable. Applied to the denominator only: the numerator here counts the reached,
 *   and a cell-size rule on it would hide exactly the worst-served groups (REFERENCE.md, "Reach and
 *   equity"). Gaps are always shown.
 * - `tolerance: 1e-12` — a rate this close below a target counts as meeting it, so 0.7 computed as
 *   0.6999999999999999 is not a miss (as `DEFAULT_SCALE_POLICY.tolerance`).
 * - `minCellSize: 10` — the most common state minimum cell size for published counts (NCES SLDS
 *   Technical Brief 3).
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_REACH_POLICY } from 'scaling-navigator/reach';
 * DEFAULT_REACH_POLICY //=> { minPeople: 30, tolerance: 1e-12, minCellSize: 10 }
 * ```
 */
export const DEFAULT_REACH_POLICY: ReachPolicy = definition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_REACH_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or values out of range.
 * @example
 * ```ts
 * import { defineReachPolicy } from 'scaling-navigator/reach';
 * defineReachPolicy({ minPeople: 10 }) //=> { minPeople: 10, tolerance: 1e-12, minCellSize: 10 }
 * defineReachPolicy({ minPeople: 0 }) //=> throws INVALID_INPUT at ['policy', 'minPeople']
 * defineReachPolicy({ minPeeple: 10 } as never) //=> throws INVALID_INPUT at ['policy', 'minPeeple']
 * ```
 */
export function defineReachPolicy(overrides: Partial<ReachPolicy> = {}): ReachPolicy {
  return definition.resolve(overrides, ['policy']);
}

/** {@link defineReachPolicy} with errors reported under `path`. @internal */
export function resolveReachPolicy(overrides: unknown, path: ErrorPath): ReachPolicy {
  return definition.resolve(overrides, path);
}

/**
 * The policy a function applies to a summary: the summary's own (echoed by
 * {@link summarizeReach}) with `overrides` on top; errors under `summaryPath` / `path`. @internal
 */
export function policyOverSummary(
  summaryPolicy: unknown,
  overrides: unknown,
  summaryPath: ErrorPath,
  path: ErrorPath,
): ReachPolicy {
  const base = definition.resolve(summaryPolicy, summaryPath);
  if (overrides === undefined) return base;
  definition.resolve(overrides, path);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides as object)) if (value !== undefined) merged[key] = value;
  return Object.freeze(merged) as unknown as ReachPolicy;
}

/**
 * `policyOverSummary(policy, undefined)` for the policy of a summary already read with `readStored`
 * (which checked it against the stored policy schema, the rules of {@link defineReachPolicy}), without
 * parsing it again: the defaults with the summary's values on top, frozen.
 *
 * @internal
 */
export function policyOfReadSummary(summaryPolicy: ReachPolicy): ReachPolicy {
  const merged: Record<string, unknown> = { ...definition.defaults };
  for (const [key, value] of Object.entries(summaryPolicy)) if (value !== undefined) merged[key] = value;
  return Object.freeze(merged) as unknown as ReachPolicy;
}
