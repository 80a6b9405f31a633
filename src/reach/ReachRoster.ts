import { type KeyHints, keysOf } from '../_lib/strict.js';
import type { FocalGroup } from '../framework/FocalGroup.js';
import type { ReachPolicy } from './reachPolicy.js';

/**
 * One person (or classroom, or school) of a reach roster in row form.
 *
 * - `id`: unique within the roster (duplicates are an error).
 * - `units`: the unit at each declared level, e.g. `{ district: 'D1', school: 'S4' }`; keys are
 *   composite, so school `S4` of two districts never merge.
 * - `groups`: the ids of the focal groups the person belongs to (any number, overlapping).
 * - `eligible`: `false` excludes the row from every denominator; it is counted as `excluded`
 *   (RE-AIM: report exclusions). Default `true`.
 * - `engagements`: a whole count ≥ 0, taken as already per period; or `engagedOn`: ISO dates, of
 *   which those inside `options.period` count (two entries on one day count twice). Neither means 0;
 *   both is an error.
 * - `enrolledOn` / `exitedOn` (optional ISO dates): when the person joined and left the roster, for
 *   {@link reachOverTime} (students join its risk sets when they enrol, and leaving is a competing
 *   event); {@link summarizeReach} checks them (ISO dates, no leaving before enrolling) and otherwise
 *   ignores them.
 *
 * Any other key (`reached`, a typo such as `group`) is an error with a suggestion, never ignored:
 * a yes/no column becomes `engagements: 1` or `0`. The `units` object holds exactly the declared
 * levels (a key that is not one is an error too).
 *
 * @category Reach
 */
export interface ReachRow {
  readonly id: string;
  readonly units: Readonly<Record<string, string>>;
  readonly groups?: readonly string[];
  readonly eligible?: boolean;
  readonly engagements?: number;
  readonly engagedOn?: readonly string[];
  readonly enrolledOn?: string;
  readonly exitedOn?: string;
}

/**
 * A reach roster in columnar form, for large data: one entry per person in each typed array.
 *
 * - `unitCodes[i]`: index into `units`, the table of unit paths (`{ district: 'D1', school: 'S4' }`).
 * - `groupMasks[i]`: focal-group membership as a bit mask, bit `k` for `options.focalGroups[k]`
 *   (so at most 8 focal groups).
 * - `engagements[i]`: whole engagements in the period (count dated engagements before building the
 *   columns).
 * - `eligible[i]` (optional): 0 excludes the person, anything else includes them.
 * - `ids` (optional): checked for duplicates when given (each id is hashed and the hashes
 *   radix-sorted: for millions of ids this costs several times the count itself).
 *
 * Gives exactly the same results as the same people in row form. Other keys are an error; at most
 * 2³¹ − 1 people and 2³¹ − 1 entries of `units` (`LIMIT_EXCEEDED` past that, before anything is
 * allocated); a hole in `units` or `ids` is an error with its index.
 *
 * @category Reach
 */
export interface ReachColumns {
  readonly unitCodes: Uint8Array | Uint16Array | Uint32Array | Int32Array;
  readonly units: readonly Readonly<Record<string, string>>[];
  readonly groupMasks: Uint8Array;
  readonly engagements: Uint8Array | Uint16Array | Uint32Array | Int32Array;
  readonly eligible?: Uint8Array;
  readonly ids?: readonly string[];
}

/**
 * Options of {@link summarizeReach} (and of {@link reachAccumulator}: {@link ReachAccumulatorOptions}).
 *
 * - `focalGroups`: the focal groups (as `FocalGroup`s or their ids), at most 8. An id may not be
 *   one of the built-in populations (`everyone`, `union`, `none`) nor contain `&` (which joins the
 *   members of an intersection's id), so every population of a summary has its own id.
 * - `unitLevels`: the unit levels from largest to smallest, e.g. `['district', 'school']`.
 * - `minEngagements`: engagements that count as reached (default 1, at most 1000).
 * - `period`: the window dated engagements are counted in (a school year), inclusive.
 * - `histogramMax`: the engagement histogram counts 0 … histogramMax − 1 exactly and
 *   histogramMax-or-more in its last bin (default max(10, minEngagements), at most 1000); a
 *   target's minimum can be evaluated later up to this value.
 * - `intersections`: focal-group combinations to report too, e.g. `[['poverty', 'el']]`.
 * - `confidenceLevel`: of the Wilson intervals (default 0.95).
 * - `policy`: overrides of {@link DEFAULT_REACH_POLICY}; the summary echoes the effective policy, and
 *   {@link evaluateReachTarget} and {@link suppressSmallCells} start from it.
 *
 * Unknown keys (here, in `period` and in a `FocalGroup`) are errors with a suggestion; each option
 * is read once.
 *
 * @category Reach
 */
export interface SummarizeReachOptions {
  readonly focalGroups: readonly (FocalGroup | string)[];
  readonly unitLevels: readonly string[];
  readonly minEngagements?: number;
  readonly period?: { readonly start: string; readonly end: string };
  readonly histogramMax?: number;
  readonly intersections?: readonly (readonly string[])[];
  readonly confidenceLevel?: number;
  readonly policy?: Partial<ReachPolicy>;
}

/**
 * Options of {@link reachAccumulator}: the same as {@link SummarizeReachOptions}, so that an
 * accumulator's `finalize` equals {@link summarizeReach} with them.
 *
 * @category Reach
 */
export type ReachAccumulatorOptions = SummarizeReachOptions;

/** The keys of a {@link ReachRow}. @internal */
export const ROW_KEYS = /* @__PURE__ */ keysOf<ReachRow>()(
  'id',
  'units',
  'groups',
  'eligible',
  'engagements',
  'engagedOn',
  'enrolledOn',
  'exitedOn',
);

/** What a caller who wrote another key of a row most likely meant. @internal */
export const ROW_HINTS: KeyHints = {
  reached: 'did you mean `engagements`? a yes/no becomes 1 or 0',
  engaged: 'did you mean `engagements`? a yes/no becomes 1 or 0',
  participated: 'did you mean `engagements`? a yes/no becomes 1 or 0',
  dates: 'did you mean `engagedOn`? (ISO dates, counted inside options.period)',
  unit: 'did you mean `units`? (the unit at each declared level, e.g. { school: "S4" })',
};

/** The keys of a {@link ReachColumns}. @internal */
export const COLUMN_KEYS = /* @__PURE__ */ keysOf<ReachColumns>()(
  'unitCodes',
  'units',
  'groupMasks',
  'engagements',
  'eligible',
  'ids',
);

/** The keys of {@link SummarizeReachOptions}. @internal */
export const OPTION_KEYS = /* @__PURE__ */ keysOf<SummarizeReachOptions>()(
  'focalGroups',
  'unitLevels',
  'minEngagements',
  'period',
  'histogramMax',
  'intersections',
  'confidenceLevel',
  'policy',
);

/** The keys of `options.period`. @internal */
export const PERIOD_KEYS = /* @__PURE__ */ keysOf<NonNullable<SummarizeReachOptions['period']>>()('start', 'end');

/** The keys of a {@link FocalGroup} given as an object. @internal */
export const FOCAL_GROUP_KEYS = /* @__PURE__ */ keysOf<FocalGroup>()('id', 'label', 'definition');
