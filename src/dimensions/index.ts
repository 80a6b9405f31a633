/**
 * How far along each dimension of scale an innovation is: scores per dimension against targets,
 * "at scale" and "sustainable" judged separately (research summary on scaling up), and a warning
 * when spread rises while depth falls (REL Appalachia) — each judgement a `Decision` whose reasons
 * name {@link DIMENSIONS_RULES}.
 *
 * @module dimensions
 */
export * from './assessScale.js';
export * from './detectSuperficialSpread.js';
export * from './dimensionsRules.js';
export * from './ScaleAssessment.js';
export { DEFAULT_SCALE_POLICY, defineScalePolicy, type ScalePolicy } from './scalePolicy.js';
export {
  DEFAULT_SUPERFICIAL_SPREAD_POLICY,
  defineSuperficialSpreadPolicy,
  type SuperficialSpreadPolicy,
} from './superficialSpreadPolicy.js';
