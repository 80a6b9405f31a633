import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReachRow, reachFromCounts, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { toColumns } from './_support.js';
import { countsOf } from './countsOf.js';

const GROUPS = ['poverty', 'el', 'swd'];
const LEVELS = ['district', 'school'];
const options = {
  focalGroups: GROUPS,
  unitLevels: LEVELS,
  minEngagements: 2,
  histogramMax: 4,
  intersections: [['poverty', 'el']],
  policy: { minPeople: 5 },
};

const rosterArbitrary = fc
  .array(
    fc.record({
      district: fc.constantFrom('D1', 'D2', 'D%3'),
      school: fc.constantFrom('S1', 'S2', 'S/3'),
      groups: fc.subarray(GROUPS),
      eligible: fc.boolean(),
      engagements: fc.nat({ max: 9 }),
    }),
    { maxLength: 150 },
  )
  .map((rows) =>
    rows.map(
      (row, index): ReachRow => ({
        id: `p${index}`,
        units: { district: row.district, school: row.school },
        groups: row.groups,
        engagements: row.engagements,
        ...(row.eligible ? {} : { eligible: false }),
      }),
    ),
  );

describe('reachFromCounts: the same summary as the roster, exactly', () => {
  it('from count rows as numbers, bigints or decimal strings, in any order, split or not', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.constantFrom('number', 'bigint', 'string'), fc.nat(), (roster, as, seed) => {
        const expected = summarizeReach(roster, options);
        const counts = countsOf(toColumns(roster, options), LEVELS, 4, as as 'number');
        // Shuffled (an engine returns groups in any order) and one row split in two (shards concatenated).
        const shuffled = counts
          .map((row, i) => ({ row, key: (i * 7919 + seed) % 1009 }))
          .sort((a, b) => a.key - b.key)
          .map(({ row }) => row);
        expect(reachFromCounts(shuffled, options)).toEqual(expected);
        const split = counts.flatMap((row) => {
          const people = Number(row.people);
          if (people < 2 || row.engagements === 4) return [row];
          const part = Math.floor(people / 2);
          const sum = (n: number) => n * Number(row.engagements);
          return [
            { ...row, people: part, engagement_sum: sum(part) },
            { ...row, people: people - part, engagement_sum: sum(people - part) },
          ];
        });
        expect(reachFromCounts(split, options)).toEqual(expected);
      }),
    );
  });

  it('from columns (one array per column) and with groups as ids instead of a mask', () => {
    fc.assert(
      fc.property(rosterArbitrary, (roster) => {
        const expected = summarizeReach(roster, options);
        const counts = countsOf(toColumns(roster, options), LEVELS, 4, 'bigint');
        const columns: Record<string, unknown[]> = {};
        for (const key of [...LEVELS, 'group_mask', 'eligible', 'engagements', 'people', 'engagement_sum']) {
          columns[key] = counts.map((row) => row[key]);
        }
        expect(reachFromCounts(columns as never, options)).toEqual(expected);
        const withIds = counts.map(({ group_mask, ...row }) => ({
          ...row,
          groups: GROUPS.filter((_, bit) => (Number(group_mask) & (1 << bit)) !== 0),
        }));
        expect(reachFromCounts(withIds, options)).toEqual(expected);
      }),
    );
  });

  it('typed-array columns (BigInt64Array counts, as from Arrow or DuckDB) and no eligibility column', () => {
    const roster: ReachRow[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      units: { district: `D${i % 2}`, school: `S${i % 3}` },
      groups: i % 4 === 0 ? ['el'] : [],
      engagements: i % 7,
    }));
    const counts = countsOf(toColumns(roster, options), LEVELS, 4);
    const summary = reachFromCounts(
      {
        district: counts.map((row) => row.district),
        school: counts.map((row) => row.school),
        group_mask: Uint8Array.from(counts, (row) => Number(row.group_mask)),
        engagements: Int32Array.from(counts, (row) => Number(row.engagements)),
        people: BigInt64Array.from(counts, (row) => BigInt(row.people as number)),
        engagement_sum: BigInt64Array.from(counts, (row) => BigInt(row.engagement_sum as number)),
      },
      options,
    );
    expect(summary).toEqual(summarizeReach(roster, options));
  });

  it('no rows: the summary of an empty roster', () => {
    expect(reachFromCounts([], options)).toEqual(summarizeReach([], options));
    expect(reachFromCounts({}, options)).toEqual(summarizeReach([], options));
  });
});

