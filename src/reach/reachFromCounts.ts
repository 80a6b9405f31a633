import { resolveReachConfig } from './_config.js';
import { addCounts, requireLevelNames } from './_counts.js';
import { finalizeState } from './_finalize.js';
import { emptyState } from './_state.js';
import type { SummarizeReachOptions } from './ReachRoster.js';
import type { ReachSummary } from './ReachSummary.js';

/**
 * A whole count as an engine's driver returns it: a number, a `bigint` (INT64) or a string of
 * decimal digits (PostgreSQL drivers return `bigint` and `numeric` so).
 *
 * @category Reach
 */
export type ReachCount = number | bigint | string;

/**
 * One row of an engine's `GROUP BY` over a roster (what {@link reachCountsQuery} selects): the
 * people who share a unit path, a focal-group mask, an eligibility and a capped engagement count.
 *
 * - one key per unit level (`options.unitLevels`), the unit's code as a string;
 * - `group_mask`: bit `k` for `options.focalGroups[k]` — or `groups`, the focal-group ids (give one;
 *   neither means no focal group only when there are none);
 * - `eligible` (optional, default `true`): `false` / `0` counts the people as excluded;
 * - `engagements`: `LEAST(engagements, histogramMax)`, the histogram bin;
 * - `people`: `COUNT(*)`;
 * - `engagement_sum`: `SUM(engagements)` — needed for eligible rows in the top bin (the mean
 *   engagements of people past `histogramMax`); elsewhere checked when given.
 *
 * @category Reach
 */
export interface ReachCountRow {
  readonly [column: string]: unknown;
  readonly group_mask?: number | bigint;
  readonly groups?: readonly string[];
  readonly eligible?: boolean | number | bigint;
  readonly engagements: ReachCount;
  readonly people: ReachCount;
  readonly engagement_sum?: ReachCount | null;
}

/**
 * Count rows as rows ({@link ReachCountRow} objects, e.g. DuckDB's `getRowObjectsJS()`, PGlite's
 * `rows`) or as columns (one array or typed array per column, all of one length, e.g. DuckDB's
 * `getColumnsObjectJS()` or an Arrow table's children `toArray()`).
 *
 * @category Reach
 */
export type ReachCounts = readonly ReachCountRow[] | Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * The {@link ReachSummary} of a roster from the small table of counts an engine's `GROUP BY`
 * returns — the same summary, exactly, as {@link summarizeReach} gives on the same people, since
 * a count row holds everything the accumulator keeps (a histogram bin of a unit × focal-group
 * cell, or its excluded count, and the sum of engagements past the top bin). Count the roster
 * where it lives (DuckDB, PostgreSQL, BigQuery, Spark, Snowflake: {@link reachCountsQuery} writes
 * the SQL) and bring only the counts here.
 *
 * Rows with the same key add up, so the counts of several shards or tables may simply be
 * concatenated. Counts may be `bigint` (INT64) or decimal strings; above 2⁵³ − 1 — for one count
 * or for the totals — is `LIMIT_EXCEEDED`, never a rounded count. O(count rows + units × populations).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for bad options (as {@link summarizeReach}), a unit
 *   level named as a count column, unknown columns (with a suggestion: `count` → `people`), a
 *   missing or non-string unit code (a SQL NULL), a negative or fractional count, a mask beyond the
 *   focal groups, an unknown focal group in `groups`, `engagements` above `histogramMax`, an
 *   `engagement_sum` that cannot be the sum of the row's people, or columns of unequal length;
 *   `LIMIT_EXCEEDED` for counts past 2⁵³ − 1, more than 2³¹ − 1 count rows or 2²⁵ unit ×
 *   focal-group cells.
 * @example
 * ```ts
 * import { reachFromCounts } from 'scaling-navigator/reach';
 * const options = { focalGroups: ['el'], unitLevels: ['school'], histogramMax: 3 };
 * const counts = [
 *   { school: 'S1', group_mask: 1, engagements: 0, people: 4n, engagement_sum: 0n },
 *   { school: 'S1', group_mask: 1, engagements: 3, people: 6n, engagement_sum: 25n },
 *   { school: 'S1', group_mask: 0, engagements: 1, people: 10n, engagement_sum: 10n },
 *   { school: 'S2', group_mask: 0, eligible: false, engagements: 0, people: 2n, engagement_sum: 0n },
 * ];
 * const summary = reachFromCounts(counts, options);
 * summary.overall.n //=> 20
 * summary.overall.excluded //=> 2
 * summary.groups[0].reached //=> 6
 * reachFromCounts([{ school: 'S1', group_mask: 0, engagements: 0, count: 1 }] as never, options) //=> throws INVALID_INPUT at ['counts', 0, 'count']
 * reachFromCounts([{ school: 'S1', group_mask: 0, engagements: 0, people: 2n ** 60n }], options) //=> throws LIMIT_EXCEEDED at ['counts', 0, 'people']
 * ```
 */
export function reachFromCounts(counts: ReachCounts, options: SummarizeReachOptions): ReachSummary {
  const config = resolveReachConfig(options, ['options']);
  requireLevelNames(config, ['options']);
  const state = emptyState(config);
  addCounts(config, state, counts, ['counts']);
  return finalizeState(config, state);
}
