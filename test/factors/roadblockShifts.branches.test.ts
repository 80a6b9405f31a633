/**
 * The pit stop's reading of two factor reviews (roadblockShifts) against compareReviews: a factor
 * rated only in the later review, a roadblock that worsened, one that held. Also an interaction
 * whose first factor is unrated, and one whose second factor is unknown.
 */
import { describe, expect, it } from 'vitest';
import { readReview } from '../../src/factors/_readReview.js';
import { roadblockShifts } from '../../src/factors/_roadblockShifts.js';
import { DEFAULT_FACTOR_REVIEW_POLICY } from '../../src/factors/factorReviewPolicy.js';
import { compareReviews, type FactorRatingInput, reviewFactors } from '../../src/factors/index.js';
import { expectError } from '../_support/expectError.js';

const rate = (factorId: string, rating: FactorRatingInput['rating'], ratedOn: string, raterId = 'ana') => ({
  factorId,
  raterId,
  rating,
  ratedOn,
});

describe('roadblockShifts', () => {
  const previous = reviewFactors([
    rate('complexity', -1, '2025-09-01'),
    rate('policies', -2, '2025-09-01'),
    rate('emotions', 1, '2025-09-01'),
  ]);
  const current = reviewFactors([
    rate('complexity', -2, '2026-01-10'), // a roadblock, worse
    rate('policies', -2, '2026-01-10'), // a roadblock, unchanged
    rate('emotions', -2, '2026-01-10'), // newly a roadblock
    rate('leadership', -2, '2026-01-10'), // rated only now, a roadblock
  ]);

  it('lists new and worsened roadblocks as compareReviews does', () => {
    const shifts = roadblockShifts(
      readReview(previous, ['previous']),
      readReview(current, ['current']),
      DEFAULT_FACTOR_REVIEW_POLICY,
    );
    const comparison = compareReviews(previous, current);
    expect(shifts).toEqual({
      previousReviewedOn: comparison.previousReviewedOn,
      currentReviewedOn: comparison.currentReviewedOn,
      becameRoadblocks: comparison.becameRoadblocks,
      worsenedRoadblocks: comparison.worsenedRoadblocks,
    });
    expect(shifts.worsenedRoadblocks).toEqual(['complexity']);
    expect([...shifts.becameRoadblocks].sort()).toEqual(['emotions', 'leadership']);
  });
});

describe('roadblockShifts: a custom factor only in the later review', () => {
  it('is a new roadblock (it had no action before), as compareReviews says', () => {
    const previous = reviewFactors([rate('complexity', -1, '2025-09-01')]);
    const current = reviewFactors([rate('team-goals', -2, '2026-01-10')], {
      customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }],
    });
    const shifts = roadblockShifts(
      readReview(previous, ['previous']),
      readReview(current, ['current']),
      DEFAULT_FACTOR_REVIEW_POLICY,
    );
    expect(shifts.becameRoadblocks).toEqual(['team-goals']);
    expect(shifts.becameRoadblocks).toEqual(compareReviews(previous, current).becameRoadblocks);
  });
});

describe('reviewFactors: interactions', () => {
  it('an interaction whose first factor is unrated: bothStrong unknown, the note names that factor', () => {
    const review = reviewFactors([rate('policies', 2, '2025-09-01')], {
      interactions: [{ id: 'plan', factors: ['leadership', 'policies'], kind: 'alignment' }],
    });
    expect(review.interactions).toEqual([
      {
        id: 'plan',
        factors: ['leadership', 'policies'],
        kind: 'alignment',
        comment: null,
        means: [null, 2],
        actions: ['undetermined', 'support'],
        bothStrong: null,
        notes: [
          {
            code: 'UNRATED_FACTOR',
            message: '"leadership" has no numeric rating, so whether both factors are strong is unknown',
            field: 'bothStrong',
          },
        ],
      },
    ]);
  });

  it('an interaction with an unknown first factor is refused at that factor', () => {
    expectError(
      () =>
        reviewFactors([], {
          interactions: [{ id: 'plan', factors: ['no-such-factor', 'leadership'], kind: 'alignment' }],
        } as never),
      'INVALID_INPUT',
      ['options', 'interactions', 0, 'factors', 0],
    );
  });

  it('an interaction with an unknown second factor is refused at that factor', () => {
    expectError(
      () =>
        reviewFactors([], {
          interactions: [{ id: 'plan', factors: ['leadership', 'no-such-factor'], kind: 'alignment' }],
        } as never),
      'INVALID_INPUT',
      ['options', 'interactions', 0, 'factors', 1],
    );
  });
});
