/**
 * The counting kernels, the hot loops of the reach module (bench/README.md): rows of typed columns
 * into dense bin-major counters or sparse per-cell counters, then folded into the state's cells.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { foldCell, grown, probe, type ReachState, reserveCells, tableSize } from './_state.js';

/**
 * Counts rows `start … end − 1`: dense counters (one per unit code × mask × bin) when they cost no
 * more than the rows do; otherwise counters for the (code, mask) cells that occur, numbered on
 * first sight.
 */
export function countRows(state: ReachState, leafOfCode: Int32Array, kernel: Kernel, start: number, end: number): void {
  const keys = kernel.codes * 2 ** kernel.bits;
  if (keys * (state.bins + 1) <= 2 * (end - start) + DENSE_FLOOR) countDense(state, leafOfCode, kernel, start, end);
  else countSparse(state, leafOfCode, kernel, start, end);
}

/** Rows per counting chunk (keeps 32-bit counters exact). */
export const CHUNK = 2 ** 31;
/** Dense counters are used up to this many entries even for few rows (256 KB). */
const DENSE_FLOOR = 1 << 16;

/** The validated columns a counting kernel reads. */
export interface Kernel {
  readonly unitCodes: ArrayLike<number>;
  readonly masks: Uint8Array;
  readonly engagements: ArrayLike<number>;
  readonly eligible: Uint8Array | undefined;
  readonly codes: number;
  readonly bits: number;
  readonly cap: number;
  readonly path: ErrorPath;
  /** Dense counters kept between batches (zeroed after each), or null to allocate per call. */
  readonly reuse: DenseScratch | null;
  /** No two codes share a leaf: into an empty state, every counted (code, mask) is a new cell. */
  readonly injective: boolean;
}

/** Dense counters reused across the batches of one roster. */
export interface DenseScratch {
  counts: Uint32Array;
  overflow: Float64Array;
}

/** Throws for the first bad entry of row `index` (called only when a check failed). */
function badColumnEntry(kernel: Kernel, index: number): never {
  const code = kernel.unitCodes[index] as number;
  const { path, codes, bits } = kernel;
  if (!(code >= 0 && code < codes)) {
    invalid([...path, 'unitCodes', index], `unit code ${code} is not an index into units (0 … ${codes - 1})`);
  }
  const mask = kernel.masks[index] as number;
  if (mask >= 1 << bits)
    invalid([...path, 'groupMasks', index], `mask ${mask} sets a bit beyond the ${bits} focal groups`);
  invalid([...path, 'engagements', index], `must be at least 0, got ${kernel.engagements[index]}`);
}

/**
 * Counts rows `start … end − 1` into bin-major dense counters: entry `bin × keys + key`, where
 * `key = code << bits | mask` and bin `bins` holds the excluded rows. Bin-major keeps the few bins
 * real data hits (0 … 4 engagements, say) together in cache, which makes this faster than counting
 * n and reached per cell.
 */
function countDense(state: ReachState, leafOfCode: Int32Array, kernel: Kernel, start: number, end: number): void {
  const { unitCodes, masks, engagements, eligible, codes, bits, cap } = kernel;
  const keys = codes << bits;
  const maxMask = (1 << bits) - 1;
  const bins = state.bins;
  const reuse = kernel.reuse;
  if (reuse !== null && reuse.overflow.length < keys) {
    reuse.counts = new Uint32Array(2 * keys * (bins + 1));
    reuse.overflow = new Float64Array(2 * keys);
  }
  const counts = reuse === null ? new Uint32Array(keys * (bins + 1)) : reuse.counts.subarray(0, keys * (bins + 1));
  const overflow = reuse === null ? new Float64Array(keys) : reuse.overflow.subarray(0, keys);
  const excludedRow = bins * keys;
  for (let index = start; index < end; index += 1) {
    const code = unitCodes[index] as number;
    const mask = masks[index] as number;
    const count = engagements[index] as number;
    if (!(code >= 0 && code < codes && mask <= maxMask && count >= 0)) badColumnEntry(kernel, index);
    const key = (code << bits) | mask;
    if (eligible !== undefined && eligible[index] === 0) {
      counts[excludedRow + key] = (counts[excludedRow + key] as number) + 1;
    } else if (count < cap) {
      counts[count * keys + key] = (counts[count * keys + key] as number) + 1;
    } else {
      counts[cap * keys + key] = (counts[cap * keys + key] as number) + 1;
      overflow[key] = (overflow[key] as number) + count;
    }
  }
  // Fold into the state: totals per key in row order (sequential reads), room for the new cells
  // reserved once, then each used key's bins.
  const totals = counts.slice(0, keys);
  for (let bin = 1; bin <= bins; bin += 1) {
    const row = bin * keys;
    for (let key = 0; key < keys; key += 1) totals[key] = (totals[key] as number) + (counts[row + key] as number);
  }
  let used = 0;
  for (let key = 0; key < keys; key += 1) if (totals[key] !== 0) used += 1;
  const fresh = state.cells === 0 && kernel.injective;
  reserveCells(state, used, kernel.path);
  for (let key = 0; key < keys; key += 1) {
    if (totals[key] === 0) continue;
    const leaf = leafOfCode[key >>> bits] as number;
    const excluded = counts[excludedRow + key] as number;
    foldCell(state, fresh, leaf, key & maxMask, counts, key, keys, overflow[key] as number, excluded, kernel.path);
  }
  if (reuse !== null) {
    counts.fill(0);
    overflow.fill(0);
  }
}

