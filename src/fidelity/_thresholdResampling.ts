/**
 * The resampling of {@link fidelityThreshold}: the permutation test of the maximal statistic and
 * the percentile bootstrap of the chosen cut, both from one seeded generator.
 *
 * @internal
 * @module
 */
import type { RandomSource } from '../_lib/random.js';
import type { FidelityThresholdResult } from './_thresholdSchema.js';
import { best, type Prepared, prepare, straightLine, type ThresholdStatistic } from './_thresholdStatistics.js';

function shuffle(values: Float64Array, random: RandomSource): void {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.nextFloat() * (i + 1));
    const swap = values[i] as number;
    values[i] = values[j] as number;
    values[j] = swap;
  }
}

/**
 * How many shuffles give a maximal statistic at least `maxObserved` (less the relative `tolerance`):
 * outcomes shuffled (binary), or residuals of the straight-line fit (Freedman–Lane, continuous),
 * run in blocks of draws: `step(count)` returns the exceedances so far.
 */
export function permutationRun(
  prepared: Prepared,
  compute: ThresholdStatistic,
  outcomeType: 'binary' | 'continuous',
  maxObserved: number,
  settings: { readonly tolerance: number },
  random: RandomSource,
): { step(count: number): number } {
  const { f, y } = prepared;
  const n = f.length;
  const scratch = new Float64Array(prepared.cuts.length);
  let permuted: Float64Array;
  let fitted: Float64Array | null = null;
  let residuals: Float64Array | null = null;
  if (outcomeType === 'binary') {
    permuted = y.slice();
  } else {
    const { meanF, meanY, cff, cfy } = straightLine(f, y);
    const slope = cff > 0 ? cfy / cff : 0;
    const line = Float64Array.from(f, (value) => meanY + slope * (value - meanF));
    fitted = line;
    residuals = Float64Array.from(y, (value, i) => value - (line[i] as number));
    permuted = new Float64Array(n);
  }
  const tolerance = settings.tolerance * Math.max(1, Math.abs(maxObserved));
  let exceed = 0;
  return {
    step(count) {
      for (let draw = 0; draw < count; draw += 1) {
        if (fitted !== null && residuals !== null) {
          shuffle(residuals, random);
          for (let i = 0; i < n; i += 1) permuted[i] = (fitted[i] as number) + (residuals[i] as number);
        } else {
          shuffle(permuted, random);
        }
        compute(prepared, permuted, scratch);
        const index = best(scratch, prepared.positions);
        if (index >= 0 && (scratch[index] as number) >= maxObserved - tolerance) exceed += 1;
      }
      return exceed;
    },
  };
}

/** What a bootstrap of the chosen cut reads from the resolved options. */
export interface BootstrapSettings {
  readonly draws: number;
  readonly confidenceLevel: number;
  readonly seed: number;
  readonly minObservations: number;
}

/** Interval draws run in blocks, then summarized. */
export interface IntervalRun {
  step(count: number): void;
  finish(): NonNullable<FidelityThresholdResult['interval']>;
}

/**
 * The percentile bootstrap of the chosen cut (pairs resampled; inverse-CDF percentiles), with how
 * often the draws agree with `pointCut`.
 */
export function bootstrapCut(
  prepared: Prepared,
  compute: ThresholdStatistic,
  pointCut: number,
  settings: BootstrapSettings,
  random: RandomSource,
): NonNullable<FidelityThresholdResult['interval']> {
  const run = bootstrapRun(prepared, compute, pointCut, settings, random);
  run.step(settings.draws);
  return run.finish();
}

/** {@link bootstrapCut} run in blocks of draws, then summarized. */
export function bootstrapRun(
  prepared: Prepared,
  compute: ThresholdStatistic,
  pointCut: number,
  settings: BootstrapSettings,
  random: RandomSource,
): IntervalRun {
  const { f, y, cuts } = prepared;
  const n = f.length;
  const scratch = new Float64Array(cuts.length);
  const counts = new Int32Array(n);
  const sampleF = new Float64Array(n);
  const sampleY = new Float64Array(n);
  const chosen: number[] = [];
  let noCut = 0;
  const step = (count: number) => {
    for (let draw = 0; draw < count; draw += 1) {
      counts.fill(0);
      for (let i = 0; i < n; i += 1) {
        const pick = Math.floor(random.nextFloat() * n);
        counts[pick] = (counts[pick] as number) + 1;
      }
      // Indices into the sorted data, taken in order, keep the resample sorted by fidelity.
      let k = 0;
      for (let i = 0; i < n; i += 1) {
        for (let copies = counts[i] as number; copies > 0; copies -= 1) {
          sampleF[k] = f[i] as number;
          sampleY[k] = y[i] as number;
          k += 1;
        }
      }
      const resample = prepare(sampleF, sampleY, cuts, settings.minObservations);
      compute(resample, sampleY, scratch);
      const index = best(scratch, resample.positions);
      if (index < 0) noCut += 1;
      else chosen.push(cuts[index] as number);
    }
  };
  return { step, finish: () => summarizeCuts(chosen, noCut, pointCut, settings) };
}

/** The percentile interval of the chosen cuts and how often they agree with `pointCut`. */
export function summarizeCuts(
  chosen: number[],
  noCut: number,
  pointCut: number,
  settings: { readonly draws: number; readonly confidenceLevel: number; readonly seed: number },
): NonNullable<FidelityThresholdResult['interval']> {
  chosen.sort((a, b) => a - b);
  const m = chosen.length;
  const tail = (1 - settings.confidenceLevel) / 2;
  const quantile = (p: number) =>
    m === 0 ? null : (chosen[Math.min(m - 1, Math.max(0, Math.ceil(p * m) - 1))] as number);
  return {
    lower: quantile(tail),
    upper: quantile(1 - tail),
    confidenceLevel: settings.confidenceLevel,
    draws: settings.draws,
    seed: settings.seed,
    agreement: chosen.filter((cut) => cut === pointCut).length / settings.draws,
    noCutShare: noCut / settings.draws,
    distinctCuts: new Set(chosen).size,
  };
}
