/**
 * The reach accumulator's state: counts per (leaf unit × focal-group mask) cell, each with an
 * engagement histogram, the sum of engagements and the excluded count, found through an
 * open-addressing cell table; merging two states and checking a state that came back from a
 * worker or storage. Row and columnar input update the same cells, so both forms give identical
 * results; counts are whole numbers in float64, so merging shards is exact.
 *
 * @internal
 * @module
 */
import { type ErrorPath, incompatible, invalid, limitExceeded } from '../_lib/errors.js';
import { requireKnownKeys } from '../_lib/strict.js';
import { requireRecord } from '../_lib/validate.js';
import type { ReachConfig } from './_config.js';

/** The `schemaVersion` this version writes into every state (and reads). */
export const REACH_STATE_VERSION = 1;
/** At most this many (leaf unit × focal-group mask) cells in one state. */
export const MAX_CELLS = 2 ** 25;
/** At most this many histogram entries (cells × bins) in one state (2 GB of counts). */
export const MAX_HISTOGRAM_ENTRIES = 2 ** 28;

/**
 * The accumulator state: plain data (typed arrays, arrays, numbers), so it survives
 * `structuredClone` and `postMessage`.
 *
 * @category Reach
 */
export interface ReachState {
  /** Marks the object as a reach state. */
  readonly kind: 'reach-state';
  /** The layout version (1); a state from a newer version is `INCOMPATIBLE`. */
  readonly schemaVersion: number;
  /** The configuration the state was made with (states merge only with equal fingerprints). */
  readonly fingerprint: string;
  /** Number of focal groups (bits per mask). */
  readonly groupBits: number;
  /** Histogram bins per cell. */
  readonly bins: number;
  /** Rows added, eligible or not. */
  rows: number;
  /** Paths of the leaf units, in order of first appearance. */
  leafPaths: string[][];
  /** Cells in use. */
  cells: number;
  /**
   * The cells by (leaf, mask): an open-addressing hash table of `cell + 1` (0 = empty), its length a
   * power of two at least twice the cells in it — so memory follows the cells in use, not units ×
   * focal-group combinations.
   */
  cellTable: Int32Array;
  /**
   * Cells entered in `cellTable`: cells `indexedCells … cells − 1` are entered at the next lookup
   * (a state filled once and summarized never builds the table).
   */
  indexedCells: number;
  /** Leaf of each cell. */
  cellLeaf: Int32Array;
  /** Mask of each cell. */
  cellMask: Int32Array;
  /** Histogram of each cell, `bins` entries per cell. */
  histogram: Float64Array;
  /**
   * Sum of engagements of each cell's eligible rows in the top histogram bin (≥ histogramMax);
   * the rows below it are summed from the histogram.
   */
  sum: Float64Array;
  /** Excluded (ineligible) rows of each cell. */
  excluded: Float64Array;
}

/** Lookup from level codes to leaf index (a trie of Maps), rebuilt from `leafPaths` when needed. */
export type LeafIndex = Map<string, unknown>;

const cache = new WeakMap<ReachState, LeafIndex>();

/** The leaf lookup of a state. */
export function leafIndexOf(state: ReachState): LeafIndex {
  let index = cache.get(state);
  if (index === undefined) {
    index = new Map();
    state.leafPaths.forEach((leafPath, leaf) => {
      insertLeaf(index as LeafIndex, leafPath, leaf);
    });
    cache.set(state, index);
  }
  return index;
}

function insertLeaf(index: LeafIndex, leafPath: readonly string[], leaf: number): void {
  let node = index;
  for (let level = 0; level < leafPath.length - 1; level += 1) {
    const key = leafPath[level] as string;
    let next = node.get(key) as LeafIndex | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(key, next);
    }
    node = next;
  }
  node.set(leafPath.length === 0 ? '' : (leafPath[leafPath.length - 1] as string), leaf);
}

