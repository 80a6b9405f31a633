import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACTOR_REVIEW_POLICY,
  defineFactorReviewPolicy,
  FACTOR_VERDICT_RULES,
  type FactorRatingInput,
  FactorReviewInput,
  reviewFactors,
} from '../../src/factors/index.js';
import { FACTOR_IDS } from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

type Value = FactorRatingInput['rating'];
const on = '2025-10-01';
/** Ratings of one factor by raters r0, r1, … on one day. */
const ratingsOf = (factorId: string, values: readonly Value[], ratedOn = on): FactorRatingInput[] =>
  values.map((rating, index) => ({ factorId, raterId: `r${index}`, rating, ratedOn }));
const entry = (review: ReturnType<typeof reviewFactors>, id: string) => {
  const found = review.factors.find((factor) => factor.id === id);
  if (found === undefined) throw new Error(`no factor ${id}`);
  return found;
};
const verdictOf = (values: readonly Value[], policy = {}) =>
  entry(reviewFactors(ratingsOf('leadership', values), { policy }), 'leadership');

describe('reviewFactors: the verdict rule (our extension of CFIR)', () => {
  it('two raters one point apart agree (r_wg = 1 − 0.5/2 = 0.75 ≥ 0.7); two points apart do not (r_wg = 0)', () => {
    expect(verdictOf([1, 2])).toMatchObject({
      mean: 1.5,
      agreement: 0.75,
      decision: { action: 'support' },
      strong: true,
    });
    // [0, 2]: s² = 2 = σ²_EU → r_wg 0 → mixed, although nobody rates it a roadblock.
    const wide = verdictOf([0, 2]);
    expect(wide).toMatchObject({ mean: 1, agreement: 0, decision: { action: 'mixed' }, strong: false });
    expect(wide.decision.reasons.map((reason) => reason.rule)).toEqual(['factors/low-agreement']);
  });

  it('one rater on the other side makes it mixed even when r_wg is high; minRatersPerSide raises the bar', () => {
    // seven +1 and one −1: mean 0.75, s² = 3.5/7 = 0.5, r_wg = 0.75 ≥ 0.7, but raters on both sides.
    const values: Value[] = [1, 1, 1, 1, 1, 1, 1, -1];
    const split = verdictOf(values);
    expect(split).toMatchObject({ mean: 0.75, agreement: 0.75, decision: { action: 'mixed' } });
    expect(split.decision.reasons).toEqual([
      {
        rule: 'factors/raters-on-both-sides',
        evidence: { roadblockRatings: 1, supportRatings: 7, minRatersPerSide: 1 },
        guidance: FACTOR_VERDICT_RULES.find((rule) => rule.id === 'factors/raters-on-both-sides')?.guidance,
      },
    ]);
    expect(verdictOf(values, { minRatersPerSide: 2 }).decision.action).toBe('support');
    expect(verdictOf(values, { minRatersPerSide: 0 }).decision.action).toBe('support');
  });

  it('minAgreement 0 turns the low-agreement rule off', () => {
    expect(verdictOf([0, 2], { minAgreement: 0 }).decision.action).toBe('support');
  });

  it('thresholds are inclusive: mean 0.5 is a support, −0.5 a roadblock, 1/3 neutral', () => {
    expect(verdictOf([1, 0])).toMatchObject({ mean: 0.5, decision: { action: 'support' }, strong: false });
    expect(verdictOf([-1, 0])).toMatchObject({ mean: -0.5, decision: { action: 'roadblock' } });
    const neutral = verdictOf([0, 0, 1]);
    expect(neutral.decision.action).toBe('neutral');
    expect(neutral.mean).toBeCloseTo(1 / 3, 15);
    expect(neutral.decision.reasons[0]?.rule).toBe('factors/mean-between-thresholds');
    expect(verdictOf([-2, -1])).toMatchObject({ mean: -1.5, decision: { action: 'roadblock' }, strong: true });
  });

  it('a policy moves the thresholds and the review echoes it', () => {
    const strict = reviewFactors(ratingsOf('leadership', [1, 0]), { policy: { supportAt: 1, roadblockAt: -1 } });
    expect(entry(strict, 'leadership').decision.action).toBe('neutral');
    expect(strict.policy).toEqual({ ...DEFAULT_FACTOR_REVIEW_POLICY, supportAt: 1, roadblockAt: -1 });
  });

  it('a single rater gives a verdict from the rating, with no agreement and a note', () => {
    expect(verdictOf([-2])).toMatchObject({
      mean: -2,
      agreement: null,
      decision: { action: 'roadblock' },
      strong: true,
    });
    expect(verdictOf([-2]).notes[0]?.code).toBe('ONE_RATER');
  });

  it('unknown is not neutral: unrated factors and factors rated only "missing" are undetermined', () => {
    const review = reviewFactors(ratingsOf('policies', ['missing', 'missing']));
    expect(entry(review, 'policies')).toMatchObject({
      raters: 0,
      missing: 2,
      mean: null,
      lowest: null,
      highest: null,
      agreement: null,
      decision: { action: 'undetermined' },
      strong: false,
    });
    expect(entry(review, 'policies').notes[0]?.code).toBe('ONLY_MISSING');
    expect(entry(review, 'policies').decision.reasons.map((reason) => reason.rule)).toEqual([
      'factors/no-numeric-ratings',
    ]);
    expect(entry(review, 'leadership')).toMatchObject({ raters: 0, missing: 0, decision: { action: 'undetermined' } });
    expect(entry(review, 'leadership').notes[0]?.code).toBe('NOT_RATED');
    expect(review.categories.find((category) => category.id === 'conditions')?.netForce).toBeNull();
  });
});

