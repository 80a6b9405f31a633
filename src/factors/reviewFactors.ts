import * as z from 'zod/mini';
import { requireIsoDate } from '../_lib/dates.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { requireRecord } from '../_lib/validate.js';
import type { DecisionReason } from '../framework/Decision.js';
import { FACTOR_CATEGORIES, FACTORS, type FactorCategoryId } from '../framework/factors.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { rwg } from '../stats/rwg.js';
import { CustomFactor } from './CustomFactor.js';
import { FactorInteraction, type FactorInteractionKind } from './FactorInteraction.js';
import { FactorRating, type FactorRatingInput, type FactorRatingValue } from './FactorRating.js';
import { checkReviewParts } from './FactorReviewInput.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy, TOLERANCE } from './factorReviewPolicy.js';
import { FACTOR_VERDICT_RULES, type FactorVerdict, type FactorVerdictRule } from './factorVerdicts.js';

/**
 * Why a factor's mean, agreement or verdict is unknown.
 *
 * - `NOT_RATED`: nobody rated the factor (unknown, not neutral).
 * - `ONLY_MISSING`: every rater marked it `'missing'` (too little information).
 * - `ONE_RATER`: a single numeric rating, so agreement (r_wg) has no estimate.
 *
 * @category Factor review
 */
export type FactorNoteCode = 'NOT_RATED' | 'ONLY_MISSING' | 'ONE_RATER';

/**
 * Why a category's net force, or the whole review, is empty.
 *
 * - `NO_RATED_FACTORS`: no factor of the category has a numeric rating.
 * - `NO_RATINGS_USED`: no rating was on or before `asOf` (or none was given).
 *
 * @category Factor review
 */
export type FactorReviewNoteCode = 'NO_RATED_FACTORS' | 'NO_RATINGS_USED';

/**
 * Options for {@link reviewFactors}.
 *
 * @category Factor review
 */
export interface ReviewFactorsOptions {
  /** Factors beyond the catalog; a rating of any other unknown id is an error. */
  readonly customFactors?: readonly CustomFactor[];
  /** Interactions the team declares between pairs of factors. */
  readonly interactions?: readonly FactorInteraction[];
  /** Review as of this ISO date: ratings after it are left out, and each rater's latest rating on or before it counts. */
  readonly asOf?: string;
  /** Overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY}. */
  readonly policy?: Partial<FactorReviewPolicy>;
}

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
  readonly rating: FactorRatingValue;
  readonly ratedOn: string;
  readonly note: string | null;
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
  /** Their mean rating, or `null` when they gave no numeric rating. */
  readonly mean: number | null;
}

/**
 * How many numeric ratings fell below, on and above zero.
 *
 * @category Factor review
 */
export interface RatingTally {
  /** Ratings of −1 or −2. */
  readonly roadblock: number;
  /** Ratings of 0. */
  readonly neutral: number;
  /** Ratings of +1 or +2. */
  readonly support: number;
}

/**
 * One factor's result in a {@link FactorReview}.
 *
 * @category Factor review
 */
export interface FactorReviewEntry {
  /** The factor id. */
  readonly id: string;
  readonly category: FactorCategoryId;
  readonly label: string;
  /** Whether the team declared it in `customFactors`. */
  readonly custom: boolean;
  /** The ratings that count (each rater's latest), sorted by rater id. */
  readonly ratings: readonly CountedRating[];
  /** Raters with a numeric rating. */
  readonly raters: number;
  /** Raters whose latest rating is `'missing'`. */
  readonly missing: number;
  /** Mean of the numeric ratings, or `null` with a note. */
  readonly mean: number | null;
  /** Lowest and highest numeric rating, or `null`. */
  readonly lowest: number | null;
  readonly highest: number | null;
  readonly tally: RatingTally;
  /** r_wg on CFIR's 5-point scale (stats `rwg`, truncated to [0, 1]); `null` with fewer than two raters. */
  readonly agreement: number | null;
  readonly verdict: FactorVerdict;
  /** A support or roadblock with |mean| ≥ `policy.strongAt` (never a mixed factor). */
  readonly strong: boolean;
  /** The rules that gave the verdict, with the numbers that fired them. */
  readonly reasons: readonly DecisionReason<FactorVerdictRule>[];
  /** Ratings by role, sorted by role (raters without a role are left out). */
  readonly byRole: readonly RoleRating[];
  /** Why `mean`, `agreement` or the verdict is unknown; `null` when all are known. */
  readonly note: Note<FactorNoteCode> | null;
}

