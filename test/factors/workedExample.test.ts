/**
 * The worked example of docs/factor-review.md, run as written (its `//=>` lines are assertions), and
 * the same hand computation asserted directly.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as factors from '../../src/factors/index.js';
import { reviewFactors, suggestStrategies } from '../../src/factors/index.js';
import { markdownExamples, runExample } from '../_support/docExamples.js';

const doc = fileURLToPath(new URL('../../docs/factor-review.md', import.meta.url));

describe('docs/factor-review.md', () => {
  const examples = markdownExamples(doc, 'docs/factor-review.md');

  it('has the worked example', () => {
    expect(examples.length).toBe(1);
  });

  it.each(examples.map((example) => [example.where, example] as const))(
    '%s runs and its results hold',
    async (_where, example) => {
      await runExample(example, {
        module(specifier) {
          if (specifier !== 'scaling-navigator/factors') throw new Error(`unexpected import ${specifier}`);
          return factors as unknown as Record<string, unknown>;
        },
        expect(actual, expected) {
          expect(actual).toEqual(expected);
        },
        close(actual, expected) {
          expect(actual as number).toBeCloseTo(expected as number, 12);
        },
        throws(run, code) {
          expect(run).toThrow(expect.objectContaining({ code }));
        },
      });
    },
  );
});

describe('the worked example, computed by hand (see docs/factor-review.md)', () => {
  const on = '2025-10-01';
  const role = (rater: string) => (rater === 'tia' || rater === 'tom' ? 'teacher' : 'district-leader');
  const rate = (factorId: string, ratings: Record<string, -2 | -1 | 0 | 1 | 2 | 'missing'>) =>
    Object.entries(ratings).map(([raterId, rating]) => ({
      factorId,
      raterId,
      role: role(raterId),
      rating,
      ratedOn: on,
    }));
  const ratings = [
    ...rate('observability', { tia: -2, tom: -2, dee: -1, dan: -2 }),
    ...rate('complexity', { dee: -1 }),
    ...rate('attitudes', { tia: 1, tom: 2, dee: -1, dan: -1 }),
    ...rate('leadership', { tia: 1, tom: 2, dee: 2, dan: 2 }),
    ...rate('competition-for-attention', { tia: -2, tom: -1, dee: -2, dan: -2 }),
    ...rate('policies', { tia: 0, tom: 0, dee: 'missing', dan: 0 }),
  ];
  const review = reviewFactors(ratings, {
    interactions: [{ id: 'plan-vs-attention', factors: ['leadership', 'competition-for-attention'], kind: 'tension' }],
  });
  const factor = (id: string) => review.factors.find((entry) => entry.id === id);

  it('observability: mean −7/4, s² = 0.75/3 = 0.25, r_wg = 1 − 0.25/2 = 0.875, strong roadblock', () => {
    expect(factor('observability')).toMatchObject({
      mean: -1.75,
      agreement: 0.875,
      raters: 4,
      lowest: -2,
      highest: -1,
      tally: { roadblock: 4, neutral: 0, support: 0 },
      decision: { action: 'roadblock' },
      strong: true,
      notes: [],
    });
  });

  it('attitudes: mean 1/4, s² = 6.75/3 = 2.25, raw r_wg −0.125 truncated to 0, mixed on both rules', () => {
    expect(factor('attitudes')).toMatchObject({
      mean: 0.25,
      agreement: 0,
      decision: { action: 'mixed' },
      strong: false,
    });
    expect(factor('attitudes')?.decision.reasons.map((reason) => reason.rule)).toEqual([
      'factors/low-agreement',
      'factors/raters-on-both-sides',
    ]);
    expect(factor('attitudes')?.byRole).toEqual([
      { id: 'district-leader', raters: 2, missing: 0, mean: -1, notes: [] },
      { id: 'teacher', raters: 2, missing: 0, mean: 1.5, notes: [] },
    ]);
  });

  it('policies: "missing" is counted apart; three zeros → mean 0, r_wg 1, neutral', () => {
    expect(factor('policies')).toMatchObject({
      mean: 0,
      agreement: 1,
      raters: 3,
      missing: 1,
      decision: { action: 'neutral' },
    });
  });

  it('complexity: one rater → no agreement, a (weak) roadblock', () => {
    expect(factor('complexity')).toMatchObject({
      mean: -1,
      agreement: null,
      decision: { action: 'roadblock' },
      strong: false,
    });
    expect(factor('complexity')?.notes[0]?.code).toBe('ONE_RATER');
  });

  it('categories: net forces −2.75, 0.25, unknown, 0', () => {
    expect(review.categories.map((category) => [category.id, category.rated, category.netForce])).toEqual([
      ['innovation', 2, -2.75],
      ['educators', 1, 0.25],
      ['improvement-team', 0, null],
      ['conditions', 3, 0],
    ]);
    expect(review.categories[0]?.roadblocks).toEqual([
      { id: 'observability', mean: -1.75, strong: true },
      { id: 'complexity', mean: -1, strong: false },
    ]);
    expect(review.categories[2]?.notes[0]?.code).toBe('NO_RATED_FACTORS');
  });

  it('role disagreement, interactions and the candidate interaction', () => {
    expect(review.roleDisagreements).toEqual([
      {
        id: 'attitudes',
        category: 'educators',
        gap: 2.5,
        oppositeSides: true,
        highest: { id: 'teacher', raters: 2, missing: 0, mean: 1.5, notes: [] },
        lowest: { id: 'district-leader', raters: 2, missing: 0, mean: -1, notes: [] },
      },
    ]);
    expect(review.interactions).toEqual([
      {
        id: 'plan-vs-attention',
        factors: ['leadership', 'competition-for-attention'],
        kind: 'tension',
        comment: null,
        means: [1.75, -1.75],
        actions: ['support', 'roadblock'],
        bothStrong: true,
        notes: [],
      },
    ]);
    expect(review.candidateInteractions).toEqual([
      {
        id: 'observability+competition-for-attention',
        factors: ['observability', 'competition-for-attention'],
        categories: ['innovation', 'conditions'],
        means: [-1.75, -1.75],
      },
    ]);
  });

  it('suggestions: summed strengths 4, 3, 2, 2, 1, 1 and leverage 1, ranked as in the table', () => {
    const { suggestions, unanswered } = suggestStrategies(review);
    expect(suggestions.map((entry) => [entry.id, entry.score, entry.severity, entry.leverage, entry.rank])).toEqual([
      ['scalable-characteristics', 4, 5.5, 0, 1],
      ['co-design', 3, 1.75, 0, 2],
      ['proof-point', 2, 3.5, 0, 3],
      ['educate-policymakers', 2, 3.5, 0, 3],
      ['network-of-users', 1, 1.75, 0, 5],
      ['local-champions', 1, 1, 0, 6],
      ['shape-policy', 0, 0, 1, 7],
    ]);
    expect(unanswered).toEqual([]);
  });
});
