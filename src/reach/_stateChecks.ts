/**
 * Checking a reach state that came back from a worker or storage: the O(1) shape on every call,
 * the O(cells) contents when asked.
 *
 * @internal
 * @module
 */
import { type ErrorPath, incompatible, invalid } from '../_lib/errors.js';
import { requireRecord } from '../_lib/validate.js';
import type { ReachConfig } from './_config.js';
import { type LeafIndex, leafIndexOf, probe, REACH_STATE_VERSION, type ReachState, tableSize } from './_state.js';

/** What a state must agree with when it is used by an accumulator (none: {@link parseReachState}). */
export interface Expected {
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

export function damaged(path: ErrorPath, detail: string): never {
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
export function requireStateShape(value: unknown, path: ErrorPath, expected: Expected): ReachState {
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
export function requireStateContents(state: ReachState, path: ErrorPath, depth: number | null): void {
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
    // The table has at least twice as many slots as the `indexed` entries counted above, so every
    // probe ends at a free slot or its cell: probe never runs out of slots here.
    const at = probe(cellTable, cellLeaf[cell] as number, cellMask[cell] as number, cellLeaf, cellMask);
    if (cellTable[at] !== cell + 1) damaged([...path, 'cellTable'], `cell ${cell} is not where its lookup finds it`);
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
