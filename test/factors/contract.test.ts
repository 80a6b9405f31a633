import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AdditionalFactorMatch,
  CustomFactor,
  compareReviews,
  DEFAULT_FACTOR_REVIEW_POLICY,
  defineFactorReviewPolicy,
  FACTOR_STRATEGY_MATCHES,
  FACTOR_VERDICT_RULES,
  FactorInteraction,
  FactorRating,
  type FactorRatingInput,
  FactorReviewInput,
  parseAdditionalFactorMatch,
  parseCustomFactor,
  parseFactorInteraction,
  parseFactorRating,
  parseFactorRatingValue,
  parseFactorReviewInput,
  reviewFactors,
  safeParseAdditionalFactorMatch,
  safeParseCustomFactor,
  safeParseFactorInteraction,
  safeParseFactorRating,
  safeParseFactorReviewInput,
  suggestStrategies,
} from '../../src/factors/index.js';
import { type FactorId, getFactor, LIBRARY_VERSION, RULE_MODULES, SOURCES } from '../../src/framework/index.js';
import type { StrategyId } from '../../src/framework/strategies.js';
import { expectError } from '../_support/expectError.js';

const on = '2025-10-01';
const rate = (factorId: string, values: readonly FactorRatingInput['rating'][], ratedOn = on): FactorRatingInput[] =>
  values.map((rating, index) => ({ factorId, raterId: `r${index}`, rating, ratedOn }));

const ratings = [
  ...rate('observability', [-2, -2, -1]),
  ...rate('leadership', [-1, 2]),
  ...rate('attitudes', [1, 1]),
  ...rate('policies', ['missing']),
  ...rate('complexity', [0]),
];

/** Every note anywhere in a value. */
function notesIn(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) notesIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'notes' && Array.isArray(item)) found.push(...item);
      else notesIn(item, found);
    }
  }
  return found;
}

