/**
 * The threshold statistics of {@link fidelityThreshold}: Youden's J (binary outcomes) and the
 * hinge regression's improvement over a straight line (continuous), at every candidate in O(n + K).
 *
 * @internal
 * @module
 */

/** Sorted data, candidate cuts and where each cut splits the data. */
export interface Prepared {
  readonly f: Float64Array; // sorted ascending
  readonly y: Float64Array; // in the same order
  readonly cuts: readonly number[];
  readonly positions: Int32Array; // index of the first f ≥ cut
  readonly minObservations: number;
}

/** The index of the first value of `sorted` at or above `value`. */
export function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Youden's J at every candidate for outcomes `y` in fidelity order. */
export function binaryStatistics(prepared: Prepared, y: Float64Array, out: Float64Array): void {
  const n = y.length;
  let positives = 0;
  for (let i = 0; i < n; i += 1) positives += y[i] as number;
  const negatives = n - positives;
  // positives below each position: prefix sums read at candidate positions (ascending).
  let index = 0;
  let below = 0;
  for (let c = 0; c < prepared.cuts.length; c += 1) {
    const position = prepared.positions[c] as number;
    while (index < position) {
      below += y[index] as number;
      index += 1;
    }
    const nAbove = n - position;
    if (
      position < prepared.minObservations ||
      nAbove < prepared.minObservations ||
      positives === 0 ||
      negatives === 0
    ) {
      out[c] = Number.NaN;
      continue;
    }
    const truePositives = positives - below;
    const falsePositives = nAbove - truePositives;
    out[c] = truePositives / positives + (negatives - falsePositives) / negatives - 1;
  }
}

export interface HingeFit {
  readonly improvement: number;
  readonly rssHinge: number;
  readonly rssLinear: number;
  readonly slopeBelow: number | null;
  readonly slopeAbove: number | null;
}

/** Means and centred sums of squares and products of f and y (two passes): the straight-line fit. */
export function straightLine(
  f: Float64Array,
  y: Float64Array,
): { meanF: number; meanY: number; cff: number; cfy: number; cyy: number } {
  const n = f.length;
  let meanF = 0;
  let meanY = 0;
  for (let i = 0; i < n; i += 1) {
    meanF += f[i] as number;
    meanY += y[i] as number;
  }
  meanF /= n;
  meanY /= n;
  let cff = 0;
  let cfy = 0;
  let cyy = 0;
  for (let i = 0; i < n; i += 1) {
    const u = (f[i] as number) - meanF;
    const v = (y[i] as number) - meanY;
    cff += u * u;
    cfy += u * v;
    cyy += v * v;
  }
  return { meanF, meanY, cff, cfy, cyy };
}

/**
 * Hinge-regression improvement over a straight line at every candidate, for outcomes `y` in
 * fidelity order: y = b0 + b1·f + b2·max(f − c, 0). Sums over the part above each cut come from
 * running suffix sums, so all candidates cost O(n + K).
 */
