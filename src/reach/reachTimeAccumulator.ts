import { incompatible, invalid } from '../_lib/errors.js';
import { requireKnownKeys } from '../_lib/strict.js';
import { requireArray, requireNumber, requireRecord } from '../_lib/validate.js';
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

/** A {@link ReachTimeState} as plain JSON: its counts as arrays of whole numbers. @category Reach */
export interface SerializedReachTimeState {
  readonly kind: 'reach-time-state';
  readonly schemaVersion: 1;
  readonly fingerprint: string;
  readonly masks: number;
  readonly bins: number;
  readonly entries: readonly number[];
  readonly events: readonly number[];
  readonly exits: readonly number[];
  readonly censored: readonly number[];
  readonly reachedThenLeft: readonly number[];
  readonly outside: readonly number[];
  readonly totals: readonly number[];
}

const STATE_ARRAYS = ['entries', 'events', 'exits', 'censored', 'reachedThenLeft', 'outside', 'totals'] as const;

/**
 * A reach-over-time accumulator state as plain JSON (a warehouse column, a queue message): the
 * typed arrays become arrays of whole counts. Read it back with {@link parseReachTimeState}; the
 * accumulator checks it in full (and its options, by fingerprint) when it merges or finalizes it.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for a value that is not a reach-over-time state.
 * @example
 * ```ts
 * import { parseReachTimeState, reachTimeAccumulator, serializeReachTimeState } from 'scaling-navigator/reach';
 * const acc = reachTimeAccumulator({ focalGroups: ['el'], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-30' });
 * const state = acc.add(acc.init(), { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-10'] });
 * const back = parseReachTimeState(JSON.parse(JSON.stringify(serializeReachTimeState(state))));
 * acc.finalize(back).populations[1].reached //=> 1
 * parseReachTimeState({ kind: 'reach-state' }) //=> throws INVALID_INPUT at ['json', 'kind']
 * ```
 */
export function serializeReachTimeState(state: ReachTimeState): SerializedReachTimeState {
  const value = state as Partial<ReachTimeState> | null;
  if (typeof value !== 'object' || value === null || value.kind !== 'reach-time-state') {
    invalid(['state', 'kind'], 'expected a reach-over-time accumulator state');
  }
  requireKnownKeys(value, ['kind', 'schemaVersion', 'fingerprint', 'masks', 'bins', ...STATE_ARRAYS], ['state']);
  const out: Record<string, unknown> = {
    kind: 'reach-time-state',
    schemaVersion: 1,
    fingerprint: value.fingerprint,
    masks: value.masks,
    bins: value.bins,
  };
  for (const name of STATE_ARRAYS) {
    const array = value[name];
    if (!(array instanceof Float64Array)) invalid(['state', name], 'expected a Float64Array of counts');
    out[name] = Array.from(array, (count) => count + 0); // −0 as 0
  }
  // Checked in full, so a damaged state is never written.
  readSerialized(out, ['state']);
  return out as unknown as SerializedReachTimeState;
}

/**
 * A reach-over-time state from {@link serializeReachTimeState}'s JSON (after `JSON.parse`): known
 * keys, whole counts ≥ 0, lengths that fit `masks × bins`. Whether it fits an accumulator's
 * options is checked when the accumulator uses it (`INCOMPATIBLE` under other options).
 * O(masks × bins).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for damage, with its path (more than 256 masks or
 *   3,661 day bins included); `INCOMPATIBLE` for a newer `schemaVersion`.
 * @example
 * ```ts
 * import { parseReachTimeState, reachTimeAccumulator, serializeReachTimeState } from 'scaling-navigator/reach';
 * const acc = reachTimeAccumulator({ focalGroups: [], period: { start: '2024-09-02', end: '2025-06-30' }, asOf: '2024-09-03' });
 * const stored = JSON.parse(JSON.stringify(serializeReachTimeState(acc.init())));
 * parseReachTimeState(stored).bins //=> 3
 * parseReachTimeState({ ...stored, schemaVersion: 2 }) //=> throws INCOMPATIBLE at ['json', 'schemaVersion']
 * parseReachTimeState({ ...stored, totals: [1, 0] }) //=> throws INVALID_INPUT at ['json', 'totals']
 * ```
 */
export function parseReachTimeState(json: unknown): ReachTimeState {
  return readSerialized(json, ['json']);
}

/** A serialized state checked in full, as a state. */
function readSerialized(json: unknown, path: readonly string[]): ReachTimeState {
  const record = requireRecord(json, path);
  requireKnownKeys(record, ['kind', 'schemaVersion', 'fingerprint', 'masks', 'bins', ...STATE_ARRAYS], path);
  if (record.kind !== 'reach-time-state') invalid([...path, 'kind'], 'expected a reach-over-time accumulator state');
  if (typeof record.schemaVersion === 'number' && record.schemaVersion > 1) {
    incompatible([...path, 'schemaVersion'], 'a newer state than this version of the library reads');
  }
  if (record.schemaVersion !== 1) invalid([...path, 'schemaVersion'], 'expected schemaVersion 1');
  if (typeof record.fingerprint !== 'string') invalid([...path, 'fingerprint'], 'expected a string');
  const masks = requireNumber(record.masks, [...path, 'masks'], { min: 1, max: 256, integer: true });
  const bins = requireNumber(record.bins, [...path, 'bins'], { min: 2, max: 3661, integer: true });
  const state: Record<string, unknown> = {
    kind: 'reach-time-state',
    schemaVersion: 1,
    fingerprint: record.fingerprint,
    masks,
    bins,
  };
  for (const name of STATE_ARRAYS) {
    const length = name === 'totals' ? 3 : name === 'outside' || name === 'reachedThenLeft' ? masks : masks * bins;
    const list = requireArray(record[name], [...path, name]);
    if (list.length !== length) invalid([...path, name], `expected ${length} counts, got ${list.length}`);
    const array = new Float64Array(length);
    for (let index = 0; index < length; index += 1) {
      const count = list[index];
      if (!(typeof count === 'number' && Number.isSafeInteger(count) && count >= 0)) {
        invalid([...path, name, index], 'expected a whole count ≥ 0');
      }
      array[index] = count + 0; // −0 as 0
    }
    state[name] = array;
  }
  return state as unknown as ReachTimeState;
}
