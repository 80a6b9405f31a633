import type { Note } from '../_lib/notes.js';
import type { DecisionReason, Guidance } from '../framework/Decision.js';
import type { StrategyApproachId, StrategyId } from '../framework/strategies.js';
import type { StrategyStatus } from './StrategySet.js';
import type { StrategySetPolicy } from './strategySetPolicy.js';
import type { StrategySetAction, StrategySetRule } from './strategySetRules.js';

/**
 * Why a check of {@link reviewStrategySet} could not run, or what it left out.
 *
 * - `FOCAL_GROUPS_NOT_GIVEN` (field `warnings`): no trip ticket or focal groups, so "is every focal
 *   group named?" is unknown.
 * - `MEASURES_NOT_GIVEN` (field `warnings`): no trip ticket or measures, so "does a measure inform
 *   each strategy?" is unknown.
 * - `ADDED_AFTER_AS_OF` (field `strategies`): some strategies were added after `asOf`; they are left out.
 *
 * @category Strategy set
 */
export type StrategySetNoteCode = 'FOCAL_GROUPS_NOT_GIVEN' | 'MEASURES_NOT_GIVEN' | 'ADDED_AFTER_AS_OF';

/**
 * One thing a team can act on, found by {@link reviewStrategySet}.
 *
 * @category Strategy set
 */
export interface StrategySetWarning extends DecisionReason<StrategySetRule> {
  /** The rule of {@link STRATEGY_SET_RULES} that fired (its id). */
  readonly rule: StrategySetRule;
  /** The pit-stop action the rule points to: `'revise'` a strategy of the set, or `'add'` one. */
  readonly action: StrategySetAction;
  /** The strategy concerned, or `null` for the set as a whole. */
  readonly strategyId: StrategyId | null;
  /** Index of the step in the strategy's `steps`, or `null`. */
  readonly step: number | null;
  /** What is wrong and what to do, in plain words. */
  readonly message: string;
  /** The values that triggered it. */
  readonly evidence: DecisionReason['evidence'];
  /** The rule's source passage, with our paraphrase. */
  readonly guidance: Guidance;
}

/**
 * One strategy of the set as of the review date.
 *
 * @category Strategy set
 */
export interface StrategySetEntryReview {
  /** The strategy id. */
  readonly id: StrategyId;
  readonly approach: StrategyApproachId;
  readonly status: StrategyStatus;
  readonly addedOn: string;
  readonly steps: number;
  /** Steps done on or before `asOf`. */
  readonly stepsDone: number;
  readonly stepsOverdue: number;
  /** Ids of the measures that inform it (`null` when no measures were given). */
  readonly measures: readonly string[] | null;
  /** Focal group ids its theory of action names (`null` when no focal groups were given). */
  readonly focalGroups: readonly string[] | null;
  /** How many warnings concern it. */
  readonly warnings: number;
}

/**
 * The strategies of one approach that are planned or active.
 *
 * @category Strategy set
 */
export interface ApproachCoverage {
  /** The approach id. */
  readonly id: StrategyApproachId;
  readonly strategies: readonly StrategyId[];
}

/**
 * The result of {@link reviewStrategySet}.
 *
 * @category Strategy set
 */
export interface StrategySetReview {
  readonly asOf: string;
  /** Strategies added on or before `asOf`, in the set's order. */
  readonly strategies: readonly StrategySetEntryReview[];
  /** The three approaches in typology order, with their planned or active strategies. */
  readonly approaches: readonly ApproachCoverage[];
  /** What to act on: per strategy in the set's order (steps in order), then set-wide warnings. */
  readonly warnings: readonly StrategySetWarning[];
  readonly notes: readonly Note<StrategySetNoteCode>[];
  /** The effective policy. */
  readonly policy: StrategySetPolicy;
}
