/**
 * reachFromCounts, branch by branch: masks as bigints or decimal strings, 0 / 1 eligibility,
 * zero-people rows, rows without masks when there are no focal groups — each the summary of the
 * same people — and malformed masks, groups, eligibility and columns refused with their path.
 */
import { describe, expect, it } from 'vitest';
import { type ReachRow, reachFromCounts, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['poverty', 'el', 'swd'], unitLevels: ['district', 'school'], minEngagements: 2 };
/** Three people in D1 / S1, in poverty, eligible, one engagement each. */
const base = {
  district: 'D1',
  school: 'S1',
  group_mask: 1,
  eligible: true,
  engagements: 1,
  people: 3,
  engagement_sum: 3,
};
const row = (extra: Record<string, unknown>) => ({ ...base, ...extra });
const counts = (...rows: Record<string, unknown>[]) => rows as never;
const people = (n: number, extra: Partial<ReachRow> = {}): ReachRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    units: { district: 'D1', school: 'S1' },
    groups: ['poverty'],
    engagements: 1,
    ...extra,
  }));

describe('reachFromCounts: the same summary for every spelling of a count row', () => {
  const expected = summarizeReach(people(3), options);

  it('group_mask as a bigint or a decimal string', () => {
    expect(reachFromCounts(counts(row({ group_mask: 1n })), options)).toEqual(expected);
    expect(reachFromCounts(counts(row({ group_mask: '1' })), options)).toEqual(expected);
  });

  it('eligible as 1 / 1n (yes) or 0 / 0n (no)', () => {
    for (const eligible of [1, 1n]) expect(reachFromCounts(counts(row({ eligible })), options)).toEqual(expected);
    const excluded = summarizeReach(people(3, { eligible: false }), options);
    for (const eligible of [0, 0n]) expect(reachFromCounts(counts(row({ eligible })), options)).toEqual(excluded);
  });

  it('a row of zero people adds nothing, not even its unit', () => {
    const empty = row({ district: 'D2', school: 'S9', people: 0, engagement_sum: 0 });
    expect(reachFromCounts(counts(empty, base), options)).toEqual(expected);
    expect(reachFromCounts(counts(empty), options)).toEqual(summarizeReach([], options));
  });

  it('no focal groups: rows need no group_mask', () => {
    const noGroups = { ...options, focalGroups: [] };
    const { group_mask: _, ...plain } = base;
    expect(reachFromCounts(counts(plain), noGroups)).toEqual(summarizeReach(people(3, { groups: [] }), noGroups));
  });
});

describe('reachFromCounts: malformed count rows, with their path', () => {
  it('a group_mask past the focal groups, as a bigint or a string', () => {
    for (const group_mask of [8n, '8']) {
      expectError(() => reachFromCounts(counts(row({ group_mask })), options), 'INVALID_INPUT', [
        'counts',
        0,
        'group_mask',
      ]);
    }
  });

  it('groups that are not a list of focal-group ids', () => {
    expectError(() => reachFromCounts(counts(row({ group_mask: undefined, groups: 'el' })), options), 'INVALID_INPUT', [
      'counts',
      0,
      'groups',
    ]);
    expectError(
      () => reachFromCounts(counts(base, row({ group_mask: undefined, groups: ['el', 1] })), options),
      'INVALID_INPUT',
      ['counts', 1, 'groups', 1],
    );
  });

  it('an eligibility that is neither a boolean nor 0 / 1', () => {
    for (const eligible of ['yes', 2, 'true']) {
      expectError(() => reachFromCounts(counts(row({ eligible })), options), 'INVALID_INPUT', [
        'counts',
        0,
        'eligible',
      ]);
    }
  });

  it('columns: a value that is not a list, a bad count at its column and row, more than 2^31 − 1 rows', () => {
    const columns = {
      district: ['D1', 'D1'],
      school: ['S1', 'S1'],
      group_mask: [1, 0],
      engagements: [1, 1],
      people: [3, 2],
    };
    expect(reachFromCounts(columns, options)).toEqual(
      summarizeReach([...people(3), ...people(2, { groups: [] }).map((p) => ({ ...p, id: `q${p.id}` }))], options),
    );
    expectError(() => reachFromCounts({ ...columns, district: 'D1' } as never, options), 'INVALID_INPUT', [
      'counts',
      'district',
    ]);
    expectError(
      () => reachFromCounts({ ...columns, people: new DataView(new ArrayBuffer(2)) } as never, options),
      'INVALID_INPUT',
      ['counts', 'people'],
    );
    expectError(() => reachFromCounts({ ...columns, people: [3, -2] }, options), 'INVALID_INPUT', [
      'counts',
      'people',
      1,
    ]);
    expectError(() => reachFromCounts({ ...columns, school: ['S1', null] } as never, options), 'INVALID_INPUT', [
      'counts',
      'school',
      1,
    ]);
    // A typed array that reports 2^31 entries (as a 2 GiB buffer would) is refused before it is read.
    const huge = Object.defineProperty(new Uint8Array(2), 'length', { value: 2 ** 31 });
    expectError(() => reachFromCounts({ people: huge } as never, options), 'LIMIT_EXCEEDED', ['counts', 'people']);
  });
});