describe('reviewFactors: ratings over time', () => {
  const log: FactorRatingInput[] = [
    { factorId: 'leadership', raterId: 'ana', rating: 2, ratedOn: '2025-08-20' },
    { factorId: 'leadership', raterId: 'ben', rating: 1, ratedOn: '2025-08-20' },
    { factorId: 'leadership', raterId: 'ana', rating: -1, ratedOn: '2026-01-10' },
    { factorId: 'leadership', raterId: 'ben', rating: -2, ratedOn: '2026-01-12', comment: 'New superintendent' },
  ];

  it("each rater's latest rating counts; earlier ones are superseded", () => {
    const review = reviewFactors(log);
    expect(entry(review, 'leadership').ratings).toEqual([
      { id: 'ana', role: null, rating: -1, ratedOn: '2026-01-10', comment: null },
      { id: 'ben', role: null, rating: -2, ratedOn: '2026-01-12', comment: 'New superintendent' },
    ]);
    expect(review.ratingCounts).toEqual({ given: 4, used: 2, superseded: 2, afterAsOf: 0 });
    expect(review.reviewedOn).toBe('2026-01-12');
    expect(review.asOf).toBeNull();
  });

  it('asOf leaves later ratings out and dates the review', () => {
    const review = reviewFactors(log, { asOf: '2025-09-01' });
    expect(entry(review, 'leadership')).toMatchObject({ mean: 1.5, decision: { action: 'support' } });
    expect(review.ratingCounts).toEqual({ given: 4, used: 2, superseded: 0, afterAsOf: 2 });
    expect(review.reviewedOn).toBe('2025-09-01');
    const early = reviewFactors(log, { asOf: '2025-01-01' });
    expect(early.notes.map((note) => note.code)).toEqual(['NO_RATINGS_USED']);
    expect(early.reviewedOn).toBe('2025-01-01');
    expect(reviewFactors([]).reviewedOn).toBeNull();
  });
});

describe('reviewFactors: factors, categories and custom factors', () => {
  it('lists every catalog factor by category, with declared custom factors after their category', () => {
    const review = reviewFactors([], {
      customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }],
    });
    expect(review.factors.map((factor) => factor.id)).toEqual([
      ...FACTOR_IDS.slice(0, 12),
      'team-goals',
      ...FACTOR_IDS.slice(12),
    ]);
    expect(entry(review, 'team-goals')).toMatchObject({
      custom: true,
      category: 'improvement-team',
      label: 'Team goals',
    });
    expect(review.categories.map((category) => [category.id, category.factors])).toEqual([
      ['innovation', 5],
      ['educators', 4],
      ['improvement-team', 4],
      ['conditions', 5],
    ]);
  });

  it('ranks roadblocks and supports within categories and overall, strongest first, ties in review order', () => {
    const review = reviewFactors([
      ...ratingsOf('policies', [-1]),
      ...ratingsOf('leadership', [-2]),
      ...ratingsOf('complexity', [-2]),
      ...ratingsOf('emotions', [1]),
      ...ratingsOf('attitudes', [2]),
    ]);
    expect(review.roadblocks).toEqual(['complexity', 'leadership', 'policies']);
    expect(review.supports).toEqual(['attitudes', 'emotions']);
    expect(review.categories[3]?.roadblocks.map((force) => force.id)).toEqual(['leadership', 'policies']);
    expect(review.categories[3]?.netForce).toBe(-3);
  });
});

