import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { checkReviewParts } from './_checkReviewParts.js';
import { CustomFactor } from './CustomFactor.js';
import { FactorInteraction } from './FactorInteraction.js';
import { FactorRating } from './FactorRating.js';

/**
 * Schema for a factor review as a document (Carnegie framework, Tool #4, as JSON): the ratings, any custom
 * factors the team declared, and the interactions it declared. Cross-field rules: custom ids are new
 * and unique; every rating and interaction names a catalog or declared factor; one rating per rater,
 * factor and day; an interaction joins two different factors, and each pair is declared once.
 * `const { ratings, ...options } = input; reviewFactors(ratings, options)` reviews it.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FactorReviewInput } from 'scaling-navigator/factors';
 * const review = FactorReviewInput.parse({
 *   customFactors: [{ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }],
 *   ratings: [{ factorId: 'team-goals', raterId: 'kim', rating: 2, ratedOn: '2025-10-01' }],
 * });
 * review.interactions //=> []
 * FactorReviewInput.safeParse({ ratings: [{ factorId: 'team-goal', raterId: 'kim', rating: 2, ratedOn: '2025-10-01' }] }).success //=> false
 * ```
 */
export const FactorReviewInput = z
  .strictObject({
    ratings: z.array(FactorRating),
    customFactors: z._default(z.array(CustomFactor), []),
    interactions: z._default(z.array(FactorInteraction), []),
  })
  .check(
    crossCheck((review, context) => {
      const issue = checkReviewParts(review);
      if (issue) context.issues.push({ code: 'custom', input: review, path: issue.path, message: issue.message });
    }),
  );
/** A factor review document as the library holds it. @category Factor review */
export type FactorReviewInput = z.output<typeof FactorReviewInput>;

/**
 * Parses a factor review document, throwing `ScalingNavigatorError` at the first problem (with every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a factor review document.
 * @example
 * ```ts
 * import { parseFactorReviewInput } from 'scaling-navigator/factors';
 * parseFactorReviewInput({ ratings: [{ factorId: 'leadership', raterId: 'kim', rating: 1, ratedOn: '2025-10-01' }] }).customFactors //=> []
 * parseFactorReviewInput({ ratings: [{ factorId: 'leadershp', raterId: 'kim', rating: 1, ratedOn: '2025-10-01' }] }) //=> throws INVALID_INPUT at ['ratings', 0, 'factorId']
 * ```
 */
export const parseFactorReviewInput: (input: unknown) => FactorReviewInput =
  /* @__PURE__ */ schemaParsers(FactorReviewInput).parse;

/**
 * Parses a factor review document without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { safeParseFactorReviewInput } from 'scaling-navigator/factors';
 * safeParseFactorReviewInput({ ratings: [] }).success //=> true
 * safeParseFactorReviewInput({ ratings: [{ factorId: 'team-goal', raterId: 'kim', rating: 2, ratedOn: '2025-10-01' }] }).success //=> false
 * ```
 */
export const safeParseFactorReviewInput: (input: unknown) => SafeParseResult<FactorReviewInput> =
  /* @__PURE__ */ schemaParsers(FactorReviewInput).safeParse;
