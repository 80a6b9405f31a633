/**
 * Reading an engine's `GROUP BY` counts into a reach state: one count row adds `people` to one
 * histogram bin (or the excluded count) of one (leaf unit × focal-group mask) cell — the very
 * numbers the accumulator keeps, so the summary is identical to one over the same people.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { type KeyHints, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { describeValue, requireRecord } from '../_lib/validate.js';
import type { ReachConfig } from './_config.js';
import { cellFor, leafFor, type ReachState } from './_state.js';

/** The columns of a count row besides the unit levels (the names {@link reachCountsQuery} writes). */
export const COUNT_COLUMNS = Object.freeze([
  'group_mask',
  'groups',
  'eligible',
  'engagements',
  'people',
  'engagement_sum',
] as const);

/** What a caller who wrote another column name most likely meant. */
const COUNT_HINTS: KeyHints = {
  count: 'did you mean `people`? (COUNT(*) of the group)',
  n: 'did you mean `people`? (COUNT(*) of the group)',
  mask: 'did you mean `group_mask`? (bit k for options.focalGroups[k])',
  groupMask: 'did you mean `group_mask`? (bit k for options.focalGroups[k])',
  sum: 'did you mean `engagement_sum`? (SUM(engagements) of the group)',
  engagementSum: 'did you mean `engagement_sum`? (SUM(engagements) of the group)',
  reached: 'did you mean `engagements`? (LEAST(engagements, histogramMax): count per bin, not a yes/no)',
};

/** At most this many count rows (or entries per column). */
const MAX_COUNT_ROWS = 2 ** 31 - 1;

/** A unit level may not take a count column's name (the row would be ambiguous). */
export function requireLevelNames(config: ReachConfig, path: ErrorPath): void {
  config.unitLevels.forEach((level, index) => {
    if ((COUNT_COLUMNS as readonly string[]).includes(level)) {
      invalid(
        [...path, 'unitLevels', index],
        `${JSON.stringify(level)} is a column of the counts (${COUNT_COLUMNS.join(', ')}); name the unit level otherwise`,
      );
    }
  });
}

/**
 * A whole count from an engine: a number, a `bigint` (INT64 from a driver) or a string of decimal
 * digits (PostgreSQL drivers return `bigint` and `numeric` so). Past 2⁵³ − 1: `LIMIT_EXCEEDED`.
 */
export function wholeCount(value: unknown, path: ErrorPath): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) {
      if (value > Number.MAX_SAFE_INTEGER) limitExceeded(path, 'a count above 2^53 − 1 cannot be held exactly');
      return value + 0;
    }
  } else if (typeof value === 'bigint') {
    if (value >= 0n) {
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) limitExceeded(path, 'a count above 2^53 − 1 cannot be held exactly');
      return Number(value);
    }
  } else if (typeof value === 'string' && /^(0|[1-9][0-9]*)$/.test(value)) {
    if (value.length > 16 || Number(value) > Number.MAX_SAFE_INTEGER) {
      limitExceeded(path, 'a count above 2^53 − 1 cannot be held exactly');
    }
    return Number(value);
  }
  if (value === null || value === undefined) {
    invalid(path, `expected a whole count ≥ 0, got ${describeValue(value)} (a NULL from SQL: COALESCE it)`);
  }
  return invalid(path, `expected a whole count ≥ 0 (number, bigint or decimal string), got ${describeValue(value)}`);
}

/** Reads one value of count row `index` under `column` (undefined when absent). */
type Cell = (column: string, index: number) => unknown;

