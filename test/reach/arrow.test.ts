/**
 * reachColumnsFromArrow on real apache-arrow tables: zero-copy where Arrow's buffers are what the
 * columnar form takes, converted otherwise — the summary always equals the plain columnar one.
 */
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { reachAccumulator, reachColumnsFromArrow, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { SCALE_GROUPS, scaleRoster } from './scaleRoster.js';

const roster = scaleRoster(30_000, 200, 5);
const { unitCodes, units, groupMasks, engagements, eligible } = roster.columns;
const options = { focalGroups: [...SCALE_GROUPS], unitLevels: ['district', 'school'], minEngagements: 3 };
const schoolOptions = { ...options, unitLevels: ['school'] };

function summarize(table: arrow.Table, columns: Parameters<typeof reachColumnsFromArrow>[1], opts: typeof options) {
  const { batches, copied } = reachColumnsFromArrow(table as never, columns, opts);
  const accumulator = reachAccumulator(opts);
  const state = accumulator.init();
  for (const batch of batches) accumulator.addColumns(state, batch);
  return { summary: accumulator.finalize(state), batches, copied };
}

/** A dictionary-encoded column from codes and a dictionary, keeping the codes' buffer. */
function dictionaryColumn(codes: Int32Array, dictionary: readonly string[]) {
  const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32());
  const values = arrow.vectorFromArray([...dictionary], new arrow.Utf8());
  return arrow.makeVector(arrow.makeData({ type, length: codes.length, data: codes, dictionary: values }));
}

describe('reachColumnsFromArrow', () => {
  it('zero-copy: dictionary indices as unitCodes, a Uint8 mask, Uint16 engagements, a Uint8 eligibility', () => {
    const codes = Int32Array.from(unitCodes);
    const table = new arrow.Table({
      school: dictionaryColumn(
        codes,
        units.map((unit) => unit.school as string),
      ),
      mask: arrow.makeVector(groupMasks),
      sessions: arrow.makeVector(engagements as Uint16Array),
      enrolled: arrow.makeVector(eligible as Uint8Array),
    });
    const { summary, batches, copied } = summarize(
      table,
      { units: { school: 'school' }, groupMask: 'mask', engagements: 'sessions', eligible: 'enrolled' },
      schoolOptions,
    );
    expect(copied).toEqual([]);
    const batch = batches[0] as (typeof batches)[number];
    expect(batch.unitCodes.buffer).toBe(codes.buffer);
    expect(batch.groupMasks.buffer).toBe(groupMasks.buffer);
    expect(batch.engagements.buffer).toBe((engagements as Uint16Array).buffer);
    expect(batch.eligible?.buffer).toBe((eligible as Uint8Array).buffer);
    const bySchool = { ...roster.columns, units: units.map((unit) => ({ school: unit.school as string })) };
    expect(summary).toEqual(summarizeReach(bySchool, schoolOptions));
  });

  it('converted: two unit levels, bit-packed booleans, BigInt64 counts, several batches with their own dictionaries', () => {
    const rows = Array.from(unitCodes, (code, i) => ({
      district: (units[code] as { district: string }).district,
      school: (units[code] as { school: string }).school,
      is_poverty: ((groupMasks[i] as number) & 1) !== 0,
      is_el: ((groupMasks[i] as number) & 2) !== 0,
      has_iep: ((groupMasks[i] as number) & 4) !== 0,
      sessions: BigInt(engagements[i] as number),
      enrolled: eligible?.[i] !== 0,
    }));
    // Three record batches, each made on its own (so each has its own dictionaries).
    const parts = [rows.slice(0, 10_000), rows.slice(10_000, 17_000), rows.slice(17_000)].map((part) =>
      arrow.tableFromArrays({
        district: part.map((row) => row.district),
        school: part.map((row) => row.school),
        is_poverty: part.map((row) => row.is_poverty),
        is_el: part.map((row) => row.is_el),
        has_iep: part.map((row) => row.has_iep),
        sessions: BigInt64Array.from(part, (row) => row.sessions),
        enrolled: part.map((row) => row.enrolled),
      }),
    );
    const table = (parts[0] as arrow.Table).concat(...parts.slice(1));
    expect(table.batches.length).toBe(3);
    const columns = {
      units: { district: 'district', school: 'school' },
      groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
      engagements: 'sessions',
      eligible: 'enrolled',
    };
    const { summary, copied } = summarize(table, columns, options);
    expect(copied).toEqual(['eligible', 'engagements', 'groups', 'units']);
    expect(summary).toEqual(summarizeReach(roster.columns, options));
    // A slice (Arrow keeps an offset into the same buffers) reads the right rows.
    const sliced = summarize(table.slice(2_500, 12_500), columns, options).summary;
    const slice = (array: ArrayLike<number>) => Array.from(array).slice(2_500, 12_500);
    expect(sliced).toEqual(
      summarizeReach(
        {
          unitCodes: Uint32Array.from(slice(unitCodes)),
          units,
          groupMasks: Uint8Array.from(slice(groupMasks)),
          engagements: Uint16Array.from(slice(engagements)),
          eligible: Uint8Array.from(slice(eligible as Uint8Array)),
        },
        options,
      ),
    );
  });

  it('nulls, wrong types and missing columns are errors with their path', () => {
    const table = arrow.tableFromArrays({
      school: ['a', 'b', 'a'],
      el: [true, null, false],
      sessions: new Int32Array([1, 2, 3]),
      ratio: new Float64Array([0.5, 1, 2]),
    });
    const base = { units: { school: 'school' }, groups: { el: 'el' }, engagements: 'sessions' };
    const opts = { focalGroups: ['el'], unitLevels: ['school'] };
    expectError(() => reachColumnsFromArrow(table as never, base, opts), 'INVALID_INPUT', [
      'table',
      'batches',
      0,
      'el',
      1,
    ]);
    const noNull = { ...base, groups: { el: 'school' } };
    expectError(() => reachColumnsFromArrow(table as never, noNull, opts), 'INVALID_INPUT', [
      'table',
      'batches',
      0,
      'school',
    ]);
    expectError(
      () => reachColumnsFromArrow(table as never, { ...base, engagements: 'ratio' }, { ...opts, focalGroups: [] }),
      'INVALID_INPUT',
      ['columns', 'groups', 'el'],
    );
    expectError(
      () =>
        reachColumnsFromArrow(
          table as never,
          { units: { school: 'school' }, engagements: 'ratio' },
          { ...opts, focalGroups: [] },
        ),
      'INVALID_INPUT',
      ['table', 'batches', 0, 'ratio', 0],
    );
    expectError(
      () =>
        reachColumnsFromArrow(
          table as never,
          { units: { school: 'school' }, engagements: 'missing' },
          { ...opts, focalGroups: [] },
        ),
      'INVALID_INPUT',
      ['table', 'batches', 0, 'missing'],
    );
    expectError(() => reachColumnsFromArrow(table as never, { ...base, units: {} }, opts), 'INVALID_INPUT', [
      'columns',
      'units',
      'school',
    ]);
  });
});