/**
 * A factor's pull in its category: id, mean, and whether it is strong.
 *
 * @category Factor review
 */
export interface FactorForce {
  readonly id: string;
  readonly mean: number;
  readonly strong: boolean;
}

/**
 * One category's result in a {@link FactorReview}.
 *
 * @category Factor review
 */
export interface FactorCategoryReview {
  readonly id: FactorCategoryId;
  readonly label: string;
  /** Factors in the category (catalog and custom). */
  readonly factors: number;
  /** Of those, factors with a numeric mean. */
  readonly rated: number;
  /** Sum of the rated factors' means (positive: the category helps on balance), or `null` when none is rated. */
  readonly netForce: number | null;
  /** Roadblocks, strongest (lowest mean) first. */
  readonly roadblocks: readonly FactorForce[];
  /** Supports, strongest (highest mean) first. */
  readonly supports: readonly FactorForce[];
  /** Factors the raters disagree on. */
  readonly mixed: readonly string[];
  readonly note: Note<FactorReviewNoteCode> | null;
}

/**
 * A factor two roles see differently (the Carnegie framework: educators may see equity differently than the
 * improvement team).
 *
 * @category Factor review
 */
export interface RoleDisagreement {
  /** The factor id. */
  readonly id: string;
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
export interface InteractionReview {
  readonly id: string;
  readonly factors: readonly [string, string];
  readonly kind: FactorInteractionKind;
  readonly note: string | null;
  /** The two factors' means, in the declared order (`null` when unrated). */
  readonly means: readonly [number | null, number | null];
  readonly verdicts: readonly [FactorVerdict, FactorVerdict];
  /** Both factors strong (three-valued: `null` when one is unrated and the other strong or unrated). */
  readonly bothStrong: boolean | null;
}

/**
 * Two strong roadblocks in different categories that no declared interaction joins yet: a prompt to
 * ask whether they feed each other.
 *
 * @category Factor review
 */
export interface CandidateInteraction {
  /** `'<first>+<second>'`, the two factor ids in review order. */
  readonly id: string;
  readonly factors: readonly [string, string];
  readonly categories: readonly [FactorCategoryId, FactorCategoryId];
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
 * The result of {@link reviewFactors}.
 *
 * @category Factor review
 */
export interface FactorReview {
  /** `asOf` if given, else the latest date among the ratings used; `null` when none was used. */
  readonly reviewedOn: string | null;
  /** The `asOf` option, or `null`. */
  readonly asOf: string | null;
  /** Every catalog factor and every declared custom factor, by category then catalog order (custom last). */
  readonly factors: readonly FactorReviewEntry[];
  /** The four categories, in catalog order. */
  readonly categories: readonly FactorCategoryReview[];
  /** Roadblocks across categories, strongest first. */
  readonly roadblocks: readonly string[];
  /** Supports across categories, strongest first. */
  readonly supports: readonly string[];
  /** Factors the raters disagree on, in review order. */
  readonly mixed: readonly string[];
  /** Factors two roles see differently, in review order. */
  readonly roleDisagreements: readonly RoleDisagreement[];
  /** The declared interactions, in declared order. */
  readonly interactions: readonly InteractionReview[];
  /** Pairs of strong roadblocks in different categories not yet declared as interacting. */
  readonly candidateInteractions: readonly CandidateInteraction[];
  readonly ratingCounts: RatingCounts;
  readonly notes: readonly Note<FactorReviewNoteCode>[];
  /** The effective policy. */
  readonly policy: FactorReviewPolicy;
  /** The `scaling-navigator` version that made the review. */
  readonly version: string;
}

interface FactorInfo {
  readonly id: string;
  readonly category: FactorCategoryId;
  readonly label: string;
  readonly custom: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ruleGuidance(id: FactorVerdictRule) {
  const rule = FACTOR_VERDICT_RULES.find((entry) => entry.id === id);
  /* c8 ignore next */
  if (rule === undefined) throw new Error(`unknown verdict rule ${id}`);
  return rule.guidance;
}

function reason(
  rule: FactorVerdictRule,
  evidence: Readonly<Record<string, number | string | boolean | null>>,
): DecisionReason<FactorVerdictRule> {
  return { rule, evidence, guidance: ruleGuidance(rule) };
}

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

function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

interface Judgement {
  readonly verdict: FactorVerdict;
  readonly reasons: DecisionReason<FactorVerdictRule>[];
  readonly agreement: number | null;
  readonly mean: number | null;
  readonly tally: RatingTally;
}

/** The verdict rule of {@link DEFAULT_FACTOR_REVIEW_POLICY}, on numeric ratings sorted ascending. */
function judge(values: readonly number[], missing: number, policy: FactorReviewPolicy): Judgement {
  const tally = {
    roadblock: values.filter((value) => value < 0).length,
    neutral: values.filter((value) => value === 0).length,
    support: values.filter((value) => value > 0).length,
  };
  const mean = meanOf(values);
  if (mean === null) {
    return {
      verdict: 'undetermined',
      reasons: [reason('no-numeric-ratings', { raters: 0, missing })],
      agreement: null,
      mean: null,
      tally,
    };
  }
  const agreement = rwg(values, { min: -2, max: 2 }).estimate;
  const reasons: DecisionReason<FactorVerdictRule>[] = [];
  if (agreement !== null && agreement < policy.minAgreement - TOLERANCE) {
    reasons.push(
      reason('low-agreement', { agreement, minAgreement: policy.minAgreement, raters: values.length, mean }),
    );
  }
  if (
    policy.bothSidesMinRaters > 0 &&
    tally.roadblock >= policy.bothSidesMinRaters &&
    tally.support >= policy.bothSidesMinRaters
  ) {
    reasons.push(
      reason('raters-on-both-sides', {
        roadblockRatings: tally.roadblock,
        supportRatings: tally.support,
        bothSidesMinRaters: policy.bothSidesMinRaters,
      }),
    );
  }
  if (reasons.length > 0) return { verdict: 'mixed', reasons, agreement, mean, tally };
  const evidence = { mean, raters: values.length, agreement };
  if (mean >= policy.supportAt - TOLERANCE) {
    return {
      verdict: 'support',
      reasons: [reason('mean-at-or-above-support', { ...evidence, supportAt: policy.supportAt })],
      agreement,
      mean,
      tally,
    };
  }
  if (mean <= policy.roadblockAt + TOLERANCE) {
    return {
      verdict: 'roadblock',
      reasons: [reason('mean-at-or-below-roadblock', { ...evidence, roadblockAt: policy.roadblockAt })],
      agreement,
      mean,
      tally,
    };
  }
  return {
    verdict: 'neutral',
    reasons: [
      reason('mean-between-thresholds', { ...evidence, supportAt: policy.supportAt, roadblockAt: policy.roadblockAt }),
    ],
    agreement,
    mean,
    tally,
  };
}

function rolesOf(counted: readonly CountedRating[]): RoleRating[] {
  const byRole = new Map<string, { values: number[]; missing: number }>();
  for (const entry of counted) {
    if (entry.role === null) continue;
    const bucket = byRole.get(entry.role) ?? { values: [], missing: 0 };
    if (entry.rating === 'missing') bucket.missing += 1;
    else bucket.values.push(entry.rating);
    byRole.set(entry.role, bucket);
  }
  return [...byRole.keys()].sort(byText).map((role) => {
    const bucket = byRole.get(role) as { values: number[]; missing: number };
    return { id: role, raters: bucket.values.length, missing: bucket.missing, mean: meanOf(bucket.values) };
  });
}

function roleDisagreement(entry: FactorReviewEntry, policy: FactorReviewPolicy): RoleDisagreement | null {
  const rated = entry.byRole.filter((role): role is RoleRating & { mean: number } => role.mean !== null);
  if (rated.length < 2) return null;
  let highest = rated[0] as RoleRating & { mean: number };
  let lowest = highest;
  for (const role of rated) {
    if (role.mean > highest.mean) highest = role;
    if (role.mean < lowest.mean) lowest = role;
  }
  const gap = highest.mean - lowest.mean;
  if (gap < policy.roleGap - TOLERANCE) return null;
  return {
    id: entry.id,
    category: entry.category,
    gap,
    oppositeSides: highest.mean >= policy.supportAt - TOLERANCE && lowest.mean <= policy.roadblockAt + TOLERANCE,
    highest,
    lowest,
  };
}

/** Kleene AND of "factor is strong", where an unrated factor's strength is unknown. */
function bothStrong(a: FactorReviewEntry, b: FactorReviewEntry): boolean | null {
  const strong = (entry: FactorReviewEntry): boolean | null => (entry.mean === null ? null : entry.strong);
  const first = strong(a);
  const second = strong(b);
  if (first === false || second === false) return false;
  if (first === null || second === null) return null;
  return true;
}

/**
 * Reviews the influential factors from several raters' CFIR ratings (Carnegie framework, Component 3 and
 * Tool #4): per factor the mean rating, the raters, their agreement and a verdict; per category the
 * net force and the strongest roadblocks and supports; the factors roles see differently; the
 * declared interactions; and candidate interactions.
 *
 * For each factor, each rater's latest rating on or before `asOf` counts (earlier ones are
 * superseded). Over the n raters with a numeric rating $x_1 … x_n$:
 *
 * - mean $\bar x = \frac{1}{n}\sum x_i$; agreement $r_{wg} = 1 - s^2/\sigma^2_{EU}$ with
 *   $\sigma^2_{EU} = (5^2 - 1)/12 = 2$ on CFIR's 5-point scale, truncated to [0, 1] (stats `rwg`,
 *   James, Demaree & Wolf 1984; no estimate with one rater);
 * - verdict by the rule of {@link DEFAULT_FACTOR_REVIEW_POLICY} (mixed is our extension of CFIR);
 * - a category's net force is the sum of its rated factors' means (Lewin's force field: supports
 *   push, roadblocks pull);
 * - two roles disagree when their mean ratings differ by ≥ `roleGap`;
 * - a declared interaction is surfaced with `bothStrong`; every pair of strong roadblocks in two
 *   different categories that is not declared becomes a candidate interaction.
 *
 * Factors nobody rated are listed as `undetermined` with a note: unknown is not neutral.
 * The order of the ratings never changes the review. O(r log r + f²) for r ratings and f factors.
 * The input is not mutated.
 *
 * @category Factor review
 * @param ratings - {@link FactorRating}s: one per rater, factor and day.
 * @param options - `customFactors`, `interactions`, `asOf`, `policy`.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a rating outside the CFIR scale, an unknown factor
 *   id (not in the catalog and not declared), a rater rating the same factor twice on one day, a
 *   non-ISO date, a custom factor that clashes with the catalog, an interaction of unknown or identical
 *   factors, and bad policy values.
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
 * [observability?.verdict, observability?.strong] //=> ['roadblock', true]
 * review.factors.find((factor) => factor.id === 'leadership')?.verdict //=> 'mixed'
 * review.roadblocks //=> ['observability']
 * review.roleDisagreements.map((entry) => [entry.id, entry.gap]) //=> [['leadership', 3]]
 * reviewFactors([{ factorId: 'observabilty', raterId: 'ana', rating: -2, ratedOn: '2025-10-01' }]) //=> throws INVALID_INPUT
 * ```
 */
export function reviewFactors(ratings: readonly FactorRatingInput[], options: ReviewFactorsOptions = {}): FactorReview {
  const parsedRatings = parseOrThrow(z.array(FactorRating), ratings, ['ratings']);
  const optionRecord = requireRecord(options, ['options']);
  const customFactors = parseOrThrow(z.array(CustomFactor), optionRecord.customFactors ?? [], [
    'options',
    'customFactors',
  ]);
  const interactions = parseOrThrow(z.array(FactorInteraction), optionRecord.interactions ?? [], [
    'options',
    'interactions',
  ]);
  let asOf: string | null = null;
  if (optionRecord.asOf !== undefined) {
    requireIsoDate(optionRecord.asOf, ['options', 'asOf']);
    asOf = optionRecord.asOf as string;
  }
  const policy = resolveFactorReviewPolicy(optionRecord.policy, ['options', 'policy']);
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
  const factors: FactorReviewEntry[] = factorList(customFactors).map((info) => {
    const counted: CountedRating[] = [...(latest.get(info.id)?.values() ?? [])]
      .sort((a, b) => byText(a.raterId, b.raterId))
      .map((rating) => ({
        id: rating.raterId,
        role: rating.role ?? null,
        rating: rating.rating,
        ratedOn: rating.ratedOn,
        note: rating.note ?? null,
      }));
    used += counted.length;
    for (const entry of counted) if (lastDate === null || entry.ratedOn > lastDate) lastDate = entry.ratedOn;
    const values = counted
      .map((entry) => entry.rating)
      .filter((value): value is -2 | -1 | 0 | 1 | 2 => value !== 'missing')
      .sort((a, b) => a - b);
    const missing = counted.length - values.length;
    const judged = judge(values, missing, policy);
    const strong =
      (judged.verdict === 'support' || judged.verdict === 'roadblock') &&
      judged.mean !== null &&
      Math.abs(judged.mean) >= policy.strongAt - TOLERANCE;
    let why: Note<FactorNoteCode> | null = null;
    if (counted.length === 0)
      why = note('NOT_RATED', `nobody rated "${info.id}", so its pull is unknown (not neutral)`);
    else if (values.length === 0) {
      why = note('ONLY_MISSING', `every rater marked "${info.id}" missing: too little information to rate it yet`);
    } else if (values.length === 1) {
      why = note('ONE_RATER', `only one rater rated "${info.id}", so agreement has no estimate`);
    }
    return {
      id: info.id,
      category: info.category,
      label: info.label,
      custom: info.custom,
      ratings: counted,
      raters: values.length,
      missing,
      mean: judged.mean,
      lowest: values[0] ?? null,
      highest: values[values.length - 1] ?? null,
      tally: judged.tally,
      agreement: judged.agreement,
      verdict: judged.verdict,
      strong,
      reasons: judged.reasons,
      byRole: rolesOf(counted),
      note: why,
    };
  });

  const force = (entry: FactorReviewEntry): FactorForce => ({
    id: entry.id,
    mean: entry.mean as number,
    strong: entry.strong,
  });
  // Stable sorts: ties keep review order, which does not depend on the order of the ratings.
  const roadblockList = factors
    .filter((entry) => entry.verdict === 'roadblock')
    .sort((a, b) => (a.mean as number) - (b.mean as number));
  const supportList = factors
    .filter((entry) => entry.verdict === 'support')
    .sort((a, b) => (b.mean as number) - (a.mean as number));

  const categories: FactorCategoryReview[] = FACTOR_CATEGORIES.map((category) => {
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
      mixed: members.filter((entry) => entry.verdict === 'mixed').map((entry) => entry.id),
      note:
        netForce === null
          ? note('NO_RATED_FACTORS', `no factor in "${category.id}" has a numeric rating, so its net force is unknown`)
          : null,
    };
  });

