/**
 * Survival estimators over day counts on a fixed grid of days 1 … H (day 1 is the period's first):
 * Kaplan–Meier with delayed entry (counting-process risk sets), Greenwood's variance, the
 * Aalen–Johansen cumulative incidence with exit as a competing event, R `quantile.survfit`'s
 * quantiles, the restricted mean of R `print(survfit, rmean = τ)` and the log-rank test with left
 * truncation. Everything is O(H) per population; counts are whole numbers in float64 (exact).
 *
 * @internal
 * @module
 */

/** Counts per day index 0 … H of one population (index 0 is used by `entries` only). */
export interface DayCounts {
  /** People whose risk set starts after day `s` (at risk from day s + 1). */
  readonly entries: Float64Array;
  /** Reached on day `t` (the event). */
  readonly events: Float64Array;
  /** Left the roster unreached on day `t` (the competing event). */
  readonly exits: Float64Array;
  /** Still enrolled and unreached at the end of the analysis (only at day H). */
  readonly censored: Float64Array;
}

/** Estimates at each day index 0 … H. */
export interface SurvivalCurve {
  readonly horizon: number;
  /** People at risk on day t (index 0 unused). */
  readonly atRisk: Float64Array;
  /** Kaplan–Meier S(t): the share not yet reached, exit treated as censoring. */
  readonly surv: Float64Array;
  /** Greenwood's Σ d / (n (n − d)) up to t (Infinity once S = 0). */
  readonly greenwood: Float64Array;
  /** Aalen–Johansen cumulative incidence of reach, exit competing. */
  readonly incidence: Float64Array;
  /** Aalen–Johansen cumulative incidence of exit. */
  readonly exitIncidence: Float64Array;
  /** The last day with any event, exit or censoring (R's last time of the curve), 0 when none. */
  readonly lastTime: number;
}

/** Estimates the curves of one population. */
export function survivalCurve(counts: DayCounts, horizon: number): SurvivalCurve {
  const atRisk = new Float64Array(horizon + 1);
  const surv = new Float64Array(horizon + 1);
  const greenwood = new Float64Array(horizon + 1);
  const incidence = new Float64Array(horizon + 1);
  const exitIncidence = new Float64Array(horizon + 1);
  let n = 0;
  let s = 1;
  let any = 1;
  let gw = 0;
  let cif = 0;
  let cifExit = 0;
  let lastTime = 0;
  surv[0] = 1;
  for (let t = 1; t <= horizon; t += 1) {
    const before = t - 1;
    n +=
      (counts.entries[before] as number) -
      (before === 0
        ? 0
        : (counts.events[before] as number) + (counts.exits[before] as number) + (counts.censored[before] as number));
    atRisk[t] = n;
    const d = counts.events[t] as number;
    const x = counts.exits[t] as number;
    if (d + x + (counts.censored[t] as number) > 0) lastTime = t;
    if (d > 0) {
      cif += (any * d) / n;
      gw = n > d ? gw + d / (n * (n - d)) : Number.POSITIVE_INFINITY;
      s = n > d ? s * (1 - d / n) : 0;
    }
    if (x > 0) cifExit += (any * x) / n;
    if (d + x > 0) any = n > d + x ? any * (1 - (d + x) / n) : 0;
    surv[t] = s;
    greenwood[t] = gw;
    incidence[t] = cif;
    exitIncidence[t] = cifExit;
  }
  return { horizon, atRisk, surv, greenwood, incidence, exitIncidence, lastTime };
}

/** R's default `conf.type = "log"` interval of S(t): S·exp(∓z·√Greenwood), capped at 1; null once S = 0. */
export function survivalBounds(curve: SurvivalCurve, t: number, z: number): readonly [number, number] | null {
  const s = curve.surv[t] as number;
  const gw = curve.greenwood[t] as number;
  if (!(s > 0) || !Number.isFinite(gw)) return null;
  const half = z * Math.sqrt(gw);
  return [s * Math.exp(-half), Math.min(1, s * Math.exp(half))];
}