describe('reviewFactors: roles (seed 004: educators may see equity differently than the improvement team)', () => {
  it('reports a factor two roles rate at least roleGap apart, with the highest and lowest role', () => {
    const ratings: FactorRatingInput[] = [
      { factorId: 'attitudes', raterId: 'e1', role: 'educator', rating: -1, ratedOn: on },
      { factorId: 'attitudes', raterId: 'e2', role: 'educator', rating: -1, ratedOn: on },
      { factorId: 'attitudes', raterId: 'e3', role: 'educator', rating: 'missing', ratedOn: on },
      { factorId: 'attitudes', raterId: 't1', role: 'improvement-team', rating: 1, ratedOn: on },
      { factorId: 'attitudes', raterId: 't2', role: 'improvement-team', rating: 0, ratedOn: on },
      { factorId: 'attitudes', raterId: 'x', rating: 0, ratedOn: on },
    ];
    const review = reviewFactors(ratings);
    expect(entry(review, 'attitudes').byRole).toEqual([
      { id: 'educator', raters: 2, missing: 1, mean: -1, notes: [] },
      { id: 'improvement-team', raters: 2, missing: 0, mean: 0.5, notes: [] },
    ]);
    expect(review.roleDisagreements).toEqual([
      {
        id: 'attitudes',
        category: 'educators',
        gap: 1.5,
        oppositeSides: true,
        highest: { id: 'improvement-team', raters: 2, missing: 0, mean: 0.5, notes: [] },
        lowest: { id: 'educator', raters: 2, missing: 1, mean: -1, notes: [] },
      },
    ]);
    expect(reviewFactors(ratings, { policy: { roleGap: 2 } }).roleDisagreements).toEqual([]);
  });
});

describe('reviewFactors: interactions (seed 004, "Interacting Factors and Change at Scale")', () => {
  it('district pressure on graduation rates × teacher-leaders’ grasp of compatibility: a surfaced tension', () => {
    const review = reviewFactors([...ratingsOf('leadership', [-2, -2, -1]), ...ratingsOf('compatibility', [-2, -2])], {
      interactions: [{ id: 'graduation-pressure', factors: ['leadership', 'compatibility'], kind: 'tension' }],
    });
    expect(review.interactions[0]).toMatchObject({ bothStrong: true, actions: ['roadblock', 'roadblock'] });
    // Both are strong roadblocks in two categories, but the pair is declared: no candidate.
    expect(review.candidateInteractions).toEqual([]);
  });

  it('community STEM goals × the team’s own goals (a custom factor): an alignment to leverage', () => {
    const review = reviewFactors(
      [...ratingsOf('community-beliefs-and-values', [2, 2, 1]), ...ratingsOf('team-goals', [2, 2])],
      {
        customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals for STEM careers' }],
        interactions: [
          {
            id: 'stem',
            factors: ['community-beliefs-and-values', 'team-goals'],
            kind: 'alignment',
            comment: 'STEM careers',
          },
        ],
      },
    );
    expect(review.interactions).toEqual([
      {
        id: 'stem',
        factors: ['community-beliefs-and-values', 'team-goals'],
        kind: 'alignment',
        comment: 'STEM careers',
        means: [5 / 3, 2],
        actions: ['support', 'support'],
        bothStrong: true,
        notes: [],
      },
    ]);
  });

  it('bothStrong is three-valued: false when one is known not strong, null when one is unrated', () => {
    const interactions = [
      { id: 'i', factors: ['leadership', 'policies'] as [string, string], kind: 'dependency' as const },
    ];
    expect(reviewFactors(ratingsOf('leadership', [2]), { interactions }).interactions[0]?.bothStrong).toBeNull();
    expect(
      reviewFactors([...ratingsOf('leadership', [2]), ...ratingsOf('policies', [1])], { interactions }).interactions[0]
        ?.bothStrong,
    ).toBe(false);
    expect(reviewFactors(ratingsOf('leadership', [0]), { interactions }).interactions[0]?.bothStrong).toBe(false);
  });

  it('flags strong roadblocks in two different categories as candidate interactions, not within one category', () => {
    const review = reviewFactors([
      ...ratingsOf('observability', [-2]),
      ...ratingsOf('complexity', [-2]),
      ...ratingsOf('emotions', [-2]),
      ...ratingsOf('policies', [-1]),
    ]);
    expect(review.candidateInteractions.map((candidate) => candidate.id)).toEqual([
      'complexity+emotions',
      'observability+emotions',
    ]);
  });
});

