import * as z from 'zod/mini';
import { requireIsoDate } from '../_lib/dates.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { byText } from '../_lib/textOrder.js';
import { FACTOR_CATEGORIES, FACTORS } from '../framework/factors.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { checkReviewParts } from './_checkReviewParts.js';
import { reviewInteractions } from './_interactions.js';
import { requireDenseIfArray } from './_resultParts.js';
import { roleDisagreement, rolesOf } from './_roles.js';
import { CustomFactor } from './CustomFactor.js';
import { FactorInteraction } from './FactorInteraction.js';
import { FactorRating, type FactorRatingInput } from './FactorRating.js';
import type {
  CatalogFactorReviewEntry,
  CountedRating,
  CustomFactorReviewEntry,
  FactorCategoryReview,
  FactorForce,
  FactorNoteCode,
  FactorReview,
  FactorReviewEntry,
  RoleDisagreement,
} from './FactorReview.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy } from './factorReviewPolicy.js';
import { judgeFactor } from './factorVerdicts.js';

/**
 * Options for {@link reviewFactors}. `Custom` is the union of the declared custom factor ids.
 *
 * @category Factor review
 */
export interface ReviewFactorsOptions<Custom extends string = string> {
  /** Factors beyond the catalog; a rating of any other unknown id is an error. */
  readonly customFactors?: readonly (CustomFactor & { readonly id: Custom })[];
  /** Interactions the team declares between pairs of factors. */
  readonly interactions?: readonly FactorInteraction[];
  /** Review as of this ISO date: ratings after it are left out, and each rater's latest rating on or before it counts. */
  readonly asOf?: string;
  /** Overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY}. */
  readonly policy?: Partial<FactorReviewPolicy>;
}

const REVIEW_FACTORS_OPTION_KEYS = keysOf<ReviewFactorsOptions>()('customFactors', 'interactions', 'asOf', 'policy');

const OPTION_HINTS = {
  ratings:
    'the ratings are the first argument; for a FactorReviewInput write `const { ratings, ...options } = input; reviewFactors(ratings, options)`',
};

/** At most this many custom factors (candidate interactions grow with the square of the factors). */
const MAX_CUSTOM_FACTORS = 500;

type InfoFields = 'id' | 'custom' | 'category' | 'label';
type FactorInfo = Pick<CatalogFactorReviewEntry, InfoFields> | Pick<CustomFactorReviewEntry, InfoFields>;

/** The catalog factors and the declared custom factors, grouped by category in catalog order. */
function factorList(customFactors: readonly CustomFactor[]): FactorInfo[] {
  const list: FactorInfo[] = [];
  for (const category of FACTOR_CATEGORIES) {
    for (const factor of FACTORS) {
      if (factor.category === category.id) {
        list.push({ id: factor.id, category: factor.category, label: factor.label, custom: false });
      }
    }
    for (const factor of customFactors) {
      if (factor.category === category.id) {
        list.push({ id: factor.id, category: factor.category, label: factor.label, custom: true });
      }
    }
  }
  return list;
}

/** Why a factor's mean, agreement or decision is unknown. */
function factorNotes(id: string, counted: number, numeric: number): Note<FactorNoteCode>[] {
  if (counted === 0)
    return [note('NOT_RATED', `nobody rated "${id}", so its pull is unknown (not neutral)`, 'decision')];
  if (numeric === 0) {
    return [
      note('ONLY_MISSING', `every rater marked "${id}" missing: too little information to rate it yet`, 'decision'),
    ];
  }
  if (numeric === 1)
    return [note('ONE_RATER', `only one rater rated "${id}", so agreement has no estimate`, 'agreement')];
  return [];
}