/** A new, empty state. */
export function emptyState(config: ReachConfig): ReachState {
  return {
    kind: 'reach-state',
    schemaVersion: REACH_STATE_VERSION,
    fingerprint: config.fingerprint,
    groupBits: config.focalGroups.length,
    bins: config.histogramMax + 1,
    rows: 0,
    leafPaths: [],
    cells: 0,
    cellTable: new Int32Array(32),
    indexedCells: 0,
    cellLeaf: new Int32Array(16),
    cellMask: new Int32Array(16),
    histogram: new Float64Array(16 * (config.histogramMax + 1)),
    sum: new Float64Array(16),
    excluded: new Float64Array(16),
  };
}

/** Registers a leaf path and returns its index. */
export function leafFor(state: ReachState, leafPath: readonly string[]): number {
  const index = leafIndexOf(state);
  let node: unknown = index;
  const last = leafPath.length - 1;
  for (let level = 0; level < last; level += 1) {
    node = (node as LeafIndex).get(leafPath[level] as string);
    if (node === undefined) break;
  }
  if (node !== undefined) {
    const found = (node as LeafIndex).get(last < 0 ? '' : (leafPath[last] as string));
    if (typeof found === 'number') return found;
  }
  const leaf = state.leafPaths.length;
  state.leafPaths.push([...leafPath]);
  insertLeaf(index, leafPath, leaf);
  return leaf;
}

/**
 * Makes room for `extra` more cells (capacity at least doubles, so growth is amortized); past
 * {@link MAX_CELLS} cells or {@link MAX_HISTOGRAM_ENTRIES} histogram entries, `LIMIT_EXCEEDED` at `path`.
 */
export function reserveCells(state: ReachState, extra: number, path: ErrorPath = ['state']): void {
  const needed = state.cells + extra;
  if (needed > state.cellLeaf.length) {
    if (needed > MAX_CELLS || needed * state.bins > MAX_HISTOGRAM_ENTRIES) {
      limitExceeded(
        path,
        `more than ${Math.min(MAX_CELLS, Math.floor(MAX_HISTOGRAM_ENTRIES / state.bins))} (unit × focal-group combination) cells with ${state.bins} histogram bins each`,
      );
    }
    const capacity = Math.min(
      Math.max(needed, state.cellLeaf.length * 2),
      MAX_CELLS,
      Math.floor(MAX_HISTOGRAM_ENTRIES / state.bins),
    );
    state.cellLeaf = grown(state.cellLeaf, capacity);
    state.cellMask = grown(state.cellMask, capacity);
    state.histogram = grown(state.histogram, capacity * state.bins);
    state.sum = grown(state.sum, capacity);
    state.excluded = grown(state.excluded, capacity);
  }
}

/** A copy of `array` in a new array of the same kind and `size` entries. */
export function grown<A extends Int32Array | Uint32Array | Float64Array>(array: A, size: number): A {
  const copy = new (array.constructor as new (length: number) => A)(size);
  copy.set(array);
  return copy;
}

/** The smallest power of two at least twice `entries` (and at least 32). */
export function tableSize(entries: number): number {
  let size = 32;
  while (size < 2 * entries) size *= 2;
  return size;
}

/** Where the probe for (code, mask) starts in a table of `size` entries (a power of two). */
export function slotOf(code: number, mask: number, size: number): number {
  let hash = Math.imul(code, 0x9e3779b1) ^ Math.imul(mask + 1, 0x85ebca6b);
  hash ^= hash >>> 15;
  return hash & (size - 1);
}

/**
 * The slot of (code, mask) in an open-addressing `table` of `cell + 1` entries (0 = empty), whose
 * cells have codes `codeOf` and masks `maskOf`: where it is, or the empty slot where it goes. The
 * probe is bounded: a table with no empty slot (only a damaged state's can be) is `INVALID_INPUT`
 * at `['state', 'cellTable']` after one sweep, never a loop.
 */
