import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';

/**
 * The values of the CFIR rating scale (Damschroder & Lowery 2013), as the Carnegie framework's Tool #4 asks a team
 * to rate each influential factor: −2 strong roadblock, −1 weak roadblock, 0 neutral (or balanced),
 * +1 weak support, +2 strong support, and `'missing'` when the rater has too little information to say.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FACTOR_RATING_VALUES } from 'scaling-navigator/factors';
 * FACTOR_RATING_VALUES //=> [-2, -1, 0, 1, 2, 'missing']
 * ```
 */
export const FACTOR_RATING_VALUES = /* @__PURE__ */ deepFreeze([-2, -1, 0, 1, 2, 'missing'] as const);

/**
 * Schema for one value on the CFIR scale: a whole number from −2 to +2, or `'missing'`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FactorRatingValue } from 'scaling-navigator/factors';
 * FactorRatingValue.safeParse(-2).success //=> true
 * FactorRatingValue.safeParse('missing').success //=> true
 * FactorRatingValue.safeParse(3).success //=> false
 * FactorRatingValue.safeParse(1.5).success //=> false
 * ```
 */
export const FactorRatingValue = z.literal(FACTOR_RATING_VALUES);
/** A value on the CFIR scale. @category Factor review */
export type FactorRatingValue = z.infer<typeof FactorRatingValue>;

/**
 * Schema for one rater's rating of one influential factor on one day (Carnegie framework, Tool #4).
 *
 * - `factorId`: a factor of the framework's catalog (`FACTOR_IDS`) or a factor the review declares
 *   in `customFactors`; any other id is an error, so a typo never becomes a new factor.
 * - `raterId`: who rated; `role` (optional): the rater's role, e.g. `'teacher'` or
 *   `'district-leader'`, used to see whether roles see a factor differently.
 * - `rating`: a {@link FactorRatingValue}; negative is a roadblock, positive a support.
 * - `comment` (optional): the rater's reasons in their own words; `ratedOn`: the ISO date of the rating.
 *
 * A rater rates a factor at most once per day; a later rating replaces an earlier one in a review.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FactorRating } from 'scaling-navigator/factors';
 * FactorRating.parse({ factorId: 'observability', raterId: 'ana', rating: -2, ratedOn: '2025-10-01' }).rating //=> -2
 * FactorRating.safeParse({ factorId: 'observability', raterId: 'ana', rating: -3, ratedOn: '2025-10-01' }).success //=> false
 * FactorRating.safeParse({ factorId: 'observability', raterId: 'ana', rating: 1, ratedOn: '2025-02-30' }).success //=> false
 * ```
 */
export const FactorRating = z.strictObject({
  factorId: Id,
  raterId: Id,
  role: z.optional(Id),
  rating: FactorRatingValue,
  comment: z.optional(z.string()),
  ratedOn: IsoDate,
});
/** One rating of one factor. @category Factor review */
export type FactorRating = z.output<typeof FactorRating>;
/** One rating of one factor, as a caller may write it. @category Factor review */
export type FactorRatingInput = z.input<typeof FactorRating>;

/**
 * Parses a value on the CFIR scale, throwing `ScalingNavigatorError` at the first problem (with every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a value on the CFIR scale.
 * @example
 * ```ts
 * import { parseFactorRatingValue } from 'scaling-navigator/factors';
 * parseFactorRatingValue(-2) //=> -2
 * parseFactorRatingValue(3) //=> throws INVALID_INPUT at []
 * ```
 */
export const parseFactorRatingValue: (input: unknown) => FactorRatingValue =
  /* @__PURE__ */ schemaParsers(FactorRatingValue).parse;

/**
 * Parses a value on the CFIR scale without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { safeParseFactorRatingValue } from 'scaling-navigator/factors';
 * safeParseFactorRatingValue('missing').success //=> true
 * safeParseFactorRatingValue(1.5).success //=> false
 * ```
 */
export const safeParseFactorRatingValue: (input: unknown) => SafeParseResult<FactorRatingValue> =
  /* @__PURE__ */ schemaParsers(FactorRatingValue).safeParse;

/**
 * Parses one factor rating, throwing `ScalingNavigatorError` at the first problem (with every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not one factor rating.
 * @example
 * ```ts
 * import { parseFactorRating } from 'scaling-navigator/factors';
 * parseFactorRating({ factorId: 'observability', raterId: 'ana', rating: -2, ratedOn: '2025-10-01' }).rating //=> -2
 * parseFactorRating({ factorId: 'observability', raterId: 'ana', rating: -3, ratedOn: '2025-10-01' }) //=> throws INVALID_INPUT at ['rating']
 * ```
 */
export const parseFactorRating: (input: unknown) => FactorRating = /* @__PURE__ */ schemaParsers(FactorRating).parse;

/**
 * Parses one factor rating without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { safeParseFactorRating } from 'scaling-navigator/factors';
 * safeParseFactorRating({ factorId: 'observability', raterId: 'ana', rating: 1, ratedOn: '2025-10-01' }).success //=> true
 * safeParseFactorRating({ factorId: 'observability', raterId: 'ana', rating: 1, ratedOn: '2025-02-30' }).success //=> false
 * ```
 */
export const safeParseFactorRating: (input: unknown) => SafeParseResult<FactorRating> =
  /* @__PURE__ */ schemaParsers(FactorRating).safeParse;
