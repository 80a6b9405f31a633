import { requireNumber, requireOneOf } from '../_lib/validate.js';
import { plusZero, readList } from './_finite.js';

/**
 * The multiplicity adjustments of {@link adjustPValues}.
 *
 * @category Multiplicity
 * @example
 * ```ts
 * import { P_ADJUST_METHODS } from 'scaling-navigator/stats';
 * P_ADJUST_METHODS //=> ['holm', 'bh', 'bonferroni']
 * ```
 */
export const P_ADJUST_METHODS = /* @__PURE__ */ Object.freeze(['holm', 'bh', 'bonferroni'] as const);

/** A multiplicity adjustment. @category Multiplicity */
export type PAdjustMethod = (typeof P_ADJUST_METHODS)[number];

/**
 * Adjusts p-values for multiple comparisons, exactly as R's `p.adjust`; results in input order.
 *
 * With m p-values (missing ones, `null`, are kept as `null` and not counted in m):
 * - `'bonferroni'`: min(1, m·pᵢ) — controls the family-wise error rate.
 * - `'holm'` (Holm 1979): sorted ascending, p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎)
 *   — controls the family-wise error rate, uniformly more powerful than Bonferroni.
 * - `'bh'` (Benjamini & Hochberg 1995): sorted descending,
 *   p̃₍ᵢ₎ = min(1, min_{j ≥ i} (m/j)·p₍ⱼ₎) — controls the false discovery rate.
 *
 * O(m log m); the input is not mutated.
 *
 * @category Multiplicity
 * @throws ScalingNavigatorError `INVALID_INPUT` for a p-value outside [0, 1], NaN or ±Infinity, a
 *   hole in the array (write `null` for a missing p-value), or an unknown method. `LIMIT_EXCEEDED`
 *   for more than 2³¹ − 1 p-values. A p-value of −0 is read as 0.
 * @example
 * ```ts
 * import { adjustPValues } from 'scaling-navigator/stats';
 * adjustPValues([0.01, 0.04, 0.03], 'holm') //=> [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'bh') //=> [0.03, 0.04, 0.04]
 * adjustPValues([0.01, null, 0.3], 'bonferroni') //=> [0.02, null, 0.6]
 * adjustPValues([0.01, , 0.3], 'holm') //=> throws INVALID_INPUT at ['pValues', 1]
 * ```
 */
export function adjustPValues<P extends number | null>(pValues: readonly P[], method: PAdjustMethod): P[] {
  const list = readList(pValues, ['pValues']);
  const kind = requireOneOf(method, P_ADJUST_METHODS, ['method'], 'p-value adjustment');
  const present: { readonly index: number; readonly p: number }[] = [];
  list.forEach((value, index) => {
    if (value === null || value === undefined) return;
    present.push({ index, p: plusZero(requireNumber(value, ['pValues', index], { min: 0, max: 1 })) });
  });
  const m = present.length;
  const adjusted = list.map(() => null) as (number | null)[];
  if (kind === 'bonferroni') {
    for (const { index, p } of present) adjusted[index] = Math.min(1, m * p);
    return adjusted as P[];
  }
  // Stable sorts, as R's order(): ties keep input order (the adjusted values of ties are equal anyway).
  if (kind === 'holm') {
    const ascending = [...present].sort((a, b) => a.p - b.p);
    let running = 0;
    ascending.forEach(({ index, p }, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p));
      adjusted[index] = running;
    });
    return adjusted as P[];
  }
  const descending = [...present].sort((a, b) => b.p - a.p);
  let running = 1;
  descending.forEach(({ index, p }, position) => {
    running = Math.min(running, (m / (m - position)) * p);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted as P[];
}
