import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACTOR_REVIEW_POLICY,
  FACTOR_MATCH_CONDITIONS,
  FACTOR_STRATEGY_MATCHES,
  type FactorRatingInput,
  reviewFactors,
  suggestStrategies,
} from '../../src/factors/index.js';
import { FACTOR_IDS, SOURCES, STRATEGY_IDS } from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

const on = '2025-10-01';
const ratingsOf = (factorId: string, values: readonly FactorRatingInput['rating'][]): FactorRatingInput[] =>
  values.map((rating, index) => ({ factorId, raterId: `r${index}`, rating, ratedOn: on }));
const idsOf = (result: ReturnType<typeof suggestStrategies>) => result.suggestions.map((entry) => entry.id);
const suggestionOf = (result: ReturnType<typeof suggestStrategies>, id: string) =>
  result.suggestions.find((entry) => entry.id === id);

describe('FACTOR_STRATEGY_MATCHES: one reviewed table', () => {
  it('every row has a unique id, a known factor and strategy, a strength of 1 or 2, a rationale and a seed 004 citation', () => {
    const ids = FACTOR_STRATEGY_MATCHES.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of FACTOR_STRATEGY_MATCHES) {
      expect(row.id).toBe(`${row.factorId}:${row.when}:${row.strategyId}`);
      expect(FACTOR_IDS).toContain(row.factorId);
      expect(STRATEGY_IDS).toContain(row.strategyId);
      expect(FACTOR_MATCH_CONDITIONS).toContain(row.when);
      expect([1, 2]).toContain(row.strength);
      expect(row.rationale.length).toBeGreaterThan(30);
      expect(row.rationale).not.toMatch(/["“”]/); // our words: no quoted seed text
      expect(row.source.source).toBe('carnegie-2022-scaling-for-equity');
      expect(SOURCES.map((source) => source.id)).toContain(row.source.source);
      expect(row.source.section).toMatch(/^(Component [123]|The Scaling Journey|Appendix)/);
    }
  });

  it('answers every catalog factor as a roadblock, and is frozen', () => {
    for (const factor of FACTOR_IDS) {
      expect(
        FACTOR_STRATEGY_MATCHES.some((row) => row.factorId === factor && row.when === 'roadblock'),
        factor,
      ).toBe(true);
    }
    expect(Object.isFrozen(FACTOR_STRATEGY_MATCHES)).toBe(true);
    expect(Object.isFrozen(FACTOR_STRATEGY_MATCHES[0])).toBe(true);
  });

  it('holds the issue’s anchor matches', () => {
    const strategiesFor = (factor: string) =>
      FACTOR_STRATEGY_MATCHES.filter((row) => row.factorId === factor && row.when === 'roadblock').map(
        (row) => row.strategyId,
      );
    expect(strategiesFor('observability')).toEqual(expect.arrayContaining(['proof-point', 'network-of-users']));
    expect(strategiesFor('compatibility')).toEqual(expect.arrayContaining(['co-design', 'scalable-characteristics']));
    expect(strategiesFor('policies')).toEqual(expect.arrayContaining(['policy-network', 'shape-policy']));
    expect(strategiesFor('leadership')).toContain('educate-policymakers');
    expect(strategiesFor('competition-for-attention')).toContain('educate-policymakers');
  });
});

describe('suggestStrategies: the seed’s examples', () => {
  it('Colorado Springs (a new superintendent and a new strategic plan): educate policymakers first, then co-design', () => {
    // Seed 004, "Example of a Scaling Journey": leaders held back until they knew the new priorities; the
    // partnership supported the strategic planning, fed the superintendent back through R&D groups, and
    // co-created a district graduate profile.
    const review = reviewFactors([
      ...ratingsOf('leadership', [-1, -1, -2]),
      ...ratingsOf('competition-for-attention', [-2, -2, -1]),
    ]);
    const result = suggestStrategies(review);
    expect(result.suggestions.map((entry) => [entry.id, entry.score, entry.rank])).toEqual([
      ['educate-policymakers', 4, 1],
      ['co-design', 2, 2],
      ['scalable-characteristics', 1, 3],
    ]);
    expect(suggestionOf(result, 'educate-policymakers')?.answers.map((answer) => answer.id)).toEqual([
      'leadership:roadblock:educate-policymakers',
      'competition-for-attention:roadblock:educate-policymakers',
    ]);
    expect(suggestionOf(result, 'co-design')?.answers.map((answer) => answer.source?.section)).toEqual([
      'The Scaling Journey: Example of a Scaling Journey (Colorado Springs)',
      'The Scaling Journey: Example of a Scaling Journey (Colorado Springs)',
    ]);
  });

  it('the hierarchical district with a strategic plan: show how the innovation serves the plan (educate policymakers)', () => {
    // Seed 004, Community, District, and State Conditions: people with power block progress until they can
    // own the work, while a strategic plan is in place that the innovation can be shown to serve.
    const review = reviewFactors([
      ...ratingsOf('leadership', [-2, -2, -1]),
      ...ratingsOf('competition-for-attention', [1, 1, 2]),
    ]);
    const result = suggestStrategies(review);
    expect(idsOf(result)[0]).toBe('educate-policymakers');
    expect(suggestionOf(result, 'educate-policymakers')).toMatchObject({ score: 2, leverage: 2, rank: 1 });
    expect(suggestionOf(result, 'educate-policymakers')?.answers.map((answer) => [answer.factorId, answer.as])).toEqual(
      [
        ['leadership', 'roadblock'],
        ['competition-for-attention', 'support'],
      ],
    );
    expect(suggestStrategies(review, { leverageSupports: false }).suggestions[0]).toMatchObject({
      id: 'educate-policymakers',
      leverage: 0,
    });
  });

  it('Inflexion (all supports): nothing to fix; leverage the inclusive design process and the supportive district', () => {
    // Seed 004, "Inflexion: An Example of the Influential Factors in Use in an RPP": a co-designed vision
    // that builds positive emotions, a team joining expertise with district authority, and a highly
    // supportive district planning to roll the process out to every school.
    const review = reviewFactors([
      ...ratingsOf('emotions', [2, 2, 1]),
      ...ratingsOf('collaborative-structures', [2, 2]),
      ...ratingsOf('leadership', [2, 2, 2]),
    ]);
    expect(review.roadblocks).toEqual([]);
    const result = suggestStrategies(review);
    expect(result.suggestions.map((entry) => [entry.id, entry.score, entry.leverage, entry.rank])).toEqual([
      ['co-design', 0, 2, 1],
      ['network-of-users', 0, 1, 2],
      ['shape-policy', 0, 1, 2],
    ]);
    expect(suggestStrategies(review, { leverageSupports: false }).suggestions).toEqual([]);
  });

  it('educators who see equity differently than the improvement team: co-create a shared vision', () => {
    // Seed 004, "Interacting Factors": pause a strategy and add one that co-creates a vision for equity.
    const ratings: FactorRatingInput[] = [
      { factorId: 'attitudes', raterId: 'e1', role: 'educator', rating: 0, ratedOn: on },
      { factorId: 'attitudes', raterId: 'e2', role: 'educator', rating: 0, ratedOn: on },
      { factorId: 'attitudes', raterId: 't1', role: 'improvement-team', rating: 1, ratedOn: on },
      { factorId: 'attitudes', raterId: 't2', role: 'improvement-team', rating: 1, ratedOn: on },
    ];
    const review = reviewFactors(ratings);
    // The mean (0.5) says support and r_wg is 0.833, but the two roles are a full point apart.
    expect(review.factors.find((factor) => factor.id === 'attitudes')?.decision.action).toBe('support');
    const result = suggestStrategies(review);
    expect(suggestionOf(result, 'co-design')?.answers).toEqual([
      {
        id: 'attitudes:mixed:co-design',
        factorId: 'attitudes',
        as: 'mixed',
        mean: 0.5,
        strength: 2,
        rationale: expect.any(String),
        source: {
          source: 'carnegie-2022-scaling-for-equity',
          section: 'Component 3: Interacting Factors and Change at Scale',
        },
      },
    ]);
    expect(idsOf(result)[0]).toBe('co-design');
  });

  it('the issue’s anchors: low observability, low compatibility, unsupportive policy', () => {
    expect(idsOf(suggestStrategies(reviewFactors(ratingsOf('observability', [-2, -2])))).slice(0, 2)).toEqual([
      'proof-point',
      'scalable-characteristics',
    ]);
    expect(idsOf(suggestStrategies(reviewFactors(ratingsOf('observability', [-2, -2]))))).toContain('network-of-users');
    expect(idsOf(suggestStrategies(reviewFactors(ratingsOf('compatibility', [-1, -2])))).slice(0, 2)).toEqual([
      'co-design',
      'scalable-characteristics',
    ]);
    expect(idsOf(suggestStrategies(reviewFactors(ratingsOf('policies', [-2, -1])))).slice(0, 2)).toEqual([
      'policy-network',
      'shape-policy',
    ]);
  });
});

describe('suggestStrategies: options and edge cases', () => {
  it('marks strategies already in the strategy set', () => {
    const result = suggestStrategies(reviewFactors(ratingsOf('observability', [-2])), { strategySet: ['proof-point'] });
    expect(result.suggestions.map((entry) => [entry.id, entry.inStrategySet])).toEqual([
      ['proof-point', true],
      ['scalable-characteristics', false],
      ['network-of-users', false],
    ]);
  });

  it('lists roadblocks and split factors no row answers, and takes a team’s own rows for them', () => {
    const customFactors = [{ id: 'bus-schedules', category: 'conditions' as const, label: 'Bus schedules' }];
    const review = reviewFactors([...ratingsOf('bus-schedules', [-2, -1]), ...ratingsOf('leadership', [-2, 2])], {
      customFactors,
    });
    const plain = suggestStrategies(review);
    expect(plain.unanswered).toEqual([
      { id: 'leadership', action: 'mixed', mean: 0 },
      { id: 'bus-schedules', action: 'roadblock', mean: -1.5 },
    ]);
    expect(plain.suggestions).toEqual([]);
    const own = suggestStrategies(review, {
      additionalMatches: [
        {
          factorId: 'bus-schedules',
          when: 'roadblock',
          strategyId: 'educate-policymakers',
          strength: 2,
          rationale: 'The board sets the bell times; show it what late buses cost project time.',
        },
      ],
    });
    expect(own.unanswered.map((entry) => entry.id)).toEqual(['leadership']);
    expect(own.suggestions[0]?.answers[0]).toMatchObject({
      id: 'bus-schedules:roadblock:educate-policymakers',
      source: null,
    });
  });

  it('takes a review that went through JSON, gives no suggestions for an empty review, and does not mutate', () => {
    const review = reviewFactors(ratingsOf('observability', [-2]));
    const stored = JSON.parse(JSON.stringify(review));
    const before = structuredClone(stored);
    expect(suggestStrategies(stored)).toEqual(suggestStrategies(review));
    expect(stored).toEqual(before);
    expect(suggestStrategies(reviewFactors([]))).toEqual({
      reviewedOn: null,
      suggestions: [],
      unanswered: [],
      leverageSupports: true,
      notes: [{ code: 'NOTHING_TO_ANSWER', message: expect.any(String), field: 'suggestions' }],
      policy: DEFAULT_FACTOR_REVIEW_POLICY,
    });
  });

  it('throws INVALID_INPUT with a path for bad input', () => {
    const review = reviewFactors(ratingsOf('observability', [-2]));
    expectError(() => suggestStrategies({} as never), 'INVALID_INPUT', ['review', 'schemaVersion']);
    expectError(() => suggestStrategies(review, { strategySet: ['proof point' as never] }), 'INVALID_INPUT', [
      'options',
      'strategySet',
      0,
    ]);
    expectError(() => suggestStrategies(review, { leverageSupports: 'yes' as never }), 'INVALID_INPUT', [
      'options',
      'leverageSupports',
    ]);
    const row = {
      factorId: 'observability',
      when: 'roadblock' as const,
      strategyId: 'proof-point' as const,
      strength: 1 as const,
      rationale: 'Ours',
    };
    expectError(() => suggestStrategies(review, { additionalMatches: [row] }), 'INVALID_INPUT', [
      'options',
      'additionalMatches',
      0,
    ]);
    expectError(
      () => suggestStrategies(review, { additionalMatches: [{ ...row, factorId: 'bus-schedules' }] }),
      'INVALID_INPUT',
      ['options', 'additionalMatches', 0, 'factorId'],
    );
    expectError(
      () => suggestStrategies(review, { additionalMatches: [{ ...row, strength: 3 as never }] }),
      'INVALID_INPUT',
      ['options', 'additionalMatches', 0, 'strength'],
    );
    expectError(
      () => suggestStrategies(review, { additionalMatches: [{ ...row, strategyId: 'lobbying' as never }] }),
      'INVALID_INPUT',
      ['options', 'additionalMatches', 0, 'strategyId'],
    );
  });
});
