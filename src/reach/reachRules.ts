import { decide, defineRules, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import type { ReachPolicy } from './reachPolicy.js';

/** Where the Carnegie framework sets its destinations (its HQPBL example is the equity destination). */
const DESTINATION = 'Component 1: Where are we headed?';

/**
 * The rules {@link evaluateReachTarget} decides by: a population meets its target share, misses
 * it, or cannot be judged because nobody in it is eligible. Every reason of a reach decision cites
 * one of them.
 *
 * @category Reach
 * @example
 * ```ts
 * import { REACH_RULES } from 'scaling-navigator/reach';
 * REACH_RULES.map((rule) => rule.id) //=> ['reach/target-met', 'reach/target-not-met', 'reach/no-eligible']
 * REACH_RULES[0].guidance.source //=> 'carnegie-2022-scaling-for-equity'
 * ```
 */
export const REACH_RULES = /* @__PURE__ */ defineRules('reach', [
  {
    id: 'reach/target-met',
    action: 'met',
    description:
      'The population reached at least the people its target share needs: reached ≥ needed = ⌈(target − policy.tolerance) · n⌉, n counting the eligible.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'A destination names how many students the innovation reaches and, for equity, that those furthest from opportunity are reached at least as fully — in its example, 80% of students including at least 80% of those furthest from opportunity.',
    },
  },
  {
    id: 'reach/target-not-met',
    action: 'not-met',
    description:
      'The population reached fewer people than its target share needs (reached < needed); the shortfall is needed − reached.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'Until the students furthest from opportunity are reached as fully as the destination says, the innovation has not arrived, however far it has spread overall.',
    },
  },
  {
    id: 'reach/no-eligible',
    action: 'undetermined',
    description: 'Nobody in the population is eligible (n = 0): there is no rate to compare with the target.',
    guidance: {
      source: 're-aim-1999',
      section: 'Reach',
      summary:
        'Reach is the share of the eligible who take part; with nobody eligible it is undefined, and an empty group must be reported, never counted as a pass.',
    },
  },
]);

/**
 * The id of a rule in {@link REACH_RULES}.
 *
 * @category Reach
 */
export type ReachRule = (typeof REACH_RULES)[number]['id'];

/**
 * What a reach decision can conclude: the target is met, not met, or (nobody eligible)
 * `'undetermined'`.
 *
 * @category Reach
 */
export type ReachTargetAction = (typeof REACH_RULES)[number]['action'];

/** The decision of one rule firing: its action, its reason with `evidence`, and the policy. @internal */
export function ruleDecision(
  rule: ReachRule,
  evidence: DecisionReason['evidence'],
  policy: ReachPolicy,
): Decision<ReachTargetAction, ReachRule, ReachPolicy> {
  const entry = REACH_RULES.find((candidate) => candidate.id === rule) as (typeof REACH_RULES)[number];
  return decide(entry.action, [ruleReason(REACH_RULES, rule, evidence)], policy);
}
