/** The small dense matrix helpers of the mixed model: a 2 × 2 inverse and a Cholesky factor that fail. */
import { describe, expect, it } from 'vitest';
import { cholesky, inverse2 } from '../../src/_lib/smallMatrix.js';

describe('inverse2', () => {
  it('inverts [[2, 1], [1, 1]] to [[1, −1], [−1, 2]]', () => {
    expect(inverse2(2, 1, 1)).toEqual([1, -1, 2]);
  });
  it('is null for a singular, an underflowing or an overflowing determinant', () => {
    expect(inverse2(1, 2, 4)).toBeNull();
    expect(inverse2(1e-200, 0, 1e-200)).toBeNull();
    expect(inverse2(1e200, 0, 1e200)).toBeNull();
  });
});

describe('cholesky', () => {
  it('is null for a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.from([1, 2, 2, 4]), 2)).toBeNull();
    expect(Array.from(cholesky(Float64Array.from([4, 2, 2, 2]), 2) ?? [])).toEqual([2, 0, 1, 1]);
  });
});
