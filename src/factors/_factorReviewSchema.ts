import * as z from 'zod/mini';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import { FACTORS, FactorCategoryId } from '../framework/factors.js';
import { Count, decisionSchema, noteSchema } from './_resultParts.js';
import { FACTOR_INTERACTION_KINDS } from './FactorInteraction.js';
import { FactorRatingValue } from './FactorRating.js';
import type { FactorNoteCode, FactorReviewNoteCode } from './FactorReview.js';
import { FactorReviewPolicySchema } from './factorReviewPolicy.js';
import { FACTOR_VERDICT_RULES, FACTOR_VERDICTS } from './factorVerdicts.js';

const FACTOR_NOTE_CODES = ['NOT_RATED', 'ONLY_MISSING', 'ONE_RATER'] as const satisfies readonly FactorNoteCode[];
const FACTOR_REVIEW_NOTE_CODES = [
  'NO_RATED_FACTORS',
  'NO_RATINGS_USED',
  'UNRATED_FACTOR',
] as const satisfies readonly FactorReviewNoteCode[];

/** A finite number this library writes: never −0. */
const notNegativeZero = z.refine<number>((value) => !Object.is(value, -0), {
  message: 'expected a number other than −0',
});
const Mean = z.number().check(z.gte(-2), z.lte(2), notNegativeZero);
const Verdict = z.enum(FACTOR_VERDICTS);
const FactorNote = noteSchema(FACTOR_NOTE_CODES);
const ReviewNote = noteSchema(FACTOR_REVIEW_NOTE_CODES);
const RoleRatingSchema = z.strictObject({
  id: Id,
  raters: Count,
  missing: Count,
  mean: z.nullable(Mean),
  notes: z.array(FactorNote),
});
const Point = z.literal([-2, -1, 0, 1, 2]);
const Force = z.strictObject({ id: Id, mean: Mean, strong: z.boolean() });
const CATALOG_CATEGORY: ReadonlyMap<string, string> = new Map(FACTORS.map((factor) => [factor.id, factor.category]));

const Entry = z.strictObject({
  id: Id,
  custom: z.boolean(),
  category: FactorCategoryId,
  label: z.string(),
  ratings: z.array(
    z.strictObject({
      id: Id,
      role: z.nullable(Id),
      rating: FactorRatingValue,
      ratedOn: IsoDate,
      comment: z.nullable(z.string()),
    }),
  ),
  raters: Count,
  missing: Count,
  mean: z.nullable(Mean),
  lowest: z.nullable(Point),
  highest: z.nullable(Point),
  tally: z.strictObject({ roadblock: Count, neutral: Count, support: Count }),
  agreement: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  decision: decisionSchema(
    FACTOR_VERDICTS.filter((verdict) => verdict !== 'undetermined'),
    FACTOR_VERDICT_RULES.map((rule) => rule.id),
    FactorReviewPolicySchema,
  ),
  strong: z.boolean(),
  byRole: z.array(RoleRatingSchema),
  notes: z.array(FactorNote),
});

type Issues = { issues: z.core.$ZodRawIssue[] };
type Parsed = z.output<typeof FactorReviewShape>;

/** Cheap consistency checks of a stored review: ids unique and known, counts that add up. */
export function checkReview(review: Parsed, context: Issues): void {
  const fail = (path: (string | number)[], message: string) =>
    context.issues.push({ code: 'custom', input: review, path, message });
  const ids = new Set<string>();
  review.factors.forEach((factor, index) => {
    if (ids.has(factor.id)) fail(['factors', index, 'id'], `factor "${factor.id}" appears twice`);
    ids.add(factor.id);
    const catalogCategory = CATALOG_CATEGORY.get(factor.id);
    if (factor.custom === (catalogCategory !== undefined)) {
      fail(['factors', index, 'custom'], `"${factor.id}" is ${factor.custom ? 'a catalog' : 'not a catalog'} factor`);
    } else if (catalogCategory !== undefined && catalogCategory !== factor.category) {
      fail(['factors', index, 'category'], `catalog factor "${factor.id}" belongs to "${catalogCategory}"`);
    }
    if (factor.raters + factor.missing !== factor.ratings.length) {
      fail(['factors', index, 'raters'], 'raters and missing do not add up to the counted ratings');
    }
    const { roadblock, neutral, support } = factor.tally;
    if (roadblock + neutral + support !== factor.raters) {
      fail(['factors', index, 'tally'], 'the tally does not add up to the raters');
    }
    if ((factor.mean === null) !== (factor.raters === 0)) {
      fail(['factors', index, 'mean'], 'a factor has a mean exactly when it has a numeric rating');
    }
  });
  review.categories.forEach((category, index) => {
    if (category.rated > category.factors) fail(['categories', index, 'rated'], 'more rated factors than factors');
    if (category.netForce !== null && Math.abs(category.netForce) > 2 * category.rated) {
      fail(['categories', index, 'netForce'], 'a net force is a sum of means in [−2, 2], one per rated factor');
    }
  });
  const known = (list: readonly string[], key: string) =>
    list.forEach((id, index) => {
      if (!ids.has(id)) fail([key, index], `factor "${id}" is not in the review's factors`);
    });
  known(review.roadblocks, 'roadblocks');
  known(review.supports, 'supports');
  known(review.mixed, 'mixed');
  known(
    review.roleDisagreements.map((entry) => entry.id),
    'roleDisagreements',
  );
  checkInteractions(review, fail);
  const { given, used, superseded, afterAsOf } = review.ratingCounts;
  if (used + superseded + afterAsOf !== given) {
    fail(['ratingCounts', 'given'], 'used, superseded and afterAsOf do not add up to the ratings given');
  }
}

