import { type ErrorPath, invalid } from '../_lib/errors.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { describeValue, requireRecord } from '../_lib/validate.js';
import { type ArrowData, type ArrowVector, columnOf, flagColumn, unitColumn, wholeColumn } from './_arrow.js';
import { resolveReachConfig } from './_config.js';
import type { ReachColumns, SummarizeReachOptions } from './ReachRoster.js';

/**
 * Which Arrow columns mean what ({@link reachColumnsFromArrow}): the column of each unit level, a
 * yes/no column per focal group (or `groupMask`, a column holding the mask), the engagements and,
 * optionally, eligibility.
 *
 * @category Reach
 */
export interface ReachArrowColumns {
  readonly units: Readonly<Record<string, string>>;
  readonly groups?: Readonly<Record<string, string>>;
  readonly groupMask?: string;
  readonly engagements: string;
  readonly eligible?: string;
}

/**
 * The part of an Apache Arrow `Table` read (apache-arrow's own `Table` has it; so do the tables
 * DuckDB-Wasm and Parquet readers return): its record batches, each with `getChild(name)`.
 *
 * @category Reach
 */
export interface ArrowTableLike {
  /** The table's record batches. */
  readonly batches: readonly ArrowBatchLike[];
}

/**
 * One record batch of an {@link ArrowTableLike}: its row count and its columns by name.
 *
 * @category Reach
 */
export interface ArrowBatchLike {
  /** Rows in the batch. */
  readonly numRows: number;
  /** The column (an Arrow `Vector`) named `name`, or `null` when the batch has none. */
  getChild(name: string): unknown;
}

/**
 * An Arrow table as columnar rosters, one per record batch, and which columns had to be copied.
 *
 * @category Reach
 */
export interface ReachArrowBatches {
  /** One {@link ReachColumns} per record batch: add each to a {@link reachAccumulator}. */
  readonly batches: readonly ReachColumns[];
  /** The roles (`units`, `groups`, `engagements`, `eligible`) converted in some batch; the others were Arrow's buffers as they are. */
  readonly copied: readonly string[];
}

const COLUMN_KEYS = /* @__PURE__ */ keysOf<ReachArrowColumns>()(
  'units',
  'groups',
  'groupMask',
  'engagements',
  'eligible',
);

/**
 * Columnar rosters from an Apache Arrow table (`apache-arrow`, DuckDB-Wasm, Parquet readers), one
 * per record batch, with no dependency on `apache-arrow`. Zero-copy where Arrow's buffers already
 * are what the columnar form takes: a dictionary-encoded unit column's Int32 or unsigned indices as
 * `unitCodes` (one unit level), a Uint8 mask as `groupMasks`, 8/16/32-bit unsigned or Int32
 * engagements and a Uint8 eligibility without nulls. Everything else — bit-packed booleans (focal
 * groups, eligibility), several unit levels, plain string units, Int8/16 or 64-bit (`BigInt64Array`)
 * counts, whole floats — is converted in one pass per column; `copied` says which. Each batch has
 * its own dictionary, so per-batch dictionaries need nothing special.
 *
 * Add the batches to one {@link reachAccumulator} (`addColumns`) and `finalize`: the same summary as
 * {@link summarizeReach} on the same people.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for a value that is not an Arrow table, a missing
 *   column, a column of the wrong type, a null (with its row), a negative or fractional count, a
 *   unit level or focal group without a column, both `groups` and `groupMask`, or bad options (as
 *   {@link summarizeReach}); `LIMIT_EXCEEDED` for counts above 2³² − 1.
 * @example
 * ```ts
 * import { reachColumnsFromArrow, reachAccumulator } from 'scaling-navigator/reach';
 * // An Arrow table as apache-arrow's tableFromArrays makes it (here a stand-in of the same shape).
 * const table = { batches: [] };
 * const options = { focalGroups: ['el'], unitLevels: ['school'] };
 * const { batches, copied } = reachColumnsFromArrow(table, { units: { school: 'school' }, groups: { el: 'is_el' }, engagements: 'sessions' }, options);
 * const accumulator = reachAccumulator(options);
 * const state = accumulator.init();
 * for (const batch of batches) accumulator.addColumns(state, batch);
 * accumulator.finalize(state).overall.n //=> 0
 * copied //=> []
 * reachColumnsFromArrow({} as never, { units: { school: 's' }, groups: { el: 'e' }, engagements: 'n' }, options) //=> throws INVALID_INPUT at ['table', 'batches']
 * ```
 */
