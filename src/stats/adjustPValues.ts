import { limitExceeded } from '../_lib/errors.js';
import { requireNumber, requireOneOf } from '../_lib/validate.js';
import { plusZero, readList } from './_finite.js';

/**
 * The multiplicity adjustments of {@link adjustPValues}: R `p.adjust`'s `holm`, `BH` (here `'bh'`),
 * `bonferroni`, `hochberg`, `hommel` and `BY` (here `'by'`), and statsmodels `multipletests`'
 * `sidak` and `holm-sidak`.
 *
 * @category Multiplicity
 * @example
 * ```ts
 * import { P_ADJUST_METHODS } from 'scaling-navigator/stats';
 * P_ADJUST_METHODS //=> ['holm', 'bh', 'bonferroni', 'hochberg', 'hommel', 'by', 'sidak', 'holm-sidak']
 * ```
 */
export const P_ADJUST_METHODS = /* @__PURE__ */ Object.freeze([
  'holm',
  'bh',
  'bonferroni',
  'hochberg',
  'hommel',
  'by',
  'sidak',
  'holm-sidak',
] as const);

/** A multiplicity adjustment. @category Multiplicity */
export type PAdjustMethod = (typeof P_ADJUST_METHODS)[number];

/**
 * The most p-values `'hommel'` adjusts: its algorithm (as R's) takes O(m²) steps, ≈ 0.4 s at this
 * size on an unloaded core here; above it the call is `LIMIT_EXCEEDED` rather than minutes of work.
 *
 * @category Multiplicity
 * @example
 * ```ts
 * import { MAX_HOMMEL_P_VALUES } from 'scaling-navigator/stats';
 * MAX_HOMMEL_P_VALUES //=> 10000
 * ```
 */
export const MAX_HOMMEL_P_VALUES = 10_000;

interface Present {
  readonly index: number;
  readonly p: number;
}

/**
 * Adjusts p-values for multiple comparisons, exactly as R's `p.adjust` (and, for the Šidák
 * methods, statsmodels' `multipletests`); results in input order.
 *
 * With m p-values (missing ones, `null`, are kept as `null` and not counted in m), p₍ᵢ₎ the i-th
 * smallest:
 * - `'bonferroni'`: min(1, m·pᵢ) — controls the family-wise error rate (FWER).
 * - `'holm'` (Holm 1979): p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎) — FWER, uniformly more
 *   powerful than Bonferroni.
 * - `'hochberg'` (Hochberg 1988): p̃₍ᵢ₎ = min(1, min_{j ≥ i} (m − j + 1)·p₍ⱼ₎) — the step-up
 *   version of Holm's; FWER for independent or positively dependent tests.
 * - `'hommel'` (Hommel 1988): R's algorithm, step by step — FWER under the same conditions as
 *   Hochberg's and at least as powerful. O(m²); at most {@link MAX_HOMMEL_P_VALUES} p-values. As R,
 *   two p-values are adjusted as Hochberg's (the two methods agree there).
 * - `'bh'` (Benjamini & Hochberg 1995): p̃₍ᵢ₎ = min(1, min_{j ≥ i} (m/j)·p₍ⱼ₎) — controls the false
 *   discovery rate (FDR) for independent or positively dependent tests.
 * - `'by'` (Benjamini & Yekutieli 2001): BH multiplied by Σ_{k=1}^{m} 1/k — FDR under any
 *   dependence.
 * - `'sidak'`: 1 − (1 − pᵢ)^m (statsmodels `sidak`) — FWER for independent tests, slightly less
 *   conservative than Bonferroni. Computed as −expm1(m·log1p(−p)), exact for tiny p.
 * - `'holm-sidak'`: Holm's step-down with Šidák's factor,
 *   p̃₍ᵢ₎ = max_{j ≤ i} 1 − (1 − p₍ⱼ₎)^(m − j + 1) (statsmodels `holm-sidak`).
 *
 * Every adjusted p-value lies in [pᵢ, 1], and the adjusted values are in the order of the raw ones.
 * O(m log m) (Hommel O(m²)); the input is not mutated.
 *
 * @category Multiplicity
 * @throws ScalingNavigatorError `INVALID_INPUT` for a p-value outside [0, 1], NaN or ±Infinity, a
 *   hole in the array (write `null` for a missing p-value), or an unknown method. `LIMIT_EXCEEDED`
 *   for more than 2³¹ − 1 p-values, or more than {@link MAX_HOMMEL_P_VALUES} for `'hommel'`. A
 *   p-value of −0 is read as 0.
 * @example
 * ```ts
 * import { adjustPValues } from 'scaling-navigator/stats';
 * adjustPValues([0.01, 0.04, 0.03], 'holm') //=> [0.03, 0.06, 0.06]
 * adjustPValues([0.01, 0.04, 0.03], 'bh') //=> [0.03, 0.04, 0.04]
 * adjustPValues([0.01, null, 0.3], 'bonferroni') //=> [0.02, null, 0.6]
 * adjustPValues([0.01, 0.04, 0.03], 'hochberg') //=> [0.03, 0.04, 0.04]
 * adjustPValues([0.01, 0.015, 0.04, 0.03], 'hommel') //=> [0.03, 0.04, 0.04, 0.04]
 * adjustPValues([0.01, 0.015, 0.04, 0.03], 'hochberg') //=> [0.04, 0.04, 0.04, 0.04]
 * adjustPValues([0.01, 0.04, 0.03], 'by')[1] //≈ 0.07333333333333333
 * adjustPValues([0.01, 0.04], 'sidak')[1] //≈ 0.0784
 * adjustPValues([0.01, , 0.3], 'holm') //=> throws INVALID_INPUT at ['pValues', 1]
 * ```
 */
