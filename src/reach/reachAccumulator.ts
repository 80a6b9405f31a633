import { addColumns } from './_columns.js';
import { resolveReachConfig } from './_config.js';
import { finalizeState } from './_finalize.js';
import { directSink, rowReader } from './_rows.js';
import { emptyState, mergeInto, type ReachState, requireState } from './_state.js';
import type { ReachAccumulatorOptions, ReachColumns, ReachRow } from './ReachRoster.js';
import type { ReachSummary } from './ReachSummary.js';

export type { ReachState } from './_state.js';

/**
 * A reach aggregate with the shape of a warehouse's JavaScript aggregate function.
 *
 * - `init()` — a new empty state (plain data with typed arrays: it survives `structuredClone` and
 *   worker `postMessage`).
 * - `add(state, row)` — adds one row ({@link ReachRow}); `addColumns(state, columns)` adds a
 *   columnar batch ({@link ReachColumns}). Both update and return `state` (the state is the
 *   accumulator's own, never the caller's input).
 * - `merge(a, b)` — a new state holding both (neither argument changes).
 * - `finalize(state)` — the {@link ReachSummary}.
 *
 * @category Reach
 */
export interface ReachAccumulator {
  /** A new, empty state. */
  init(): ReachState;
  /** Adds one row to `state` and returns it. */
  add(state: ReachState, row: ReachRow): ReachState;
  /** Adds a columnar batch to `state` and returns it. */
  addColumns(state: ReachState, columns: ReachColumns): ReachState;
  /** A new state holding both; neither argument changes. */
  merge(a: ReachState, b: ReachState): ReachState;
  /** The summary of everything added. */
  finalize(state: ReachState): ReachSummary;
}

/**
 * A reach accumulator for sharded data: `init / add / merge / finalize`. Results from merged shards
 * equal one pass exactly (all counts are whole numbers, summed exactly), whatever the split.
 *
 * A person must land in one shard — use {@link shardOf} on the id. Duplicate ids are caught inside
 * one `add` batch of columns (when `ids` are given) and by {@link summarizeReach}, not across
 * shards: the state keeps counts, not ids. Mobility (a student in two schools in one year) is the
 * host's snapshot choice: give each person the unit of the snapshot you report on.
 *
 * O(rows) to add; O(cells) to merge, where cells are (smallest unit × focal-group combination);
 * memory grows with cells, not rows.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for bad options (as {@link summarizeReach}), bad rows,
 *   states made with other options, or more than 2^25 units × focal-group combinations in a state.
 * @example
 * ```ts
 * import { reachAccumulator, shardOf } from 'scaling-navigator/reach';
 * const acc = reachAccumulator({ focalGroups: ['el'], unitLevels: ['school'] });
 * const rows = [
 *   { id: 'a', units: { school: 'S1' }, groups: ['el'], engagements: 2 },
 *   { id: 'b', units: { school: 'S1' }, engagements: 0 },
 *   { id: 'c', units: { school: 'S2' }, groups: ['el'], engagements: 1 },
 * ];
 * const shards = [acc.init(), acc.init()];
 * for (const row of rows) acc.add(shards[shardOf(row.id, 2)], row);
 * const summary = acc.finalize(acc.merge(shards[0], shards[1]));
 * summary.overall.reached //=> 2
 * summary.groups[0].rate //=> 1
 * ```
 */
export function reachAccumulator(options: ReachAccumulatorOptions): ReachAccumulator {
  const config = resolveReachConfig(options, ['options']);
  // One row adder per state (it holds the state's unit lookup), made on the first add.
  const adders = new WeakMap<ReachState, ReturnType<typeof rowReader>>();
  return {
    init: () => emptyState(config),
    add(state, row) {
      const target = requireState(config, state, ['state']);
      let add = adders.get(target);
      if (add === undefined) {
        add = rowReader(config, target, null, directSink(config, target));
        adders.set(target, add);
      }
      add(row, ['row'], -1);
      return target;
    },
    addColumns(state, columns) {
      const target = requireState(config, state, ['state']);
      addColumns(config, target, columns, ['columns']);
      return target;
    },
    merge(a, b) {
      const merged = emptyState(config);
      mergeInto(merged, requireState(config, a, ['a']));
      mergeInto(merged, requireState(config, b, ['b']));
      return merged;
    },
    finalize: (state) => finalizeState(config, requireState(config, state, ['state'])),
  };
}
