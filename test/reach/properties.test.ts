import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ReachRow,
  reachAccumulator,
  type SuppressedReachBreakdown,
  shardOf,
  summarizeReach,
  suppressSmallCells,
} from '../../src/reach/index.js';
import { allFinite, toColumns } from './_support.js';

const GROUPS = ['poverty', 'el', 'swd'];
const options = {
  focalGroups: GROUPS,
  unitLevels: ['district', 'school'],
  minEngagements: 2,
  intersections: [['poverty', 'el']],
  policy: { minPeople: 5 },
};

const rowArbitrary = fc.record({
  district: fc.constantFrom('D1', 'D2', 'D3'),
  school: fc.constantFrom('S1', 'S2', 'S/3'),
  groups: fc.subarray(GROUPS),
  eligible: fc.boolean().map((flag) => (flag ? undefined : false)),
  engagements: fc.nat({ max: 14 }),
});

const rosterArbitrary = fc.array(rowArbitrary, { maxLength: 120 }).map((rows) =>
  rows.map(
    (row, index): ReachRow => ({
      id: `p${index}`,
      units: { district: row.district, school: row.school },
      groups: row.groups,
      engagements: row.engagements,
      ...(row.eligible === false ? { eligible: false } : {}),
    }),
  ),
);

function rates(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) rates(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'rate' || key === 'interval') && item !== null) out.push(...[item].flat());
      else rates(item, out);
    }
  }
  return out;
}

