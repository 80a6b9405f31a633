import * as z from 'zod/mini';
import { type PolicyFields, policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds {@link reviewStrategySet} applies; see {@link DEFAULT_STRATEGY_SET_POLICY}.
 *
 * @category Policies
 */
export interface StrategySetPolicy {
  /** A theory of action with fewer steps than this is vague; whole number in [1, 20]. */
  readonly minTheorySteps: number;
  /** A step not done this many days after its date is overdue; whole number in [0, 365]. */
  readonly overdueAfterDays: number;
}

const fields = {
  minTheorySteps: z.number().check(z.multipleOf(1), z.gte(1), z.lte(20)),
  overdueAfterDays: z.number().check(z.multipleOf(1), z.gte(0), z.lte(365)),
} satisfies PolicyFields<StrategySetPolicy>;

/** @internal */
export const strategySetPolicyDefinition = /* @__PURE__ */ policyDefinition<StrategySetPolicy>({
  defaults: { minTheorySteps: 3, overdueAfterDays: 0 },
  fields,
});

/** A complete effective policy, as a stored review carries it. @internal */
export const StrategySetPolicySchema = /* @__PURE__ */ z.strictObject(fields);

/**
 * The default thresholds of a strategy-set review, with their sources.
 *
 * - `minTheorySteps: 3` — the Carnegie framework (Component 2) calls "if people visit this site,
 *   the practice will spread" (one step) too vague, and spells out a five-step version for a proof
 *   point (visit, observe with a protocol, get guidance from experts, try with feedback, be
 *   accountable). Three steps is our floor: exposure alone, or exposure plus one follow-up, leaves
 *   out the supported try or the follow-through the source says uptake needs. Our judgement,
 *   overridable.
 * - `overdueAfterDays: 0` — a step is overdue the day after its date if it is not done (the
 *   Carnegie framework's Tool #3 asks when each step will happen; no grace period is suggested).
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_STRATEGY_SET_POLICY } from 'scaling-navigator/strategies';
 * DEFAULT_STRATEGY_SET_POLICY //=> { minTheorySteps: 3, overdueAfterDays: 0 }
 * ```
 */
export const DEFAULT_STRATEGY_SET_POLICY: StrategySetPolicy = strategySetPolicyDefinition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_STRATEGY_SET_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or values out of range.
 * @example
 * ```ts
 * import { defineStrategySetPolicy } from 'scaling-navigator/strategies';
 * defineStrategySetPolicy({ overdueAfterDays: 7 }) //=> { minTheorySteps: 3, overdueAfterDays: 7 }
 * defineStrategySetPolicy({ minTheorySteps: 0 }) //=> throws INVALID_INPUT at ['policy', 'minTheorySteps']
 * ```
 */
export function defineStrategySetPolicy(overrides: Partial<StrategySetPolicy> = {}): StrategySetPolicy {
  return strategySetPolicyDefinition.resolve(overrides, ['policy']);
}
