import { type Note, note } from '../_lib/notes.js';
import { requireRecord } from '../_lib/validate.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import { type PdsaAction, type PdsaCycleInput, parsePdsaCycle } from './PdsaCycle.js';
import { type PdsaPolicy, resolvePdsaPolicy } from './pdsaPolicy.js';
import { PDSA_RULES, type PdsaRule } from './pdsaRules.js';
import { type PdsaNoteCode, type PdsaStudy, studyParsedPdsa } from './studyPdsa.js';

/**
 * The explained act that closes a PDSA cycle: one of {@link PDSA_ACTIONS} or `'undetermined'`,
 * with the rule of {@link PDSA_RULES} that decided.
 *
 * @category PDSA cycles
 */
export type PdsaDecision = Decision<PdsaAction, PdsaRule, PdsaPolicy>;

/**
 * Options for {@link decidePdsa}.
 *
 * @category PDSA cycles
 */
export interface DecidePdsaOptions {
  /** Overrides of {@link DEFAULT_PDSA_POLICY}. */
  readonly policy?: Partial<PdsaPolicy>;
}

/**
 * The result of {@link decidePdsa}: the explained decision plus the study it rests on.
 *
 * @category PDSA cycles
 */
export interface DecidePdsaResult {
  /** The act, its reason (rule, evidence, guidance), the effective policy and the library version. */
  readonly decision: PdsaDecision;
  /**
   * Whether the prediction held, read off the decision: `true` when the rule is
   * `learning/prediction-held` or `learning/effect-uncertain` (it held, but the interval is not
   * clear), `null` for `learning/too-few-units`, else `false`.
   */
  readonly predictionHeld: boolean | null;
  /** The study of the cycle's data against its prediction. */
  readonly study: PdsaStudy;
  /** Why the decision is undetermined for want of data; empty otherwise (the study has its own notes). */
  readonly notes: readonly Note<PdsaNoteCode>[];
  /** The effective policy. */
  readonly policy: PdsaPolicy;
}

type Evidence = DecisionReason['evidence'];

/** The act for an already-studied cycle. @internal */
export function decideFromStudy(study: PdsaStudy, policy: PdsaPolicy): DecidePdsaResult {
  const decided = (rule: PdsaRule, extra: Evidence): DecidePdsaResult => {
    const entry = PDSA_RULES.find((candidate) => candidate.id === rule) as (typeof PDSA_RULES)[number];
    const decision = decide(
      entry.action,
      [
        ruleReason(PDSA_RULES, rule, {
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
    );
    return {
      decision,
      predictionHeld:
        rule === 'learning/too-few-units'
          ? null
          : rule === 'learning/prediction-held' || rule === 'learning/effect-uncertain',
      study,
      notes: study.notes
        .filter((entry) => entry.code === 'TOO_FEW_UNITS')
        .map((entry) => note(entry.code, `${entry.message}, so no act is decided`, 'decision')),
      policy,
    };
  };

  const { attainment } = study;
  const { tolerance } = policy;
  const enough = study.reference.units >= policy.minUnits && study.tested.units >= policy.minUnits;
  if (!enough || attainment === null) {
    return decided('learning/too-few-units', { minUnits: policy.minUnits });
  }
  if (attainment >= policy.heldAt - tolerance) {
    if (policy.requireInterval) {
      const interval = study.effectSize.confidenceInterval;
      const clear = interval !== null && (study.predictedChange > 0 ? interval[0] > 0 : interval[1] < 0);
      if (!clear) {
        return decided('learning/effect-uncertain', {
          lower: interval?.[0] ?? null,
          upper: interval?.[1] ?? null,
          confidenceLevel: policy.confidenceLevel,
        });
      }
    }
    return decided('learning/prediction-held', { heldAt: policy.heldAt, tolerance });
  }
  if (attainment >= policy.movedAt - tolerance) {
    return decided('learning/short-of-prediction', { heldAt: policy.heldAt, movedAt: policy.movedAt, tolerance });
  }
  if (attainment <= -policy.movedAt + tolerance) {
    return decided('learning/wrong-direction', { movedAt: policy.movedAt, tolerance });
  }
  return decided('learning/no-change', { movedAt: policy.movedAt, tolerance });
}

/**
 * Closes a PDSA cycle with one of the Carnegie framework's acts — abandon the strategy, revise it, or try it with
 * more users (`'expand'`) — or `'undetermined'`, explained by the rule of {@link PDSA_RULES} that
 * decided, the numbers that made it fire, and the source's guidance in our words.
 *
 * With attainment a = Δ / δ (observed over predicted change, see {@link studyPdsa}) and ε the
 * policy's `tolerance`: `undetermined` when a group has fewer than `minUnits` units; `expand` when
 * a ≥ `heldAt` − ε (and, if `requireInterval`, Hedges' g's interval excludes zero on the predicted
 * side — otherwise `undetermined`); `revise` when `movedAt` − ε ≤ a < `heldAt` − ε; `abandon` when
 * a ≤ −`movedAt` + ε (the wrong way) or nothing moved in between. Thresholds are in
 * {@link DEFAULT_PDSA_POLICY}. The team's own `act` in the cycle is not read: the decision is what
 * the data say, for the team to weigh. O(m) for m observations.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` when the cycle fails the {@link PdsaCycle} schema
 *   (path under `['cycle']`) or the policy is invalid (path under `['options', 'policy']`).
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
 * const { decision, predictionHeld } = decidePdsa(cycle);
 * decision.action //=> 'expand'
 * predictionHeld //=> true
 * decision.reasons[0].rule //=> 'learning/prediction-held'
 * decision.reasons[0].guidance.source //=> 'carnegie-2022-scaling-for-equity'
 * decidePdsa(cycle, { policy: { heldAt: 1.5 } }).decision.action //=> 'revise'
 * decidePdsa({ ...cycle, do: { ...cycle.do, observations: cycle.do.observations.slice(0, 7) } }).decision.action //=> 'undetermined'
 * ```
 */
export function decidePdsa(cycle: PdsaCycleInput, options: DecidePdsaOptions = {}): DecidePdsaResult {
  const parsed = parsePdsaCycle(cycle);
  const settings = requireRecord(options, ['options']);
  const policy = resolvePdsaPolicy(settings.policy, ['options', 'policy']);
  return decideFromStudy(studyParsedPdsa(parsed, policy), policy);
}
