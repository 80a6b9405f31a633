/**
 * compareSites by hand on a Broward-style case — one demonstration school in each of three
 * sub-regions, among the lower-scoring, from 20 schools — with the permutation reference recounted
 * by brute force over all 7 × 7 × 6 = 294 choices; enrollment weights; resource parity; the
 * order-invariance property (fast-check: the result, reference included, is the same whatever
 * order the schools are listed in, exact or drawn); bad input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSites, type SiteSchool } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

// poverty, el, swd shares and prior proficiency of 20 schools in three sub-regions.
const table: [string, string, number, number, number, number, number][] = [
  ['N1', 'north', 0.62, 0.18, 0.14, 0.41, 640],
  ['N2', 'north', 0.48, 0.12, 0.12, 0.52, 710],
  ['N3', 'north', 0.71, 0.25, 0.15, 0.36, 580],
  ['N4', 'north', 0.35, 0.08, 0.11, 0.63, 820],
  ['N5', 'north', 0.55, 0.15, 0.13, 0.47, 690],
  ['N6', 'north', 0.29, 0.06, 0.1, 0.68, 900],
  ['N7', 'north', 0.66, 0.21, 0.16, 0.39, 610],
  ['C1', 'central', 0.78, 0.31, 0.17, 0.31, 540],
  ['C2', 'central', 0.59, 0.22, 0.13, 0.44, 660],
  ['C3', 'central', 0.83, 0.35, 0.18, 0.28, 500],
  ['C4', 'central', 0.41, 0.1, 0.12, 0.57, 760],
  ['C5', 'central', 0.67, 0.27, 0.14, 0.38, 620],
  ['C6', 'central', 0.52, 0.16, 0.11, 0.49, 700],
  ['C7', 'central', 0.74, 0.29, 0.15, 0.33, 560],
  ['S1', 'south', 0.44, 0.14, 0.12, 0.55, 740],
  ['S2', 'south', 0.69, 0.24, 0.16, 0.37, 600],
  ['S3', 'south', 0.31, 0.07, 0.1, 0.66, 880],
  ['S4', 'south', 0.58, 0.19, 0.13, 0.45, 680],
  ['S5', 'south', 0.76, 0.28, 0.17, 0.32, 550],
  ['S6', 'south', 0.5, 0.13, 0.12, 0.51, 720],
];
const covariateIds = ['poverty', 'el', 'swd', 'proficient'];
const schools: SiteSchool[] = table.map(([id, region, poverty, el, swd, proficient, enrollment]) => ({
  id,
  region,
  values: { poverty, el, swd, proficient },
  enrollment,
  ...(id === 'N3'
    ? { extraPerPupil: 420 }
    : id === 'C5'
      ? { extraPerPupil: 380 }
      : id === 'S2'
        ? { extraPerPupil: 400 }
        : {}),
}));
const covariates = [
  { id: 'poverty', label: 'Students in poverty' },
  { id: 'el' },
  { id: 'swd' },
  { id: 'proficient', label: 'Proficient last spring', intended: 'lower' as const },
];
const sites = ['N3', 'C5', 'S2'];

/** The brute-force reference: d for every choice of one school per region. */
function byHand(weighted: boolean) {
  const w = (row: (typeof table)[number]) => (weighted ? row[6] : 1);
  const total = table.reduce((sum, row) => sum + w(row), 0);
  return covariateIds.map((_, k) => {
    const x = (row: (typeof table)[number]) => row[2 + k] as number;
    const mu = table.reduce((sum, row) => sum + w(row) * x(row), 0) / total;
    const sd = Math.sqrt(table.reduce((sum, row) => sum + w(row) * (x(row) - mu) ** 2, 0) / total);
    const dOf = (chosen: (typeof table)[number][]) =>
      (chosen.reduce((sum, row) => sum + w(row) * x(row), 0) / chosen.reduce((sum, row) => sum + w(row), 0) - mu) / sd;
    const pick = (id: string) => table.find((row) => row[0] === id) as (typeof table)[number];
    const observed = dOf(sites.map(pick));
    const all: number[] = [];
    for (const n of table.filter((row) => row[1] === 'north'))
      for (const c of table.filter((row) => row[1] === 'central'))
        for (const s of table.filter((row) => row[1] === 'south')) all.push(dOf([n, c, s]));
    const tol = 1e-10;
    return {
      mu,
      sd,
      d: observed,
      atOrBelow: all.filter((value) => value <= observed + tol).length / all.length,
      atLeastAsFar: all.filter((value) => Math.abs(value) >= Math.abs(observed) - tol).length / all.length,
    };
  });
}

