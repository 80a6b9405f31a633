/**
 * How far along each dimension of scale an innovation is: scores per dimension against targets,
 * "at scale" and "sustainable" judged separately (seed 002), and a warning when spread rises while
 * depth falls (seed 000).
 *
 * @module dimensions
 */
export * from './assessScale.js';
export * from './detectSuperficialSpread.js';
export { DEFAULT_SCALE_POLICY, defineScalePolicy, type ScalePolicy } from './scalePolicy.js';