/**
 * Reviews the influential factors from several raters' CFIR ratings (Carnegie framework, Component
 * 3 and Tool #4): per factor the mean rating, the raters, their agreement and a decision; per
 * category the net force and the strongest roadblocks and supports; the factors roles see
 * differently; the declared interactions; and candidate interactions.
 *
 * For each factor, each rater's latest rating on or before `asOf` counts (earlier ones are
 * superseded). Over the n raters with a numeric rating x₁ … xₙ:
 *
 * - mean x̄ = (1/n) Σ xᵢ; agreement r_wg = 1 − s² / σ²_EU with σ²_EU = (5² − 1) / 12 = 2 on CFIR's
 *   5-point scale, truncated to [0, 1] (stats `rwg`, James, Demaree & Wolf 1984; no estimate with
 *   one rater);
 * - `decision` by the rules of {@link FACTOR_VERDICT_RULES} (see {@link DEFAULT_FACTOR_REVIEW_POLICY};
 *   mixed is our extension of CFIR);
 * - a category's net force is the sum of its rated factors' means (Lewin's force field: supports
 *   push, roadblocks pull);
 * - two roles disagree when their mean ratings differ by ≥ `roleGap`;
 * - a declared interaction is surfaced with `bothStrong`; every pair of strong roadblocks in two
 *   different categories that is not declared becomes a candidate interaction.
 *
 * Factors nobody rated are listed as `undetermined` with a note: unknown is not neutral. The ids
 * the review returns are typed {@link framework!FactorId}, or a declared custom id, so
 * `getFactor(review.roadblocks[0])` type-checks for a review without custom factors. The order of
 * the ratings never changes the review. O(r log r + f²) for r ratings and f factors. The input is
 * not mutated.
 *
 * @category Factor review
 * @param ratings - {@link FactorRating}s: one per rater, factor and day.
 * @param options - `customFactors`, `interactions`, `asOf`, `policy`.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a rating outside the CFIR scale, an unknown factor
 *   id (not in the catalog and not declared), a rater rating the same factor twice on one day, a
 *   non-ISO date, a custom factor that clashes with the catalog, an interaction of unknown or identical
 *   factors, bad policy values, an unknown key in `options` or in any rating, custom factor,
 *   interaction or policy (at the key, with a suggestion; options are read once), and a hole in
 *   `ratings`, `customFactors` or `interactions` (at its index); `LIMIT_EXCEEDED`, before any work,
 *   for more than 500 custom factors or more than 2³¹ − 1 ratings.
 * @returns A sealed (deep-frozen) {@link FactorReview} with `schemaVersion: 1`; store it as JSON and
 *   read it back with {@link parseFactorReview}, or pass it to {@link compareReviews} and
 *   {@link suggestStrategies} as it is.
 * @example
 * ```ts
 * import { reviewFactors } from 'scaling-navigator/factors';
 * const review = reviewFactors([
 *   { factorId: 'observability', raterId: 'ana', role: 'teacher', rating: -2, ratedOn: '2025-10-01' },
 *   { factorId: 'observability', raterId: 'ben', role: 'teacher', rating: -1, ratedOn: '2025-10-01' },
 *   { factorId: 'observability', raterId: 'cy', role: 'district', rating: -2, ratedOn: '2025-10-01' },
 *   { factorId: 'leadership', raterId: 'ana', role: 'teacher', rating: -1, ratedOn: '2025-10-01' },
 *   { factorId: 'leadership', raterId: 'cy', role: 'district', rating: 2, ratedOn: '2025-10-01' },
 * ]);
 * const observability = review.factors.find((factor) => factor.id === 'observability');
 * observability?.mean //≈ -1.6666666666666667
 * observability?.agreement //≈ 0.8333333333333334
 * [observability?.decision.action, observability?.strong] //=> ['roadblock', true]
 * observability?.decision.reasons[0].rule //=> 'factors/mean-at-or-below-roadblock'
 * review.factors.find((factor) => factor.id === 'leadership')?.decision.action //=> 'mixed'
 * review.roadblocks //=> ['observability']
 * review.roleDisagreements.map((entry) => [entry.id, entry.gap]) //=> [['leadership', 3]]
 * reviewFactors([], { asof: '2025-10-01' } as never) //=> throws INVALID_INPUT at ['options', 'asof']
 * reviewFactors([{ factorId: 'observabilty', raterId: 'ana', rating: -2, ratedOn: '2025-10-01' }]) //=> throws INVALID_INPUT at ['ratings', 0, 'factorId']
 * ```
 */
