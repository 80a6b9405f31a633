/**
 * The schema of a {@link ReachOverTimeReport} read back from storage or built by hand: strict at
 * every depth, finite numbers, whole counts, shares in [0, 1], and each arrival check's status
 * consistent with its dates and the deadline.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { IsoDate, Share } from '../framework/_schemaParts.js';
import { Count, notesSchema } from './_reachSummarySchema.js';
import type { ReachArrivalCheck, ReachOverTimeNoteCode, ReachOverTimeReport } from './ReachOverTimeReport.js';

const DayOrNull = /* @__PURE__ */ z.nullable(IsoDate);
const ShareOrNull = /* @__PURE__ */ z.nullable(Share);
const FiniteOrNull = /* @__PURE__ */ z.nullable(z.number());
const NonNegative = /* @__PURE__ */ z.number().check(z.gte(0));
const STATUSES = [
  'met',
  'on-pace',
  'not-at-this-pace',
  'no-pace',
] as const satisfies readonly ReachArrivalCheck['status'][];
const NOTE_CODES = /* @__PURE__ */ Object.keys({
  EMPTY_POPULATION: true,
  NO_EVENTS: true,
  ALL_REACHED: true,
  TEST_UNDEFINED: true,
  ENGAGEMENTS_OUTSIDE_ENROLMENT: true,
  ANALYSIS_ENDS_AT_PERIOD_END: true,
  PACE_SCENARIO: true,
} satisfies Record<ReachOverTimeNoteCode, true>) as [ReachOverTimeNoteCode, ...ReachOverTimeNoteCode[]];

const Check = /* @__PURE__ */ z
  .strictObject({
    population: z.string(),
    focalGroups: z.array(z.string()),
    share: Share,
    n: Count,
    reached: Count,
    needed: Count,
    remaining: Count,
    paceDays: z.int().check(z.gte(1)),
    paceEvents: Count,
    perDay: NonNegative,
    perDayLower: NonNegative,
    perDayUpper: NonNegative,
    projectedOn: DayOrNull,
    earliestOn: DayOrNull,
    latestOn: DayOrNull,
    status: z.enum(STATUSES),
  })
  .check(
    crossCheck((check, context) => {
      const issue = (path: string, message: string) =>
        context.issues.push({ code: 'custom', input: check, path: [path], message });
      const remaining = Math.max(0, check.needed - check.reached);
      if (check.remaining !== remaining) issue('remaining', `remaining is max(0, needed − reached) = ${remaining}`);
      else if ((check.status === 'met') !== (remaining === 0)) {
        issue(
          'status',
          remaining === 0 ? 'nobody remains: the status is met' : 'students remain: the status is not met',
        );
      } else if ((check.status === 'on-pace' || check.status === 'not-at-this-pace') && check.projectedOn === null) {
        issue('projectedOn', `a check ${check.status} has a projected date`);
      } else if ((check.status === 'met' || check.status === 'no-pace') && check.projectedOn !== null) {
        issue('projectedOn', `a check ${check.status} has no projected date`);
      }
    }),
  );

const Arrival = /* @__PURE__ */ z
  .strictObject({
    basis: z.literal('pace-scenario'),
    window: z.int().check(z.gte(1)),
    deadline: IsoDate,
    focalRule: z.enum(['each', 'union']),
    checks: z.array(Check).check(z.minLength(1)),
  })
  .check(
    crossCheck((arrival, context) => {
      arrival.checks.forEach((check, index) => {
        const projected = check.projectedOn;
        if (projected === null || (check.status === 'on-pace') === projected <= arrival.deadline) return;
        const onTime = projected <= arrival.deadline;
        context.issues.push({
          code: 'custom',
          input: check,
          path: ['checks', index, 'status'],
          message: `projected on ${projected}, ${onTime ? 'on or before' : 'after'} the deadline ${arrival.deadline}: the status is ${onTime ? 'on-pace' : 'not-at-this-pace'}`,
        });
      });
    }),
  );

const Point = /* @__PURE__ */ z.strictObject({
  date: IsoDate,
  day: z.int(),
  atRisk: Count,
  reached: Count,
  exited: Count,
  share: Share,
  lower: ShareOrNull,
  upper: ShareOrNull,
  incidence: Share,
  exitIncidence: Share,
});

const Population = /* @__PURE__ */ z.strictObject({
  id: z.string(),
  kind: z.enum(['everyone', 'focal-group', 'union', 'none']),
  n: Count,
  outside: Count,
  reached: Count,
  exited: Count,
  unreached: Count,
  curve: z.array(Point),
  quantiles: z.array(
    z.strictObject({
      q: Share,
      reachedOn: DayOrNull,
      day: FiniteOrNull,
      lowerDay: FiniteOrNull,
      upperDay: FiniteOrNull,
    }),
  ),
  restrictedMean: z.nullable(
    z.strictObject({ horizon: z.number(), days: z.number(), se: NonNegative, lower: z.number(), upper: z.number() }),
  ),
});

const Comparison = /* @__PURE__ */ z.strictObject({
  id: z.string(),
  against: z.literal('none'),
  observed: z.number(),
  expected: FiniteOrNull,
  chiSquare: FiniteOrNull,
  p: ShareOrNull,
  hazardRatio: z.nullable(z.strictObject({ estimate: z.number(), lower: z.number(), upper: z.number() })),
  restrictedMeanDifference: z.nullable(
    z.strictObject({ days: z.number(), se: NonNegative, lower: z.number(), upper: z.number() }),
  ),
});

/** A reach-over-time report, as `reachOverTime` writes it (schemaVersion 1). */
export const ReachOverTimeReportSchema = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  period: z.strictObject({ start: IsoDate, end: IsoDate }),
  asOf: IsoDate,
  lastDay: IsoDate,
  minEngagements: z.int().check(z.gte(1)),
  every: z.int().check(z.gte(1)),
  confidenceLevel: z.number().check(z.gt(0), z.lt(1)),
  rows: Count,
  excluded: Count,
  populations: z.array(Population),
  comparisons: z.array(Comparison),
  arrival: z.nullable(Arrival),
  notes: notesSchema(NOTE_CODES),
}) as unknown as z.ZodMiniType<ReachOverTimeReport>;
