/**
 * The reach accumulator's state and its hot paths: counts per (leaf unit × focal-group mask) cell,
 * each with an engagement histogram, the sum of engagements and the excluded count. Row and
 * columnar input update the same cells, so both forms give identical results; counts are whole
 * numbers in float64, so merging shards is exact.
 *
 * @internal
 * @module
 */
import { requireIsoDate } from '../_lib/dates.js';
import { hashString, requireDistinctIds } from '../_lib/duplicates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import {
  describeValue,
  readConfidenceLevel,
  requireArray,
  requireNonEmptyId,
  requireNumber,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import type { ReachColumns, ReachOptions, ReachRow } from './ReachRoster.js';
import { type ReachPolicy, resolveReachPolicy } from './reachPolicy.js';

/** At most this many focal groups (masks are bytes). */
export const MAX_FOCAL_GROUPS = 8;

/** A requested intersection of focal groups. */
export interface IntersectionSpec {
  readonly id: string;
  readonly members: readonly string[];
  readonly mask: number;
}

/** Options after validation. */
export interface ReachConfig {
  readonly focalGroups: readonly string[];
  readonly unitLevels: readonly string[];
  readonly minEngagements: number;
  readonly histogramMax: number;
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly intersections: readonly IntersectionSpec[];
  readonly confidenceLevel: number;
  readonly policy: ReachPolicy;
  /** Identifies configurations whose states may be merged. */
  readonly fingerprint: string;
}

const OPTION_KEYS = new Set([
  'focalGroups',
  'unitLevels',
  'minEngagements',
  'period',
  'histogramMax',
  'intersections',
  'confidenceLevel',
  'policy',
]);

/** Validates {@link ReachOptions}. */
export function resolveReachConfig(value: unknown, path: ErrorPath): ReachConfig {
  const options = requireRecord(value, path);
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) invalid([...path, key], `unknown option ${JSON.stringify(key)}`);
  }
  const groupList = requireArray(options.focalGroups, [...path, 'focalGroups']);
  if (groupList.length > MAX_FOCAL_GROUPS) {
    invalid([...path, 'focalGroups'], `at most ${MAX_FOCAL_GROUPS} focal groups, got ${groupList.length}`);
  }
  const seenGroups = new Set<string>();
  const focalGroups = groupList.map((entry, index) => {
    const groupPath = [...path, 'focalGroups', index];
    const id =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? requireNonEmptyId((entry as { id?: unknown }).id, [...groupPath, 'id'])
        : requireNonEmptyId(entry, groupPath);
    requireUniqueId(seenGroups, id, groupPath, 'focal group');
    return id;
  });
  const levelList = requireArray(options.unitLevels, [...path, 'unitLevels']);
  const seenLevels = new Set<string>();
  const unitLevels = levelList.map((entry, index) => {
    const id = requireNonEmptyId(entry, [...path, 'unitLevels', index]);
    requireUniqueId(seenLevels, id, [...path, 'unitLevels', index], 'unit level');
    return id;
  });
  const minEngagements =
    options.minEngagements === undefined
      ? 1
      : requireNumber(options.minEngagements, [...path, 'minEngagements'], { min: 1, integer: true });
  const histogramMax =
    options.histogramMax === undefined
      ? Math.max(10, minEngagements)
      : requireNumber(options.histogramMax, [...path, 'histogramMax'], {
          min: minEngagements,
          max: 1000,
          integer: true,
        });
  let period: ReachConfig['period'] = null;
  let periodStart = 0;
  let periodEnd = -1;
  if (options.period !== undefined) {
    const raw = requireRecord(options.period, [...path, 'period']);
    periodStart = requireIsoDate(raw.start, [...path, 'period', 'start']);
    periodEnd = requireIsoDate(raw.end, [...path, 'period', 'end']);
    if (periodEnd < periodStart) invalid([...path, 'period', 'end'], 'the period must not end before it starts');
    period = { start: raw.start as string, end: raw.end as string };
  }
  const seenIntersections = new Set<string>();
  const intersections = (
    options.intersections === undefined ? [] : requireArray(options.intersections, [...path, 'intersections'])
  ).map((entry, index) => {
    const entryPath = [...path, 'intersections', index];
    const members = requireArray(entry, entryPath);
    if (members.length < 2) invalid(entryPath, 'an intersection names at least two focal groups');
    let mask = 0;
    const names: string[] = [];
    members.forEach((member, position) => {
      const bit = focalGroups.indexOf(member as string);
      if (bit < 0) invalid([...entryPath, position], `unknown focal group ${describeValue(member)}`);
      if ((mask & (1 << bit)) !== 0) invalid([...entryPath, position], `focal group ${describeValue(member)} twice`);
      mask |= 1 << bit;
      names.push(member as string);
    });
    const id = names.join('&');
    requireUniqueId(seenIntersections, String(mask), entryPath, 'intersection');
    return { id, members: names, mask };
  });
  const confidenceLevel = readConfidenceLevel(options.confidenceLevel, [...path, 'confidenceLevel']);
  const policy = resolveReachPolicy(options.policy, [...path, 'policy']);
  const fingerprint = JSON.stringify([focalGroups, unitLevels, histogramMax, period]);
  return {
    focalGroups,
    unitLevels,
    minEngagements,
    histogramMax,
    period,
    periodStart,
    periodEnd,
    intersections,
    confidenceLevel,
    policy,
    fingerprint,
  };
}

