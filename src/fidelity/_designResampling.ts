/**
 * Resampling of {@link fidelityThreshold} that respects the design: the outcome adjusted for
 * covariates, Freedman–Lane permutations within clusters (exchangeability blocks, Winkler et al.
 * 2014), the wild cluster bootstrap (Cameron, Gelbach & Miller 2008; Webb's six-point weights
 * below 12 clusters, Webb 2014) and, for a binary outcome, the cluster bootstrap.
 *
 * @internal
 * @module
 */
import type { RandomSource } from '../_lib/random.js';
import { cholesky, choleskySolve } from '../_lib/smallMatrix.js';
import { type BootstrapSettings, type IntervalRun, summarizeCuts } from './_thresholdResampling.js';

import { best, type Prepared, prepare, type ThresholdStatistic } from './_thresholdStatistics.js';

/** Below this many clusters the wild cluster bootstrap draws Webb's six-point weights, else Rademacher. */
export const WEBB_BELOW = 12;

/** Least squares of y on columns (an intercept first when asked): the coefficients' solver. */
export interface LinearFit {
  /** Coefficients of `y` on the columns. */
  coefficients(y: Float64Array): Float64Array;
}

/** A least-squares solver for the given columns, or `null` when they are collinear. */
export function linearFit(columns: readonly Float64Array[]): LinearFit | null {
  const p = columns.length;
  const n = (columns[0] as Float64Array).length;
  const xtx = new Float64Array(p * p);
  for (let a = 0; a < p; a += 1) {
    for (let b = 0; b <= a; b += 1) {
      let sum = 0;
      const ca = columns[a] as Float64Array;
      const cb = columns[b] as Float64Array;
      for (let i = 0; i < n; i += 1) sum += (ca[i] as number) * (cb[i] as number);
      xtx[a * p + b] = sum;
      xtx[b * p + a] = sum;
    }
  }
  const factor = cholesky(xtx, p, 1e-10);
  if (factor === null) return null;
  return {
    coefficients(y) {
      const xty = new Float64Array(p);
      for (let a = 0; a < p; a += 1) {
        let sum = 0;
        const ca = columns[a] as Float64Array;
        for (let i = 0; i < n; i += 1) sum += (ca[i] as number) * (y[i] as number);
        xty[a] = sum;
      }
      return choleskySolve(factor, p, xty);
    },
  };
}

/**
 * The outcome adjusted for centred covariates Z: ỹ = y − Z_c·γ̂, γ̂ from y ~ 1 + f + Z (the
 * straight-line model with the covariates), so the overall mean is kept. Identity without
 * covariates. `null` when [1, f, Z] is collinear.
 */
export function covariateAdjuster(
  f: Float64Array,
  covariates: readonly Float64Array[],
): ((y: Float64Array, out: Float64Array) => void) | null {
  if (covariates.length === 0) return (y, out) => out.set(y);
  const n = f.length;
  const centred = covariates.map((column) => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += column[i] as number;
    const mean = sum / n;
    return Float64Array.from(column, (value) => value - mean);
  });
  const fit = linearFit([new Float64Array(n).fill(1), f, ...centred]);
  if (fit === null) return null;
  return (y, out) => {
    const b = fit.coefficients(y);
    for (let i = 0; i < n; i += 1) {
      let value = y[i] as number;
      for (let k = 0; k < centred.length; k += 1)
        value -= (b[k + 2] as number) * ((centred[k] as Float64Array)[i] as number);
      out[i] = value;
    }
  };
}

/** Row positions of each cluster (clusters in canonical order, rows ascending). */
export function clusterBlocks(cluster: Int32Array, clusterCount: number): Int32Array[] {
  const sizes = new Int32Array(clusterCount);
  for (let i = 0; i < cluster.length; i += 1) sizes[cluster[i] as number] = (sizes[cluster[i] as number] as number) + 1;
  const blocks = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(clusterCount);
  for (let i = 0; i < cluster.length; i += 1) {
    const j = cluster[i] as number;
    (blocks[j] as Int32Array)[filled[j] as number] = i;
    filled[j] = (filled[j] as number) + 1;
  }
  return blocks;
}

function shuffleWithin(values: Float64Array, blocks: readonly Int32Array[] | null, random: RandomSource): void {
  if (blocks === null) {
    for (let i = values.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random.nextFloat() * (i + 1));
      const swap = values[i] as number;
      values[i] = values[j] as number;
      values[j] = swap;
    }
    return;
  }
  for (const block of blocks) {
    for (let i = block.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random.nextFloat() * (i + 1));
      const a = block[i] as number;
      const b = block[j] as number;
      const swap = values[a] as number;
      values[a] = values[b] as number;
      values[b] = swap;
    }
  }
}

/** The state of a permutation test run in blocks of draws (so an async caller can yield between them). */
export interface PermutationRun {
  /** Runs `count` more draws; returns how many reached the observed maximum so far. */
  step(count: number): number;
}

/**
 * Freedman–Lane with covariates and blocks: residuals of y ~ 1 + f + Z shuffled (within clusters
 * when `blocks` is given), added back to the fitted values, the result adjusted for Z again and the
 * maximal statistic recomputed. A binary outcome (no covariates) shuffles the outcomes themselves.
 */
