/**
 * reachColumnsFromArrow, branch by branch: each column kind it takes as it is or converts (with
 * the values it must give), and each malformed table, batch or column refused with its path.
 * Real apache-arrow vectors where Arrow can make the case; a plain stand-in (the few fields read)
 * where it cannot (columns of unequal length, a null count without a bitmap, several chunks).
 */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  type ReachArrowColumns,
  type ReachRow,
  reachAccumulator,
  reachColumnsFromArrow,
  summarizeReach,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['school'] };
const base: ReachArrowColumns = { units: { school: 'school' }, groupMask: 'mask', engagements: 'sessions' };
const AT = ['table', 'batches', 0] as const;

const strings = (values: string[]) => arrow.vectorFromArray(values, new arrow.Utf8());

/** A one-batch table: the school, mask and sessions columns of three rows unless replaced. */
function table(children: Record<string, arrow.Vector>): arrow.Table {
  return new arrow.Table({
    school: arrow.vectorFromArray(['a', 'b', 'a']), // dictionary-encoded: its Int32 indices taken as they are
    mask: arrow.makeVector(new Uint8Array([1, 0, 1])),
    sessions: arrow.makeVector(new Uint16Array([2, 0, 5])),
    ...children,
  });
}

const read = (value: unknown, columns: ReachArrowColumns = base, opts: object = options) =>
  reachColumnsFromArrow(value as never, columns, opts as never);
const first = (value: unknown, columns: ReachArrowColumns = base, opts: object = options) => {
  const { batches, copied } = read(value, columns, opts);
  expect(batches).toHaveLength(1);
  return { batch: batches[0] as (typeof batches)[number], copied };
};

/** A column as the few parts of an Arrow `Data` read, with `get` answering from `entries`. */
function standIn(data: Record<string, unknown>, entries: readonly unknown[] = []) {
  const length = (data.length as number | undefined) ?? entries.length;
  return {
    data: [{ offset: 0, nullCount: 0, nullBitmap: null, ...data, length }],
    get: (index: number) => entries[index],
  };
}
/** A record batch answering getChild from `children` (an Arrow class instance stands in: not a plain object). */
class StandInBatch {
  constructor(
    readonly numRows: number,
    readonly children: Record<string, unknown>,
  ) {}
  getChild(name: string) {
    return this.children[name] ?? null;
  }
}
const INT = 2;
const standInTable = (children: Record<string, unknown>, numRows = 3) => ({
  batches: [new StandInBatch(numRows, children)],
});
const schoolColumn = (codes: string[]) =>
  standIn({ type: { typeId: 5 }, values: new Int32Array(codes.length + 1) }, codes);
const intColumn = (values: ArrayLike<number>) => standIn({ type: { typeId: INT }, values, length: values.length });

describe('reachColumnsFromArrow: engagements (whole-number columns)', () => {
  it('a Uint16 buffer longer than the column: its first rows, not copied', () => {
    const buffer = new Uint16Array([2, 0, 5, 9, 9, 9, 9, 9]);
    const sessions = arrow.makeVector(arrow.makeData({ type: new arrow.Uint16(), length: 3, data: buffer }));
    const { batch, copied } = first(table({ sessions }));
    expect(Array.from(batch.engagements)).toEqual([2, 0, 5]);
    expect(batch.engagements.buffer).toBe(buffer.buffer);
    expect(copied).toEqual([]);
  });

  it('Int64 and whole Float64 counts are converted, up to 2^32 − 1', () => {
    const big = first(table({ sessions: arrow.makeVector(new BigInt64Array([0n, 4294967295n, 7n])) }));
    expect(big.batch.engagements).toEqual(new Uint32Array([0, 4294967295, 7]));
    expect(big.copied).toEqual(['engagements']);
    const float = first(table({ sessions: arrow.makeVector(new Float64Array([3, 0, 4294967295])) }));
    expect(float.batch.engagements).toEqual(new Uint32Array([3, 0, 4294967295]));
  });

  it('negative, fractional and too large counts: INVALID_INPUT or LIMIT_EXCEEDED at their row', () => {
    const sessions = (values: BigInt64Array | Float64Array) => table({ sessions: arrow.makeVector(values) });
    expectError(() => read(sessions(new BigInt64Array([1n, -1n, 0n]))), 'INVALID_INPUT', [...AT, 'sessions', 1]);
    expectError(() => read(sessions(new BigInt64Array([1n, 1n, 2n ** 32n]))), 'LIMIT_EXCEEDED', [...AT, 'sessions', 2]);
    expectError(() => read(sessions(new Float64Array([1, 2.5, 0]))), 'INVALID_INPUT', [...AT, 'sessions', 1]);
    expectError(() => read(sessions(new Float64Array([2 ** 32, 0, 0]))), 'LIMIT_EXCEEDED', [...AT, 'sessions', 0]);
  });

  it('a column that is not numeric: INVALID_INPUT at the column', () => {
    expectError(() => read(table({ sessions: strings(['1', '2', '3']) })), 'INVALID_INPUT', [...AT, 'sessions']);
  });
});

