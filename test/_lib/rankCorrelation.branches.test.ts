/** rankCorrelation below two pairs. */
import { describe, expect, it } from 'vitest';
import { rankCorrelation } from '../../src/_lib/pearson.js';

describe('rankCorrelation', () => {
  it('is null below two pairs, and 1 / −1 for ranks in the same / reverse order', () => {
    expect(rankCorrelation(new Float64Array([1]), new Float64Array([1]))).toBeNull();
    expect(rankCorrelation(new Float64Array(0), new Float64Array(0))).toBeNull();
    expect(rankCorrelation(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 3]))).toBe(1);
    expect(rankCorrelation(new Float64Array([1, 2, 3]), new Float64Array([3, 2, 1]))).toBe(-1);
  });
});
