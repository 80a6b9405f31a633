/**
 * The random-intercept linear mixed model y = Xβ + u_cluster + e, u ~ N(0, τ²), e ~ N(0, σ²),
 * fitted by REML as R's `lme4::lmer` does (Bates, Mächler, Bolker & Walker 2015): the deviance is
 * profiled over β and σ², leaving one parameter θ = τ/σ, which is optimized exactly (a grid, then
 * Brent's root finder on the analytic derivative of the profiled deviance).
 *
 * Every quantity is a sum over clusters of the cluster size, the cluster means of y and of the
 * columns of X, plus the pooled within-cluster cross-products (one pass over the data), because
 * the covariance of a cluster, σ²I + τ²J, has eigenvalue σ² on within-cluster contrasts and
 * σ² + nⱼτ² on the cluster mean. Each evaluation is O(J·p²) for J clusters and p fixed effects.
 *
 * @internal
 * @module
 */
import { cholesky, choleskyInverse, choleskySolve, logDeterminant } from './smallMatrix.js';

/** The data of one fit: the outcome, the predictors (without the intercept) and cluster indices. */
export interface LmmDesign {
  readonly y: Float64Array;
  /** Predictor columns, each of y's length; an intercept is added in front. */
  readonly columns: readonly Float64Array[];
  /** The cluster of each row, 0 … clusterCount − 1 (every index used). */
  readonly cluster: Int32Array;
  readonly clusterCount: number;
}

/** The sufficient statistics of a design. */
export interface LmmStatistics {
  readonly n: number;
  /** Fixed effects, the intercept first. */
  readonly p: number;
  readonly clusterCount: number;
  readonly sizes: Float64Array;
  /** Cluster means of the (overall-centred) columns, the intercept's 1 first: J × p, row-major. */
  readonly means: Float64Array;
  /** Cluster means of the (overall-centred) outcome. */
  readonly meanY: Float64Array;
  /** Pooled within-cluster cross-products of the columns (p × p), of columns and y, and of y. */
  readonly within: Float64Array;
  readonly withinXy: Float64Array;
  readonly withinYy: number;
}

/** One pass (two, for the centring) over the data. O(n·p²). */
export function lmmStatistics(design: LmmDesign): LmmStatistics {
  const { y, columns, cluster, clusterCount: J } = design;
  const n = y.length;
  const p = columns.length + 1;
  const sizes = new Float64Array(J);
  for (let i = 0; i < n; i += 1) sizes[cluster[i] as number] = (sizes[cluster[i] as number] as number) + 1;
  const centre = (values: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += values[i] as number;
    const mean = sum / n;
    return Float64Array.from(values, (value) => value - mean);
  };
  const yc = centre(y);
  const xc = columns.map(centre);
  const means = new Float64Array(J * p);
  const meanY = new Float64Array(J);
  for (let i = 0; i < n; i += 1) {
    const j = cluster[i] as number;
    meanY[j] = (meanY[j] as number) + (yc[i] as number);
    for (let k = 1; k < p; k += 1)
      means[j * p + k] = (means[j * p + k] as number) + ((xc[k - 1] as Float64Array)[i] as number);
  }
  for (let j = 0; j < J; j += 1) {
    const size = sizes[j] as number;
    meanY[j] = (meanY[j] as number) / size;
    means[j * p] = 1;
    for (let k = 1; k < p; k += 1) means[j * p + k] = (means[j * p + k] as number) / size;
  }
  const within = new Float64Array(p * p);
  const withinXy = new Float64Array(p);
  let withinYy = 0;
  const deviation = new Float64Array(p);
  for (let i = 0; i < n; i += 1) {
    const j = cluster[i] as number;
    for (let k = 1; k < p; k += 1)
      deviation[k] = ((xc[k - 1] as Float64Array)[i] as number) - (means[j * p + k] as number);
    const dy = (yc[i] as number) - (meanY[j] as number);
    withinYy += dy * dy;
    for (let a = 1; a < p; a += 1) {
      const da = deviation[a] as number;
      withinXy[a] = (withinXy[a] as number) + da * dy;
      for (let b = 1; b <= a; b += 1) within[a * p + b] = (within[a * p + b] as number) + da * (deviation[b] as number);
    }
  }
  for (let a = 1; a < p; a += 1) for (let b = 1; b < a; b += 1) within[b * p + a] = within[a * p + b] as number;
  return { n, p, clusterCount: J, sizes, means, meanY, within, withinXy, withinYy };
}

/** The profiled REML deviance at φ = θ², with what it is made of. */
export interface ProfiledFit {
  readonly phi: number;
  readonly deviance: number;
  /** Its derivative in φ. */
  readonly slope: number;
  /** X'(I + φZZ')⁻¹X, its Cholesky factor, β̂, and the penalized residual sum of squares. */
  readonly a: Float64Array;
  readonly factor: Float64Array;
  readonly beta: Float64Array;
  readonly rss: number;
}

