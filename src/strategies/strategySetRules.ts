import { defineRules } from '../framework/_rules.js';

const STRATEGY_SET = 'Component 2: Scaling Strategies';
const IMPLEMENTATION = 'Appendix: Tool #3: Scaling Strategy Implementation';

/**
 * The checks {@link reviewStrategySet} runs, each with the Carnegie framework passage behind it
 * and the pit-stop action it points to: `'revise'` a strategy already in the set (its theory of
 * action, its steps, its measures) or `'add'` a strategy to the set (for a focal group no strategy
 * serves, another approach, an empty set, or a strategy of the ticket's route). Every warning of a
 * review names one of these ids as its `rule`.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { STRATEGY_SET_RULES } from 'scaling-navigator/strategies';
 * STRATEGY_SET_RULES.map((rule) => rule.id.replace('strategies/', '')) //=> ['vague-theory-of-action', 'no-expected-change', 'no-conditions', 'no-for-whom', 'no-steps', 'step-without-lead', 'step-without-date', 'step-overdue', 'no-measure', 'focal-group-not-named', 'single-approach', 'no-active-strategies', 'route-strategy-missing']
 * STRATEGY_SET_RULES.filter((rule) => rule.action === 'add').length //=> 4
 * STRATEGY_SET_RULES.every((rule) => rule.guidance.source === 'carnegie-2022-scaling-for-equity') //=> true
 * ```
 */
export const STRATEGY_SET_RULES = /* @__PURE__ */ defineRules('strategies', [
  {
    id: 'strategies/vague-theory-of-action',
    action: 'revise',
    description: "A planned or active strategy's theory of action names fewer steps than the policy's minTheorySteps.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary:
        'A theory that only says "if educators see it, it will spread" is too vague to act on or learn from: name the steps that turn exposure into practice (structured observation, expert guidance, a supported try with feedback, accountability).',
    },
  },
  {
    id: 'strategies/no-expected-change',
    action: 'revise',
    description: "A planned or active strategy's theory of action does not say what change to expect.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary: 'A theory of action states what the team expects to happen, so that the data can confirm or refute it.',
    },
  },
  {
    id: 'strategies/no-conditions',
    action: 'revise',
    description: "A planned or active strategy's theory of action does not say under which conditions it holds.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary: 'Scaling for equity asks each theory of action to say under which conditions it should hold.',
    },
  },
  {
    id: 'strategies/no-for-whom',
    action: 'revise',
    description: "A planned or active strategy's theory of action does not say for whom it is meant.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary:
        'Scaling for equity asks each theory of action to say for whom it is meant; the choice of strategies and steps can itself serve equity.',
    },
  },
  {
    id: 'strategies/no-steps',
    action: 'revise',
    description: 'A planned or active strategy has no concrete steps.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary:
        'Without concrete steps (what, when, with whom, who leads) a strategy becomes a diffuse, highly variable process that is hard to carry out and to learn from.',
    },
  },
  {
    id: 'strategies/step-without-lead',
    action: 'revise',
    description: 'A step of a planned or active strategy has no lead.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary: 'Every step needs a team member who leads it.',
    },
  },
  {
    id: 'strategies/step-without-date',
    action: 'revise',
    description: 'A step of a planned or active strategy has no date.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary: 'Every step needs a date by which it will happen.',
    },
  },
  {
    id: 'strategies/step-overdue',
    action: 'revise',
    description:
      "A step of a planned or active strategy is not done more than the policy's overdueAfterDays after its date.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #2: Pit Stop Checklist',
      summary: 'A step past its date and not done is something broken to fix, or a sign the fuel is running low.',
    },
  },
  {
    id: 'strategies/no-measure',
    action: 'revise',
    description: 'No measure (trip ticket arrival measures or options.measures) informs a planned or active strategy.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #5: Data Collection and Measures',
      summary:
        'The team collects data on how well each strategy is working; a strategy no measure informs cannot be judged at a pit stop.',
    },
  },
  {
    id: 'strategies/focal-group-not-named',
    action: 'add',
    description: "A focal group is named in no planned or active strategy's forWhom (for the set).",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
      summary:
        'A destination for equity gives the most attention to students furthest from opportunity; at least one strategy should be aimed at each focal group.',
    },
  },
  {
    id: 'strategies/single-approach',
    action: 'add',
    description: 'Every planned or active strategy belongs to one approach of the typology (for the set).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: A Typology of Scaling Strategies',
      summary:
        'The typology offers three approaches (the innovation, educator networks, policymakers) meant to be adapted and combined; a set drawn from one approach leaves the other levers unused.',
    },
  },
  {
    id: 'strategies/no-active-strategies',
    action: 'add',
    description: 'No strategy of the set is planned or active (for the set).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: What route will we take to get there?',
      summary: 'A team selects a set of strategies to prioritize; a set with none planned or active has no route.',
    },
  },
  {
    id: 'strategies/route-strategy-missing',
    action: 'add',
    description: "A strategy of the trip ticket's route is absent from the set, or paused or removed there.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: What route will we take to get there?',
      summary:
        'The trip ticket’s route names a strategy that the strategy set does not carry out (absent, paused or removed): update one or the other.',
    },
  },
]);

/** The id of one of {@link STRATEGY_SET_RULES}. @category Strategy set */
export type StrategySetRule = (typeof STRATEGY_SET_RULES)[number]['id'];

/** What a pit stop does about a warning: `'revise'` a strategy of the set, or `'add'` one to it. @category Strategy set */
export type StrategySetAction = (typeof STRATEGY_SET_RULES)[number]['action'];