/** R `survival`'s tolerance in `quantile.survfit`. */
const TOLERANCE = Math.sqrt(2 ** -52);

/**
 * R `quantile.survfit`'s `findq` on the curve's CDF F = 1 − S at the days where it changes, from
 * (0, 0): the first day F reaches p; when F equals p (within R's tolerance) on a flat stretch, the
 * midpoint of that stretch (to the curve's last time when it stays flat). `null` when F never
 * reaches p. `cdf(t)` may be `NaN` (an undefined bound), which never reaches p.
 */
export function survivalQuantile(
  p: number,
  horizon: number,
  lastTime: number,
  cdf: (t: number) => number,
): number | null {
  // The distinct values of F and the first day each is taken (R drops duplicated y values).
  let previous = 0;
  let first: number | null = null; // the first day with F ≥ p − tol
  let firstValue = 0;
  for (let t = 1; t <= horizon; t += 1) {
    const value = cdf(t);
    if (Number.isNaN(value) || value === previous) continue;
    previous = value;
    if (first === null) {
      if (value + TOLERANCE >= p) {
        first = t;
        firstValue = value;
        if (!(Math.abs(value - p) < TOLERANCE) && value - TOLERANCE >= p) return t;
      }
    } else {
      // F equalled p at `first`: the midpoint to the next change.
      return (first + t) / 2;
    }
  }
  if (first === null) return null;
  // F equals p from `first` to the end of the curve: midpoint with the curve's last time.
  return Math.abs(firstValue - p) < TOLERANCE ? (first + lastTime) / 2 : first;
}

/** The first day on which F = 1 − S reaches p (within R's tolerance), or null. */
export function firstDayReaching(p: number, horizon: number, cdf: (t: number) => number): number | null {
  for (let t = 1; t <= horizon; t += 1) {
    const value = cdf(t);
    if (!Number.isNaN(value) && value + TOLERANCE >= p) return t;
  }
  return null;
}

/** Restricted mean of S over [0, τ] and its standard error, as R `print(survfit, rmean = τ)`. */
export function restrictedMean(
  curve: SurvivalCurve,
  counts: DayCounts,
  tau: number,
): { readonly mean: number; readonly se: number } {
  // The area after each day, from τ back: A(t) = Σ_{u=t}^{τ−1} S(u).
  // S is S(t) on [t, t + 1): A(t) = ∫_t^τ S = Σ_{u=t}^{τ−1} S(u).
  const last = curve.surv[tau] as number;
  let area = 0;
  let variance = 0;
  for (let t = tau; t >= 1; t -= 1) {
    area += curve.surv[t] as number;
    const after = area - last;
    const d = counts.events[t] as number;
    const n = curve.atRisk[t] as number;
    if (d > 0 && n > d && t < tau) variance += (after * after * d) / (n * (n - d));
  }
  const mean = area - last + 1;
  return { mean, se: Math.sqrt(variance) };
}

/** The log-rank statistic of one population against another (disjoint), with risk sets under delayed entry. */
export interface LogRank {
  readonly observed: number;
  readonly expected: number;
  readonly variance: number;
}

/**
 * The log-rank test of `a` against `b`: O − E for `a` summed over days with events, with the
 * hypergeometric variance Σ d·(n_a/n)(n_b/n)(n − d)/(n − 1) (R `survdiff`); with delayed entry the
 * risk sets are the counting-process ones.
 */
export function logRank(a: SurvivalCurve, countsA: DayCounts, b: SurvivalCurve, countsB: DayCounts): LogRank {
  let observed = 0;
  let expected = 0;
  let variance = 0;
  for (let t = 1; t <= a.horizon; t += 1) {
    const da = countsA.events[t] as number;
    const d = da + (countsB.events[t] as number);
    if (d === 0) continue;
    const na = a.atRisk[t] as number;
    const n = na + (b.atRisk[t] as number);
    observed += da;
    expected += (d * na) / n;
    if (n > 1) variance += (d * (na / n) * (1 - na / n) * (n - d)) / (n - 1);
  }
  return { observed, expected, variance };
}