export function continuousStatistics(
  prepared: Prepared,
  y: Float64Array,
  out: Float64Array,
  fits: HingeFit[] | null,
): void {
  const { f, cuts, positions } = prepared;
  const n = f.length;
  const { meanF, meanY, cff, cfy, cyy } = straightLine(f, y);
  const rssLinear = cff > 0 ? Math.max(0, cyy - (cfy * cfy) / cff) : cyy;
  // Suffix sums (centred) from the top down, read at candidate positions in descending order.
  let index = n;
  let s1 = 0; // Σ u
  let s2 = 0; // Σ u²
  let t1 = 0; // Σ v
  let t2 = 0; // Σ u v
  for (let c = cuts.length - 1; c >= 0; c -= 1) {
    const position = positions[c] as number;
    while (index > position) {
      index -= 1;
      const u = (f[index] as number) - meanF;
      const v = (y[index] as number) - meanY;
      s1 += u;
      s2 += u * u;
      t1 += v;
      t2 += u * v;
    }
    const count = n - position;
    if (position < prepared.minObservations || count < prepared.minObservations) {
      out[c] = Number.NaN;
      if (fits)
        fits[c] = { improvement: Number.NaN, rssHinge: Number.NaN, rssLinear, slopeBelow: null, slopeAbove: null };
      continue;
    }
    const k = (cuts[c] as number) - meanF;
    // h = u − k above the cut (0 below): centred cross-products with h.
    const sh = s1 - k * count;
    const shh = s2 - 2 * k * s1 + k * k * count;
    const sfh = s2 - k * s1;
    const shy = t2 - k * t1;
    // Centred cross-products (u and v are centred, so Σu = Σv = 0 and only Σh needs a correction).
    const chh = shh - (sh * sh) / n;
    const cfh = sfh;
    const chy = shy;
    const determinant = cff * chh - cfh * cfh;
    const b1 = (chh * cfy - cfh * chy) / determinant;
    const b2 = (cff * chy - cfh * cfy) / determinant;
    if (
      !(determinant > 1e-12 * cff * Math.max(chh, 1e-300)) ||
      rssLinear <= 0 ||
      !Number.isFinite(b1) ||
      !Number.isFinite(b2)
    ) {
      // The hinge adds nothing the straight line lacks (no observation lies above the cut by more
      // than 0, or the line already fits exactly): no improvement, as lm() reports. Slopes beyond
      // the largest double (fidelity values almost equal) count the same way.
      out[c] = 0;
      if (fits) {
        fits[c] = {
          improvement: 0,
          rssHinge: rssLinear,
          rssLinear,
          slopeBelow: cff > 0 && Number.isFinite(cfy / cff) ? cfy / cff : null,
          slopeAbove: null,
        };
      }
      continue;
    }
    const rssHinge = Math.max(0, cyy - b1 * cfy - b2 * chy);
    const ratio = Math.min(1, Math.max(0, (rssLinear - rssHinge) / rssLinear));
    const improvement = Number.isNaN(ratio) ? 0 : ratio;
    out[c] = improvement;
    const slopeAbove = b1 + b2;
    if (fits) {
      fits[c] = {
        improvement,
        rssHinge,
        rssLinear,
        slopeBelow: b1,
        slopeAbove: Number.isFinite(slopeAbove) ? slopeAbove : null,
      };
    }
  }
}

/**
 * The candidate with the largest statistic (NaN = ineligible). Ties between cuts that split the
 * data at the same place go to the larger cut — the one nearest the lowest fidelity actually
 * observed at or above it (a resample without any 0.6 cannot tell 0.6 from 0.7) — and other ties
 * to the lower cut.
 */
export function best(values: Float64Array, positions: Int32Array): number {
  let bestIndex = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < values.length; c += 1) {
    const value = values[c] as number;
    if (value > bestValue) {
      bestValue = value;
      bestIndex = c;
    } else if (value === bestValue && positions[c] === positions[bestIndex]) {
      bestIndex = c;
    }
  }
  return bestIndex;
}

/** The distinct observed fidelity values above 0, or a 0.01 grid when there are more than 101. */
export function defaultCandidates(sortedF: Float64Array): number[] {
  const distinct: number[] = [];
  for (let i = 0; i < sortedF.length; i += 1) {
    const value = sortedF[i] as number;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== value) distinct.push(value);
  }
  if (distinct.length <= 101) return distinct.filter((value) => value > 0);
  return Array.from({ length: 100 }, (_, k) => (k + 1) / 100);
}

/** The sorted data prepared for `cuts`. */
export function prepare(f: Float64Array, y: Float64Array, cuts: readonly number[], minObservations: number): Prepared {
  return { f, y, cuts, positions: Int32Array.from(cuts, (cut) => lowerBound(f, cut)), minObservations };
}

/** The statistic at every candidate for outcomes `y` in fidelity order, written to `out`. */
export type ThresholdStatistic = (prepared: Prepared, y: Float64Array, out: Float64Array) => void;

/** The statistic of an outcome type (without the continuous fits). */
export function statisticOf(outcomeType: 'binary' | 'continuous'): ThresholdStatistic {
  return outcomeType === 'binary'
    ? binaryStatistics
    : (prepared, y, out) => continuousStatistics(prepared, y, out, null);
}
