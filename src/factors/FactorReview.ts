import type * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { FactorCategoryId, FactorId } from '../framework/factors.js';
import { checkReview, FactorReviewShape } from './_factorReviewSchema.js';
import type { FactorInteractionKind } from './FactorInteraction.js';
import type { FactorRatingValue } from './FactorRating.js';
import type { FactorReviewPolicy } from './factorReviewPolicy.js';
import type { FactorDecision, FactorVerdict, RatingTally } from './factorVerdicts.js';

/**
 * The id of a factor in a review: a catalog {@link framework!FactorId}, or one of the review's declared custom
 * factor ids (`Custom`, `never` when the review declares none — then every id is a `FactorId` and
 * `getFactor(review.roadblocks[0])` type-checks).
 *
 * @category Factor review
 */
export type ReviewedFactorId<Custom extends string = never> = FactorId | Custom;

/**
 * Why a factor's mean, agreement or decision is unknown, or a role's mean.
 *
 * - `NOT_RATED`: nobody rated the factor (unknown, not neutral).
 * - `ONLY_MISSING`: every rater marked it `'missing'` (too little information).
 * - `ONE_RATER`: a single numeric rating, so agreement (r_wg) has no estimate.
 *
 * @category Factor review
 */
export type FactorNoteCode = 'NOT_RATED' | 'ONLY_MISSING' | 'ONE_RATER';

/**
 * Why a category's net force, or the whole review, is empty, or why an interaction's `bothStrong`
 * is unknown.
 *
 * - `NO_RATED_FACTORS`: no factor of the category has a numeric rating.
 * - `NO_RATINGS_USED`: no rating was on or before `asOf` (or none was given).
 * - `UNRATED_FACTOR`: a factor of the interaction has no numeric rating, so whether both are strong is unknown.
 *
 * @category Factor review
 */
export type FactorReviewNoteCode = 'NO_RATED_FACTORS' | 'NO_RATINGS_USED' | 'UNRATED_FACTOR';

/**
 * A rating that counts in a review: the rater's latest rating of the factor (on or before `asOf`).
 *
 * @category Factor review
 */
export interface CountedRating {
  /** The rater's id. */
  readonly id: string;
  /** The rater's role on that rating, or `null`. */
  readonly role: string | null;
  /** The rating on the CFIR scale. */
  readonly rating: FactorRatingValue;
  /** The ISO date of the rating. */
  readonly ratedOn: string;
  /** The rater's own words about the rating (the rating's `comment`), or `null`. */
  readonly comment: string | null;
}

/**
 * How the raters of one role rated a factor.
 *
 * @category Factor review
 */
export interface RoleRating {
  /** The role. */
  readonly id: string;
  /** Raters of this role with a numeric rating. */
  readonly raters: number;
  /** Raters of this role who marked the factor `'missing'`. */
  readonly missing: number;
  /** Their mean rating, or `null` (with a note) when they gave no numeric rating. */
  readonly mean: number | null;
  /** Why `mean` is unknown; empty when it is known. */
  readonly notes: readonly Note<FactorNoteCode>[];
}

/**
 * What every factor's result in a {@link FactorReview} holds, catalog or custom.
 *
 * @category Factor review
 */
export interface FactorReviewEntryFields {
  /** The factor's category. */
  readonly category: FactorCategoryId;
  /** Display label. */
  readonly label: string;
  /** The ratings that count (each rater's latest), sorted by rater id. */
  readonly ratings: readonly CountedRating[];
  /** Raters with a numeric rating. */
  readonly raters: number;
  /** Raters whose latest rating is `'missing'`. */
  readonly missing: number;
  /** Mean of the numeric ratings, or `null` with a note. */
  readonly mean: number | null;
  /** Lowest numeric rating, or `null`. */
  readonly lowest: number | null;
  /** Highest numeric rating, or `null`. */
  readonly highest: number | null;
  /** Numeric ratings below, on and above zero. */
  readonly tally: RatingTally;
  /** r_wg on CFIR's 5-point scale (stats `rwg`, truncated to [0, 1]); `null` with fewer than two raters. */
  readonly agreement: number | null;
  /** Support, roadblock, neutral, mixed or undetermined, with the rules that fired and their numbers. */
  readonly decision: FactorDecision;
  /** A support or roadblock with |mean| ≥ `policy.strongAt` (never a mixed factor); the `strong` evidence of the decision's reason. */
  readonly strong: boolean;
  /** Ratings by role, sorted by role (raters without a role are left out). */
  readonly byRole: readonly RoleRating[];
  /** Why `mean`, `agreement` or the decision is unknown; empty when all are known. */
  readonly notes: readonly Note<FactorNoteCode>[];
}

/**
 * A catalog factor's result in a {@link FactorReview}: `custom: false`, and `id` is a {@link framework!FactorId}.
 *
 * @category Factor review
 */
