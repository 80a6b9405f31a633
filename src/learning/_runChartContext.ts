/**
 * What the phase analyses of {@link runChart} share: the series, the options read, and the flags
 * each signal rule sets on the points it flags.
 *
 * @internal
 * @module
 */

import { ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import type { Lines } from './_runChartInput.js';
import type { RunChartPolicy } from './runChartPolicy.js';
import { RUN_CHART_RULES, type RunChartRule, type RunChartSignalRule } from './runChartRules.js';

/** The signal rules, in catalog order: the rules that flag points. */
export const SIGNAL_RULES = /* @__PURE__ */ RUN_CHART_RULES.filter((rule) => rule.action === 'signal').map(
  (rule) => rule.id as RunChartSignalRule,
);

/** One bit per signal rule, in catalog order. */
export const BIT: Readonly<Record<RunChartSignalRule, number>> = /* @__PURE__ */ Object.fromEntries(
  SIGNAL_RULES.map((rule, index) => [rule, 1 << index]),
) as Record<RunChartSignalRule, number>;

/** The series and settings of one run chart, and its flags (one byte per point). */
export interface Context {
  readonly values: readonly (number | null)[];
  readonly excluded: Uint8Array;
  readonly flags: Uint8Array;
  readonly anhoej: boolean;
  readonly ihi: boolean;
  readonly policy: RunChartPolicy;
  readonly lines: Lines | null;
  readonly phaseCount: number;
}

/** The runs of one phase: useful points (present and off the median) and runs over them. */
export interface PhaseRuns {
  /** The phase number. */
  readonly phase: number;
  /** Indices of the useful points, in order. */
  readonly useful: readonly number[];
  /** Runs as [first position in `useful`, length]. */
  readonly runs: readonly (readonly [number, number])[];
  /** The longest run, `null` without useful points. */
  readonly longestRun: number | null;
  /** Runs − 1, `null` without useful points. */
  readonly crossings: number | null;
}

/** Flags every point of `positions[from .. to)` with `bit`. */
export function flag(context: Context, positions: readonly number[], from: number, to: number, bit: number): void {
  const { flags } = context;
  for (let i = from; i < to; i += 1) {
    const index = positions[i] as number;
    flags[index] = (flags[index] as number) | bit;
  }
}

/** A reason citing a rule of {@link RUN_CHART_RULES}. */
export function runChartReason(rule: RunChartRule, evidence: DecisionReason['evidence']): DecisionReason<RunChartRule> {
  return ruleReason(RUN_CHART_RULES, rule, evidence);
}
