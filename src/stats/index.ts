/**
 * The numeric kernel: correlation (Pearson, Spearman, Kendall τ-b) with p-values and intervals,
 * partial correlation, p-value adjustment, WWC effect sizes, Wilson intervals, rater agreement
 * (r_wg, r_wg(J), ICC(1)), the design effect, and the t, normal and chi-square distribution functions. Domain-free; checked against scipy and R.
 *
 * @module stats
 */
export type { NanPolicy, Series } from '../_lib/series.js';
export * from './adjustPValues.js';
export * from './chiSquareCdf.js';
export * from './correlate.js';
export * from './coxIndex.js';
export type { Estimate } from './Estimate.js';
export * from './effectSize.js';
export * from './icc1.js';
export * from './normalCdf.js';
export * from './normalQuantile.js';
export * from './partialCorrelation.js';
export * from './proportionInterval.js';
export * from './proportionIntervalBeta.js';
export * from './rwg.js';
export * from './tCdf.js';
export * from './tQuantile.js';
