/**
 * The pit stop (Carnegie framework, Figure 2 and Navigator Tool #2): the four checklist questions
 * answered from data — are we on course, is anything broken, is the fuel low, who has been left
 * behind — a decision per strategy (keep, revise, pause, remove), strategies to add screened for
 * every partner, the route (stay the course, adjust the route, recalibrate the destination) and
 * the next stop; where an innovation stands among the stages to scale (REL Appalachia); and a
 * state's view of many districts' journeys. Every decision cites {@link PIT_STOP_RULES}.
 *
 * @module pitstop
 */
export * from './assessStage.js';
export { type EvaluatePitStopOptions, evaluatePitStop } from './evaluatePitStop.js';
export * from './evaluatePortfolio.js';
export {
  type ParsedPitStopInput,
  PitStopInput,
  ProjectedArrival,
  parsePitStopInput,
  safeParsePitStopInput,
} from './PitStopInput.js';
export * from './PitStopReport.js';
export {
  type DistrictSummary,
  type PortfolioCell,
  PortfolioReport,
  parsePortfolioReport,
  safeParsePortfolioReport,
} from './PortfolioReport.js';
export { DEFAULT_PIT_STOP_POLICY, definePitStopPolicy, type PitStopPolicy } from './pitStopPolicy.js';
export * from './pitStopRules.js';
export { type ProjectedArrivalsFromReachOptions, projectedArrivalsFromReach } from './projectedArrival.js';
export {
  parseStageAssessment,
  StageAssessment,
  type StageCriterion,
  safeParseStageAssessment,
} from './StageAssessment.js';
