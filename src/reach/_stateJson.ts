/**
 * A reach state as plain JSON data and back, each checked in full.
 *
 * @internal
 * @module
 */

import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { plusZero } from '../_lib/plusZero.js';
import { requireKnownKeys } from '../_lib/strict.js';
import { MAX_CELLS, MAX_HISTOGRAM_ENTRIES, REACH_STATE_VERSION, type ReachState } from './_state.js';
import { damaged, requireStateContents, requireStateHeader, requireStateShape } from './_stateChecks.js';

/** The keys of a serialized state ({@link serializeState}). */
const SERIALIZED_KEYS = new Set([
  'kind',
  'schemaVersion',
  'fingerprint',
  'groupBits',
  'bins',
  'rows',
  'leafPaths',
  'cells',
  'cellLeaf',
  'cellMask',
  'histogram',
  'sum',
  'excluded',
]);

/** The keys of a live state (the serialized ones plus the cell lookup table). */
const STATE_KEYS = new Set([...SERIALIZED_KEYS, 'cellTable', 'indexedCells']);

/** A serialized state: plain JSON (typed arrays as arrays of numbers, cut to the cells in use). */
export interface SerializedReachState {
  readonly kind: 'reach-state';
  readonly schemaVersion: number;
  readonly fingerprint: string;
  readonly groupBits: number;
  readonly bins: number;
  readonly rows: number;
  readonly leafPaths: readonly (readonly string[])[];
  readonly cells: number;
  readonly cellLeaf: readonly number[];
  readonly cellMask: readonly number[];
  readonly histogram: readonly number[];
  readonly sum: readonly number[];
  readonly excluded: readonly number[];
}

/** A state (checked in full) as plain JSON data. */
export function serializeState(value: unknown, path: ErrorPath): SerializedReachState {
  const header = requireStateHeader(value, path, null);
  requireKnownKeys(header, STATE_KEYS, path);
  const groupBits = header.groupBits;
  const bins = header.bins;
  if (!(typeof groupBits === 'number' && Number.isInteger(groupBits) && groupBits >= 0 && groupBits <= 8)) {
    damaged([...path, 'groupBits'], 'not a number of focal groups (0 … 8)');
  }
  if (!(typeof bins === 'number' && Number.isInteger(bins) && bins >= 2 && bins <= 1001)) {
    damaged([...path, 'bins'], 'not a number of histogram bins (2 … 1001)');
  }
  const leafPaths = header.leafPaths;
  const depth = Array.isArray(leafPaths) && Array.isArray(leafPaths[0]) ? (leafPaths[0] as unknown[]).length : 0;
  const state = requireStateShape(value, path, { fingerprint: header.fingerprint as string, groupBits, bins, depth });
  requireStateContents(state, path, null);
  const cells = state.cells;
  return {
    kind: 'reach-state',
    schemaVersion: REACH_STATE_VERSION,
    fingerprint: state.fingerprint,
    groupBits,
    bins,
    rows: state.rows + 0, // −0 (from a damaged state) is written as 0
    leafPaths: state.leafPaths.map((leafPath) => [...leafPath]),
    cells: cells + 0,
    cellLeaf: Array.from(state.cellLeaf.subarray(0, cells)),
    cellMask: Array.from(state.cellMask.subarray(0, cells)),
    histogram: Array.from(state.histogram.subarray(0, cells * bins), plusZero),
    sum: Array.from(state.sum.subarray(0, cells), plusZero),
    excluded: Array.from(state.excluded.subarray(0, cells), plusZero),
  };
}

/** Copies a JSON array of whole numbers into `into` (each entry checked: whole, within ±2⁵³, or a hole). */
function copyWhole(value: unknown, length: number, into: Int32Array | Float64Array, path: ErrorPath): void {
  if (!Array.isArray(value)) invalid(path, 'expected an array of numbers');
  if (value.length !== length) invalid(path, `expected ${length} entries, got ${value.length}`);
  const int32 = into instanceof Int32Array;
  for (let at = 0; at < length; at += 1) {
    const entry: unknown = value[at];
    if (
      typeof entry !== 'number' ||
      !Number.isSafeInteger(entry) ||
      (int32 && (entry < -(2 ** 31) || entry >= 2 ** 31))
    ) {
      invalid([...path, at], at in value ? 'expected a whole number' : 'a hole in the array');
    }
    into[at] = entry + 0; // −0 is stored as 0
  }
}