export interface CatalogFactorReviewEntry extends FactorReviewEntryFields {
  /** The catalog factor id. */
  readonly id: FactorId;
  /** Not a custom factor. */
  readonly custom: false;
}

/**
 * A custom factor's result in a {@link FactorReview}: `custom: true`, and `id` is the declared id.
 *
 * @category Factor review
 */
export interface CustomFactorReviewEntry<Custom extends string = string> extends FactorReviewEntryFields {
  /** The custom factor id, as declared in `customFactors`. */
  readonly id: Custom;
  /** Declared in `customFactors`. */
  readonly custom: true;
}

/**
 * One factor's result in a {@link FactorReview}; test `custom` to narrow `id` to a catalog
 * {@link framework!FactorId}.
 *
 * @category Factor review
 */
export type FactorReviewEntry<Custom extends string = never> = [Custom] extends [never]
  ? CatalogFactorReviewEntry
  : CatalogFactorReviewEntry | CustomFactorReviewEntry<Custom>;

/**
 * A factor's pull in its category: id, mean, and whether it is strong.
 *
 * @category Factor review
 */
export interface FactorForce<Custom extends string = never> {
  /** The factor id. */
  readonly id: ReviewedFactorId<Custom>;
  /** Its mean rating. */
  readonly mean: number;
  /** Whether it is strong. */
  readonly strong: boolean;
}

/**
 * One category's result in a {@link FactorReview}.
 *
 * @category Factor review
 */
export interface FactorCategoryReview<Custom extends string = never> {
  /** The category id. */
  readonly id: FactorCategoryId;
  /** Display label. */
  readonly label: string;
  /** Factors in the category (catalog and custom). */
  readonly factors: number;
  /** Of those, factors with a numeric mean. */
  readonly rated: number;
  /** Sum of the rated factors' means (positive: the category helps on balance), or `null` when none is rated. */
  readonly netForce: number | null;
  /** Roadblocks, strongest (lowest mean) first. */
  readonly roadblocks: readonly FactorForce<Custom>[];
  /** Supports, strongest (highest mean) first. */
  readonly supports: readonly FactorForce<Custom>[];
  /** Factors the raters disagree on. */
  readonly mixed: readonly ReviewedFactorId<Custom>[];
  /** Why `netForce` is unknown; empty when it is known. */
  readonly notes: readonly Note<FactorReviewNoteCode>[];
}

/**
 * A factor two roles see differently (the Carnegie framework: educators may see equity differently
 * than the improvement team).
 *
 * @category Factor review
 */
export interface RoleDisagreement<Custom extends string = never> {
  /** The factor id. */
  readonly id: ReviewedFactorId<Custom>;
  /** The factor's category. */
  readonly category: FactorCategoryId;
  /** Highest role mean minus lowest role mean (≥ `policy.roleGap`). */
  readonly gap: number;
  /** Whether one role leans roadblock (mean ≤ `roadblockAt`) while another leans support (mean ≥ `supportAt`). */
  readonly oppositeSides: boolean;
  /** The role with the highest mean (ties: first by role id). */
  readonly highest: RoleRating;
  /** The role with the lowest mean (ties: first by role id). */
  readonly lowest: RoleRating;
}

/**
 * A declared interaction as the review sees it.
 *
 * @category Factor review
 */
export interface InteractionReview<Custom extends string = never> {
  /** The interaction id. */
  readonly id: string;
  /** The two factor ids, in the declared order. */
  readonly factors: readonly [ReviewedFactorId<Custom>, ReviewedFactorId<Custom>];
  /** Tension, alignment or dependency. */
  readonly kind: FactorInteractionKind;
  /** The team's own words about the interaction (its `comment`), or `null`. */
  readonly comment: string | null;
  /** The two factors' means, in the declared order (`null` when unrated). */
  readonly means: readonly [number | null, number | null];
  /** The two factors' decision actions, in the declared order. */
  readonly actions: readonly [FactorVerdict, FactorVerdict];
  /** Both factors strong (three-valued: `null`, with a note, when one is unrated and the other strong or unrated). */
  readonly bothStrong: boolean | null;
  /** Why `bothStrong` is unknown; empty when it is known. */
  readonly notes: readonly Note<FactorReviewNoteCode>[];
}

/**
 * Two strong roadblocks in different categories that no declared interaction joins yet: a prompt to
 * ask whether they feed each other.
 *
 * @category Factor review
 */
export interface CandidateInteraction<Custom extends string = never> {
  /** `'<first>+<second>'`, the two factor ids in review order. */
  readonly id: `${ReviewedFactorId<Custom>}+${ReviewedFactorId<Custom>}`;
  /** The two factor ids, in review order. */
  readonly factors: readonly [ReviewedFactorId<Custom>, ReviewedFactorId<Custom>];
  /** Their categories. */
  readonly categories: readonly [FactorCategoryId, FactorCategoryId];
  /** Their means. */
  readonly means: readonly [number, number];
}

