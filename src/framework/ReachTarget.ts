import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, IsoDate, Share } from './_schemaParts.js';

/**
 * What a reach target counts: students, educators, classrooms or schools (RE-AIM's reach and
 * adoption).
 *
 * @category Models
 * @example
 * ```ts
 * import { REACH_POPULATIONS } from 'scaling-navigator/framework';
 * REACH_POPULATIONS //=> ['students', 'educators', 'classrooms', 'schools']
 * ```
 */
export const REACH_POPULATIONS = /* @__PURE__ */ deepFreeze([
  'students',
  'educators',
  'classrooms',
  'schools',
] as const);

/**
 * Schema for a reach target: the share of everyone, and of the focal students, to reach with at
 * least `minEngagements` per `period`, by the date `by` (the Carnegie framework's equity destination, e.g. "80% of
 * the 29,284 students, including at least 80% of students furthest from opportunity, in two
 * high-quality projects a year").
 *
 * - `population`: what is counted (`unit`), and optionally how many there are (`size`).
 * - `overall` and `focal`: target shares in [0, 1].
 * - `focalRule`: `'each'` — every focal group must reach `focal` on its own; `'union'` — the
 *   students in any focal group, taken together, must reach it.
 * - `focalGroups`: the focal group ids the target speaks of (default: all of the trip ticket's).
 * - `period`: the window engagements are counted in (a school year), with `start ≤ end`.
 *
 * @category Models
 * @example
 * ```ts
 * import { ReachTarget } from 'scaling-navigator/framework';
 * const hqpbl = ReachTarget.parse({
 *   population: { unit: 'students', size: 29284 },
 *   minEngagements: 2,
 *   overall: 0.8,
 *   focal: 0.8,
 *   focalRule: 'union',
 *   period: { start: '2021-08-01', end: '2022-07-31' },
 * });
 * hqpbl.minEngagements //=> 2
 * ReachTarget.safeParse({ ...hqpbl, overall: 1.2 }).success //=> false
 * ReachTarget.safeParse({ ...hqpbl, period: { start: '2022-08-01', end: '2022-07-31' } }).success //=> false
 * ```
 */
export const ReachTarget = z.strictObject({
  population: z.strictObject({
    unit: z.enum(REACH_POPULATIONS),
    size: z.optional(z.int().check(z.gte(0))),
    description: z.optional(z.string()),
  }),
  minEngagements: z._default(z.int().check(z.gte(1)), 1),
  overall: Share,
  focal: Share,
  focalRule: z.enum(['each', 'union']),
  focalGroups: z.optional(z.array(Id)),
  period: z.optional(
    z.strictObject({ start: IsoDate, end: IsoDate }).check(
      z.refine((period) => period.start <= period.end, {
        message: 'the period must not end before it starts',
        path: ['end'],
      }),
    ),
  ),
  by: z.optional(IsoDate),
});
/** A reach target as the library holds it (defaults applied). @category Models */
export type ReachTarget = z.output<typeof ReachTarget>;
/** A reach target as a caller may write it (`minEngagements` optional). @category Models */
export type ReachTargetInput = z.input<typeof ReachTarget>;

const reachTargetParsers = /* @__PURE__ */ schemaParsers(ReachTarget);

/**
 * Validates an untrusted reach target (e.g. JSON from a form or a file) against {@link ReachTarget} and
 * returns it with defaults applied; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseReachTarget } from 'scaling-navigator/framework';
 * parseReachTarget({ population: { unit: 'students' }, overall: 0.8, focal: 0.8, focalRule: 'union' }).minEngagements //=> 1
 * parseReachTarget({ population: { unit: 'students' }, overall: 1.2, focal: 0.8, focalRule: 'union' }) //=> throws INVALID_INPUT at ['overall']
 * ```
 */
export function parseReachTarget(input: unknown): ReachTarget {
  return reachTargetParsers.parse(input);
}

/**
 * Like {@link parseReachTarget}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseReachTarget } from 'scaling-navigator/framework';
 * const result = safeParseReachTarget({ population: { unit: 'students' }, overall: 1.2, focal: 0.8, focalRule: 'union' });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['overall']
 * ```
 */
export function safeParseReachTarget(input: unknown): SafeParseResult<ReachTarget> {
  return reachTargetParsers.safeParse(input);
}
