/**
 * Reading Apache Arrow record batches without depending on `apache-arrow`: the few stable parts of
 * its `Data` (type id, bit width, values, offset, null bitmap, dictionary) that every version has,
 * as the Arrow columnar format defines them. A column whose buffer already is what the columnar
 * form takes is handed over as it is; anything else is converted in one pass.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { describeValue } from '../_lib/validate.js';

/** Arrow's type ids (Schema.fbs, as apache-arrow's `Type` enum numbers them). */
const TYPE = { dictionary: -1, int: 2, float: 3, utf8: 5, bool: 6, largeUtf8: 20 } as const;

/** The part of an Arrow `Data` (one column of one record batch) read here. */
export interface ArrowData {
  readonly type: { readonly typeId: number; readonly bitWidth?: number; readonly isSigned?: boolean };
  readonly length: number;
  readonly offset: number;
  readonly nullCount: number;
  readonly nullBitmap?: Uint8Array | null;
  readonly values: ArrayLike<number | bigint> & { readonly subarray?: unknown };
  readonly dictionary?: { readonly length: number; get(index: number): unknown } | null;
}

/** The part of an Arrow `Vector` read here: a batch's column has one `Data` chunk. */
export interface ArrowVector {
  readonly data: readonly ArrowData[];
  get(index: number): unknown;
}

/** The column `name` of a record batch, as its one data chunk. */
export function columnOf(
  batch: { getChild(name: string): unknown },
  name: string,
  path: ErrorPath,
): { vector: ArrowVector; data: ArrowData } {
  const vector = batch.getChild(name) as ArrowVector | null;
  if (vector === null || vector === undefined) invalid(path, `the Arrow table has no column ${JSON.stringify(name)}`);
  const chunks = (vector as { data?: unknown }).data;
  const data = Array.isArray(chunks) && chunks.length === 1 ? (chunks[0] as ArrowData | undefined) : undefined;
  if (typeof data !== 'object' || data === null || typeof data.type?.typeId !== 'number') {
    invalid(path, `expected an Arrow column (one data chunk per record batch), got ${describeValue(vector)}`);
  }
  return { vector, data };
}

/** Whether entry `i` of `data` is null. */
function isNull(data: ArrowData, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === null || bitmap === undefined || bitmap.length === 0) return false;
  const bit = data.offset + i;
  return (((bitmap[bit >> 3] as number) >> (bit & 7)) & 1) === 0;
}

/** The first null of a column, or `INVALID_INPUT` at its row; nothing when it has none. */
export function requireNoNulls(data: ArrowData, path: ErrorPath, what: string): void {
  if (data.nullCount === 0) return;
  for (let i = 0; i < data.length; i += 1) {
    if (isNull(data, i)) invalid([...path, i], `a null ${what}: fill it before counting (e.g. COALESCE in SQL)`);
  }
}

/** Typed arrays of integers the columnar form takes as they are. */
const AS_IS = [Uint8Array, Uint16Array, Uint32Array, Int32Array] as const;

/**
 * A whole-number column as a typed array the columnar form takes: the buffer itself when it is
 * Uint8/16/32 or Int32 without nulls, else one converting pass (Int8/16, 64-bit, whole floats) into
 * a Uint32Array — nulls, fractions and negative values refused with their row, above 2³² − 1
 * `LIMIT_EXCEEDED`.
 */
