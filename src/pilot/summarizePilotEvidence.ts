import { limitExceeded } from '../_lib/errors.js';
import { standardNormalCdf } from '../_lib/inference.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { type ComputedEffect, type EffectContext, outcomeEffect } from './_outcomeEffect.js';
import { essaTier, plainSummaries, summarizeAttrition, summarizeMde } from './_summaryParts.js';
import { PilotEvidence, type PilotEvidenceInput } from './PilotEvidence.js';
import type { PilotEvidenceSummary, PilotNoteCode, PilotOutcomeEffect } from './PilotEvidenceSummary.js';
import { type PilotPolicy, resolvePilotPolicy } from './pilotPolicy.js';

/**
 * Options for {@link summarizePilotEvidence} and {@link decidePilot}.
 *
 * @category Pilot
 */
export interface PilotOptions {
  /** Overrides of {@link DEFAULT_PILOT_POLICY}. */
  readonly policy?: Partial<PilotPolicy>;
}

/** The most outcome × focal-group pairs one pilot is judged on (the work grows with them). */
const MAX_OUTCOME_FOCAL_PAIRS = 10_000_000;

/** @internal */
export const PILOT_OPTION_KEYS = keysOf<PilotOptions>()('policy');

function effectFields(effect: ComputedEffect, policy: PilotPolicy) {
  const { estimate, pValue } = effect;
  return {
    nTreatment: effect.nTreatment,
    nComparison: effect.nComparison,
    estimate,
    se: effect.se,
    df: effect.df,
    pValue,
    confidenceInterval: effect.confidenceInterval,
    improvementIndex: estimate === null ? null : 100 * standardNormalCdf(estimate) - 50,
    finding:
      pValue === null || estimate === null
        ? null
        : pValue >= policy.alpha
          ? ('not-significant' as const)
          : estimate > 0
            ? ('favourable' as const)
            : estimate < 0
              ? ('unfavourable' as const)
              : ('not-significant' as const),
  };
}

/** The summary of parsed evidence under a resolved policy. @internal */
export function summarizeParsed(evidence: PilotEvidence, policy: PilotPolicy): PilotEvidenceSummary {
  const pairs = evidence.outcomes.length * Math.max(1, evidence.focalGroups?.length ?? 0);
  if (pairs > MAX_OUTCOME_FOCAL_PAIRS) {
    limitExceeded(
      ['evidence', 'focalGroups'],
      `${evidence.outcomes.length} outcomes × ${evidence.focalGroups?.length ?? 0} focal groups is past the limit of ${MAX_OUTCOME_FOCAL_PAIRS} pairs`,
    );
  }
  const notes: Note<PilotNoteCode>[] = [];
  const clusterAssigned = evidence.assignment.unit !== 'student';
  const given = evidence.assignment.clusters;
  const context: EffectContext = {
    evidence,
    policy,
    clusters: clusterAssigned && given !== undefined ? given.treatment + given.comparison : null,
    clusterAssigned,
    fewestClusters: given === undefined ? null : Math.min(given.treatment, given.comparison),
  };
  if (evidence.design === 'pre-post') {
    notes.push(
      note(
        'NO_COMPARISON_GROUP',
        'a pre-post design has no comparison group: each effect is a standardized change from the pre-test, not an impact',
        'outcomes',
      ),
    );
  }
  const outcomes: PilotOutcomeEffect[] = evidence.outcomes.map((outcome, index) => {
    const effect = outcomeEffect(outcome, outcome, context, `outcomes.${index}`, true);
    notes.push(...effect.notes);
    const baseline = effect.baseline;
    const focalGroups = (outcome.focalGroups ?? []).map((entry, at) => {
      const focal = outcomeEffect(outcome, entry, context, `outcomes.${index}.focalGroups.${at}`, false);
      notes.push(...focal.notes);
      return {
        focalGroupId: entry.focalGroupId,
        ...effectFields(focal, policy),
        tooSmall: Math.min(focal.nTreatment, focal.nComparison) < policy.minFocalGroupSize || focal.estimate === null,
      };
    });
    return {
      id: outcome.id,
      primary: outcome.primary,
      method: effect.method,
      ...effectFields(effect, policy),
      uncorrectedEstimate: effect.uncorrectedEstimate,
      clusterCorrected: effect.clusterCorrected,
      icc: effect.icc,
      baseline,
      baselineEquivalent:
        baseline === null || baseline.band === null
          ? null
          : baseline.band === 'satisfied'
            ? true
            : baseline.band === 'needs-adjustment'
              ? baseline.adjusted
              : false,
      focalGroups,
    };
  });
  const attrition = summarizeAttrition(evidence, clusterAssigned, policy, notes);
  const plain = plainSummaries(evidence, policy);
  const siteCount =
    plain.sites !== null
      ? plain.sites.pilot + plain.sites.comparison
      : evidence.assignment.unit === 'school' && context.clusters !== null
        ? context.clusters
        : null;
  return sealResult(
    {
      schemaVersion: 1 as const,
      evidenceId: evidence.id,
      design: evidence.design,
      outcomes,
      attrition,
      minimumDetectableEffect: summarizeMde(outcomes, evidence, context.clusters, clusterAssigned, policy, notes),
      essaTier: essaTier(evidence, outcomes, attrition.low, siteCount, policy),
      ...plain,
      notes,
      policy,
    },
    'pilot evidence summary',
  );
}

