import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { incompatible } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { readStored, sealResult } from '../_lib/stored.js';
import { readOptions } from '../_lib/strict.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import { BooleanOrNull, decisionSchema, finiteOrNull, noteSchema } from './_resultSchemas.js';
import { PDSA_ACTIONS, type PdsaAction, type PdsaCycleInput, parsePdsaCycle } from './PdsaCycle.js';
import { checkPdsaStudy, PDSA_STUDY_TYPE, type PdsaNoteCode, PdsaStudy } from './PdsaStudy.js';
import { type PdsaPolicy, PdsaPolicySchema, resolvePdsaPolicy } from './pdsaPolicy.js';
import { PDSA_RULES, type PdsaRule } from './pdsaRules.js';
import { PDSA_OPTION_KEYS, studyParsedPdsa } from './studyPdsa.js';

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
  /** The version of this result's shape, for stored results ({@link parseDecidePdsaResult}); 1 today. */
  readonly schemaVersion: 1;
  /** The act, its reason (rule, evidence, guidance), the effective policy and the library version. */
  readonly decision: PdsaDecision;
  /**
   * Whether the prediction held, read off the decision: `true` when the rule is
   * `learning/prediction-held` or `learning/effect-uncertain` (it held, but the interval is not
   * clear), `null` for `learning/too-few-units` and `learning/no-attainment`, else `false`.
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
          hedgesG: study.effectSize.hedgesG === null ? null : finiteOrNull(study.effectSize.hedgesG),
          ...extra,
        }),
      ],
      policy,
    );
    const notes: Note<PdsaNoteCode>[] = [];
    if (rule === 'learning/too-few-units') {
      const { reference, tested } = study;
      notes.push(
        note(
          'TOO_FEW_UNITS',
          `${reference.units} ${reference.group} and ${tested.units} ${tested.group} units; the policy asks for at least ${policy.minUnits} in each, so no act is decided`,
          'decision',
        ),
      );
    } else if (rule === 'learning/no-attainment') {
      notes.push(
        note(
          'NO_ATTAINMENT',
          'the study has no attainment (see its notes: the predicted change vanishes against the means, or the change is beyond the range of numbers), so no act is decided',
          'decision',
        ),
      );
    }
    return sealResult(
      {
        schemaVersion: 1,
        decision,
        predictionHeld:
          rule === 'learning/too-few-units' || rule === 'learning/no-attainment'
            ? null
            : rule === 'learning/prediction-held' || rule === 'learning/effect-uncertain',
        study,
        notes,
        policy,
      },
      'PDSA decision',
    );
  };

  const { attainment } = study;
  const { tolerance } = policy;
  const enough = study.reference.units >= policy.minUnits && study.tested.units >= policy.minUnits;
  if (!enough) {
    return decided('learning/too-few-units', { minUnits: policy.minUnits });
  }
  if (attainment === null) return decided('learning/no-attainment', {});
  if (attainment >= policy.heldAt - tolerance) {
    if (policy.requireInterval) {
      const interval = study.effectSize.confidenceInterval;
      const clear = interval !== null && (study.predictedChange > 0 ? interval[0] > 0 : interval[1] < 0);
      if (!clear) {
        return decided('learning/effect-uncertain', {
          lower: interval === null ? null : finiteOrNull(interval[0]),
          upper: interval === null ? null : finiteOrNull(interval[1]),
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
 * Given a {@link PdsaStudy} instead of a cycle (one {@link studyPdsa} made, or one read back from
 * storage — it carries `schemaVersion`), it decides from the study: a study this library made is
 * used as it is, any other is checked against {@link PdsaStudy} first (path under `['study']`). The
 * policy overrides are merged over the study's own policy; `undetermined` with
 * `learning/no-attainment` when the study has no attainment. The result is frozen;
 * {@link parseDecidePdsaResult} reads one back.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` when the cycle fails the {@link PdsaCycle} schema
 *   (path under `['cycle']`; `LIMIT_EXCEEDED` past 10⁷ observations), a study fails the
 *   {@link PdsaStudy} schema (path under `['study']`), an option is unknown (`['options', key]`) or
 *   the policy is invalid (path under `['options', 'policy']`); `INCOMPATIBLE` at
 *   `['study', 'schemaVersion']` for a study newer than this library, and at
 *   `['options', 'policy', 'confidenceLevel']` for a confidence level other than the study's.
 * @example
 * ```ts
 * import { decidePdsa, studyPdsa } from 'scaling-navigator/learning';
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
 * // From a stored study: it is checked, then decided.
 * const stored = JSON.parse(JSON.stringify(studyPdsa(cycle)));
 * decidePdsa(stored).decision.action //=> 'expand'
 * decidePdsa({ ...stored, attainment: 'high' }) //=> throws INVALID_INPUT at ['study', 'attainment']
 * decidePdsa({ ...stored, schemaVersion: 2 }) //=> throws INCOMPATIBLE at ['study', 'schemaVersion']
 * decidePdsa(cycle, { polcy: {} } as never) //=> throws INVALID_INPUT at ['options', 'polcy']
 * ```
 */
