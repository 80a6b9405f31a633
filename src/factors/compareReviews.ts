import { type Note, note } from '../_lib/notes.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import type { FactorCategoryId } from '../framework/factors.js';
import { type ReviewView, readReview } from './_readReview.js';
import { minus, movementOf, requireTimeOrder } from './_roadblockShifts.js';
import type { FactorReview, ReviewedFactorId } from './FactorReview.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy } from './factorReviewPolicy.js';
import type { FactorVerdict } from './factorVerdicts.js';

/**
 * Which way a factor's mean moved between two reviews: by at least `policy.minChange` toward support
 * or toward roadblock, `'steady'` otherwise, `null` when either review has no mean for it.
 *
 * @category Factor review
 */
export type FactorMovement = 'toward-support' | 'toward-roadblock' | 'steady';

/**
 * Options for {@link compareReviews}.
 *
 * @category Factor review
 */
export interface CompareReviewsOptions {
  /** Overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY}; only `minChange` and `tolerance` apply. */
  readonly policy?: Partial<FactorReviewPolicy>;
}

const COMPARE_REVIEWS_OPTION_KEYS = keysOf<CompareReviewsOptions>()('policy');

/**
 * Why a factor's change between two reviews is unknown.
 *
 * - `NOT_IN_REVIEW`: one review does not list the factor (a custom factor declared later or dropped).
 * - `NO_MEAN`: one review lists the factor but has no numeric rating for it.
 *
 * @category Factor review
 */
export type FactorChangeNoteCode = 'NOT_IN_REVIEW' | 'NO_MEAN';

/**
 * One factor in a {@link FactorReviewComparison}.
 *
 * @category Factor review
 */
export interface FactorChange<Custom extends string = never> {
  /** The factor id. */
  readonly id: ReviewedFactorId<Custom>;
  /** The factor's category. */
  readonly category: FactorCategoryId;
  /** Mean in the earlier review (`null` when absent or unrated). */
  readonly previousMean: number | null;
  /** Mean in the later review (`null` when absent or unrated). */
  readonly currentMean: number | null;
  /** `currentMean − previousMean`, or `null` (with a note). */
  readonly change: number | null;
  /** Which way the mean moved, or `null` (with a note) when `change` is. */
  readonly movement: FactorMovement | null;
  /** The action of the factor's decision in the earlier review (`'undetermined'` when absent). */
  readonly previousAction: FactorVerdict;
  /** The action of the factor's decision in the later review (`'undetermined'` when absent). */
  readonly currentAction: FactorVerdict;
  /** Whether the action is different. */
  readonly actionChanged: boolean;
  /** Why `change` and `movement` are unknown; empty when they are known. */
  readonly notes: readonly Note<FactorChangeNoteCode>[];
}

/**
 * One category's net force in both reviews.
 *
 * @category Factor review
 */
export interface CategoryChange {
  readonly id: FactorCategoryId;
  readonly previousNetForce: number | null;
  readonly currentNetForce: number | null;
  /** `currentNetForce − previousNetForce`, or `null`. */
  readonly change: number | null;
}

/**
 * The result of {@link compareReviews}.
 *
 * @category Factor review
 */
export interface FactorReviewComparison<Custom extends string = never> {
  readonly previousReviewedOn: string | null;
  readonly currentReviewedOn: string | null;
  /** Every factor of either review: the current review's order, then factors only the earlier one has. */
  readonly factors: readonly FactorChange<Custom>[];
  /** Factors whose mean moved by at least `minChange`, largest move first. */
  readonly moved: readonly ReviewedFactorId<Custom>[];
  /** Factors that are roadblocks now and were not before: a reason for an unplanned pit stop. */
  readonly becameRoadblocks: readonly ReviewedFactorId<Custom>[];
  /** Roadblocks in both reviews whose mean fell by at least `minChange`. */
  readonly worsenedRoadblocks: readonly ReviewedFactorId<Custom>[];
  /** Factors that were supports and are not any more. */
  readonly lostSupports: readonly ReviewedFactorId<Custom>[];
  /** Factors that were roadblocks and are not any more. */
  readonly clearedRoadblocks: readonly ReviewedFactorId<Custom>[];
  /** Factors the raters now disagree on and did not before. */
  readonly becameMixed: readonly ReviewedFactorId<Custom>[];
  /** Factors with a mean now and none before. */
  readonly newlyRated: readonly ReviewedFactorId<Custom>[];
  readonly categories: readonly CategoryChange[];
  /** The effective policy (only `minChange` and `tolerance` are used here). */
  readonly policy: FactorReviewPolicy;
}

type ViewFactor = ReviewView['factors'][number];

function changeNotes(id: string, a: ViewFactor | undefined, b: ViewFactor | undefined): Note<FactorChangeNoteCode>[] {
  const side = (factor: ViewFactor | undefined, which: string): Note<FactorChangeNoteCode> | null => {
    if (factor === undefined) return note('NOT_IN_REVIEW', `the ${which} review does not list "${id}"`, 'change');
    if (factor.mean === null) return note('NO_MEAN', `"${id}" has no numeric rating in the ${which} review`, 'change');
    return null;
  };
  return [side(a, 'previous'), side(b, 'current')].filter((entry) => entry !== null);
}

