import { deepFreeze } from '../_lib/deepFreeze.js';
import type { Guidance } from '../framework/Decision.js';

/**
 * The verdicts a factor review gives each factor: `'support'`, `'roadblock'` and `'neutral'` follow
 * the Carnegie framework's Tool #4 and the CFIR scale; `'mixed'` (raters disagree) is our extension; `'undetermined'`
 * when nobody gave a numeric rating. See {@link DEFAULT_FACTOR_REVIEW_POLICY} for the rule.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FACTOR_VERDICTS } from 'scaling-navigator/factors';
 * FACTOR_VERDICTS //=> ['support', 'roadblock', 'neutral', 'mixed', 'undetermined']
 * ```
 */
export const FACTOR_VERDICTS = /* @__PURE__ */ deepFreeze([
  'support',
  'roadblock',
  'neutral',
  'mixed',
  'undetermined',
] as const);

/** One of {@link FACTOR_VERDICTS}. @category Factor review */
export type FactorVerdict = (typeof FACTOR_VERDICTS)[number];

/**
 * The shape of one entry of {@link FACTOR_VERDICT_RULES}.
 *
 * @category Factor review
 */
export interface FactorVerdictRuleEntry {
  /** Stable id, used as `rule` in a verdict's reasons. */
  readonly id: string;
  /** The verdict the rule gives. */
  readonly verdict: FactorVerdict;
  /** Where the rule comes from, with our paraphrase. */
  readonly guidance: Guidance;
}

const TOOL_4 = 'Appendix: Tool #4: Factor Review';
const INTERACTING = 'Component 3: Interacting Factors and Change at Scale';

/**
 * The rules behind a factor's verdict, in the order they are tried (see
 * {@link DEFAULT_FACTOR_REVIEW_POLICY}). Each verdict in a review carries the rules that fired, with
 * the numbers that fired them.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FACTOR_VERDICT_RULES } from 'scaling-navigator/factors';
 * FACTOR_VERDICT_RULES.map((rule) => rule.id) //=> ['no-numeric-ratings', 'low-agreement', 'raters-on-both-sides', 'mean-at-or-above-support', 'mean-at-or-below-roadblock', 'mean-between-thresholds']
 * FACTOR_VERDICT_RULES.filter((rule) => rule.verdict === 'mixed').length //=> 2
 * ```
 */
export const FACTOR_VERDICT_RULES = /* @__PURE__ */ deepFreeze([
  {
    id: 'no-numeric-ratings',
    verdict: 'undetermined',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TOOL_4,
      summary:
        'A factor nobody could rate (no ratings, or only "missing", CFIR’s mark for too little information) is unknown, not neutral; gather information before the next pit stop.',
    },
  },
  {
    id: 'low-agreement',
    verdict: 'mixed',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: INTERACTING,
      summary:
        'Raters spread across the scale (r_wg below the policy’s minimum, James, Demaree & Wolf 1984): the team does not share one view of this factor, and unspoken differences can turn into resistance. Talk it through before acting on the mean. Our extension of CFIR.',
    },
  },
  {
    id: 'raters-on-both-sides',
    verdict: 'mixed',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: INTERACTING,
      summary:
        'Some raters see a roadblock where others see a support: name the difference and find out whose experience each view reflects. Our extension of CFIR.',
    },
  },
  {
    id: 'mean-at-or-above-support',
    verdict: 'support',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TOOL_4,
      summary:
        'The raters, on the whole, see this factor helping the work (mean rounds to CFIR +1 or +2): a support to leverage.',
    },
  },
  {
    id: 'mean-at-or-below-roadblock',
    verdict: 'roadblock',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TOOL_4,
      summary:
        'The raters, on the whole, see this factor holding the work back (mean rounds to CFIR −1 or −2): a roadblock to plan for.',
    },
  },
  {
    id: 'mean-between-thresholds',
    verdict: 'neutral',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TOOL_4,
      summary:
        'The raters agree this factor neither helps nor hinders much right now (mean rounds to CFIR 0); revisit it at the next pit stop, since conditions change.',
    },
  },
] as const satisfies readonly FactorVerdictRuleEntry[]);

/** The id of one of {@link FACTOR_VERDICT_RULES}. @category Factor review */
export type FactorVerdictRule = (typeof FACTOR_VERDICT_RULES)[number]['id'];
