import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import {
  breakdownShape,
  Count,
  checkBreakdown,
  checkUnique,
  type Issue,
  StoredReachPolicy,
} from './_reachSummarySchema.js';
import type { ReachPolicy } from './reachPolicy.js';

/** Schema parts shared with the suppressed report. @internal */
export {
  Count,
  Difference,
  DifferenceInterval,
  GroupKind,
  Interval,
  NonNegative,
  notesSchema,
  Rate,
  StoredReachPolicy,
} from './_reachSummarySchema.js';

/**
 * Why a reach statistic is `null`:
 *
 * - `EMPTY` — nobody (eligible) in this population.
 * - `EMPTY_COMPARISON` — nobody (eligible) outside the group, so no gap or ratio.
 * - `NO_NON_FOCAL` — nobody in no focal group, so no gap to them.
 * - `GROUP_BELOW_MIN_PEOPLE` — the group is under the policy's `minPeople`: no risk ratio (IDEA n-size rule,
 *   denominator only).
 * - `COMPARISON_BELOW_MIN_PEOPLE` — the local comparison group is under `minPeople`: the ratio is the
 *   alternate ratio against the nearest larger unit whose comparison group meets it.
 * - `NO_LARGER_COMPARISON` — no larger unit has a comparison group of `minPeople` or more.
 * - `ZERO_COMPARISON_RATE` — the comparison group's rate is 0: a ratio against it does not exist.
 * - `NOBODY_REACHED` — nobody was reached, so there is no representation index.
 *
 * @category Reach
 */
export type ReachNoteCode =
  | 'EMPTY'
  | 'EMPTY_COMPARISON'
  | 'NO_NON_FOCAL'
  | 'GROUP_BELOW_MIN_PEOPLE'
  | 'COMPARISON_BELOW_MIN_PEOPLE'
  | 'NO_LARGER_COMPARISON'
  | 'ZERO_COMPARISON_RATE'
  | 'NOBODY_REACHED';

/**
 * Reach of one population (everyone, a focal group, …) in one unit or overall.
 *
 * `n` counts the eligible, `excluded` the ineligible rows (RE-AIM: report exclusions), `reached`
 * those with at least `minEngagements`; `rate` = reached ÷ n with its Wilson `interval`;
 * `histogram[k]` counts people with exactly k engagements for k < `histogramMax` and the last bin
 * those with `histogramMax` or more.
 *
 * @category Reach
 */
export interface ReachStats {
  readonly n: number;
  readonly excluded: number;
  readonly reached: number;
  readonly rate: number | null;
  readonly interval: readonly [number, number] | null;
  readonly meanEngagements: number | null;
  readonly histogram: readonly number[];
  /** Why a statistic is `null` (each note names its `field`); empty when there is nothing to say. */
  readonly notes: readonly Note<ReachNoteCode>[];
}

/**
 * The comparison group of a population: everyone in the unit outside it.
 *
 * @category Reach
 */
export interface ReachComparison {
  readonly n: number;
  readonly reached: number;
  readonly rate: number | null;
}

/**
 * A focal group (or the union, the non-focal students, an intersection) in one unit or overall,
 * with its comparisons.
 *
 * - `kind`: `'focal'` (id = the focal group's id), `'union'` (in any focal group; "furthest from
 *   opportunity"), `'none'` (in no focal group), `'intersection'` (in all of `members`; id joins
 *   them with `&`).
 * - `rest`: everyone else in the unit. `gap` = rate − rest rate with Newcombe's hybrid Wilson
 *   interval (`gapInterval`); `gapToNone` the same against students in no focal group (groups
 *   overlap, so "everyone else" hides part of the difference). Gaps are always shown when both
 *   rates exist.
 * - `riskRatio` = rate ÷ rest rate, only when the group and the comparison reach the n-size; when
 *   only the comparison is too small, `alternateRiskRatio` divides by the comparison rate of the
 *   nearest larger unit (`alternateComparisonUnit`, `null` = overall) that reaches it.
 * - `representationIndex` = (share of the reached who are in the group) ÷ (share of the
 *   population who are): 1 is proportional, under 1 under-represented.
 *
 * @category Reach
 */
export interface ReachGroupStats extends ReachStats {
  readonly id: string;
  readonly kind: 'focal' | 'union' | 'none' | 'intersection';
  readonly members: readonly string[];
  readonly rest: ReachComparison;
  readonly gap: number | null;
  readonly gapInterval: readonly [number, number] | null;
  readonly gapToNone: number | null;
  readonly gapToNoneInterval: readonly [number, number] | null;
  readonly riskRatio: number | null;
  readonly alternateRiskRatio: number | null;
  readonly alternateComparisonUnit: string | null;
  readonly representationIndex: number | null;
}

/**
 * Reach in one population scope (overall or one unit): everyone, each focal group, their union,
 * the non-focal students and any requested intersections.
 *
 * @category Reach
 */
export interface ReachBreakdown {
  readonly overall: ReachStats;
  readonly groups: readonly ReachGroupStats[];
  readonly union: ReachGroupStats;
  readonly none: ReachGroupStats;
  readonly intersections: readonly ReachGroupStats[];
}

/**
 * One unit (a district, a school, …). `id` joins the codes of `path` with `/` (a `/` or `%` inside
 * a code is written `%2F` / `%25`), so school `S4` of district `D1` is `D1/S4`; `parent` is the
 * id of the unit above, `null` at the top level.
 *
 * @category Reach
 */
export interface ReachUnitSummary extends ReachBreakdown {
  readonly id: string;
  readonly level: string;
  readonly code: string;
  readonly path: readonly string[];
  readonly parent: string | null;
}

