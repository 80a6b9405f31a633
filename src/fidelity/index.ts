/**
 * Fidelity-to-outcome analysis: does doing it well go with better outcomes? The correlation with
 * inference (plain, controlling for a baseline, and adjusted for clustering), contributions of
 * essential components with multiplicity control, and the fidelity level associated with outcomes,
 * with a permutation test and a bootstrap interval — the research summary on scaling up (Horner et
 * al.) asks for fidelity measures "correlated with intended outcomes" and for "minimum practice
 * requirements".
 *
 * @module fidelity
 */
export type { FidelityScale } from './_readFidelity.js';
export * from './analyzeFidelityOutcome.js';
export * from './componentContributions.js';
export * from './componentRules.js';
export { DEFAULT_FIDELITY_POLICY, defineFidelityPolicy, type FidelityPolicy } from './fidelityPolicy.js';
export * from './fidelityThreshold.js';
export * from './thresholdRules.js';
