/**
 * Pearson's r in one numerically stable pass, with validation fused into the pass.
 *
 * Sums are taken of deviations from the first complete pair (a shift that removes the large-mean
 * cancellation of textbook one-pass formulas). When the data are ill-conditioned even so (the
 * shifted sums exceed the centred ones by 10⁴, e.g. an outlier first value), overflow, or are so
 * small that squaring underflowed (below 1e-250), a second, scaled and centred pass recomputes
 * them. Float64Array inputs take a loop with no per-element
 * checks (NaN and ±Infinity show up in the sums and are then located); other inputs are checked
 * entry by entry. One code path per input kind keeps the JIT monomorphic.
 *
 * @internal
 * @module
 */
import type { ErrorPath } from './errors.js';
import { completeRows, isMissing, type NanPolicy, type Series } from './series.js';

/** Centred second moments of complete pairs. */
export interface PairMoments {
  readonly n: number;
  readonly nDropped: number;
  /** Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ). */
  readonly sxx: number;
  readonly syy: number;
  readonly sxy: number;
}

const ILL_CONDITIONED = 1e4;
/** Sums of squares below this take the scaled two-pass route (their squares lost bits to underflow). */
const TINY = 1e-250;

function fromShifted(
  n: number,
  nDropped: number,
  sd: number,
  se: number,
  sdd: number,
  see: number,
  sde: number,
): PairMoments | null {
  if (n === 0) return { n, nDropped, sxx: 0, syy: 0, sxy: 0 };
  const sxx = sdd - (sd * sd) / n;
  const syy = see - (se * se) / n;
  const sxy = sde - (sd * se) / n;
  if (!Number.isFinite(sdd + see + sde)) return null;
  if (sxx * ILL_CONDITIONED < sdd || syy * ILL_CONDITIONED < see) return null;
  // A zero sum of squares is constant data or deviations so small (below ≈ 1e-162) that their
  // squares underflowed to 0; sums below 1e-250 have lost bits to underflow. The scaled two-pass
  // route tells the cases apart and computes the rest.
  if (sdd < TINY || see < TINY) return null;
  return { n, nDropped, sxx, syy, sxy };
}

function momentsOfFloat64(x: Float64Array, y: Float64Array): PairMoments | null {
  const n = x.length;
  if (n === 0) return { n: 0, nDropped: 0, sxx: 0, syy: 0, sxy: 0 };
  const x0 = x[0] as number;
  const y0 = y[0] as number;
  let sd = 0;
  let se = 0;
  let sdd = 0;
  let see = 0;
  let sde = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (x[i] as number) - x0;
    const e = (y[i] as number) - y0;
    sd += d;
    se += e;
    sdd += d * d;
    see += e * e;
    sde += d * e;
  }
  return fromShifted(n, 0, sd, se, sdd, see, sde);
}

function momentsOfSeries(
  x: Series,
  y: Series,
  nanPolicy: NanPolicy,
  names: readonly [ErrorPath, ErrorPath],
): PairMoments | null {
  const length = x.length;
  let n = 0;
  let x0 = 0;
  let y0 = 0;
  let sd = 0;
  let se = 0;
  let sdd = 0;
  let see = 0;
  let sde = 0;
  for (let i = 0; i < length; i += 1) {
    const a = x[i];
    const b = y[i];
    const missingA = isMissing(a, nanPolicy, names[0], i);
    const missingB = isMissing(b, nanPolicy, names[1], i);
    if (missingA || missingB) continue;
    if (n === 0) {
      x0 = a as number;
      y0 = b as number;
    }
    const d = (a as number) - x0;
    const e = (b as number) - y0;
    sd += d;
    se += e;
    sdd += d * d;
    see += e * e;
    sde += d * e;
    n += 1;
  }
  return fromShifted(n, length - n, sd, se, sdd, see, sde);
}

