import { hashString, requireDistinctIds } from '../_lib/duplicates.js';
import { invalid } from '../_lib/errors.js';
import { requireLengthAtMost } from '../_lib/strict.js';
import { addTimeColumns } from './_timeColumns.js';
import { resolveTimeConfig } from './_timeConfig.js';
import { finalizeTime } from './_timeFinalize.js';
import { addTimeRow, emptyTimeState, TimeAdder } from './_timeState.js';
import type { ReachOverTimeOptions, ReachTimeColumns } from './ReachOverTimeOptions.js';
import type { ReachOverTimeReport } from './ReachOverTimeReport.js';
import type { ReachRow } from './ReachRoster.js';

const ROSTER = ['roster'] as const;

/**
 * Were the focal groups reached first? The share of each population reached over a period, as
 * the survival question it is (a snapshot, or counting only the reached, cannot say).
 *
 * For everyone, each focal group, their union and the students in no focal group (`none`):
 *
 * - the share reached by each day as 1 − S(t), S the Kaplan–Meier estimate with delayed entry
 *   (students join the risk set when they enrol; leaving the roster censors), with Greenwood's
 *   variance and R's default log interval; beside it, because students who leave cannot be reached
 *   (and focal students leave more often), the Aalen–Johansen cumulative incidence of reach with
 *   leaving as a competing event — the share actually reached, never above 1 − S;
 * - the date each share in `quantiles` was reached, and R `quantile.survfit`'s quantile with its
 *   interval (absent when the share never reached it);
 * - the restricted mean days unreached over the analysis (R `print(survfit, rmean = τ)`);
 *
 * and for each focal group and the union against `none`: the log-rank test with left truncation
 * (R `survdiff`'s hypergeometric variance over the counting-process risk sets; R's `survdiff`
 * itself takes no delayed entry), Peto's hazard ratio and the restricted-mean difference. With a
 * `target`, a projected arrival at the last `window` days' pace with an exact Poisson interval,
 * labelled as a pace scenario.
 *
 * The event is a student's `minEngagements`-th engagement while on the roster: from
 * max(`enrolledOn`, period.start) to the earlier of `exitedOn` (the last day on the roster; it
 * counts) and `asOf`. A student reached on the day they leave is reached. Time is in days of the
 * period (day 1 = `period.start`); students are at risk on day t when they enrolled before or on it
 * and were still unreached at its start. Rows with `eligible: false` are counted as excluded.
 *
 * O(people + engagements + days × 2^groups); memory grows with days × focal-group combinations,
 * not people. For sharded data use {@link reachTimeAccumulator} (its `finalize` equals this).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for bad options (unknown keys with a suggestion,
 *   asOf before the period, a target naming an unknown focal group or another `minEngagements`),
 *   bad rows (unknown keys, a count `engagements` instead of dates, non-ISO dates, leaving before
 *   enrolling, unknown focal groups) or columns; `LIMIT_EXCEEDED` for more than 8 focal groups or
 *   more than 3,660 days analysed.
 * @example
 * ```ts
 * import { reachOverTime } from 'scaling-navigator/reach';
 * const roster = [
 *   { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-03'] },
 *   { id: 'b', units: {}, groups: ['el'], engagedOn: [], exitedOn: '2024-09-04' },
 *   { id: 'c', units: {}, engagedOn: ['2024-09-02'] },
 *   { id: 'd', units: {}, engagedOn: ['2024-09-05'], enrolledOn: '2024-09-03' },
 * ];
 * const result = reachOverTime(roster, { focalGroups: ['el'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-06', every: 5 });
 * result.populations[0].curve.at(-1).share //=> 1
 * result.populations[0].curve.at(-1).incidence.toFixed(3) //=> '0.778'
 * result.populations[1].quantiles[0].reachedOn //=> '2024-09-03'
 * reachOverTime(roster, { focalGroups: ['el'], period: { start: '2024-09-02', end: '2025-06-30' }, asof: '2024-09-06' } as never) //=> throws INVALID_INPUT at ['options', 'asof']
 * ```
 */
export function reachOverTime(
  roster: readonly ReachRow[] | ReachTimeColumns,
  options: ReachOverTimeOptions,
): ReachOverTimeReport {
  const config = resolveTimeConfig(options, ['options']);
  const state = emptyTimeState(config);
  const adder = new TimeAdder(config, state);
  if (Array.isArray(roster)) {
    requireLengthAtMost(roster.length, ROSTER, 2 ** 31 - 1, 'rows');
    // The duplicate check keeps a 32-bit hash per id (as summarizeReach), not the ids.
    const hashes = new Uint32Array(roster.length);
    const buffer: number[] = [];
    for (let index = 0; index < roster.length; index += 1) {
      const row = roster[index];
      if (row === undefined && !(index in roster))
        invalid([...ROSTER, index], 'a hole in the roster: every entry is a row');
      hashes[index] = hashString(addTimeRow(config, adder, row, ROSTER, index, buffer));
    }
    requireDistinctIds(
      hashes,
      (index) => (roster[index] as ReachRow).id,
      (index) => [...ROSTER, index, 'id'],
    );
  } else if (typeof roster === 'object' && roster !== null) {
    addTimeColumns(config, adder, roster, ROSTER);
  } else {
    invalid(ROSTER, 'expected an array of rows or a columnar roster');
  }
  return finalizeTime(config, state);
}
