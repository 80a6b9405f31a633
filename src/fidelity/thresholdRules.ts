import { defineRules } from '../framework/_rules.js';

const SECTION = 'Several steps should be considered (Horner et al., 2017)';

/**
 * The rules behind {@link fidelityThreshold}'s decision, each with when it fires and the guidance
 * it rests on (the research summary on scaling up, citing Horner et al. 2017, on knowing the
 * minimum practice that produces the intended outcomes).
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { THRESHOLD_RULES } from 'scaling-navigator/fidelity';
 * THRESHOLD_RULES.map((rule) => rule.id)
 * //=> ['fidelity/permutation-significant', 'fidelity/permutation-not-significant', 'fidelity/no-eligible-cut', 'fidelity/constant-outcome', 'fidelity/no-residual-form']
 * THRESHOLD_RULES[3].action //=> 'undetermined'
 * ```
 */
export const THRESHOLD_RULES = /* @__PURE__ */ defineRules('fidelity', [
  {
    id: 'fidelity/permutation-significant',
    action: 'threshold-found',
    description:
      'The largest statistic over the eligible candidate levels is beyond what shuffled data give: the permutation p-value is below `policy.alpha`.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Users need to know the minimum practice that produces the intended outcomes; the data show a fidelity level that outcomes change at, beyond what chance would give.',
    },
  },
  {
    id: 'fidelity/permutation-not-significant',
    action: 'no-threshold-found',
    description:
      'The permutation p-value of the largest statistic is at or above `policy.alpha`: no level stands out from chance.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'No fidelity level stands out from what shuffled data would give; do not set a gate from these data (absence of evidence, not evidence of absence).',
    },
  },
  {
    id: 'fidelity/no-eligible-cut',
    action: 'undetermined',
    description:
      'No candidate level has `policy.minObservations` observations on both sides (or, for a binary outcome, both outcomes present), so no level can be compared.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Too few observations on either side of every candidate level to compare outcomes; gather fidelity data across a wider range of practice before looking for a minimum.',
    },
  },
  {
    id: 'fidelity/constant-outcome',
    action: 'undetermined',
    description:
      'Every complete pair has the same outcome, so no level of fidelity can go with a better one, however many observations there are.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: SECTION,
      summary:
        'Fidelity measures should be checked against outcomes that vary; an outcome that is the same for everyone (every student met the goal, or none did) cannot show the minimum practice that produces it — use a more sensitive outcome measure.',
    },
  },
  {
    id: 'fidelity/no-residual-form',
    action: 'undetermined',
    description:
      "A binary outcome was given with a baseline or covariates: Youden's J has no residual form to adjust for them, so no level is estimated rather than an unadjusted one passed off as adjusted.",
    guidance: {
      source: 'winkler-2014-permutation',
      section: 'Permutation in the presence of nuisance variables',
      summary:
        'Adjusting a permutation test for nuisance covariates permutes residuals of a model with them; a yes/no outcome compared by counts has no such residuals. Use a continuous outcome (e.g. a score) to adjust for the baseline, or drop the covariates.',
    },
  },
]);

/** The id of a threshold rule. @category Fidelity */
export type ThresholdRule = (typeof THRESHOLD_RULES)[number]['id'];