describe('reachColumnsFromArrow: eligibility and focal-group flags', () => {
  const withEligible: ReachArrowColumns = { ...base, eligible: 'enrolled' };

  it('a Uint8 buffer longer than the column: its first rows, not copied', () => {
    const buffer = new Uint8Array([1, 0, 1, 1, 1, 1, 1, 1]);
    const enrolled = arrow.makeVector(arrow.makeData({ type: new arrow.Uint8(), length: 3, data: buffer }));
    const { batch, copied } = first(table({ enrolled }), withEligible);
    expect(Array.from(batch.eligible as Uint8Array)).toEqual([1, 0, 1]);
    expect(batch.eligible?.buffer).toBe(buffer.buffer);
    expect(copied).toEqual([]);
  });

  it('Int32 and Int64 integer flags: 0 is no, anything else yes (copied)', () => {
    const int32 = first(table({ enrolled: arrow.makeVector(new Int32Array([0, 2, -1])) }), withEligible);
    expect(int32.batch.eligible).toEqual(new Uint8Array([0, 1, 1]));
    expect(int32.copied).toEqual(['eligible']);
    const int64 = first(table({ enrolled: arrow.makeVector(new BigInt64Array([1n, 0n, 5n])) }), withEligible);
    expect(int64.batch.eligible).toEqual(new Uint8Array([1, 0, 1]));
  });

  it('an Int16 focal-group flag column is combined into the masks', () => {
    const { batch, copied } = first(table({ is_el: arrow.makeVector(new Int16Array([0, 3, 1])) }), {
      units: { school: 'school' },
      groups: { el: 'is_el' },
      engagements: 'sessions',
    });
    expect(batch.groupMasks).toEqual(new Uint8Array([0, 1, 1]));
    expect(copied).toEqual(['groups']);
  });

  it('no eligibility column: every row eligible, and the summary equals summarizeReach', () => {
    const { batch } = first(table({}));
    expect(batch.eligible).toBeUndefined();
    expect(Object.keys(batch)).not.toContain('eligible');
    const accumulator = reachAccumulator(options);
    const state = accumulator.init();
    accumulator.addColumns(state, batch);
    const rows: ReachRow[] = [
      { id: 'p0', units: { school: 'a' }, groups: ['el'], engagements: 2 },
      { id: 'p1', units: { school: 'b' }, groups: [], engagements: 0 },
      { id: 'p2', units: { school: 'a' }, groups: ['el'], engagements: 5 },
    ];
    expect(accumulator.finalize(state)).toEqual(summarizeReach(rows, options));
  });
});

describe('reachColumnsFromArrow: a mask column', () => {
  it('an Int32 mask is copied into a Uint8Array', () => {
    const { batch, copied } = first(table({ mask: arrow.makeVector(new Int32Array([1, 0, 255])) }), base, {
      focalGroups: ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'],
      unitLevels: ['school'],
    });
    expect(batch.groupMasks).toEqual(new Uint8Array([1, 0, 255]));
    expect(copied).toEqual(['groups']);
  });

  it('a mask above 255 (a bit beyond 8 focal groups): INVALID_INPUT at its row', () => {
    expectError(() => read(table({ mask: arrow.makeVector(new Int32Array([1, 256, 0])) })), 'INVALID_INPUT', [
      ...AT,
      'mask',
      1,
    ]);
  });
});

