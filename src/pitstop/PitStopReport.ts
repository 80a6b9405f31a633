import * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { IsoDate } from '../framework/_schemaParts.js';
import type { Decision } from '../framework/Decision.js';
import { StrategyId } from '../framework/strategies.js';
import { BooleanOrNull, FiniteOrNull, noteSchema } from '../learning/_resultSchemas.js';
import { STRATEGY_STATUSES, type StrategyStatus } from '../strategies/StrategySet.js';
import { pitStopDecisionSchema } from './_resultParts.js';
import { type PitStopPolicy, PitStopPolicySchema } from './pitStopPolicy.js';
import type { PIT_STOP_RULES, PitStopRule } from './pitStopRules.js';

/** A pit-stop decision: the library's `Decision` citing {@link PIT_STOP_RULES}. @category Pit stops */
export type PitStopDecision<Action extends string> = Decision<Action, PitStopRule, PitStopPolicy>;

/**
 * Why part of a pit-stop report is `null` or undetermined, or what a reader should know.
 *
 * - `NO_STRATEGY_SET` (`strategies`): no strategy set was given, so no strategy is decided.
 * - `REACH_TARGET_NOT_CHECKED` (`onCourse`): the reach summary cannot check a reach target of the
 *   ticket (other focal groups, another period); the message says why.
 * - `NO_BURN` (`fuel`): the monthly burn is 0, so the money does not run out.
 * - `RUNWAY_BEYOND_CALENDAR` (`fuel`): the money lasts past year 9999; no run-out date.
 * - `PROJECTION_UNKNOWN_TARGET` (`onCourse`): a projected arrival names a target the ticket does not have.
 *
 * @category Pit stops
 */
export type PitStopNoteCode =
  | 'NO_STRATEGY_SET'
  | 'REACH_TARGET_NOT_CHECKED'
  | 'NO_BURN'
  | 'RUNWAY_BEYOND_CALENDAR'
  | 'PROJECTION_UNKNOWN_TARGET';

/** One target of the destination and where it stands. @category Pit stops */
export interface TargetStatus {
  /** `'dimension:<id>'` or `'reach:<index>'` (the ticket's reach target at that index). */
  readonly id: string;
  readonly kind: 'dimension' | 'reach';
  /** The target share (for reach: the share for everyone). */
  readonly target: number;
  /** The measured score or reach rate for everyone, or `null`. */
  readonly value: number | null;
  /** Met (for reach: for everyone and the focal students), not met, or `null` when unknown. */
  readonly met: boolean | null;
  /** `max(0, target − value)`, or `null`. */
  readonly shortfall: number | null;
  /** The projected arrival given for this target, or `null`. */
  readonly projectedOn: string | null;
  /** Whether the projection arrives by `arriveBy` (`null` when none, or it cannot tell). */
  readonly metByArriveBy: boolean | null;
}

/** "Are we still headed towards our destination?" @category Pit stops */
export interface OnCourseAnswer {
  readonly decision: PitStopDecision<'on-course' | 'off-course'>;
  readonly arriveBy: string;
  readonly targets: readonly TargetStatus[];
}

/** "Is anything broken? How do we fix it?" @category Pit stops */
export interface BrokenAnswer {
  readonly decision: PitStopDecision<'broken' | 'not-broken'>;
  /** The evidence that could not be checked (e.g. `'superficialSpread'`, `'strategyEvidence:proof-point'`). */
  readonly missing: readonly string[];
}

/** One-time money or a one-off event that ends before `arriveBy` with nothing named to carry on. @category Pit stops */
export interface BigPush {
  readonly id: string;
  readonly kind: 'funds' | 'event';
  readonly endsOn: string;
}

/** "Is our fuel running low?" @category Pit stops */
export interface FuelAnswer {
  readonly decision: PitStopDecision<'fuel-low' | 'fuel-ok'>;
  /** budget ÷ (monthly burn × 12 / 365.25), in days; `null` without budget or burn, or a burn of 0. */
  readonly runwayDays: number | null;
  /** `asOf` + ⌊runway⌋ days (UTC calendar days); `null` when the runway is. */
  readonly moneyRunsOutOn: string | null;
  /** The journey's end (the input's `journeyEndsOn`, else the ticket's `arriveBy`). */
  readonly journeyEndsOn: string;
  readonly hoursNeeded: number | null;
  /** The people's hours summed; `null` when no people were given. */
  readonly hoursAvailable: number | null;
  readonly bigPush: readonly BigPush[];
  readonly missing: readonly string[];
}