describe('reviewFactors: output', () => {
  const review = reviewFactors([...ratingsOf('leadership', [2, -1, 'missing']), ...ratingsOf('policies', [0])], {
    interactions: [{ id: 'i', factors: ['leadership', 'policies'], kind: 'tension' }],
  });

  it('is plain JSON with every field present and no NaN or Infinity', () => {
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
    const numbers = (value: unknown): number[] =>
      typeof value === 'number'
        ? [value]
        : value !== null && typeof value === 'object'
          ? Object.values(value).flatMap(numbers)
          : [];
    expect(numbers(review).every(Number.isFinite)).toBe(true);
    for (const factor of review.factors) {
      expect(Object.keys(factor).sort()).toEqual(
        [
          'agreement',
          'byRole',
          'category',
          'custom',
          'highest',
          'id',
          'label',
          'lowest',
          'mean',
          'missing',
          'decision',
          'notes',
          'raters',
          'ratings',
          'strong',
          'tally',
        ].sort(),
      );
    }
    expect(review.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('does not mutate its inputs', () => {
    const ratings = ratingsOf('leadership', [2, -1]);
    const options = {
      customFactors: [{ id: 'x', category: 'conditions' as const, label: 'X' }],
      interactions: [{ id: 'i', factors: ['leadership', 'x'] as [string, string], kind: 'tension' as const }],
      policy: { minAgreement: 0.5 },
    };
    const before = structuredClone({ ratings, options });
    reviewFactors(ratings, options);
    expect({ ratings, options }).toEqual(before);
  });
});

describe('reviewFactors: bad input throws INVALID_INPUT with a path', () => {
  const good: FactorRatingInput = { factorId: 'leadership', raterId: 'ana', rating: 1, ratedOn: on };

  it.each([
    ['rating above the scale', { ...good, rating: 3 }, ['ratings', 0, 'rating']],
    ['rating between points', { ...good, rating: 1.5 }, ['ratings', 0, 'rating']],
    ['rating NaN', { ...good, rating: Number.NaN }, ['ratings', 0, 'rating']],
    ['rating as text', { ...good, rating: '2' }, ['ratings', 0, 'rating']],
    ['unknown factor (a typo)', { ...good, factorId: 'leadershp' }, ['ratings', 0, 'factorId']],
    ['non-ISO date', { ...good, ratedOn: '10/01/2025' }, ['ratings', 0, 'ratedOn']],
    ['impossible date', { ...good, ratedOn: '2025-02-29' }, ['ratings', 0, 'ratedOn']],
    ['empty rater', { ...good, raterId: '' }, ['ratings', 0, 'raterId']],
    ['unknown key', { ...good, score: 1 }, ['ratings', 0, 'score']],
  ])('%s', (_name, rating, path) => {
    expectError(() => reviewFactors([rating as FactorRatingInput]), 'INVALID_INPUT', path);
  });

  it('a rater rating the same factor twice on one day (any order of the others)', () => {
    expectError(() => reviewFactors([good, { ...good, raterId: 'ben' }, { ...good, rating: -1 }]), 'INVALID_INPUT', [
      'ratings',
      2,
      'raterId',
    ]);
    // The same rater on another day, or another factor the same day, is fine.
    expect(() =>
      reviewFactors([good, { ...good, ratedOn: '2025-10-02' }, { ...good, factorId: 'policies' }]),
    ).not.toThrow();
  });

  it('a custom factor must be declared before use, must not clash with the catalog, and is unique', () => {
    expectError(() => reviewFactors([{ ...good, factorId: 'team-goals' }]), 'INVALID_INPUT', [
      'ratings',
      0,
      'factorId',
    ]);
    const custom = { id: 'team-goals', category: 'improvement-team', label: 'Team goals' } as const;
    expectError(() => reviewFactors([], { customFactors: [{ ...custom, id: 'leadership' }] }), 'INVALID_INPUT', [
      'options',
      'customFactors',
      0,
      'id',
    ]);
    expectError(() => reviewFactors([], { customFactors: [custom, custom] }), 'INVALID_INPUT', [
      'options',
      'customFactors',
      1,
      'id',
    ]);
    expectError(
      () => reviewFactors([], { customFactors: [{ ...custom, category: 'students' as never }] }),
      'INVALID_INPUT',
      ['options', 'customFactors', 0, 'category'],
    );
  });

  it('interactions join two known, different factors, each pair once', () => {
    const interaction = { id: 'i', factors: ['leadership', 'policies'] as [string, string], kind: 'tension' as const };
    expectError(
      () => reviewFactors([], { interactions: [{ ...interaction, factors: ['leadership', 'polices'] }] }),
      'INVALID_INPUT',
      ['options', 'interactions', 0, 'factors', 1],
    );
    expectError(
      () => reviewFactors([], { interactions: [{ ...interaction, factors: ['policies', 'policies'] }] }),
      'INVALID_INPUT',
      ['options', 'interactions', 0, 'factors', 1],
    );
    expectError(
      () =>
        reviewFactors([], {
          interactions: [interaction, { ...interaction, id: 'j', factors: ['policies', 'leadership'] }],
        }),
      'INVALID_INPUT',
      ['options', 'interactions', 1, 'factors'],
    );
    expectError(() => reviewFactors([], { interactions: [interaction, interaction] }), 'INVALID_INPUT', [
      'options',
      'interactions',
      1,
      'id',
    ]);
    expectError(
      () => reviewFactors([], { interactions: [{ ...interaction, kind: 'synergy' as never }] }),
      'INVALID_INPUT',
      ['options', 'interactions', 0, 'kind'],
    );
  });

  it('arguments and options of the wrong shape', () => {
    expectError(() => reviewFactors('ratings' as never), 'INVALID_INPUT', ['ratings']);
    expectError(() => reviewFactors([null as never]), 'INVALID_INPUT', ['ratings', 0]);
    expectError(() => reviewFactors([], null as never), 'INVALID_INPUT', ['options']);
    expectError(() => reviewFactors([], { asOf: '2025-13-01' }), 'INVALID_INPUT', ['options', 'asOf']);
    expectError(() => reviewFactors([], { customFactors: {} as never }), 'INVALID_INPUT', ['options', 'customFactors']);
    expectError(() => reviewFactors([], { policy: { minAgreement: 1.5 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minAgreement',
    ]);
    expectError(() => reviewFactors([], { policy: { strongAt: 0.25 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'strongAt',
    ]);
    expectError(() => reviewFactors([], { policy: { minRatersPerSide: 1.5 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minRatersPerSide',
    ]);
    expectError(() => reviewFactors([], { policy: { agreement: 0.5 } as never }), 'INVALID_INPUT', [
      'options',
      'policy',
      'agreement',
    ]);
  });
});

describe('defineFactorReviewPolicy', () => {
  it('merges overrides over the defaults and freezes the result', () => {
    const policy = defineFactorReviewPolicy({ roleGap: 2 });
    expect(policy).toEqual({ ...DEFAULT_FACTOR_REVIEW_POLICY, roleGap: 2 });
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FACTOR_REVIEW_POLICY)).toBe(true);
  });

  it('rejects values out of range with a path under policy', () => {
    expectError(() => defineFactorReviewPolicy({ supportAt: 0 }), 'INVALID_INPUT', ['policy', 'supportAt']);
    expectError(() => defineFactorReviewPolicy({ roadblockAt: 0.5 }), 'INVALID_INPUT', ['policy', 'roadblockAt']);
    expectError(() => defineFactorReviewPolicy({ supportAt: 1.8 }), 'INVALID_INPUT', ['policy', 'strongAt']);
    expectError(() => defineFactorReviewPolicy({ minChange: Number.POSITIVE_INFINITY }), 'INVALID_INPUT', [
      'policy',
      'minChange',
    ]);
  });
});

describe('FactorReviewInput: the review as a JSON document', () => {
  it('parses with defaults and applies the same cross-field rules, with document paths', () => {
    const doc = FactorReviewInput.parse({ ratings: ratingsOf('leadership', [1, 2]) });
    expect(doc.customFactors).toEqual([]);
    const { ratings, ...options } = doc;
    expect(entry(reviewFactors(ratings, options), 'leadership').mean).toBe(1.5);
    const bad = FactorReviewInput.safeParse({ ratings: [{ ...ratingsOf('leadership', [1])[0], factorId: 'lead' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['ratings', 0, 'factorId']);
    const clash = FactorReviewInput.safeParse({
      ratings: [],
      customFactors: [{ id: 'policies', category: 'conditions', label: 'Policies' }],
    });
    expect(clash.error?.issues[0]?.path).toEqual(['customFactors', 0, 'id']);
  });
});