/** The count rows as a row count and a reader, from rows (objects) or columns (arrays). */
function countTable(
  value: unknown,
  levels: readonly string[],
  path: ErrorPath,
): { length: number; get: Cell; pathOf: (index: number, column: string) => ErrorPath } {
  const known: ReadonlySet<string> = new Set([...levels, ...COUNT_COLUMNS]);
  if (Array.isArray(value)) {
    const rows = value as readonly unknown[];
    requireDenseArray(rows, path, MAX_COUNT_ROWS);
    const records: Readonly<Record<string, unknown>>[] = new Array(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      const record = requireRecord(rows[index], [...path, index]);
      requireKnownKeys(record, known, [...path, index], COUNT_HINTS);
      records[index] = record;
    }
    return {
      length: rows.length,
      get: (column, index) => (records[index] as Readonly<Record<string, unknown>>)[column],
      pathOf: (index, column) => [...path, index, column],
    };
  }
  const record = requireRecord(value, path);
  requireKnownKeys(record, known, path, COUNT_HINTS);
  const columns = new Map<string, ArrayLike<unknown>>();
  let length = -1;
  for (const column of Object.keys(record)) {
    const entries = record[column];
    const isList = Array.isArray(entries) || (ArrayBuffer.isView(entries) && !(entries instanceof DataView));
    if (!isList) invalid([...path, column], `expected an array of values, got ${describeValue(entries)}`);
    const list = entries as ArrayLike<unknown>;
    if (Array.isArray(list)) requireDenseArray(list, [...path, column], MAX_COUNT_ROWS);
    if (list.length > MAX_COUNT_ROWS) limitExceeded([...path, column], `more than ${MAX_COUNT_ROWS} count rows`);
    if (length >= 0 && list.length !== length) {
      invalid([...path, column], `expected ${length} entries (as every other column), got ${list.length}`);
    }
    length = list.length;
    columns.set(column, list);
  }
  return {
    length: Math.max(0, length),
    get: (column, index) => columns.get(column)?.[index],
    pathOf: (index, column) => [...path, column, index],
  };
}

/** Adds `amount` to a count, refusing a total past 2⁵³ − 1 (it would no longer be exact). */
function addExact(total: number, amount: number, where: Where, index: number, column: string): number {
  const next = total + amount;
  if (next > Number.MAX_SAFE_INTEGER) limitExceeded(where(index, column), 'the counts add up past 2^53 − 1 people');
  return next;
}

/** The path of a count row's column (built only for an error). */
type Where = (index: number, column: string) => ErrorPath;

const MAX_BIG = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/** {@link wholeCount} with the common cases inline (no path is built unless the value is bad). */
function countAt(value: unknown, where: Where, index: number, column: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0;
  if (typeof value === 'bigint' && value >= 0n && value <= MAX_BIG) return Number(value);
  return wholeCount(value, where(index, column));
}