  const byId = new Map(factors.map((entry) => [entry.id, entry]));
  const entryOf = (id: string) => byId.get(id) as FactorReviewEntry;
  const declaredPairs = new Set<string>();
  const reviewedInteractions: InteractionReview[] = interactions.map((interaction) => {
    const [firstId, secondId] = interaction.factors;
    declaredPairs.add(`${firstId}\u0000${secondId}`);
    declaredPairs.add(`${secondId}\u0000${firstId}`);
    const first = entryOf(firstId);
    const second = entryOf(secondId);
    return {
      id: interaction.id,
      factors: [firstId, secondId],
      kind: interaction.kind,
      note: interaction.note ?? null,
      means: [first.mean, second.mean],
      verdicts: [first.verdict, second.verdict],
      bothStrong: bothStrong(first, second),
    };
  });

  const strongRoadblocks = factors.filter((entry) => entry.verdict === 'roadblock' && entry.strong);
  const candidateInteractions: CandidateInteraction[] = [];
  strongRoadblocks.forEach((first, index) => {
    for (const second of strongRoadblocks.slice(index + 1)) {
      if (first.category === second.category || declaredPairs.has(`${first.id}\u0000${second.id}`)) continue;
      candidateInteractions.push({
        id: `${first.id}+${second.id}`,
        factors: [first.id, second.id],
        categories: [first.category, second.category],
        means: [first.mean as number, second.mean as number],
      });
    }
  });

  const roleDisagreements = factors
    .map((entry) => roleDisagreement(entry, policy))
    .filter((entry): entry is RoleDisagreement => entry !== null);

  return {
    reviewedOn: asOf ?? lastDate,
    asOf,
    factors,
    categories,
    roadblocks: roadblockList.map((entry) => entry.id),
    supports: supportList.map((entry) => entry.id),
    mixed: factors.filter((entry) => entry.verdict === 'mixed').map((entry) => entry.id),
    roleDisagreements,
    interactions: reviewedInteractions,
    candidateInteractions,
    ratingCounts: { given: parsedRatings.length, used, superseded: considered - used, afterAsOf },
    notes:
      used === 0
        ? [note('NO_RATINGS_USED', asOf === null ? 'no ratings were given' : `no rating was made on or before ${asOf}`)]
        : [],
    policy,
    version: LIBRARY_VERSION,
  };
}