export function adjustPValues<P extends number | null>(pValues: readonly P[], method: PAdjustMethod): P[] {
  const list = readList(pValues, ['pValues']);
  const kind = requireOneOf(method, P_ADJUST_METHODS, ['method'], 'p-value adjustment');
  const present: Present[] = [];
  list.forEach((value, index) => {
    if (value === null || value === undefined) return;
    present.push({ index, p: plusZero(requireNumber(value, ['pValues', index], { min: 0, max: 1 })) });
  });
  const m = present.length;
  if (kind === 'hommel' && m > MAX_HOMMEL_P_VALUES) {
    limitExceeded(
      ['pValues'],
      `'hommel' adjusts at most ${MAX_HOMMEL_P_VALUES} p-values (its algorithm is quadratic); got ${m}`,
    );
  }
  const adjusted = list.map(() => null) as (number | null)[];
  // R returns a single p-value unchanged whatever the method; every formula below agrees there.
  if (kind === 'bonferroni' || kind === 'sidak') {
    for (const { index, p } of present) adjusted[index] = kind === 'bonferroni' ? Math.min(1, m * p) : sidak(p, m);
    return adjusted as P[];
  }
  // Stable sorts, as R's order(): ties keep input order (the adjusted values of ties are equal anyway).
  if (kind === 'holm' || kind === 'holm-sidak') {
    const ascending = [...present].sort((a, b) => a.p - b.p);
    let running = 0;
    ascending.forEach(({ index, p }, rank) => {
      const step = kind === 'holm' ? Math.min(1, (m - rank) * p) : sidak(p, m - rank);
      running = Math.max(running, step);
      adjusted[index] = running;
    });
    return adjusted as P[];
  }
  if (kind === 'hommel' && m > 2) {
    const ascending = [...present].sort((a, b) => a.p - b.p);
    const values = hommel(Float64Array.from(ascending, (entry) => entry.p));
    ascending.forEach(({ index }, rank) => {
      adjusted[index] = values[rank] as number;
    });
    return adjusted as P[];
  }
  // Step-up methods (BH, BY, Hochberg; Hommel for m ≤ 2): from the largest p down, a running minimum.
  const harmonic = kind === 'by' ? harmonicNumber(m) : 1;
  const descending = [...present].sort((a, b) => b.p - a.p);
  let running = 1;
  descending.forEach(({ index, p }, position) => {
    const i = m - position;
    const step = kind === 'bh' ? (m / i) * p : kind === 'by' ? ((harmonic * m) / i) * p : (m + 1 - i) * p;
    running = Math.min(running, step);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted as P[];
}

/**
 * 1 − (1 − p)^k, without cancellation for small p (statsmodels' −expm1(k·log1p(−p))); at least p,
 * as it is exactly for k ≥ 1 (the rounded formula can land one ulp below p at k = 1).
 */
function sidak(p: number, k: number): number {
  return plusZero(Math.min(1, Math.max(p, -Math.expm1(k * Math.log1p(-p)))));
}

/** Σ_{k=1}^{m} 1/k, summed in R's order. */
function harmonicNumber(m: number): number {
  let sum = 0;
  for (let k = 1; k <= m; k += 1) sum += 1 / k;
  return sum;
}

/**
 * Hommel's adjusted p-values for p sorted ascending (n ≥ 3), R's `p.adjust(method = "hommel")`
 * step by step (R's indices are 1-based; here 0-based). R's vector q is rewritten whole at every
 * step and only its running maximum pa is kept, so q is folded into pa here.
 */
function hommel(p: Float64Array): Float64Array {
  const n = p.length;
  let start = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i += 1) start = Math.min(start, (n * (p[i] as number)) / (i + 1));
  const pa = new Float64Array(n).fill(start);
  for (let j = n - 1; j >= 2; j -= 1) {
    const split = n - j;
    // R's i2 = (n − j + 2):n, here split + 1 … n − 1, divided by 2 … j: q1 = min(j·p[i2]/(2:j)).
    let q1 = Number.POSITIVE_INFINITY;
    for (let k = split + 1, d = 2; k < n; k += 1, d += 1) {
      const value = (j * (p[k] as number)) / d;
      if (value < q1) q1 = value;
    }
    // R's ij = 1:(n − j + 1), here 0 … split: q[ij] = pmin(j·p[ij], q1); then q[i2] = q[split].
    let last = 0;
    for (let k = 0; k <= split; k += 1) {
      const scaled = j * (p[k] as number);
      last = Math.min(scaled, q1);
      if (last > (pa[k] as number)) pa[k] = last;
    }
    for (let k = split + 1; k < n; k += 1) if (last > (pa[k] as number)) pa[k] = last;
  }
  for (let k = 0; k < n; k += 1) if ((p[k] as number) > (pa[k] as number)) pa[k] = p[k] as number;
  return pa;
}
