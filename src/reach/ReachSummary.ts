import type { Note } from '../_lib/notes.js';
import type { ReachPolicy } from './reachPolicy.js';

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
