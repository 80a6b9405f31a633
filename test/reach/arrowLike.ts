/**
 * A minimal stand-in for an Apache Arrow table (the parts reachColumnsFromArrow reads), for tests
 * that deep-freeze and structuredClone their inputs (apache-arrow's own objects cache lazily, so
 * they cannot be frozen). Methods are non-enumerable, so a clone holds the data only.
 */
import type { ReachColumns } from '../../src/reach/index.js';

const TYPE = { int: 2, utf8: 5 } as const;

function withMethod<T extends object>(object: T, name: string, method: (...args: never[]) => unknown): T {
  return Object.defineProperty(object, name, { value: method, enumerable: false });
}

function vector(typeId: number, entries: ArrayLike<unknown>, values: ArrayLike<number>) {
  const data = [{ type: { typeId }, length: entries.length, offset: 0, nullCount: 0, nullBitmap: null, values }];
  return withMethod({ data }, 'get', (index: number) => entries[index]);
}

/** One record batch holding a columnar roster: a string column per unit level, `mask`, `sessions`, `enrolled`. */
export function arrowLike(columns: ReachColumns, unitLevels: readonly string[]) {
  const children: Record<string, unknown> = {
    mask: vector(TYPE.int, columns.groupMasks, columns.groupMasks),
    sessions: vector(TYPE.int, columns.engagements, columns.engagements),
    ...(columns.eligible === undefined ? {} : { enrolled: vector(TYPE.int, columns.eligible, columns.eligible) }),
  };
  for (const level of unitLevels) {
    const codes = Array.from(columns.unitCodes, (code) => (columns.units[code] as Record<string, string>)[level]);
    children[level] = vector(TYPE.utf8, codes, new Int32Array(codes.length + 1));
  }
  const batch = withMethod({ numRows: columns.unitCodes.length }, 'getChild', (name: string) => children[name] ?? null);
  return { batches: [batch] };
}