export function decidePdsa(cycle: PdsaCycleInput | PdsaStudy, options: DecidePdsaOptions = {}): DecidePdsaResult {
  if (isStudy(cycle)) {
    const study = readStored(cycle, PDSA_STUDY_TYPE, ['study']);
    const settings = readOptions<DecidePdsaOptions>(options, PDSA_OPTION_KEYS, ['options']);
    const overrides = settings.policy ?? {};
    const policy = resolvePdsaPolicy({ ...study.policy, ...overrides }, ['options', 'policy']);
    if (policy.confidenceLevel !== study.policy.confidenceLevel) {
      incompatible(
        ['options', 'policy', 'confidenceLevel'],
        `the study's intervals are at confidence level ${study.policy.confidenceLevel}; study the cycle again at ${policy.confidenceLevel}`,
      );
    }
    return decideFromStudy(study, policy);
  }
  const parsed = parsePdsaCycle(cycle);
  const settings = readOptions<DecidePdsaOptions>(options, PDSA_OPTION_KEYS, ['options']);
  const policy = resolvePdsaPolicy(settings.policy, ['options', 'policy']);
  return decideFromStudy(studyParsedPdsa(parsed, policy), policy);
}

/** A study (it carries `schemaVersion` or `cycleId`), not a cycle (which has `id` and `plan`). */
function isStudy(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (Object.hasOwn(value, 'schemaVersion') || Object.hasOwn(value, 'cycleId'))
  );
}

const DecidePdsaResultShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  decision: decisionSchema<PdsaAction, PdsaRule, PdsaPolicy>(
    PDSA_ACTIONS,
    PDSA_RULES.map((rule) => rule.id),
    PdsaPolicySchema,
  ),
  predictionHeld: BooleanOrNull,
  study: PdsaStudy,
  notes: z.array(noteSchema<PdsaNoteCode>(['TOO_FEW_UNITS', 'NO_ATTAINMENT'])),
  policy: PdsaPolicySchema,
});

/**
 * Schema of a stored {@link DecidePdsaResult} (`schemaVersion: 1`): the decision (known rule ids,
 * the rule's own act), the {@link PdsaStudy} it rests on, and the policy echoed the same in both
 * places. Use {@link parseDecidePdsaResult} for a `ScalingNavigatorError` with a path.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { DecidePdsaResult } from 'scaling-navigator/learning';
 * DecidePdsaResult.safeParse({ schemaVersion: 1, decision: null }).success //=> false
 * ```
 */
export const DecidePdsaResult: z.ZodMiniType<DecidePdsaResult> = /* @__PURE__ */ DecidePdsaResultShape.check(
  crossCheck((result, context) => {
    const issue = (path: (string | number)[], message: string) =>
      context.issues.push({ code: 'custom', input: result, path, message });
    checkPdsaStudy(result.study, issue, ['study']);
    result.decision.reasons.forEach((reason, index) => {
      const entry = PDSA_RULES.find((candidate) => candidate.id === reason.rule);
      if (entry !== undefined && entry.action !== result.decision.action) {
        issue(
          ['decision', 'reasons', index, 'rule'],
          `rule ${reason.rule} decides ${entry.action}, not ${result.decision.action}`,
        );
      }
    });
    for (const key of Object.keys(result.policy) as (keyof PdsaPolicy)[]) {
      if (result.decision.policy[key] !== result.policy[key]) {
        issue(['decision', 'policy', key], `the decision's policy differs from the result's (${key})`);
      }
    }
  }),
);

const decideParsers = /* @__PURE__ */ schemaParsers(DecidePdsaResult);

/**
 * Validates a stored PDSA decision (e.g. read back from JSON) against {@link DecidePdsaResult}.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field, with its path.
 * @example
 * ```ts
 * import { parseDecidePdsaResult } from 'scaling-navigator/learning';
 * parseDecidePdsaResult({ schemaVersion: 2 }) //=> throws INVALID_INPUT at ['schemaVersion']
 * ```
 */
export function parseDecidePdsaResult(input: unknown): DecidePdsaResult {
  return decideParsers.parse(input);
}

/**
 * {@link parseDecidePdsaResult} returning the error instead of throwing it.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { safeParseDecidePdsaResult } from 'scaling-navigator/learning';
 * safeParseDecidePdsaResult({}).success //=> false
 * ```
 */
export function safeParseDecidePdsaResult(input: unknown): SafeParseResult<DecidePdsaResult> {
  return decideParsers.safeParse(input);
}