export function reviewFactors<Custom extends string = never>(
  ratings: readonly FactorRatingInput[],
  options: ReviewFactorsOptions<Custom> = {},
): FactorReview<Custom> {
  requireDenseIfArray(ratings, ['ratings']);
  const parsedRatings = parseOrThrow(z.array(FactorRating), ratings, ['ratings']);
  const given = readOptions<ReviewFactorsOptions<string>>(
    options,
    REVIEW_FACTORS_OPTION_KEYS,
    ['options'],
    OPTION_HINTS,
  );
  requireDenseIfArray(given.customFactors, ['options', 'customFactors'], MAX_CUSTOM_FACTORS);
  const customFactors = parseOrThrow(z.array(CustomFactor), given.customFactors ?? [], ['options', 'customFactors']);
  requireDenseIfArray(given.interactions, ['options', 'interactions']);
  const interactions = parseOrThrow(z.array(FactorInteraction), given.interactions ?? [], ['options', 'interactions']);
  let asOf: string | null = null;
  if (given.asOf !== undefined) {
    requireIsoDate(given.asOf, ['options', 'asOf']);
    asOf = given.asOf;
  }
  const policy = resolveFactorReviewPolicy(given.policy, ['options', 'policy']);
  const issue = checkReviewParts({ ratings: parsedRatings, customFactors, interactions });
  if (issue) invalid(issue.path[0] === 'ratings' ? issue.path : ['options', ...issue.path], issue.message);

  // Each rater's latest rating of each factor, on or before asOf.
  const latest = new Map<string, Map<string, FactorRating>>();
  let afterAsOf = 0;
  let considered = 0;
  for (const rating of parsedRatings) {
    if (asOf !== null && rating.ratedOn > asOf) {
      afterAsOf += 1;
      continue;
    }
    considered += 1;
    const byRater = latest.get(rating.factorId) ?? new Map<string, FactorRating>();
    const previous = byRater.get(rating.raterId);
    if (previous === undefined || rating.ratedOn > previous.ratedOn) byRater.set(rating.raterId, rating);
    latest.set(rating.factorId, byRater);
  }

  let used = 0;
  let lastDate: string | null = null;
  const factors = factorList(customFactors).map((info): FactorReviewEntry<string> => {
    const counted: CountedRating[] = [...(latest.get(info.id)?.values() ?? [])]
      .sort((a, b) => byText(a.raterId, b.raterId))
      .map((rating) => ({
        id: rating.raterId,
        role: rating.role ?? null,
        rating: rating.rating,
        ratedOn: rating.ratedOn,
        comment: rating.comment ?? null,
      }));
    used += counted.length;
    for (const entry of counted) if (lastDate === null || entry.ratedOn > lastDate) lastDate = entry.ratedOn;
    const values = counted
      .map((entry) => entry.rating)
      .filter((value): value is -2 | -1 | 0 | 1 | 2 => value !== 'missing')
      .sort((a, b) => a - b);
    const missing = counted.length - values.length;
    const judged = judgeFactor(values, missing, policy);
    return {
      ...info,
      ratings: counted,
      raters: values.length,
      missing,
      mean: judged.mean,
      lowest: values[0] ?? null,
      highest: values[values.length - 1] ?? null,
      tally: judged.tally,
      agreement: judged.agreement,
      decision: judged.decision,
      strong: judged.strong,
      byRole: rolesOf(counted),
      notes: factorNotes(info.id, counted.length, values.length),
    };
  });

  const force = (entry: FactorReviewEntry<string>): FactorForce<string> => ({
    id: entry.id,
    mean: entry.mean as number,
    strong: entry.strong,
  });
  const withAction = (action: string) => factors.filter((entry) => entry.decision.action === action);
  // Stable sorts: ties keep review order, which does not depend on the order of the ratings.
  const roadblockList = withAction('roadblock').sort((a, b) => (a.mean as number) - (b.mean as number));
  const supportList = withAction('support').sort((a, b) => (b.mean as number) - (a.mean as number));
  const mixedList = withAction('mixed');

  const categories = FACTOR_CATEGORIES.map((category): FactorCategoryReview<string> => {
    const members = factors.filter((entry) => entry.category === category.id);
    const rated = members.filter((entry) => entry.mean !== null);
    let netForce: number | null = null;
    for (const entry of rated) netForce = (netForce ?? 0) + (entry.mean as number);
    return {
      id: category.id,
      label: category.label,
      factors: members.length,
      rated: rated.length,
      netForce,
      roadblocks: roadblockList.filter((entry) => entry.category === category.id).map(force),
      supports: supportList.filter((entry) => entry.category === category.id).map(force),
      mixed: mixedList.filter((entry) => entry.category === category.id).map((entry) => entry.id),
      notes:
        netForce === null
          ? [
              note(
                'NO_RATED_FACTORS',
                `no factor in "${category.id}" has a numeric rating, so its net force is unknown`,
                'netForce',
              ),
            ]
          : [],
    };
  });

  const roleDisagreements = factors
    .map((entry) => roleDisagreement(entry, policy))
    .filter((entry): entry is RoleDisagreement<string> => entry !== null);

  const review: FactorReview<string> = {
    schemaVersion: 1,
    reviewedOn: asOf ?? lastDate,
    asOf,
    factors,
    categories,
    roadblocks: roadblockList.map((entry) => entry.id),
    supports: supportList.map((entry) => entry.id),
    mixed: mixedList.map((entry) => entry.id),
    roleDisagreements,
    ...reviewInteractions(interactions, factors),
    ratingCounts: { given: parsedRatings.length, used, superseded: considered - used, afterAsOf },
    notes:
      used === 0
        ? [note('NO_RATINGS_USED', asOf === null ? 'no ratings were given' : `no rating was made on or before ${asOf}`)]
        : [],
    policy,
    version: LIBRARY_VERSION,
  };
  // The ids are catalog ids or the declared custom ids, which is what `Custom` names.
  return sealResult(review, 'factor review') as unknown as FactorReview<Custom>;
}
