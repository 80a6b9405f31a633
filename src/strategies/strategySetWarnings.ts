import { deepFreeze } from '../_lib/deepFreeze.js';
import type { Guidance } from '../framework/Decision.js';

/**
 * The shape of one entry of {@link STRATEGY_SET_WARNINGS}.
 *
 * @category Strategy set
 */
export interface StrategySetWarningEntry {
  /** Stable code, used as `code` in a review's warnings. */
  readonly id: string;
  /** Whether it concerns one strategy, one step of a strategy, or the set as a whole. */
  readonly scope: 'strategy' | 'step' | 'set';
  /** Where the check comes from, with our paraphrase. */
  readonly guidance: Guidance;
}

const STRATEGY_SET = 'Component 2: Scaling Strategies';
const IMPLEMENTATION = 'Appendix: Tool #3: Scaling Strategy Implementation';

/**
 * The checks {@link reviewStrategySet} runs, each with the the Carnegie framework passage behind it.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { STRATEGY_SET_WARNINGS } from 'scaling-navigator/strategies';
 * STRATEGY_SET_WARNINGS.map((warning) => warning.id) //=> ['vague-theory-of-action', 'no-expected-change', 'no-conditions', 'no-for-whom', 'no-steps', 'step-without-lead', 'step-without-date', 'step-overdue', 'no-measure', 'focal-group-not-named', 'single-approach', 'no-active-strategies', 'route-strategy-missing']
 * STRATEGY_SET_WARNINGS.every((warning) => warning.guidance.source === 'carnegie-2022-scaling-for-equity') //=> true
 * ```
 */
export const STRATEGY_SET_WARNINGS = /* @__PURE__ */ deepFreeze([
  {
    id: 'vague-theory-of-action',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary:
        'A theory that only says "if educators see it, it will spread" is too vague to act on or learn from: name the steps that turn exposure into practice (structured observation, expert guidance, a supported try with feedback, accountability).',
    },
  },
  {
    id: 'no-expected-change',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary: 'A theory of action states what the team expects to happen, so that the data can confirm or refute it.',
    },
  },
  {
    id: 'no-conditions',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary: 'Scaling for equity asks each theory of action to say under which conditions it should hold.',
    },
  },
  {
    id: 'no-for-whom',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: STRATEGY_SET,
      summary:
        'Scaling for equity asks each theory of action to say for whom it is meant; the choice of strategies and steps can itself serve equity.',
    },
  },
  {
    id: 'no-steps',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary:
        'Without concrete steps (what, when, with whom, who leads) a strategy becomes a diffuse, highly variable process that is hard to carry out and to learn from.',
    },
  },
  {
    id: 'step-without-lead',
    scope: 'step',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary: 'Every step needs a team member who leads it.',
    },
  },
  {
    id: 'step-without-date',
    scope: 'step',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: IMPLEMENTATION,
      summary: 'Every step needs a date by which it will happen.',
    },
  },
  {
    id: 'step-overdue',
    scope: 'step',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #2: Pit Stop Checklist',
      summary: 'A step past its date and not done is something broken to fix, or a sign the fuel is running low.',
    },
  },
  {
    id: 'no-measure',
    scope: 'strategy',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #5: Data Collection and Measures',
      summary:
        'The team collects data on how well each strategy is working; a strategy no measure informs cannot be judged at a pit stop.',
    },
  },
  {
    id: 'focal-group-not-named',
    scope: 'set',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
      summary:
        'A destination for equity gives the most attention to students furthest from opportunity; at least one strategy should be aimed at each focal group.',
    },
  },
  {
    id: 'single-approach',
    scope: 'set',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: A Typology of Scaling Strategies',
      summary:
        'The typology offers three approaches (the innovation, educator networks, policymakers) meant to be adapted and combined; a set drawn from one approach leaves the other levers unused.',
    },
  },
  {
    id: 'no-active-strategies',
    scope: 'set',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: What route will we take to get there?',
      summary: 'A team selects a set of strategies to prioritize; a set with none planned or active has no route.',
    },
  },
  {
    id: 'route-strategy-missing',
    scope: 'set',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: What route will we take to get there?',
      summary:
        'The trip ticket’s route names a strategy that the strategy set does not carry out (absent, paused or removed): update one or the other.',
    },
  },
] as const satisfies readonly StrategySetWarningEntry[]);

/** The code of one of {@link STRATEGY_SET_WARNINGS}. @category Strategy set */
export type StrategySetWarningCode = (typeof STRATEGY_SET_WARNINGS)[number]['id'];