/** X'(I + φZZ')⁻¹X, X'(I + φZZ')⁻¹y and log|I + φZZ'| at φ, from the statistics. O(J·p²). */
function normalEquations(s: LmmStatistics, phi: number): { a: Float64Array; c: Float64Array; logDetL: number } {
  const { p, clusterCount: J, sizes, means, meanY } = s;
  const a = Float64Array.from(s.within);
  const c = Float64Array.from(s.withinXy);
  let logDetL = 0;
  for (let j = 0; j < J; j += 1) {
    const size = sizes[j] as number;
    const weight = size / (1 + size * phi);
    logDetL += Math.log1p(size * phi);
    const my = meanY[j] as number;
    for (let r = 0; r < p; r += 1) {
      const mr = weight * (means[j * p + r] as number);
      c[r] = (c[r] as number) + mr * my;
      for (let k = 0; k <= r; k += 1) a[r * p + k] = (a[r * p + k] as number) + mr * (means[j * p + k] as number);
    }
  }
  for (let r = 0; r < p; r += 1) for (let k = 0; k < r; k += 1) a[k * p + r] = a[r * p + k] as number;
  return { a, c, logDetL };
}

/**
 * The profiled REML deviance of lme4 at φ = θ²:
 * log|L_θ|² + log|R_X|² + (n − p)(1 + log(2π·r²/(n − p))), and its derivative in φ; `null` when
 * X'(I + φZZ')⁻¹X is not positive definite or the residual sum of squares is 0.
 */
export function profiledDeviance(s: LmmStatistics, phi: number): ProfiledFit | null {
  const { p, clusterCount: J, sizes, means, meanY } = s;
  const { a, c, logDetL } = normalEquations(s, phi);
  const factor = cholesky(a, p);
  if (factor === null) return null;
  const beta = choleskySolve(factor, p, c);
  // e'Me from its parts (within and cluster means), not yMy − c'β, to keep its digits.
  let withinEe = s.withinYy;
  for (let r = 1; r < p; r += 1) {
    withinEe -= 2 * (beta[r] as number) * (s.withinXy[r] as number);
    for (let k = 1; k < p; k += 1)
      withinEe += (beta[r] as number) * (s.within[r * p + k] as number) * (beta[k] as number);
  }
  let rss = Math.max(0, withinEe);
  let traceTerm = 0;
  let residualTerm = 0;
  let sizeTerm = 0;
  const inverse = choleskyInverse(factor, p);
  for (let j = 0; j < J; j += 1) {
    const size = sizes[j] as number;
    const weight = size / (1 + size * phi);
    const offset = j * p;
    let fitted = 0;
    let quadratic = 0;
    for (let r = 0; r < p; r += 1) {
      const mr = means[offset + r] as number;
      fitted += mr * (beta[r] as number);
      let row = 0;
      for (let k = 0; k < p; k += 1) row += (inverse[r * p + k] as number) * (means[offset + k] as number);
      quadratic += mr * row;
    }
    const residual = (meanY[j] as number) - fitted;
    rss += weight * residual * residual;
    sizeTerm += weight;
    traceTerm += weight * weight * quadratic;
    residualTerm += weight * weight * residual * residual;
  }
  const dfResidual = s.n - p;
  if (!(rss > 0) || dfResidual <= 0) return null;
  const deviance = logDetL + logDeterminant(factor, p) + dfResidual * (1 + Math.log((2 * Math.PI * rss) / dfResidual));
  const slope = sizeTerm - traceTerm - (dfResidual * residualTerm) / rss;
  return { phi, deviance, slope, a, factor, beta, rss };
}

/** Brent's root finder (zeroin) for a decreasing-to-increasing sign change of f on [a, b]. */
function brentRoot(f: (x: number) => number, a0: number, b0: number, fa0: number, fb0: number): number {
  let a = a0;
  let b = b0;
  let fa = fa0;
  let fb = fb0;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration += 1) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 1e-300;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tolerance || fb === 0) return b;
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let pStep: number;
      let q: number;
      if (a === c) {
        pStep = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        pStep = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (pStep > 0) q = -q;
      else pStep = -pStep;
      if (2 * pStep < Math.min(3 * m * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = pStep / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : m > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
}

/** Golden-section minimum of f on [a, b] (a fallback when the derivative has no clean sign change). */
function goldenMinimum(f: (x: number) => number, a0: number, b0: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = a0;
  let b = b0;
  let x1 = b - ratio * (b - a);
  let x2 = a + ratio * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let iteration = 0; iteration < 200 && b - a > 4 * Number.EPSILON * Math.abs(b); iteration += 1) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - ratio * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + ratio * (b - a);
      f2 = f(x2);
    }
  }
  return (a + b) / 2;
}

/** The θ grid the search starts from: 0 and 10^−4 … 10^4 in steps of 10^0.1. */
const THETA_GRID = [0, ...Array.from({ length: 81 }, (_, k) => 10 ** (-4 + k / 10))];

/**
 * The REML estimate of φ = θ²: the grid point of least deviance, then the root of the deviance's
 * derivative between its neighbours (φ = 0 when the derivative at 0 is not negative: a singular
 * fit). `null` when X is rank-deficient at every φ.
 */