describe('compareSites: a Broward-style choice of one lower-scoring school per sub-region', () => {
  const result = compareSites(sites, schools, covariates, { scaleUpPerPupil: 150 });
  const expected = byHand(false);
  it('standardized differences on the population SD, against a brute-force reference of 294 choices', () => {
    expect(result.reference).toEqual({ method: 'exact', choices: 294, draws: 294, seed: null });
    result.covariates.forEach((covariate, k) => {
      const hand = expected[k] as (typeof expected)[number];
      expect(covariate.populationMean).toBeCloseTo(hand.mu, 13);
      expect(covariate.populationSd).toBeCloseTo(hand.sd, 13);
      expect(covariate.standardizedDifference).toBeCloseTo(hand.d, 12);
      expect(covariate.atOrBelow).toBe(hand.atOrBelow);
      expect(covariate.atLeastAsFar).toBe(hand.atLeastAsFar);
    });
  });
  it('the choice of lower-scoring schools is reported as intended; the other covariates as they fall', () => {
    expect(result.covariates.map((covariate) => covariate.decision.action)).toEqual([
      'unrepresentative',
      'unrepresentative',
      'unrepresentative',
      'as-intended',
    ]);
    // The sites' proficiency mean: (0.36 + 0.38 + 0.37) / 3.
    expect(result.covariates[3]?.siteMean).toBeCloseTo(0.37, 14);
  });
  it('coverage of the regions and resource parity', () => {
    expect(result.regions).toEqual([
      { id: 'central', schools: 7, sites: 1 },
      { id: 'north', schools: 7, sites: 1 },
      { id: 'south', schools: 6, sites: 1 },
    ]);
    expect(result.coverage).toEqual({ regions: 3, covered: 3, uncovered: [] });
    // (420 + 380 + 400) / 3 = 400 per pupil at the sites, against 150 at scale.
    expect(result.resources).toMatchObject({
      siteMean: 400,
      scaleUpPerPupil: 150,
      difference: 250,
    });
    expect(result.resources?.decision.action).toBe('propped-up');
    expect(result.resources?.decision.reasons[0]?.rule).toBe('reach/resources-propped-up');
    // 400 ≤ 380 × 1.1: at parity within the default 10%.
    expect(compareSites(sites, schools, covariates, { scaleUpPerPupil: 380 }).resources?.decision.action).toBe(
      'parity',
    );
  });
  it('weighted by enrollment', () => {
    const weighted = compareSites(sites, schools, covariates, { weight: 'enrollment' });
    byHand(true).forEach((hand, k) => {
      expect(weighted.covariates[k]?.standardizedDifference).toBeCloseTo(hand.d, 12);
      expect(weighted.covariates[k]?.atOrBelow).toBe(hand.atOrBelow);
    });
  });
  it('an uncovered region, an unknown resource and a drawn reference are reported', () => {
    const two = compareSites(['N3', 'C5'], schools, covariates, {
      scaleUpPerPupil: 100,
      exactLimit: 10,
      draws: 999,
      seed: 4,
    });
    expect(two.coverage.uncovered).toEqual(['south']);
    expect(two.reference).toEqual({ method: 'monte-carlo', choices: 49, draws: 999, seed: 4 });
    expect(two.notes.map((entry) => entry.code)).toEqual(['UNCOVERED_REGIONS']);
    const unknown = compareSites(['N1'], schools, covariates, { scaleUpPerPupil: 100 });
    expect(unknown.resources?.decision.action).toBe('undetermined');
    expect(unknown.notes.map((entry) => entry.code)).toContain('RESOURCES_UNKNOWN');
  });
});