/**
 * Counts rows `start … end − 1` into cell-major counters for the (code, mask) cells that occur,
 * numbered on first sight (for many unit codes and few rows, where dense counters would be mostly
 * empty).
 */
function countSparse(state: ReachState, leafOfCode: Int32Array, kernel: Kernel, start: number, end: number): void {
  const { unitCodes, masks, engagements, eligible, codes, bits, cap } = kernel;
  const maxMask = (1 << bits) - 1;
  const bins = state.bins;
  // Local cells by (code, mask) in an open-addressing table (cell + 1; 0 = empty) that stays at
  // most half full, with 32-bit counters folded into the state at the end.
  let capacity = Math.max(16, Math.min(end - start, 1 << 16));
  let table = new Int32Array(tableSize(capacity));
  let localCode = new Int32Array(capacity);
  let localMask = new Int32Array(capacity);
  let histogram = new Uint32Array(capacity * bins);
  let overflow = new Float64Array(capacity);
  let excluded = new Uint32Array(capacity);
  let cells = 0;
  for (let index = start; index < end; index += 1) {
    const code = unitCodes[index] as number;
    const mask = masks[index] as number;
    const count = engagements[index] as number;
    if (!(code >= 0 && code < codes && mask <= maxMask && count >= 0)) badColumnEntry(kernel, index);
    let at = probe(table, code, mask, localCode, localMask);
    let cell = (table[at] as number) - 1;
    if (cell < 0) {
      if (cells === capacity) {
        capacity *= 2;
        localCode = grown(localCode, capacity);
        localMask = grown(localMask, capacity);
        histogram = grown(histogram, capacity * bins);
        overflow = grown(overflow, capacity);
        excluded = grown(excluded, capacity);
        table = new Int32Array(tableSize(capacity));
        for (let known = 0; known < cells; known += 1) {
          table[probe(table, localCode[known] as number, localMask[known] as number, localCode, localMask)] = known + 1;
        }
        at = probe(table, code, mask, localCode, localMask);
      }
      cell = cells;
      cells += 1;
      localCode[cell] = code;
      localMask[cell] = mask;
      table[at] = cell + 1;
    }
    if (eligible !== undefined && eligible[index] === 0) {
      excluded[cell] = (excluded[cell] as number) + 1;
    } else if (count < cap) {
      const bin = cell * bins + count;
      histogram[bin] = (histogram[bin] as number) + 1;
    } else {
      const bin = cell * bins + cap;
      histogram[bin] = (histogram[bin] as number) + 1;
      overflow[cell] = (overflow[cell] as number) + count;
    }
  }
  const fresh = state.cells === 0 && kernel.injective;
  reserveCells(state, cells, kernel.path);
  for (let cell = 0; cell < cells; cell += 1) {
    const leaf = leafOfCode[localCode[cell] as number] as number;
    const sum = overflow[cell] as number;
    foldCell(
      state,
      fresh,
      leaf,
      localMask[cell] as number,
      histogram,
      cell * bins,
      1,
      sum,
      excluded[cell] as number,
      kernel.path,
    );
  }
}
