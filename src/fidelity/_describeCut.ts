/**
 * Describing one candidate cut of {@link fidelityThreshold}: the counts on each side and the
 * outcome there (rates with Wilson intervals, or means, hinge slopes and the F statistic).
 *
 * @internal
 * @module
 */
import { proportionInterval } from '../stats/index.js';
import { type HingeFit, lowerBound } from './_thresholdStatistics.js';
import type { ThresholdCut } from './fidelityThreshold.js';

/** Describes cuts of the sorted data `f`, `y` (`statistic` NaN = ineligible). */
export function cutDescriber(
  f: Float64Array,
  y: Float64Array,
  outcomeType: 'binary' | 'continuous',
  minObservations: number,
): (cut: number, statistic: number, fit: HingeFit | undefined) => ThresholdCut {
  const n = f.length;
  // Outcome sums below each position, once, for every cut described.
  const outcomePrefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) outcomePrefix[i + 1] = (outcomePrefix[i] as number) + (y[i] as number);
  return (cut, statistic, fit) => {
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
        ? (fit.rssLinear - fit.rssHinge) / (fit.rssHinge / degreesOfFreedom)
        : null;
    return {
      ...base,
      binary: null,
      continuous:
        nBelow > 0 && nAbove > 0
          ? {
              slopeBelow: fit?.slopeBelow ?? null,
              slopeAbove: fit?.slopeAbove ?? null,
              meanBelow: sumBelow / nBelow,
              meanAbove: sumAbove / nAbove,
              f: fStatistic,
            }
          : null,
    };
  };
}
