/** ICC(2) with equal group means but spread within groups, and rwg(J) raters without items. */
import { describe, expect, it } from 'vitest';
import { icc2, rwgJ } from '../../src/stats/index.js';
import { expectError } from '../_support/expectError.js';

describe('icc2: branches', () => {
  it('equal group means (MSB = 0) with spread within groups: no estimate, NO_VARIANCE first', () => {
    // Means 2 and 2; within-group squares 2 + 2 over 2 df: MSW = 2.
    const result = icc2([
      [1, 3],
      [3, 1],
    ]);
    expect(result.estimate).toBeNull();
    expect(result.anova).toMatchObject({ msBetween: 0, msWithin: 2, ssBetween: 0, ssWithin: 4 });
    expect(result.notes[0]).toMatchObject({ code: 'NO_VARIANCE', field: 'estimate' });
  });
});

describe('rwgJ: branches', () => {
  it('raters who rated no item are refused at the first rater', () => {
    expectError(() => rwgJ([[], []], 5), 'INVALID_INPUT', ['ratingsByRater', 0]);
    expectError(() => rwgJ([[]], 5, { missing: 'per-item' }), 'INVALID_INPUT', ['ratingsByRater', 0]);
  });

  it('no raters at all is no error: no estimate, TOO_FEW_RATERS', () => {
    const result = rwgJ([], 5);
    expect(result).toMatchObject({ estimate: null, n: 0, nullVariance: 2 });
    expect(result.notes.map((entry) => entry.code)).toEqual(['TOO_FEW_RATERS']);
  });
});
