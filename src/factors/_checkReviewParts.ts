/**
 * The cross-field rules of a factor review document: custom ids, known factors, one rating per
 * rater, factor and day, and well-formed interactions.
 *
 * @internal
 * @module
 */
import { closest } from '../_lib/strict.js';
import { FACTOR_IDS } from '../framework/factors.js';
import type { CustomFactor } from './CustomFactor.js';
import type { FactorInteraction } from './FactorInteraction.js';
import type { FactorRating } from './FactorRating.js';

/** A cross-field problem in a factor review document, with its path from the document. @internal */
export interface ReviewIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** The parts of a factor review document the cross-field rules look at. @internal */
export interface ReviewParts {
  readonly ratings: readonly FactorRating[];
  readonly customFactors: readonly CustomFactor[];
  readonly interactions: readonly FactorInteraction[];
}

const CATALOG: ReadonlySet<string> = new Set(FACTOR_IDS);

/**
 * The first cross-field problem of a factor review, or `undefined`: custom factor ids that clash with
 * the catalog or repeat, ratings of undeclared factors, a rater rating the same factor twice on one
 * day, interactions with unknown or identical factors, repeated interaction ids or pairs. O(n).
 *
 * @internal
 */
export function checkReviewParts(parts: ReviewParts): ReviewIssue | undefined {
  const custom = new Set<string>();
  for (const [index, factor] of parts.customFactors.entries()) {
    if (CATALOG.has(factor.id)) {
      return {
        path: ['customFactors', index, 'id'],
        message: `"${factor.id}" is already a catalog factor; rate it directly instead of declaring it`,
      };
    }
    if (custom.has(factor.id)) {
      return { path: ['customFactors', index, 'id'], message: `duplicate custom factor id "${factor.id}"` };
    }
    custom.add(factor.id);
  }
  const known = (id: string) => CATALOG.has(id) || custom.has(id);
  const unknown = (id: string) => {
    const guess = closest(id, [...FACTOR_IDS, ...custom]);
    return `unknown factor "${id}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; use a catalog factor id (${FACTOR_IDS.join(', ')}) or declare it in customFactors`;
  };

  const seen = new Set<string>();
  for (const [index, rating] of parts.ratings.entries()) {
    if (!known(rating.factorId)) return { path: ['ratings', index, 'factorId'], message: unknown(rating.factorId) };
    const key = `${rating.factorId}\u0000${rating.raterId}\u0000${rating.ratedOn}`;
    if (seen.has(key)) {
      return {
        path: ['ratings', index, 'raterId'],
        message: `rater "${rating.raterId}" already rated "${rating.factorId}" on ${rating.ratedOn}; one rating per rater, factor and day`,
      };
    }
    seen.add(key);
  }

  const interactionIds = new Set<string>();
  const pairs = new Set<string>();
  for (const [index, interaction] of parts.interactions.entries()) {
    if (interactionIds.has(interaction.id)) {
      return { path: ['interactions', index, 'id'], message: `duplicate interaction id "${interaction.id}"` };
    }
    interactionIds.add(interaction.id);
    const [first, second] = interaction.factors;
    if (!known(first)) return { path: ['interactions', index, 'factors', 0], message: unknown(first) };
    if (!known(second)) return { path: ['interactions', index, 'factors', 1], message: unknown(second) };
    if (first === second) {
      return { path: ['interactions', index, 'factors', 1], message: 'an interaction joins two different factors' };
    }
    const pair = first < second ? `${first}\u0000${second}` : `${second}\u0000${first}`;
    if (pairs.has(pair)) {
      return {
        path: ['interactions', index, 'factors'],
        message: `the interaction between "${first}" and "${second}" is already declared`,
      };
    }
    pairs.add(pair);
  }
  return undefined;
}
