import { addTimeColumns } from './_timeColumns.js';
import { resolveTimeConfig } from './_timeConfig.js';
import { finalizeTime } from './_timeFinalize.js';
import {
  addTimeRow,
  emptyTimeState,
  mergeTimeInto,
  type ReachTimeState,
  requireTimeState,
  TimeAdder,
} from './_timeState.js';
import type { ReachOverTimeOptions, ReachTimeColumns } from './ReachOverTimeOptions.js';
import type { ReachOverTimeReport } from './ReachOverTimeReport.js';
import type { ReachRow } from './ReachRoster.js';

export type { ReachTimeState } from './_timeState.js';

/**
 * A reach-over-time aggregate with the shape of a warehouse's JavaScript aggregate function
 * (`init / add / addColumns / merge / finalize`, as {@link reachAccumulator}).
 *
 * @category Reach
 */
export interface ReachTimeAccumulator {
  /** A new, empty state. */
  init(): ReachTimeState;
  /** Adds one row to `state` and returns it. */
  add(state: ReachTimeState, row: ReachRow): ReachTimeState;
  /** Adds a columnar batch to `state` and returns it. */
  addColumns(state: ReachTimeState, columns: ReachTimeColumns): ReachTimeState;
  /** A new state holding both; neither argument changes. */
  merge(a: ReachTimeState, b: ReachTimeState): ReachTimeState;
  /** The report of everything added: equal to {@link reachOverTime} over the same people. */
  finalize(state: ReachTimeState): ReachOverTimeReport;
}

/**
 * A reach-over-time accumulator for sharded data: the state holds whole counts per focal-group
 * combination × day (entries into the risk set, reached, left unreached, still unreached), so
 * merged shards equal one pass exactly, whatever the split. A person must land in one shard (use
 * {@link shardOf} on the id); duplicate ids are caught by {@link reachOverTime}, not here.
 *
 * O(people + engagements) to add (a state this accumulator has not seen is checked in full
 * first); O(2^groups × days) to merge, check or finalize (states are checked in full there); memory
 * 2^groups × days × 4 float64 per state (256 × 366 days: 3 MB).
 *
 * @category Reach
 * @throws ScalingNavigatorError as {@link reachOverTime} for options, rows and columns;
 *   `INVALID_INPUT` for a damaged state (path of the damage); `INCOMPATIBLE` for a state made with
 *   other options (`['b', 'fingerprint']`).
 * @example
 * ```ts
 * import { reachTimeAccumulator, shardOf } from 'scaling-navigator/reach';
 * const options = { focalGroups: ['el'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-30' };
 * const acc = reachTimeAccumulator(options);
 * const rows = [
 *   { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-10'] },
 *   { id: 'b', units: {}, engagedOn: [] },
 * ];
 * const shards = [acc.init(), acc.init()];
 * for (const row of rows) acc.add(shards[shardOf(row.id, 2)], row);
 * acc.finalize(acc.merge(shards[0], shards[1])).populations[1].reached //=> 1
 * const other = reachTimeAccumulator({ ...options, asOf: '2024-10-31' });
 * acc.merge(shards[0], other.init()) //=> throws INCOMPATIBLE at ['b', 'fingerprint']
 * ```
 */
export function reachTimeAccumulator(options: ReachOverTimeOptions): ReachTimeAccumulator {
  const config = resolveTimeConfig(options, ['options']);
  const adders = new WeakMap<ReachTimeState, TimeAdder>();
  const buffer: number[] = [];
  // States made here or checked in full once: `add` and `addColumns` then check only their kind and
  // fingerprint (O(1)), so adding one row to a big state costs one row; merge and finalize check in full.
  const checked = new WeakSet<ReachTimeState>();
  const made = (state: ReachTimeState): ReachTimeState => {
    checked.add(state);
    return state;
  };
  const stateOf = (value: unknown, path: readonly string[]): ReachTimeState => {
    const state = value as ReachTimeState;
    if (checked.has(state) && state.fingerprint === config.fingerprint) return state;
    return made(requireTimeState(config, value, path));
  };
  const adderOf = (state: ReachTimeState): TimeAdder => {
    let adder = adders.get(state);
    if (adder === undefined) {
      adder = new TimeAdder(config, state);
      adders.set(state, adder);
    }
    return adder;
  };
  return {
    init: () => made(emptyTimeState(config)),
    add(state, row) {
      const target = stateOf(state, ['state']);
      addTimeRow(config, adderOf(target), row, ['row'], -1, buffer);
      return target;
    },
    addColumns(state, columns) {
      const target = stateOf(state, ['state']);
      addTimeColumns(config, adderOf(target), columns, ['columns']);
      return target;
    },
    merge(a, b) {
      const first = requireTimeState(config, a, ['a']);
      const second = requireTimeState(config, b, ['b']);
      const merged = emptyTimeState(config);
      mergeTimeInto(merged, first);
      mergeTimeInto(merged, second);
      return made(merged);
    },
    finalize: (state) => finalizeTime(config, requireTimeState(config, state, ['state'])),
  };
}
