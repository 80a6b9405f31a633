import * as z from 'zod/mini';
import { invalid } from '../_lib/errors.js';
import type { Note } from '../_lib/notes.js';
import { parseOrThrow, type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { Id } from '../framework/_schemaParts.js';
import type { SourceCitation } from '../framework/sources.js';
import { type StrategyApproachId, StrategyId } from '../framework/strategies.js';
import { readReview } from './_readReview.js';
import { requireDenseIfArray } from './_resultParts.js';
import { addRow, builtInIndex, suggestParsed } from './_suggest.js';
import type { FactorReview, ReviewedFactorId } from './FactorReview.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy } from './factorReviewPolicy.js';
import {
  FACTOR_MATCH_CONDITIONS,
  FACTOR_STRATEGY_MATCHES,
  type FactorMatchCondition,
} from './factorStrategyMatches.js';
import type { FactorVerdict } from './factorVerdicts.js';

/**
 * Schema for a row a team adds to the factor→strategy table for its own factors (or to record its
 * own judgement about a catalog factor): the same fields as {@link FACTOR_STRATEGY_MATCHES} minus the
 * id and the source citation.
 *
 * @category Strategy suggestions
 * @example
 * ```ts
 * import { AdditionalFactorMatch } from 'scaling-navigator/factors';
 * const row = {
 *   factorId: 'team-goals', when: 'support', strategyId: 'network-of-users', strength: 1,
 *   rationale: 'Our shared goals give the network something to rally around.',
 * };
 * AdditionalFactorMatch.safeParse(row).success //=> true
 * AdditionalFactorMatch.safeParse({ factorId: 'team-goals', when: 'support', strategyId: 'lobbying', strength: 1, rationale: 'x' }).success //=> false
 * ```
 */
export const AdditionalFactorMatch = z.strictObject({
  factorId: Id,
  when: z.enum(FACTOR_MATCH_CONDITIONS),
  strategyId: StrategyId,
  strength: z.literal([1, 2]),
  rationale: z.string().check(z.minLength(1)),
});
/** A team's own factor→strategy row. @category Strategy suggestions */
export type AdditionalFactorMatch = z.infer<typeof AdditionalFactorMatch>;

/**
 * Parses a team's own factor→strategy row, throwing `ScalingNavigatorError` at the first problem.
 *
 * @category Strategy suggestions
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not an {@link AdditionalFactorMatch}.
 * @example
 * ```ts
 * import { parseAdditionalFactorMatch } from 'scaling-navigator/factors';
 * parseAdditionalFactorMatch({ factorId: 'team-goals', when: 'support', strategyId: 'network-of-users', strength: 2, rationale: 'Shared goals.' }).strength //=> 2
 * parseAdditionalFactorMatch({ factorId: 'team-goals', when: 'support', strategyId: 'network-of-users', strength: 3, rationale: 'Shared goals.' }) //=> throws INVALID_INPUT at ['strength']
 * ```
 */
export const parseAdditionalFactorMatch: (input: unknown) => AdditionalFactorMatch =
  /* @__PURE__ */ schemaParsers(AdditionalFactorMatch).parse;

/**
 * Parses a team's own factor→strategy row without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Strategy suggestions
 * @example
 * ```ts
 * import { safeParseAdditionalFactorMatch } from 'scaling-navigator/factors';
 * safeParseAdditionalFactorMatch({ factorId: 'team-goals', when: 'mixed', strategyId: 'co-design', strength: 1, rationale: 'Talk it through.' }).success //=> true
 * safeParseAdditionalFactorMatch({ factorId: 'team-goals', when: 'neutral', strategyId: 'co-design', strength: 1, rationale: 'x' }).success //=> false
 * ```
 */
export const safeParseAdditionalFactorMatch: (input: unknown) => SafeParseResult<AdditionalFactorMatch> =
  /* @__PURE__ */ schemaParsers(AdditionalFactorMatch).safeParse;

/**
 * Options for {@link suggestStrategies}.
 *
 * @category Strategy suggestions
 */
export interface SuggestStrategiesOptions {
  /** Also rank strategies that leverage supports (default `true`). */
  readonly leverageSupports?: boolean;
  /** The strategies already in the team's strategy set; suggestions say whether they are. */
  readonly strategySet?: readonly StrategyId[];
  /** Rows the team adds for its own factors; they must name factors of the review. */
  readonly additionalMatches?: readonly AdditionalFactorMatch[];
  /** Overrides of {@link DEFAULT_FACTOR_REVIEW_POLICY}; only `tolerance` applies (ties of `severity`). */
  readonly policy?: Partial<FactorReviewPolicy>;
}

const SUGGEST_STRATEGIES_OPTION_KEYS = keysOf<SuggestStrategiesOptions>()(
  'leverageSupports',
  'strategySet',
  'additionalMatches',
  'policy',
);

/**
 * What a reader of {@link StrategySuggestions} should know.
 *
 * - `NOTHING_TO_ANSWER`: the review has no roadblock, split factor or (leveraged) support, so nothing is suggested.
 * - `UNANSWERED_FACTORS`: some roadblocks or split factors have no row; see `unanswered`.
 *
 * @category Strategy suggestions
 */
export type StrategySuggestionsNoteCode = 'NOTHING_TO_ANSWER' | 'UNANSWERED_FACTORS';

/**
 * One factor a suggested strategy answers, from one row of the table.
 *
 * @category Strategy suggestions
 */
export interface SuggestionAnswer<Custom extends string = never> {
  /** The row id, `'<factorId>:<when>:<strategyId>'`. */
  readonly id: `${ReviewedFactorId<Custom>}:${FactorMatchCondition}:${StrategyId}`;
  /** The factor it answers. */
  readonly factorId: ReviewedFactorId<Custom>;
  /** Why the row applies: the factor is a roadblock, the raters are split on it, or it is a support. */
  readonly as: FactorMatchCondition;
  /** The factor's mean rating in the review. */
  readonly mean: number | null;
  readonly strength: 1 | 2;
  readonly rationale: string;
  /** The source passage of a table row; `null` for a team's own row. */
  readonly source: SourceCitation | null;
}

/**
 * One strategy of the typology, ranked for a review.
 *
 * @category Strategy suggestions
 */
export interface StrategySuggestion<Custom extends string = never> {
  /** The strategy id. */
  readonly id: StrategyId;
  readonly approach: StrategyApproachId;
  readonly label: string;
  /** 1 for the first; strategies tied on score, severity and leverage share a rank. */
  readonly rank: number;
  /** Summed strength over the roadblocks and split factors it answers (CFIR–ERIC style). */
  readonly score: number;
  /** Summed strength × |mean| over the roadblocks it answers (ranks ties of `score`). */
  readonly severity: number;
  /** Summed strength over the supports it leverages. */
  readonly leverage: number;
  /** Whether `options.strategySet` already holds it. */
  readonly inStrategySet: boolean;
  /** The factors it answers: roadblocks first, then split factors, then supports; stronger rows first. */
  readonly answers: readonly SuggestionAnswer<Custom>[];
}

/**
 * A roadblock or split factor that no row answers (typically a custom factor): the team must find
 * its own response.
 *
 * @category Strategy suggestions
 */
export interface UnansweredFactor<Custom extends string = never> {
  /** The factor id. */
  readonly id: ReviewedFactorId<Custom>;
  /** The action of the factor's decision in the review. */
  readonly action: FactorVerdict;
  readonly mean: number | null;
}

/**
 * The result of {@link suggestStrategies}.
 *
 * @category Strategy suggestions
 */
export interface StrategySuggestions<Custom extends string = never> {
  /** The review's date. */
  readonly reviewedOn: string | null;
  /** Ranked suggestions (only strategies that answer something). */
  readonly suggestions: readonly StrategySuggestion<Custom>[];
  /** Roadblocks and split factors that no row answers, in review order. */
  readonly unanswered: readonly UnansweredFactor<Custom>[];
  /** Whether supports were leveraged. */
  readonly leverageSupports: boolean;
  /** What a reader should know; empty when nothing. */
  readonly notes: readonly Note<StrategySuggestionsNoteCode>[];
  /** The effective policy (only `tolerance` is used here). */
  readonly policy: FactorReviewPolicy;
}

const OptionalBoolean = /* @__PURE__ */ z.optional(z.boolean());
const OptionalStrategyIds = /* @__PURE__ */ z.optional(z.array(StrategyId));
const OptionalAdditionalMatches = /* @__PURE__ */ z.optional(z.array(AdditionalFactorMatch));

/**
 * Suggests strategies of the typology for a factor review: those that answer its roadblocks (and
 * the factors raters are split on), then those that leverage its supports — each with the factors it
 * answers, a strength and a rationale in our words citing the Carnegie framework passage it rests on (from
 * {@link FACTOR_STRATEGY_MATCHES}).
 *
 * In the spirit of the CFIR–ERIC matching tool (Waltz et al. 2019), strategies are ranked by
 * `score` = Σ strength over the roadblocks and split factors they answer; ties by `severity`
 * = Σ strength × |x̄| over the roadblocks (worse roadblocks weigh more, compared within
 * `policy.tolerance`), then by `leverage` = Σ strength over the supports, then by typology order.
 * A factor is *split* when its decision is mixed or two roles disagree on it (`roleDisagreements`);
 * the table's `'mixed'` rows answer it. O(f + m) for f factors and m rows. The inputs are not mutated.
 *
 * @category Strategy suggestions
 * @param review - A {@link FactorReview} from {@link reviewFactors} (it may have been stored as JSON).
 * @param options - `leverageSupports`, `strategySet`, `additionalMatches`, `policy`.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a review this library did not make that does not
 *   match {@link FactorReview} (at the path of the damage), an unknown strategy id in `strategySet`
 *   or `additionalMatches`, an additional row naming a factor the review lacks or repeating a row,
 *   bad policy values, an unknown key in `options` or an additional row (options are read once), or
 *   a hole in `strategySet` or `additionalMatches`; `INCOMPATIBLE` for a review with a newer
 *   `schemaVersion`. A review from {@link reviewFactors} passes without re-validation.
 * @example
 * ```ts
 * import { reviewFactors, suggestStrategies } from 'scaling-navigator/factors';
 * const review = reviewFactors([
 *   { factorId: 'observability', raterId: 'ana', rating: -2, ratedOn: '2025-10-01' },
 *   { factorId: 'policies', raterId: 'ana', rating: -1, ratedOn: '2025-10-01' },
 * ]);
 * const { suggestions } = suggestStrategies(review, { strategySet: ['proof-point'] });
 * suggestions.map((entry) => [entry.id, entry.score, entry.rank]) //=> [['proof-point', 2, 1], ['policy-network', 2, 2], ['shape-policy', 2, 2], ['scalable-characteristics', 1, 4], ['network-of-users', 1, 4], ['educate-policymakers', 1, 6]]
 * suggestions[0].inStrategySet //=> true
 * suggestions[0].answers[0].source //=> { source: 'carnegie-2022-scaling-for-equity', section: 'Component 2: Strategies That Build and Leverage Educator Networks' }
 * suggestStrategies(review, { strategySet: ['lobbying' as never] }) //=> throws INVALID_INPUT at ['options', 'strategySet', 0]
 * ```
 */
export function suggestStrategies<Custom extends string = never>(
  review: FactorReview<Custom>,
  options: SuggestStrategiesOptions = {},
): StrategySuggestions<Custom> {
  const view = readReview(review, ['review']);
  const given = readOptions<SuggestStrategiesOptions>(options, SUGGEST_STRATEGIES_OPTION_KEYS, ['options']);
  const policy = resolveFactorReviewPolicy(given.policy, ['options', 'policy']);
  const leverageSupports = parseOrThrow(OptionalBoolean, given.leverageSupports, ['options', 'leverageSupports']);
  requireDenseIfArray(given.strategySet, ['options', 'strategySet']);
  const strategySet = new Set(parseOrThrow(OptionalStrategyIds, given.strategySet, ['options', 'strategySet']) ?? []);
  requireDenseIfArray(given.additionalMatches, ['options', 'additionalMatches']);
  const additional = parseOrThrow(OptionalAdditionalMatches, given.additionalMatches, ['options', 'additionalMatches']);

  // The built-in table's index is built once; a call with rows of its own extends a copy of it.
  const base = builtInIndex();
  let rowsFor = base.rowsFor;
  if (additional !== undefined && additional.length > 0) {
    const factorIds = new Set(view.factors.map((factor) => factor.id));
    const rowIds = new Set(base.rowIds);
    const extended = new Map([...base.rowsFor].map(([key, list]) => [key, [...list]]));
    additional.forEach((match, index) => {
      if (!factorIds.has(match.factorId)) {
        invalid(
          ['options', 'additionalMatches', index, 'factorId'],
          `factor "${match.factorId}" is not in the review; add rows only for factors the review rated or declared`,
        );
      }
      const id = `${match.factorId}:${match.when}:${match.strategyId}` as const;
      if (rowIds.has(id)) {
        invalid(['options', 'additionalMatches', index], `the row ${id} already exists; each row appears once`);
      }
      rowIds.add(id);
      addRow(extended, { ...match, id, source: null });
    });
    rowsFor = extended;
  }
  // The factor ids come from the review, whose ids `Custom` names.
  return suggestParsed(view, policy, leverageSupports, strategySet, rowsFor) as unknown as StrategySuggestions<Custom>;
}
