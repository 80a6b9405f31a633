/**
 * The state of reach over time: per focal-group combination (mask) × day, counts of people
 * entering the risk set, reached, leaving unreached, and censored — whole numbers, so merged
 * shards equal one pass exactly. People are added from rows or columns through one function.
 *
 * @internal
 * @module
 */

import { isoDateToDay, requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, incompatible, invalid } from '../_lib/errors.js';
import { requireKnownKeys } from '../_lib/strict.js';
import { describeValue, requireArray, requireNonEmptyId, requireRecord } from '../_lib/validate.js';
import { hasOnlyKeys, hasOnlyRowKeys } from './_rowKeys.js';
import { requireStayOrder, stayDay } from './_stay.js';
import type { ReachTimeConfig } from './_timeConfig.js';
import { ROW_HINTS, ROW_KEYS } from './ReachRoster.js';

/** An accumulator state of {@link reachTimeAccumulator}: plain data with typed arrays. @category Reach */
export interface ReachTimeState {
  readonly kind: 'reach-time-state';
  readonly schemaVersion: 1;
  readonly fingerprint: string;
  /** Focal-group combinations (2^groups). */
  readonly masks: number;
  /** Day bins: 0 … horizon. */
  readonly bins: number;
  /** `[mask × bins + day]`: people at risk from day + 1. */
  readonly entries: Float64Array;
  /** `[mask × bins + day]`: reached on the day. */
  readonly events: Float64Array;
  /** `[mask × bins + day]`: left the roster unreached on the day. */
  readonly exits: Float64Array;
  /** `[mask × bins + day]`: unreached and enrolled at the end (day = horizon). */
  readonly censored: Float64Array;
  /** `[mask]`: reached, then left by the end. */
  readonly reachedThenLeft: Float64Array;
  /** `[mask]`: eligible but not on the roster in the window (left before it, or enrolled after asOf). */
  readonly outside: Float64Array;
  /** rows seen, ineligible rows, engagements in the period outside the person's enrolment. */
  readonly totals: Float64Array;
}

export function emptyTimeState(config: ReachTimeConfig): ReachTimeState {
  const masks = 2 ** config.focalGroups.length;
  const bins = config.horizon + 1;
  return {
    kind: 'reach-time-state',
    schemaVersion: 1,
    fingerprint: config.fingerprint,
    masks,
    bins,
    entries: new Float64Array(masks * bins),
    events: new Float64Array(masks * bins),
    exits: new Float64Array(masks * bins),
    censored: new Float64Array(masks * bins),
    reachedThenLeft: new Float64Array(masks),
    outside: new Float64Array(masks),
    totals: new Float64Array(3),
  };
}

const ARRAYS = ['entries', 'events', 'exits', 'censored', 'reachedThenLeft', 'outside', 'totals'] as const;

/** A state of this configuration, checked in O(cells): shape, lengths, whole non-negative counts. */
export function requireTimeState(config: ReachTimeConfig, value: unknown, path: ErrorPath): ReachTimeState {
  const state = requireRecord(value, path) as Partial<ReachTimeState>;
  if (state.kind !== 'reach-time-state') invalid([...path, 'kind'], 'expected a reach-over-time accumulator state');
  if (state.schemaVersion !== 1) {
    if (typeof state.schemaVersion === 'number' && state.schemaVersion > 1) {
      incompatible([...path, 'schemaVersion'], 'a newer state than this version of the library reads');
    }
    invalid([...path, 'schemaVersion'], 'expected schemaVersion 1');
  }
  if (state.fingerprint !== config.fingerprint) {
    incompatible(
      [...path, 'fingerprint'],
      'this state was made with other options (focal groups, period, asOf or minEngagements)',
    );
  }
  const masks = 2 ** config.focalGroups.length;
  const bins = config.horizon + 1;
  if (state.masks !== masks || state.bins !== bins) invalid([...path, 'bins'], 'the state does not match its options');
  for (const name of ARRAYS) {
    const array = state[name];
    const length = name === 'totals' ? 3 : name === 'outside' || name === 'reachedThenLeft' ? masks : masks * bins;
    if (!(array instanceof Float64Array) || array.length !== length) {
      invalid([...path, name], `expected a Float64Array of ${length} counts`);
    }
    for (let index = 0; index < length; index += 1) {
      const count = array[index] as number;
      if (!(Number.isInteger(count) && count >= 0)) invalid([...path, name, index], 'expected a whole count ≥ 0');
    }
  }
  return state as ReachTimeState;
}

/** Adds `b` into `a` (same configuration). */
export function mergeTimeInto(a: ReachTimeState, b: ReachTimeState): void {
  for (const name of ARRAYS) {
    const into = a[name];
    const from = b[name];
    for (let index = 0; index < into.length; index += 1)
      into[index] = (into[index] as number) + (from[index] as number);
  }
}

/**
 * Counts one person: entry at max(enrolled, period.start); the event is the `minEngagements`-th
 * engagement on the roster (on or after entry, on or before exit and the last day analysed).
 * `days` holds the person's engagement days (any order), `scratch` a buffer of at least their count.
 */
export class TimeAdder {
  private readonly config: ReachTimeConfig;
  private readonly state: ReachTimeState;
  private scratch: Int32Array = new Int32Array(16);

  constructor(config: ReachTimeConfig, state: ReachTimeState) {
    this.config = config;
    this.state = state;
  }

