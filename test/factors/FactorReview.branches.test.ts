/** The cross-checks of a stored factor review (FactorReview) that the other factor tests leave untaken. */
import { describe, expect, it } from 'vitest';
import { parseFactorReview, reviewFactors } from '../../src/factors/index.js';
import { expectError } from '../_support/expectError.js';

const rate = (factorId: string, rating: -2 | -1 | 0 | 1 | 2, raterId = 'ana') => ({
  factorId,
  raterId,
  rating,
  ratedOn: '2025-09-01',
});

const review = reviewFactors(
  [rate('complexity', -2), rate('complexity', -1, 'ben'), rate('policies', 2), rate('team-goals', 1)],
  { customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }] },
);
const stored = () => JSON.parse(JSON.stringify(review));
const at = (r: ReturnType<typeof stored>, id: string): number =>
  r.factors.findIndex((f: { id: string }) => f.id === id);

describe('parseFactorReview: cross-checks of a damaged review', () => {
  it('reads the undamaged review back as it was', () => {
    expect(parseFactorReview(stored())).toEqual(review);
  });

  it('refuses a custom factor that claims to be a catalog one, and a catalog factor in the wrong category', () => {
    const a = stored();
    const custom = at(a, 'team-goals');
    a.factors[custom].custom = false;
    expectError(() => parseFactorReview(a), 'INVALID_INPUT', ['factors', custom, 'custom']);
    const b = stored();
    const catalog = at(b, 'complexity');
    const other = b.factors.find((f: { category: string }) => f.category !== b.factors[catalog].category);
    b.factors[catalog].category = other.category;
    expectError(() => parseFactorReview(b), 'INVALID_INPUT', ['factors', catalog, 'category']);
  });

  it('refuses raters and missing that do not add up to the ratings counted', () => {
    const a = stored();
    const index = at(a, 'complexity');
    expect(a.factors[index].raters).toBe(2);
    a.factors[index].missing += 1;
    expectError(() => parseFactorReview(a), 'INVALID_INPUT', ['factors', index, 'raters']);
  });

  it('refuses a category with more rated factors than factors', () => {
    const a = stored();
    const index = a.categories.findIndex((c: { rated: number }) => c.rated > 0);
    a.categories[index].rated = a.categories[index].factors + 1;
    expectError(() => parseFactorReview(a), 'INVALID_INPUT', ['categories', index, 'rated']);
  });

  it("refuses a roadblock or support that is not among the review's factors", () => {
    const a = stored();
    expect(a.roadblocks).toContain('complexity');
    a.roadblocks.push('no-such-factor');
    expectError(() => parseFactorReview(a), 'INVALID_INPUT', ['roadblocks', a.roadblocks.length - 1]);
  });
});
