import { deepFreeze } from '../_lib/deepFreeze.js';
import { decide, defineRules, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import { rwg } from '../stats/rwg.js';
import type { FactorReviewPolicy } from './factorReviewPolicy.js';

/**
 * The actions a factor review's decision gives each factor: `'support'`, `'roadblock'` and
 * `'neutral'` follow the Carnegie framework's Tool #4 and the CFIR scale; `'mixed'` (raters
 * disagree) is our extension; `'undetermined'` when nobody gave a numeric rating. See
 * {@link DEFAULT_FACTOR_REVIEW_POLICY} for the rule.
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

/** One of {@link FACTOR_VERDICTS}: the `action` of a factor's decision. @category Factor review */
export type FactorVerdict = (typeof FACTOR_VERDICTS)[number];

const TOOL_4 = 'Appendix: Tool #4: Factor Review';
const INTERACTING = 'Component 3: Interacting Factors and Change at Scale';
const RWG = 'Single-item r_wg against a uniform null distribution';
const CFIR_RATINGS = 'Methods: rating the CFIR constructs (−2 to +2, missing)';

/**
 * The rules behind a factor's decision, in the order they are tried (see
 * {@link DEFAULT_FACTOR_REVIEW_POLICY}). Each decision in a review carries the rules that fired, with
 * the numbers that fired them.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FACTOR_VERDICT_RULES } from 'scaling-navigator/factors';
 * FACTOR_VERDICT_RULES.map((rule) => rule.id) //=> ['factors/no-numeric-ratings', 'factors/low-agreement', 'factors/raters-on-both-sides', 'factors/mean-at-or-above-support', 'factors/mean-at-or-below-roadblock', 'factors/mean-between-thresholds']
 * FACTOR_VERDICT_RULES.filter((rule) => rule.action === 'mixed').length //=> 2
 * FACTOR_VERDICT_RULES[1].guidance.source //=> 'james-1984-rwg'
 * ```
 */
export const FACTOR_VERDICT_RULES = /* @__PURE__ */ defineRules('factors', [
  {
    id: 'factors/no-numeric-ratings',
    action: 'undetermined',
    description: 'No rater gave the factor a numeric rating (none rated it, or every rater marked it "missing").',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: TOOL_4,
      summary:
        'A factor nobody could rate (no ratings, or only "missing", CFIR’s mark for too little information) is unknown, not neutral; gather information before the next pit stop.',
    },
  },
  {
    id: 'factors/low-agreement',
    action: 'mixed',
    description: 'Two or more raters, and their agreement r_wg is below `policy.minAgreement`.',
    guidance: {
      source: 'james-1984-rwg',
      section: RWG,
      summary:
        'Raters spread across the scale (r_wg below the policy’s minimum): the team does not share one view of this factor. Talk it through before acting on the mean. Turning low agreement into a "mixed" factor is our extension of CFIR.',
    },
  },
  {
    id: 'factors/raters-on-both-sides',
    action: 'mixed',
    description:
      'At least `policy.minRatersPerSide` raters rate the factor −1 or below and as many rate it +1 or above.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: INTERACTING,
      summary:
        'Some raters see a roadblock where others see a support, and unspoken differences can turn into resistance: name the difference and find out whose experience each view reflects. Our extension of CFIR.',
    },
  },
  {
    id: 'factors/mean-at-or-above-support',
    action: 'support',
    description: 'No mixed rule fired and the mean rating is at least `policy.supportAt`.',
    guidance: {
      source: 'cfir-rating-2013',
      section: CFIR_RATINGS,
      summary:
        'The raters, on the whole, see this factor helping the work (mean rounds to CFIR +1 or +2): a support to leverage.',
    },
  },
  {
    id: 'factors/mean-at-or-below-roadblock',
    action: 'roadblock',
    description: 'No mixed rule fired and the mean rating is at most `policy.roadblockAt`.',
    guidance: {
      source: 'cfir-rating-2013',
      section: CFIR_RATINGS,
      summary:
        'The raters, on the whole, see this factor holding the work back (mean rounds to CFIR −1 or −2): a roadblock to plan for.',
    },
  },
  {
    id: 'factors/mean-between-thresholds',
    action: 'neutral',
    description:
      'No mixed rule fired and the mean rating lies strictly between `policy.roadblockAt` and `policy.supportAt`.',
    guidance: {
      source: 'cfir-rating-2013',
      section: CFIR_RATINGS,
      summary:
        'The raters agree this factor neither helps nor hinders much right now (mean rounds to CFIR 0); revisit it at the next pit stop, since conditions change.',
    },
  },
]);