/** Adds every count row of `value` into `state`, each checked (an error leaves `state` part-filled: use a fresh one). */
export function addCounts(config: ReachConfig, state: ReachState, value: unknown, path: ErrorPath): void {
  const levels = config.unitLevels;
  const table = countTable(value, levels, path);
  const where: Where = table.pathOf;
  const bits = state.groupBits;
  const bins = state.bins;
  const cap = config.histogramMax;
  const groupBit = new Map(config.focalGroups.map((id, bit) => [id, bit]));
  const leafPath: string[] = new Array(levels.length);
  for (let index = 0; index < table.length; index += 1) {
    for (let level = 0; level < levels.length; level += 1) {
      const name = levels[level] as string;
      const code = table.get(name, index);
      if (typeof code !== 'string' || code.length === 0) {
        invalid(
          where(index, name),
          `expected the unit's code as a non-empty string, got ${describeValue(code)} (cast codes to text in SQL; reachCountsQuery does)`,
        );
      }
      leafPath[level] = code;
    }
    const mask = maskOf(table.get('group_mask', index), table.get('groups', index), bits, groupBit, where, index);
    const eligible = eligibilityOf(table.get('eligible', index), where, index);
    const bin = countAt(table.get('engagements', index), where, index, 'engagements');
    if (bin > cap) {
      invalid(
        where(index, 'engagements'),
        `expected LEAST(engagements, histogramMax) — at most ${cap} — got ${bin} (reachCountsQuery caps it)`,
      );
    }
    const people = countAt(table.get('people', index), where, index, 'people');
    const rawSum = table.get('engagement_sum', index);
    let sum = 0;
    if (eligible && bin === cap) {
      sum = countAt(rawSum, where, index, 'engagement_sum');
      if (sum < cap * people) {
        invalid(
          where(index, 'engagement_sum'),
          `${people} people with at least ${cap} engagements each cannot sum to ${sum}: the counts are inconsistent`,
        );
      }
    } else if (eligible && rawSum !== undefined) {
      const given = countAt(rawSum, where, index, 'engagement_sum');
      if (given !== bin * people) {
        invalid(
          where(index, 'engagement_sum'),
          `${people} people with ${bin} engagements each sum to ${bin * people}, got ${given}: the counts are inconsistent`,
        );
      }
    } else if (rawSum !== undefined && rawSum !== null) {
      countAt(rawSum, where, index, 'engagement_sum');
    }
    if (people === 0) continue;
    const cell = cellFor(state, leafFor(state, leafPath), mask, path);
    if (eligible) {
      const entry = cell * bins + bin;
      state.histogram[entry] = addExact(state.histogram[entry] as number, people, where, index, 'people');
      if (bin === cap) state.sum[cell] = addExact(state.sum[cell] as number, sum, where, index, 'engagement_sum');
    } else {
      state.excluded[cell] = addExact(state.excluded[cell] as number, people, where, index, 'people');
    }
    state.rows = addExact(state.rows, people, where, index, 'people');
  }
}

/** The focal-group mask of a count row: `group_mask` (a number or bigint) or `groups` (ids), exactly one. */
function maskOf(
  rawMask: unknown,
  rawGroups: unknown,
  bits: number,
  groupBit: ReadonlyMap<string, number>,
  where: Where,
  index: number,
): number {
  if (
    rawGroups === undefined &&
    typeof rawMask === 'number' &&
    Number.isInteger(rawMask) &&
    rawMask >= 0 &&
    rawMask < 2 ** bits
  ) {
    return rawMask;
  }
  const at = (column: string): ErrorPath => where(index, column);
  if (rawMask !== undefined && rawGroups !== undefined) {
    invalid(at('groups'), 'give group_mask or groups, not both');
  }
  if (rawGroups !== undefined) {
    if (!Array.isArray(rawGroups)) {
      invalid(at('groups'), `expected an array of focal-group ids, got ${describeValue(rawGroups)}`);
    }
    requireDenseArray(rawGroups, at('groups'), 8);
    let mask = 0;
    rawGroups.forEach((id: unknown, position) => {
      const bit = typeof id === 'string' ? groupBit.get(id) : undefined;
      if (bit === undefined) invalid([...at('groups'), position], `unknown focal group ${describeValue(id)}`);
      mask |= 1 << bit;
    });
    return mask;
  }
  if (rawMask === undefined) {
    if (bits === 0) return 0;
    return invalid(at('group_mask'), 'each count row needs group_mask (or groups)');
  }
  const mask = wholeCount(rawMask, at('group_mask'));
  if (mask >= 2 ** bits) invalid(at('group_mask'), `mask ${mask} sets a bit beyond the ${bits} focal groups`);
  return mask;
}

/** `eligible`: absent (everyone eligible), a boolean, or 0 / 1 (number or bigint). */
function eligibilityOf(value: unknown, where: Where, index: number): boolean {
  if (value === undefined || value === true) return true;
  if (value === false) return false;
  if (value === 1 || value === 1n) return true;
  if (value === 0 || value === 0n) return false;
  return invalid(
    where(index, 'eligible'),
    `expected true or false (or 1 / 0), got ${describeValue(value)}${value === null ? ' (a NULL eligibility: decide it in SQL with COALESCE)' : ''}`,
  );
}
