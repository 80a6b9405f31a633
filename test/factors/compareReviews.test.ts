import { describe, expect, it } from 'vitest';
import { compareReviews, type FactorRatingInput, reviewFactors } from '../../src/factors/index.js';
import { expectError } from '../_support/expectError.js';

/**
 * Seed 004, "The Scaling Journey: Example of a Scaling Journey": early in the Colorado Springs work a
 * new superintendent arrived intending to write a new strategic plan, and district and school leaders
 * held back until they understood the new priorities. As ratings: leadership goes from a support to a
 * roadblock, and competition for attention from neutral to a strong roadblock.
 */
const coloradoSprings: FactorRatingInput[] = [
  // First review, August 2018: supportive leaders, nothing crowding the agenda.
  { factorId: 'leadership', raterId: 'cei', role: 'intermediary', rating: 2, ratedOn: '2018-08-15' },
  { factorId: 'leadership', raterId: 'd11', role: 'district', rating: 1, ratedOn: '2018-08-15' },
  { factorId: 'competition-for-attention', raterId: 'cei', role: 'intermediary', rating: 0, ratedOn: '2018-08-15' },
  { factorId: 'competition-for-attention', raterId: 'd11', role: 'district', rating: 0, ratedOn: '2018-08-15' },
  { factorId: 'observability', raterId: 'cei', role: 'intermediary', rating: 1, ratedOn: '2018-08-15' },
  { factorId: 'observability', raterId: 'd11', role: 'district', rating: 1, ratedOn: '2018-08-15' },
  // Unplanned stop, January 2019: a new superintendent and a new strategic plan.
  { factorId: 'leadership', raterId: 'cei', role: 'intermediary', rating: -1, ratedOn: '2019-01-20' },
  { factorId: 'leadership', raterId: 'd11', role: 'district', rating: -1, ratedOn: '2019-01-20' },
  { factorId: 'competition-for-attention', raterId: 'cei', role: 'intermediary', rating: -2, ratedOn: '2019-01-20' },
  { factorId: 'competition-for-attention', raterId: 'd11', role: 'district', rating: -2, ratedOn: '2019-01-20' },
];

describe('compareReviews: the Colorado Springs journey (seed 004)', () => {
  const before = reviewFactors(coloradoSprings, { asOf: '2018-09-01' });
  const after = reviewFactors(coloradoSprings, { asOf: '2019-02-01' });
  const comparison = compareReviews(before, after);

  it('shows what became a roadblock and what stopped being a support', () => {
    expect(comparison.becameRoadblocks).toEqual(['leadership', 'competition-for-attention']);
    expect(comparison.lostSupports).toEqual(['leadership']);
    expect(comparison.clearedRoadblocks).toEqual([]);
    expect(comparison.worsenedRoadblocks).toEqual([]);
    expect(comparison.becameMixed).toEqual([]);
    expect(comparison.newlyRated).toEqual([]);
    expect([comparison.previousReviewedOn, comparison.currentReviewedOn]).toEqual(['2018-09-01', '2019-02-01']);
  });

  it('says by how much each factor moved: leadership 1.5 → −1 (−2.5), competition 0 → −2 (−2)', () => {
    const changeOf = (id: string) => comparison.factors.find((factor) => factor.id === id);
    expect(changeOf('leadership')).toEqual({
      id: 'leadership',
      category: 'conditions',
      previousMean: 1.5,
      currentMean: -1,
      change: -2.5,
      movement: 'toward-roadblock',
      previousAction: 'support',
      currentAction: 'roadblock',
      actionChanged: true,
      notes: [],
    });
    expect(changeOf('competition-for-attention')).toMatchObject({ change: -2, movement: 'toward-roadblock' });
    // Observability was not re-rated, so the latest ratings still count: no change.
    expect(changeOf('observability')).toMatchObject({ change: 0, movement: 'steady', actionChanged: false });
    expect(changeOf('policies')).toMatchObject({ change: null, movement: null, previousAction: 'undetermined' });
    expect(comparison.moved).toEqual(['leadership', 'competition-for-attention']);
    expect(comparison.categories.find((category) => category.id === 'conditions')).toEqual({
      id: 'conditions',
      previousNetForce: 1.5,
      currentNetForce: -3,
      change: -4.5,
    });
  });
});

