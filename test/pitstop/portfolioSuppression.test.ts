/**
 * The portfolio's complementary suppression is sound: no hidden count (students, reached, not
 * reached) of a district's focal-group cell can be worked out from what the report publishes —
 * the shown cells, the state totals, the reasons (`'small-cell'`: the cell was under the minimum;
 * `'complementary'`: it was not) and that counts are whole numbers ≥ 0. The oracle below knows only
 * that, and finds every assignment of the hidden cells those facts allow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePortfolio, type PitStopInput, type PortfolioReport } from '../../src/pitstop/index.js';
import { summarizeReach } from '../../src/reach/index.js';
import { focalGroups, healthyInput } from './_support.js';

/** What a reader sees of one focal group: each district's cell and the state total. */
interface Published {
  readonly cells: readonly { n: number | null; reached: number | null; suppressed: string | null }[];
  readonly total: { n: number | null; reached: number | null };
}

/** Reachable (reached, not reached) sums: a (sr + 1) × (su + 1) grid of flags, row-major by reached. */
class Grid {
  readonly cells: Uint8Array;
  constructor(
    readonly sr: number,
    readonly su: number,
  ) {
    this.cells = new Uint8Array((sr + 1) * (su + 1));
  }
  at(r: number, u: number): number {
    return this.cells[r * (this.su + 1) + u] as number;
  }
  set(r: number, u: number): void {
    this.cells[r * (this.su + 1) + u] = 1;
  }
}

/** The sums `grid` ⊕ one more cell allows: complementary (reached ≥ m, not reached ≥ m) or small (either < m). */
function plusCell(grid: Grid, complementary: boolean, m: number): Grid {
  const { sr, su } = grid;
  const out = new Grid(sr, su);
  // prefix[r][u] = some reachable (a, b) with a ≤ r and b ≤ u
  const prefix = new Grid(sr, su);
  // upToU[r][u] = some (r, b) with b ≤ u; upToR[r][u] = some (a, u) with a ≤ r
  const upToU = new Grid(sr, su);
  const upToR = new Grid(sr, su);
  for (let r = 0; r <= sr; r += 1) {
    for (let u = 0; u <= su; u += 1) {
      const here = grid.at(r, u);
      if (here || (r > 0 && prefix.at(r - 1, u)) || (u > 0 && prefix.at(r, u - 1))) prefix.set(r, u);
      if (here || (u > 0 && upToU.at(r, u - 1))) upToU.set(r, u);
      if (here || (r > 0 && upToR.at(r - 1, u))) upToR.set(r, u);
    }
  }
  for (let r = 0; r <= sr; r += 1) {
    for (let u = 0; u <= su; u += 1) {
      let reachable = false;
      if (complementary) reachable = r >= m && u >= m && prefix.at(r - m, u - m) === 1;
      else {
        // this cell's reached < m (not reached anything), or its not reached < m (reached anything)
        for (let a = Math.max(0, r - m + 1); a <= r && !reachable; a += 1) reachable = upToU.at(a, u) === 1;
        for (let b = Math.max(0, u - m + 1); b <= u && !reachable; b += 1) reachable = upToR.at(r, b) === 1;
      }
      if (reachable) out.set(r, u);
    }
  }
  return out;
}

/**
 * Every hidden count of the group that the published facts pin to one value, as
 * `'<cell> <count> = <value>'`. Needs the total shown (without it no sum of hidden cells is known).
 */
function determinedCounts(group: Published, m: number): string[] {
  const { total } = group;
  if (total.n === null || total.reached === null) return [];
  let sr = total.reached;
  let su = total.n - total.reached;
  const hidden: { index: number; complementary: boolean }[] = [];
  group.cells.forEach((cell, index) => {
    if (cell.n === null || cell.reached === null)
      hidden.push({ index, complementary: cell.suppressed === 'complementary' });
    else {
      sr -= cell.reached;
      su -= cell.n - cell.reached;
    }
  });
  const found: string[] = [];
  for (const cell of hidden) {
    let others = new Grid(sr, su);
    others.set(0, 0);
    for (const other of hidden) if (other !== cell) others = plusCell(others, other.complementary, m);
    const values = { n: new Set<number>(), reached: new Set<number>(), notReached: new Set<number>() };
    for (let r = 0; r <= sr; r += 1) {
      for (let u = 0; u <= su; u += 1) {
        const allowed = cell.complementary ? r >= m && u >= m : r < m || u < m;
        if (!allowed || others.at(sr - r, su - u) !== 1) continue;
        values.n.add(r + u);
        values.reached.add(r);
        values.notReached.add(u);
      }
    }
    for (const [count, set] of Object.entries(values)) {
      expect(set.size, 'the true counts are among the assignments').toBeGreaterThan(0);
      if (set.size === 1) found.push(`${cell.index} ${count} = ${[...set][0]}`);
    }
  }
  return found;
}