describe('the one contract (issue 11)', () => {
  it('every factor carries a Decision built from the catalog, with the effective policy and the library version', () => {
    const review = reviewFactors(ratings, { policy: { minAgreement: 0.6 } });
    const ids = new Set<string>(FACTOR_VERDICT_RULES.map((rule) => rule.id));
    for (const factor of review.factors) {
      expect(Object.keys(factor.decision).sort()).toEqual(['action', 'policy', 'reasons', 'version']);
      expect(factor.decision.version).toBe(LIBRARY_VERSION);
      expect(factor.decision.policy).toEqual(review.policy);
      expect(factor.decision.policy.minAgreement).toBe(0.6);
      expect(factor.decision.reasons.length).toBeGreaterThan(0);
      for (const reason of factor.decision.reasons) {
        expect(ids.has(reason.rule)).toBe(true);
        const rule = FACTOR_VERDICT_RULES.find((entry) => entry.id === reason.rule);
        expect(reason.guidance).toEqual(rule?.guidance);
        // A mixed decision can rest on mixed rules only; otherwise the one rule gives the action.
        expect(rule?.action).toBe(factor.decision.action);
      }
    }
  });

  it('the rule catalog is module-scoped, unique, frozen and cites the standards', () => {
    expect(RULE_MODULES).toContain('factors');
    const ids = FACTOR_VERDICT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = new Set<string>(SOURCES.map((source) => source.id));
    for (const rule of FACTOR_VERDICT_RULES) {
      expect(rule).toMatchObject({ module: 'factors', retired: false });
      expect(rule.id).toMatch(/^factors\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(sources.has(rule.guidance.source)).toBe(true);
      expect(rule.description.length).toBeGreaterThan(0);
    }
    expect(Object.isFrozen(FACTOR_VERDICT_RULES)).toBe(true);
    const sourceOf = (id: string) => FACTOR_VERDICT_RULES.find((rule) => rule.id === id)?.guidance.source;
    expect(sourceOf('factors/low-agreement')).toBe('james-1984-rwg');
    expect(sourceOf('factors/mean-at-or-above-support')).toBe('cfir-rating-2013');
    expect(sourceOf('factors/raters-on-both-sides')).toBe('carnegie-2022-scaling-for-equity');
    expect(FACTOR_STRATEGY_MATCHES.every((row) => sources.has(row.source.source))).toBe(true);
  });

  it('every note names its field, in reviews, comparisons and suggestions', () => {
    const review = reviewFactors(ratings, {
      interactions: [{ id: 'unknown-pull', factors: ['observability', 'trialability'], kind: 'dependency' }],
    });
    const later = reviewFactors([...ratings, ...rate('trialability', [1, 1], '2025-11-01')]);
    const all = [
      ...notesIn(review),
      ...notesIn(compareReviews(review, later)),
      ...notesIn(suggestStrategies(review)),
      ...notesIn(reviewFactors([])),
    ];
    expect(all.length).toBeGreaterThan(5);
    for (const note of all) {
      expect(Object.keys(note as object).sort()).toEqual(['code', 'field', 'message']);
      const { field } = note as { field: unknown };
      expect(field === null || typeof field === 'string').toBe(true);
    }
    const factorNote = (id: string) => review.factors.find((factor) => factor.id === id)?.notes;
    expect(factorNote('policies')).toEqual([{ code: 'ONLY_MISSING', message: expect.any(String), field: 'decision' }]);
    expect(factorNote('complexity')).toEqual([{ code: 'ONE_RATER', message: expect.any(String), field: 'agreement' }]);
    expect(factorNote('observability')).toEqual([]);
    expect(review.interactions[0]).toMatchObject({
      bothStrong: null,
      notes: [{ code: 'UNRATED_FACTOR', field: 'bothStrong' }],
    });
    expect(compareReviews(review, later).factors.find((factor) => factor.id === 'trialability')).toMatchObject({
      change: null,
      notes: [{ code: 'NO_MEAN', field: 'change' }],
    });
  });

  it('rater and team comments are data, kept apart from notes', () => {
    const review = reviewFactors(
      [{ factorId: 'leadership', raterId: 'ana', rating: 1, ratedOn: on, comment: 'New principal is keen' }],
      { interactions: [{ id: 'i', factors: ['leadership', 'policies'], kind: 'alignment', comment: 'Same plan' }] },
    );
    expect(review.factors.find((factor) => factor.id === 'leadership')?.ratings[0]?.comment).toBe(
      'New principal is keen',
    );
    expect(review.interactions[0]?.comment).toBe('Same plan');
    expectError(
      () => reviewFactors([{ factorId: 'leadership', raterId: 'ana', rating: 1, ratedOn: on, note: 'x' } as never]),
      'INVALID_INPUT',
      ['ratings', 0, 'note'],
    );
  });

  it('policy: minRatersPerSide and tolerance are fields, checked, echoed, and taken as options.policy everywhere', () => {
    expect(DEFAULT_FACTOR_REVIEW_POLICY).toMatchObject({ minRatersPerSide: 1, tolerance: 1e-9 });
    expect(defineFactorReviewPolicy({ tolerance: 0 }).tolerance).toBe(0);
    expectError(() => defineFactorReviewPolicy({ tolerance: -1 }), 'INVALID_INPUT', ['policy', 'tolerance']);
    expectError(() => defineFactorReviewPolicy({ bothSidesMinRaters: 1 } as never), 'INVALID_INPUT', [
      'policy',
      'bothSidesMinRaters',
    ]);
    const review = reviewFactors(ratings);
    expect(compareReviews(review, review, { policy: { minChange: 1 } }).policy.minChange).toBe(1);
    expect(suggestStrategies(review, { policy: { tolerance: 0.001 } }).policy.tolerance).toBe(0.001);
    expectError(() => suggestStrategies(review, { policy: { tolerance: 1 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'tolerance',
    ]);
    // A mean of exactly 0.5 is a support; with the tolerance it stays one after rounding noise.
    const noisy = reviewFactors(rate('leadership', [1, 0]), { policy: { supportAt: 0.5 + 1e-12 } });
    expect(noisy.factors.find((factor) => factor.id === 'leadership')?.decision.action).toBe('support');
    const strict = reviewFactors(rate('leadership', [1, 0]), { policy: { supportAt: 0.5 + 1e-12, tolerance: 0 } });
    expect(strict.factors.find((factor) => factor.id === 'leadership')?.decision.action).toBe('neutral');
  });

  it('the ids a review returns carry the catalog id type, or the declared custom ids', () => {
    const review = reviewFactors(ratings);
    const first = review.roadblocks[0];
    if (first === undefined) throw new Error('expected a roadblock');
    expect(getFactor(first).id).toBe('observability');
    expectTypeOf(review.roadblocks).toEqualTypeOf<readonly FactorId[]>();
    expectTypeOf(review.factors[0]?.id).toEqualTypeOf<FactorId | undefined>();
    expectTypeOf(review.candidateInteractions[0]?.factors).toEqualTypeOf<readonly [FactorId, FactorId] | undefined>();

    const custom = reviewFactors(rate('team-goals', [-2, -2]), {
      customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }],
    });
    expect(custom.roadblocks).toEqual(['team-goals']);
    expectTypeOf(custom.roadblocks).toEqualTypeOf<readonly (FactorId | 'team-goals')[]>();
    for (const factor of custom.factors) {
      if (!factor.custom) expect(getFactor(factor.id).category).toBe(factor.category);
      else expectTypeOf(factor.id).toEqualTypeOf<'team-goals'>();
    }
    expectTypeOf(compareReviews(custom, custom).moved).toEqualTypeOf<readonly (FactorId | 'team-goals')[]>();
    const { suggestions, unanswered } = suggestStrategies(review);
    expectTypeOf(suggestions[0]?.id).toEqualTypeOf<StrategyId | undefined>();
    expectTypeOf(suggestions[0]?.answers[0]?.factorId).toEqualTypeOf<FactorId | undefined>();
    expectTypeOf(unanswered[0]?.id).toEqualTypeOf<FactorId | undefined>();
  });

  it('every exported schema has parse and safeParse wrappers speaking ScalingNavigatorError', () => {
    const rating = { factorId: 'leadership', raterId: 'ana', rating: 1, ratedOn: on };
    const cases: [unknown, (input: unknown) => unknown, (input: unknown) => { success: boolean }, unknown][] = [
      [FactorRating, parseFactorRating, safeParseFactorRating, rating],
      [CustomFactor, parseCustomFactor, safeParseCustomFactor, { id: 'x', category: 'conditions', label: 'X' }],
      [
        FactorInteraction,
        parseFactorInteraction,
        safeParseFactorInteraction,
        { id: 'i', factors: ['leadership', 'policies'], kind: 'tension' },
      ],
      [FactorReviewInput, parseFactorReviewInput, safeParseFactorReviewInput, { ratings: [rating] }],
      [
        AdditionalFactorMatch,
        parseAdditionalFactorMatch,
        safeParseAdditionalFactorMatch,
        { factorId: 'x', when: 'roadblock', strategyId: 'co-design', strength: 1, rationale: 'Because.' },
      ],
    ];
    for (const [schema, parse, safeParse, valid] of cases) {
      expect(parse(valid)).toEqual((schema as { parse: (input: unknown) => unknown }).parse(valid));
      expect(safeParse(valid).success).toBe(true);
      expectError(() => parse({ ...(valid as object), extra: 1 }), 'INVALID_INPUT', ['extra']);
      const failed = safeParse({ ...(valid as object), extra: 1 }) as { success: false; error: unknown };
      expect(failed.success).toBe(false);
      expect(failed.error).toMatchObject({ name: 'ScalingNavigatorError', code: 'INVALID_INPUT', path: ['extra'] });
    }
    expect(parseFactorRatingValue('missing')).toBe('missing');
    expectError(() => parseFactorRatingValue(3), 'INVALID_INPUT', []);
    expectError(() => parseFactorReviewInput({ ratings: [{ ...rating, factorId: 'leadershp' }] }), 'INVALID_INPUT', [
      'ratings',
      0,
      'factorId',
    ]);
  });

  it('the factor→strategy table derives every row id from its factor, condition and strategy', () => {
    for (const row of FACTOR_STRATEGY_MATCHES) expect(row.id).toBe(`${row.factorId}:${row.when}:${row.strategyId}`);
    expect(new Set(FACTOR_STRATEGY_MATCHES.map((row) => row.id)).size).toBe(FACTOR_STRATEGY_MATCHES.length);
    expect(Object.isFrozen(FACTOR_STRATEGY_MATCHES[0])).toBe(true);
  });
});
