import { defineRules } from '../framework/_rules.js';

const DESTINATION = 'Component 1: Where are we headed on our scaling-for-equity journey?';
const AT_SCALE = 'Three meanings of "at scale": practice carried out by the majority';
const AT_SCALE_VS_SUSTAINABLE = 'At scale is not the same as sustainable';
const FOUR_DIMENSIONS = 'Scale as depth, sustainability, spread and shift in ownership';
const SPREAD = 'Spread the intervention to a larger group';

/**
 * The rules of {@link assessScale} (each dimension against its target, "at scale", "sustainable")
 * and {@link detectSuperficialSpread}, each with the source it rests on. Every reason of their
 * decisions names one of these ids.
 *
 * @category Scale assessment
 * @example
 * ```ts
 * import { DIMENSIONS_RULES } from 'scaling-navigator/dimensions';
 * DIMENSIONS_RULES.find((rule) => rule.id === 'dimensions/fidelity-share-reached')?.action //=> 'at-scale'
 * DIMENSIONS_RULES.every((rule) => rule.id.startsWith('dimensions/')) //=> true
 * ```
 */
export const DIMENSIONS_RULES = /* @__PURE__ */ defineRules('dimensions', [
  {
    id: 'dimensions/target-met',
    action: 'met',
    description: "The dimension's score is at least its target, less the policy's tolerance.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'The trip ticket sets a destination for each dimension of scale; a dimension whose measured score reaches its target has arrived there.',
    },
  },
  {
    id: 'dimensions/target-not-met',
    action: 'not-met',
    description: "The dimension's score is below its target by more than the policy's tolerance.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'A dimension whose measured score falls short of the destination the trip ticket sets for it has not arrived yet; the shortfall says how far it has to go.',
    },
  },
  {
    id: 'dimensions/no-measures',
    action: 'undetermined',
    description: 'No measure informs the dimension, so it has no score.',
    guidance: {
      source: 'coburn-2003-rethinking-scale',
      section: FOUR_DIMENSIONS,
      summary:
        'Scale is more than the count of sites reached: depth, sustainability and ownership matter as much as spread, so a dimension nobody measures is unknown, never zero.',
    },
  },
  {
    id: 'dimensions/zero-weight',
    action: 'undetermined',
    description: 'Every measure of the dimension has weight 0, so there is nothing to average.',
    guidance: {
      source: 'coburn-2003-rethinking-scale',
      section: FOUR_DIMENSIONS,
      summary:
        'Each dimension of scale needs evidence of its own; measures given no weight say nothing about it, so it stays unknown.',
    },
  },
  {
    id: 'dimensions/no-target',
    action: 'undetermined',
    description: 'The dimension is scored but no target was given for it.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'Whether a dimension has arrived depends on the destination the team set for it; without a target there is no arrival to judge.',
    },
  },
  {
    id: 'dimensions/fidelity-share-reached',
    action: 'at-scale',
    description:
      "The share of intended practitioners using the practice with fidelity is at least the policy's atScaleThreshold.",
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE,
      summary:
        'A practice is at scale when the majority of the people meant to carry it out do so, with fidelity, across the district — counted among practitioners, not averaged over sites.',
    },
  },
  {
    id: 'dimensions/fidelity-share-short',
    action: 'not-at-scale',
    description:
      "The share of intended practitioners using the practice with fidelity is below the policy's atScaleThreshold.",
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE,
      summary:
        'Until the majority of the people meant to carry out a practice do so with fidelity, it is not yet at scale, however widely it has been introduced.',
    },
  },
  {
    id: 'dimensions/practice-not-given',
    action: 'undetermined',
    description: 'No counts of intended practitioners and of those using the practice with fidelity were given.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE,
      summary:
        'Being at scale is judged from how many of the intended practitioners carry out the practice with fidelity; without those counts it cannot be judged.',
    },
  },
  {
    id: 'dimensions/no-intended-practitioners',
    action: 'undetermined',
    description: 'No practitioners are intended to use the practice, so there is no share to judge.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE,
      summary: 'A majority of nobody is not defined: with no intended practitioners there is no share to judge.',
    },
  },
  {
    id: 'dimensions/sustainability-and-ownership-met',
    action: 'sustainable',
    description: 'Sustainability and ownership both meet their targets.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE_VS_SUSTAINABLE,
      summary:
        'At scale and sustainable are different things, planned for apart: the work lasts when the systems and the people behind it hold it up without a one-off push.',
    },
  },
  {
    id: 'dimensions/sustainable-dimension-not-met',
    action: 'not-sustainable',
    description: 'Sustainability or ownership (named in the evidence) falls short of its target.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: AT_SCALE_VS_SUSTAINABLE,
      summary:
        'Efforts carried by a big push, without the resources and ownership to maintain them, decline: a practice can be at scale and still not be sustainable.',
    },
  },
  {
    id: 'dimensions/sustainable-dimension-unknown',
    action: 'undetermined',
    description:
      'Sustainability or ownership (named in the evidence) has no score or no target, and neither is known to fall short.',
    guidance: {
      source: 'coburn-2003-rethinking-scale',
      section: FOUR_DIMENSIONS,
      summary:
        'Lasting change needs both sustainability and a shift of ownership to those who carry the work; while either is unknown, so is whether the change will last.',
    },
  },
  {
    id: 'dimensions/spread-rose-depth-fell',
    action: 'superficial-spread',
    description:
      "Between two consecutive assessments spread rose and depth fell, each by more than the policy's tolerance.",
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary:
        'The most common pitfall as an intervention spreads is that implementation grows more superficial as more educators use it: watch the quality of implementation as it spreads.',
    },
  },
  {
    id: 'dimensions/no-superficial-interval',
    action: 'no-superficial-spread',
    description:
      'No judged interval between consecutive assessments shows spread rising while depth falls (intervals with an unknown value are counted in the evidence).',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary:
        'Depth kept pace with spread in the assessments on record; keep collecting data on the quality of implementation as the intervention spreads.',
    },
  },
  {
    id: 'dimensions/too-few-assessments',
    action: 'undetermined',
    description: 'Fewer than two dated assessments were given, so there is no change to see.',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary: 'Monitoring quality as spread happens takes repeated data collection; one assessment shows no change.',
    },
  },
  {
    id: 'dimensions/no-interval-judged',
    action: 'undetermined',
    description: 'Every interval has an unknown depth or spread at one end, so none can be judged.',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary:
        'Watching for superficial spread needs data on both implementation quality and reach at each assessment; with one of them missing throughout, no interval can be judged.',
    },
  },
]);

/** The id of one of {@link DIMENSIONS_RULES}. @category Scale assessment */
export type DimensionsRule = (typeof DIMENSIONS_RULES)[number]['id'];
