/**
 * The learning system of the Carnegie framework: run charts read with the Anhøj rules (as R's qicharts2 computes
 * them) and the IHI rules, with baselines and phases; and plan-do-study-act cycles — a model of the
 * cycle, the study of its data against the prediction, the explained act (abandon, revise, expand
 * or undetermined) and the ramp of cycles that test one strategy.
 *
 * @module learning
 */
export { type AnhoejLimits, anhoejLimits } from './anhoejLimits.js';
export {
  type DecidePdsaOptions,
  DecidePdsaResult,
  decidePdsa,
  type PdsaDecision,
  parseDecidePdsaResult,
  safeParseDecidePdsaResult,
} from './decidePdsa.js';
export {
  PDSA_ACTIONS,
  PDSA_DESIGNS,
  PDSA_GROUPS,
  PDSA_PREDICTION_DIRECTIONS,
  type PdsaAction,
  PdsaCycle,
  type PdsaCycleInput,
  type PdsaDesign,
  type PdsaGroup,
  parsePdsaCycle,
  safeParsePdsaCycle,
} from './PdsaCycle.js';
export {
  type PdsaGroupSummary,
  type PdsaNoteCode,
  PdsaStudy,
  type PdsaUnitsImproved,
  parsePdsaStudy,
  safeParsePdsaStudy,
} from './PdsaStudy.js';
export { DEFAULT_PDSA_POLICY, definePdsaPolicy, type PdsaPolicy } from './pdsaPolicy.js';
export { PDSA_RULES, type PdsaRule } from './pdsaRules.js';
export * from './pdsaSeries.js';
export * from './RunChartResult.js';
export * from './runChart.js';
export {
  DEFAULT_RUN_CHART_POLICY,
  defineRunChartPolicy,
  type RunChartPolicy,
  type RunsTableRow,
} from './runChartPolicy.js';
export * from './runChartRules.js';
export { type StudyPdsaOptions, studyPdsa } from './studyPdsa.js';