export function fitProfiled(s: LmmStatistics): ProfiledFit | null {
  const fits = THETA_GRID.map((theta) => profiledDeviance(s, theta * theta));
  let bestIndex = -1;
  for (let k = 0; k < fits.length; k += 1) {
    const fit = fits[k];
    if (fit && (bestIndex < 0 || fit.deviance < (fits[bestIndex] as ProfiledFit).deviance)) bestIndex = k;
  }
  if (bestIndex < 0) return null;
  const best = fits[bestIndex] as ProfiledFit;
  const atZero = fits[0];
  if (bestIndex <= 1 && atZero && atZero.slope >= 0) return atZero;
  const lo = fits[bestIndex - 1] ?? null;
  const hi = fits[bestIndex + 1] ?? null;
  const slopeAt = (phi: number) => profiledDeviance(s, phi)?.slope ?? Number.NaN;
  let phi: number;
  if (lo && hi && lo.slope < 0 && hi.slope > 0) {
    phi = brentRoot(slopeAt, lo.phi, hi.phi, lo.slope, hi.slope);
  } else if (lo && best.slope > 0 && lo.slope < 0) {
    phi = brentRoot(slopeAt, lo.phi, best.phi, lo.slope, best.slope);
  } else if (hi && best.slope < 0 && hi.slope > 0) {
    phi = brentRoot(slopeAt, best.phi, hi.phi, best.slope, hi.slope);
  } else {
    const deviance = (x: number) => profiledDeviance(s, x)?.deviance ?? Number.POSITIVE_INFINITY;
    phi = goldenMinimum(deviance, lo?.phi ?? best.phi, hi?.phi ?? best.phi);
  }
  const fit = profiledDeviance(s, phi);
  return fit !== null && fit.deviance <= best.deviance ? fit : best;
}

/** The REML fit: variance components, fixed effects (intercept first, centred) and their covariance. */
export interface LmmFit {
  readonly statistics: LmmStatistics;
  readonly theta: number;
  readonly sigma2: number;
  readonly tau2: number;
  readonly beta: Float64Array;
  /** Var(β̂) = σ²·(X'(I + θ²ZZ')⁻¹X)⁻¹, p × p. */
  readonly covariance: Float64Array;
  /** The REML criterion at the optimum (lme4's `REMLcrit`). */
  readonly remlCriterion: number;
}

/**
 * A fit is read as exact when its residual sum of squares at the REML optimum is at most this share
 * of the outcome's total sum of squares about its mean (R² ≥ 1 − 10⁻¹⁰: residuals below 10⁻⁵ of
 * the outcome's spread). The residual sum is computed by subtraction from sums of that total's size,
 * so an exact fit leaves rounding of a few ε·κ (ε ≈ 2.2·10⁻¹⁶, κ the conditioning of the design)
 * times the total: 10⁻¹⁰ ≈ 4.5·10⁵·ε leaves that margin, while a genuine fit whose residuals are
 * 10⁻⁵ of the outcome's SD or more is still fitted. Below it σ² is rounding noise, and every standard
 * error, df and test built on it would be noise too (R: lme4 returns σ² = 0 and fails on the
 * covariance, "not a positive definite matrix"; lmerTest and pbkrtest stop with that error).
 */
export const EXACT_FIT_SHARE = 1e-10;

/** Why there is no fit: X has no full rank (or no residual df), or it reproduces y exactly. */
export type LmmNoFit = 'RANK_DEFICIENT' | 'EXACT_FIT';

/** The outcome's sum of squares about its mean: within clusters plus the cluster means'. */
function totalSumOfSquares(s: LmmStatistics): number {
  let total = s.withinYy;
  for (let j = 0; j < s.clusterCount; j += 1) total += (s.sizes[j] as number) * (s.meanY[j] as number) ** 2;
  return total;
}

/**
 * Fits the model, or says why there is none: `'RANK_DEFICIENT'` when X is rank-deficient at every
 * φ or leaves no residual df, `'EXACT_FIT'` when the fixed effects reproduce the outcome (residual
 * sum of squares at most {@link EXACT_FIT_SHARE} of its total, or 0 at every φ).
 */
export function fitRandomIntercept(design: LmmDesign): LmmFit | LmmNoFit {
  const statistics = lmmStatistics(design);
  const fit = fitProfiled(statistics);
  if (fit === null) {
    // No deviance anywhere: either X'(I + φZZ')⁻¹X is singular or the residuals are exactly 0.
    const full = statistics.n > statistics.p && cholesky(normalEquations(statistics, 1).a, statistics.p) !== null;
    return full ? 'EXACT_FIT' : 'RANK_DEFICIENT';
  }
  if (fit.rss <= EXACT_FIT_SHARE * totalSumOfSquares(statistics)) return 'EXACT_FIT';
  const sigma2 = fit.rss / (statistics.n - statistics.p);
  const inverse = choleskyInverse(fit.factor, statistics.p);
  const covariance = inverse.map((value) => value * sigma2);
  return {
    statistics,
    theta: Math.sqrt(fit.phi),
    sigma2,
    tau2: fit.phi * sigma2,
    beta: fit.beta,
    covariance,
    remlCriterion: fit.deviance,
  };
}