/** A focal group's reach against the rest. @category Pit stops */
export interface FocalGroupStanding {
  readonly id: string;
  readonly rate: number | null;
  /** The reach rate of everyone not in the group. */
  readonly restRate: number | null;
  /** rate − rest rate. */
  readonly gap: number | null;
  /** (rate − previous rate) − (rest rate − previous rest rate); `null` without a previous summary. */
  readonly paceGap: number | null;
  /** Whether the group's reach check of the first reach target is met; `null` when unknown. */
  readonly met: boolean | null;
  /** Whether a left-behind rule fired for the group. */
  readonly behind: boolean;
}

/** "Who is driving, who is navigating, and who has been left behind?" @category Pit stops */
export interface LeftBehindAnswer {
  readonly decision: PitStopDecision<'left-behind' | 'no-one-left-behind'>;
  readonly focalGroups: readonly FocalGroupStanding[];
  /** Roles (of the team and partners) in no decision. */
  readonly rolesAbsent: readonly string[];
  /** Promised voices no team member carries. */
  readonly voicesMissing: readonly string[];
  readonly missing: readonly string[];
}

/** A change to record on the strategy set (its own change kinds). @category Pit stops */
export interface PitStopChange {
  readonly on: string;
  readonly kind: 'kept' | 'revised' | 'paused' | 'removed';
  readonly why: string;
}

/** The decision about one planned or active strategy of the set. @category Pit stops */
export interface StrategyVerdict {
  readonly id: StrategyId;
  readonly status: StrategyStatus;
  readonly decision: PitStopDecision<'keep' | 'revise' | 'pause' | 'remove'>;
  /** The decision as a strategy-set change to record; `null` while undetermined. */
  readonly change: PitStopChange | null;
}

/** A strategy suggested for a roadblock, screened for every partner. @category Pit stops */
export interface AdditionVerdict {
  readonly id: StrategyId;
  /** The factor review's summed match strength over the roadblocks and split factors it answers. */
  readonly score: number;
  /** The roadblocks and split factors it answers. */
  readonly answers: readonly string[];
  /** `screenStrategies`' outcome for it. */
  readonly screening: 'pass' | 'fail' | 'undetermined';
  readonly blockedBy: readonly string[];
  readonly awaiting: readonly string[];
  readonly decision: PitStopDecision<'add' | 'do-not-add'>;
}

/** The next pit stop: the ticket's next planned one when it is within the policy's `maxDaysBetweenStops` of `asOf`, else `asOf` + `maxDaysBetweenStops`. @category Pit stops */
export interface NextPitStop {
  readonly date: string;
  readonly planned: boolean;
  readonly why: string | null;
}

/**
 * What {@link evaluatePitStop} returns: the four checklist answers with their evidence, a decision
 * per strategy, the strategies to add, the route and the next pit stop.
 *
 * @category Pit stops
 */
export interface PitStopReport {
  readonly schemaVersion: 1;
  readonly asOf: string;
  readonly kind: 'planned' | 'unplanned';
  readonly trigger: string | null;
  readonly onCourse: OnCourseAnswer;
  readonly broken: BrokenAnswer;
  readonly fuel: FuelAnswer;
  readonly leftBehind: LeftBehindAnswer;
  readonly strategies: readonly StrategyVerdict[];
  readonly additions: readonly AdditionVerdict[];
  readonly route: {
    readonly decision: PitStopDecision<'stay-the-course' | 'adjust-route' | 'recalibrate-destination'>;
  };
  readonly nextPitStop: NextPitStop;
  readonly notes: readonly Note<PitStopNoteCode>[];
  readonly policy: PitStopPolicy;
  readonly version: string;
}

const NOTE_CODES = [
  'NO_STRATEGY_SET',
  'REACH_TARGET_NOT_CHECKED',
  'NO_BURN',
  'RUNWAY_BEYOND_CALENDAR',
  'PROJECTION_UNKNOWN_TARGET',
] as const satisfies readonly PitStopNoteCode[];

const decision = pitStopDecisionSchema;
const Day = IsoDate;
const DayOrNull = z.nullable(IsoDate);
const Strings = z.array(z.string());
const change = z.nullable(
  z.strictObject({ on: Day, kind: z.enum(['kept', 'revised', 'paused', 'removed']), why: z.string() }),
);

const ReportShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  asOf: Day,
  kind: z.enum(['planned', 'unplanned']),
  trigger: z.nullable(z.string()),
  onCourse: z.strictObject({
    decision: decision(['on-course', 'off-course']),
    arriveBy: Day,
    targets: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(['dimension', 'reach']),
        target: z.number(),
        value: FiniteOrNull,
        met: BooleanOrNull,
        shortfall: FiniteOrNull,
        projectedOn: DayOrNull,
        metByArriveBy: BooleanOrNull,
      }),
    ),
  }),
  broken: z.strictObject({ decision: decision(['broken', 'not-broken']), missing: Strings }),
  fuel: z.strictObject({
    decision: decision(['fuel-low', 'fuel-ok']),
    runwayDays: FiniteOrNull,
    moneyRunsOutOn: DayOrNull,
    journeyEndsOn: Day,
    hoursNeeded: FiniteOrNull,
    hoursAvailable: FiniteOrNull,
    bigPush: z.array(z.strictObject({ id: z.string(), kind: z.enum(['funds', 'event']), endsOn: Day })),
    missing: Strings,
  }),
  leftBehind: z.strictObject({
    decision: decision(['left-behind', 'no-one-left-behind']),
    focalGroups: z.array(
      z.strictObject({
        id: z.string(),
        rate: FiniteOrNull,
        restRate: FiniteOrNull,
        gap: FiniteOrNull,
        paceGap: FiniteOrNull,
        met: BooleanOrNull,
        behind: z.boolean(),
      }),
    ),
    rolesAbsent: Strings,
    voicesMissing: Strings,
    missing: Strings,
  }),
  strategies: z.array(
    z.strictObject({
      id: StrategyId,
      status: z.enum(STRATEGY_STATUSES),
      decision: decision(['keep', 'revise', 'pause', 'remove']),
      change,
    }),
  ),
  additions: z.array(
    z.strictObject({
      id: StrategyId,
      score: z.number(),
      answers: Strings,
      screening: z.enum(['pass', 'fail', 'undetermined']),
      blockedBy: Strings,
      awaiting: Strings,
      decision: decision(['add', 'do-not-add']),
    }),
  ),
  route: z.strictObject({ decision: decision(['stay-the-course', 'adjust-route', 'recalibrate-destination']) }),
  nextPitStop: z.strictObject({ date: Day, planned: z.boolean(), why: z.nullable(z.string()) }),
  notes: z.array(noteSchema(NOTE_CODES)),
  policy: PitStopPolicySchema,
  version: z.string().check(z.minLength(1)),
});

/**
 * Schema of a stored {@link PitStopReport} (`schemaVersion: 1`), strict at every depth: every
 * decision cites rules of {@link PIT_STOP_RULES} and sources of `SOURCES`. Use
 * {@link parsePitStopReport} for a `ScalingNavigatorError` with a path.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PitStopReport } from 'scaling-navigator/pitstop';
 * PitStopReport.safeParse({ schemaVersion: 2 }).success //=> false
 * ```
 */
export const PitStopReport: z.ZodMiniType<PitStopReport> =
  /* @__PURE__ */ ReportShape as unknown as z.ZodMiniType<PitStopReport>;

const reportParsers = /* @__PURE__ */ schemaParsers(PitStopReport);

/**
 * Validates a stored pit-stop report (e.g. read back from a journey's JSON) and returns it.
 *
 * @category Pit stops
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path.
 * @example
 * ```ts
 * import { parsePitStopReport } from 'scaling-navigator/pitstop';
 * parsePitStopReport({ schemaVersion: 1 }) //=> throws INVALID_INPUT at ['asOf']
 * ```
 */
export function parsePitStopReport(input: unknown): PitStopReport {
  return reportParsers.parse(input);
}

/**
 * Like {@link parsePitStopReport}, but returns the error instead of throwing.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { safeParsePitStopReport } from 'scaling-navigator/pitstop';
 * const result = safeParsePitStopReport({ schemaVersion: 1 });
 * result.success ? null : result.error.path //=> ['asOf']
 * ```
 */
export function safeParsePitStopReport(input: unknown): SafeParseResult<PitStopReport> {
  return reportParsers.safeParse(input);
}