export function probe(table: Int32Array, code: number, mask: number, codeOf: Int32Array, maskOf: Int32Array): number {
  const last = table.length - 1;
  let at = slotOf(code, mask, table.length);
  for (let steps = 0, entry = table[at] as number; entry !== 0; entry = table[at] as number) {
    if (codeOf[entry - 1] === code && maskOf[entry - 1] === mask) return at;
    at = (at + 1) & last;
    steps += 1;
    if (steps > last) invalid(['state', 'cellTable'], 'the cell table has no free slot: this reach state is damaged');
  }
  return at;
}

/**
 * Enters the cells not yet in the lookup table, first growing it (to four times the cells, so
 * growth is amortized) when it would be more than half full with one more — so every probe ends at
 * an empty slot.
 */
function indexCells(state: ReachState): void {
  let table = state.cellTable;
  let from = state.indexedCells;
  if (2 * (state.cells + 1) > table.length) {
    table = new Int32Array(tableSize(2 * state.cells + 1));
    from = 0;
  }
  for (let cell = from; cell < state.cells; cell += 1) {
    table[
      probe(table, state.cellLeaf[cell] as number, state.cellMask[cell] as number, state.cellLeaf, state.cellMask)
    ] = cell + 1;
  }
  state.cellTable = table;
  state.indexedCells = state.cells;
}

/** Appends a cell known to be new (a fold into an empty state), leaving it out of the table for now. */
function appendCell(state: ReachState, leaf: number, mask: number, path: ErrorPath): number {
  const cell = state.cells;
  if (cell === state.cellLeaf.length) reserveCells(state, 1, path);
  state.cells = cell + 1;
  state.cellLeaf[cell] = leaf;
  state.cellMask[cell] = mask;
  return cell;
}

/**
 * Adds one counted (leaf, mask) cell into the state: its bin `b` is `counts[offset + b × stride]`.
 * `fresh`: the state was empty and the cells being folded are distinct, so the cell is appended
 * without a lookup.
 */
export function foldCell(
  state: ReachState,
  fresh: boolean,
  leaf: number,
  mask: number,
  counts: ArrayLike<number>,
  offset: number,
  stride: number,
  sum: number,
  excluded: number,
  path: ErrorPath,
): void {
  const into = fresh ? appendCell(state, leaf, mask, path) : cellFor(state, leaf, mask, path);
  const bins = state.bins;
  const histogram = state.histogram;
  for (let bin = 0; bin < bins; bin += 1) {
    histogram[into * bins + bin] = (histogram[into * bins + bin] as number) + (counts[offset + bin * stride] as number);
  }
  state.sum[into] = (state.sum[into] as number) + sum;
  state.excluded[into] = (state.excluded[into] as number) + excluded;
}

/** The cell of (leaf, mask), created empty when new. */
export function cellFor(state: ReachState, leaf: number, mask: number, path: ErrorPath = ['state']): number {
  if (state.indexedCells !== state.cells || 2 * (state.cells + 1) > state.cellTable.length) indexCells(state);
  const table = state.cellTable;
  const at = probe(table, leaf, mask, state.cellLeaf, state.cellMask);
  if (table[at] !== 0) return (table[at] as number) - 1;
  const cell = state.cells;
  if (cell === state.cellLeaf.length) reserveCells(state, 1, path);
  state.cells = cell + 1;
  state.cellLeaf[cell] = leaf;
  state.cellMask[cell] = mask;
  table[at] = cell + 1;
  state.indexedCells = state.cells;
  return cell;
}

/** Adds `source` into `target` (same configuration). */
export function mergeInto(target: ReachState, source: ReachState, path: ErrorPath): void {
  const bins = target.bins;
  const leafMap = source.leafPaths.map((leafPath) => leafFor(target, leafPath));
  const { cellLeaf, cellMask, histogram, sum, excluded } = source;
  for (let cell = 0; cell < source.cells; cell += 1) {
    const leaf = leafMap[cellLeaf[cell] as number] as number;
    const mask = cellMask[cell] as number;
    foldCell(target, false, leaf, mask, histogram, cell * bins, 1, sum[cell] as number, excluded[cell] as number, path);
  }
  target.rows += source.rows;
}

