/**
 * Inference for one fixed effect of a random-intercept REML fit ({@link fitRandomIntercept}):
 *
 * - Satterthwaite df as R's `lmerTest` (Kuznetsova, Brockhoff & Christensen 2017):
 *   df = 2·(Var β̂ₖ)² / (gᵀ A g), g the gradient of Var β̂ₖ in the variance parameters ψ = (σ², τ²)
 *   and A = 2·H⁻¹, H the observed Hessian of −2 log L_REML at the optimum. lmerTest differentiates
 *   numerically in (θ, σ); at an interior optimum the result does not depend on the parameters, so
 *   here H is analytic in ψ: H_ij = −tr(P V_i P V_j) + 2 yᵀP V_i P V_j P y. At a singular fit (τ² = 0)
 *   only σ² enters (the gradient in θ vanishes there).
 * - Kenward–Roger as R's `pbkrtest` (Kenward & Roger 1997; Halekoh & Højsgaard 2014): the adjusted
 *   covariance Φ_A = Φ + 2Φ[Σ W_ij (Q_ij − P_i Φ P_j)]Φ with W = 2·I_E⁻¹ from the expected
 *   information; for one coefficient the df is 2Φₖₖ² / (gᵀ W g) and the F scaling is 1.
 *
 * Every matrix acting on a cluster is a polynomial in J (σ²I + τ²J and its products), with
 * eigenvalue ω on within-cluster contrasts and bⱼ on the cluster mean, so each X'OX is
 * ω·W + Σⱼ bⱼ nⱼ x̄ⱼx̄ⱼ': O(J·p²) per term, never an n × n matrix.
 *
 * @internal
 * @module
 */
import type { LmmFit } from './lmm.js';
import { inverse2, multiply, traceProduct } from './smallMatrix.js';

/** The per-cluster eigenvalues of an operator: within-cluster (shared) and on each cluster mean. */
interface Eigen {
  readonly within: number;
  readonly between: Float64Array;
}

interface Pieces {
  /** Var(β̂) (Φ), and G_i = X'V⁻¹V_iV⁻¹X, K_ij = X'V⁻¹V_iV⁻¹V_jV⁻¹X for ψ = (σ², τ²). */
  readonly phi: Float64Array;
  readonly g: readonly [Float64Array, Float64Array];
  /** tr(P V_i P V_j) (twice the expected information) and the observed Hessian of −2 log L. */
  readonly expected: readonly [number, number, number];
  readonly observed: readonly [number, number, number];
  readonly k: readonly [Float64Array, Float64Array, Float64Array];
}

function pieces(fit: LmmFit): Pieces {
  const { statistics: s, sigma2, tau2, beta, covariance: phi } = fit;
  const { p, clusterCount: J, sizes, means, meanY, n } = s;
  const lambda = Float64Array.from(sizes, (size) => sigma2 + size * tau2);
  // X'OX, X'Oe, e'Oe and tr O for an operator O given by its eigenvalues.
  const residualMeans = Float64Array.from(meanY, (value, j) => {
    let fitted = 0;
    for (let r = 0; r < p; r += 1) fitted += (means[j * p + r] as number) * (beta[r] as number);
    return value - fitted;
  });
  let withinEe = s.withinYy;
  const withinXe = Float64Array.from(s.withinXy);
  for (let r = 1; r < p; r += 1) {
    withinEe -= 2 * (beta[r] as number) * (s.withinXy[r] as number);
    for (let k = 1; k < p; k += 1) {
      withinEe += (beta[r] as number) * (s.within[r * p + k] as number) * (beta[k] as number);
      withinXe[r] = (withinXe[r] as number) - (s.within[r * p + k] as number) * (beta[k] as number);
    }
  }
  const xox = (o: Eigen) => {
    const out = s.within.map((value) => value * o.within);
    for (let j = 0; j < J; j += 1) {
      const weight = (o.between[j] as number) * (sizes[j] as number);
      if (weight === 0) continue;
      for (let r = 0; r < p; r += 1) {
        const mr = weight * (means[j * p + r] as number);
        for (let c = 0; c < p; c += 1) out[r * p + c] = (out[r * p + c] as number) + mr * (means[j * p + c] as number);
      }
    }
    return out;
  };
  const xoe = (o: Eigen) => {
    const out = withinXe.map((value) => value * o.within);
    for (let j = 0; j < J; j += 1) {
      const weight = (o.between[j] as number) * (sizes[j] as number) * (residualMeans[j] as number);
      for (let r = 0; r < p; r += 1) out[r] = (out[r] as number) + weight * (means[j * p + r] as number);
    }
    return out;
  };
  const eoe = (o: Eigen) => {
    let sum = o.within * Math.max(0, withinEe);
    for (let j = 0; j < J; j += 1)
      sum += (o.between[j] as number) * (sizes[j] as number) * (residualMeans[j] as number) ** 2;
    return sum;
  };
  const trace = (o: Eigen) => {
    let sum = o.within * (n - J);
    for (let j = 0; j < J; j += 1) sum += o.between[j] as number;
    return sum;
  };
  // V_1 = I has eigenvalues (1, 1); V_2 = J has (0, nⱼ). Products of V⁻¹ and the V_i:
  const power = (b: number, c: number): Eigen => ({
    // c factors V⁻¹ and b factors V_2 (V_1 = I adds nothing): within 1/σ^(2c) when b = 0.
    within: b > 0 ? 0 : sigma2 ** -c,
    between: Float64Array.from(lambda, (l, j) => (sizes[j] as number) ** b * l ** -c),
  });
  const vv = [power(0, 2), power(1, 2)] as const; // V⁻¹V_iV⁻¹
  const vvv = [power(0, 3), power(1, 3), power(2, 3)] as const; // V⁻¹V_iV⁻¹V_jV⁻¹ (11, 12, 22)
  const tt = [power(0, 2), power(1, 2), power(2, 2)] as const; // V⁻¹V_iV⁻¹V_j (for the trace)
  const g = [xox(vv[0]), xox(vv[1])] as const;
  const h = [xoe(vv[0]), xoe(vv[1])] as const;
  const k = [xox(vvv[0]), xox(vvv[1]), xox(vvv[2])] as const;
  const index = [
    [0, 0],
    [0, 1],
    [1, 1],
  ] as const;
  const phiG = [multiply(phi, g[0], p), multiply(phi, g[1], p)] as const;
  const expected = index.map(([a, b], m) => {
    return trace(tt[m] as Eigen) - 2 * traceProduct(phi, k[m] as Float64Array, p) + traceProduct(phiG[a], phiG[b], p);
  }) as unknown as [number, number, number];
  const observed = index.map(([a, b], m) => {
    let hPhiH = 0;
    for (let r = 0; r < p; r += 1)
      for (let c = 0; c < p; c += 1) hPhiH += (h[a][r] as number) * (phi[r * p + c] as number) * (h[b][c] as number);
    return -(expected[m] as number) + 2 * (eoe(vvv[m] as Eigen) - hPhiH);
  }) as unknown as [number, number, number];
  return { phi, g, expected, observed, k };
}

