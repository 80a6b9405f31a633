import { defineRules } from '../framework/_rules.js';

const CRITERIA = 'Component 1: What route will we take to get there?';
const TRACKER = 'Appendix: Tool #3: Revisiting and Revising the Strategy Set';

/**
 * The rules of {@link screenStrategies}. The combination is fixed by the Carnegie framework and has no thresholds:
 * a strategy must be acceptable to **every** partner and affordable for **every** partner (the
 * minimum over partners, never the mean), so there is no screening policy to override.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { SCREENING_RULES } from 'scaling-navigator/strategies';
 * SCREENING_RULES.map((rule) => [rule.id, rule.action]) //=> [['strategies/not-acceptable-to-partner', 'fail'], ['strategies/not-affordable-for-partner', 'fail'], ['strategies/partner-has-not-judged', 'undetermined'], ['strategies/no-partners', 'undetermined'], ['strategies/acceptable-and-affordable-for-all', 'pass']]
 * ```
 */
export const SCREENING_RULES = /* @__PURE__ */ defineRules('strategies', [
  {
    id: 'strategies/not-acceptable-to-partner',
    action: 'fail',
    description: 'A partner judged the strategy not acceptable (the partner and its reasons are the evidence).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CRITERIA,
      summary:
        'A strategy must be acceptable to all partners, not only to those with the most power; one partner who finds it unacceptable blocks it until the team addresses the objection.',
    },
  },
  {
    id: 'strategies/not-affordable-for-partner',
    action: 'fail',
    description: 'A partner judged the strategy not affordable (the partner and its reasons are the evidence).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CRITERIA,
      summary:
        'A strategy must be affordable for all current and future partners; one partner who cannot afford it blocks it, whatever the others can pay.',
    },
  },
  {
    id: 'strategies/partner-has-not-judged',
    action: 'undetermined',
    description:
      'No partner rejects the strategy, but a partner has not judged its acceptability or affordability yet.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TRACKER,
      summary:
        'Acceptability and affordability are asked of every stakeholder; until each partner has answered, the strategy has not passed.',
    },
  },
  {
    id: 'strategies/no-partners',
    action: 'undetermined',
    description: 'No partner judgements were given at all.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CRITERIA,
      summary: 'With no partner judgements there is nobody to find the strategy acceptable or affordable.',
    },
  },
  {
    id: 'strategies/acceptable-and-affordable-for-all',
    action: 'pass',
    description: 'Every partner judged the strategy both acceptable and affordable.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CRITERIA,
      summary: 'Every partner, with more power or less, finds the strategy acceptable and affordable.',
    },
  },
]);

/** The id of one of {@link SCREENING_RULES}. @category Strategy screening */
export type ScreeningRule = (typeof SCREENING_RULES)[number]['id'];
