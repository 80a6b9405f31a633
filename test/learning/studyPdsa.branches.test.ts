/**
 * The branches of studyPdsa and of the stored-study cross-checks (checkPdsaStudy) that the other learning
 * tests leave untaken: overflow-safe means, and each cross-check refusing a damaged study at its path.
 */
import { describe, expect, it } from 'vitest';
import { type PdsaCycleInput, type PdsaStudy, parsePdsaStudy, studyPdsa } from '../../src/learning/index.js';
import { expectError } from '../_support/expectError.js';

type Design = PdsaCycleInput['do']['design'];

function cycle(design: Design, reference: readonly number[], tested: readonly number[]): PdsaCycleInput {
  const [refGroup, testGroup] =
    design === 'before-after' ? (['before', 'after'] as const) : (['comparison', 'treatment'] as const);
  const unitOf = (side: string, i: number) => (design === 'before-after' ? `u${i}` : `${side}${i}`);
  return {
    id: 'c1',
    plan: {
      change: 'A change',
      strategyId: 'proof-point',
      measure: 'A measure',
      prediction: { direction: 'increase', amount: 1 },
      instrument: 'An instrument',
      sample: { unit: 'classroom', size: tested.length },
    },
    do: {
      design,
      observations: [
        ...reference.map((value, i) => ({ unit: unitOf('r', i), group: refGroup, date: '2025-09-10', value })),
        ...tested.map((value, i) => ({ unit: unitOf('t', i), group: testGroup, date: '2025-10-15', value })),
      ],
    },
  };
}

/** A plain (unfrozen) copy of a study, as read back from JSON, for damaging. */
const stored = (study: PdsaStudy) => JSON.parse(JSON.stringify(study));

const beforeAfter = studyPdsa(cycle('before-after', [1, 2, 3, 4], [2, 4, 3, 6]));
const comparison = studyPdsa(cycle('comparison', [1, 2, 3, 4], [2, 4, 3, 6]));

describe('studyPdsa: means near the top of the range of doubles', () => {
  it("a unit's observations whose sum overflows still average to a finite mean", () => {
    const big = 1.5e308;
    const input = cycle('before-after', [1, 2, 3], [2, 3, 4]);
    // Unit u0 is observed twice before at 1.5e308: the sum overflows, the mean is 1.5e308.
    input.do.observations.push({ unit: 'u0', group: 'before', date: '2025-09-11', value: big });
    input.do.observations.push({ unit: 'u0', group: 'before', date: '2025-09-12', value: big });
    const study = studyPdsa(input);
    // By hand: u0's before mean is (1 + 2·1.5e308)/3 = 1e308 (the 1 vanishes); u1 and u2 have 2 and 3, so the
    // reference mean over units is (1e308 + 5)/3 = 1e308/3 to double precision.
    expect(study.reference.units).toBe(3);
    expect((study.reference.mean as number) / (1e308 / 3)).toBeCloseTo(1, 12);
    expect(Number.isFinite(study.reference.mean)).toBe(true);
    expect(parsePdsaStudy(stored(study))).toEqual(study);
  });

  it('a group mean the effect size cannot hold (its sum overflows) is the overflow-safe mean', () => {
    const big = 1.5e308;
    const study = studyPdsa(cycle('comparison', [1, 2, 3], [big, big, big]));
    expect(study.tested.mean).toBe(big);
    expect(study.reference.mean).toBe(2);
    expect(study.notes.every((n) => n.code !== 'OUT_OF_RANGE')).toBe(true);
    expect(parsePdsaStudy(stored(study))).toEqual(study);
  });
  it('a group whose SD exceeds the largest double keeps its mean (the effect size has no summary of it)', () => {
    // By hand: unit means −1.7e308 and 1.7e308 have mean 0 and SD 1.7e308·√2 > MAX_VALUE.
    const study = studyPdsa(cycle('comparison', [-1.7e308, 1.7e308], [1, 2]));
    expect(study.effectSize.comparison).toBeNull();
    expect(study.reference).toEqual({ group: 'comparison', units: 2, mean: 0, sd: null });
    expect(study.observedChange).toBe(1.5);
    expect(study.notes.map((n) => [n.code, n.field])).toContainEqual(['NO_EFFECT_SIZE', 'effectSize']);
    expect(parsePdsaStudy(stored(study))).toEqual(study);
  });
});

describe('parsePdsaStudy: cross-checks of a damaged study', () => {
  it('round-trips both designs undamaged', () => {
    expect(parsePdsaStudy(stored(beforeAfter))).toEqual(beforeAfter);
    expect(parsePdsaStudy(stored(comparison))).toEqual(comparison);
    expect(comparison.unitsImproved).toBeNull();
  });

  it('refuses groups that do not fit the design, for each design and side', () => {
    const a = stored(beforeAfter);
    a.reference.group = 'comparison';
    expectError(() => parsePdsaStudy(a), 'INVALID_INPUT', ['reference', 'group']);
    const b = stored(beforeAfter);
    b.tested.group = 'treatment';
    expectError(() => parsePdsaStudy(b), 'INVALID_INPUT', ['tested', 'group']);
    const c = stored(comparison);
    c.reference.group = 'before';
    expectError(() => parsePdsaStudy(c), 'INVALID_INPUT', ['reference', 'group']);
    const d = stored(comparison);
    d.tested.group = 'after';
    expectError(() => parsePdsaStudy(d), 'INVALID_INPUT', ['tested', 'group']);
  });

  it('refuses a mean without units and units without a mean', () => {
    const a = stored(comparison);
    a.tested.units = 0;
    expectError(() => parsePdsaStudy(a), 'INVALID_INPUT', ['tested', 'mean']);
    const b = stored(comparison);
    b.reference.mean = null;
    expectError(() => parsePdsaStudy(b), 'INVALID_INPUT', ['reference', 'mean']);
  });

  it('refuses an observed change without both means, and an attainment without an observed change', () => {
    const a = stored(comparison);
    a.reference.units = 0;
    a.reference.mean = null;
    expectError(() => parsePdsaStudy(a), 'INVALID_INPUT', ['observedChange']);
    const b = stored(comparison);
    b.tested.units = 0;
    b.tested.mean = null;
    expectError(() => parsePdsaStudy(b), 'INVALID_INPUT', ['observedChange']);
    const c = stored(comparison);
    c.observedChange = null;
    c.difference = null;
    expect(c.attainment).not.toBeNull();
    expectError(() => parsePdsaStudy(c), 'INVALID_INPUT', ['attainment']);
  });

  it('refuses units improved in a comparison, more improved than compared, and a count unlike the tested', () => {
    const a = stored(comparison);
    a.unitsImproved = stored(beforeAfter).unitsImproved;
    expectError(() => parsePdsaStudy(a), 'INVALID_INPUT', ['unitsImproved']);
    const b = stored(beforeAfter);
    b.unitsImproved.improved = b.unitsImproved.units + 1;
    expectError(() => parsePdsaStudy(b), 'INVALID_INPUT', ['unitsImproved', 'improved']);
    const c = stored(beforeAfter);
    c.unitsImproved.units += 1;
    expectError(() => parsePdsaStudy(c), 'INVALID_INPUT', ['unitsImproved', 'units']);
  });
});