/** A district's reach: `el` and `poverty` as [students, reached], and 100 other students (half reached). */
const reachCounts = (el: readonly [number, number], poverty: readonly [number, number] = [100, 50]) =>
  summarizeReach(
    [
      ...(
        [
          ['el', el],
          ['poverty', poverty],
          ['other', [100, 50]],
        ] as const
      ).flatMap(([group, [n, reached]]) =>
        Array.from({ length: n }, (_, i) => ({
          id: `${group}-${i}`,
          units: { district: 'd' },
          groups: group === 'other' ? [] : [group],
          engagements: i < reached ? 2 : 0,
        })),
      ),
    ],
    { focalGroups, unitLevels: ['district'], minEngagements: 2 },
  );

const base = healthyInput();
const portfolio = (districts: readonly { el: [number, number]; poverty?: [number, number] }[], minCellSize = 10) =>
  evaluatePortfolio(
    districts.map((district, index) => ({
      id: String.fromCharCode(97 + index),
      pitStop: { ...base, reach: reachCounts(district.el, district.poverty) } as PitStopInput,
    })),
    { policy: { minCellSize } },
  );

/** The published view of one group, districts in id order. */
function published(report: PortfolioReport, group: string): Published {
  const districts = [...report.districts].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    cells: districts.map((district) => district.focalGroups.find((cell) => cell.id === group) as Published['cells'][0]),
    total: report.focalGroupTotals.find((cell) => cell.id === group) as Published['total'],
  };
}
const reasons = (group: Published) => group.cells.map((cell) => cell.suppressed);