/** Satterthwaite and Kenward–Roger inference for coefficient `k` (0 = the intercept). */
export interface CoefficientDf {
  readonly variance: number;
  readonly satterthwaite: number | null;
  readonly kenwardRoger: { readonly df: number; readonly variance: number } | null;
}

/** (Φ G_i Φ)ₖₖ: the gradient of Var β̂ₖ in ψ_i. */
function gradient(phi: Float64Array, g: Float64Array, p: number, k: number): number {
  let sum = 0;
  for (let r = 0; r < p; r += 1) {
    const left = phi[k * p + r] as number;
    if (left === 0) continue;
    for (let c = 0; c < p; c += 1) sum += left * (g[r * p + c] as number) * (phi[c * p + k] as number);
  }
  return sum;
}

/** 2·v² / (gᵀ A g) with A = 2·M⁻¹ for the symmetric 2 × 2 M (or M₁₁ alone when `singular`). */
function df(
  variance: number,
  g0: number,
  g1: number,
  m: readonly [number, number, number],
  singular: boolean,
): number | null {
  let quadratic: number;
  if (singular) {
    if (!(m[0] > 0)) return null;
    quadratic = (2 * g0 * g0) / m[0];
  } else {
    const inverse = inverse2(m[0], m[1], m[2]);
    if (inverse === null) return null;
    quadratic = 2 * (inverse[0] * g0 * g0 + 2 * inverse[1] * g0 * g1 + inverse[2] * g1 * g1);
  }
  const value = (2 * variance * variance) / quadratic;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The df of each requested coefficient; Kenward–Roger too when `kenwardRoger` is set. O(J·p²).
 */
export function coefficientDf(fit: LmmFit, coefficients: readonly number[], kenwardRoger: boolean): CoefficientDf[] {
  const p = fit.statistics.p;
  const singular = fit.tau2 === 0;
  const parts = pieces(fit);
  const { phi } = parts;
  let adjusted: Float64Array | null = null;
  if (kenwardRoger && !singular) {
    const w = inverse2(...parts.expected);
    if (w !== null) {
      const weights = [2 * w[0], 2 * w[1], 2 * w[2]];
      // U = Σ W_ij (K_ij − G_i Φ G_j), over the ordered pairs.
      const u = new Float64Array(p * p);
      const pairs = [
        [0, 0, 0, 0],
        [0, 1, 1, 1],
        [1, 0, 1, 1],
        [1, 1, 2, 2],
      ] as const;
      for (const [a, b, m, wm] of pairs) {
        const gpg = multiply(multiply(parts.g[a], phi, p), parts.g[b], p);
        const weight = weights[wm] as number;
        const km = parts.k[m] as Float64Array;
        for (let i = 0; i < p * p; i += 1) u[i] = (u[i] as number) + weight * ((km[i] as number) - (gpg[i] as number));
      }
      const correction = multiply(multiply(phi, u, p), phi, p);
      adjusted = phi.map((value, i) => value + 2 * (correction[i] as number));
    }
  }
  return coefficients.map((k) => {
    const variance = phi[k * p + k] as number;
    const g0 = gradient(phi, parts.g[0], p, k);
    const g1 = gradient(phi, parts.g[1], p, k);
    const satterthwaite = df(variance, g0, g1, parts.observed, singular);
    let kr: CoefficientDf['kenwardRoger'] = null;
    if (adjusted !== null) {
      const krDf = df(variance, g0, g1, parts.expected, false);
      const krVariance = adjusted[k * p + k] as number;
      if (krDf !== null && krVariance > 0 && Number.isFinite(krVariance)) kr = { df: krDf, variance: krVariance };
    }
    return { variance, satterthwaite, kenwardRoger: kr };
  });
}
