/**
 * The exact (Garwood) interval for a Poisson count: [G⁻¹(α/2; k), G⁻¹(1 − α/2; k + 1)], G the
 * gamma(shape, 1) distribution (= χ²(2k)/2, R `poisson.test`, scipy `chi2.ppf(·, 2k)/2`). Written by
 * hand: no gamma quantile is among the dependencies, and a @stdlib one would add ≈ 10 kB to the
 * subpath. The regularized incomplete gamma follows Numerical Recipes (series below a + 1, Lentz's
 * continued fraction above); the quantile is Newton's method kept inside a bisection bracket.
 *
 * @internal
 * @module
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ≈ 1e-15). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i += 1) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized lower incomplete gamma P(a, x), a > 0, x ≥ 0. */
export function gammaP(a: number, x: number): number {
  return incompleteGamma(a, x, false);
}

/** The regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail. */
export function gammaQ(a: number, x: number): number {
  return incompleteGamma(a, x, true);
}

/** The upper tail of χ² with 1 degree of freedom: Q(1/2, x/2). */
export function chiSquare1Upper(x: number): number {
  return gammaQ(0.5, x / 2);
}

function incompleteGamma(a: number, x: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    const p = Math.min(1, sum * front);
    return upper ? 1 - p : p;
  }
  // Q(a, x) by Lentz's continued fraction. Here x ≥ a + 1, and with y = x − a ≥ 1 the
  // denominators b + an / (previous) stay ≥ y + i + 1 ≥ 2 (by induction: for i ≤ a the term adds,
  // for i > a it takes at most i(i − a)/(y + i) ≤ i), so Lentz's guards against a zero
  // denominator are not needed.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    c = b + an / c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const q = Math.min(1, front * h);
  return upper ? q : Math.max(0, 1 - q);
}

/** The p-quantile of gamma(a, 1), 0 < p < 1. */
export function gammaQuantile(p: number, a: number): number {
  let lo = 0;
  let hi = Math.max(1, a);
  while (gammaP(a, hi) < p) {
    lo = hi;
    hi *= 2;
  }
  let x = (lo + hi) / 2;
  const logNorm = logGamma(a);
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const f = gammaP(a, x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp(-x + (a - 1) * Math.log(x) - logNorm);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, x) || hi - lo <= 1e-15 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}

/** The exact interval for the mean of a Poisson count k at `level`. */
export function poissonInterval(k: number, level: number): readonly [number, number] {
  const alpha = 1 - level;
  const lower = k === 0 ? 0 : gammaQuantile(alpha / 2, k);
  return [lower, gammaQuantile(1 - alpha / 2, k + 1)];
}
