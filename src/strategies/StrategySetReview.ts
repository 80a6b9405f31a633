import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Count, Evidence, GuidanceSchema, noteSchema } from '../factors/_resultParts.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import type { DecisionReason, Guidance } from '../framework/Decision.js';
import { STRATEGY_APPROACH_IDS, type StrategyApproachId, StrategyId } from '../framework/strategies.js';
import { STRATEGY_STATUSES, type StrategyStatus } from './StrategySet.js';
import { type StrategySetPolicy, StrategySetPolicySchema } from './strategySetPolicy.js';
import { STRATEGY_SET_RULES, type StrategySetAction, type StrategySetRule } from './strategySetRules.js';

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
  /** The version of this result's shape (1); a stored review with a newer one is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
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

const NOTE_CODES = [
  'FOCAL_GROUPS_NOT_GIVEN',
  'MEASURES_NOT_GIVEN',
  'ADDED_AFTER_AS_OF',
] as const satisfies readonly StrategySetNoteCode[];

const StrategySetReviewShape = z.strictObject({
  schemaVersion: z.literal(1),
  asOf: IsoDate,
  strategies: z.array(
    z.strictObject({
      id: StrategyId,
      approach: z.enum(STRATEGY_APPROACH_IDS),
      status: z.enum(STRATEGY_STATUSES),
      addedOn: IsoDate,
      steps: Count,
      stepsDone: Count,
      stepsOverdue: Count,
      measures: z.nullable(z.array(Id)),
      focalGroups: z.nullable(z.array(Id)),
      warnings: Count,
    }),
  ),
  approaches: z.array(z.strictObject({ id: z.enum(STRATEGY_APPROACH_IDS), strategies: z.array(StrategyId) })),
  warnings: z.array(
    z.strictObject({
      rule: z.enum(STRATEGY_SET_RULES.map((rule) => rule.id)),
      evidence: Evidence,
      guidance: GuidanceSchema,
      action: z.enum(['revise', 'add'] as const satisfies readonly StrategySetAction[]),
      strategyId: z.nullable(StrategyId),
      step: z.nullable(Count),
      message: z.string(),
    }),
  ),
  notes: z.array(noteSchema(NOTE_CODES)),
  policy: StrategySetPolicySchema,
});

/** Cheap consistency checks: steps done and overdue within the steps, per-strategy warnings within the list. */
function checkSetReview(review: z.output<typeof StrategySetReviewShape>, context: { issues: z.core.$ZodRawIssue[] }) {
  let perStrategy = 0;
  review.strategies.forEach((entry, index) => {
    perStrategy += entry.warnings;
    if (entry.stepsDone + entry.stepsOverdue > entry.steps) {
      context.issues.push({
        code: 'custom',
        input: review,
        path: ['strategies', index, 'stepsOverdue'],
        message: 'steps done and steps overdue add up to more than the steps',
      });
    }
  });
  if (perStrategy > review.warnings.length) {
    context.issues.push({
      code: 'custom',
      input: review,
      path: ['warnings'],
      message: `the strategies count ${perStrategy} warnings, more than the ${review.warnings.length} listed`,
    });
  }
}

/**
 * Schema for a {@link StrategySetReview} as {@link reviewStrategySet} returns it (for instance read
 * back from JSON storage): every field, strict objects, rules of {@link STRATEGY_SET_RULES},
 * `schemaVersion: 1`, and counts that add up.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { reviewStrategySet, StrategySetReview } from 'scaling-navigator/strategies';
 * const review = reviewStrategySet({ entries: [] }, { asOf: '2025-11-01' });
 * StrategySetReview.safeParse(JSON.parse(JSON.stringify(review))).success //=> true
 * StrategySetReview.safeParse({ ...review, policy: undefined }).success //=> false
 * ```
 */
export const StrategySetReview = /* @__PURE__ */ StrategySetReviewShape.check(
  crossCheck(checkSetReview),
) as unknown as z.ZodMiniType<StrategySetReview>;

/**
 * Parses a stored {@link StrategySetReview}, throwing `ScalingNavigatorError` at the first problem
 * (with every problem in `issues`).
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a strategy-set review (a missing
 *   or damaged field, an unknown key, a count that does not add up, a `schemaVersion` other than 1).
 * @example
 * ```ts
 * import { parseStrategySetReview, reviewStrategySet } from 'scaling-navigator/strategies';
 * const review = reviewStrategySet({ entries: [] }, { asOf: '2025-11-01' });
 * parseStrategySetReview(JSON.parse(JSON.stringify(review))).asOf //=> '2025-11-01'
 * parseStrategySetReview({ ...review, asOf: '2025-13-01' }) //=> throws INVALID_INPUT at ['asOf']
 * ```
 */
export const parseStrategySetReview: (input: unknown) => StrategySetReview =
  /* @__PURE__ */ schemaParsers(StrategySetReview).parse;

/**
 * Parses a stored {@link StrategySetReview} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { reviewStrategySet, safeParseStrategySetReview } from 'scaling-navigator/strategies';
 * const review = reviewStrategySet({ entries: [] }, { asOf: '2025-11-01' });
 * const damaged = safeParseStrategySetReview({ ...review, policy: { ...review.policy, minTheorySteps: 0 } });
 * damaged.success ? null : damaged.error.path //=> ['policy', 'minTheorySteps']
 * ```
 */
export const safeParseStrategySetReview: (input: unknown) => SafeParseResult<StrategySetReview> =
  /* @__PURE__ */ schemaParsers(StrategySetReview).safeParse;
