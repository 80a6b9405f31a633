import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { firstDuplicate, Id, IsoDate } from './_schemaParts.js';
import { EquityConfigurationId } from './equityConfigurations.js';
import { FocalGroup } from './FocalGroup.js';
import { MeasureDefinition } from './Measure.js';
import { PitStopQuestionId } from './pitStopQuestions.js';
import { ReachTarget } from './ReachTarget.js';
import { ScaleTargets } from './ScaleTargets.js';
import { StrategyId } from './strategies.js';

/**
 * Schema for a planned pit stop on the trip ticket (the Carnegie framework, Tool #1, question 3): when, why, and
 * what the team will focus on; optionally which checklist questions it will take up.
 *
 * @category Models
 * @example
 * ```ts
 * import { PlannedPitStop } from 'scaling-navigator/framework';
 * PlannedPitStop.parse({ date: '2025-01-15', why: 'Mid-year data are in', focus: 'Reach of English learners' }).date
 * //=> '2025-01-15'
 * ```
 */
export const PlannedPitStop = z.strictObject({
  date: IsoDate,
  why: z.string(),
  focus: z.string(),
  questions: z.optional(z.array(PitStopQuestionId)),
});
/** A planned pit stop. @category Models */
export type PlannedPitStop = z.infer<typeof PlannedPitStop>;

const plannedPitStopParsers = /* @__PURE__ */ schemaParsers(PlannedPitStop);

/**
 * Validates an untrusted planned pit stop (e.g. JSON from a form or a file) against {@link PlannedPitStop} and
 * returns it; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parsePlannedPitStop } from 'scaling-navigator/framework';
 * parsePlannedPitStop({ date: '2025-01-15', why: 'Mid-year data are in', focus: 'Reach' }).date //=> '2025-01-15'
 * parsePlannedPitStop({ date: '2025-02-30', why: 'Mid-year', focus: 'Reach' }) //=> throws INVALID_INPUT at ['date']
 * ```
 */
export function parsePlannedPitStop(input: unknown): PlannedPitStop {
  return plannedPitStopParsers.parse(input);
}

/**
 * Like {@link parsePlannedPitStop}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParsePlannedPitStop } from 'scaling-navigator/framework';
 * const result = safeParsePlannedPitStop({ date: '2025-02-30', why: 'Mid-year', focus: 'Reach' });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['date']
 * ```
 */
export function safeParsePlannedPitStop(input: unknown): SafeParseResult<PlannedPitStop> {
  return plannedPitStopParsers.safeParse(input);
}

/**
 * Schema for the trip ticket (the Carnegie framework, Tool #1): a team's scaling-for-equity intentions.
 *
 * - Where are we headed: shared definitions of equity and of scaling for equity, the equity
 *   configurations chosen, the focal groups, and the destination — a target per scale dimension
 *   and reach targets — with the date to arrive by.
 * - What route: the strategy set, as strategy ids.
 * - Where to stop: planned pit stops, in date order, no later than `arriveBy`.
 * - How we will know: what success looks like, how it advances equity, and the measures planned.
 *
 * Cross-field rules: focal group ids, route strategies and arrival measure ids are unique; reach
 * targets name only the ticket's focal groups; pit stops are in date order and not after
 * `arriveBy`. Use {@link parseTripTicket} for a `ScalingNavigatorError` with a path.
 *
 * @category Models
 * @example
 * ```ts
 * import { TripTicket } from 'scaling-navigator/framework';
 * const ticket = TripTicket.parse({
 *   title: 'Project-based learning for all',
 *   equityDefinition: 'Every student gets powerful learning; students furthest from it get it first.',
 *   scalingForEquityDefinition: 'Reach most students, and first the students we have served least.',
 *   focalGroups: [{ id: 'poverty', label: 'Students in poverty', definition: 'Direct certification' }],
 *   destination: { dimensions: { depth: 0.7 } },
 *   arriveBy: '2027-06-30',
 *   route: ['proof-point', 'local-champions'],
 *   pitStops: [{ date: '2026-01-15', why: 'Mid-year', focus: 'Depth' }],
 *   arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
 * });
 * ticket.destination.reach //=> []
 * TripTicket.safeParse({ ...ticket, route: ['proof-point', 'proof-point'] }).success //=> false
 * ```
 */