/** Two passes over the complete pairs, each series scaled by its largest magnitude first. */
function momentsTwoPass(x: Float64Array, y: Float64Array, nDropped: number): PairMoments {
  const n = x.length;
  let maxX = 0;
  let maxY = 0;
  for (let i = 0; i < n; i += 1) {
    maxX = Math.max(maxX, Math.abs(x[i] as number));
    maxY = Math.max(maxY, Math.abs(y[i] as number));
  }
  if (maxX === 0) maxX = 1;
  if (maxY === 0) maxY = 1;
  let meanX = 0;
  let meanY = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxValueX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxValueY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    const a = (x[i] as number) / maxX;
    const b = (y[i] as number) / maxY;
    meanX += a;
    meanY += b;
    minX = Math.min(minX, a);
    maxValueX = Math.max(maxValueX, a);
    minY = Math.min(minY, b);
    maxValueY = Math.max(maxValueY, b);
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (x[i] as number) / maxX - meanX;
    const e = (y[i] as number) / maxY - meanY;
    sxx += d * d;
    syy += e * e;
    sxy += d * e;
  }
  return {
    n,
    nDropped,
    sxx: minX === maxValueX ? 0 : sxx,
    syy: minY === maxValueY ? 0 : syy,
    sxy,
  };
}

/**
 * Centred moments of the complete pairs of x and y (validated; lengths already equal). O(n), one
 * pass unless the data are ill-conditioned.
 */
export function pairMoments(
  x: Series,
  y: Series,
  nanPolicy: NanPolicy,
  names: readonly [ErrorPath, ErrorPath],
): PairMoments {
  const fast =
    x instanceof Float64Array && y instanceof Float64Array
      ? momentsOfFloat64(x, y)
      : momentsOfSeries(x, y, nanPolicy, names);
  if (fast !== null) return fast;
  // Non-finite sums or ill-conditioned data: validate and copy (this throws on NaN/±Infinity with
  // the offending index), then take the careful two-pass route.
  const rows = completeRows([x, y], names, nanPolicy);
  return momentsTwoPass(rows.columns[0] as Float64Array, rows.columns[1] as Float64Array, rows.nDropped);
}

/** Pearson's r from moments, clamped to [−1, 1]; `null` when a variable is constant or n < 2. */
export function pearsonR(moments: PairMoments): number | null {
  if (moments.n < 2 || moments.sxx === 0 || moments.syy === 0) return null;
  // One square root of the product rounds once (so exactly linear data give exactly ±1); two roots
  // avoid overflow or underflow of the product for extreme scales.
  const product = moments.sxx * moments.syy;
  const denominator =
    product > 1e-300 && product < 1e300 ? Math.sqrt(product) : Math.sqrt(moments.sxx) * Math.sqrt(moments.syy);
  const r = moments.sxy / denominator;
  return Math.min(1, Math.max(-1, r));
}

/**
 * Pearson's r of two rank vectors (ranks 1…n, ties averaged), i.e. Spearman's ρ. Ranks always sum
 * to n(n + 1)/2, so they are centred exactly; each product of centred ranks is exact, and the sums
 * are compensated (Neumaier), so ρ is accurate to a few ulps even for millions of pairs.
 */
export function rankCorrelation(rx: Float64Array, ry: Float64Array): number | null {
  const n = rx.length;
  if (n < 2) return null;
  const center = (n + 1) / 2;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (rx[i] as number) - center;
    const e = (ry[i] as number) - center;
    const dd = d * d;
    const ee = e * e;
    const de = d * e;
    let t = sxx + dd;
    cxx += Math.abs(sxx) >= dd ? sxx - t + dd : dd - t + sxx;
    sxx = t;
    t = syy + ee;
    cyy += Math.abs(syy) >= ee ? syy - t + ee : ee - t + syy;
    syy = t;
    t = sxy + de;
    cxy += Math.abs(sxy) >= Math.abs(de) ? sxy - t + de : de - t + sxy;
    sxy = t;
  }
  sxx += cxx;
  syy += cyy;
  sxy += cxy;
  if (sxx === 0 || syy === 0) return null;
  return Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy)));
}