export function reachColumnsFromArrow(
  table: ArrowTableLike,
  columns: ReachArrowColumns,
  options: SummarizeReachOptions,
): ReachArrowBatches {
  const config = resolveReachConfig(options, ['options']);
  const spec = readOptions<ReachArrowColumns>(columns, COLUMN_KEYS, ['columns']);
  if (columns === undefined) invalid(['columns'], 'expected { units, groups, engagements }');
  const units = requireRecord(spec.units, ['columns', 'units']);
  requireKnownKeys(units, config.unitLevels, ['columns', 'units']);
  const unitNames = config.unitLevels.map((level) => columnName(units[level], ['columns', 'units', level]));
  if (spec.groups !== undefined && spec.groupMask !== undefined) {
    invalid(['columns', 'groupMask'], 'give groups (a column per focal group) or groupMask, not both');
  }
  let groupNames: string[] = [];
  let maskName: string | null = null;
  if (spec.groupMask !== undefined) maskName = columnName(spec.groupMask, ['columns', 'groupMask']);
  else if (config.focalGroups.length > 0 || spec.groups !== undefined) {
    const groups = requireRecord(spec.groups, ['columns', 'groups']);
    requireKnownKeys(groups, config.focalGroups, ['columns', 'groups']);
    groupNames = config.focalGroups.map((id) => columnName(groups[id], ['columns', 'groups', id]));
  }
  const engagementsName = columnName(spec.engagements, ['columns', 'engagements']);
  const eligibleName = spec.eligible === undefined ? null : columnName(spec.eligible, ['columns', 'eligible']);
  const record = requireRecord(table, ['table']);
  // An object literal standing in for a table is read strictly (a typo is an error); an Arrow
  // table (a class instance with its own internals) is read for its batches only.
  if (isPlain(record)) requireKnownKeys(record, TABLE_KEYS, ['table']);
  const list = record.batches;
  if (!Array.isArray(list))
    invalid(['table', 'batches'], `expected an Arrow table's record batches, got ${describeValue(list)}`);
  requireDenseArray(list, ['table', 'batches'], MAX_BATCHES);
  const copied = new Set<string>();
  const batches = list.map((value: unknown, index): ReachColumns => {
    const path: ErrorPath = ['table', 'batches', index];
    const batch = requireRecord(value, path) as { numRows?: unknown; getChild?: unknown };
    if (isPlain(batch)) requireKnownKeys(batch, BATCH_KEYS, path);
    if (typeof batch.getChild !== 'function') invalid(path, 'expected an Arrow record batch (with getChild)');
    const get = (name: string) => columnOf(batch as { getChild(name: string): unknown }, name, [...path, name]);
    const { unitCodes, unitTable, unitsCopied } = unitsOf(config.unitLevels, unitNames.map(get), unitNames, path);
    if (unitsCopied) copied.add('units');
    const n = unitCodes.length;
    const groupMasks = masksOf(maskName, groupNames, get, n, path, copied);
    const engagements = wholeColumn(get(engagementsName).data, [...path, engagementsName], 'engagements');
    if (engagements.copied) copied.add('engagements');
    let eligible: Uint8Array | undefined;
    if (eligibleName !== null) {
      const flags = flagColumn(get(eligibleName).data, [...path, eligibleName], 'eligibility');
      if (flags.copied) copied.add('eligible');
      eligible = flags.values;
    }
    for (const [name, length] of [
      [engagementsName, engagements.values.length],
      [eligibleName, eligible?.length ?? n],
    ] as const) {
      if (length !== n) invalid([...path, name as string], `expected ${n} entries (one per row), got ${length}`);
    }
    return {
      unitCodes,
      units: unitTable,
      groupMasks,
      engagements: engagements.values,
      ...(eligible === undefined ? {} : { eligible }),
    };
  });
  return Object.freeze({ batches: Object.freeze(batches), copied: Object.freeze([...copied].sort()) });
}