/** A state from its serialized form, checked in full. */
/** The most unit levels a stored state's unit paths may have (rosters use a handful). */
const MAX_STORED_UNIT_LEVELS = 64;

export function parseState(value: unknown, path: ErrorPath): ReachState {
  const header = requireStateHeader(value, path, null);
  requireKnownKeysOf(header, path);
  const { groupBits, bins, cells, leafPaths } = header;
  if (!(typeof groupBits === 'number' && Number.isInteger(groupBits) && groupBits >= 0 && groupBits <= 8)) {
    invalid([...path, 'groupBits'], 'expected a number of focal groups (0 … 8)');
  }
  if (!(typeof bins === 'number' && Number.isInteger(bins) && bins >= 2 && bins <= 1001)) {
    invalid([...path, 'bins'], 'expected a number of histogram bins (2 … 1001)');
  }
  if (!(typeof cells === 'number' && Number.isInteger(cells) && cells >= 0)) {
    invalid([...path, 'cells'], 'expected a whole number of cells');
  }
  if (cells > MAX_CELLS || cells * bins > MAX_HISTOGRAM_ENTRIES) {
    limitExceeded(
      [...path, 'cells'],
      `more than ${Math.min(MAX_CELLS, Math.floor(MAX_HISTOGRAM_ENTRIES / bins))} cells`,
    );
  }
  if (!Array.isArray(leafPaths)) invalid([...path, 'leafPaths'], 'expected an array of unit paths');
  if (leafPaths.length > MAX_CELLS) limitExceeded([...path, 'leafPaths'], `more than ${MAX_CELLS} units`);
  const paths: string[][] = new Array(leafPaths.length);
  for (let leaf = 0; leaf < leafPaths.length; leaf += 1) {
    const leafPath: unknown = leafPaths[leaf];
    if (!Array.isArray(leafPath)) invalid([...path, 'leafPaths', leaf], 'expected an array of unit codes');
    // One code per unit level: a path longer than the first (or than any roster could have) is damage,
    // refused before it is copied.
    const expectedDepth =
      leaf === 0 ? Math.min(leafPath.length, MAX_STORED_UNIT_LEVELS) : (paths[0] as string[]).length;
    if (leafPath.length !== expectedDepth) {
      invalid([...path, 'leafPaths', leaf], `expected ${expectedDepth} unit codes (one per unit level)`);
    }
    paths[leaf] = [...(leafPath as string[])];
  }
  const capacity = Math.max(16, cells);
  const state: ReachState = {
    kind: 'reach-state',
    schemaVersion: REACH_STATE_VERSION,
    fingerprint: header.fingerprint as string,
    groupBits: groupBits + 0, // −0 as 0
    bins: bins + 0,
    rows: header.rows as number,
    leafPaths: paths,
    cells: cells + 0,
    cellTable: new Int32Array(32),
    indexedCells: 0,
    cellLeaf: new Int32Array(capacity),
    cellMask: new Int32Array(capacity),
    histogram: new Float64Array(capacity * bins),
    sum: new Float64Array(capacity),
    excluded: new Float64Array(capacity),
  };
  copyWhole(header.cellLeaf, cells, state.cellLeaf, [...path, 'cellLeaf']);
  copyWhole(header.cellMask, cells, state.cellMask, [...path, 'cellMask']);
  copyWhole(header.histogram, cells * bins, state.histogram, [...path, 'histogram']);
  copyWhole(header.sum, cells, state.sum, [...path, 'sum']);
  copyWhole(header.excluded, cells, state.excluded, [...path, 'excluded']);
  const depth = paths.length > 0 ? (paths[0] as string[]).length : 0;
  requireStateShape(state, path, { fingerprint: state.fingerprint, groupBits, bins, depth });
  requireStateContents(state, path, null);
  state.rows += 0; // a whole count now; −0 as 0
  return state;
}

function requireKnownKeysOf(record: object, path: ErrorPath): void {
  requireKnownKeys(record, SERIALIZED_KEYS, path);
}