/** What a state must agree with when it is used by an accumulator (none: {@link parseReachState}). */
interface Expected {
  readonly fingerprint: string;
  readonly groupBits: number;
  readonly bins: number;
  readonly depth: number;
}

const expectations = new WeakMap<ReachConfig, Expected>();

function expectedOf(config: ReachConfig): Expected {
  let expected = expectations.get(config);
  if (expected === undefined) {
    expected = {
      fingerprint: config.fingerprint,
      groupBits: config.focalGroups.length,
      bins: config.histogramMax + 1,
      depth: config.unitLevels.length,
    };
    expectations.set(config, expected);
  }
  return expected;
}

function damaged(path: ErrorPath, detail: string): never {
  return invalid(path, `${detail}: this reach state is damaged (or was edited)`);
}

function isCount(value: number): boolean {
  return value >= 0 && Number.isSafeInteger(value);
}

/** The kind, version and fingerprint of a state-like record (`INCOMPATIBLE` for a newer version or other options). */
export function requireStateHeader(
  value: unknown,
  path: ErrorPath,
  expected: Pick<Expected, 'fingerprint'> | null,
): Record<string, unknown> {
  const state = requireRecord(value, path) as Record<string, unknown>;
  if (state.kind !== 'reach-state')
    invalid([...path, 'kind'], "expected a reach state (kind: 'reach-state') from init()");
  const version = state.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    invalid(
      [...path, 'schemaVersion'],
      `a reach state carries a whole-number schemaVersion (this version writes ${REACH_STATE_VERSION})`,
    );
  }
  if (version > REACH_STATE_VERSION) {
    incompatible(
      [...path, 'schemaVersion'],
      `this reach state has schemaVersion ${version}, newer than this version of the library reads (${REACH_STATE_VERSION}): upgrade scaling-navigator`,
    );
  }
  if (typeof state.fingerprint !== 'string')
    invalid([...path, 'fingerprint'], 'expected the options fingerprint string');
  if (expected !== null && state.fingerprint !== expected.fingerprint) {
    incompatible(
      [...path, 'fingerprint'],
      'this state was made with other options (focal groups, unit levels, histogramMax or period); states merge only under the same ones',
    );
  }
  return state;
}

/**
 * The O(1) part of the check: header, sizes and array kinds — enough to make every later index
 * of the hot loops land inside its array. Run on every call.
 */
function requireStateShape(value: unknown, path: ErrorPath, expected: Expected): ReachState {
  const state = requireStateHeader(value, path, expected) as Partial<ReachState>;
  if (state.groupBits !== expected.groupBits) damaged([...path, 'groupBits'], `expected ${expected.groupBits}`);
  if (state.bins !== expected.bins) damaged([...path, 'bins'], `expected ${expected.bins}`);
  const bins = expected.bins;
  if (!(typeof state.rows === 'number' && isCount(state.rows))) damaged([...path, 'rows'], 'not a whole count');
  if (!Array.isArray(state.leafPaths)) damaged([...path, 'leafPaths'], 'not an array');
  if (!(state.cellLeaf instanceof Int32Array)) damaged([...path, 'cellLeaf'], 'not an Int32Array');
  const capacity = state.cellLeaf.length;
  const cells = state.cells;
  if (!(typeof cells === 'number' && Number.isInteger(cells) && cells >= 0 && cells <= capacity)) {
    damaged([...path, 'cells'], `not a whole number from 0 to the capacity ${capacity}`);
  }
  // Straight-line checks (no allocation): `add` runs this once per row.
  const mask = state.cellMask;
  if (!(mask instanceof Int32Array && mask.length === capacity)) {
    damaged([...path, 'cellMask'], `expected an Int32Array of ${capacity} entries`);
  }
  const histogram = state.histogram;
  if (!(histogram instanceof Float64Array && histogram.length === capacity * bins)) {
    damaged([...path, 'histogram'], `expected a Float64Array of ${capacity * bins} entries`);
  }
  const sum = state.sum;
  if (!(sum instanceof Float64Array && sum.length === capacity)) {
    damaged([...path, 'sum'], `expected a Float64Array of ${capacity} entries`);
  }
  const excluded = state.excluded;
  if (!(excluded instanceof Float64Array && excluded.length === capacity)) {
    damaged([...path, 'excluded'], `expected a Float64Array of ${capacity} entries`);
  }
  const table = state.cellTable;
  const indexed = state.indexedCells;
  if (!(typeof indexed === 'number' && Number.isInteger(indexed) && indexed >= 0 && indexed <= cells)) {
    damaged([...path, 'indexedCells'], `not a whole number from 0 to cells (${cells})`);
  }
  if (
    !(table instanceof Int32Array) ||
    table.length < 32 ||
    (table.length & (table.length - 1)) !== 0 ||
    table.length < 2 * indexed
  ) {
    damaged(
      [...path, 'cellTable'],
      'expected an Int32Array whose length is a power of two, at least twice the indexed cells',
    );
  }
  return state as ReachState;
}