export function designPermutations(
  prepared: Prepared,
  compute: ThresholdStatistic,
  outcomeType: 'binary' | 'continuous',
  covariates: readonly Float64Array[],
  blocks: readonly Int32Array[] | null,
  maxObserved: number,
  tolerance: number,
  random: RandomSource,
): PermutationRun | null {
  const { f, y } = prepared;
  const n = f.length;
  const scratch = new Float64Array(prepared.cuts.length);
  const adjust = covariateAdjuster(f, covariates);
  if (adjust === null) return null;
  const permuted = new Float64Array(n);
  const adjusted = new Float64Array(n);
  let fitted: Float64Array | null = null;
  let residuals: Float64Array;
  if (outcomeType === 'binary') {
    residuals = y.slice();
  } else {
    const n1 = new Float64Array(n).fill(1);
    const fit = linearFit([n1, f, ...covariates]) ?? linearFit([n1, f]);
    const columns = [n1, f, ...covariates];
    const b = fit === null ? new Float64Array(columns.length) : fit.coefficients(y);
    fitted = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      let value = 0;
      for (let k = 0; k < b.length; k += 1) value += (b[k] as number) * ((columns[k] as Float64Array)[i] as number);
      fitted[i] = value;
    }
    const line = fitted;
    residuals = Float64Array.from(y, (value, i) => value - (line[i] as number));
  }
  const slack = tolerance * Math.max(1, Math.abs(maxObserved));
  let exceed = 0;
  return {
    step(count) {
      for (let draw = 0; draw < count; draw += 1) {
        shuffleWithin(residuals, blocks, random);
        if (fitted === null) permuted.set(residuals);
        else for (let i = 0; i < n; i += 1) permuted[i] = (fitted[i] as number) + (residuals[i] as number);
        adjust(permuted, adjusted);
        compute(prepared, adjusted, scratch);
        const index = best(scratch, prepared.positions);
        if (index >= 0 && (scratch[index] as number) >= maxObserved - slack) exceed += 1;
      }
      return exceed;
    },
  };
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/**
 * The wild cluster bootstrap of the chosen cut: the hinge fit at `pointCut` on the (adjusted)
 * outcome, its residuals multiplied by one weight per cluster (Rademacher ±1, or Webb's six points
 * below {@link WEBB_BELOW} clusters), and the best cut of each draw.
 */
export function wildClusterBootstrap(
  prepared: Prepared,
  compute: ThresholdStatistic,
  pointCut: number,
  cluster: Int32Array,
  clusterCount: number,
  settings: { readonly draws: number; readonly confidenceLevel: number; readonly seed: number },
  random: RandomSource,
): IntervalRun {
  const { f, y, cuts } = prepared;
  const n = f.length;
  const hinge = Float64Array.from(f, (value) => Math.max(0, value - pointCut));
  const n1 = new Float64Array(n).fill(1);
  const columns = [n1, f, hinge];
  const fit = linearFit(columns) ?? linearFit([n1, f]);
  const b = fit === null ? new Float64Array(3) : fit.coefficients(y);
  const fitted = Float64Array.from(f, (_, i) => {
    let value = 0;
    for (let k = 0; k < b.length; k += 1) value += (b[k] as number) * ((columns[k] as Float64Array)[i] as number);
    return value;
  });
  const residuals = Float64Array.from(y, (value, i) => value - (fitted[i] as number));
  const webb = clusterCount < WEBB_BELOW;
  const weights = new Float64Array(clusterCount);
  const sample = new Float64Array(n);
  const scratch = new Float64Array(cuts.length);
  const chosen: number[] = [];
  let noCut = 0;
  return {
    step(count) {
      for (let draw = 0; draw < count; draw += 1) {
        for (let j = 0; j < clusterCount; j += 1) {
          const u = random.nextFloat();
          weights[j] = webb ? (WEBB[Math.floor(u * 6)] as number) : u < 0.5 ? -1 : 1;
        }
        for (let i = 0; i < n; i += 1) {
          sample[i] = (fitted[i] as number) + (weights[cluster[i] as number] as number) * (residuals[i] as number);
        }
        compute(prepared, sample, scratch);
        const index = best(scratch, prepared.positions);
        if (index < 0) noCut += 1;
        else chosen.push(cuts[index] as number);
      }
    },
    finish: () => summarizeCuts(chosen, noCut, pointCut, settings),
  };
}

/** The cluster bootstrap of the chosen cut (whole clusters resampled), for a binary outcome. */
export function clusterBootstrap(
  prepared: Prepared,
  compute: ThresholdStatistic,
  pointCut: number,
  cluster: Int32Array,
  clusterCount: number,
  settings: BootstrapSettings,
  random: RandomSource,
): IntervalRun {
  const { f, y, cuts } = prepared;
  const n = f.length;
  const copies = new Int32Array(clusterCount);
  const chosen: number[] = [];
  let noCut = 0;
  return {
    step(count) {
      for (let draw = 0; draw < count; draw += 1) {
        copies.fill(0);
        for (let j = 0; j < clusterCount; j += 1) {
          const pick = Math.floor(random.nextFloat() * clusterCount);
          copies[pick] = (copies[pick] as number) + 1;
        }
        let size = 0;
        for (let i = 0; i < n; i += 1) size += copies[cluster[i] as number] as number;
        const sampleF = new Float64Array(size);
        const sampleY = new Float64Array(size);
        let k = 0;
        // Rows taken in their sorted order keep the resample sorted by fidelity.
        for (let i = 0; i < n; i += 1) {
          for (let c = copies[cluster[i] as number] as number; c > 0; c -= 1) {
            sampleF[k] = f[i] as number;
            sampleY[k] = y[i] as number;
            k += 1;
          }
        }
        const resample = prepare(sampleF, sampleY, cuts, settings.minObservations);
        const scratch = new Float64Array(cuts.length);
        compute(resample, sampleY, scratch);
        const index = best(scratch, resample.positions);
        if (index < 0) noCut += 1;
        else chosen.push(cuts[index] as number);
      }
    },
    finish: () => summarizeCuts(chosen, noCut, pointCut, settings),
  };
}