const TABLE_KEYS = ['batches'];
const BATCH_KEYS = ['numRows', 'getChild'];
/** At most this many record batches (a table of 2³¹ − 1 rows in batches of 128). */
const MAX_BATCHES = 2 ** 24;

const isPlain = (value: object) => Object.getPrototypeOf(value) === Object.prototype;

function columnName(value: unknown, path: ErrorPath): string {
  if (typeof value !== 'string' || value.length === 0) {
    invalid(path, `expected the name of an Arrow column, got ${describeValue(value)}`);
  }
  return value;
}

/** Unit codes and the unit table of one batch: one level's dictionary as it is, or the levels combined in one pass. */
function unitsOf(
  levels: readonly string[],
  columns: readonly { vector: ArrowVector; data: ArrowData }[],
  names: readonly string[],
  path: ErrorPath,
): { unitCodes: ReachColumns['unitCodes']; unitTable: Record<string, string>[]; unitsCopied: boolean } {
  const parts = columns.map((column, level) => unitColumn(column, [...path, names[level] as string]));
  const n = parts[0]?.codes.length ?? 0;
  parts.forEach((part, level) => {
    if (part.codes.length !== n) {
      invalid([...path, names[level] as string], `expected ${n} entries (one per row), got ${part.codes.length}`);
    }
  });
  if (parts.length === 1) {
    const part = parts[0] as (typeof parts)[number];
    const level = levels[0] as string;
    return {
      unitCodes: part.codes,
      unitTable: part.values.map((code) => ({ [level]: code })),
      unitsCopied: part.copied,
    };
  }
  // Several levels: number each distinct combination of per-level codes (a mixed-radix key).
  const unitCodes = new Int32Array(n);
  const unitTable: Record<string, string>[] = [];
  const seen = new Map<number | string, number>();
  const radix = parts.map((part) => part.values.length);
  const packed = radix.reduce((product, size) => product * Math.max(1, size), 1) <= Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < n; i += 1) {
    let key: number | string = 0;
    if (packed) {
      for (let level = 0; level < parts.length; level += 1) {
        key =
          (key as number) * (radix[level] as number) + ((parts[level] as (typeof parts)[number]).codes[i] as number);
      }
    } else {
      key = parts.map((part) => part.codes[i]).join(',');
    }
    let code = seen.get(key);
    if (code === undefined) {
      code = unitTable.length;
      seen.set(key, code);
      const entry: Record<string, string> = {};
      parts.forEach((part, level) => {
        entry[levels[level] as string] = part.values[part.codes[i] as number] as string;
      });
      unitTable.push(entry);
    }
    unitCodes[i] = code;
  }
  return { unitCodes, unitTable, unitsCopied: true };
}

/** Focal-group masks of one batch: a Uint8 mask column as it is, or the yes/no columns combined in one pass. */
function masksOf(
  maskName: string | null,
  groupNames: readonly string[],
  get: (name: string) => { data: ArrowData },
  n: number,
  path: ErrorPath,
  copied: Set<string>,
): Uint8Array {
  if (maskName !== null) {
    const data = get(maskName).data;
    const mask = wholeColumn(data, [...path, maskName], 'focal-group masks');
    if (mask.values instanceof Uint8Array && !mask.copied) return mask.values;
    copied.add('groups');
    const out = new Uint8Array(mask.values.length);
    for (let i = 0; i < out.length; i += 1) {
      const value = mask.values[i] as number;
      if (value > 255) invalid([...path, maskName, i], `mask ${value} sets a bit beyond 8 focal groups`);
      out[i] = value;
    }
    return out;
  }
  const masks = new Uint8Array(n);
  groupNames.forEach((name, bit) => {
    const flags = flagColumn(get(name).data, [...path, name], 'focal-group flag');
    if (flags.values.length !== n)
      invalid([...path, name], `expected ${n} entries (one per row), got ${flags.values.length}`);
    const weight = 1 << bit;
    for (let i = 0; i < n; i += 1) if (flags.values[i] !== 0) masks[i] = (masks[i] as number) | weight;
  });
  if (groupNames.length > 0) copied.add('groups');
  return masks;
}
