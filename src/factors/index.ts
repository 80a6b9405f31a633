/**
 * Influential-factor reviews (Carnegie framework, Component 3 and the Navigator's Tool #4): CFIR ratings of
 * the factors from several raters, turned into per-factor means, agreement (r_wg) and decisions —
 * support, roadblock, neutral, or mixed when raters disagree (our extension of CFIR) — per-category
 * net forces, disagreements by role, declared and candidate interactions, the change between two
 * reviews, and strategies of the typology ranked by the roadblocks they answer.
 *
 * Sources: Cohen-Vogel, Century & Sherer (2022), *A Framework for Scaling for Equity* (Carnegie framework);
 * the CFIR rating scale (Damschroder & Lowery 2013); r_wg (James, Demaree & Wolf 1984); the CFIR–ERIC
 * matching tool (Waltz et al. 2019). Descriptions and rationales are in our words.
 *
 * @module factors
 */
export * from './CustomFactor.js';
export * from './compareReviews.js';
export * from './FactorInteraction.js';
export * from './FactorRating.js';
export * from './FactorReview.js';
export { FactorReviewInput, parseFactorReviewInput, safeParseFactorReviewInput } from './FactorReviewInput.js';
export {
  DEFAULT_FACTOR_REVIEW_POLICY,
  defineFactorReviewPolicy,
  type FactorReviewPolicy,
} from './factorReviewPolicy.js';
export * from './factorStrategyMatches.js';
export {
  type DecidedFactorVerdict,
  FACTOR_VERDICT_RULES,
  FACTOR_VERDICTS,
  type FactorDecision,
  type FactorVerdict,
  type FactorVerdictRule,
  type RatingTally,
} from './factorVerdicts.js';
export * from './reviewFactors.js';
export * from './suggestStrategies.js';
