import type { Note } from '../_lib/notes.js';
import type { ReachGroupStats, ReachStats } from './ReachSummary.js';
import type { ReachPolicy } from './reachPolicy.js';

/**
 * A published rate that is only bounded: `below` — the rate is under `value` (fewer than
 * `minCellSize` reached); `above` — the rate is over `value` (fewer than `minCellSize` not reached).
 *
 * @category Reach
 */
export interface CodedRate {
  readonly bound: 'below' | 'above';
  readonly value: number;
}

/**
 * A population's reach after suppression: a hidden count is `null`, and so is every statistic
 * derived from it. Histograms are never published (their bins are small counts).
 *
 * @category Reach
 */
export interface SuppressedReachStats {
  readonly n: number | null;
  readonly excluded: number | null;
  readonly reached: number | null;
  readonly rate: number | null;
  readonly rateCoded: CodedRate | null;
  readonly interval: readonly [number, number] | null;
  readonly meanEngagements: number | null;
  /** Why a count is hidden, one note per hidden count (its `field`: `n`, `reached`, `excluded`, `rest.n`, `rest.reached`). */
  readonly notes: readonly Note<SuppressionNoteCode>[];
}

/**
 * A group's reach and comparisons after suppression: the fields of {@link ReachGroupStats} (its
 * gaps, ratios and intervals are `null` when derived from a hidden count), with the counts of
 * {@link SuppressedReachStats} and a `rest` whose hidden counts are `null`. The summary's notes
 * are not carried over (they name counts, e.g. a group's size under the n-size); the notes say
 * which counts are hidden and why.
 *
 * @category Reach
 */
export interface SuppressedReachGroup extends SuppressedReachStats, Omit<ReachGroupStats, keyof ReachStats | 'rest'> {
  readonly rest: { readonly n: number | null; readonly reached: number | null; readonly rate: number | null };
}

/**
 * One scope (overall or a unit) after suppression.
 *
 * @category Reach
 */
export interface SuppressedReachBreakdown {
  readonly overall: SuppressedReachStats;
  readonly groups: readonly SuppressedReachGroup[];
  readonly union: SuppressedReachGroup;
  readonly none: SuppressedReachGroup;
  readonly intersections: readonly SuppressedReachGroup[];
}

/**
 * One hidden count and why: `below-min-cell-size` — fewer than `minCellSize` people;
 * `near-0-or-100` — fewer than `minCellSize` reached or not reached (the rate is top- or
 * bottom-coded); `group-hidden` —
 * the group's n is hidden, so its reach is too; `complementary` — hidden so that the others cannot
 * be recomputed from totals. `unit` is `null` for overall; `population` is a group id, `everyone`,
 * or `rest:<id>` for everyone outside a group.
 *
 * @category Reach
 */
export interface SuppressedCell {
  readonly unit: string | null;
  readonly population: string;
  readonly count: 'n' | 'reached' | 'excluded';
  readonly reason: 'below-min-cell-size' | 'near-0-or-100' | 'group-hidden' | 'complementary';
}

/**
 * Why a count of a suppressed report is hidden (the {@link SuppressedCell} reasons as note codes):
 *
 * - `BELOW_MIN_CELL_SIZE` — fewer than `minCellSize` people.
 * - `NEAR_0_OR_100` — fewer than `minCellSize` reached or not reached: the rate is top- or
 *   bottom-coded (`rateCoded`).
 * - `GROUP_HIDDEN` — the population's n is hidden, so its reached count is too.
 * - `COMPLEMENTARY` — hidden so that another hidden count cannot be recomputed from totals.
 * - `COUNTS_SUPPRESSED` — on the report: how many counts were hidden (field `suppressed`).
 *
 * @category Reach
 */
export type SuppressionNoteCode =
  | 'BELOW_MIN_CELL_SIZE'
  | 'NEAR_0_OR_100'
  | 'GROUP_HIDDEN'
  | 'COMPLEMENTARY'
  | 'COUNTS_SUPPRESSED';

/**
 * The result of {@link suppressSmallCells}: the summary's shape with hidden values `null`, the
 * units of the published levels only, and the list of what was hidden and why.
 *
 * @category Reach
 */
export interface SuppressedReachReport extends SuppressedReachBreakdown {
  /** The effective policy: the summary's, with `options.policy` on top (`minCellSize` applies here). */
  readonly policy: ReachPolicy;
  readonly hierarchy: readonly string[];
  readonly focalGroups: readonly string[];
  readonly minEngagements: number;
  readonly units: readonly (SuppressedReachBreakdown & {
    readonly id: string;
    readonly level: string;
    readonly code: string;
    readonly path: readonly string[];
    readonly parent: string | null;
  })[];
  readonly suppressed: readonly SuppressedCell[];
  /** About the report as a whole (how many counts were hidden); empty when nothing was. */
  readonly notes: readonly Note<SuppressionNoteCode>[];
}

/**
 * Options of {@link suppressSmallCells}.
 *
 * - `policy`: overrides of the summary's policy (its `minCellSize` applies here).
 * - `hierarchy`: the published unit levels (default all of the summary's).
 *
 * @category Reach
 */
export interface SuppressSmallCellsOptions {
  readonly policy?: Partial<ReachPolicy>;
  readonly hierarchy?: readonly string[];
}
