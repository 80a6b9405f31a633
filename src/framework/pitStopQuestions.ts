import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the four pit stop checklist questions, in the checklist's order.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PIT_STOP_QUESTION_IDS } from 'scaling-navigator/framework';
 * PIT_STOP_QUESTION_IDS //=> ['on-course', 'broken', 'fuel', 'left-behind']
 * ```
 */
export const PIT_STOP_QUESTION_IDS = /* @__PURE__ */ deepFreeze([
  'on-course',
  'broken',
  'fuel',
  'left-behind',
] as const);

/**
 * Schema for a pit stop checklist question id: one of {@link PIT_STOP_QUESTION_IDS}.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PitStopQuestionId } from 'scaling-navigator/framework';
 * PitStopQuestionId.safeParse('fuel').success //=> true
 * PitStopQuestionId.safeParse('gas').success //=> false
 * ```
 */
export const PitStopQuestionId = z.enum(PIT_STOP_QUESTION_IDS);
/** A pit stop checklist question id. @category Pit stops */
export type PitStopQuestionId = z.infer<typeof PitStopQuestionId>;

const pitStopQuestionIdParsers = /* @__PURE__ */ schemaParsers(PitStopQuestionId);

/**
 * Checks that an untrusted value is a pit-stop question id (one of {@link PIT_STOP_QUESTION_IDS}) and returns it, typed.
 *
 * @category Pit stops
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parsePitStopQuestionId } from 'scaling-navigator/framework';
 * parsePitStopQuestionId('fuel') //=> 'fuel'
 * parsePitStopQuestionId('gas') //=> throws INVALID_INPUT at []
 * ```
 */
export function parsePitStopQuestionId(input: unknown): PitStopQuestionId {
  return pitStopQuestionIdParsers.parse(input);
}

/**
 * Like {@link parsePitStopQuestionId}, but returns the error instead of throwing.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { safeParsePitStopQuestionId } from 'scaling-navigator/framework';
 * safeParsePitStopQuestionId('fuel') //=> { success: true, data: 'fuel' }
 * safeParsePitStopQuestionId('gas').success //=> false
 * ```
 */
export function safeParsePitStopQuestionId(input: unknown): SafeParseResult<PitStopQuestionId> {
  return pitStopQuestionIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link PIT_STOP_QUESTIONS}.
 *
 * @category Pit stops
 */
export interface PitStopQuestionEntry {
  /** Stable id used across the library. */
  readonly id: PitStopQuestionId;
  /** The question, in our words. */
  readonly question: string;
  /** What the team looks at to answer it, in our words. */
  readonly guidance: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The pit stop checklist (Carnegie framework, Figure 2 and Navigator Tool #2): four questions a team works through
 * at every planned or unplanned pit stop before making data-based decisions about its strategy set.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PIT_STOP_QUESTIONS } from 'scaling-navigator/framework';
 * PIT_STOP_QUESTIONS.map((entry) => entry.id) //=> ['on-course', 'broken', 'fuel', 'left-behind']
 * PIT_STOP_QUESTIONS[3].question //=> 'Who is at the wheel, who is reading the map, and who have we left behind?'
 * ```
 */
export const PIT_STOP_QUESTIONS = /* @__PURE__ */ deepFreeze([
  {
    id: 'on-course',
    question: 'Are we still on course for our destination?',
    guidance:
      'Compare the data collected so far with the destination on the trip ticket and judge how much progress has been made.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #2: Pit Stop Checklist' },
  },
  {
    id: 'broken',
    question: 'Has something broken down, and how do we repair it?',
    guidance:
      'Review how far the team has come and reach a decision on every strategy in the strategy set: keep it, revise it or remove it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #2: Pit Stop Checklist' },
  },
  {
    id: 'fuel',
    question: 'Are we running short of fuel?',
    guidance:
      'Take stock of the money and the people the team has, and whether they are enough to carry the current strategy set.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #2: Pit Stop Checklist' },
  },
  {
    id: 'left-behind',
    question: 'Who is at the wheel, who is reading the map, and who have we left behind?',
    guidance:
      'Revisit the scaling intentions and check that everyone who needs a seat at the table has one, naming who is missing or left out.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #2: Pit Stop Checklist; Component 1: Where should we make pit stops?',
    },
  },
] as const satisfies readonly PitStopQuestionEntry[]);

/**
 * The shape of one entry of {@link PIT_STOP_LEARNING_QUESTIONS}.
 *
 * @category Pit stops
 */
export interface PitStopLearningQuestionEntry {
  /** Stable id used across the library. */
  readonly id: 'where-have-we-been' | 'still-headed' | 'right-route' | 'fuel-low' | 'anything-broken';
  /** The question, in our words. */
  readonly question: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The five learning questions a team asks during a pit stop (Carnegie framework, Component 1), after revisiting
 * its intentions, looking at its data and taking stock of conditions.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PIT_STOP_LEARNING_QUESTIONS } from 'scaling-navigator/framework';
 * PIT_STOP_LEARNING_QUESTIONS.map((entry) => entry.id) //=> ['where-have-we-been', 'still-headed', 'right-route', 'fuel-low', 'anything-broken']
 * ```
 */
export const PIT_STOP_LEARNING_QUESTIONS = /* @__PURE__ */ deepFreeze([
  {
    id: 'where-have-we-been',
    question: 'Where has the journey taken us so far?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where should we make pit stops along the way?',
    },
  },
  {
    id: 'still-headed',
    question: 'Are we still heading for our scaling-for-equity destination?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where should we make pit stops along the way?',
    },
  },
  {
    id: 'right-route',
    question: 'Is this the right road, and are we keeping a good pace?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where should we make pit stops along the way?',
    },
  },
  {
    id: 'fuel-low',
    question: 'Are we getting low on "gas"?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where should we make pit stops along the way?',
    },
  },
  {
    id: 'anything-broken',
    question: 'Has anything broken down, and if so, what will fix it?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where should we make pit stops along the way?',
    },
  },
] as const satisfies readonly PitStopLearningQuestionEntry[]);