describe('compareReviews: other changes', () => {
  const rate = (factorId: string, rating: FactorRatingInput['rating'], ratedOn: string, raterId = 'ana') => ({
    factorId,
    raterId,
    rating,
    ratedOn,
  });

  it('worsened and cleared roadblocks, new mixed factors, newly rated and custom factors, and minChange', () => {
    const previous = reviewFactors([
      rate('complexity', -1, '2025-09-01'),
      rate('policies', -1, '2025-09-01'),
      rate('emotions', 1, '2025-09-01'),
      rate('emotions', 1, '2025-09-01', 'ben'),
    ]);
    const current = reviewFactors(
      [
        rate('complexity', -2, '2026-01-10'),
        rate('policies', 0, '2026-01-10'),
        rate('emotions', 2, '2026-01-10'),
        rate('emotions', -1, '2026-01-10', 'ben'),
        rate('leadership', 1, '2026-01-10'),
        rate('team-goals', 2, '2026-01-10'),
      ],
      { customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }] },
    );
    const comparison = compareReviews(previous, current);
    expect(comparison.worsenedRoadblocks).toEqual(['complexity']);
    expect(comparison.clearedRoadblocks).toEqual(['policies']);
    expect(comparison.becameMixed).toEqual(['emotions']);
    expect(comparison.lostSupports).toEqual(['emotions']);
    expect(comparison.newlyRated).toEqual(['team-goals', 'leadership']);
    expect(comparison.factors.find((factor) => factor.id === 'team-goals')).toMatchObject({
      previousMean: null,
      previousAction: 'undetermined',
    });
    // Only the earlier review has the custom factor: it is listed after the current review's factors.
    const reversedCustom = compareReviews(
      reviewFactors([], { customFactors: [{ id: 'x', category: 'conditions', label: 'X' }] }),
      reviewFactors([]),
    );
    expect(reversedCustom.factors.at(-1)).toMatchObject({ id: 'x', currentAction: 'undetermined' });
    // emotions went from 1 to 0.5: −0.5 is a move under the default minChange (inclusive), not under 1.
    expect(comparison.factors.find((factor) => factor.id === 'emotions')?.movement).toBe('toward-roadblock');
    const coarse = compareReviews(previous, current, { policy: { minChange: 1 } });
    expect(coarse.factors.find((factor) => factor.id === 'emotions')?.movement).toBe('steady');
    expect(coarse.policy.minChange).toBe(1);
  });

  it('accepts reviews that went through JSON, and does not mutate them', () => {
    const previous = reviewFactors([rate('leadership', 2, '2025-09-01')]);
    const current = reviewFactors([rate('leadership', -2, '2026-01-10')]);
    const stored = JSON.parse(JSON.stringify(previous));
    const before = structuredClone({ stored, current });
    expect(compareReviews(stored, current)).toEqual(compareReviews(previous, current));
    expect({ stored, current }).toEqual(before);
  });

  it('throws for reviews out of date order or malformed', () => {
    const previous = reviewFactors([rate('leadership', 2, '2025-09-01')]);
    const current = reviewFactors([rate('leadership', -2, '2026-01-10')]);
    expectError(() => compareReviews(current, previous), 'INVALID_INPUT', ['current', 'reviewedOn']);
    expectError(() => compareReviews(null as never, current), 'INVALID_INPUT', ['previous']);
    const broken = {
      ...previous,
      factors: previous.factors.map((factor, index) => (index === 0 ? { ...factor, mean: 3 } : factor)),
    };
    expectError(() => compareReviews(broken, current), 'INVALID_INPUT', ['previous', 'factors', 0, 'mean']);
    const duplicated = { ...current, factors: [...current.factors, current.factors[0]] };
    expectError(() => compareReviews(previous, duplicated as never), 'INVALID_INPUT', [
      'current',
      'factors',
      current.factors.length,
      'id',
    ]);
    expectError(() => compareReviews(previous, current, { policy: { minChange: 0 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minChange',
    ]);
  });
});
