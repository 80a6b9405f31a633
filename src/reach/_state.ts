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
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
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

/** The default error path of a state (one shared array: `cellFor` runs once per row). */
const STATE_PATH: ErrorPath = Object.freeze(['state']);

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
export function reserveCells(state: ReachState, extra: number, path: ErrorPath = STATE_PATH): void {
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
export function cellFor(state: ReachState, leaf: number, mask: number, path: ErrorPath = STATE_PATH): number {
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