/**
 * The accumulator state: plain data (typed arrays, arrays, numbers), so it survives
 * `structuredClone` and `postMessage`.
 *
 * @category Reach
 */
export interface ReachState {
  /** Marks the object as a reach state. */
  readonly kind: 'reach-state';
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

/** Makes room for `extra` more cells (capacity at least doubles, so growth is amortized). */
function reserveCells(state: ReachState, extra: number): void {
  const needed = state.cells + extra;
  if (needed > state.cellLeaf.length) {
    const capacity = Math.max(needed, state.cellLeaf.length * 2);
    state.cellLeaf = grown(state.cellLeaf, capacity);
    state.cellMask = grown(state.cellMask, capacity);
    state.histogram = grown(state.histogram, capacity * state.bins);
    state.sum = grown(state.sum, capacity);
    state.excluded = grown(state.excluded, capacity);
  }
}

/** A copy of `array` in a new array of the same kind and `size` entries. */
function grown<A extends Int32Array | Uint32Array | Float64Array>(array: A, size: number): A {
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
 * cells have codes `codeOf` and masks `maskOf`: where it is, or the empty slot where it goes.
 */
function probe(table: Int32Array, code: number, mask: number, codeOf: Int32Array, maskOf: Int32Array): number {
  const last = table.length - 1;
  let at = slotOf(code, mask, table.length);
  for (let entry = table[at] as number; entry !== 0; entry = table[at] as number) {
    if (codeOf[entry - 1] === code && maskOf[entry - 1] === mask) return at;
    at = (at + 1) & last;
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
function appendCell(state: ReachState, leaf: number, mask: number): number {
  const cell = state.cells;
  if (cell === state.cellLeaf.length) reserveCells(state, 1);
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
function foldCell(
  state: ReachState,
  fresh: boolean,
  leaf: number,
  mask: number,
  counts: ArrayLike<number>,
  offset: number,
  stride: number,
  sum: number,
  excluded: number,
): void {
  const into = fresh ? appendCell(state, leaf, mask) : cellFor(state, leaf, mask);
  const bins = state.bins;
  const histogram = state.histogram;
  for (let bin = 0; bin < bins; bin += 1) {
    histogram[into * bins + bin] = (histogram[into * bins + bin] as number) + (counts[offset + bin * stride] as number);
  }
  state.sum[into] = (state.sum[into] as number) + sum;
  state.excluded[into] = (state.excluded[into] as number) + excluded;
}

/** The cell of (leaf, mask), created empty when new. */
export function cellFor(state: ReachState, leaf: number, mask: number): number {
  if (state.indexedCells !== state.cells || 2 * (state.cells + 1) > state.cellTable.length) indexCells(state);
  const table = state.cellTable;
  const at = probe(table, leaf, mask, state.cellLeaf, state.cellMask);
  if (table[at] !== 0) return (table[at] as number) - 1;
  const cell = state.cells;
  if (cell === state.cellLeaf.length) reserveCells(state, 1);
  state.cells = cell + 1;
  state.cellLeaf[cell] = leaf;
  state.cellMask[cell] = mask;
  table[at] = cell + 1;
  state.indexedCells = state.cells;
  return cell;
}

/** The error path of a row: `base`, or `base` + `position` (a row of a roster); built only on failure. */
function rowPath(base: ErrorPath, position: number): ErrorPath {
  return position < 0 ? base : [...base, position];
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Takes one validated row: its leaf, focal-group mask, eligibility and engagements in the period. */
export type RowSink = (leaf: number, mask: number, eligible: boolean, engagements: number) => void;

/**
 * Reads rows of the row form (validated) and hands each to `sink`. When `hashes` is given, row
 * `position`'s id hash goes to `hashes[position]` for the duplicate check after the pass
 * ({@link firstRepeat}). Checks are inline and error paths are built only on failure: this runs
 * once per person.
 */
export function rowReader(
  config: ReachConfig,
  state: ReachState,
  hashes: Uint32Array | null,
  sink: RowSink,
): (value: unknown, base: ErrorPath, position: number) => void {
  const levels = config.unitLevels;
  const depth = levels.length;
  const groupIds = config.focalGroups;
  const index = leafIndexOf(state);

  /** The leaf of a row's units: a walk down the trie, allocating only for a new leaf (or no levels). */
  const leafOf = (units: Record<string, unknown>, base: ErrorPath, position: number): number => {
    let node: LeafIndex | undefined = index;
    for (let level = 0; level < depth; level += 1) {
      const name = levels[level] as string;
      const code = units[name];
      if (!isId(code)) requireNonEmptyId(code, [...rowPath(base, position), 'units', name]);
      if (node === undefined) continue;
      const found: unknown = node.get(code as string);
      if (level === depth - 1) {
        if (typeof found === 'number') return found;
      } else {
        node = found as LeafIndex | undefined;
      }
    }
    return leafFor(
      state,
      levels.map((name) => units[name] as string),
    );
  };

  return (value, base, position) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      requireRecord(value, rowPath(base, position));
    const row = value as Partial<ReachRow>;
    const id = row.id;
    if (!isId(id)) requireNonEmptyId(id, [...rowPath(base, position), 'id']);
    if (hashes !== null) hashes[position] = hashString(id as string);
    const units = row.units;
    if (typeof units !== 'object' || units === null || Array.isArray(units))
      requireRecord(units, [...rowPath(base, position), 'units']);
    const leaf = leafOf(units as Record<string, unknown>, base, position);
    let mask = 0;
    const groups = row.groups;
    if (groups !== undefined) {
      if (!Array.isArray(groups)) requireArray(groups, [...rowPath(base, position), 'groups']);
      for (let entry = 0; entry < groups.length; entry += 1) {
        const bit = groupIds.indexOf(groups[entry] as string);
        if (bit < 0) {
          invalid(
            [...rowPath(base, position), 'groups', entry],
            `unknown focal group ${describeValue(groups[entry])}; expected one of: ${groupIds.join(', ')}`,
          );
        }
        mask |= 1 << bit;
      }
    }
    let eligible = true;
    if (row.eligible !== undefined) {
      if (typeof row.eligible !== 'boolean') {
        invalid([...rowPath(base, position), 'eligible'], `expected true or false, got ${describeValue(row.eligible)}`);
      }
      eligible = row.eligible;
    }
    let engagements = 0;
    if (row.engagements !== undefined) {
      if (row.engagedOn !== undefined) {
        invalid(
          [...rowPath(base, position), 'engagedOn'],
          'give either engagements (a count) or engagedOn (dates), not both',
        );
      }
      engagements = row.engagements;
      if (!(Number.isInteger(engagements) && engagements >= 0)) {
        requireNumber(engagements, [...rowPath(base, position), 'engagements'], { min: 0, integer: true });
      }
    } else if (row.engagedOn !== undefined) {
      const dates = requireArray(row.engagedOn, [...rowPath(base, position), 'engagedOn']);
      if (config.period === null && dates.length > 0) {
        invalid(
          [...rowPath(base, position), 'engagedOn'],
          'dated engagements need options.period (the window they are counted in)',
        );
      }
      for (let entry = 0; entry < dates.length; entry += 1) {
        const day = requireIsoDate(dates[entry], [...rowPath(base, position), 'engagedOn', entry]);
        if (day >= config.periodStart && day <= config.periodEnd) engagements += 1;
      }
    }
    sink(leaf, mask, eligible, engagements);
  };
}

/** A sink adding each row to its cell at once (the accumulator's `add`, one row per call). */
export function directSink(config: ReachConfig, state: ReachState): RowSink {
  const cap = config.histogramMax;
  return (leaf, mask, eligible, engagements) => {
    const cell = cellFor(state, leaf, mask);
    state.rows += 1;
    if (!eligible) {
      state.excluded[cell] = (state.excluded[cell] as number) + 1;
      return;
    }
    const at = cell * state.bins + Math.min(engagements, cap);
    state.histogram[at] = (state.histogram[at] as number) + 1;
    if (engagements >= cap) state.sum[cell] = (state.sum[cell] as number) + engagements;
  };
}

/**
 * A sink that buffers rows as columns (leaf, mask, engagements, eligibility) and counts each full
 * buffer with the columnar kernel: adding a row straight to its cell touches a random place in
 * the state's histograms (a cache miss per person once there are thousands of units), while the
 * kernel counts a batch in compact counters. `flush()` counts what is left.
 */
export function batchSink(
  config: ReachConfig,
  state: ReachState,
  capacity: number,
): { readonly sink: RowSink; readonly flush: () => void } {
  const size = Math.max(1, capacity);
  const leaves = new Uint32Array(size);
  const masks = new Uint8Array(size);
  const engagements = new Uint32Array(size);
  const eligible = new Uint8Array(size);
  const direct = directSink(config, state);
  const reuse: DenseScratch = { counts: new Uint32Array(0), overflow: new Float64Array(0) };
  let length = 0;
  const flush = (): void => {
    if (length === 0) return;
    const codes = state.leafPaths.length;
    const leafOfCode = new Int32Array(codes);
    for (let leaf = 0; leaf < codes; leaf += 1) leafOfCode[leaf] = leaf;
    const kernel: Kernel = {
      unitCodes: leaves,
      masks,
      engagements,
      eligible,
      codes,
      bits: state.groupBits,
      cap: config.histogramMax,
      path: [],
      reuse,
      injective: true,
    };
    countRows(state, leafOfCode, kernel, 0, length);
    state.rows += length;
    length = 0;
  };
  const sink: RowSink = (leaf, mask, isEligible, count) => {
    // A count past 32 bits (valid, if odd) skips the buffer.
    if (count > 0xffffffff) {
      direct(leaf, mask, isEligible, count);
      return;
    }
    leaves[length] = leaf;
    masks[length] = mask;
    engagements[length] = count;
    eligible[length] = isEligible ? 1 : 0;
    length += 1;
    if (length === size) flush();
  };
  return { sink, flush };
}

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
  const columns = requireRecord(value, path) as Partial<ReachColumns>;
  const unitCodes = requireIntegerArray(columns.unitCodes, [...path, 'unitCodes'], null);
  const n = unitCodes.length;
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
  const levels = config.unitLevels;
  const bits = state.groupBits;
  const leafOfCode = new Int32Array(table.length);
  let injective = true;
  // A loop, not forEach: a hole in the table is an error, not a skipped entry.
  for (let code = 0; code < table.length; code += 1) {
    const units = requireRecord(table[code], [...path, 'units', code]);
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

/**
 * Counts rows `start … end − 1`: dense counters (one per unit code × mask × bin) when they cost no
 * more than the rows do; otherwise counters for the (code, mask) cells that occur, numbered on
 * first sight.
 */
function countRows(state: ReachState, leafOfCode: Int32Array, kernel: Kernel, start: number, end: number): void {
  const keys = kernel.codes * 2 ** kernel.bits;
  if (keys * (state.bins + 1) <= 2 * (end - start) + DENSE_FLOOR) countDense(state, leafOfCode, kernel, start, end);
  else countSparse(state, leafOfCode, kernel, start, end);
}

/** Rows per counting chunk (keeps 32-bit counters exact). */
const CHUNK = 2 ** 31;
/** Dense counters are used up to this many entries even for few rows (256 KB). */
const DENSE_FLOOR = 1 << 16;

/** The validated columns a counting kernel reads. */
interface Kernel {
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
interface DenseScratch {
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
  reserveCells(state, used);
  for (let key = 0; key < keys; key += 1) {
    if (totals[key] === 0) continue;
    const leaf = leafOfCode[key >>> bits] as number;
    const excluded = counts[excludedRow + key] as number;
    foldCell(state, fresh, leaf, key & maxMask, counts, key, keys, overflow[key] as number, excluded);
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
  reserveCells(state, cells);
  for (let cell = 0; cell < cells; cell += 1) {
    const leaf = leafOfCode[localCode[cell] as number] as number;
    const sum = overflow[cell] as number;
    foldCell(state, fresh, leaf, localMask[cell] as number, histogram, cell * bins, 1, sum, excluded[cell] as number);
  }
}

/** Adds `source` into `target` (same configuration). */
export function mergeInto(target: ReachState, source: ReachState): void {
  const bins = target.bins;
  const leafMap = source.leafPaths.map((leafPath) => leafFor(target, leafPath));
  const { cellLeaf, cellMask, histogram, sum, excluded } = source;
  for (let cell = 0; cell < source.cells; cell += 1) {
    const leaf = leafMap[cellLeaf[cell] as number] as number;
    const mask = cellMask[cell] as number;
    foldCell(target, false, leaf, mask, histogram, cell * bins, 1, sum[cell] as number, excluded[cell] as number);
  }
  target.rows += source.rows;
}

/** Throws unless `value` is a state made with `config`. */
export function requireState(config: ReachConfig, value: unknown, path: ErrorPath): ReachState {
  const state = requireRecord(value, path) as Partial<ReachState>;
  if (state.kind !== 'reach-state') invalid(path, 'expected a reach state from init()');
  if (state.fingerprint !== config.fingerprint) {
    invalid(path, 'this state was made with other options (focal groups, unit levels, histogramMax or period)');
  }
  // The arrays a state is made of (a state passed through postMessage or storage must arrive whole).
  const cells = state.cells;
  const capacity = state.cellLeaf instanceof Int32Array ? state.cellLeaf.length : -1;
  const table = state.cellTable;
  const whole =
    Number.isInteger(cells) &&
    Number.isInteger(state.rows) &&
    Array.isArray(state.leafPaths) &&
    (cells as number) >= 0 &&
    (cells as number) <= capacity &&
    state.cellMask instanceof Int32Array &&
    state.cellMask.length === capacity &&
    state.histogram instanceof Float64Array &&
    state.histogram.length === capacity * (state.bins as number) &&
    state.sum instanceof Float64Array &&
    state.sum.length === capacity &&
    state.excluded instanceof Float64Array &&
    state.excluded.length === capacity &&
    table instanceof Int32Array &&
    Number.isInteger(state.indexedCells) &&
    (state.indexedCells as number) >= 0 &&
    (state.indexedCells as number) <= (cells as number) &&
    table.length >= 2 * (state.indexedCells as number) &&
    (table.length & (table.length - 1)) === 0;
  if (!whole) invalid(path, 'this reach state is incomplete or damaged (its arrays do not fit together)');
  return state as ReachState;
}