describe('reachFromCounts: bad counts are errors with a path', () => {
  const base = {
    district: 'D1',
    school: 'S1',
    group_mask: 1,
    eligible: true,
    engagements: 1,
    people: 3,
    engagement_sum: 3,
  };
  const bad = (extra: Record<string, unknown>) => [{ ...base, ...extra }] as never;
  it('unknown columns, with a suggestion', () => {
    expectError(() => reachFromCounts(bad({ count: 3 }), options), 'INVALID_INPUT', ['counts', 0, 'count']);
    expectError(() => reachFromCounts({ district: [], mask: [] } as never, options), 'INVALID_INPUT', [
      'counts',
      'mask',
    ]);
  });
  it('missing or non-string unit codes (SQL NULLs)', () => {
    expectError(() => reachFromCounts(bad({ school: null }), options), 'INVALID_INPUT', ['counts', 0, 'school']);
    expectError(() => reachFromCounts(bad({ school: 7 }), options), 'INVALID_INPUT', ['counts', 0, 'school']);
  });
  it('counts that are not whole, or NULL', () => {
    for (const people of [-1, 1.5, Number.NaN, null, '1e3', '007', -1n]) {
      expectError(() => reachFromCounts(bad({ people }), options), 'INVALID_INPUT', ['counts', 0, 'people']);
    }
  });
  it('counts past 2^53 − 1, one by one or in total: LIMIT_EXCEEDED', () => {
    expectError(() => reachFromCounts(bad({ people: 2n ** 53n }), options), 'LIMIT_EXCEEDED', ['counts', 0, 'people']);
    expectError(() => reachFromCounts(bad({ people: '90071992547409920' }), options), 'LIMIT_EXCEEDED', [
      'counts',
      0,
      'people',
    ]);
    expectError(() => reachFromCounts(bad({ people: 2 ** 60 }), options), 'LIMIT_EXCEEDED', ['counts', 0, 'people']);
    const half = 2 ** 52;
    expectError(
      () =>
        reachFromCounts(
          [
            { ...base, people: half, engagement_sum: half },
            { ...base, people: half, engagement_sum: half },
          ],
          options,
        ),
      'LIMIT_EXCEEDED',
      ['counts', 1, 'people'],
    );
  });
  it('masks, groups, eligibility and bins out of range', () => {
    expectError(() => reachFromCounts(bad({ group_mask: 8 }), options), 'INVALID_INPUT', ['counts', 0, 'group_mask']);
    expectError(() => reachFromCounts(bad({ group_mask: undefined }), options), 'INVALID_INPUT', [
      'counts',
      0,
      'group_mask',
    ]);
    expectError(() => reachFromCounts(bad({ groups: ['el'] }), options), 'INVALID_INPUT', ['counts', 0, 'groups']);
    expectError(() => reachFromCounts(bad({ group_mask: undefined, groups: ['ell'] }), options), 'INVALID_INPUT', [
      'counts',
      0,
      'groups',
      0,
    ]);
    expectError(() => reachFromCounts(bad({ eligible: null }), options), 'INVALID_INPUT', ['counts', 0, 'eligible']);
    expectError(() => reachFromCounts(bad({ engagements: 5 }), options), 'INVALID_INPUT', ['counts', 0, 'engagements']);
  });
  it('engagement sums that cannot belong to the row', () => {
    expectError(() => reachFromCounts(bad({ engagement_sum: 4 }), options), 'INVALID_INPUT', [
      'counts',
      0,
      'engagement_sum',
    ]);
    const top = { engagements: 4, people: 3 };
    expectError(() => reachFromCounts(bad({ ...top, engagement_sum: 11 }), options), 'INVALID_INPUT', [
      'counts',
      0,
      'engagement_sum',
    ]);
    expectError(() => reachFromCounts(bad({ ...top, engagement_sum: undefined }), options), 'INVALID_INPUT', [
      'counts',
      0,
      'engagement_sum',
    ]);
    expect(reachFromCounts(bad({ ...top, engagement_sum: 30n }), options).overall.meanEngagements).toBe(10);
    // Ineligible people's engagements are not kept: any whole sum will do.
    expect(reachFromCounts(bad({ eligible: false, engagement_sum: 99 }), options).overall.excluded).toBe(3);
  });
  it('columns of unequal length, holes, a unit level named as a count column', () => {
    expectError(() => reachFromCounts({ district: ['D1'], school: [] } as never, options), 'INVALID_INPUT', [
      'counts',
      'school',
    ]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => reachFromCounts([, base] as never, options), 'INVALID_INPUT', ['counts', 0]);
    expectError(() => reachFromCounts([], { ...options, unitLevels: ['people'] }), 'INVALID_INPUT', [
      'options',
      'unitLevels',
      0,
    ]);
  });
});
