/**
 * The IHI analysis of one run-chart phase (Perla, Provost & Murray 2011): shift, trend, the runs
 * table and astronomical points.
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import type { DecisionReason } from '../framework/Decision.js';
import { BIT, type Context, flag, type PhaseRuns, runChartReason } from './_runChartContext.js';
import type { RunChartAnalysis, RunChartNoteCode } from './RunChartResult.js';
import type { RunChartRule } from './runChartRules.js';

/** The IHI fields of a phase, the reasons of the rules that fired, and its notes. */
export interface IhiAnalysis {
  readonly shift: boolean | null;
  readonly trend: boolean | null;
  readonly longestTrend: number | null;
  readonly runsRange: RunChartAnalysis['runsRange'];
  readonly runsCountSignal: boolean | null;
  readonly astronomical: number | null;
  /** Whether a runs table was given but has no row for this phase's useful points. */
  readonly notInRunsTable: boolean;
  /** Whether every IHI rule that is on could be judged. */
  readonly judged: boolean;
  readonly fired: readonly DecisionReason<RunChartRule>[];
  readonly notes: readonly Note<RunChartNoteCode>[];
}

/** The trend analysis of one phase: the longest monotone stretch (in distinct steps), flagging long ones. */
function trendOf(context: Context, present: readonly number[]): number | null {
  if (present.length === 0) return null;
  const { values, policy } = context;
  // Groups of consecutive equal values count as one point: groupStart[g] is a position in `present`.
  const groupStart: number[] = [0];
  for (let i = 1; i < present.length; i += 1) {
    if (values[present[i] as number] !== values[present[i - 1] as number]) groupStart.push(i);
  }
  const groups = groupStart.length;
  groupStart.push(present.length);
  const groupValue = (group: number) => values[present[groupStart[group] as number] as number] as number;
  let longest = 1;
  for (const rising of [true, false]) {
    let start = 0;
    for (let g = 1; g <= groups; g += 1) {
      if (g < groups && (rising ? groupValue(g) > groupValue(g - 1) : groupValue(g) < groupValue(g - 1))) continue;
      const size = g - start;
      if (size > longest) longest = size;
      if (size >= policy.trendLength) {
        flag(context, present, groupStart[start] as number, groupStart[g] as number, BIT['learning/ihi-trend']);
      }
      start = g;
    }
  }
  return longest;
}

const OFF: IhiAnalysis = {
  shift: null,
  trend: null,
  longestTrend: null,
  runsRange: null,
  runsCountSignal: null,
  astronomical: null,
  notInRunsTable: false,
  judged: true,
  fired: [],
  notes: [],
};

/**
 * The IHI rules of one phase over its `present` points (included, not missing) and its runs;
 * `where` prefixes note messages with the phase when there are several.
 */
export function ihiAnalysis(context: Context, present: readonly number[], runs: PhaseRuns, where: string): IhiAnalysis {
  if (!context.ihi) return OFF;
  const { values, policy, lines } = context;
  const { useful, longestRun, crossings, phase } = runs;
  const nUseful = useful.length;
  const fired: DecisionReason<RunChartRule>[] = [];
  const notes: Note<RunChartNoteCode>[] = [];

  let shift: boolean | null = null;
  if (longestRun !== null) {
    shift = longestRun >= policy.shiftLength;
    for (const [first, length] of runs.runs) {
      if (length >= policy.shiftLength) flag(context, useful, first, first + length, BIT['learning/ihi-shift']);
    }
    if (shift) fired.push(runChartReason('learning/ihi-shift', { phase, longestRun, shiftLength: policy.shiftLength }));
  }
  const longestTrend = trendOf(context, present);
  const trend = longestTrend === null ? null : longestTrend >= policy.trendLength;
  if (trend === true) {
    fired.push(runChartReason('learning/ihi-trend', { phase, longestTrend, trendLength: policy.trendLength }));
  }
  let judged = shift !== null && trend !== null;

  let runsRange: RunChartAnalysis['runsRange'] = null;
  let runsCountSignal: boolean | null = null;
  let notInRunsTable = false;
  if (policy.runsTable.length > 0) {
    const row = nUseful === 0 ? undefined : policy.runsTable.find((entry) => entry.nUseful === nUseful);
    if (row !== undefined && crossings !== null) {
      runsRange = { min: row.min, max: row.max };
      const count = crossings + 1;
      runsCountSignal = count < row.min || count > row.max;
      if (runsCountSignal) {
        flag(context, useful, 0, nUseful, BIT['learning/ihi-runs']);
        fired.push(runChartReason('learning/ihi-runs', { phase, nUseful, runs: count, min: row.min, max: row.max }));
      }
    } else {
      judged = false;
      if (nUseful > 0) {
        notInRunsTable = true;
        notes.push(
          note('NOT_IN_RUNS_TABLE', `${where}the runs table has no row for ${nUseful} useful points`, 'runsRange'),
        );
      }
    }
  }

  let astronomical: number | null = null;
  if (lines !== null) {
    astronomical = 0;
    for (let position = 0; position < present.length; position += 1) {
      const value = values[present[position] as number] as number;
      if ((lines.above !== null && value > lines.above) || (lines.below !== null && value < lines.below)) {
        flag(context, present, position, position + 1, BIT['learning/ihi-astronomical']);
        astronomical += 1;
      }
    }
    if (astronomical > 0) {
      fired.push(
        runChartReason('learning/ihi-astronomical', { phase, astronomical, above: lines.above, below: lines.below }),
      );
    }
  }

  return { shift, trend, longestTrend, runsRange, runsCountSignal, astronomical, notInRunsTable, judged, fired, notes };
}
