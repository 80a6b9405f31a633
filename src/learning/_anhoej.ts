/**
 * The Anhøj analysis of one run-chart phase, as R qicharts2's `runs.analysis` computes it.
 *
 * @internal
 * @module
 */
import type { DecisionReason } from '../framework/Decision.js';
import { BIT, type Context, flag, type PhaseRuns, runChartReason } from './_runChartContext.js';
import { anhoejLimitsFor } from './anhoejLimits.js';
import type { RunChartRule } from './runChartRules.js';

/** The Anhøj fields of a phase, and the reasons of the rules that fired. */
export interface AnhoejAnalysis {
  readonly longestRunMax: number | null;
  readonly crossingsMin: number | null;
  readonly runsSignal: boolean | null;
  readonly fired: readonly DecisionReason<RunChartRule>[];
}

/**
 * The longest-run and crossings rules: a run longer than round(log₂ n) + 3, or fewer crossings
 * than `qbinom(0.05, n − 1, 0.5)`, signals; the points of each long run, or every useful point for
 * too few crossings, are flagged. `null` fields when the rule set is off or there are no useful
 * points.
 */
export function anhoejAnalysis(context: Context, runs: PhaseRuns): AnhoejAnalysis {
  if (!context.anhoej) return { longestRunMax: null, crossingsMin: null, runsSignal: null, fired: [] };
  const { useful, longestRun, crossings, phase } = runs;
  const nUseful = useful.length;
  const { longestRunMax, crossingsMin } = anhoejLimitsFor(nUseful);
  if (longestRun === null || crossings === null || longestRunMax === null || crossingsMin === null) {
    return { longestRunMax, crossingsMin, runsSignal: null, fired: [] };
  }
  const fired: DecisionReason<RunChartRule>[] = [];
  for (const [first, length] of runs.runs) {
    if (length > longestRunMax) flag(context, useful, first, first + length, BIT['learning/anhoej-longest-run']);
  }
  if (longestRun > longestRunMax) {
    fired.push(runChartReason('learning/anhoej-longest-run', { phase, nUseful, longestRun, longestRunMax }));
  }
  if (crossings < crossingsMin) {
    flag(context, useful, 0, nUseful, BIT['learning/anhoej-crossings']);
    fired.push(runChartReason('learning/anhoej-crossings', { phase, nUseful, crossings, crossingsMin }));
  }
  return { longestRunMax, crossingsMin, runsSignal: fired.length > 0, fired };
}
