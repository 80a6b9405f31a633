import { defineRules } from '../framework/_rules.js';

const SECTION = 'Several steps should be considered (Horner et al., 2017)';

/**
 * The rules behind each component's decision in {@link componentContributions}, each with when it
 * fires and the guidance it rests on (the research summary on scaling up, citing Horner et al.
 * 2017, on judging essential components by their contribution to outcomes).
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { COMPONENT_RULES } from 'scaling-navigator/fidelity';
 * COMPONENT_RULES.map((rule) => rule.id)
 * //=> ['fidelity/contributes', 'fidelity/below-minimum-effect', 'fidelity/inconclusive', 'fidelity/too-few-observations', 'fidelity/constant-series', 'fidelity/collinear-components']
 * ```
 */
export const COMPONENT_RULES = /* @__PURE__ */ defineRules('fidelity', [
  {
    id: 'fidelity/contributes',
    action: 'supported',
    description:
      'The component’s own association with the outcome (controlling for the other components) is positive and its multiplicity-adjusted p-value is below `policy.alpha`.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary: 'Judge each essential component by what it adds to the outcomes the program is meant to produce.',
    },
  },
  {
    id: 'fidelity/below-minimum-effect',
    action: 'not-supported',
    description:
      'The whole interval (widened to level 1 − α/m for m components) lies below `policy.minimumMeaningfulEffect`: the data rule out a meaningful contribution.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Users need to know the minimum practice that produces the outcomes; a component shown to add nothing meaningful is a candidate to loosen.',
    },
  },
  {
    id: 'fidelity/inconclusive',
    action: 'undetermined',
    description:
      'Not significant, but the widened interval still reaches `policy.minimumMeaningfulEffect`: absence of evidence is not evidence of no contribution.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Keep assessing components with practical, continuous fidelity measures until their contribution is clear.',
    },
  },
  {
    id: 'fidelity/too-few-observations',
    action: 'undetermined',
    description:
      'Too few complete observations for a correlation (3 pairs, or 3 + the number of other components for a partial one): no estimate exists.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary: 'Collect fidelity data on each component that are practical enough to use continuously.',
    },
  },
  {
    id: 'fidelity/constant-series',
    action: 'undetermined',
    description:
      'The outcome or a component’s fidelity is the same in every complete observation, so no association is defined.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'A component everyone implements the same way (or an outcome everyone reaches) cannot show what the component adds; measure fidelity and outcomes on scales that vary.',
    },
  },
  {
    id: 'fidelity/collinear-components',
    action: 'undetermined',
    description:
      'The components’ fidelity series are linearly dependent, so nothing is left of this component once the others are controlled for.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Components that always move together cannot be told apart by their outcomes; assess them as one component, or measure them separately where they are implemented apart.',
    },
  },
]);

/** The id of a component rule. @category Fidelity */
export type ComponentRule = (typeof COMPONENT_RULES)[number]['id'];
