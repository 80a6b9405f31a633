/**
 * adjustPValues, every method: each adjusted p lies in [raw p, 1], the adjusted values are in the
 * order of the raw ones (ties equal), and the methods keep the order their theory promises
 * (Hommel ≤ Hochberg ≤ Holm ≤ Bonferroni, Holm–Šidák ≤ Holm, Šidák ≤ Bonferroni, BH ≤ BY). The
 * between-method comparisons allow 1e-12 relative for rounding; the others are exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPValues, MAX_HOMMEL_P_VALUES, P_ADJUST_METHODS, type PAdjustMethod } from '../../src/stats/index.js';
import { expectError } from '../_support/expectError.js';

const pValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1, 0.05, 0.01, 1e-300),
  fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
);
const pList = fc.array(fc.option(pValue, { nil: null, freq: 8 }), { minLength: 0, maxLength: 40 });

const atMost = (a: number, b: number) => a <= b * (1 + 1e-12) + 1e-300;

describe('adjustPValues: invariants of every method', () => {
  it('adjusted p in [raw p, 1], null where raw is null, monotone in the raw p', () => {
    fc.assert(
      fc.property(pList, fc.constantFrom(...P_ADJUST_METHODS), (raw, method) => {
        const adjusted = adjustPValues(raw, method);
        expect(adjusted).toHaveLength(raw.length);
        raw.forEach((p, i) => {
          const a = adjusted[i] ?? null;
          if (p === null) {
            expect(a).toBeNull();
            return;
          }
          expect(a !== null && a >= p && a <= 1, `${method}: ${p} → ${a}`).toBe(true);
          raw.forEach((q, j) => {
            if (q === null) return;
            const b = adjusted[j] as number;
            if (p < q) expect((a as number) <= b, `${method}: ${p} → ${a}, ${q} → ${b}`).toBe(true);
            if (p === q) expect(a).toBe(b);
          });
        });
      }),
    );
  });

  it('the methods keep their theoretical order', () => {
    const pairs: readonly (readonly [PAdjustMethod, PAdjustMethod])[] = [
      ['hommel', 'hochberg'],
      ['hochberg', 'holm'],
      ['holm', 'bonferroni'],
      ['holm-sidak', 'holm'],
      ['holm-sidak', 'sidak'],
      ['sidak', 'bonferroni'],
      ['bh', 'by'],
      ['bh', 'hochberg'],
    ];
    fc.assert(
      fc.property(pList, (raw) => {
        const by = new Map(P_ADJUST_METHODS.map((method) => [method, adjustPValues(raw, method)] as const));
        for (const [lower, upper] of pairs) {
          raw.forEach((p, i) => {
            if (p === null) return;
            const a = by.get(lower)?.[i] as number;
            const b = by.get(upper)?.[i] as number;
            expect(atMost(a, b), `${lower} ${a} ≤ ${upper} ${b} at p = ${p}`).toBe(true);
          });
        }
      }),
    );
  });

  it('one p-value is returned unchanged by every method, as R does', () => {
    for (const method of P_ADJUST_METHODS) expect(adjustPValues([0.03], method)).toEqual([0.03]);
  });

  it("'hommel' refuses more p-values than its quadratic algorithm should take", () => {
    const many = Array.from({ length: MAX_HOMMEL_P_VALUES + 1 }, (_, i) => (i + 1) / (MAX_HOMMEL_P_VALUES + 2));
    expectError(() => adjustPValues(many, 'hommel'), 'LIMIT_EXCEEDED', ['pValues']);
    expect(adjustPValues(many.slice(1), 'hommel')).toHaveLength(MAX_HOMMEL_P_VALUES);
  });
});