/** The id of one of {@link FACTOR_VERDICT_RULES}. @category Factor review */
export type FactorVerdictRule = (typeof FACTOR_VERDICT_RULES)[number]['id'];

/**
 * A factor's decision in a review: `action` is one of {@link FACTOR_VERDICTS}, with the rules of
 * {@link FACTOR_VERDICT_RULES} that fired, the effective policy and the library version.
 *
 * @category Factor review
 */
export type FactorDecision = Decision<DecidedFactorVerdict, FactorVerdictRule, FactorReviewPolicy>;

/** The actions of {@link FACTOR_VERDICTS} other than `'undetermined'`. @category Factor review */
export type DecidedFactorVerdict = Exclude<FactorVerdict, 'undetermined'>;

/**
 * How many numeric ratings fell below, on and above zero.
 *
 * @category Factor review
 */
export interface RatingTally {
  /** Ratings of −1 or −2. */
  readonly roadblock: number;
  /** Ratings of 0. */
  readonly neutral: number;
  /** Ratings of +1 or +2. */
  readonly support: number;
}

/** What {@link judgeFactor} finds for one factor. @internal */
export interface FactorJudgement {
  readonly decision: FactorDecision;
  readonly agreement: number | null;
  readonly mean: number | null;
  readonly tally: RatingTally;
  /** A support or roadblock with |mean| ≥ `policy.strongAt`. */
  readonly strong: boolean;
}

/** Mean of `values`, `null` when empty. @internal */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The decision rule of {@link DEFAULT_FACTOR_REVIEW_POLICY}, on numeric ratings sorted ascending. @internal */
export function judgeFactor(values: readonly number[], missing: number, policy: FactorReviewPolicy): FactorJudgement {
  const reason = (rule: FactorVerdictRule, evidence: DecisionReason['evidence']) =>
    ruleReason(FACTOR_VERDICT_RULES, rule, evidence);
  const tolerance = policy.tolerance;
  const tally = {
    roadblock: values.filter((value) => value < 0).length,
    neutral: values.filter((value) => value === 0).length,
    support: values.filter((value) => value > 0).length,
  };
  const mean = meanOf(values);
  if (mean === null) {
    const decision = decide<DecidedFactorVerdict, FactorVerdictRule, FactorReviewPolicy>(
      'undetermined',
      [reason('factors/no-numeric-ratings', { raters: 0, missing })],
      policy,
    );
    return { decision, agreement: null, mean: null, tally, strong: false };
  }
  const agreement = rwg(values, { min: -2, max: 2 }).estimate;
  const reasons: DecisionReason<FactorVerdictRule>[] = [];
  if (agreement !== null && agreement < policy.minAgreement - tolerance) {
    reasons.push(
      reason('factors/low-agreement', { agreement, minAgreement: policy.minAgreement, raters: values.length, mean }),
    );
  }
  if (
    policy.minRatersPerSide > 0 &&
    tally.roadblock >= policy.minRatersPerSide &&
    tally.support >= policy.minRatersPerSide
  ) {
    reasons.push(
      reason('factors/raters-on-both-sides', {
        roadblockRatings: tally.roadblock,
        supportRatings: tally.support,
        minRatersPerSide: policy.minRatersPerSide,
      }),
    );
  }
  const judged = (action: DecidedFactorVerdict, strong: boolean): FactorJudgement => ({
    decision: decide(action, reasons, policy),
    agreement,
    mean,
    tally,
    strong,
  });
  if (reasons.length > 0) return judged('mixed', false);
  const strong = Math.abs(mean) >= policy.strongAt - tolerance;
  const evidence = { mean, raters: values.length, agreement };
  if (mean >= policy.supportAt - tolerance) {
    reasons.push(
      reason('factors/mean-at-or-above-support', {
        ...evidence,
        supportAt: policy.supportAt,
        strongAt: policy.strongAt,
        strong,
      }),
    );
    return judged('support', strong);
  }
  if (mean <= policy.roadblockAt + tolerance) {
    reasons.push(
      reason('factors/mean-at-or-below-roadblock', {
        ...evidence,
        roadblockAt: policy.roadblockAt,
        strongAt: policy.strongAt,
        strong,
      }),
    );
    return judged('roadblock', strong);
  }
  reasons.push(
    reason('factors/mean-between-thresholds', {
      ...evidence,
      supportAt: policy.supportAt,
      roadblockAt: policy.roadblockAt,
    }),
  );
  return judged('neutral', false);
}
