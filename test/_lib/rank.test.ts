import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, sortOrder, sortValues } from '../../src/_lib/rank.js';

/** The reference order: TypedArray#sort (numeric; −0 before +0, as the radix keys order them). */
const reference = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

/** Doubles without NaN, of every sign and magnitude (−0, subnormals, ±Infinity included). */
const double = fc.double({ noNaN: true });

describe('sortValues (radix path, n ≥ 64)', () => {
  it('sorts like TypedArray#sort, in place, for mixed signs and magnitudes', () => {
    fc.assert(
      fc.property(fc.array(double, { minLength: 64, maxLength: 400 }), (list) => {
        const values = Float64Array.from(list);
        sortValues(values);
        expect(values).toEqual(reference(list));
      }),
      { numRuns: 60 },
    );
  });

  it('sorts values that share their high digits (the shared-digit passes are skipped)', () => {
    // Integers 0…999 shuffled: every key shares the sign/exponent digit, not the low digits.
    const list = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const values = Float64Array.from(list);
    sortValues(values);
    expect(Array.from(values)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('sorts negative values only (every key has the sign bit clear) and keeps duplicates', () => {
    const list = Array.from({ length: 130 }, (_, i) => -((i * 37) % 13) - 0.5);
    const values = Float64Array.from(list);
    sortValues(values);
    expect(values).toEqual(reference(list));
    expect(values[0]).toBe(-12.5);
    expect(values[129]).toBe(-0.5);
  });

  it('sorts a subarray view without touching the values around it', () => {
    const backing = new Float64Array(202).fill(42);
    const view = backing.subarray(1, 201);
    const list = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 1e6);
    view.set(list);
    sortValues(view);
    expect(view).toEqual(reference(list));
    expect(backing[0]).toBe(42);
    expect(backing[201]).toBe(42);
  });
});

describe('sortOrder (radix path, n ≥ 64)', () => {
  it('is a stable argsort: values ascend and ties keep their input order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 64, maxLength: 300 }), (list) => {
        const order = Array.from(sortOrder(Float64Array.from(list)));
        expect([...order].sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
        for (let k = 1; k < order.length; k += 1) {
          const a = list[order[k - 1] as number] as number;
          const b = list[order[k] as number] as number;
          expect(a < b || (a === b && (order[k - 1] as number) < (order[k] as number))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('averageRanks gives tied values their mean rank (scipy rankdata: [1, 2.5, 2.5, 4] pattern)', () => {
    // 100 values: 0 once, then 1 twice, 2 three times, … — ranks by hand: a group of size t that starts after
    // s smaller values has rank s + (t + 1)/2.
    const list: number[] = [];
    for (let t = 1; list.length < 100; t += 1) for (let k = 0; k < t && list.length < 100; k += 1) list.push(t - 1);
    const shuffled = list.map((_, i) => list[(i * 61) % 100] as number);
    const ranks = averageRanks(Float64Array.from(shuffled));
    for (let i = 0; i < 100; i += 1) {
      const v = shuffled[i] as number;
      const smaller = list.filter((w) => w < v).length;
      const tied = list.filter((w) => w === v).length;
      expect(ranks[i]).toBe(smaller + (tied + 1) / 2);
    }
  });
});
