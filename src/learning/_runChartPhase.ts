/**
 * One phase of {@link runChart}: its centre line, its runs, the Anhøj and IHI analyses, and the
 * decision they add up to.
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import { decide } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import { anhoejAnalysis } from './_anhoej.js';
import { ihiAnalysis } from './_ihi.js';
import { type Context, type PhaseRuns, runChartReason } from './_runChartContext.js';
import type { Bounds } from './_runChartInput.js';
import type { RunChartAnalysis, RunChartDecision, RunChartNoteCode, RunChartPhase } from './RunChartResult.js';
import type { RunChartPolicy } from './runChartPolicy.js';
import type { RunChartAction, RunChartRule } from './runChartRules.js';

/** The median of a non-empty list (R's definition: the mean of the two middle values for even n). */
function medianOf(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const half = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[half] as number;
  const low = sorted[half - 1] as number;
  const high = sorted[half] as number;
  const mean = (low + high) / 2;
  const median = Number.isFinite(mean) ? mean : low / 2 + high / 2;
  return median === 0 ? 0 : median; // −5e-324 / 2 rounds to −0; a result never holds −0
}

/** Runs of useful points (present and off the median). */
function runsOf(
  values: readonly (number | null)[],
  present: readonly number[],
  median: number | null,
  phase: number,
): PhaseRuns {
  const useful: number[] = [];
  const runs: [number, number][] = [];
  if (median !== null) {
    let side = 0;
    for (const index of present) {
      const value = values[index] as number;
      if (value === median) continue;
      const current = value > median ? 1 : -1;
      if (current === side) (runs[runs.length - 1] as [number, number])[1] += 1;
      else runs.push([useful.length, 1]);
      side = current;
      useful.push(index);
    }
  }
  let longestRun: number | null = null;
  for (const run of runs) if (longestRun === null || run[1] > longestRun) longestRun = run[1];
  return { phase, useful, runs, longestRun, crossings: useful.length === 0 ? null : runs.length - 1 };
}

/** Analyses phase `phase` of the chart: points `bounds`, baseline up to `baselineEnd`. */
export function analysePhase(context: Context, phase: number, bounds: Bounds, baselineEnd: number): RunChartPhase {
  const { values, excluded } = context;
  const { start, end } = bounds;
  const notes: Note<RunChartNoteCode>[] = [];
  const where = context.phaseCount > 1 ? `phase ${phase} (points ${start}–${end - 1}): ` : '';

  let nMissing = 0;
  let nExcluded = 0;
  const baselineValues: number[] = [];
  const present: number[] = [];
  for (let index = start; index < end; index += 1) {
    const value = values[index] as number | null;
    if (excluded[index] === 1) nExcluded += 1;
    else if (value === null) nMissing += 1;
    else {
      present.push(index);
      if (index < baselineEnd) baselineValues.push(value);
    }
  }
  const median = baselineValues.length > 0 ? medianOf(baselineValues) : null;
  if (median === null) {
    notes.push(
      note('NO_BASELINE_VALUES', `${where}the baseline has no value (all missing or excluded), so no median`, 'median'),
    );
  }
  const runs = runsOf(values, present, median, phase);
  const nUseful = runs.useful.length;
  if (median !== null && nUseful === 0) {
    notes.push(
      note('NO_USEFUL_POINTS', `${where}every value lies on the median, so there are no runs to judge`, 'decision'),
    );
  }

  const anhoej = anhoejAnalysis(context, runs);
  const ihi = ihiAnalysis(context, present, runs, where);
  notes.push(...ihi.notes);

  const fired = [...anhoej.fired, ...ihi.fired];
  const judged = (!context.anhoej || anhoej.runsSignal !== null) && ihi.judged;
  let decision: RunChartDecision;
  if (fired.length > 0) decision = decide('signal', fired, context.policy);
  else if (judged) {
    decision = decide(
      'no-signal',
      [
        runChartReason('learning/random-variation', {
          phase,
          nUseful,
          longestRun: runs.longestRun,
          longestRunMax: anhoej.longestRunMax,
          crossings: runs.crossings,
          crossingsMin: anhoej.crossingsMin,
          longestTrend: ihi.longestTrend,
        }),
      ],
      context.policy,
    );
  } else {
    const reasons: DecisionReason<RunChartRule>[] = [];
    if (median === null) {
      reasons.push(runChartReason('learning/no-median', { phase, baselinePoints: baselineEnd - start }));
    } else if (nUseful === 0) {
      reasons.push(runChartReason('learning/all-on-median', { phase, points: present.length }));
    }
    if (ihi.notInRunsTable) reasons.push(runChartReason('learning/not-in-runs-table', { phase, nUseful }));
    decision = decide<RunChartAction, RunChartRule, RunChartPolicy>('undetermined', reasons, context.policy);
  }

  return {
    phase,
    start,
    end,
    baselineEnd,
    n: end - start,
    nMissing,
    nExcluded,
    median,
    nUseful,
    longestRun: runs.longestRun,
    longestRunMax: anhoej.longestRunMax,
    crossings: runs.crossings,
    crossingsMin: anhoej.crossingsMin,
    runsSignal: anhoej.runsSignal,
    shift: ihi.shift,
    trend: ihi.trend,
    longestTrend: ihi.longestTrend,
    runs: runs.crossings === null ? null : runs.crossings + 1,
    runsRange: ihi.runsRange,
    runsCountSignal: ihi.runsCountSignal,
    astronomical: ihi.astronomical,
    signal: decision.action === 'signal' ? true : decision.action === 'no-signal' ? false : null,
    decision,
    notes,
  };
}

/** The run-analysis fields of a phase (the top level of a result repeats the last phase's). */
export function analysisOf(phase: RunChartPhase): RunChartAnalysis {
  return {
    median: phase.median,
    nUseful: phase.nUseful,
    longestRun: phase.longestRun,
    longestRunMax: phase.longestRunMax,
    crossings: phase.crossings,
    crossingsMin: phase.crossingsMin,
    runsSignal: phase.runsSignal,
    shift: phase.shift,
    trend: phase.trend,
    longestTrend: phase.longestTrend,
    runs: phase.runs,
    runsRange: phase.runsRange,
    runsCountSignal: phase.runsCountSignal,
    astronomical: phase.astronomical,
    signal: phase.signal,
    decision: phase.decision,
  };
}
