import type { Decision, DecisionReason } from '../framework/Decision.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { type PdsaAction, type PdsaCycleInput, parsePdsaCycle } from './PdsaCycle.js';
import { type PdsaPolicy, resolvePdsaPolicy } from './pdsaPolicy.js';
import { type PdsaRule, pdsaGuidance } from './pdsaRules.js';
import { PDSA_TOLERANCE, type PdsaStudy, studyParsedPdsa } from './studyPdsa.js';

/**
 * The result of {@link decidePdsa}: an explained {@link Decision} plus the study it rests on.
 *
 * @category PDSA cycles
 */
export interface PdsaDecision extends Decision<PdsaAction, PdsaRule, PdsaPolicy> {
  /** The study of the cycle's data against its prediction. */
  readonly study: PdsaStudy;
}

type Evidence = DecisionReason['evidence'];

function reason(rule: PdsaRule, evidence: Evidence): DecisionReason<PdsaRule> {
  return { rule, evidence, guidance: pdsaGuidance(rule) };
}

/** The act for an already-studied cycle. @internal */
export function decideFromStudy(study: PdsaStudy, policy: PdsaPolicy): PdsaDecision {
  const decided = (action: PdsaAction | 'undetermined', rule: PdsaRule, extra: Evidence): PdsaDecision => ({
    action,
    reasons: [
      reason(rule, {
        predictedChange: study.predictedChange,
        observedChange: study.observedChange,
        attainment: study.attainment,
        referenceUnits: study.reference.units,
        testedUnits: study.tested.units,
        hedgesG: study.effectSize.hedgesG,
        ...extra,
      }),
    ],
    policy,
    version: LIBRARY_VERSION,
    study,
  });

  const { attainment } = study;
  if (study.predictionHeld === null || attainment === null) {
    return decided('undetermined', 'too-few-units', { minUnitsPerGroup: policy.minUnitsPerGroup });
  }
  if (attainment >= policy.heldAt - PDSA_TOLERANCE) {
    if (policy.requireInterval) {
      const interval = study.effectSize.confidenceInterval;
      const clear = interval !== null && (study.predictedChange > 0 ? interval[0] > 0 : interval[1] < 0);
      if (!clear) {
        return decided('undetermined', 'effect-uncertain', {
          lower: interval?.[0] ?? null,
          upper: interval?.[1] ?? null,
          confidenceLevel: policy.confidenceLevel,
        });
      }
    }
    return decided('expand', 'prediction-held', { heldAt: policy.heldAt });
  }
  if (attainment >= policy.movedAt - PDSA_TOLERANCE) {
    return decided('revise', 'short-of-prediction', { heldAt: policy.heldAt, movedAt: policy.movedAt });
  }
  if (attainment <= -policy.movedAt + PDSA_TOLERANCE) {
    return decided('abandon', 'wrong-direction', { movedAt: policy.movedAt });
  }
  return decided('abandon', 'no-change', { movedAt: policy.movedAt });
}

/**
 * Closes a PDSA cycle with one of the Carnegie framework's acts — abandon the strategy, revise it, or try it with
 * more users (`'expand'`) — or `'undetermined'`, explained by the rule of {@link PDSA_RULES} that
 * decided, the numbers that made it fire, and the source's guidance in our words.
 *
 * With attainment $a = \Delta/\delta$ (observed over predicted change, see {@link studyPdsa}):
 * `undetermined` when a group has fewer than `minUnitsPerGroup` units; `expand` when
 * $a \ge$ `heldAt` (and, if `requireInterval`, Hedges' g's interval excludes zero on the predicted
 * side — otherwise `undetermined`); `revise` when `movedAt` ≤ $a$ < `heldAt`; `abandon` when
 * $a \le -$`movedAt` (the wrong way) or $|a| <$ `movedAt` (nothing moved). Thresholds are in
 * {@link DEFAULT_PDSA_POLICY}. The team's own `act` in the cycle is not read: the decision is what
 * the data say, for the team to weigh. O(m) for m observations.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` when the cycle fails the {@link PdsaCycle} schema
 *   (path under `['cycle']`) or the policy is invalid (path under `['policy']`).
 * @example
 * ```ts
 * import { decidePdsa } from 'scaling-navigator/learning';
 * const classrooms = (before: number[], after: number[]) => [
 *   ...before.map((value, i) => ({ unit: `room-${i + 1}`, group: 'before' as const, date: '2025-09-10', value })),
 *   ...after.map((value, i) => ({ unit: `room-${i + 1}`, group: 'after' as const, date: '2025-10-15', value })),
 * ];
 * const cycle = {
 *   id: 'demo-classroom-1',
 *   plan: {
 *     change: 'Two visits to a demonstration classroom',
 *     strategyId: 'proof-point' as const,
 *     measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
 *     prediction: { direction: 'decrease' as const, amount: 1 },
 *     instrument: 'Classroom observation protocol',
 *     sample: { unit: 'classroom', size: 5 },
 *   },
 *   do: { design: 'before-after' as const, observations: classrooms([3.2, 2.8, 3.5, 2.9, 3.1], [1.9, 1.8, 2.3, 1.7, 2.0]) },
 * };
 * const decision = decidePdsa(cycle);
 * decision.action //=> 'expand'
 * decision.reasons[0].rule //=> 'prediction-held'
 * decision.reasons[0].guidance.source //=> 'carnegie-2022-scaling-for-equity'
 * decidePdsa(cycle, { heldAt: 1.5 }).action //=> 'revise'
 * decidePdsa({ ...cycle, do: { ...cycle.do, observations: cycle.do.observations.slice(0, 7) } }).action //=> 'undetermined'
 * ```
 */
export function decidePdsa(cycle: PdsaCycleInput, policy: Partial<PdsaPolicy> = {}): PdsaDecision {
  const parsed = parsePdsaCycle(cycle);
  const resolved = resolvePdsaPolicy(policy, ['policy']);
  return decideFromStudy(studyParsedPdsa(parsed, resolved), resolved);
}
