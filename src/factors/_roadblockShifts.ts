/**
 * What `compareReviews` and a pit stop share: the time-order check, the movement of a factor, and
 * the roadblocks that are new or worse since the previous review (for reviews already read).
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import type { ReviewView } from './_readReview.js';
import type { FactorMovement, FactorReviewComparison } from './compareReviews.js';
import type { FactorReviewPolicy } from './factorReviewPolicy.js';

/** `a − b`, never −0 (a hand-built review may carry −0; `+ 0` turns it into 0). */
export const minus = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : a - b + 0;

/** The current review may not be dated before the previous one (`INVALID_INPUT` at `at`, the current review's `reviewedOn`). */
export function requireTimeOrder(before: ReviewView, now: ReviewView, at: ErrorPath): void {
  if (before.reviewedOn !== null && now.reviewedOn !== null && now.reviewedOn < before.reviewedOn) {
    invalid(
      at,
      `the current review (${now.reviewedOn}) is dated before the previous one (${before.reviewedOn}); pass them in time order`,
    );
  }
}

/** How far a factor's mean moved (`change` = current − previous), under the policy's minimum change and tolerance. */
export function movementOf(change: number | null, policy: FactorReviewPolicy): FactorMovement | null {
  if (change === null) return null;
  if (change >= policy.minChange - policy.tolerance) return 'toward-support';
  if (change <= -policy.minChange + policy.tolerance) return 'toward-roadblock';
  return 'steady';
}

/** The part of a `FactorReviewComparison` a pit stop reads: the dates and the new or worse roadblocks. @internal */
export type RoadblockShifts = Pick<
  FactorReviewComparison<string>,
  'previousReviewedOn' | 'currentReviewedOn' | 'becameRoadblocks' | 'worsenedRoadblocks'
>;

/**
 * `compareReviews` of two reviews already read (`readReview`) and checked to be in time order
 * ({@link requireTimeOrder}), the policy resolved, for the roadblock lists alone (the same ids, in
 * the same order).
 *
 * @internal
 */
export function roadblockShifts(before: ReviewView, now: ReviewView, policy: FactorReviewPolicy): RoadblockShifts {
  const beforeById = new Map<string, ReviewView['factors'][number]>();
  for (const factor of before.factors) beforeById.set(factor.id, factor);
  const becameRoadblocks: string[] = [];
  const worsenedRoadblocks: string[] = [];
  for (const factor of now.factors) {
    if (factor.decision.action !== 'roadblock') continue;
    const a = beforeById.get(factor.id);
    const previousAction = a?.decision.action ?? 'undetermined';
    if (previousAction !== 'roadblock') becameRoadblocks.push(factor.id);
    else if (movementOf(minus(factor.mean, a?.mean ?? null), policy) === 'toward-roadblock') {
      worsenedRoadblocks.push(factor.id);
    }
  }
  return {
    previousReviewedOn: before.reviewedOn,
    currentReviewedOn: now.reviewedOn,
    becameRoadblocks,
    worsenedRoadblocks,
  };
}