/** Leaves in a trie (its number entries), by a walk over its Maps. */
function leavesIn(node: LeafIndex): number {
  let count = 0;
  for (const child of node.values()) count += typeof child === 'number' ? 1 : leavesIn(child as LeafIndex);
  return count;
}

/**
 * The O(cells) part: every leaf path well formed, unique and found by the leaf lookup; every
 * cell's leaf and mask in range and (leaf, mask) pairs distinct; histograms, sums and exclusions
 * whole, adding up to `rows`, and zero past the cells in use; every indexed cell found in the
 * cell table by a bounded probe, and nothing else in it. Time O(cells × bins + leaves × depth).
 */
function requireStateContents(state: ReachState, path: ErrorPath, depth: number | null): void {
  const { leafPaths, cells, bins, cellLeaf, cellMask, histogram, sum, excluded, cellTable } = state;
  const leaves = leafPaths.length;
  const levels = depth ?? (leaves > 0 && Array.isArray(leafPaths[0]) ? (leafPaths[0] as unknown[]).length : 0);
  for (let leaf = 0; leaf < leaves; leaf += 1) {
    const leafPath: unknown = leafPaths[leaf];
    if (!Array.isArray(leafPath) || leafPath.length !== levels) {
      damaged([...path, 'leafPaths', leaf], `expected an array of ${levels} unit codes`);
    }
    for (let level = 0; level < levels; level += 1) {
      const code: unknown = leafPath[level];
      if (typeof code !== 'string' || code.length === 0)
        damaged([...path, 'leafPaths', leaf, level], 'not a unit code');
    }
  }
  const index = leafIndexOf(state);
  for (let leaf = 0; leaf < leaves; leaf += 1) {
    const leafPath = leafPaths[leaf] as string[];
    let node: unknown = index;
    for (let level = 0; level < levels - 1 && node !== undefined; level += 1) {
      node = (node as LeafIndex).get(leafPath[level] as string);
    }
    const found = node instanceof Map ? node.get(levels === 0 ? '' : (leafPath[levels - 1] as string)) : undefined;
    if (found !== leaf)
      damaged([...path, 'leafPaths', leaf], 'a repeated unit path, or one the unit lookup does not know');
  }
  if (leavesIn(index) !== leaves) damaged([...path, 'leafPaths'], 'the unit lookup holds other units than leafPaths');
  const maskLimit = 2 ** state.groupBits;
  let total = 0;
  const cap = bins - 1;
  for (let cell = 0; cell < cells; cell += 1) {
    const leaf = cellLeaf[cell] as number;
    if (!(leaf >= 0 && leaf < leaves)) damaged([...path, 'cellLeaf', cell], `not a unit index (0 … ${leaves - 1})`);
    const mask = cellMask[cell] as number;
    if (!(mask >= 0 && mask < maskLimit))
      damaged([...path, 'cellMask', cell], `not a mask of ${state.groupBits} focal groups`);
    for (let bin = 0; bin < bins; bin += 1) {
      const count = histogram[cell * bins + bin] as number;
      if (!isCount(count)) damaged([...path, 'histogram', cell * bins + bin], 'not a whole count');
      total += count;
    }
    const top = histogram[cell * bins + cap] as number;
    const engaged = sum[cell] as number;
    if (!(isCount(engaged) && engaged >= top * cap && (top > 0 || engaged === 0))) {
      damaged([...path, 'sum', cell], `not the engagements of ${top} people with at least ${cap} each`);
    }
    const out = excluded[cell] as number;
    if (!isCount(out)) damaged([...path, 'excluded', cell], 'not a whole count');
    total += out;
  }
  if (total !== state.rows) damaged([...path, 'rows'], `the cells hold ${total} rows`);
  // Room past the cells in use is filled in place by later cells, so it must be empty.
  for (let at = cells * bins; at < histogram.length; at += 1) {
    if (histogram[at] !== 0) damaged([...path, 'histogram', at], 'a count past the cells in use');
  }
  for (let at = cells; at < sum.length; at += 1) {
    if (sum[at] !== 0) damaged([...path, 'sum', at], 'a sum past the cells in use');
    if (excluded[at] !== 0) damaged([...path, 'excluded', at], 'a count past the cells in use');
  }
  // Distinct (leaf, mask) cells. When every cell is indexed, the cell-table check below proves it
  // (a repeated pair's probe stops at its twin); otherwise a probe in a scratch table of all cells.
  if (state.indexedCells < cells) {
    const scratch = new Int32Array(tableSize(cells));
    for (let cell = 0; cell < cells; cell += 1) {
      const at = probe(scratch, cellLeaf[cell] as number, cellMask[cell] as number, cellLeaf, cellMask);
      if (scratch[at] !== 0) {
        damaged([...path, 'cellLeaf', cell], `the same unit and focal groups as cell ${(scratch[at] as number) - 1}`);
      }
      scratch[at] = cell + 1;
    }
  }
  // The cell table: exactly the indexed cells, each where its probe finds it.
  const indexed = state.indexedCells;
  let entries = 0;
  for (let at = 0; at < cellTable.length; at += 1) {
    const entry = cellTable[at] as number;
    if (entry === 0) continue;
    if (!(entry >= 1 && entry <= indexed)) damaged([...path, 'cellTable', at], `not a cell number (1 … ${indexed})`);
    entries += 1;
  }
  if (entries !== indexed) damaged([...path, 'cellTable'], `holds ${entries} cells, not the ${indexed} indexed`);
  for (let cell = 0; cell < indexed; cell += 1) {
    const at = probeOrDamaged(cellTable, cellLeaf[cell] as number, cellMask[cell] as number, cellLeaf, cellMask, path);
    if (cellTable[at] !== cell + 1) damaged([...path, 'cellTable'], `cell ${cell} is not where its lookup finds it`);
  }
}

/** {@link probe} with the error at `path` (the argument the state came in as). */
function probeOrDamaged(
  table: Int32Array,
  code: number,
  mask: number,
  codeOf: Int32Array,
  maskOf: Int32Array,
  path: ErrorPath,
): number {
  try {
    return probe(table, code, mask, codeOf, maskOf);
  } catch {
    return damaged([...path, 'cellTable'], 'the cell table has no free slot');
  }
}

/**
 * A state made with `config`, checked before use: the O(1) shape always, the O(cells) contents
 * when `full` (merge, finalize, columnar batches and the first row added to a state). Damage is
 * `INVALID_INPUT` with the path of the first bad field; a newer `schemaVersion` or other options
 * are `INCOMPATIBLE`.
 */
export function requireState(config: ReachConfig, value: unknown, path: ErrorPath, full = true): ReachState {
  const expected = expectedOf(config);
  const state = requireStateShape(value, path, expected);
  if (full) requireStateContents(state, path, expected.depth);
  return state;
}

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

/** `value`, with −0 as 0. */
const plusZero = (value: number): number => value + 0;

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
