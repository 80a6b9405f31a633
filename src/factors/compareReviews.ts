import { invalid } from '../_lib/errors.js';
import { requireRecord } from '../_lib/validate.js';
import type { FactorCategoryId } from '../framework/factors.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy, TOLERANCE } from './factorReviewPolicy.js';
import type { FactorVerdict } from './factorVerdicts.js';
import { type ReviewView, readReview } from './readReview.js';
import type { FactorReview } from './reviewFactors.js';

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
  /** Overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY}; only `minChange` applies. */
  readonly policy?: Partial<FactorReviewPolicy>;
}

/**
 * One factor in a {@link FactorReviewComparison}.
 *
 * @category Factor review
 */
export interface FactorChange {
  /** The factor id. */
  readonly id: string;
  readonly category: FactorCategoryId;
  /** Mean and verdict in the earlier review (`null` mean, `'undetermined'` verdict when absent or unrated). */
  readonly previousMean: number | null;
  readonly currentMean: number | null;
  /** `currentMean − previousMean`, or `null`. */
  readonly change: number | null;
  readonly movement: FactorMovement | null;
  readonly previousVerdict: FactorVerdict;
  readonly currentVerdict: FactorVerdict;
  /** Whether the verdict is different. */
  readonly verdictChanged: boolean;
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
export interface FactorReviewComparison {
  readonly previousReviewedOn: string | null;
  readonly currentReviewedOn: string | null;
  /** Every factor of either review: the current review's order, then factors only the earlier one has. */
  readonly factors: readonly FactorChange[];
  /** Factors whose mean moved by at least `minChange`, largest move first. */
  readonly moved: readonly string[];
  /** Factors that are roadblocks now and were not before: a reason for an unplanned pit stop. */
  readonly becameRoadblocks: readonly string[];
  /** Roadblocks in both reviews whose mean fell by at least `minChange`. */
  readonly worsenedRoadblocks: readonly string[];
  /** Factors that were supports and are not any more. */
  readonly lostSupports: readonly string[];
  /** Factors that were roadblocks and are not any more. */
  readonly clearedRoadblocks: readonly string[];
  /** Factors the raters now disagree on and did not before. */
  readonly becameMixed: readonly string[];
  /** Factors with a mean now and none before. */
  readonly newlyRated: readonly string[];
  readonly categories: readonly CategoryChange[];
  /** The effective policy (only `minChange` is used here). */
  readonly policy: FactorReviewPolicy;
}

type ViewFactor = ReviewView['factors'][number];

const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/**
 * Compares two factor reviews of the same journey (the Carnegie framework: influential factors change along the
 * way, and such changes are what bring on unplanned pit stops): what moved and by how much, what
 * became a roadblock, what stopped being a support, and each category's change in net force.
 *
 * A factor moved when $|\bar x_{now} - \bar x_{before}| \ge$ `minChange` (default 0.5, within 1e-9).
 * Factors present in only one review (a custom factor declared later) compare against "unrated".
 * O(f log f) for f factors. The inputs are not mutated.
 *
 * @category Factor review
 * @param previous - The earlier {@link FactorReview}.
 * @param current - The later one.
 * @param options - `policy` overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY} (only `minChange` applies).
 * @throws ScalingNavigatorError `INVALID_INPUT` for a malformed review, a `current` review dated before
 *   `previous`, or bad policy values.
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
 * compareReviews(after, before) //=> throws INVALID_INPUT
 * ```
 */
export function compareReviews(
  previous: FactorReview,
  current: FactorReview,
  options: CompareReviewsOptions = {},
): FactorReviewComparison {
  const before = readReview(previous, ['previous']);
  const now = readReview(current, ['current']);
  const policy = resolveFactorReviewPolicy(requireRecord(options, ['options']).policy, ['options', 'policy']);
  if (before.reviewedOn !== null && now.reviewedOn !== null && now.reviewedOn < before.reviewedOn) {
    invalid(
      ['current', 'reviewedOn'],
      `the current review (${now.reviewedOn}) is dated before the previous one (${before.reviewedOn}); pass them in time order`,
    );
  }

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

  const factors: FactorChange[] = pairs.map(({ id, category, a, b }) => {
    const previousMean = a?.mean ?? null;
    const currentMean = b?.mean ?? null;
    const change = minus(currentMean, previousMean);
    let movement: FactorMovement | null = null;
    if (change !== null) {
      if (change >= policy.minChange - TOLERANCE) movement = 'toward-support';
      else if (change <= -policy.minChange + TOLERANCE) movement = 'toward-roadblock';
      else movement = 'steady';
    }
    const previousVerdict = a?.verdict ?? 'undetermined';
    const currentVerdict = b?.verdict ?? 'undetermined';
    return {
      id,
      category,
      previousMean,
      currentMean,
      change,
      movement,
      previousVerdict,
      currentVerdict,
      verdictChanged: previousVerdict !== currentVerdict,
    };
  });

  const ids = (keep: (factor: FactorChange) => boolean) => factors.filter(keep).map((factor) => factor.id);
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

  return {
    previousReviewedOn: before.reviewedOn,
    currentReviewedOn: now.reviewedOn,
    factors,
    moved,
    becameRoadblocks: ids((f) => f.currentVerdict === 'roadblock' && f.previousVerdict !== 'roadblock'),
    worsenedRoadblocks: ids(
      (f) => f.currentVerdict === 'roadblock' && f.previousVerdict === 'roadblock' && f.movement === 'toward-roadblock',
    ),
    lostSupports: ids((f) => f.previousVerdict === 'support' && f.currentVerdict !== 'support'),
    clearedRoadblocks: ids((f) => f.previousVerdict === 'roadblock' && f.currentVerdict !== 'roadblock'),
    becameMixed: ids((f) => f.currentVerdict === 'mixed' && f.previousVerdict !== 'mixed'),
    newlyRated: ids((f) => f.currentMean !== null && f.previousMean === null),
    categories,
    policy,
  };
}
