/**
 * Equity-targeted reach: who has the innovation reached, and are the students furthest from
 * opportunity reached fully — at every level of a system, for any size of data (the Carnegie framework's equity
 * destination, the research summary on scaling up's scale by district). Rosters in row or columnar form, summaries with gaps,
 * risk ratios and representation, targets, small-cell suppression, and a mergeable accumulator.
 *
 * @module reach
 */

export * from './compareSites.js';
export * from './evaluateReachTarget.js';
export type * from './ReachOverTimeOptions.js';
export type * from './ReachOverTimeReport.js';
export { parseReachOverTimeReport, ReachOverTimeReport, safeParseReachOverTimeReport } from './ReachOverTimeReport.js';
export type { ReachAccumulatorOptions, ReachColumns, ReachRow, SummarizeReachOptions } from './ReachRoster.js';
export type * from './ReachSummary.js';
export { parseReachSummary, ReachSummary, safeParseReachSummary } from './ReachSummary.js';
export * from './reachAccumulator.js';
export * from './reachColumnsFromArrow.js';
export * from './reachCountsQuery.js';
export * from './reachFromCounts.js';
export * from './reachOverTime.js';
export { DEFAULT_REACH_POLICY, defineReachPolicy, type ReachPolicy } from './reachPolicy.js';
export { REACH_RULES, type ReachRule, type ReachTargetAction } from './reachRules.js';
export * from './reachTimeAccumulator.js';
export type {
  CompareSitesOptions,
  SiteComparison,
  SiteComparisonNoteCode,
  SiteCovariate,
  SiteCovariateComparison,
  SiteSchool,
} from './SiteComparison.js';
export type * from './SuppressedReachReport.js';
export {
  parseSuppressedReachReport,
  SuppressedReachReport,
  safeParseSuppressedReachReport,
} from './SuppressedReachReport.js';
export * from './shardOf.js';
export { SITE_RULES, type SiteDecision, type SitePolicy, type SiteRule } from './siteRules.js';
export * from './summarizeReach.js';
export * from './suppressSmallCells.js';
