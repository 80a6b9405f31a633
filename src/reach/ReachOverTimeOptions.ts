import { keysOf } from '../_lib/strict.js';
import type { FocalGroup } from '../framework/FocalGroup.js';
import type { ReachTargetInput } from '../framework/ReachTarget.js';

/**
 * Options of {@link reachOverTime} (and of {@link reachTimeAccumulator}).
 *
 * - `focalGroups`: as {@link SummarizeReachOptions} (at most 8; not `everyone`, `union`, `none`).
 * - `unitLevels`: the unit levels of the rows' `units` (default none), checked as
 *   {@link summarizeReach} checks them, so the rows of a summary can be passed as they are; reach
 *   over time is reported for the whole roster, not per unit.
 * - `period`: the window (a school year), inclusive; day 1 is `period.start`.
 * - `asOf`: the day the data run to (no clock: always an argument), inside the period or after it
 *   (the analysis then ends at `period.end`); a student not reached by then is censored.
 * - `minEngagements`: the event is a student's `minEngagements`-th dated engagement while on the
 *   roster (default 1, or the target's, at most 1000).
 * - `every`: days between the points of each curve (default 7, at most 366); the last point is
 *   always `asOf`.
 * - `quantiles`: the shares reached whose dates are reported (default `[0.5]`; each in (0, 1), at
 *   most 20).
 * - `confidenceLevel`: of every interval (default 0.95).
 * - `target`, `arriveBy`, `window`: the projected arrival of a trip ticket's {@link framework!ReachTarget}
 *   from the last `window` days' pace (default 28), by the earliest of `arriveBy`, `target.by`
 *   and the end of the target's period (or of `period`).
 *
 * Unknown keys are errors with a suggestion; each option is read once.
 *
 * @category Reach
 */
export interface ReachOverTimeOptions {
  readonly focalGroups: readonly (FocalGroup | string)[];
  readonly unitLevels?: readonly string[];
  readonly period: { readonly start: string; readonly end: string };
  readonly asOf: string;
  readonly minEngagements?: number;
  readonly every?: number;
  readonly quantiles?: readonly number[];
  readonly confidenceLevel?: number;
  readonly target?: ReachTargetInput;
  readonly arriveBy?: string;
  readonly window?: number;
}

/**
 * A roster for {@link reachOverTime} in columnar form (the layout of an Apache Arrow table with a
 * `date32` list column): one entry per person in each typed array, dates as days since
 * 1970-01-01 (Arrow's `date32`).
 *
 * - `groupMasks[i]`: focal-group membership, bit `k` for `options.focalGroups[k]`.
 * - `engagementOffsets` (length people + 1, non-decreasing, starting at 0) and `engagementDays`:
 *   person `i`'s dated engagements are `engagementDays[engagementOffsets[i] … engagementOffsets[i + 1] − 1]`,
 *   in any order.
 * - `enrolledOn[i]` (optional): the day the person joined the roster (on or before `period.start`
 *   means all along); `exitedOn[i]` (optional): the day they left (after `asOf`, e.g. 2³¹ − 1,
 *   means still enrolled).
 * - `eligible[i]` (optional): 0 excludes the person.
 *
 * Other keys are an error; at most 2³¹ − 1 people.
 *
 * @category Reach
 */
export interface ReachTimeColumns {
  readonly groupMasks: Uint8Array;
  readonly engagementOffsets: Uint32Array | Int32Array;
  readonly engagementDays: Int32Array;
  readonly enrolledOn?: Int32Array;
  readonly exitedOn?: Int32Array;
  readonly eligible?: Uint8Array;
}

/** The keys of {@link ReachOverTimeOptions}. @internal */
export const TIME_OPTION_KEYS = /* @__PURE__ */ keysOf<ReachOverTimeOptions>()(
  'focalGroups',
  'unitLevels',
  'period',
  'asOf',
  'minEngagements',
  'every',
  'quantiles',
  'confidenceLevel',
  'target',
  'arriveBy',
  'window',
);

/** The keys of {@link ReachTimeColumns}. @internal */
export const TIME_COLUMN_KEYS = /* @__PURE__ */ keysOf<ReachTimeColumns>()(
  'groupMasks',
  'engagementOffsets',
  'engagementDays',
  'enrolledOn',
  'exitedOn',
  'eligible',
);
