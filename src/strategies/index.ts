/**
 * The strategy set (Carnegie framework, Component 2 and the Navigator's Tool #3): the `StrategySet` model —
 * strategies of the typology with their theories of action, concrete steps (what, when, with whom,
 * who leads), partners, status and the changes made at pit stops — a review of the set as of a date
 * with warnings a team can act on, and screening of candidate strategies by acceptability and
 * affordability for every partner, not only the most powerful.
 *
 * Source: Cohen-Vogel, Century & Sherer (2022), *A Framework for Scaling for Equity*, Carnegie
 * Foundation for the Advancement of Teaching, CC BY 4.0 (Carnegie framework). Guidance is in our words.
 *
 * @module strategies
 */
export * from './PartnerJudgement.js';
export * from './reviewStrategySet.js';
export * from './ScreeningReport.js';
export * from './StrategySet.js';
export * from './StrategySetReview.js';
export * from './screeningRules.js';
export * from './screenStrategies.js';
export { DEFAULT_STRATEGY_SET_POLICY, defineStrategySetPolicy, type StrategySetPolicy } from './strategySetPolicy.js';
export * from './strategySetRules.js';