  /** `enrolled` / `exited`: day numbers, or ±Infinity for none. `days[from … to − 1]` the engagements. */
  add(
    mask: number,
    eligible: boolean,
    enrolled: number,
    exited: number,
    days: ArrayLike<number>,
    from: number,
    to: number,
  ): void {
    const { config, state } = this;
    const totals = state.totals;
    totals[0] = (totals[0] as number) + 1;
    if (!eligible) {
      totals[1] = (totals[1] as number) + 1;
      return;
    }
    const start = config.periodStart;
    const last = config.lastDay;
    const entry = Math.max(enrolled, start);
    if (entry > last || exited < start) {
      state.outside[mask] = (state.outside[mask] as number) + 1;
      return;
    }
    const end = Math.min(exited, last);
    const k = config.minEngagements;
    let eventDay = Number.POSITIVE_INFINITY;
    let outsideEnrolment = 0;
    if (k === 1) {
      for (let index = from; index < to; index += 1) {
        const day = days[index] as number;
        if (day >= entry && day <= end) {
          if (day < eventDay) eventDay = day;
        } else if (day >= start && day <= config.periodEnd && (day < entry || day <= last)) {
          outsideEnrolment += 1;
        }
      }
    } else {
      if (this.scratch.length < to - from) this.scratch = new Int32Array(2 * (to - from));
      let count = 0;
      for (let index = from; index < to; index += 1) {
        const day = days[index] as number;
        if (day >= entry && day <= end) {
          this.scratch[count] = day;
          count += 1;
        } else if (day >= start && day <= config.periodEnd && (day < entry || day <= last)) {
          outsideEnrolment += 1;
        }
      }
      if (count >= k) eventDay = this.scratch.subarray(0, count).sort()[k - 1] as number;
    }
    if (outsideEnrolment > 0) totals[2] = (totals[2] as number) + outsideEnrolment;
    const base = mask * state.bins;
    state.entries[base + entry - start] = (state.entries[base + entry - start] as number) + 1;
    if (eventDay <= end) {
      const at = base + eventDay - start + 1;
      state.events[at] = (state.events[at] as number) + 1;
      if (exited <= last) state.reachedThenLeft[mask] = (state.reachedThenLeft[mask] as number) + 1;
    } else if (exited <= last) {
      const at = base + exited - start + 1;
      state.exits[at] = (state.exits[at] as number) + 1;
    } else {
      const at = base + config.horizon;
      state.censored[at] = (state.censored[at] as number) + 1;
    }
  }
}

const ROW_KEY_SET: ReadonlySet<string> = new Set(ROW_KEYS);
const NO_DAYS: readonly number[] = [];

/**
 * Reads one row ({@link ReachRow} with `engagedOn`, `enrolledOn`, `exitedOn`) into the adder; the
 * row's path is `base` (+ `position` when ≥ 0), built only on failure (this runs once per person).
 */
export function addTimeRow(
  config: ReachTimeConfig,
  adder: TimeAdder,
  value: unknown,
  base: ErrorPath,
  position: number,
  buffer: number[],
): string {
  const at = (...rest: (string | number)[]): ErrorPath =>
    position < 0 ? [...base, ...rest] : [...base, position, ...rest];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) requireRecord(value, at());
  const row = value as Record<string, unknown>;
  const { id, units, groups, eligible, engagements, engagedOn, enrolledOn, exitedOn } = row;
  if (!hasOnlyRowKeys(row)) requireKnownKeys(row, ROW_KEY_SET, at(), ROW_HINTS);
  if (typeof id !== 'string' || id.length === 0) requireNonEmptyId(id, at('id'));
  if (units !== undefined || config.unitLevels.size > 0) {
    const record = requireRecord(units, at('units'));
    if (!hasOnlyKeys(record, config.unitLevelNames)) requireKnownKeys(record, config.unitLevels, at('units'));
    for (const level of config.unitLevels) {
      const code = record[level];
      if (typeof code !== 'string' || code.length === 0) requireNonEmptyId(code, at('units', level));
    }
  }
  if (engagements !== undefined) {
    invalid(at('engagements'), 'reach over time needs dated engagements: give engagedOn (ISO dates), not a count');
  }
  let mask = 0;
  if (groups !== undefined) {
    if (!Array.isArray(groups)) requireArray(groups, at('groups'));
    const list = groups as readonly unknown[];
    for (let entry = 0; entry < list.length; entry += 1) {
      const bit = config.focalGroups.indexOf(list[entry] as string);
      if (bit < 0) {
        if (!(entry in list)) invalid(at('groups', entry), 'a hole in the array');
        invalid(
          at('groups', entry),
          `unknown focal group ${describeValue(list[entry])}; expected one of: ${config.focalGroups.join(', ')}`,
        );
      }
      mask |= 1 << bit;
    }
  }
  if (eligible !== undefined && typeof eligible !== 'boolean') {
    invalid(at('eligible'), `expected true or false, got ${describeValue(eligible)}`);
  }
  const enrolled = stayDay(enrolledOn, at, 'enrolledOn', Number.NEGATIVE_INFINITY);
  const exited = stayDay(exitedOn, at, 'exitedOn', Number.POSITIVE_INFINITY);
  requireStayOrder(enrolled, exited, at);
  let days: ArrayLike<number> = NO_DAYS;
  if (engagedOn !== undefined) {
    if (!Array.isArray(engagedOn)) requireArray(engagedOn, at('engagedOn'));
    const dates = engagedOn as readonly unknown[];
    buffer.length = 0;
    for (let entry = 0; entry < dates.length; entry += 1) {
      const date = dates[entry];
      const day = typeof date === 'string' ? isoDateToDay(date) : null;
      if (day === null) {
        if (!(entry in dates)) invalid(at('engagedOn', entry), 'a hole in the array');
        requireIsoDate(date, at('engagedOn', entry));
      }
      buffer.push(day as number);
    }
    days = buffer;
  }
  adder.add(mask, eligible !== false, enrolled, exited, days, 0, days.length);
  return id as string;
}
