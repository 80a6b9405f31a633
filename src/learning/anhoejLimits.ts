import { requireLengthAtMost } from '../_lib/strict.js';
import { requireNumber } from '../_lib/validate.js';
import { MAX_RUN_CHART_POINTS } from './_runChartInput.js';

/**
 * The Anhøj limits for a run chart with a given number of useful points.
 *
 * @category Run charts
 */
export interface AnhoejLimits {
  /** Points not on the centre line. */
  readonly nUseful: number;
  /** The longest run allowed before it signals, `round(log2(nUseful)) + 3`; `null` when `nUseful` is 0. */
  readonly longestRunMax: number | null;
  /** The fewest crossings allowed before too few signal, `qbinom(0.05, nUseful − 1, 0.5)`; `null` when `nUseful` is 0. */
  readonly crossingsMin: number | null;
}

/**
 * The smallest c with P(Bin(m, ½) ≤ c) ≥ p, as R's `qbinom(p, m, 0.5)` returns it (p < ½ here).
 *
 * The binomial weights are taken relative to the central one, C(m, k)/C(m, ⌊m/2⌋), by the
 * recursion w(k − 1) = w(k)·k/(m − k + 1) from the centre outwards, so nothing overflows for large m;
 * weights below 1e-300 of the central one cannot move the 5% quantile and are dropped. The lower
 * tail is summed from its smallest term upwards. O(√m) terms in practice (O(m) at worst).
 */
function binomialHalfQuantile(p: number, m: number): number {
  if (m === 0) return 0;
  const centre = Math.floor(m / 2);
  const weights: number[] = [1]; // weights[i] = w(centre − i)
  let weight = 1;
  for (let k = centre; k > 0; k -= 1) {
    weight = (weight * k) / (m - k + 1);
    if (weight < 1e-300) break;
    weights.push(weight);
  }
  // Total weight: twice the lower half, plus the middle term once when m is even.
  let lowerHalf = 0;
  for (let i = weights.length - 1; i >= 0; i -= 1) {
    const k = centre - i;
    if (2 * k < m) lowerHalf += weights[i] as number; // k < m/2
  }
  const total = 2 * lowerHalf + (m % 2 === 0 ? 1 : 0);
  const target = p * total;
  let cumulative = 0;
  for (let i = weights.length - 1; i >= 0; i -= 1) {
    cumulative += weights[i] as number;
    if (cumulative >= target) return centre - i;
  }
  return centre; // not reached for p < ½: the lower half holds at least half the weight
}

/** The limits for `nUseful` (a whole number ≥ 0, already validated). @internal */
export function anhoejLimitsFor(nUseful: number): AnhoejLimits {
  if (nUseful === 0) return { nUseful: 0, longestRunMax: null, crossingsMin: null }; // −0 as 0
  return {
    nUseful,
    longestRunMax: Math.round(Math.log2(nUseful)) + 3,
    crossingsMin: binomialHalfQuantile(0.05, nUseful - 1),
  };
}

/**
 * The Anhøj run-chart limits for `nUseful` points off the centre line, exactly as R's qicharts2
 * (`runs.analysis`) computes them:
 *
 * $$\text{longestRunMax} = \operatorname{round}(\log_2 n) + 3 \quad\text{(Schilling 2012)},\qquad
 * \text{crossingsMin} = \min\{c : P(\mathrm{Bin}(n-1, \tfrac12) \le c) \ge 0.05\} \quad\text{(Chen 2010)}$$
 *
 * i.e. `qbinom(0.05, n - 1, 0.5)` in R. A run longer than `longestRunMax`, or fewer crossings than
 * `crossingsMin`, signals non-random variation (Anhøj & Olesen 2014). Checked against R for
 * n = 1…100 and up to 100,000 (test/fixtures/runchart.json). O(√n) time and memory, so `nUseful`
 * is capped at 10⁸ points (a run chart is read by eye; no real one comes near).
 *
 * @category Run charts
 * @throws ScalingNavigatorError `INVALID_INPUT` at `['nUseful']` when `nUseful` is not a whole
 *   number ≥ 0 (a boolean is not a number); `LIMIT_EXCEEDED` there when it is above 10⁸.
 * @example
 * ```ts
 * import { anhoejLimits } from 'scaling-navigator/learning';
 * anhoejLimits(24) //=> { nUseful: 24, longestRunMax: 8, crossingsMin: 8 }
 * anhoejLimits(100) //=> { nUseful: 100, longestRunMax: 10, crossingsMin: 41 }
 * anhoejLimits(0) //=> { nUseful: 0, longestRunMax: null, crossingsMin: null }
 * anhoejLimits(2.5) //=> throws INVALID_INPUT at ['nUseful']
 * anhoejLimits(1e12) //=> throws LIMIT_EXCEEDED at ['nUseful']
 * ```
 */
export function anhoejLimits(nUseful: number): AnhoejLimits {
  const n = requireNumber(nUseful, ['nUseful'], { min: 0, integer: true });
  requireLengthAtMost(n, ['nUseful'], MAX_RUN_CHART_POINTS, 'useful points');
  return anhoejLimitsFor(n);
}