describe('reach invariants', () => {
  it('row and columnar forms give identical results; rates in [0, 1]; all numbers finite; input untouched', () => {
    fc.assert(
      fc.property(rosterArbitrary, (roster) => {
        const copy = structuredClone(roster);
        const fromRows = summarizeReach(roster, options);
        const fromColumns = summarizeReach(toColumns(roster, options), options);
        expect(fromColumns).toEqual(fromRows);
        expect(roster).toEqual(copy);
        expect(allFinite(fromRows)).toBe(true);
        for (const rate of rates(fromRows)) expect(rate >= 0 && rate <= 1).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('columnar counting gives the same result through dense and sparse counters', () => {
    // A units table of 1,500 entries for a few rows makes dense counters (code × mask × bin)
    // costlier than the rows, so the sparse path numbers cells on first sight; the compact table
    // of toColumns takes the dense path.
    fc.assert(
      fc.property(rosterArbitrary, fc.nat(1000), (roster, shift) => {
        const columns = toColumns(roster, options);
        const padding = Array.from({ length: 1500 }, (_, index) => ({ district: `X${index}`, school: 'S1' }));
        const units = [...padding.slice(0, shift), ...columns.units, ...padding.slice(shift)];
        const unitCodes = Uint32Array.from(columns.unitCodes, (code) => code + shift);
        const sparse = summarizeReach({ ...columns, units, unitCodes }, options);
        expect(sparse).toEqual(summarizeReach(columns, options));
        expect(sparse).toEqual(summarizeReach(roster, options));
      }),
      { numRuns: 40 },
    );
  });

  it('the row form counts in batches: more than one batch, and counts past 32 bits, equal one row at a time', () => {
    // 2^20 rows per batch: 1,100,000 rows take two; a count of 2^33 bypasses the 32-bit buffer.
    const people = 1_100_000;
    const units = [
      { district: 'D1', school: 'S1' },
      { district: 'D1', school: 'S2' },
      { district: 'D2', school: 'S1' },
    ];
    const groupLists = [[], ['poverty'], ['el', 'swd'], ['poverty', 'el']];
    const rows: ReachRow[] = Array.from({ length: people }, (_, index) => ({
      id: `p${index}`,
      units: units[index % 3] as ReachRow['units'],
      groups: groupLists[(index >>> 2) % 4] as string[],
      engagements: index === 7 ? 2 ** 33 : index % 13,
      ...(index % 17 === 0 ? { eligible: false } : {}),
    }));
    const acc = reachAccumulator(options);
    const state = acc.init();
    for (const row of rows.slice(0, 5000)) acc.add(state, row);
    const oneByOne = acc.finalize(state);
    expect(summarizeReach(rows.slice(0, 5000), options)).toEqual(oneByOne);
    expect(oneByOne.overall.meanEngagements).toBeGreaterThan(2 ** 33 / 5000);
    // The columns hold 32-bit counts: compare the two batches with an ordinary count in row 7.
    rows[7] = { ...(rows[7] as ReachRow), engagements: 12 };
    const summary = summarizeReach(rows, options);
    expect(summary).toEqual(summarizeReach(toColumns(rows, options), options));
    expect(summary.rows).toBe(people);
    expect(summary.overall.n + summary.overall.excluded).toBe(people);
  });

  it('holds 131,073 units with 8 focal groups in memory that follows the cells used', () => {
    // Units × focal-group combinations: 33.5 million; the cells in use: one per person.
    const people = 2 ** 17 + 1;
    const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const wide = { focalGroups: eight, unitLevels: ['school'] };
    const columns = {
      unitCodes: Uint32Array.from({ length: people }, (_, index) => index),
      units: Array.from({ length: people }, (_, index) => ({ school: `S${index}` })),
      groupMasks: Uint8Array.from({ length: people }, (_, index) => (index * 37) % 256),
      engagements: Uint8Array.from({ length: people }, (_, index) => index % 4),
    };
    const acc = reachAccumulator(wide);
    const state = acc.addColumns(acc.init(), columns);
    expect(state.cells).toBe(people);
    const half = Math.floor(people / 2);
    const slice = (from: number, to: number) => ({
      ...columns,
      unitCodes: columns.unitCodes.subarray(from, to),
      groupMasks: columns.groupMasks.subarray(from, to),
      engagements: columns.engagements.subarray(from, to),
    });
    const merged = acc.merge(
      acc.addColumns(acc.init(), slice(0, half)),
      acc.addColumns(acc.init(), slice(half, people)),
    );
    expect(merged.cells).toBe(people);
    // The lookup table is at most half full and at most eight slots (32 bytes) per cell.
    expect(merged.indexedCells).toBe(people);
    expect(merged.cellTable.length).toBeGreaterThanOrEqual(2 * people);
    expect(merged.cellTable.length).toBeLessThanOrEqual(8 * people + 32);
    expect(Array.from(merged.histogram.subarray(0, people * merged.bins))).toEqual(
      Array.from(state.histogram.subarray(0, people * state.bins)),
    );
  });

  it('units listed twice in a columnar table are counted together; batches into one state add up', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.nat(), (roster, seed) => {
        const columns = toColumns(roster, options);
        // Every unit twice in the table; each person points at either copy.
        const units = [...columns.units, ...columns.units];
        const unitCodes = Uint32Array.from(columns.unitCodes, (code, index) =>
          (index + seed) % 2 === 0 ? code : code + columns.units.length,
        );
        const doubled = { ...columns, units, unitCodes };
        const expected = summarizeReach(roster, options);
        expect(summarizeReach(doubled, options)).toEqual(expected);
        // Two batches into one state: the second finds the first one's cells.
        const acc = reachAccumulator(options);
        const cut = seed % (roster.length + 1);
        const part = (from: number, to: number) => ({
          ...doubled,
          unitCodes: unitCodes.subarray(from, to),
          groupMasks: columns.groupMasks.subarray(from, to),
          engagements: columns.engagements.subarray(from, to),
          eligible: (columns.eligible as Uint8Array).subarray(from, to),
          ids: (columns.ids as string[]).slice(from, to),
        });
        const state = acc.addColumns(acc.addColumns(acc.init(), part(0, cut)), part(cut, roster.length));
        expect(acc.finalize(state)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('with no unit levels everyone shares one leaf: overall only, no units, rows one by one agree', () => {
    const rows: ReachRow[] = [
      { id: 'a', units: {}, groups: ['g'], engagements: 2 },
      { id: 'b', units: {}, engagements: 0 },
      { id: 'c', units: {}, engagements: 3 },
    ];
    const flat = { focalGroups: ['g'], unitLevels: [] };
    const summary = summarizeReach(rows, flat);
    expect([summary.overall.n, summary.overall.reached, summary.units.length]).toEqual([3, 2, 0]);
    const acc = reachAccumulator(flat);
    const state = acc.init();
    for (const row of rows) acc.add(state, row);
    expect(state.leafPaths).toEqual([[]]);
    expect(acc.finalize(state)).toEqual(summary);
  });

  it('lists units level by level in path order, also when packed sort keys would pass 2^53', () => {
    const byPath = (a: readonly string[], b: readonly string[]) => {
      for (let index = 0; index < a.length; index += 1) {
        if (a[index] !== b[index]) return (a[index] as string) < (b[index] as string) ? -1 : 1;
      }
      return 0;
    };
    // 4 levels × 10,000 distinct codes: 10^16 leaf orders, past 2^53 ≈ 9.0 × 10^15.
    for (const [people, levels] of [
      [300, 2],
      [10_000, 4],
    ] as const) {
      const unitLevels = ['a', 'b', 'c', 'd'].slice(0, levels);
      const rows: ReachRow[] = Array.from({ length: people }, (_, index) => ({
        id: `p${index}`,
        units: Object.fromEntries(unitLevels.map((level, depth) => [level, `${(index * (7 + depth * 6)) % 10_007}x`])),
        engagements: index % 3,
      }));
      const summary = summarizeReach(rows, { focalGroups: ['g'], unitLevels });
      const expected = unitLevels.flatMap((_, depth) =>
        [...new Set(rows.map((row) => JSON.stringify(unitLevels.slice(0, depth + 1).map((level) => row.units[level]))))]
          .map((key) => JSON.parse(key) as string[])
          .sort(byPath),
      );
      expect(summary.units.map((unit) => unit.path)).toEqual(expected);
      expect(summary.units.filter((unit) => unit.level === unitLevels[levels - 1]).length).toBe(people);
    }
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.nat(), (roster, seed) => {
        const shuffled = [...roster].sort((a, b) => shardOf(`${a.id}${seed}`, 997) - shardOf(`${b.id}${seed}`, 997));
        expect(summarizeReach(shuffled, options)).toEqual(summarizeReach(roster, options));
      }),
      { numRuns: 60 },
    );
  });

  it('any split into shards, merged in any order, equals one pass exactly (rows, columns, structured clones)', () => {
    const acc = reachAccumulator(options);
    fc.assert(
      fc.property(
        rosterArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(), { maxLength: 200 }),
        (roster, k, picks) => {
          const shards = Array.from({ length: k }, () => acc.init());
          const batches: ReachRow[][] = Array.from({ length: k }, () => []);
          roster.forEach((row, index) => {
            (batches[(picks[index] ?? index) % k] as ReachRow[]).push(row);
          });
          batches.forEach((batch, shard) => {
            // half of the shards take rows one by one, the other half one columnar batch
            if (shard % 2 === 0) for (const row of batch) acc.add(shards[shard] as never, row);
            else acc.addColumns(shards[shard] as never, toColumns(batch, options));
          });
          const cloned = shards.map((state) => structuredClone(state));
          const merged = cloned.reduceRight((a, b) => acc.merge(b, a));
          const onePass = summarizeReach(roster, options);
          expect(acc.finalize(merged)).toEqual(onePass);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shardOf is deterministic, in range, and spreads ids', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (id, k) => {
        const shard = shardOf(id, k);
        expect(Number.isInteger(shard) && shard >= 0 && shard < k).toBe(true);
        expect(shardOf(id, k)).toBe(shard);
      }),
    );
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 4000; index += 1) {
      const shard = shardOf(`student-${index}`, 4);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});

/** Rank test over the rationals (floating elimination; the matrices are tiny 0/1 ones). */
function inSpan(rows: number[][], target: number[]): boolean {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (vector: number[]) => {
    const out = [...vector];
    for (const { pivot, row } of basis) {
      const factor = out[pivot] as number;
      if (Math.abs(factor) > 1e-9)
        for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) - factor * (row[i] as number);
    }
    return out;
  };
  for (const row of rows) {
    const reduced = reduce(row);
    const pivot = reduced.findIndex((value) => Math.abs(value) > 1e-9);
    if (pivot < 0) continue;
    const scale = reduced[pivot] as number;
    basis.push({ pivot, row: reduced.map((value) => value / scale) });
  }
  return reduce(target).every((value) => Math.abs(value) < 1e-9);
}

describe('suppressSmallCells', () => {
  const smallOptions = { focalGroups: ['el', 'swd'], unitLevels: ['district', 'school'], minEngagements: 1 };
  const smallRoster = fc
    .array(
      fc.record({
        district: fc.constantFrom('D1', 'D2'),
        school: fc.constantFrom('S1', 'S2'),
        groups: fc.subarray(['el', 'swd']),
        engagements: fc.nat({ max: 2 }),
        eligible: fc.boolean(),
      }),
      { maxLength: 90 },
    )
    .map((rows) =>
      rows.map(
        (row, index): ReachRow => ({
          id: `p${index}`,
          units: { district: row.district, school: row.school },
          groups: row.groups,
          engagements: row.engagements,
          eligible: row.eligible || index % 5 !== 0,
        }),
      ),
    );

  it('no hidden count can be recomputed from the shown ones; derived statistics of hidden counts are hidden', () => {
    fc.assert(
      fc.property(smallRoster, fc.integer({ min: 2, max: 12 }), (roster, minCell) => {
        const summary = summarizeReach(roster, smallOptions);
        const report = suppressSmallCells(summary, { policy: { minCellSize: minCell } });
        expect(allFinite(report)).toBe(true);
        // Atoms: school (leaf) × focal-group mask, defined here independently of the implementation.
        const leaves = summary.units.filter((unit) => unit.level === 'school').map((unit) => unit.path);
        const atomCount = leaves.length * 4;
        const vectorOf = (path: readonly string[], contains: (mask: number) => boolean) => {
          const vector = new Array(atomCount).fill(0);
          leaves.forEach((leaf, index) => {
            if (path.every((code, level) => leaf[level] === code)) {
              for (let mask = 0; mask < 4; mask += 1) if (contains(mask)) vector[index * 4 + mask] = 1;
            }
          });
          return vector;
        };
        type Cell = { vector: number[]; n: number | null; reached: number | null; excluded: number | null | undefined };
        const cells: Cell[] = [];
        const scopes: [readonly string[], SuppressedReachBreakdown][] = [
          [[], report],
          ...report.units.map((unit): [readonly string[], SuppressedReachBreakdown] => [unit.path, unit]),
        ];
        // Every hidden count, and only a hidden count, has a note naming it.
        const noted = (stats: SuppressedReachBreakdown['overall'], fields: Record<string, number | null>) => {
          const named = new Set(stats.notes.map((entry) => entry.field));
          for (const [field, value] of Object.entries(fields)) expect(named.has(field), field).toBe(value === null);
        };
        for (const [path, scope] of scopes) {
          noted(scope.overall, {
            n: scope.overall.n,
            reached: scope.overall.reached,
            excluded: scope.overall.excluded,
          });
          for (const group of [...scope.groups, scope.union, scope.none, ...scope.intersections]) {
            noted(group, {
              n: group.n,
              reached: group.reached,
              excluded: group.excluded,
              'rest.n': group.rest.n,
              'rest.reached': group.rest.reached,
            });
          }
          cells.push({ vector: vectorOf(path, () => true), ...scope.overall });
          const defs: [SuppressedReachBreakdown['union'], (mask: number) => boolean][] = [
            [scope.groups[0] as SuppressedReachBreakdown['union'], (mask) => (mask & 1) !== 0],
            [scope.groups[1] as SuppressedReachBreakdown['union'], (mask) => (mask & 2) !== 0],
            [scope.union, (mask) => mask !== 0],
            [scope.none, (mask) => mask === 0],
          ];
          for (const [group, contains] of defs) {
            cells.push({
              vector: vectorOf(path, contains),
              n: group.n,
              reached: group.reached,
              excluded: group.excluded,
            });
            cells.push({ vector: vectorOf(path, (mask) => !contains(mask)), ...group.rest, excluded: undefined });
            // derived statistics only with their counts
            if (group.rate !== null || group.interval !== null || group.meanEngagements !== null)
              expect(group.reached).not.toBeNull();
            if (group.gap !== null || group.riskRatio !== null) expect(group.rest.reached).not.toBeNull();
            if (group.reached !== null) expect(group.n).not.toBeNull();
          }
        }
        for (const count of ['n', 'reached', 'excluded'] as const) {
          const relevant = cells.filter((cell) => cell[count] !== undefined && cell.vector.some((v) => v === 1));
          const shown = relevant.filter((cell) => cell[count] !== null).map((cell) => cell.vector);
          for (const cell of relevant) {
            const value = cell[count] as number | null;
            if (value === null) expect(inSpan(shown, cell.vector), `a hidden ${count} is recomputable`).toBe(false);
            else if (count !== 'reached')
              expect(value === 0 || value >= minCell, `a small ${count} is shown`).toBe(true);
            else if (cell.n !== null && cell.n > 0) {
              expect(value >= minCell && cell.n - value >= minCell, 'a small reached count is shown').toBe(true);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('says what it hid and why, top- and bottom-codes rates, and leaves large cells alone', () => {
    const roster: ReachRow[] = Array.from({ length: 60 }, (_, index) => ({
      id: `p${index}`,
      units: { school: index < 30 ? 'A' : 'B' },
      groups: index % 2 === 0 ? ['el'] : [],
      engagements: index < 30 ? 1 : index < 33 ? 1 : 0,
    }));
    const report = suppressSmallCells(summarizeReach(roster, { focalGroups: ['el'], unitLevels: ['school'] }));
    const schoolA = report.units.find((unit) => unit.id === 'A');
    expect(schoolA?.overall.n).toBe(30);
    expect(schoolA?.overall.reached).toBeNull();
    expect(schoolA?.overall.rateCoded).toEqual({ bound: 'above', value: 1 - 10 / 30 });
    const schoolB = report.units.find((unit) => unit.id === 'B');
    expect(schoolB?.overall.rateCoded).toEqual({ bound: 'below', value: 10 / 30 });
    expect(report.overall).toMatchObject({ n: 60, reached: 33, rate: 33 / 60 });
    expect(report.suppressed).toContainEqual({
      unit: 'A',
      population: 'everyone',
      count: 'reached',
      reason: 'near-0-or-100',
    });
    expect(report.units.every((unit) => !('histogram' in unit.overall))).toBe(true);
    expect(schoolA?.overall.notes).toContainEqual(expect.objectContaining({ code: 'NEAR_0_OR_100', field: 'reached' }));
    expect(report.notes.map((entry) => [entry.code, entry.field])).toEqual([['COUNTS_SUPPRESSED', 'suppressed']]);
    expect(report.policy.minCellSize).toBe(10);
  });

  it('publishes only the declared hierarchy', () => {
    const roster: ReachRow[] = Array.from({ length: 50 }, (_, index) => ({
      id: `p${index}`,
      units: { district: 'D1', school: `S${index % 5}` },
      engagements: index % 2,
    }));
    const summary = summarizeReach(roster, { focalGroups: [], unitLevels: ['district', 'school'] });
    const report = suppressSmallCells(summary, { hierarchy: ['district'], policy: { minCellSize: 5 } });
    expect(report.units.map((unit) => unit.id)).toEqual(['D1']);
    expect(report.hierarchy).toEqual(['district']);
  });
});