export const TripTicket = z
  .strictObject({
    id: z.optional(Id),
    title: z.string().check(z.minLength(1)),
    createdOn: z.optional(IsoDate),
    peoplePresent: z.optional(z.array(z.string())),
    equityDefinition: z.string(),
    scalingForEquityDefinition: z.string(),
    equityConfigurations: z._default(z.array(EquityConfigurationId), []),
    focalGroups: z.array(FocalGroup),
    destination: z.strictObject({
      description: z.optional(z.string()),
      dimensions: z._default(ScaleTargets, {}),
      reach: z._default(z.array(ReachTarget), []),
    }),
    arriveBy: IsoDate,
    route: z.array(StrategyId),
    pitStops: z._default(z.array(PlannedPitStop), []),
    arrival: z.strictObject({
      successLooksLike: z.string(),
      advancesEquityBy: z.string(),
      measures: z._default(z.array(MeasureDefinition), []),
    }),
  })
  .check(
    crossCheck((ticket, context) => {
      const issue = (path: (string | number)[], message: string) =>
        context.issues.push({ code: 'custom', input: ticket, path, message });
      const focal = firstDuplicate(ticket.focalGroups.map((group) => group.id));
      if (focal) issue(['focalGroups', focal.index, 'id'], `duplicate focal group id "${focal.value}"`);
      const route = firstDuplicate(ticket.route);
      if (route) issue(['route', route.index], `strategy "${route.value}" appears twice in the route`);
      const measure = firstDuplicate(ticket.arrival.measures.map((entry) => entry.id));
      if (measure) issue(['arrival', 'measures', measure.index, 'id'], `duplicate measure id "${measure.value}"`);
      const known = new Set(ticket.focalGroups.map((group) => group.id));
      ticket.destination.reach.forEach((target, targetIndex) => {
        target.focalGroups?.forEach((id, index) => {
          if (!known.has(id)) {
            issue(
              ['destination', 'reach', targetIndex, 'focalGroups', index],
              `unknown focal group "${id}"; the ticket's focal groups are: ${[...known].join(', ') || '(none)'}`,
            );
          }
        });
      });
      ticket.pitStops.forEach((stop, index) => {
        const previous = ticket.pitStops[index - 1];
        if (previous !== undefined && stop.date < previous.date) {
          issue(
            ['pitStops', index, 'date'],
            `pit stops must be in date order; ${stop.date} comes before ${previous.date}`,
          );
        }
        if (stop.date > ticket.arriveBy) {
          issue(['pitStops', index, 'date'], `pit stop on ${stop.date} is after arriveBy (${ticket.arriveBy})`);
        }
      });
      if (ticket.createdOn !== undefined && ticket.createdOn > ticket.arriveBy) {
        issue(['arriveBy'], `arriveBy (${ticket.arriveBy}) is before the ticket was created (${ticket.createdOn})`);
      }
    }),
  );
/** A trip ticket as the library holds it (defaults applied). @category Models */
export type TripTicket = z.output<typeof TripTicket>;
/** A trip ticket as a caller may write it. @category Models */
export type TripTicketInput = z.input<typeof TripTicket>;

const tripTicketParsers = /* @__PURE__ */ schemaParsers(TripTicket);

/**
 * Validates an untrusted trip ticket (e.g. JSON from a form or a file) and returns it with
 * defaults applied; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path from the ticket;
 * `issues` lists every problem.
 * @example
 * ```ts
 * import { parseTripTicket } from 'scaling-navigator/framework';
 * parseTripTicket({ title: 'x' }) //=> throws INVALID_INPUT at ['equityDefinition']
 * ```
 */
export function parseTripTicket(input: unknown): TripTicket {
  return tripTicketParsers.parse(input);
}

/**
 * Like {@link parseTripTicket}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseTripTicket } from 'scaling-navigator/framework';
 * const result = safeParseTripTicket({ title: 'x' });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['equityDefinition']
 * ```
 */
export function safeParseTripTicket(input: unknown): SafeParseResult<TripTicket> {
  return tripTicketParsers.safeParse(input);
}
