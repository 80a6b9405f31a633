import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareReviews,
  type FactorRatingInput,
  type FactorReview,
  reviewFactors,
  suggestStrategies,
} from '../../src/factors/index.js';
import { FACTOR_IDS } from '../../src/framework/index.js';

const someFactors = FACTOR_IDS.slice(0, 6).concat(['leadership', 'policies']);
const ratingValue = fc.constantFrom<FactorRatingInput['rating']>(-2, -1, 0, 1, 2, 'missing');
const numericValue = fc.constantFrom<-2 | -1 | 0 | 1 | 2>(-2, -1, 0, 1, 2);
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-10-${String(d).padStart(2, '0')}`);
const role = fc.option(fc.constantFrom('teacher', 'district-leader', 'improvement-team'), { nil: undefined });

/** Ratings with unique (factor, rater, day): raters r0…r5, a handful of factors, October 2025. */
const ratingsArbitrary = fc
  .uniqueArray(
    fc.record({
      factorId: fc.constantFrom(...someFactors),
      raterId: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'r5'),
      ratedOn: day,
      rating: ratingValue,
      role,
    }),
    { selector: (rating) => `${rating.factorId}|${rating.raterId}|${rating.ratedOn}`, maxLength: 60 },
  )
  .map((ratings) =>
    ratings.map(({ role: r, ...rest }): FactorRatingInput => (r === undefined ? rest : { ...rest, role: r })),
  );

const numbersIn = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(numbersIn)
      : [];

describe('reviewFactors: properties', () => {
  it('the order of the ratings never changes the review', () => {
    fc.assert(
      fc.property(
        ratingsArbitrary.chain((ratings) =>
          fc.tuple(fc.constant(ratings), fc.shuffledSubarray(ratings, { minLength: ratings.length })),
        ),
        fc.option(day, { nil: undefined }),
        ([ratings, shuffled], asOf) => {
          const options = asOf === undefined ? {} : { asOf };
          expect(reviewFactors(shuffled, options)).toEqual(reviewFactors(ratings, options));
        },
      ),
    );
  });

  it('adding a rater whose rating equals the mean never lowers agreement (and keeps the mean)', () => {
    fc.assert(
      fc.property(fc.array(numericValue, { minLength: 1, maxLength: 12 }), (values) => {
        const sum = values.reduce<number>((total, value) => total + value, 0);
        fc.pre(Number.isInteger(sum / values.length));
        const mean = sum / values.length;
        const rate = (list: readonly number[]) =>
          list.map((rating, index) => ({
            factorId: 'leadership',
            raterId: `r${index}`,
            rating: rating as -2 | -1 | 0 | 1 | 2,
            ratedOn: '2025-10-01',
          }));
        const before = reviewFactors(rate(values)).factors.find((factor) => factor.id === 'leadership');
        const after = reviewFactors(rate([...values, mean])).factors.find((factor) => factor.id === 'leadership');
        expect(after?.mean).toBe(before?.mean);
        if (before?.agreement !== null && before?.agreement !== undefined) {
          expect(after?.agreement).toBeGreaterThanOrEqual(before.agreement - 1e-12);
        } else {
          expect(after?.agreement).toBe(1); // one rater plus an identical second: full agreement
        }
      }),
      { numRuns: 300 },
    );
  });

  it('verdicts agree with the numbers; every number is finite; agreement lies in [0, 1]; results are plain JSON', () => {
    fc.assert(
      fc.property(ratingsArbitrary, (ratings) => {
        const review = reviewFactors(ratings);
        expect(numbersIn(review).every(Number.isFinite)).toBe(true);
        expect(JSON.parse(JSON.stringify(review))).toEqual(review);
        for (const factor of review.factors) {
          if (factor.agreement !== null) expect(factor.agreement >= 0 && factor.agreement <= 1).toBe(true);
          if (factor.mean === null) expect(factor.decision.action).toBe('undetermined');
          else {
            expect(factor.mean).toBeGreaterThanOrEqual(factor.lowest as number);
            expect(factor.mean).toBeLessThanOrEqual(factor.highest as number);
          }
          if (factor.decision.action === 'support') expect(factor.mean as number).toBeGreaterThanOrEqual(0.5);
          if (factor.decision.action === 'roadblock') expect(factor.mean as number).toBeLessThanOrEqual(-0.5);
          if (factor.tally.roadblock > 0 && factor.tally.support > 0) expect(factor.decision.action).toBe('mixed');
          if (factor.strong) expect(['support', 'roadblock']).toContain(factor.decision.action);
          expect(factor.raters + factor.missing).toBe(factor.ratings.length);
        }
        expect(review.ratingCounts.used + review.ratingCounts.superseded + review.ratingCounts.afterAsOf).toBe(
          ratings.length,
        );
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(ratingsArbitrary, (ratings) => {
        const before = structuredClone(ratings);
        const review = reviewFactors(ratings);
        const reviewBefore = structuredClone(review);
        suggestStrategies(review);
        compareReviews(review, review);
        expect(ratings).toEqual(before);
        expect(review).toEqual(reviewBefore);
      }),
    );
  });
});

describe('suggestStrategies and compareReviews: properties', () => {
  it('suggestions are ranked by score, then severity, then leverage; ranks never decrease', () => {
    fc.assert(
      fc.property(ratingsArbitrary, fc.boolean(), (ratings, leverageSupports) => {
        const { suggestions } = suggestStrategies(reviewFactors(ratings), { leverageSupports });
        suggestions.forEach((entry, index) => {
          expect(entry.score + entry.leverage).toBeGreaterThan(0);
          if (!leverageSupports) expect(entry.leverage).toBe(0);
          const previous = suggestions[index - 1];
          if (previous === undefined) {
            expect(entry.rank).toBe(1);
            return;
          }
          expect(previous.score).toBeGreaterThanOrEqual(entry.score);
          if (previous.score === entry.score) expect(previous.severity).toBeGreaterThanOrEqual(entry.severity - 1e-9);
          expect(entry.rank).toBeGreaterThanOrEqual(previous.rank);
        });
      }),
    );
  });

  it('comparing a review with itself shows no movement', () => {
    fc.assert(
      fc.property(ratingsArbitrary, (ratings) => {
        const review: FactorReview = reviewFactors(ratings);
        const comparison = compareReviews(review, review);
        expect(comparison.moved).toEqual([]);
        expect(comparison.becameRoadblocks).toEqual([]);
        expect(comparison.factors.every((factor) => !factor.actionChanged)).toBe(true);
      }),
    );
  });
});