describe('reachColumnsFromArrow: unit columns', () => {
  it('plain Utf8 and LargeUtf8 strings are numbered in order of first appearance', () => {
    for (const type of [new arrow.Utf8(), new arrow.LargeUtf8()]) {
      const school = arrow.vectorFromArray(['b', 'a', 'b'], type);
      const { batch, copied } = first(table({ school }));
      expect(Array.from(batch.unitCodes)).toEqual([0, 1, 0]);
      expect(batch.units).toEqual([{ school: 'b' }, { school: 'a' }]);
      expect(copied).toEqual(['units']);
    }
  });

  it('integer unit columns (Int32, Int64) give their decimal codes', () => {
    const int32 = first(table({ school: arrow.makeVector(new Int32Array([40, 7, 40])) }));
    expect(Array.from(int32.batch.unitCodes)).toEqual([0, 1, 0]);
    expect(int32.batch.units).toEqual([{ school: '40' }, { school: '7' }]);
    const int64 = first(table({ school: arrow.makeVector(new BigInt64Array([9007199254740993n, 1n, 1n])) }));
    expect(int64.batch.units).toEqual([{ school: '9007199254740993' }, { school: '1' }]);
    expect(Array.from(int64.batch.unitCodes)).toEqual([0, 1, 1]);
  });

  it('dictionaries with Int8 or Int64 indices are converted; integer dictionaries give decimal codes', () => {
    // The columnar format allows 64-bit indices; apache-arrow's typings list only 8/16/32-bit keys (it builds them all).
    const dictionary = (indexType: arrow.Int8 | arrow.Int64, data: Int8Array | BigInt64Array) =>
      arrow.makeVector(
        arrow.makeData({
          type: new arrow.Dictionary(new arrow.Utf8(), indexType as arrow.Int8),
          length: 3,
          data: data as Int8Array,
          dictionary: strings(['x', 'y']),
        }),
      );
    for (const school of [
      dictionary(new arrow.Int8(), new Int8Array([1, 0, 1])),
      dictionary(new arrow.Int64(), new BigInt64Array([1n, 0n, 1n])),
    ]) {
      const { batch, copied } = first(table({ school }));
      expect(batch.unitCodes).toEqual(new Int32Array([1, 0, 1]));
      expect(batch.units).toEqual([{ school: 'x' }, { school: 'y' }]);
      expect(copied).toEqual(['units']);
    }
    const ints = arrow.makeVector(
      arrow.makeData({
        type: new arrow.Dictionary(new arrow.Int32(), new arrow.Int32()),
        length: 3,
        data: new Int32Array([0, 0, 1]),
        dictionary: arrow.makeVector(new Int32Array([12, 30])),
      }),
    );
    const { batch } = first(table({ school: ints }));
    expect(batch.units).toEqual([{ school: '12' }, { school: '30' }]);
  });

  it('a fractional dictionary value, an empty code, or a column of another type: INVALID_INPUT with its path', () => {
    const fractional = arrow.makeVector(
      arrow.makeData({
        type: new arrow.Dictionary(new arrow.Float64(), new arrow.Int32()),
        length: 3,
        data: new Int32Array([0, 1, 0]),
        dictionary: arrow.makeVector(new Float64Array([2, 1.5])),
      }),
    );
    expectError(() => read(table({ school: fractional })), 'INVALID_INPUT', [...AT, 'school', 'dictionary', 1]);
    expectError(() => read(table({ school: strings(['a', '', 'b']) })), 'INVALID_INPUT', [...AT, 'school', 1]);
    expectError(() => read(table({ school: arrow.makeVector(new Float64Array([1, 2, 3])) })), 'INVALID_INPUT', [
      ...AT,
      'school',
    ]);
    const noDictionary = standIn({ type: { typeId: -1 }, values: new Int32Array(3), dictionary: null });
    const stand = standInTable({ school: noDictionary, mask: intColumn(new Uint8Array(3)) });
    expectError(() => read(stand), 'INVALID_INPUT', [...AT, 'school']);
  });

  it('several levels whose dictionaries multiply past 2^53: keyed by text, the same units', () => {
    const size = 210_000; // 210,000³ > 2^53 − 1: the mixed-radix key would not be exact.
    const level = (name: string, codes: number[]) =>
      standIn({
        type: { typeId: -1 },
        values: Int32Array.from(codes),
        length: codes.length,
        dictionary: { length: size, get: (k: number) => `${name}${k}` },
      });
    const stand = standInTable({
      district: level('d', [0, size - 1, 0, size - 1]),
      school: level('s', [0, 1, 0, 1]),
      room: level('r', [0, 2, 0, 3]),
      mask: intColumn(new Uint8Array([1, 0, 1, 0])),
      sessions: intColumn(new Uint16Array([1, 2, 3, 4])),
    });
    const unitLevels = ['district', 'school', 'room'];
    const { batch, copied } = first(
      stand,
      { units: { district: 'district', school: 'school', room: 'room' }, groupMask: 'mask', engagements: 'sessions' },
      { focalGroups: ['el'], unitLevels },
    );
    expect(batch.unitCodes).toEqual(new Int32Array([0, 1, 0, 2]));
    expect(batch.units).toEqual([
      { district: 'd0', school: 's0', room: 'r0' },
      { district: `d${size - 1}`, school: 's1', room: 'r2' },
      { district: `d${size - 1}`, school: 's1', room: 'r3' },
    ]);
    expect(copied).toEqual(['units']);
  });

  it('no unit levels: an empty record batch is an empty roster', () => {
    const empty = new arrow.Table({
      mask: arrow.makeVector(new Uint8Array(0)),
      sessions: arrow.makeVector(new Uint16Array(0)),
    });
    const { batch } = first(
      empty,
      { units: {}, groupMask: 'mask', engagements: 'sessions' },
      {
        focalGroups: ['el'],
        unitLevels: [],
      },
    );
    expect(batch.unitCodes).toHaveLength(0);
    expect(batch.units).toEqual([]);
    expect(batch.engagements).toHaveLength(0);
  });
});

