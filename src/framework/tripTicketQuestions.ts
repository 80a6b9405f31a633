import { deepFreeze } from '../_lib/deepFreeze.js';
import type { SourceCitation } from './sources.js';

/**
 * The shape of one entry of {@link TRIP_TICKET_QUESTIONS}.
 *
 * @category Trip ticket
 */
export interface TripTicketQuestionEntry {
  /** Stable id used across the library. */
  readonly id: 'destination' | 'route' | 'pit-stops' | 'arrival';
  /** The question, in our words. */
  readonly question: string;
  /** The sub-prompts the team works through to answer it, in our words. */
  readonly prompts: readonly string[];
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The four trip-ticket questions that make a team's scaling-for-equity intentions explicit (Carnegie framework,
 * Component 1 and Navigator Tool #1): destination, route, pit stops and arrival, each with its sub-prompts.
 * The team answers them together at the start and revisits them at every pit stop.
 *
 * @category Trip ticket
 * @example
 * ```ts
 * import { TRIP_TICKET_QUESTIONS } from 'scaling-navigator/framework';
 * TRIP_TICKET_QUESTIONS.map((entry) => entry.id) //=> ['destination', 'route', 'pit-stops', 'arrival']
 * TRIP_TICKET_QUESTIONS[0].prompts[0] //=> 'What do we, together, mean by equity?'
 * ```
 */
export const TRIP_TICKET_QUESTIONS = /* @__PURE__ */ deepFreeze([
  {
    id: 'destination',
    question: 'Where is our scaling-for-equity journey taking us?',
    prompts: [
      'What do we, together, mean by equity?',
      'What do we, together, mean by scaling for equity?',
      'Which students in our community do we consider furthest from opportunity?',
      'How does reaching our destination move equity forward?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
  {
    id: 'route',
    question: 'Which route will get us there?',
    prompts: [
      'Which strategies make up our strategy set, and who will carry out each one, how and when?',
      'Would every partner accept each strategy, not just the most powerful ones?',
      'Can all our current and future partners afford each strategy?',
      'Which roadblocks and supports do we foresee for each strategy?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: What route will we take to get there?',
    },
  },
  {
    id: 'pit-stops',
    question: 'When along the way will we stop to check our course?',
    prompts: [
      'On which dates will we hold planned pit stops?',
      'Why is each stop set for that time, and what will it focus on?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: Where should we make pit stops along the way?',
    },
  },
  {
    id: 'arrival',
    question: 'How will we recognise that we have reached our destination?',
    prompts: [
      'What would success look like for us?',
      'How does that end state move equity forward?',
      'Which data will we gather, and how, to tell whether we have arrived?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Tool #1: Trip Ticket; Component 1: How will we know when we have arrived?',
    },
  },
] as const satisfies readonly TripTicketQuestionEntry[]);