describe('compareSites: the reference does not depend on the order of the schools', () => {
  it('any order gives the same result (exact, and drawn from the same seed)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(schools, { minLength: schools.length, maxLength: schools.length }),
        fc.boolean(),
        (order, drawn) => {
          const options = drawn
            ? { exactLimit: 10, draws: 500, seed: 11, scaleUpPerPupil: 200 }
            : { scaleUpPerPupil: 200 };
          expect(compareSites(sites, order, covariates, options)).toEqual(
            compareSites(sites, schools, covariates, options),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
  it('does not mutate or freeze its input', () => {
    const copy = structuredClone(schools);
    const siteCopy = [...sites];
    compareSites(sites, schools, covariates);
    expect(schools).toEqual(copy);
    expect(Object.isFrozen(sites)).toBe(false);
    expect(sites).toEqual(siteCopy);
  });
});

describe('compareSites: bad input', () => {
  it.each([
    [() => compareSites(['X'], schools, covariates), 'INVALID_INPUT', ['sites', 0]],
    [() => compareSites(['N1', 'N1'], schools, covariates), 'INVALID_INPUT', ['sites', 1]],
    [() => compareSites([], schools, covariates), 'INVALID_INPUT', ['sites']],
    [() => compareSites(sites, schools, []), 'INVALID_INPUT', ['covariates']],
    [
      () => compareSites(sites, schools, [{ id: 'poverty', intended: 'down' as never }]),
      'INVALID_INPUT',
      ['covariates', 0, 'intended'],
    ],
    [
      () => compareSites(sites, [{ ...(schools[0] as SiteSchool), values: { poverty: 0.5 } }], covariates),
      'INVALID_INPUT',
      ['schools', 0, 'values', 'el'],
    ],
    [
      () =>
        compareSites(
          sites,
          [{ ...(schools[0] as SiteSchool), values: { ...(schools[0] as SiteSchool).values, frl: 1 } }],
          covariates,
        ),
      'INVALID_INPUT',
      ['schools', 0, 'values', 'frl'],
    ],
    [
      () => compareSites(sites, [{ ...(schools[0] as SiteSchool), zone: 'x' } as never], covariates),
      'INVALID_INPUT',
      ['schools', 0, 'zone'],
    ],
    [
      () => compareSites(sites, schools, covariates, { weight: 'pupils' as never }),
      'INVALID_INPUT',
      ['options', 'weight'],
    ],
    [() => compareSites(sites, schools, covariates, { seeds: 3 } as never), 'INVALID_INPUT', ['options', 'seeds']],
    [
      () =>
        compareSites(
          ['A'],
          [{ id: 'A', region: 'r', values: { poverty: 1, el: 1, swd: 1, proficient: 1 } }],
          covariates,
          { weight: 'enrollment' },
        ),
      'INVALID_INPUT',
      ['schools', 0, 'enrollment'],
    ],
  ])('case %#', (call, code, path) => {
    expectError(call, code as never, path as never);
  });
  it('a constant covariate has no standardized difference (a note says why)', () => {
    const flat = schools.map((school) => ({ ...school, values: { ...school.values, swd: 0.12 } }));
    const result = compareSites(sites, flat, covariates);
    expect(result.covariates[2]).toMatchObject({ standardizedDifference: null, atOrBelow: null });
    expect(result.covariates[2]?.decision.action).toBe('undetermined');
    expect(result.notes.map((entry) => entry.code)).toContain('CONSTANT_COVARIATE');
  });
});