/**
 * The result of {@link summarizeReach} (and of an accumulator's `finalize`): reach overall and in
 * every unit, with the effective options echoed.
 *
 * @category Reach
 */
export interface ReachSummary extends ReachBreakdown {
  /** The version of this result's shape (1); a stored summary with a newer one is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  readonly focalGroups: readonly string[];
  readonly unitLevels: readonly string[];
  readonly minEngagements: number;
  readonly histogramMax: number;
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly confidenceLevel: number;
  readonly policy: ReachPolicy;
  /** Rows read, eligible or not. */
  readonly rows: number;
  readonly units: readonly ReachUnitSummary[];
}

/** The `schemaVersion` this version of the library writes for {@link ReachSummary}. @internal */
export const REACH_SUMMARY_VERSION = 1;

/**
 * Schema of a {@link ReachSummary} as stored or sent (JSON): every field of the current
 * `schemaVersion` (1), no unknown keys, finite numbers (counts whole and ≥ 0, rates and interval
 * bounds in [0, 1], gaps in [−1, 1]), the policy present and valid, unique focal-group, level and
 * unit ids, and the counts that cost nothing to check consistent: reached ≤ n, rate = reached ÷ n,
 * histograms that add up to n and reached, comparison groups that are everyone else, focal groups
 * in the summary's order, unit levels among `unitLevels`.
 *
 * @category Reach
 * @example
 * ```ts
 * import { ReachSummary, summarizeReach } from 'scaling-navigator/reach';
 * const summary = summarizeReach([{ id: 'a', units: { school: 'A' }, engagements: 1 }], { focalGroups: [], unitLevels: ['school'] });
 * ReachSummary.safeParse(JSON.parse(JSON.stringify(summary))).success //=> true
 * ReachSummary.safeParse({ ...summary, policy: undefined }).success //=> false
 * ```
 */
export const ReachSummary: z.ZodMiniType<ReachSummary> = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: z.literal(REACH_SUMMARY_VERSION),
    ...breakdownShape,
    focalGroups: z.array(z.string()),
    unitLevels: z.array(z.string()),
    minEngagements: z.int().check(z.gte(1)),
    histogramMax: z.int().check(z.gte(1)),
    period: z.nullable(z.strictObject({ start: z.string(), end: z.string() })),
    confidenceLevel: z.number().check(z.gt(0), z.lt(1)),
    policy: StoredReachPolicy,
    rows: Count,
    units: z.array(
      z.strictObject({
        id: z.string(),
        level: z.string(),
        code: z.string(),
        path: z.array(z.string()),
        parent: z.nullable(z.string()),
        ...breakdownShape,
      }),
    ),
  })
  .check(
    crossCheck((summary, context) => {
      const issue = (entry: Issue) => context.issues.push({ code: 'custom', input: undefined, ...entry });
      checkUnique(summary.focalGroups, (index) => ['focalGroups', index], 'focal group', issue);
      checkUnique(summary.unitLevels, (index) => ['unitLevels', index], 'unit level', issue);
      checkUnique(
        summary.units.map((unit) => unit.id),
        (index) => ['units', index, 'id'],
        'unit id',
        issue,
      );
      if (summary.minEngagements > summary.histogramMax) {
        issue({ message: 'minEngagements exceeds histogramMax', path: ['minEngagements'] });
      }
      checkBreakdown(summary as ReachSummary, summary, [], issue);
      summary.units.forEach((unit, index) => {
        if (!summary.unitLevels.includes(unit.level)) {
          issue({ message: `unknown unit level ${JSON.stringify(unit.level)}`, path: ['units', index, 'level'] });
        }
        checkBreakdown(unit as ReachUnitSummary, summary, ['units', index], issue);
      });
    }),
  ) as unknown as z.ZodMiniType<ReachSummary>;

/** How {@link readStored} reads a summary. @internal */
export const REACH_SUMMARY_TYPE: StoredType<ReachSummary> = {
  name: 'reach summary',
  version: REACH_SUMMARY_VERSION,
  schema: ReachSummary,
};

/**
 * Validates a stored or received reach summary (e.g. JSON from a warehouse) against
 * {@link ReachSummary}; the input is not mutated.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseReachSummary, summarizeReach } from 'scaling-navigator/reach';
 * const summary = summarizeReach([{ id: 'a', units: { school: 'A' }, engagements: 1 }], { focalGroups: [], unitLevels: ['school'] });
 * parseReachSummary(JSON.parse(JSON.stringify(summary))).overall.n //=> 1
 * parseReachSummary({ ...summary, overall: { ...summary.overall, rate: 2 } }) //=> throws INVALID_INPUT at ['overall', 'rate']
 * ```
 */
export const parseReachSummary: (input: unknown) => ReachSummary = /* @__PURE__ */ schemaParsers(ReachSummary).parse;

/**
 * Like {@link parseReachSummary}, but returns the error instead of throwing.
 *
 * @category Reach
 * @example
 * ```ts
 * import { safeParseReachSummary, summarizeReach } from 'scaling-navigator/reach';
 * const summary = summarizeReach([{ id: 'a', units: { school: 'A' }, engagements: 1 }], { focalGroups: [], unitLevels: ['school'] });
 * const result = safeParseReachSummary({ ...summary, policy: undefined });
 * result.success ? null : result.error.path //=> ['policy']
 * ```
 */
export const safeParseReachSummary: (input: unknown) => SafeParseResult<ReachSummary> =
  /* @__PURE__ */ schemaParsers(ReachSummary).safeParse;
