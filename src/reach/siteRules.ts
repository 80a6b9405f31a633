import { decide, defineRules, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';

/** Where the Carnegie framework asks for representative proof points that rest on no extra resources. */
const PROOF_POINT =
  'Scaling Strategies: Strategies That Build and Leverage Educator Networks (an equity perspective to identify a proof point)';
/** Its example of a partnership choosing one lower-scoring demonstration school per sub-region. */
const EXAMPLE = 'Example of prioritizing equity in choosing a scaling strategy';

/**
 * The rules {@link compareSites} decides by: per covariate, the sites are similar to the schools
 * they should represent, depart from them in the intended direction, or are unrepresentative (or,
 * with no spread among the schools, cannot be judged); the sites' extra per-pupil resources are at
 * parity with what scale-up schools will get, or prop the proof points up (or are unknown).
 *
 * @category Reach
 * @example
 * ```ts
 * import { SITE_RULES } from 'scaling-navigator/reach';
 * SITE_RULES.map((rule) => rule.action) //=> ['similar', 'as-intended', 'unrepresentative', 'undetermined', 'parity', 'propped-up', 'undetermined']
 * ```
 */
export const SITE_RULES = /* @__PURE__ */ defineRules('reach', [
  {
    id: 'reach/site-similar',
    action: 'similar',
    description: '|d| ≤ policy.similarBand: the sites’ mean is within the band of the population’s, in its SDs.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary: 'Proof-point sites should be representative of the schools to which the practice is meant to scale.',
    },
  },
  {
    id: 'reach/site-as-intended',
    action: 'as-intended',
    description: '|d| > policy.similarBand in the direction the team chose on purpose (e.g. lower prior achievement).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: EXAMPLE,
      summary:
        'A partnership may deliberately choose lower-scoring schools to show the practice works beyond high-performing ones: a choice to report, not a failure.',
    },
  },
  {
    id: 'reach/site-unrepresentative',
    action: 'unrepresentative',
    description: '|d| > policy.similarBand, not in an intended direction.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary: 'Sites unlike the schools the practice should reach show less about whether it will work there.',
    },
  },
  {
    id: 'reach/site-no-spread',
    action: 'undetermined',
    description: 'Every school has the same value (SD 0): no standardized difference.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary:
        'Representativeness is judged against how the schools differ; where they do not differ, there is nothing to judge.',
    },
  },
  {
    id: 'reach/resources-parity',
    action: 'parity',
    description: 'The sites’ mean extra per pupil ≤ scaleUpPerPupil × (1 + policy.parityTolerance).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary: 'Strong results at proof points should come without resources the other schools will not receive.',
    },
  },
  {
    id: 'reach/resources-propped-up',
    action: 'propped-up',
    description: 'The sites’ mean extra per pupil > scaleUpPerPupil × (1 + policy.parityTolerance).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary: 'Results propped up by extra resources other schools will not get say little about scale-up.',
    },
  },
  {
    id: 'reach/resources-unknown',
    action: 'undetermined',
    description: 'A site has no extraPerPupil: parity cannot be judged.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PROOF_POINT,
      summary: 'Parity of resources can only be judged when every site’s extra resources are known.',
    },
  },
]);

/** The id of a rule in {@link SITE_RULES}. @category Reach */
export type SiteRule = (typeof SITE_RULES)[number]['id'];

/** The bands a site comparison was judged by, echoed in every decision. @category Reach */
export interface SitePolicy {
  readonly similarBand: number;
  readonly parityTolerance: number;
}

/** A decision of {@link compareSites} (per covariate, or on resources). @category Reach */
export type SiteDecision<Action extends string> = Decision<Action, SiteRule, SitePolicy>;

/** @internal */
export function siteDecision<Action extends string>(
  rule: SiteRule,
  evidence: DecisionReason['evidence'],
  policy: SitePolicy,
): SiteDecision<Action> {
  const entry = SITE_RULES.find((candidate) => candidate.id === rule) as (typeof SITE_RULES)[number];
  return decide(entry.action as Action | 'undetermined', [ruleReason(SITE_RULES, rule, evidence)], policy);
}