/**
 * Summarizes what a pilot produced by the What Works Clearinghouse's rules and says, indicatively,
 * which ESSA evidence tier it could support — the "gather the information" step of REL
 * Appalachia's *Learning Before Going to Scale* before {@link decidePilot} decides.
 *
 * Effect sizes (positive = favourable; `lowerIsBetter` outcomes are flipped):
 * - Hedges' g = ω(ȳ_T − ȳ_C)/S_p with ω = 1 − 3/(4N − 9) (stats `effectSize`), the Cox index for
 *   binary outcomes (stats `coxIndex`), SE √(N/(n_T n_C) + g²/(2N)), improvement index 100Φ(g) − 50;
 * - adjusted means: ω(adj_T − adj_C)/S_p with the *unadjusted* pooled SD;
 * - unadjusted pre- and post-test only: the difference-in-differences g_post − g_pre (note
 *   `DIFFERENCE_IN_DIFFERENCES`);
 * - the study's own estimate (`reported`, e.g. multilevel): used as it is, no further correction;
 * - clusters assigned, students analysed: the WWC correction (Hedges 2007): t_A = t·√(((N − 2) −
 *   2(n − 1)ρ)/((N − 2)(1 + (n − 1)ρ))) on Hedges' h df, g_T = g·√(1 − 2(n − 1)ρ/(N − 2)), with
 *   ρ the outcome's ICC or the policy's default (0.20 achievement, 0.10 behaviour). The interval is
 *   g_T ± t_h·SE_T with SE_T = g_T/t_A, so it excludes 0 exactly when the corrected test is
 *   significant.
 *
 * Also: the baseline band (|g| ≤ 0.05 satisfied, ≤ 0.25 needs adjustment, beyond not equivalent;
 * the Cox index for binary baselines); attrition per level (overall, per arm, differential; joiners
 * do not offset leavers) against the WWC boundary table (cautious or optimistic, v4.0's table or the
 * policy's); the minimum detectable effect M·√(ρ/(P(1 − P)J) + (1 − ρ)/(P(1 − P)Jn)) (Bloom 1995;
 * Dong & Maynard 2013) and the clusters a balanced re-pilot needs to detect `minUsefulEffect`; the
 * focal groups' own effects; adaptations that changed the core; balancing measures clearly worse (the interval lies beyond the harm
 * margin); fidelity, experience (Wilson intervals), supports lacking, the team, local goals and the
 * champions of the best sites; the **indicative** ESSA tier with every reason it is not higher
 * (tier 4 also needs a research-based logic model and ongoing evaluation, which the library does
 * not check: read tier 4 as "no higher tier").
 *
 * Checked: g and its variance against R `metafor::escalc` (exact small-sample factor there: g agrees
 * to the difference between ω and the exact factor); the clustering correction, MDE, baseline bands
 * and attrition boundaries by hand computation from the formulas (scipy for the t quantiles).
 * Second-hand and unconfirmed against the handbook itself: the g_T factor, the default ICCs, the
 * attrition table's rounding (floor of overall %, "at most" the boundary) and its 57% row.
 * O(total observations).
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` when the evidence fails {@link PilotEvidence} (path
 *   under `['evidence']`), an option is unknown or the policy is invalid (under `['options', 'policy']`);
 *   `LIMIT_EXCEEDED` for an array past 10⁷ entries, or past 10⁷ outcome × focal-group pairs.
 * @example
 * ```ts
 * import { summarizePilotEvidence } from 'scaling-navigator/pilot';
 * const summary = summarizePilotEvidence({
 *   id: 'math-tutoring',
 *   design: 'rct',
 *   assignment: { unit: 'school', clusters: { treatment: 6, comparison: 6 } },
 *   outcomes: [{ id: 'math', treatment: { mean: 52.4, sd: 9.8, n: 240 }, comparison: { mean: 49.9, sd: 10.3, n: 230 } }],
 * });
 * summary.outcomes[0].uncorrectedEstimate //≈ 0.24841254458230907
 * summary.outcomes[0].estimate //≈ 0.24432720825483414
 * summary.outcomes[0].clusterCorrected //=> true
 * summary.outcomes[0].finding //=> 'not-significant'
 * summary.essaTier.tier //=> 4
 * summary.minimumDetectableEffect?.unitsForUsefulEffect //=> 113
 * summarizePilotEvidence({ id: 'x', design: 'survey', assignment: { unit: 'student' }, outcomes: [] } as never)
 * //=> throws INVALID_INPUT at ['evidence', 'design']
 * ```
 */
export function summarizePilotEvidence(evidence: PilotEvidenceInput, options: PilotOptions = {}): PilotEvidenceSummary {
  const parsed = parseOrThrow(PilotEvidence, evidence, ['evidence']);
  const settings = readOptions<PilotOptions>(options, PILOT_OPTION_KEYS, ['options']);
  const policy = resolvePilotPolicy(settings.policy, ['options', 'policy']);
  return summarizeParsed(parsed, policy);
}
