/**
 * The reach accumulator as a BigQuery JavaScript aggregate function (UDAF). Built into one
 * dependency-free ESM file, `dist/bigquery/reach-udaf.js` (scripts/bigQueryUdaf.ts), to upload to
 * Cloud Storage and load with `OPTIONS (library = ['gs://…/reach-udaf.js'])`: the accumulator
 * alone is larger than the 32 KB BigQuery allows for inline code (a library may be 1 MB).
 *
 * BigQuery's contract (its "User-defined aggregate functions" guide and the `CREATE AGGREGATE
 * FUNCTION` reference): the module exports `initialState(nonAggregate…)`, `aggregate(state,
 * aggregate…, nonAggregate…)` (mutates `state`), `merge(state, partialState, nonAggregate…)`
 * (mutates `state`), `finalize(state, nonAggregate…)`, and optionally `serialize(state)` /
 * `deserialize(serialized)`, which here are {@link serializeReachState} / {@link parseReachState}:
 * the state between stages is plain JSON, checked in full when it comes back. INT64 values arrive as
 * `BigInt`; the options arrive as the `NOT AGGREGATE` JSON argument (an object, or its text).
 *
 * ```sql
 * CREATE TEMP AGGREGATE FUNCTION reach(
 *   units ARRAY<STRING>, group_mask INT64, eligible BOOL, engagements INT64,
 *   options JSON NOT AGGREGATE)
 * RETURNS JSON
 * LANGUAGE js
 * OPTIONS (library = ['gs://my-bucket/scaling-navigator/reach-udaf.js'])
 * AS r'''
 *   import { initialState, aggregate, merge, finalize, serialize, deserialize } from 'gs://my-bucket/scaling-navigator/reach-udaf.js';
 *   export { initialState, aggregate, merge, finalize, serialize, deserialize };
 * ''';
 * ```
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { describeValue } from '../_lib/validate.js';
import { type ReachConfig, resolveReachConfig } from './_config.js';
import { finalizeState } from './_finalize.js';
import { cellFor, emptyState, leafFor, mergeInto, type ReachState } from './_state.js';
import { requireState } from './_stateChecks.js';
import { parseState, type SerializedReachState, serializeState } from './_stateJson.js';
import type { ReachSummary } from './ReachSummary.js';

/** Configurations by the options' JSON text (one query uses one; a few are kept). */
const configs = new Map<string, ReachConfig>();

function configOf(options: unknown): ReachConfig {
  const text = typeof options === 'string' ? options : JSON.stringify(options);
  let config = configs.get(text);
  if (config === undefined) {
    let parsed: unknown;
    try {
      parsed = typeof options === 'string' ? JSON.parse(options) : options;
    } catch {
      invalid(['options'], 'the options argument is not JSON text');
    }
    config = resolveReachConfig(parsed, ['options']);
    if (configs.size > 16) configs.clear();
    configs.set(text, config);
  }
  return config;
}

/** A live state: the one given, or — when BigQuery handed back plain JSON — that JSON made live in place. */
function live(config: ReachConfig, state: unknown, path: ErrorPath): ReachState {
  if (
    typeof state === 'object' &&
    state !== null &&
    !((state as { cellTable?: unknown }).cellTable instanceof Int32Array)
  ) {
    Object.assign(state, parseState(state, path));
  }
  return requireState(config, state, path, false);
}

const MAX_BIG = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/** A whole number ≥ 0 from an INT64 argument (`BigInt`) or a number. */
function whole(value: unknown, path: ErrorPath): number {
  if (typeof value === 'bigint' && value >= 0n) {
    if (value > MAX_BIG) limitExceeded(path, 'above 2^53 − 1');
    return Number(value);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0;
  return invalid(path, `expected a whole number ≥ 0, got ${describeValue(value)}`);
}

/** A new, empty state for these options. */
export function initialState(options: unknown): ReachState {
  return emptyState(configOf(options));
}

/**
 * Adds one person: `units` (one code per unit level, largest first), `groupMask` (bit k for
 * `focalGroups[k]`), `eligible` and `engagements` (whole, in the period).
 */
export function aggregate(
  state: ReachState,
  units: unknown,
  groupMask: unknown,
  eligible: unknown,
  engagements: unknown,
  options: unknown,
): void {
  const config = configOf(options);
  const target = live(config, state, ['state']);
  const levels = config.unitLevels.length;
  if (!Array.isArray(units) || units.length !== levels) {
    invalid(['units'], `expected an array of ${levels} unit codes (one per unit level), got ${describeValue(units)}`);
  }
  for (let level = 0; level < levels; level += 1) {
    const code: unknown = units[level];
    if (typeof code !== 'string' || code.length === 0) {
      invalid(['units', level], `expected a non-empty unit code, got ${describeValue(code)}`);
    }
  }
  const mask = whole(groupMask, ['groupMask']);
  if (mask >= 2 ** target.groupBits) {
    invalid(['groupMask'], `mask ${mask} sets a bit beyond the ${target.groupBits} focal groups`);
  }
  if (typeof eligible !== 'boolean') invalid(['eligible'], `expected true or false, got ${describeValue(eligible)}`);
  const count = whole(engagements, ['engagements']);
  const cell = cellFor(target, leafFor(target, units as string[]), mask);
  target.rows += 1;
  if (!eligible) {
    target.excluded[cell] = (target.excluded[cell] as number) + 1;
  } else {
    const cap = config.histogramMax;
    const bin = cell * target.bins + Math.min(count, cap);
    target.histogram[bin] = (target.histogram[bin] as number) + 1;
    if (count >= cap) target.sum[cell] = (target.sum[cell] as number) + count;
  }
}

/** Adds `partialState` into `state`. */
export function merge(state: ReachState, partialState: ReachState, options: unknown): void {
  const config = configOf(options);
  const target = live(config, state, ['state']);
  const source = live(config, partialState, ['partialState']);
  requireState(config, target, ['state']);
  requireState(config, source, ['partialState']);
  mergeInto(target, source, ['partialState']);
}

/** The {@link ReachSummary} (plain JSON: BigQuery returns it as the function's JSON value). */
export function finalize(state: ReachState, options: unknown): ReachSummary {
  const config = configOf(options);
  return finalizeState(config, requireState(config, live(config, state, ['state']), ['state']));
}

/** The state as plain JSON ({@link serializeReachState}). */
export function serialize(state: ReachState): SerializedReachState {
  return serializeState(state, ['state']);
}

/** A state from {@link serialize}'s JSON, checked in full ({@link parseReachState}). */
export function deserialize(serialized: unknown): ReachState {
  return parseState(serialized, ['serialized']);
}
