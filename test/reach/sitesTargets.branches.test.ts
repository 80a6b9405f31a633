/**
 * compareSites, evaluateReachTarget and the reach-state checks at the edges the other tests
 * leave: options given explicitly, a reference with one choice or too many to count, intended
 * 'higher'; a summary without unit levels, a target's period, a partial union, units stored out
 * of order; states damaged past the cells in use or edited in place (code and path).
 */
import { describe, expect, it } from 'vitest';
import { gammaP } from '../../src/reach/_poisson.js';
import {
  compareSites,
  evaluateReachTarget,
  type ReachRow,
  type ReachState,
  reachAccumulator,
  type SiteSchool,
  summarizeReach,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const four: SiteSchool[] = [
  { id: 'N1', region: 'north', values: { proficient: 0.3 }, extraPerPupil: 100 },
  { id: 'N2', region: 'north', values: { proficient: 0.5 }, extraPerPupil: 300 },
  { id: 'S1', region: 'south', values: { proficient: 0.4 }, extraPerPupil: 100 },
  { id: 'S2', region: 'south', values: { proficient: 0.6 }, extraPerPupil: 300 },
];

describe('compareSites', () => {
  it('similarBand and parityTolerance as given; intended higher, above the population: as intended', () => {
    // Sites N2, S2: mean 0.55, population 0.45 ± √0.0125; d = 0.1 / 0.1118… = 0.894…
    const result = compareSites(['N2', 'S2'], four, [{ id: 'proficient', intended: 'higher' }], {
      similarBand: 0.5,
      parityTolerance: 0.5,
      scaleUpPerPupil: 200,
    });
    expect(result.policy).toEqual({ similarBand: 0.5, parityTolerance: 0.5 });
    expect(result.covariates[0]?.standardizedDifference).toBeCloseTo(0.1 / Math.sqrt(0.0125), 12);
    expect(result.covariates[0]?.decision.action).toBe('as-intended');
    // 4 choices (2 × 2); the sites' choice is the highest: at or below in all 4, as far in 2.
    expect([result.covariates[0]?.atOrBelow, result.covariates[0]?.atLeastAsFar]).toEqual([1, 0.5]);
    // 300 per pupil against 200 × 1.5: parity.
    expect(result.resources).toMatchObject({ siteMean: 300, difference: 100 });
    expect(result.resources?.decision.action).toBe('parity');
    const strict = compareSites(['N2', 'S2'], four, [{ id: 'proficient' }], {
      parityTolerance: 0.2,
      scaleUpPerPupil: 200,
    });
    expect(strict.resources?.decision.action).toBe('propped-up');
    expect(strict.covariates[0]?.intended).toBe('similar');
    expect(strict.covariates[0]?.decision.action).toBe('unrepresentative');
  });
  it('every school a site: one choice, a note, d = 0', () => {
    const result = compareSites(['N1', 'N2', 'S1', 'S2'], four, [{ id: 'proficient' }]);
    expect(result.notes.map((entry) => entry.code)).toContain('ONE_CHOICE');
    expect(result.reference).toMatchObject({ method: 'exact', choices: 1, draws: 1, seed: null });
    expect(result.covariates[0]).toMatchObject({ standardizedDifference: 0, atOrBelow: 1, atLeastAsFar: 1 });
    expect(result.covariates[0]?.decision.action).toBe('similar');
  });
  it('more choices than can be counted: drawn, and the count is null', () => {
    // 40 schools in one region, 20 sites: C(40, 20) ≈ 1.4e11 choices.
    const many: SiteSchool[] = Array.from({ length: 40 }, (_, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      region: 'r',
      values: { x: i },
    }));
    const sites = many.slice(0, 20).map((school) => school.id);
    const result = compareSites(sites, many, [{ id: 'x', intended: 'lower' }], { draws: 99, seed: 7 });
    expect(result.reference).toEqual({ method: 'monte-carlo', choices: null, draws: 99, seed: 7 });
    // The 20 lowest: no draw is lower, every one at most as far: (0 + 1) / 100 and (99 + 1) / 100 at most.
    const row = result.covariates[0];
    expect(row?.decision.action).toBe('as-intended');
    expect(row?.atOrBelow).toBe(0.01);
    expect(Number.isInteger((row?.atLeastAsFar ?? 0) * 100)).toBe(true);
  });
  it('a label is a string; weighting by enrollment needs students in every school', () => {
    expectError(() => compareSites(['N1'], four, [{ id: 'proficient', label: 5 } as never]), 'INVALID_INPUT', [
      'covariates',
      0,
      'label',
    ]);
    const weighted = four.map((school, i) => ({ ...school, enrollment: i === 2 ? 0 : 100 }));
    expectError(
      () => compareSites(['N1'], weighted, [{ id: 'proficient' }], { weight: 'enrollment' }),
      'INVALID_INPUT',
      ['schools', 2, 'enrollment'],
    );
    // Unweighted, an enrollment of 0 is allowed.
    expect(compareSites(['N1', 'S1'], weighted, [{ id: 'proficient' }]).covariates[0]?.siteMean).toBeCloseTo(0.35, 14);
  });
  it('at most 1,000,000 draws', () => {
    expectError(() => compareSites(['N1'], four, [{ id: 'proficient' }], { draws: 1_000_001 }), 'INVALID_INPUT', [
      'options',
      'draws',
    ]);
  });
});

