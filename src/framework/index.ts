/**
 * The scaling-for-equity framework as data: the four scale dimensions, the strategy typology,
 * the influential factors, the pit-stop questions, the Navigator's tools, equity configurations,
 * scaling stages and deeper-learning competencies — and the shared models every other module
 * speaks (`FocalGroup`, `ReachTarget`, `Measure`, `TripTicket`), with the library's error type.
 *
 * Sources: Cohen-Vogel, Century & Sherer (2022), *A Framework for Scaling for Equity*, Carnegie
 * Foundation for the Advancement of Teaching, CC BY 4.0; REL Appalachia, *Learning
 * Before Going to Scale*. Descriptions are in our words.
 *
 * @module framework
 */
export {
  ERROR_CODES,
  type ErrorIssue,
  type ErrorPath,
  isScalingNavigatorError,
  ScalingNavigatorError,
  type ScalingNavigatorErrorCode,
} from '../_lib/errors.js';
export type { Note } from '../_lib/notes.js';
export type { SafeParseResult } from '../_lib/parse.js';
export * from './Decision.js';
export * from './deeperLearningCompetencies.js';
export * from './equityConfigurations.js';
export * from './FocalGroup.js';
export * from './factors.js';
export * from './Measure.js';
export * from './navigatorTools.js';
export * from './pitStopQuestions.js';
export * from './ReachTarget.js';
export * from './rules.js';
export * from './ScaleTargets.js';
export * from './scaleDimensions.js';
export * from './scalingStages.js';
export * from './sources.js';
export * from './strategies.js';
export * from './TripTicket.js';
export * from './tripTicketQuestions.js';
export * from './version.js';
