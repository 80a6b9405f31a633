import { requireDistinctIds } from '../_lib/duplicates.js';
import { invalid } from '../_lib/errors.js';
import { requireLengthAtMost } from '../_lib/strict.js';
import { requireArray } from '../_lib/validate.js';
import { addColumns } from './_columns.js';
import { resolveReachConfig } from './_config.js';
import { finalizeState } from './_finalize.js';
import { batchSink, rowReader } from './_rows.js';
import { emptyState } from './_state.js';

const ROSTER = ['roster'] as const;
/** At most this many rows in the row form (the duplicate check keeps a 32-bit hash per row). */
const MAX_ROWS = 2 ** 31 - 1;
/** Rows counted per batch in the row form (≈ 10 MB of column buffers). */
const BATCH = 1 << 20;

import type { ReachColumns, ReachRow, SummarizeReachOptions } from './ReachRoster.js';
import type { ReachSummary } from './ReachSummary.js';

/**
 * A reach summary of a roster in row form (an array of {@link ReachRow}) or columnar form
 * ({@link ReachColumns}); both give identical results.
 *
 * For everyone, each focal group, their union ("furthest from opportunity"), students in no focal
 * group, requested intersections, and each unit at each level: n (eligible), excluded, reached
 * (≥ `minEngagements` in the period), the rate with its Wilson interval (stats
 * `proportionInterval`), mean engagements and an engagement histogram. For each group the gap to
 * everyone else and to the non-focal students (Newcombe's hybrid score interval), the risk ratio
 * under the IDEA n-size rule applied to the denominator only (34 CFR 300.647; an alternate ratio
 * against a larger unit when the local comparison group is too small), and the representation
 * index. Ineligible rows are counted as `excluded` and left out of every rate (RE-AIM reach:
 * participants ÷ eligible). Units with no rows are not listed.
 *
 * One pass over the rows, O(rows + units × populations). Memory grows with units and groups, not
 * rows, except for the duplicate-id check, which keeps a 32-bit hash per id (row form, or columns
 * with `ids`). For millions of people prefer the columnar form: it skips reading an object per
 * person (bench/README.md).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` (with the path of the value) for bad options, unknown
 *   keys in a row, its `units`, a columnar roster, the options or `period` (with a suggestion:
 *   `reached` → "did you mean `engagements`? a yes/no becomes 1 or 0"), holes in any array,
 *   negative or fractional engagements, duplicate ids, unknown focal groups, focal-group ids
 *   `everyone`, `union`, `none` or containing `&`, unequal column lengths, non-ISO dates
 *   (`engagedOn`, `enrolledOn`, `exitedOn`), an exit before enrolment, dated engagements without a
 *   period, or a unit missing a declared level. `LIMIT_EXCEEDED` for more than 8 focal groups, `minEngagements` or `histogramMax` above 1000, more than 2³¹ − 1 rows,
 *   people or unit-table entries (refused before anything is allocated), or more than 2²⁵ units ×
 *   focal-group combinations (2²⁸ histogram entries) in the counts.
 * @example
 * ```ts
 * import { summarizeReach } from 'scaling-navigator/reach';
 * const roster = [
 *   { id: 's1', units: { district: 'D1', school: 'S1' }, groups: ['el'], engagedOn: ['2024-09-10', '2025-02-03'] },
 *   { id: 's2', units: { district: 'D1', school: 'S1' }, groups: [], engagedOn: ['2024-10-01'] },
 *   { id: 's3', units: { district: 'D2', school: 'S1' }, groups: ['el'], engagedOn: [] },
 *   { id: 's4', units: { district: 'D2', school: 'S1' }, eligible: false },
 * ];
 * const summary = summarizeReach(roster, {
 *   focalGroups: ['el'],
 *   unitLevels: ['district', 'school'],
 *   minEngagements: 2,
 *   period: { start: '2024-08-01', end: '2025-07-31' },
 * });
 * summary.overall.n //=> 3
 * summary.overall.excluded //=> 1
 * summary.overall.reached //=> 1
 * summary.groups[0].rate //=> 0.5
 * summary.units.map((unit) => unit.id) //=> ['D1', 'D2', 'D1/S1', 'D2/S1']
 * const yesNo = [{ id: 's5', units: { district: 'D1', school: 'S1' }, reached: true }];
 * summarizeReach(yesNo as never, { focalGroups: ['el'], unitLevels: ['district', 'school'] }) //=> throws INVALID_INPUT at ['roster', 0, 'reached']
 * summarizeReach([], { focalGroups: ['union'], unitLevels: ['school'] }) //=> throws INVALID_INPUT at ['options', 'focalGroups', 0]
 * summarizeReach([], { focalGroups: ['el'], unitLevels: ['school'], minEngagements: 2 ** 27 }) //=> throws LIMIT_EXCEEDED at ['options', 'minEngagements']
 * ```
 */
export function summarizeReach(
  roster: readonly ReachRow[] | ReachColumns,
  options: SummarizeReachOptions,
): ReachSummary {
  const config = resolveReachConfig(options, ['options']);
  const state = emptyState(config);
  if (Array.isArray(roster)) {
    const rows = requireArray(roster, ['roster']);
    requireLengthAtMost(rows.length, ROSTER, MAX_ROWS, 'rows');
    const hashes = new Uint32Array(rows.length);
    const batch = batchSink(config, state, Math.min(rows.length, BATCH));
    const read = rowReader(config, state, hashes, batch.sink);
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index];
      if (row === undefined && !(index in rows))
        invalid([...ROSTER, index], 'a hole in the roster: every entry is a row');
      read(row, ROSTER, index);
    }
    batch.flush();
    requireDistinctIds(
      hashes,
      (index) => (rows[index] as ReachRow).id,
      (index) => [...ROSTER, index, 'id'],
    );
  } else if (typeof roster === 'object' && roster !== null) {
    addColumns(config, state, roster, ['roster']);
  } else {
    invalid(['roster'], 'expected an array of rows or a columnar roster');
  }
  return finalizeState(config, state);
}
