/**
 * The columnar form's reader: validates a {@link ReachColumns} batch and counts it with the
 * kernels, in chunks that keep 32-bit counters exact.
 *
 * @internal
 * @module
 */
import { hashString, requireDistinctIds } from '../_lib/duplicates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { type KeyHints, requireDenseArray, requireKnownKeys, requireLengthAtMost } from '../_lib/strict.js';
import { describeValue, requireArray, requireNonEmptyId, requireRecord } from '../_lib/validate.js';
import type { ReachConfig } from './_config.js';
import { CHUNK, countRows } from './_kernels.js';
import { isId } from './_rows.js';
import { leafFor, type ReachState } from './_state.js';
import { COLUMN_KEYS, type ReachColumns } from './ReachRoster.js';

/** At most this many people in one columnar batch, and entries in its unit table. */
const MAX_COLUMN_ROWS = 2 ** 31 - 1;

/** What a caller who wrote another key of a columnar roster most likely meant. */
const COLUMN_HINTS: KeyHints = {
  reached: 'did you mean `engagements`? a yes/no becomes 1 or 0',
  groups: 'did you mean `groupMasks`? (bit k for options.focalGroups[k])',
  masks: 'did you mean `groupMasks`? (bit k for options.focalGroups[k])',
};

const INTEGER_ARRAYS = [Uint8Array, Uint16Array, Uint32Array, Int32Array] as const;

function requireIntegerArray(value: unknown, path: ErrorPath, length: number | null): ArrayLike<number> {
  if (!INTEGER_ARRAYS.some((kind) => value instanceof kind)) {
    invalid(path, `expected a Uint8Array, Uint16Array, Uint32Array or Int32Array, got ${describeValue(value)}`);
  }
  const array = value as ArrayLike<number>;
  if (length !== null && array.length !== length) {
    invalid(path, `expected ${length} entries (one per person, as unitCodes), got ${array.length}`);
  }
  return array;
}

/** Adds a columnar roster (validated) in one pass over the typed arrays. */
export function addColumns(config: ReachConfig, state: ReachState, value: unknown, path: ErrorPath): void {
  const record = requireRecord(value, path);
  requireKnownKeys(record, COLUMN_KEYS, path, COLUMN_HINTS);
  // Each column read once (a getter cannot hand the counting loop another array than the one checked).
  const columns: { readonly [K in keyof ReachColumns]: ReachColumns[K] | undefined } = {
    unitCodes: record.unitCodes as ReachColumns['unitCodes'],
    units: record.units as ReachColumns['units'],
    groupMasks: record.groupMasks as ReachColumns['groupMasks'],
    engagements: record.engagements as ReachColumns['engagements'],
    eligible: record.eligible as ReachColumns['eligible'],
    ids: record.ids as ReachColumns['ids'],
  };
  const unitCodes = requireIntegerArray(columns.unitCodes, [...path, 'unitCodes'], null);
  const n = unitCodes.length;
  requireLengthAtMost(n, [...path, 'unitCodes'], MAX_COLUMN_ROWS, 'people');
  const masks = columns.groupMasks;
  if (!(masks instanceof Uint8Array)) {
    invalid([...path, 'groupMasks'], `expected a Uint8Array of bit masks, got ${describeValue(masks)}`);
  }
  if (masks.length !== n) {
    invalid([...path, 'groupMasks'], `expected ${n} entries (one per person, as unitCodes), got ${masks.length}`);
  }
  const engagements = requireIntegerArray(columns.engagements, [...path, 'engagements'], n);
  const eligible = columns.eligible;
  if (eligible !== undefined) {
    if (!(eligible instanceof Uint8Array)) {
      invalid([...path, 'eligible'], `expected a Uint8Array, got ${describeValue(eligible)}`);
    }
    if (eligible.length !== n) {
      invalid([...path, 'eligible'], `expected ${n} entries (one per person, as unitCodes), got ${eligible.length}`);
    }
  }
  if (columns.ids !== undefined) {
    const ids = requireArray(columns.ids, [...path, 'ids']);
    if (ids.length !== n) invalid([...path, 'ids'], `expected ${n} entries (one per person), got ${ids.length}`);
    requireDenseArray(ids, [...path, 'ids'], MAX_COLUMN_ROWS);
    const hashes = new Uint32Array(n);
    for (let index = 0; index < n; index += 1) {
      const id = ids[index];
      if (!isId(id)) requireNonEmptyId(id, [...path, 'ids', index]);
      hashes[index] = hashString(id as string);
    }
    requireDistinctIds(
      hashes,
      (index) => ids[index] as string,
      (index) => [...path, 'ids', index],
    );
  }
  const table = requireArray(columns.units, [...path, 'units']);
  requireDenseArray(table, [...path, 'units'], MAX_COLUMN_ROWS);
  const levels = config.unitLevels;
  const levelSet: ReadonlySet<string> = new Set(levels);
  const bits = state.groupBits;
  const leafOfCode = new Int32Array(table.length);
  let injective = true;
  for (let code = 0; code < table.length; code += 1) {
    const units = requireRecord(table[code], [...path, 'units', code]);
    requireKnownKeys(units, levelSet, [...path, 'units', code]);
    const leafPath = levels.map((name) => requireNonEmptyId(units[name], [...path, 'units', code, name]));
    leafOfCode[code] = leafFor(state, leafPath);
  }
  // Two entries of the table with the same path share a leaf (their people are counted together).
  const leafSeen = new Uint8Array(state.leafPaths.length);
  for (const leaf of leafOfCode) {
    if (leafSeen[leaf] === 1) injective = false;
    leafSeen[leaf] = 1;
  }
  const codes = table.length;
  const cap = config.histogramMax;
  // Rows per kernel call: 32-bit counters cannot overflow inside one chunk.
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    const kernel = { unitCodes, masks, engagements, eligible, codes, bits, cap, path, reuse: null, injective };
    countRows(state, leafOfCode, kernel, start, end);
  }
  state.rows += n;
}