/**
 * How many ratings the review received and used.
 *
 * @category Factor review
 */
export interface RatingCounts {
  /** Ratings passed in. */
  readonly given: number;
  /** Ratings that count (each rater's latest per factor). */
  readonly used: number;
  /** Earlier ratings replaced by the same rater's later rating of the factor. */
  readonly superseded: number;
  /** Ratings dated after `asOf`, left out. */
  readonly afterAsOf: number;
}

/**
 * The result of {@link reviewFactors}. `Custom` is the union of the declared custom factor ids
 * (`never` when none is declared, so every factor id is a catalog {@link framework!FactorId}).
 *
 * @category Factor review
 */
export interface FactorReview<Custom extends string = never> {
  /** The version of this result's shape (1); a stored review with a newer one is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  /** `asOf` if given, else the latest date among the ratings used; `null` when none was used. */
  readonly reviewedOn: string | null;
  /** The `asOf` option, or `null`. */
  readonly asOf: string | null;
  /** Every catalog factor and every declared custom factor, by category then catalog order (custom last). */
  readonly factors: readonly FactorReviewEntry<Custom>[];
  /** The four categories, in catalog order. */
  readonly categories: readonly FactorCategoryReview<Custom>[];
  /** Roadblocks across categories, strongest first. */
  readonly roadblocks: readonly ReviewedFactorId<Custom>[];
  /** Supports across categories, strongest first. */
  readonly supports: readonly ReviewedFactorId<Custom>[];
  /** Factors the raters disagree on, in review order. */
  readonly mixed: readonly ReviewedFactorId<Custom>[];
  /** Factors two roles see differently, in review order. */
  readonly roleDisagreements: readonly RoleDisagreement<Custom>[];
  /** The declared interactions, in declared order. */
  readonly interactions: readonly InteractionReview<Custom>[];
  /** Pairs of strong roadblocks in different categories not yet declared as interacting. */
  readonly candidateInteractions: readonly CandidateInteraction<Custom>[];
  /** How many ratings were given and used. */
  readonly ratingCounts: RatingCounts;
  /** What a reader should know about the whole review; empty when nothing. */
  readonly notes: readonly Note<FactorReviewNoteCode>[];
  /** The effective policy. */
  readonly policy: FactorReviewPolicy;
  /** The `scaling-navigator` version that made the review. */
  readonly version: string;
}

/**
 * Schema for a {@link FactorReview} as {@link reviewFactors} returns it (for instance read back from
 * JSON storage): every field, strict objects (no unknown keys), finite numbers in range,
 * `schemaVersion: 1`, unique factor ids, and counts that add up. {@link compareReviews} and
 * {@link suggestStrategies} check a review they did not make with it.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FactorReview, reviewFactors } from 'scaling-navigator/factors';
 * const review = reviewFactors([{ factorId: 'leadership', raterId: 'ana', rating: 2, ratedOn: '2025-10-01' }]);
 * FactorReview.safeParse(JSON.parse(JSON.stringify(review))).success //=> true
 * FactorReview.safeParse({ ...review, policy: undefined }).success //=> false
 * ```
 */
export const FactorReview = /* @__PURE__ */ FactorReviewShape.check(
  crossCheck(checkReview),
) as unknown as z.ZodMiniType<FactorReview<string>>;

/**
 * Parses a stored {@link FactorReview}, throwing `ScalingNavigatorError` at the first problem (with
 * every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a factor review (a missing or
 *   damaged field, an unknown key, a count that does not add up, a `schemaVersion` other than 1).
 * @example
 * ```ts
 * import { parseFactorReview, reviewFactors } from 'scaling-navigator/factors';
 * const review = reviewFactors([{ factorId: 'leadership', raterId: 'ana', rating: 2, ratedOn: '2025-10-01' }]);
 * parseFactorReview(JSON.parse(JSON.stringify(review))).supports //=> ['leadership']
 * parseFactorReview({ ...review, ratingCounts: { ...review.ratingCounts, given: 7 } }) //=> throws INVALID_INPUT at ['ratingCounts', 'given']
 * ```
 */
export const parseFactorReview: (input: unknown) => FactorReview<string> =
  /* @__PURE__ */ schemaParsers(FactorReview).parse;

/**
 * Parses a stored {@link FactorReview} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { reviewFactors, safeParseFactorReview } from 'scaling-navigator/factors';
 * const review = reviewFactors([]);
 * safeParseFactorReview(JSON.parse(JSON.stringify(review))).success //=> true
 * const damaged = safeParseFactorReview({ ...review, factors: [{ ...review.factors[0], mean: Number.POSITIVE_INFINITY }] });
 * damaged.success ? null : damaged.error.path //=> ['factors', 0, 'mean']
 * ```
 */
export const safeParseFactorReview: (input: unknown) => SafeParseResult<FactorReview<string>> =
  /* @__PURE__ */ schemaParsers(FactorReview).safeParse;