describe('reachColumnsFromArrow: malformed tables, batches and columns', () => {
  const good = () => table({});

  it('no columns spec, or both groups and groupMask', () => {
    expectError(() => reachColumnsFromArrow(good() as never, undefined as never, options), 'INVALID_INPUT', [
      'columns',
    ]);
    expectError(() => read(good(), { ...base, groups: { el: 'mask' } }), 'INVALID_INPUT', ['columns', 'groupMask']);
  });

  it('a plain table: only `batches`, and it must be a list', () => {
    expect(read({ batches: [] })).toEqual({ batches: [], copied: [] });
    expectError(() => read({ batches: [], schema: {} }), 'INVALID_INPUT', ['table', 'schema']);
    expectError(() => read({ batches: 'all' }), 'INVALID_INPUT', ['table', 'batches']);
  });

  it('a plain batch: only numRows and getChild, and getChild must be a function', () => {
    const getChild = (name: string) => good().batches[0]?.getChild(name);
    const { batch } = first({ batches: [{ numRows: 3, getChild }] });
    expect(Array.from(batch.engagements)).toEqual([2, 0, 5]);
    expectError(() => read({ batches: [{ numRows: 3, getChild, extra: 1 }] }), 'INVALID_INPUT', [...AT, 'extra']);
    expectError(() => read({ batches: [{ numRows: 3 }] }), 'INVALID_INPUT', [...AT]);
    expectError(() => read({ batches: [{ numRows: 3, getChild: 'school' }] }), 'INVALID_INPUT', [...AT]);
  });

  it('a column that is not one data chunk: INVALID_INPUT at the column', () => {
    const chunk = intColumn(new Uint16Array([1, 2, 3])).data[0];
    for (const sessions of [{ data: [] }, { data: [chunk, chunk] }, { data: chunk }, { data: [{ type: {} }] }, {}]) {
      const stand = standInTable({
        school: schoolColumn(['a', 'b', 'a']),
        mask: intColumn(new Uint8Array(3)),
        sessions,
      });
      expectError(() => read(stand), 'INVALID_INPUT', [...AT, 'sessions']);
    }
  });

  it('a null count without a null bitmap: no row is null', () => {
    for (const nullBitmap of [null, undefined, new Uint8Array(0)]) {
      const sessions = standIn({
        type: { typeId: INT },
        values: new Uint16Array([4, 0, 1]),
        length: 3,
        nullCount: 1,
        nullBitmap,
      });
      const stand = standInTable({
        school: schoolColumn(['a', 'b', 'a']),
        mask: intColumn(new Uint8Array(3)),
        sessions,
      });
      expect(Array.from(first(stand).batch.engagements)).toEqual([4, 0, 1]);
    }
  });

  it('columns of another length than the units: INVALID_INPUT at the column', () => {
    const school = schoolColumn(['a', 'b', 'a']);
    const mask = intColumn(new Uint8Array(3));
    const sessions = intColumn(new Uint16Array([1, 2, 3]));
    const short = intColumn(new Uint8Array([1, 0]));
    expectError(() => read(standInTable({ school, mask, sessions: short })), 'INVALID_INPUT', [...AT, 'sessions']);
    expectError(
      () => read(standInTable({ school, mask, sessions, enrolled: short }), { ...base, eligible: 'enrolled' }),
      'INVALID_INPUT',
      [...AT, 'enrolled'],
    );
    expectError(
      () =>
        read(standInTable({ school, is_el: short, sessions }), {
          units: { school: 'school' },
          groups: { el: 'is_el' },
          engagements: 'sessions',
        }),
      'INVALID_INPUT',
      [...AT, 'is_el'],
    );
    expectError(
      () =>
        read(
          standInTable({ district: schoolColumn(['d', 'd']), school, mask, sessions }),
          { ...base, units: { district: 'district', school: 'school' } },
          { focalGroups: ['el'], unitLevels: ['district', 'school'] },
        ),
      'INVALID_INPUT',
      [...AT, 'school'],
    );
  });
});