/**
 * Compares two factor reviews of the same journey (the Carnegie framework: influential factors change along the
 * way, and such changes are what bring on unplanned pit stops): what moved and by how much, what
 * became a roadblock, what stopped being a support, and each category's change in net force.
 *
 * A factor moved when |x̄_now − x̄_before| ≥ `minChange` (default 0.5, within `tolerance`).
 * Factors present in only one review (a custom factor declared later) compare against "unrated".
 * O(f log f) for f factors. The inputs are not mutated.
 *
 * @category Factor review
 * @param previous - The earlier {@link FactorReview}.
 * @param current - The later one.
 * @param options - `policy` overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY} (only `minChange` and `tolerance` apply).
 * @throws ScalingNavigatorError `INVALID_INPUT` for a review this library did not make that does not
 *   match {@link FactorReview} (a damaged or hand-edited one: at the path of the damage, e.g.
 *   `['previous', 'policy']`), a `current` review dated before `previous`, bad policy values, or an
 *   unknown key in `options` (read once); `INCOMPATIBLE` for a review with a newer `schemaVersion`.
 *   A review from {@link reviewFactors} passes without re-validation.
 * @example
 * ```ts
 * import { compareReviews, reviewFactors } from 'scaling-navigator/factors';
 * const ratings = [
 *   { factorId: 'leadership', raterId: 'ana', rating: 2, ratedOn: '2025-08-20' },
 *   { factorId: 'leadership', raterId: 'ana', rating: -1, ratedOn: '2026-01-10' },
 * ] as const;
 * const before = reviewFactors(ratings, { asOf: '2025-09-01' });
 * const after = reviewFactors(ratings, { asOf: '2026-01-15' });
 * const comparison = compareReviews(before, after);
 * comparison.becameRoadblocks //=> ['leadership']
 * comparison.lostSupports //=> ['leadership']
 * comparison.factors.find((factor) => factor.id === 'leadership')?.change //=> -3
 * compareReviews(after, before) //=> throws INVALID_INPUT at ['current', 'reviewedOn']
 * compareReviews(before, { ...after, policy: undefined } as never) //=> throws INVALID_INPUT at ['current', 'policy']
 * ```
 */
export function compareReviews<Custom extends string = never>(
  previous: FactorReview<Custom>,
  current: FactorReview<Custom>,
  options: CompareReviewsOptions = {},
): FactorReviewComparison<Custom> {
  const before = readReview(previous, ['previous']);
  const now = readReview(current, ['current']);
  const given = readOptions<CompareReviewsOptions>(options, COMPARE_REVIEWS_OPTION_KEYS, ['options']);
  const policy = resolveFactorReviewPolicy(given.policy, ['options', 'policy']);
  requireTimeOrder(before, now, ['current', 'reviewedOn']);

  const beforeById = new Map(before.factors.map((factor) => [factor.id, factor]));
  const nowIds = new Set(now.factors.map((factor) => factor.id));
  const pairs: { id: string; category: FactorCategoryId; a: ViewFactor | undefined; b: ViewFactor | undefined }[] = [
    ...now.factors.map((factor) => ({
      id: factor.id,
      category: factor.category,
      a: beforeById.get(factor.id),
      b: factor,
    })),
    ...before.factors
      .filter((factor) => !nowIds.has(factor.id))
      .map((factor) => ({ id: factor.id, category: factor.category, a: factor, b: undefined })),
  ];

  const factors: FactorChange<string>[] = pairs.map(({ id, category, a, b }) => {
    const previousMean = a?.mean ?? null;
    const currentMean = b?.mean ?? null;
    const change = minus(currentMean, previousMean);
    const movement = movementOf(change, policy);
    const previousAction = a?.decision.action ?? 'undetermined';
    const currentAction = b?.decision.action ?? 'undetermined';
    return {
      id,
      category,
      previousMean,
      currentMean,
      change,
      movement,
      previousAction,
      currentAction,
      actionChanged: previousAction !== currentAction,
      notes: changeNotes(id, a, b),
    };
  });

  const ids = (keep: (factor: FactorChange<string>) => boolean) => factors.filter(keep).map((factor) => factor.id);
  const moved = factors
    .filter((factor) => factor.movement === 'toward-support' || factor.movement === 'toward-roadblock')
    .sort((a, b) => Math.abs(b.change as number) - Math.abs(a.change as number))
    .map((factor) => factor.id);

  const categoryIds = [...new Set([...now.categories, ...before.categories].map((category) => category.id))];
  const netForce = (view: ReviewView, id: FactorCategoryId) =>
    view.categories.find((category) => category.id === id)?.netForce ?? null;
  const categories: CategoryChange[] = categoryIds.map((id) => {
    const previousNetForce = netForce(before, id);
    const currentNetForce = netForce(now, id);
    return { id, previousNetForce, currentNetForce, change: minus(currentNetForce, previousNetForce) };
  });

  const comparison: FactorReviewComparison<string> = {
    previousReviewedOn: before.reviewedOn,
    currentReviewedOn: now.reviewedOn,
    factors,
    moved,
    becameRoadblocks: ids((f) => f.currentAction === 'roadblock' && f.previousAction !== 'roadblock'),
    worsenedRoadblocks: ids(
      (f) => f.currentAction === 'roadblock' && f.previousAction === 'roadblock' && f.movement === 'toward-roadblock',
    ),
    lostSupports: ids((f) => f.previousAction === 'support' && f.currentAction !== 'support'),
    clearedRoadblocks: ids((f) => f.previousAction === 'roadblock' && f.currentAction !== 'roadblock'),
    becameMixed: ids((f) => f.currentAction === 'mixed' && f.previousAction !== 'mixed'),
    newlyRated: ids((f) => f.currentMean !== null && f.previousMean === null),
    categories,
    policy,
  };
  // The ids come from the two reviews, whose ids `Custom` names.
  return comparison as unknown as FactorReviewComparison<Custom>;
}
