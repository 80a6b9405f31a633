import * as z from 'zod/mini';
import { type PolicyFields, policyDefinition } from '../_lib/policy.js';

/**
 * The thresholds {@link evaluatePitStop}, {@link assessStage} and {@link evaluatePortfolio} apply;
 * see {@link DEFAULT_PIT_STOP_POLICY}.
 *
 * @category Policies
 */
export interface PitStopPolicy {
  /** The smallest standardized effect (Hedges' g) worth keeping a strategy for; in [0, 2]. */
  readonly minUsefulEffect: number;
  /** A focal group whose reach rate trails everyone else's by more than this is left behind; in [0, 1]. */
  readonly maxReachGap: number;
  /** A focal group whose reach rate rose less than everyone else's by more than this (since the previous summary) is falling behind; in [0, 1]. */
  readonly maxPaceGap: number;
  /** A step not done this many days after its date is overdue; whole number in [0, 365]. */
  readonly overdueAfterDays: number;
  /** The longest gap between pit stops, in days; whole number in [1, 730]. */
  readonly maxDaysBetweenStops: number;
  /** How many suggested strategies to screen as additions; whole number in [0, 8]. */
  readonly maxAdditions: number;
  /** The portfolio's smallest count of students shown; smaller counts are suppressed; whole number in [1, 1000]. */
  readonly minCellSize: number;
}

const share = z.number().check(z.gte(0), z.lte(1));
const whole = (min: number, max: number) => z.number().check(z.multipleOf(1), z.gte(min), z.lte(max));

/** @internal */
export const pitStopPolicyFields = {
  minUsefulEffect: z.number().check(z.gte(0), z.lte(2)),
  maxReachGap: share,
  maxPaceGap: share,
  overdueAfterDays: whole(0, 365),
  maxDaysBetweenStops: whole(1, 730),
  maxAdditions: whole(0, 8),
  minCellSize: whole(1, 1000),
} satisfies PolicyFields<PitStopPolicy>;

/** @internal */
export const pitStopPolicyDefinition = /* @__PURE__ */ policyDefinition<PitStopPolicy>({
  defaults: {
    minUsefulEffect: 0.25,
    maxReachGap: 0.05,
    maxPaceGap: 0.05,
    overdueAfterDays: 0,
    maxDaysBetweenStops: 90,
    maxAdditions: 3,
    minCellSize: 10,
  },
  fields: pitStopPolicyFields,
});

/**
 * The default thresholds of a pit stop, with their sources.
 *
 * - `minUsefulEffect: 0.25` — the What Works Clearinghouse treats an effect of at least 0.25
 *   standard deviations as substantively important. A strategy is removed only when its effect
 *   interval lies wholly below this; an interval that spans it is undetermined.
 * - `maxReachGap: 0.05`, `maxPaceGap: 0.05` — five percentage points of reach (level, or gain since
 *   the previous summary) between a focal group and everyone else. The Carnegie framework asks who
 *   has been left behind but sets no number: our judgement, overridable.
 * - `overdueAfterDays: 0` — as the strategy-set review: a step is overdue the day after its date.
 * - `maxDaysBetweenStops: 90` — about a school term; the Carnegie framework (Tool #1) asks for
 *   planned pit-stop dates without fixing an interval: our judgement.
 * - `maxAdditions: 3` — the strongest three suggestions are screened as additions; a team takes on
 *   few new strategies at once (our judgement).
 * - `minCellSize: 10` — the most common minimum group size in states' reporting (NCES SLDS
 *   Technical Brief 3).
 *
 * @category Policies
 * @example
 * ```ts
 * import { DEFAULT_PIT_STOP_POLICY } from 'scaling-navigator/pitstop';
 * DEFAULT_PIT_STOP_POLICY.minUsefulEffect //=> 0.25
 * DEFAULT_PIT_STOP_POLICY.maxDaysBetweenStops //=> 90
 * ```
 */
export const DEFAULT_PIT_STOP_POLICY: PitStopPolicy = pitStopPolicyDefinition.defaults;

/**
 * Validates overrides and merges them over {@link DEFAULT_PIT_STOP_POLICY}.
 *
 * @category Policies
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys or values out of range.
 * @example
 * ```ts
 * import { definePitStopPolicy } from 'scaling-navigator/pitstop';
 * definePitStopPolicy({ minUsefulEffect: 0.1 }).minUsefulEffect //=> 0.1
 * definePitStopPolicy({ maxDaysBetweenStops: 0 }) //=> throws INVALID_INPUT at ['policy', 'maxDaysBetweenStops']
 * definePitStopPolicy({ minUsefullEffect: 0.1 } as never) //=> throws INVALID_INPUT at ['policy', 'minUsefullEffect']
 * ```
 */
export function definePitStopPolicy(overrides: Partial<PitStopPolicy> = {}): PitStopPolicy {
  return pitStopPolicyDefinition.resolve(overrides, ['policy']);
}

/** A complete effective policy, as a stored report carries it. @internal */
export const PitStopPolicySchema = /* @__PURE__ */ z.strictObject(pitStopPolicyFields);
