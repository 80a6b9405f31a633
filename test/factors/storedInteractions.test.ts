/**
 * A stored factor review's interactions agree with its factors: `parseFactorReview` refuses what
 * `reviewFactors` would never write (an interaction naming a factor the review does not hold, one
 * factor twice, a repeated id, or means, actions and categories that are not the factors' own).
 */
import { describe, expect, it } from 'vitest';
import { parseFactorReview, reviewFactors } from '../../src/factors/index.js';
import { expectError } from '../_support/expectError.js';

const rate = (factorId: string, rating: -2 | -1 | 0 | 1 | 2, raterId: string) => ({
  factorId,
  raterId,
  rating,
  ratedOn: '2025-09-01',
});
const strongRoadblock = (factorId: string) => ['ana', 'ben', 'cy'].map((rater) => rate(factorId, -2, rater));

// leadership and compatibility are a declared tension; leadership and policies (two categories,
// both strong roadblocks, not declared) are a candidate.
const review = reviewFactors(
  [...strongRoadblock('leadership'), ...strongRoadblock('compatibility'), ...strongRoadblock('policies')],
  { interactions: [{ id: 'pressure', factors: ['leadership', 'compatibility'], kind: 'tension' }] },
);
// biome-ignore lint/suspicious/noExplicitAny: a JSON copy is edited freely to damage it
const stored = (): any => JSON.parse(JSON.stringify(review));

describe('parseFactorReview: a stored review’s interactions', () => {
  it('the review holds a declared interaction and candidates, and reads back as it was', () => {
    expect(review.interactions).toHaveLength(1);
    expect(review.candidateInteractions.length).toBeGreaterThan(0);
    expect(parseFactorReview(stored())).toEqual(review);
  });

  const damage: readonly [string, (copy: ReturnType<typeof stored>) => void, (string | number)[]][] = [
    [
      'a factor the review does not hold',
      (c) => (c.interactions[0].factors[1] = 'no-such-factor'),
      ['interactions', 0, 'factors', 1],
    ],
    ['one factor twice', (c) => (c.interactions[0].factors[1] = 'leadership'), ['interactions', 0, 'factors', 1]],
    [
      'a repeated interaction id',
      (c) => c.interactions.push({ ...c.interactions[0], factors: ['compatibility', 'policies'], means: [-2, -2] }),
      ['interactions', 1, 'id'],
    ],
    ['a mean that is not the factor’s', (c) => (c.interactions[0].means[0] = 1), ['interactions', 0, 'means', 0]],
    [
      'an action that is not the factor’s',
      (c) => (c.interactions[0].actions[1] = 'support'),
      ['interactions', 0, 'actions', 1],
    ],
    [
      'a candidate naming a factor the review does not hold',
      (c) => {
        c.candidateInteractions[0].factors[0] = 'no-such-factor';
        c.candidateInteractions[0].id = `no-such-factor+${c.candidateInteractions[0].factors[1]}`;
      },
      ['candidateInteractions', 0, 'factors', 0],
    ],
    [
      'a candidate whose id is not its two factors',
      (c) => (c.candidateInteractions[0].id = 'a+b'),
      ['candidateInteractions', 0, 'id'],
    ],
    [
      'a candidate in the wrong category',
      (c) => (c.candidateInteractions[0].categories[1] = c.candidateInteractions[0].categories[0]),
      ['candidateInteractions', 0, 'categories', 1],
    ],
    [
      'a candidate whose mean is not the factor’s',
      (c) => (c.candidateInteractions[0].means[1] = 0),
      ['candidateInteractions', 0, 'means', 1],
    ],
  ];
  for (const [what, edit, path] of damage) {
    it(`refuses ${what}, at its path`, () => {
      const copy = stored();
      edit(copy);
      expectError(() => parseFactorReview(copy), 'INVALID_INPUT', path);
    });
  }
});