describe('evaluateReachTarget', () => {
  const target = { population: { unit: 'students' as const }, overall: 0.8, focal: 0.8, focalRule: 'each' as const };
  it('a summary without unit levels: no level, no units', () => {
    const summary = summarizeReach(
      [
        { id: 'a', units: {}, engagements: 1 },
        { id: 'b', units: {}, engagements: 0 },
      ],
      { focalGroups: [], unitLevels: [] },
    );
    const result = evaluateReachTarget(summary, target);
    expect(result.level).toBeNull();
    expect(result.overall).toMatchObject({ n: 2, reached: 1, needed: 2, shortfall: 1, units: [] });
  });
  it("a target's period must be the summary's", () => {
    const period = { start: '2024-09-01', end: '2025-06-30' };
    const rows: ReachRow[] = [
      { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-10-01'] },
      { id: 'b', units: {}, engagedOn: ['2024-08-01'] },
    ];
    const summary = summarizeReach(rows, { focalGroups: ['el'], unitLevels: [], period });
    const result = evaluateReachTarget(summary, { ...target, period });
    expect(result.notes).toEqual([]);
    expect(result.overall).toMatchObject({ n: 2, reached: 1 });
    expectError(
      () => evaluateReachTarget(summary, { ...target, period: { ...period, end: '2025-06-29' } }),
      'INVALID_INPUT',
      ['target', 'period'],
    );
    expectError(
      () => evaluateReachTarget(summary, { ...target, period: { ...period, start: '2024-09-02' } }),
      'INVALID_INPUT',
      ['target', 'period'],
    );
  });
  it('a union target needs exactly the summary’s focal groups', () => {
    const summary = summarizeReach([{ id: 'a', units: {}, groups: ['el'], engagements: 1 }], {
      focalGroups: ['el', 'swd'],
      unitLevels: [],
    });
    expectError(
      () => evaluateReachTarget(summary, { ...target, focalRule: 'union', focalGroups: ['el'] }),
      'INVALID_INPUT',
      ['target', 'focalGroups'],
    );
    expectError(
      () => evaluateReachTarget(summary, { ...target, focalRule: 'union', focalGroups: ['el', 'el'] }),
      'INVALID_INPUT',
      ['target', 'focalGroups'],
    );
    const union = evaluateReachTarget(summary, { ...target, focalRule: 'union', focalGroups: ['swd', 'el'] });
    expect(union.shortfall).toEqual({ overall: 0, focal: 0 });
  });
  it('units stored out of order are ranked by shortfall, then id', () => {
    const rows: ReachRow[] = ['C', 'A', 'B', 'D', 'D'].map((school, i) => ({
      id: `s${i}`,
      units: { school },
      engagements: 0,
    }));
    const summary = JSON.parse(JSON.stringify(summarizeReach(rows, { focalGroups: [], unitLevels: ['school'] })));
    summary.units.reverse();
    const result = evaluateReachTarget(summary, target);
    expect(result.overall.units.map((unit) => [unit.id, unit.shortfall])).toEqual([
      ['D', 2],
      ['A', 1],
      ['B', 1],
      ['C', 1],
    ]);
  });
});

describe('reach states: damage found by the full check', () => {
  const options = { focalGroups: ['el'], unitLevels: ['district', 'school'] };
  const acc = reachAccumulator(options);
  const rows: ReachRow[] = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i}`,
    units: { district: `D${i % 2}`, school: `S${i % 3}` },
    groups: i % 2 === 0 ? ['el'] : [],
    engagements: i % 3,
  }));
  const made = (): ReachState => {
    const state = acc.init();
    for (const row of rows) acc.add(state, row);
    return state;
  };
  const copy = (change: (state: Record<string, unknown>) => void): ReachState => {
    const state = made() as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(state))
      out[key] = ArrayBuffer.isView(value)
        ? (value as Float64Array).slice()
        : Array.isArray(value)
          ? [...value]
          : value;
    change(out);
    return out as unknown as ReachState;
  };
  it('a state with units merges and finalizes to the one-pass summary', () => {
    const merged = acc.merge(made(), acc.init());
    expect(acc.finalize(merged).overall).toEqual(summarizeReach(rows, options).overall);
  });
  it.each([
    ['groupBits', (s: Record<string, unknown>) => (s.groupBits = 2), ['a', 'groupBits']],
    ['bins', (s: Record<string, unknown>) => (s.bins = 3), ['a', 'bins']],
    ['cellLeaf', (s: Record<string, unknown>) => (s.cellLeaf = [0]), ['a', 'cellLeaf']],
    [
      'sum past the cells',
      (s: Record<string, unknown>) => {
        (s.sum as Float64Array)[(s.cells as number) + 1] = 1;
      },
      null,
    ],
    [
      'excluded past the cells',
      (s: Record<string, unknown>) => {
        (s.excluded as Float64Array)[(s.cells as number) + 1] = 1;
      },
      null,
    ],
  ])('%s', (_, change, path) => {
    const state = copy(change);
    const cells = (state as unknown as { cells: number }).cells;
    const expected = path ?? (_ === 'sum past the cells' ? ['a', 'sum', cells + 1] : ['a', 'excluded', cells + 1]);
    expectError(() => acc.merge(state, acc.init()), 'INVALID_INPUT', expected);
  });
  it('a cell table entry that names no cell', () => {
    const state = copy((s) => {
      const table = s.cellTable as Int32Array;
      const free = table.indexOf(0);
      table[free] = (s.indexedCells as number) + 5;
    });
    const free = made().cellTable.indexOf(0);
    expectError(() => acc.merge(state, acc.init()), 'INVALID_INPUT', ['a', 'cellTable', free]);
  });
  it('a unit path edited in place (the unit lookup does not know it)', () => {
    const state = made();
    (state.leafPaths as string[][])[0] = ['DX', 'S0'];
    expectError(() => acc.finalize(state), 'INVALID_INPUT', ['state', 'leafPaths', 0]);
  });
});

describe('the regularized incomplete gamma', () => {
  it('P(a, 0) = 0; below a = 1/2 (Γ by reflection) P(a, x) − P(a + 1, x) = xᵃe⁻ˣ / Γ(a + 1)', () => {
    expect(gammaP(2, 0)).toBe(0);
    // Γ(1.25) = Γ(1/4) / 4, Γ(1/4) = 3.625609908221908.
    const gamma125 = 3.625609908221908 / 4;
    for (const x of [0.2, 1, 3]) {
      expect(gammaP(0.25, x) - gammaP(1.25, x)).toBeCloseTo((x ** 0.25 * Math.exp(-x)) / gamma125, 13);
    }
  });
});
