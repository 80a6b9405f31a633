import type { ErrorPath } from '../_lib/errors.js';
import { addColumns } from './_columns.js';
import { resolveReachConfig } from './_config.js';
import { finalizeState } from './_finalize.js';
import { directSink, rowReader } from './_rows.js';
import { emptyState, mergeInto, type ReachState } from './_state.js';
import { requireState } from './_stateChecks.js';
import { parseState, type SerializedReachState, serializeState } from './_stateJson.js';
import type { ReachAccumulatorOptions, ReachColumns, ReachRow } from './ReachRoster.js';
import type { ReachSummary } from './ReachSummary.js';

export type { ReachState } from './_state.js';
export type { SerializedReachState } from './_stateJson.js';

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

/** Error paths of the arguments (shared arrays: `add` runs once per row). */
const STATE: ErrorPath = Object.freeze(['state']);
const ROW: ErrorPath = Object.freeze(['row']);
const COLUMNS: ErrorPath = Object.freeze(['columns']);

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
 * Every state handed to `add`, `addColumns`, `merge` or `finalize` is checked first, in time
 * O(cells) (indices in range, histograms that add up to `rows`, every cell found by a bounded probe
 * of the cell table): `merge` and `finalize` check in full on every call; `add` and `addColumns`
 * check a state's shape on every call and its contents the first time they see the state object
 * (one from `init()` or `merge` counts as seen), so adding to a big state costs what it did; a
 * probe of the cell table is bounded on every call. So a state damaged in storage or
 * transit is an error with the path of the damage, never a loop or silently wrong counts. States
 * carry `schemaVersion: 1`; see {@link serializeReachState} for JSON.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for bad options (as {@link summarizeReach}), bad
 *   rows and columns, or a damaged state (path of the damage, e.g. `['state', 'cellLeaf', 3]`);
 *   `INCOMPATIBLE` for a state made with other options (`['b', 'fingerprint']`) or with a newer
 *   `schemaVersion`; `LIMIT_EXCEEDED` past 2²⁵ unit × focal-group cells (or 2²⁸ histogram
 *   entries) in a state.
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
 * const other = reachAccumulator({ focalGroups: ['swd'], unitLevels: ['school'] });
 * acc.merge(shards[0], other.init()) //=> throws INCOMPATIBLE at ['b', 'fingerprint']
 * acc.add(acc.init(), { id: 'd', units: { school: 'S1' }, reached: true } as never) //=> throws INVALID_INPUT at ['row', 'reached']
 * ```
 */
export function reachAccumulator(options: ReachAccumulatorOptions): ReachAccumulator {
  const config = resolveReachConfig(options, ['options']);
  // One row adder per state (it holds the state's unit lookup), made on the first add.
  const adders = new WeakMap<ReachState, ReturnType<typeof rowReader>>();
  // States this accumulator made or has checked in full: `add` and `addColumns` check their shape
  // (O(1)) on each call and their contents (O(cells)) the first time only, so a row or a small
  // batch into a big state costs what it did; `merge` and `finalize` check in full every time.
  const checked = new WeakSet<ReachState>();
  const stateOf = (value: unknown, path: ErrorPath): ReachState => {
    const seen = checked.has(value as ReachState);
    const state = requireState(config, value, path, !seen);
    if (!seen) checked.add(state);
    return state;
  };
  const made = (state: ReachState): ReachState => {
    checked.add(state);
    return state;
  };
  return {
    init: () => made(emptyState(config)),
    add(state, row) {
      const target = stateOf(state, STATE);
      let add = adders.get(target);
      if (add === undefined) {
        add = rowReader(config, target, null, directSink(config, target));
        adders.set(target, add);
      }
      add(row, ROW, -1);
      return target;
    },
    addColumns(state, columns) {
      const target = stateOf(state, STATE);
      addColumns(config, target, columns, COLUMNS);
      return target;
    },
    merge(a, b) {
      const first = requireState(config, a, ['a']);
      const second = requireState(config, b, ['b']);
      const merged = emptyState(config);
      mergeInto(merged, first, ['a']);
      mergeInto(merged, second, ['b']);
      return made(merged);
    },
    finalize: (state) => finalizeState(config, requireState(config, state, ['state'])),
  };
}

/**
 * A reach accumulator state as plain JSON data, so a state survives `JSON.stringify` (a
 * warehouse column, a queue message, a database row), not only `structuredClone`.
 *
 * The typed arrays become arrays of numbers cut to the cells in use (`cellLeaf`, `cellMask`, `sum`
 * and `excluded`: one entry per cell; `histogram`: `bins` per cell) — counts are small whole
 * numbers, which JSON writes in a few characters, where base64 of float64 would take 11 each. The
 * cell lookup table is left out (it is rebuilt on the next lookup). The state is checked in full
 * first, so a damaged state is never written. Read it back with {@link parseReachState}.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for a value that is not an intact reach state (path
 *   of the damage); `INCOMPATIBLE` for one with a newer `schemaVersion`.
 * @example
 * ```ts
 * import { parseReachState, reachAccumulator, serializeReachState } from 'scaling-navigator/reach';
 * const acc = reachAccumulator({ focalGroups: ['el'], unitLevels: ['school'] });
 * const state = acc.add(acc.init(), { id: 'a', units: { school: 'S1' }, groups: ['el'], engagements: 2 });
 * const json = JSON.stringify(serializeReachState(state));
 * const back = parseReachState(JSON.parse(json));
 * acc.finalize(back).overall.reached //=> 1
 * serializeReachState(state).schemaVersion //=> 1
 * ```
 */
export function serializeReachState(state: ReachState): SerializedReachState {
  return serializeState(state, ['state']);
}

/**
 * A reach accumulator state from {@link serializeReachState}'s JSON (after `JSON.parse`), checked
 * in full before it is returned: known keys, whole counts, indices in range, distinct cells,
 * histograms that add up to `rows`. The options it was made with are checked when an accumulator
 * uses it (`INCOMPATIBLE` under other options). O(cells × bins + units).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for damage, with its path (e.g.
 *   `['json', 'histogram', 7]`); `INCOMPATIBLE` for a newer `schemaVersion`; `LIMIT_EXCEEDED` for
 *   more than 2²⁵ cells or units.
 * @example
 * ```ts
 * import { parseReachState, reachAccumulator, serializeReachState } from 'scaling-navigator/reach';
 * const acc = reachAccumulator({ focalGroups: ['el'], unitLevels: ['school'] });
 * const stored = JSON.parse(JSON.stringify(serializeReachState(acc.init())));
 * acc.finalize(parseReachState(stored)).overall.n //=> 0
 * parseReachState({ ...stored, schemaVersion: 2 }) //=> throws INCOMPATIBLE at ['json', 'schemaVersion']
 * parseReachState({ ...stored, rows: 3 }) //=> throws INVALID_INPUT at ['json', 'rows']
 * ```
 */
export function parseReachState(json: unknown): ReachState {
  return parseState(json, ['json']);
}