describe('portfolio suppression: cases the earlier rule leaked', () => {
  it('two small cells whose reached students sum to 0: nobody in either was reached', () => {
    // a: 4 English learners, none reached; b: 5, none reached; c: 30 (15 reached); d: 40 (20 reached).
    // The earlier rule hid a and b (both small) and nothing else, and showed the total 79 / 35:
    // reached in a + b = 35 − 15 − 20 = 0, and counts are never negative, so a and b each reached 0.
    const before: Published = {
      cells: [
        { n: null, reached: null, suppressed: 'small-cell' },
        { n: null, reached: null, suppressed: 'small-cell' },
        { n: 30, reached: 15, suppressed: null },
        { n: 40, reached: 20, suppressed: null },
      ],
      total: { n: 79, reached: 35 },
    };
    expect(determinedCounts(before, 10)).toEqual(['0 reached = 0', '1 reached = 0']);

    const report = portfolio([{ el: [4, 0] }, { el: [5, 0] }, { el: [30, 15] }, { el: [40, 20] }]);
    const now = published(report, 'el');
    // d joins them: the smallest cell that alone leaves ≥ 10 reached and ≥ 10 not reached hidden
    // beyond the 10 + 10 a complementary cell is known to hold (c's 15 − 10 = 5 reached would not).
    expect(reasons(now)).toEqual(['small-cell', 'small-cell', null, 'complementary']);
    expect(now.total).toMatchObject({ n: 79, reached: 35 });
    // Hidden reached: 35 − 15 = 20 over a, b and d, with d ≥ 10: a's reached is anything in 0…10.
    expect(determinedCounts(now, 10)).toEqual([]);
    expect(report.notes.map((entry) => entry.message)).toEqual([
      'el: 1 more district cell hidden, so that no hidden count can be worked out from the shown ones and the state total',
    ]);
  });

  it('the complementary cell is known not to be small: its minimum pins the small cell', () => {
    // a: 20 English learners, none reached (small: 0 < 10); b: 30, 10 reached; c: 50, 25 reached.
    // The earlier rule hid a and the smallest other cell, b, and showed the total 100 / 35:
    // reached in a + b = 35 − 25 = 10, and b, hidden as complementary, reached at least 10 —
    // so a reached 0 and b exactly 10.
    const before: Published = {
      cells: [
        { n: null, reached: null, suppressed: 'small-cell' },
        { n: null, reached: null, suppressed: 'complementary' },
        { n: 50, reached: 25, suppressed: null },
      ],
      total: { n: 100, reached: 35 },
    };
    expect(determinedCounts(before, 10)).toEqual(['0 reached = 0', '1 reached = 10']);

    const now = published(portfolio([{ el: [20, 0] }, { el: [30, 10] }, { el: [50, 25] }]), 'el');
    // b would add 10 − 10 = 0 reached beyond its known minimum; c adds 15.
    expect(reasons(now)).toEqual(['small-cell', null, 'complementary']);
    expect(determinedCounts(now, 10)).toEqual([]);
  });

  it('when even every cell hidden would give a count away, the state total is hidden instead', () => {
    // Two districts: a (20, none reached), b (30, 10 reached). Hiding b as well still pins both
    // (reached a + b = 10, b ≥ 10), so the total goes and b stays shown.
    const before: Published = {
      cells: [
        { n: null, reached: null, suppressed: 'small-cell' },
        { n: null, reached: null, suppressed: 'complementary' },
      ],
      total: { n: 50, reached: 10 },
    };
    expect(determinedCounts(before, 10)).toEqual(['0 reached = 0', '1 reached = 10']);
    const report = portfolio([{ el: [20, 0] }, { el: [30, 10] }]);
    const now = published(report, 'el');
    expect(reasons(now)).toEqual(['small-cell', null]);
    expect(report.focalGroupTotals.find((cell) => cell.id === 'el')).toEqual({
      id: 'el',
      n: null,
      reached: null,
      rate: null,
      suppressed: 'complementary',
    });
    expect(report.notes[0]?.message).toBe(
      'el: the state total hidden, so that no hidden count can be worked out from the shown ones and the state total',
    );
  });

  it('one hidden cell is still never left alone against the total (differencing)', () => {
    // a (8, 4 reached) alone hidden: 108 − 40 − 60 = 8 students would be a's. b joins it.
    const before: Published = {
      cells: [
        { n: null, reached: null, suppressed: 'small-cell' },
        { n: 40, reached: 20, suppressed: null },
        { n: 60, reached: 30, suppressed: null },
      ],
      total: { n: 108, reached: 54 },
    };
    expect(determinedCounts(before, 10)).toEqual(['0 n = 8', '0 reached = 4', '0 notReached = 4']);
    const now = published(portfolio([{ el: [8, 4] }, { el: [40, 20] }, { el: [60, 30] }]), 'el');
    expect(reasons(now)).toEqual(['small-cell', 'complementary', null]);
    expect(determinedCounts(now, 10)).toEqual([]);
  });
});

describe('portfolio suppression: a property over small random portfolios', () => {
  const counts = fc
    .tuple(fc.nat({ max: 24 }), fc.nat({ max: 24 }))
    .map(([a, b]): [number, number] => [Math.max(a, b), Math.min(a, b)]);
  it('no hidden count is determined by the shown counts, the totals and the reasons; nothing small is shown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ el: counts, poverty: counts }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (districts, m) => {
          const report = portfolio(districts, m);
          for (const group of ['el', 'poverty'] as const) {
            const view = published(report, group);
            const truth = districts.map((district) => district[group]);
            const small = ([n, reached]: readonly [number, number]) => n < m || reached < m || n - reached < m;
            view.cells.forEach((cell, index) => {
              const [n, reached] = truth[index] as [number, number];
              if (cell.suppressed === null) {
                expect([cell.n, cell.reached]).toEqual([n, reached]);
                expect(small([n, reached]), 'a small cell is shown').toBe(false);
              } else {
                expect([cell.n, cell.reached]).toEqual([null, null]);
                // The reasons are true: a small cell is small, a complementary one is not.
                expect(cell.suppressed).toBe(small([n, reached]) ? 'small-cell' : 'complementary');
              }
            });
            const totalN = truth.reduce((sum, [n]) => sum + n, 0);
            const totalReached = truth.reduce((sum, [, reached]) => sum + reached, 0);
            if (view.total.n !== null) {
              expect([view.total.n, view.total.reached]).toEqual([totalN, totalReached]);
              expect(small([totalN, totalReached]), 'a small total is shown').toBe(false);
            } else if (small([totalN, totalReached])) {
              // A small total: every cell of the group is at most it, so small and hidden too.
              expect(view.cells.every((cell) => cell.suppressed === 'small-cell')).toBe(true);
            }
            expect(determinedCounts(view, m), `${group} with minimum ${m}`).toEqual([]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
