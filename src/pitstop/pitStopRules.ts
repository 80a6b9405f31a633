import { defineRules } from '../framework/_rules.js';
import { DECISION_RULE_SPECS } from './_decisionRules.js';
import { QUESTION_RULE_SPECS } from './_questionRules.js';

/**
 * The rules of {@link evaluatePitStop}, {@link assessStage} and {@link evaluatePortfolio}: the four
 * checklist questions (on course, broken, fuel, left behind), the decision per strategy (keep,
 * revise, pause, remove), the strategies to add, the route, and the stage. Every reason of their
 * decisions names one of these ids; an `'undetermined'` rule says what evidence is missing.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PIT_STOP_RULES } from 'scaling-navigator/pitstop';
 * PIT_STOP_RULES.find((rule) => rule.id === 'pitstop/money-runs-out')?.action //=> 'fuel-low'
 * PIT_STOP_RULES.filter((rule) => rule.action === 'remove').map((rule) => rule.id) //=> ['pitstop/excludes-useful-effect', 'pitstop/unacceptable-to-partner']
 * PIT_STOP_RULES.every((rule) => rule.id.startsWith('pitstop/')) //=> true
 * ```
 */
export const PIT_STOP_RULES = /* @__PURE__ */ defineRules('pitstop', [...QUESTION_RULE_SPECS, ...DECISION_RULE_SPECS]);

/** The id of one of {@link PIT_STOP_RULES}. @category Pit stops */
export type PitStopRule = (typeof PIT_STOP_RULES)[number]['id'];
