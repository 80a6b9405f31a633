/**
 * icc2, and r_wg / r_wg(J) with a caller's null variance and per-item variances, against R
 * multilevel 2.7 (test/fixtures/gen/gen_agreement_options.py). Tolerance: 1e-9 relative + 1e-12
 * absolute (R's ICC2 comes from aov's QR fit, off from direct sums in the last digits).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icc1, icc2, rwg, rwgJ } from '../../src/stats/index.js';
import { expectClose } from '../_support/close.js';
import { expectError } from '../_support/expectError.js';

const data = JSON.parse(readFileSync(new URL('../fixtures/agreement_options.json', import.meta.url), 'utf8')) as {
  icc2: { name: string; groups: number[][]; expected: { estimate: number | null } }[];
  rwg: {
    name: string;
    ratings: (number | null)[];
    scalePoints: number;
    nullVariance: number;
    expected: { estimate: number };
  }[];
  rwgJ: {
    name: string;
    ratingsByRater: (number | null)[][];
    scalePoints: number;
    nullVariance: number;
    expected: { listwise: number | null; perItem: number | null };
  }[];
};

describe('agreement options against R multilevel 2.7', () => {
  it.each(data.icc2.map((c) => [c.name, c] as const))('icc2: %s', (_name, c) => {
    const result = icc2(c.groups);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    if (c.expected.estimate === null) expect(result.notes[0]?.code).toBe('NO_VARIANCE');
  });
  it.each(data.rwg.map((c) => [c.name, c] as const))('rwg: %s', (_name, c) => {
    const result = rwg(c.ratings, c.scalePoints, { nullVariance: c.nullVariance });
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expect(result.nullVariance).toBe(c.nullVariance);
  });
  it.each(data.rwgJ.map((c) => [c.name, c] as const))('rwgJ: %s', (_name, c) => {
    const options = { nullVariance: c.nullVariance };
    expectClose(rwgJ(c.ratingsByRater, c.scalePoints, options).estimate, c.expected.listwise, 'listwise');
    expectClose(
      rwgJ(c.ratingsByRater, c.scalePoints, { ...options, missing: 'per-item' }).estimate,
      c.expected.perItem,
      'per item',
    );
  });
});

describe('agreement options: properties and bad input', () => {
  const groups = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }), {
    minLength: 2,
    maxLength: 6,
  });
  it('ICC(2) is the Spearman–Brown step-up of ICC(1) to the mean group size, and shares its table', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const one = icc1(g);
        const two = icc2(g);
        expect({ ...two, estimate: null, notes: [] }).toEqual({ ...one, estimate: null, notes: [] });
        if (one.estimate === null || two.estimate === null || one.meanGroupSize === null) return;
        const k = one.meanGroupSize;
        const stepped = (k * one.estimate) / (1 + (k - 1) * one.estimate);
        expect(Math.abs(two.estimate - stepped)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(stepped)));
      }),
    );
  });
  it('per-item r_wg(J) equals listwise on complete data', () => {
    const complete = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), {
      minLength: 2,
      maxLength: 8,
    });
    fc.assert(
      fc.property(complete, (rows) => {
        expect(rwgJ(rows, 5, { missing: 'per-item' })).toEqual(rwgJ(rows, 5));
      }),
    );
  });
  it('the default null variance is the uniform one; a bad null variance or rule is refused', () => {
    expect(rwg([4, 4, 5], 5, { nullVariance: 2 })).toEqual(rwg([4, 4, 5], 5));
    expectError(() => rwg([4, 4, 5], 5, { nullVariance: 0 }), 'INVALID_INPUT', ['options', 'nullVariance']);
    expectError(() => rwgJ([[4], [5]], 5, { nullVariance: Number.NaN }), 'INVALID_INPUT', ['options', 'nullVariance']);
    expectError(() => rwgJ([[4], [5]], 5, { missing: 'pairwise' as never }), 'INVALID_INPUT', ['options', 'missing']);
    expectError(
      () =>
        rwgJ(
          [
            [4, 9],
            [5, null],
          ],
          5,
          { missing: 'per-item' },
        ),
      'INVALID_INPUT',
      ['ratingsByRater', 0, 1],
    );
    const few = rwgJ(
      [
        [4, null],
        [5, 4],
      ],
      5,
      { missing: 'per-item' },
    );
    expect([few.estimate, few.notes[0]?.code, few.n, few.nDropped]).toEqual([null, 'TOO_FEW_RATERS', 2, 0]);
    expect(
      rwgJ(
        [
          [null, null],
          [5, 4],
          [4, 4],
        ],
        5,
        { missing: 'per-item' },
      ).nDropped,
    ).toBe(1);
  });
});
