/**
 * The near-linear `suppressSmallCells` hides exactly what the dense elimination before issue 12
 * hid (kept in test/reach/_reference/): same cells, same reasons, same order, same report — on the
 * rosters of the other tests and on random ones of every shape (levels, focal groups,
 * intersections, published hierarchy, minimum cell size).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ReachRow,
  type SummarizeReachOptions,
  summarizeReach,
  suppressSmallCells,
} from '../../src/reach/index.js';
import { suppressSmallCellsReference } from './_reference/suppressSmallCells.js';

/** The report without the fields the reference never had. */
function comparable(report: object): unknown {
  const { schemaVersion: _version, ...rest } = report as Record<string, unknown>;
  return rest;
}

function expectSame(rows: readonly ReachRow[], options: SummarizeReachOptions, suppress: Record<string, unknown> = {}) {
  const summary = summarizeReach(rows, options);
  const expected = suppressSmallCellsReference(summary, suppress);
  const actual = suppressSmallCells(summary, suppress);
  expect(comparable(actual)).toEqual(comparable(expected));
  return actual;
}

const GROUPS = ['poverty', 'el', 'swd'];

const shapeArbitrary = fc.record({
  levels: fc.integer({ min: 0, max: 3 }),
  groups: fc.integer({ min: 0, max: 3 }),
  width: fc.integer({ min: 1, max: 5 }),
  intersect: fc.boolean(),
  minCellSize: fc.integer({ min: 1, max: 15 }),
  hierarchy: fc.integer({ min: 0, max: 3 }),
  rows: fc.array(
    fc.record({
      codes: fc.array(fc.nat({ max: 4 }), { minLength: 3, maxLength: 3 }),
      groups: fc.subarray(GROUPS),
      engagements: fc.nat({ max: 4 }),
      eligible: fc.boolean(),
    }),
    { maxLength: 260 },
  ),
});

describe('suppressSmallCells is identical to the reference implementation', () => {
  it('on random rosters of every shape', () => {
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const unitLevels = ['region', 'district', 'school'].slice(0, shape.levels);
        const focalGroups = GROUPS.slice(0, shape.groups);
        const rows: ReachRow[] = shape.rows.map((row, index) => ({
          id: `p${index}`,
          units: Object.fromEntries(
            unitLevels.map((level, l) => [level, `${level[0]}${(row.codes[l] as number) % shape.width}`]),
          ),
          groups: row.groups.filter((group) => focalGroups.includes(group)),
          engagements: row.engagements,
          eligible: row.eligible || index % 4 !== 0,
        }));
        const options: SummarizeReachOptions = {
          focalGroups,
          unitLevels,
          minEngagements: 2,
          ...(shape.intersect && focalGroups.length >= 2 ? { intersections: [focalGroups.slice(0, 2)] } : {}),
        };
        const hierarchy =
          shape.hierarchy === 0 ? undefined : unitLevels.filter((_, l) => (shape.hierarchy >> l) & 1 || l === 0);
        expectSame(rows, options, {
          policy: { minCellSize: shape.minCellSize },
          ...(hierarchy === undefined ? {} : { hierarchy }),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('on the rosters of the other reach tests', () => {
    // properties.test.ts: 'says what it hid and why …'
    expectSame(
      Array.from({ length: 60 }, (_, index) => ({
        id: `p${index}`,
        units: { school: index < 30 ? 'A' : 'B' },
        groups: index % 2 === 0 ? ['el'] : [],
        engagements: index < 30 ? 1 : index < 33 ? 1 : 0,
      })),
      { focalGroups: ['el'], unitLevels: ['school'] },
    );
    // properties.test.ts: 'publishes only the declared hierarchy'
    const fiveSchools: ReachRow[] = Array.from({ length: 50 }, (_, index) => ({
      id: `p${index}`,
      units: { district: 'D1', school: `S${index % 5}` },
      engagements: index % 2,
    }));
    expectSame(
      fiveSchools,
      { focalGroups: [], unitLevels: ['district', 'school'] },
      { hierarchy: ['district'], policy: { minCellSize: 5 } },
    );
    // The TSDoc example of suppressSmallCells.
    expectSame(
      [
        ...Array.from({ length: 40 }, (_, i) => ({
          id: `a${i}`,
          units: { school: 'A' },
          groups: i < 4 ? ['el'] : [],
          engagements: i % 2,
        })),
        ...Array.from({ length: 40 }, (_, i) => ({
          id: `b${i}`,
          units: { school: 'B' },
          groups: i < 20 ? ['el'] : [],
          engagements: i % 2,
        })),
      ],
      { focalGroups: ['el'], unitLevels: ['school'] },
    );
  });

  it('on the property tests’ small rosters (two districts × two schools, two groups)', () => {
    const smallOptions = { focalGroups: ['el', 'swd'], unitLevels: ['district', 'school'], minEngagements: 1 };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            district: fc.constantFrom('D1', 'D2'),
            school: fc.constantFrom('S1', 'S2'),
            groups: fc.subarray(['el', 'swd']),
            engagements: fc.nat({ max: 2 }),
            eligible: fc.boolean(),
          }),
          { maxLength: 90 },
        ),
        fc.integer({ min: 2, max: 12 }),
        (raw, minCell) => {
          const rows = raw.map(
            (row, index): ReachRow => ({
              id: `p${index}`,
              units: { district: row.district, school: row.school },
              groups: row.groups,
              engagements: row.engagements,
              eligible: row.eligible || index % 5 !== 0,
            }),
          );
          expectSame(rows, smallOptions, { policy: { minCellSize: minCell } });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on larger seeded rosters (up to 60 schools in 12 districts, three groups)', () => {
    for (const [seed, schools] of [
      [1, 8],
      [2, 20],
      [3, 40],
      [4, 60],
    ] as const) {
      let state = 0x9e3779b9 ^ seed;
      const next = () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 4_294_967_296;
      };
      const rows: ReachRow[] = Array.from({ length: schools * 25 }, (_, index) => {
        const school = Math.floor(next() * schools);
        return {
          id: `p${index}`,
          units: { district: `D${school % 12}`, school: `S${school}` },
          groups: GROUPS.filter((_, g) => next() < ([0.45, 0.15, 0.13][g] as number)),
          engagements: Math.floor(next() * 5),
        };
      });
      expectSame(rows, { focalGroups: GROUPS, unitLevels: ['district', 'school'], minEngagements: 2 });
    }
  });
});
