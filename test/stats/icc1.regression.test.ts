import { describe, expect, it } from 'vitest';
import { icc1 } from '../../src/stats/index.js';

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

describe('icc1: a counterexample the agreement property found (it gave NaN before the scaled route)', () => {
  it('within-group spread that underflows beside a between-group spread that does not: finite, ICC 1', () => {
    // Within groups the only spread is 3.1e-162 (its square underflows to 1e-323); between groups
    // 5.2e-8. Every output number is finite, and the F statistic that no double can hold is null
    // with a note naming the field.
    const result = icc1([[0, 3.1434555694052576e-162], [-5.1619136559035694e-8]]);
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
    expect(result.estimate).toBe(1);
    expect(result.statistic).toBeNull();
    expect(result.notes.map((note) => [note.code, note.field])).toEqual([['NOT_REPRESENTABLE', 'statistic']]);
  });
});
