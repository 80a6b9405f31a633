/**
 * Describing one candidate cut of {@link fidelityThreshold}: the counts on each side and the
 * outcome there (rates with Wilson intervals, or means, hinge slopes and the F statistic).
 *
 * @internal
 * @module
 */
import { proportionInterval } from '../stats/index.js';
import { timesUnit } from './_finite.js';
import type { ThresholdCut } from './_thresholdSchema.js';
import { type HingeFit, lowerBound } from './_thresholdStatistics.js';

/** Describes one cut; `unrepresentable()` tells whether a slope or F statistic had to be `null` for lying beyond the largest double. */
export interface CutDescriber {
  (cut: number, statistic: number, fit: HingeFit | undefined): ThresholdCut;
  unrepresentable(): boolean;
}

/**
 * Describes cuts of the sorted data `f`, `y` (`statistic` NaN = ineligible), outcomes `y` being in
 * `unit`s (a power of two; means and slopes are reported in the caller's units).
 */
export function cutDescriber(
  f: Float64Array,
  y: Float64Array,
  outcomeType: 'binary' | 'continuous',
  minObservations: number,
  unit = 1,
): CutDescriber {
  let lost = false;
  /** A value in the caller's units, or `null` (and remembered) when it is not a finite double. */
  const inUnits = (value: number | null | undefined, factor: number): number | null => {
    if (value === null || value === undefined) return null;
    const scaled = timesUnit(value, factor);
    if (scaled === null) lost = true;
    return scaled;
  };
  const n = f.length;
  // Outcome sums below each position, once, for every cut described.
  const outcomePrefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) outcomePrefix[i + 1] = (outcomePrefix[i] as number) + (y[i] as number);
  const describe = (cut: number, statistic: number, fit: HingeFit | undefined): ThresholdCut => {
    const position = lowerBound(f, cut);
    const nBelow = position;
    const nAbove = n - position;
    const eligible = nBelow >= minObservations && nAbove >= minObservations && !Number.isNaN(statistic);
    const sumBelow = outcomePrefix[position] as number;
    const sumAbove = (outcomePrefix[n] as number) - sumBelow;
    const base = { cut, nBelow, nAbove, eligible, statistic: eligible ? statistic : null };
    if (outcomeType === 'binary') {
      const positives = sumBelow + sumAbove;
      const negatives = n - positives;
      return {
        ...base,
        continuous: null,
        binary:
          nBelow > 0 && nAbove > 0 && positives > 0 && negatives > 0
            ? {
                sensitivity: sumAbove / positives,
                specificity: (nBelow - sumBelow) / negatives,
                rateBelow: proportionInterval(sumBelow, nBelow),
                rateAbove: proportionInterval(sumAbove, nAbove),
              }
            : null,
      };
    }
    const degreesOfFreedom = n - 3;
    const fStatistic =
      fit && fit.rssHinge > 0 && degreesOfFreedom > 0 && Number.isFinite(fit.improvement)
        ? inUnits((fit.rssLinear - fit.rssHinge) / (fit.rssHinge / degreesOfFreedom), 1)
        : null;
    if (nBelow === 0 || nAbove === 0) return { ...base, binary: null, continuous: null };
    return {
      ...base,
      binary: null,
      continuous: {
        slopeBelow: inUnits(fit?.slopeBelow, unit),
        slopeAbove: inUnits(fit?.slopeAbove, unit),
        // Means of outcomes in units lie within their range: finite once scaled back.
        meanBelow: (sumBelow / nBelow) * unit + 0,
        meanAbove: (sumAbove / nAbove) * unit + 0,
        f: fStatistic,
      },
    };
  };
  return Object.assign(describe, { unrepresentable: () => lost });
}