/**
 * The declared and candidate interactions of a stored review agree with its factors: each joins two
 * different factors of the review, each declared one is listed once, and the means, actions and
 * categories they repeat are the factors' own (as `reviewFactors` writes them).
 */
function checkInteractions(review: Parsed, fail: (path: (string | number)[], message: string) => void): void {
  const byId = new Map(review.factors.map((factor) => [factor.id, factor]));
  const interactionIds = new Set<string>();
  review.interactions.forEach((interaction, index) => {
    if (interactionIds.has(interaction.id))
      fail(['interactions', index, 'id'], `interaction "${interaction.id}" appears twice`);
    interactionIds.add(interaction.id);
    if (interaction.factors[0] === interaction.factors[1]) {
      fail(['interactions', index, 'factors', 1], 'an interaction joins two different factors');
    }
    interaction.factors.forEach((id, side) => {
      const factor = byId.get(id);
      if (factor === undefined)
        fail(['interactions', index, 'factors', side], `factor "${id}" is not in the review's factors`);
      else if (interaction.means[side] !== factor.mean) {
        fail(['interactions', index, 'means', side], `the review gives "${id}" the mean ${String(factor.mean)}`);
      } else if (interaction.actions[side] !== factor.decision.action) {
        fail(['interactions', index, 'actions', side], `the review decides "${id}" ${factor.decision.action}`);
      }
    });
  });
  review.candidateInteractions.forEach((candidate, index) => {
    const [first, second] = candidate.factors;
    if (candidate.id !== `${first}+${second}`) {
      fail(['candidateInteractions', index, 'id'], `a candidate interaction is named "${first}+${second}"`);
    }
    if (first === second)
      fail(['candidateInteractions', index, 'factors', 1], 'an interaction joins two different factors');
    candidate.factors.forEach((id, side) => {
      const factor = byId.get(id);
      if (factor === undefined) {
        fail(['candidateInteractions', index, 'factors', side], `factor "${id}" is not in the review's factors`);
      } else if (candidate.categories[side] !== factor.category) {
        fail(['candidateInteractions', index, 'categories', side], `"${id}" belongs to "${factor.category}"`);
      } else if (candidate.means[side] !== factor.mean) {
        fail(
          ['candidateInteractions', index, 'means', side],
          `the review gives "${id}" the mean ${String(factor.mean)}`,
        );
      }
    });
  });
}

const Pair = <T extends z.ZodMiniType>(item: T) => z.tuple([item, item]);

export const FactorReviewShape = z.strictObject({
  schemaVersion: z.literal(1),
  reviewedOn: z.nullable(IsoDate),
  asOf: z.nullable(IsoDate),
  factors: z.array(Entry),
  categories: z.array(
    z.strictObject({
      id: FactorCategoryId,
      label: z.string(),
      factors: Count,
      rated: Count,
      netForce: z.nullable(z.number().check(notNegativeZero)),
      roadblocks: z.array(Force),
      supports: z.array(Force),
      mixed: z.array(Id),
      notes: z.array(ReviewNote),
    }),
  ),
  roadblocks: z.array(Id),
  supports: z.array(Id),
  mixed: z.array(Id),
  roleDisagreements: z.array(
    z.strictObject({
      id: Id,
      category: FactorCategoryId,
      gap: z.number().check(z.gte(0), z.lte(4)),
      oppositeSides: z.boolean(),
      highest: RoleRatingSchema,
      lowest: RoleRatingSchema,
    }),
  ),
  interactions: z.array(
    z.strictObject({
      id: Id,
      factors: Pair(Id),
      kind: z.enum(FACTOR_INTERACTION_KINDS),
      comment: z.nullable(z.string()),
      means: Pair(z.nullable(Mean)),
      actions: Pair(Verdict),
      bothStrong: z.nullable(z.boolean()),
      notes: z.array(ReviewNote),
    }),
  ),
  candidateInteractions: z.array(
    z.strictObject({
      id: z.string().check(z.minLength(3)),
      factors: Pair(Id),
      categories: Pair(FactorCategoryId),
      means: Pair(Mean),
    }),
  ),
  ratingCounts: z.strictObject({ given: Count, used: Count, superseded: Count, afterAsOf: Count }),
  notes: z.array(ReviewNote),
  policy: FactorReviewPolicySchema,
  version: z.string(),
});
