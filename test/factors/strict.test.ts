/**
 * Issue 12 in the factors module: strict options and data (unknown keys with a path and a
 * suggestion, holes, limits, options read once), finite outputs, and stored reviews checked
 * (sealed reviews pass as they are; a damaged or hand-edited one is an error with its path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalingNavigatorError } from '../../src/_lib/errors.js';
import {
  compareReviews,
  type FactorRatingInput,
  FactorReview,
  parseFactorReview,
  reviewFactors,
  safeParseFactorReview,
  suggestStrategies,
} from '../../src/factors/index.js';
import { FACTOR_IDS } from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

const rating = (factorId: string, raterId: string, value: FactorRatingInput['rating'], ratedOn = '2025-10-01') => ({
  factorId,
  raterId,
  rating: value,
  ratedOn,
});
const ratings: FactorRatingInput[] = [
  { ...rating('observability', 'ana', -2), role: 'teacher' },
  { ...rating('observability', 'ben', -2), role: 'district' },
  { ...rating('policies', 'ana', -2), role: 'teacher' },
  { ...rating('leadership', 'ana', -1), role: 'teacher' },
  { ...rating('leadership', 'ben', 2), role: 'district' },
  rating('complexity', 'cy', 1),
];
const review = reviewFactors(ratings);
const later = reviewFactors([...ratings, rating('complexity', 'cy', -2, '2025-11-01')]);
/** A plain, unsealed copy of a result (as read back from JSON storage). */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Paths of NaN, ±Infinity, −0 and `undefined` anywhere in `value`. */
function badValues(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? [] : [`${path}=${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => badValues(inner, `${path}.${key}`));
}

describe('factors: unknown keys in options and data', () => {
  it('reviewFactors refuses a mistyped option, with a suggestion', () => {
    expectError(() => reviewFactors(ratings, { asof: '2025-10-01' } as never), 'INVALID_INPUT', ['options', 'asof']);
    try {
      reviewFactors(ratings, { asof: '2025-10-01' } as never);
    } catch (error) {
      expect(isScalingNavigatorError(error) && error.message).toContain('did you mean `asOf`?');
    }
  });

  it('reviewFactors says where ratings go when a FactorReviewInput is passed as options', () => {
    expectError(() => reviewFactors(ratings, { ratings } as never), 'INVALID_INPUT', ['options', 'ratings']);
  });

  it('reviewFactors refuses unknown keys in nested custom factors, interactions, ratings and the policy', () => {
    const custom = { id: 'team-goals', category: 'improvement-team', label: 'Team goals' };
    expectError(() => reviewFactors([], { customFactors: [{ ...custom, lable: 'x' }] } as never), 'INVALID_INPUT', [
      'options',
      'customFactors',
      0,
      'lable',
    ]);
    const interaction = { id: 'pressure', factors: ['leadership', 'policies'], kind: 'tension', comments: 'x' };
    expectError(() => reviewFactors([], { interactions: [interaction] } as never), 'INVALID_INPUT', [
      'options',
      'interactions',
      0,
      'comments',
    ]);
    expectError(() => reviewFactors([{ ...rating('policies', 'ana', 1), rater: 'x' }] as never), 'INVALID_INPUT', [
      'ratings',
      0,
      'rater',
    ]);
    expectError(() => reviewFactors([], { policy: { minAgrement: 0.5 } } as never), 'INVALID_INPUT', [
      'options',
      'policy',
      'minAgrement',
    ]);
  });

  it('compareReviews refuses a mistyped option', () => {
    expectError(() => compareReviews(review, later, { polcy: {} } as never), 'INVALID_INPUT', ['options', 'polcy']);
  });

  it('suggestStrategies refuses a mistyped option and unknown keys in additional rows', () => {
    expectError(() => suggestStrategies(review, { strategyset: [] } as never), 'INVALID_INPUT', [
      'options',
      'strategyset',
    ]);
    const row = { factorId: 'observability', when: 'roadblock', strategyId: 'co-design', strength: 1, rationale: 'x' };
    expectError(
      () => suggestStrategies(review, { additionalMatches: [{ ...row, why: 'x' }] } as never),
      'INVALID_INPUT',
      ['options', 'additionalMatches', 0, 'why'],
    );
  });

  it('options are not an array or a string', () => {
    expectError(() => reviewFactors(ratings, [] as never), 'INVALID_INPUT', ['options']);
    expectError(() => suggestStrategies(review, 'all' as never), 'INVALID_INPUT', ['options']);
  });
});

describe('factors: options are read once', () => {
  it('a getter that answers differently the second time cannot change the review', () => {
    let reads = 0;
    const options = {
      get asOf() {
        reads += 1;
        return reads === 1 ? '2025-10-01' : 'not a date';
      },
    };
    expect(reviewFactors(ratings, options).asOf).toBe('2025-10-01');
    expect(reads).toBe(1);
  });
});

describe('factors: holes and limits', () => {
  it('a hole in the ratings is an error at its index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => reviewFactors([ratings[0], , ratings[1]] as never), 'INVALID_INPUT', ['ratings', 1]);
  });

  it('holes in customFactors, interactions, strategySet and additionalMatches are errors at their index', () => {
    expectError(() => reviewFactors([], { customFactors: new Array(2) }), 'INVALID_INPUT', [
      'options',
      'customFactors',
      0,
    ]);
    expectError(() => reviewFactors([], { interactions: new Array(1) }), 'INVALID_INPUT', [
      'options',
      'interactions',
      0,
    ]);
    expectError(() => suggestStrategies(review, { strategySet: new Array(1) }), 'INVALID_INPUT', [
      'options',
      'strategySet',
      0,
    ]);
    expectError(() => suggestStrategies(review, { additionalMatches: new Array(3) }), 'INVALID_INPUT', [
      'options',
      'additionalMatches',
      0,
    ]);
  });

  it('an explicit undefined rating is a value (and so a missing rating object), not a hole', () => {
    expectError(() => reviewFactors([undefined] as never), 'INVALID_INPUT', ['ratings', 0]);
  });

  it('more than 500 custom factors is LIMIT_EXCEEDED before any work', () => {
    expectError(() => reviewFactors([], { customFactors: new Array(501) }), 'LIMIT_EXCEEDED', [
      'options',
      'customFactors',
    ]);
    expectError(() => reviewFactors([], { customFactors: new Array(2 ** 32 - 1) }), 'LIMIT_EXCEEDED', [
      'options',
      'customFactors',
    ]);
  });

  it('a sparse ratings array longer than 2³¹ − 1 is LIMIT_EXCEEDED before any work', () => {
    expectError(() => reviewFactors(new Array(2 ** 32 - 1)), 'LIMIT_EXCEEDED', ['ratings']);
  });

  it('500 custom factors, all strong roadblocks, still review', () => {
    const customFactors = Array.from({ length: 500 }, (_, index) => ({
      id: `custom-${index}`,
      category: (['innovation', 'educators', 'improvement-team', 'conditions'] as const)[index % 4] ?? 'innovation',
      label: `Custom ${index}`,
    }));
    const many = reviewFactors(
      customFactors.map((factor) => rating(factor.id, 'ana', -2)),
      { customFactors },
    );
    expect(many.roadblocks).toHaveLength(500);
    expect(many.candidateInteractions.length).toBe(93750);
  });
});

describe('factors: stored reviews', () => {
  it('a review is sealed (frozen) and carries schemaVersion 1', () => {
    expect(review.schemaVersion).toBe(1);
    expect(Object.isFrozen(review)).toBe(true);
    expect(Object.isFrozen(review.factors[0]?.decision.reasons)).toBe(true);
  });

  it('a review read back from JSON parses to the same review, and compares and suggests the same', () => {
    expect(parseFactorReview(stored(review))).toEqual(review);
    expect(FactorReview.safeParse(stored(later)).success).toBe(true);
    expect(compareReviews(stored(review), stored(later))).toEqual(compareReviews(review, later));
    expect(suggestStrategies(stored(review))).toEqual(suggestStrategies(review));
  });

  it('a review with custom factors and interactions round-trips too', () => {
    const withCustom = reviewFactors([rating('team-goals', 'ana', -2), rating('policies', 'ana', -2)], {
      customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }],
      interactions: [{ id: 'x', factors: ['team-goals', 'leadership'], kind: 'dependency', comment: 'c' }],
      asOf: '2025-12-01',
    });
    expect(parseFactorReview(stored(withCustom))).toEqual(withCustom);
  });

  it('a review without a policy is an error at policy', () => {
    const { policy: _policy, ...damaged } = stored(review);
    expectError(() => compareReviews(damaged as never, later), 'INVALID_INPUT', ['previous', 'policy']);
  });

  it('a mean of Infinity is an error at its path', () => {
    const damaged = stored(review);
    const index = damaged.factors.findIndex((factor) => factor.id === 'observability');
    (damaged.factors[index] as { mean: number }).mean = Number.POSITIVE_INFINITY;
    expectError(() => suggestStrategies(damaged), 'INVALID_INPUT', ['review', 'factors', index, 'mean']);
  });

  it('a mean of −0 is an error (this library never writes one)', () => {
    const damaged = stored(review);
    const index = damaged.factors.findIndex((factor) => factor.id === 'complexity');
    (damaged.factors[index] as { mean: number }).mean = -0;
    expectError(() => suggestStrategies(damaged), 'INVALID_INPUT', ['review', 'factors', index, 'mean']);
  });

  it('counts that do not add up are errors at the count', () => {
    const damaged = stored(review);
    (damaged.ratingCounts as { given: number }).given += 1;
    expectError(() => suggestStrategies(damaged), 'INVALID_INPUT', ['review', 'ratingCounts', 'given']);
    const tally = stored(review);
    const index = tally.factors.findIndex((factor) => factor.id === 'observability');
    (tally.factors[index]?.tally as { support: number }).support = 1;
    expectError(() => suggestStrategies(tally), 'INVALID_INPUT', ['review', 'factors', index, 'tally']);
  });

  it('a net force larger than its means allow is an error (a change could not be finite)', () => {
    const damaged = stored(later);
    (damaged.categories[0] as { netForce: number }).netForce = 1.7e308;
    expectError(() => compareReviews(review, damaged), 'INVALID_INPUT', ['current', 'categories', 0, 'netForce']);
  });

  it('an unknown key anywhere in a stored review is an error at the key', () => {
    const damaged = stored(review) as unknown as { factors: Record<string, unknown>[] };
    (damaged.factors[0] as Record<string, unknown>).note = 'x';
    expectError(() => suggestStrategies(damaged as never), 'INVALID_INPUT', ['review', 'factors', 0, 'note']);
  });

  it('a repeated factor id is an error at the second one', () => {
    const damaged = stored(review);
    const factors = [...damaged.factors, damaged.factors[0]];
    expectError(() => suggestStrategies({ ...damaged, factors } as never), 'INVALID_INPUT', [
      'review',
      'factors',
      factors.length - 1,
      'id',
    ]);
  });

  it('a catalog factor marked custom is an error', () => {
    const damaged = stored(review);
    (damaged.factors[0] as { custom: boolean }).custom = true;
    expectError(() => suggestStrategies(damaged), 'INVALID_INPUT', ['review', 'factors', 0, 'custom']);
  });

  it('a review without schemaVersion is INVALID_INPUT; a newer one is INCOMPATIBLE', () => {
    const { schemaVersion: _version, ...old } = stored(review);
    expectError(() => suggestStrategies(old as never), 'INVALID_INPUT', ['review', 'schemaVersion']);
    expectError(() => compareReviews(review, { ...stored(later), schemaVersion: 2 } as never), 'INCOMPATIBLE', [
      'current',
      'schemaVersion',
    ]);
  });

  it('an edited copy of a sealed review is validated again', () => {
    expectError(() => suggestStrategies({ ...review, policy: undefined } as never), 'INVALID_INPUT', [
      'review',
      'policy',
    ]);
  });

  it('safeParseFactorReview returns the path of the damage', () => {
    const result = safeParseFactorReview({ ...stored(review), reviewedOn: '2025-02-30' });
    expect(result.success ? null : result.error.path).toEqual(['reviewedOn']);
  });
});

describe('factors: finite in, finite out', () => {
  const someFactors = [...FACTOR_IDS.slice(0, 6), 'leadership', 'policies'];
  const ratingsArbitrary = fc.uniqueArray(
    fc.record({
      factorId: fc.constantFrom(...someFactors),
      raterId: fc.constantFrom('r0', 'r1', 'r2', 'r3'),
      ratedOn: fc.integer({ min: 1, max: 28 }).map((d) => `2025-10-${String(d).padStart(2, '0')}`),
      rating: fc.constantFrom<FactorRatingInput['rating']>(-2, -1, 0, 1, 2, 'missing'),
      role: fc.constantFrom('teacher', 'district'),
    }),
    { selector: (entry) => `${entry.factorId}|${entry.raterId}|${entry.ratedOn}`, maxLength: 40 },
  );

  it('no review, comparison or suggestion holds NaN, ±Infinity, −0 or undefined', () => {
    fc.assert(
      fc.property(ratingsArbitrary, ratingsArbitrary, (first, second) => {
        const a = reviewFactors(first, { asOf: '2025-10-28' });
        const b = reviewFactors([...first, ...second.map((entry) => ({ ...entry, raterId: `${entry.raterId}x` }))], {
          asOf: '2025-10-28',
        });
        expect(badValues(a)).toEqual([]);
        expect(badValues(compareReviews(a, b))).toEqual([]);
        expect(badValues(compareReviews(b, b))).toEqual([]);
        expect(badValues(suggestStrategies(b))).toEqual([]);
        expect(parseFactorReview(stored(b))).toEqual(b);
      }),
      { numRuns: 150 },
    );
  });
});