export function wholeColumn(
  data: ArrowData,
  path: ErrorPath,
  what: string,
): { values: Uint8Array | Uint16Array | Uint32Array | Int32Array; copied: boolean } {
  const { typeId } = data.type;
  if (typeId !== TYPE.int && typeId !== TYPE.float) {
    invalid(path, `expected an Arrow integer column of ${what}, got type id ${typeId}`);
  }
  requireNoNulls(data, path, what);
  const values = data.values;
  if (AS_IS.some((kind) => values instanceof kind) && values.length >= data.length) {
    const typed = values as Uint8Array | Uint16Array | Uint32Array | Int32Array;
    return { values: typed.length === data.length ? typed : typed.subarray(0, data.length), copied: false };
  }
  const out = new Uint32Array(data.length);
  for (let i = 0; i < data.length; i += 1) {
    const raw = values[i] as number | bigint;
    const value =
      typeof raw === 'bigint' ? (raw >= 0n && raw <= 0xffffffffn ? Number(raw) : raw < 0n ? -1 : 2 ** 32) : raw;
    if (!(Number.isInteger(value) && value >= 0)) {
      invalid([...path, i], `expected a whole number of ${what} ≥ 0, got ${describeValue(raw)}`);
    }
    if (value > 0xffffffff) limitExceeded([...path, i], `more than 2^32 − 1 ${what}`);
    out[i] = value;
  }
  return { values: out, copied: true };
}

/** A yes/no column (bit-packed Bool, or integers: 0 is no) as one byte per row; nulls refused. */
export function flagColumn(data: ArrowData, path: ErrorPath, what: string): { values: Uint8Array; copied: boolean } {
  requireNoNulls(data, path, what);
  if (data.type.typeId === TYPE.bool) {
    const bits = data.values as Uint8Array;
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i += 1) {
      const bit = data.offset + i;
      out[i] = ((bits[bit >> 3] as number) >> (bit & 7)) & 1;
    }
    return { values: out, copied: true };
  }
  if (data.type.typeId === TYPE.int && data.values instanceof Uint8Array) {
    const values = data.values;
    return { values: values.length === data.length ? values : values.subarray(0, data.length), copied: false };
  }
  if (data.type.typeId === TYPE.int) {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i += 1) out[i] = data.values[i] === 0 || data.values[i] === 0n ? 0 : 1;
    return { values: out, copied: true };
  }
  return invalid(path, `expected an Arrow Bool (or integer) column of ${what}, got type id ${data.type.typeId}`);
}

/**
 * A unit column as per-row codes into a list of unit codes (strings): a dictionary column's
 * indices and dictionary as they are (Int32 or unsigned indices without nulls), else one pass
 * that numbers the values (strings, or integers written in decimal).
 */
export function unitColumn(
  column: { vector: ArrowVector; data: ArrowData },
  path: ErrorPath,
): { codes: Uint8Array | Uint16Array | Uint32Array | Int32Array; values: string[]; copied: boolean } {
  const { vector, data } = column;
  requireNoNulls(data, path, 'unit');
  const { typeId } = data.type;
  if (typeId === TYPE.dictionary && data.dictionary) {
    const dictionary = data.dictionary;
    const values: string[] = new Array(dictionary.length);
    for (let k = 0; k < dictionary.length; k += 1) values[k] = unitCode(dictionary.get(k), [...path, 'dictionary', k]);
    const indices = data.values;
    if (AS_IS.some((kind) => indices instanceof kind)) {
      const typed = indices as Uint8Array | Uint16Array | Uint32Array | Int32Array;
      return { codes: typed.length === data.length ? typed : typed.subarray(0, data.length), values, copied: false };
    }
    const codes = new Int32Array(data.length);
    for (let i = 0; i < data.length; i += 1) codes[i] = Number(indices[i]);
    return { codes, values, copied: true };
  }
  if (typeId !== TYPE.utf8 && typeId !== TYPE.largeUtf8 && typeId !== TYPE.int) {
    invalid(path, `expected an Arrow string, dictionary or integer column of unit codes, got type id ${typeId}`);
  }
  const codes = new Int32Array(data.length);
  const seen = new Map<string, number>();
  const values: string[] = [];
  for (let i = 0; i < data.length; i += 1) {
    const value = unitCode(vector.get(i), [...path, i]);
    let code = seen.get(value);
    if (code === undefined) {
      code = values.length;
      seen.set(value, code);
      values.push(value);
    }
    codes[i] = code;
  }
  return { codes, values, copied: true };
}

function unitCode(value: unknown, path: ErrorPath): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  return invalid(path, `expected a non-empty unit code, got ${describeValue(value)}`);
}
