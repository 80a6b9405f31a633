import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow, type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { readOptions } from '../_lib/strict.js';
import { decide } from '../framework/_rules.js';
import type { Decision } from '../framework/Decision.js';
import { SOURCES } from '../framework/sources.js';
import { advisoryReasons, decidingReason } from './_decideRules.js';
import { PilotEvidence, type PilotEvidenceInput } from './PilotEvidence.js';
import { PilotEvidenceSummary } from './PilotEvidenceSummary.js';
import { type PilotPolicy, PilotPolicySchema, resolvePilotPolicy } from './pilotPolicy.js';
import { PILOT_RULES, type PilotRule } from './pilotRules.js';
import { PILOT_OPTION_KEYS, type PilotOptions, summarizeParsed } from './summarizePilotEvidence.js';

/**
 * What a pilot can lead to (REL Appalachia's pilot guide): adopt and plan the scale-up, expand to a
 * larger group of testers first, pilot again, or abandon and look for alternatives. A decision
 * can also be `'undetermined'`.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PILOT_ACTIONS } from 'scaling-navigator/pilot';
 * PILOT_ACTIONS //=> ['scale-up', 'expand-pilot', 'pilot-again', 'abandon']
 * ```
 */
export const PILOT_ACTIONS = /* @__PURE__ */ deepFreeze([
  'scale-up',
  'expand-pilot',
  'pilot-again',
  'abandon',
] as const);

/**
 * One of {@link PILOT_ACTIONS}.
 *
 * @category Pilot
 */
export type PilotAction = (typeof PILOT_ACTIONS)[number];

/**
 * The explained pilot decision: the deciding rule first, then the advisory ones.
 *
 * @category Pilot
 */
export type PilotDecision = Decision<PilotAction, PilotRule, PilotPolicy>;

/** Why a pilot decision is undetermined. @category Pilot */
export type DecidePilotNoteCode = 'UNDETERMINED';

const Text = z.string().check(z.minLength(1));
const enumOf = <const T extends string>(values: readonly T[]) =>
  z.enum(values as unknown as [T, ...T[]]) as unknown as z.ZodMiniType<T>;

const DecisionSchema = z.strictObject({
  action: enumOf<PilotAction | 'undetermined'>([...PILOT_ACTIONS, 'undetermined']),
  reasons: z.array(
    z.strictObject({
      rule: enumOf(PILOT_RULES.map((rule) => rule.id)),
      evidence: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
      guidance: z.strictObject({
        source: enumOf(SOURCES.map((source) => source.id)),
        section: z.string(),
        summary: z.string(),
      }),
    }),
  ),
  policy: PilotPolicySchema,
  version: Text,
});

const ResultShape = z.strictObject({
  schemaVersion: z.literal(1),
  decision: DecisionSchema,
  summary: PilotEvidenceSummary,
  notes: z.array(
    z.strictObject({ code: z.literal('UNDETERMINED'), message: z.string(), field: z.nullable(z.string()) }),
  ),
  policy: PilotPolicySchema,
});

/**
 * The result of {@link decidePilot}: the decision and the summary it rests on.
 *
 * @category Pilot
 */
export interface DecidePilotResult {
  /** The version of this result's shape, for stored results; 1 today. */
  readonly schemaVersion: 1;
  /** The action, the deciding reason (first) and the advisory ones, the policy and the library version. */
  readonly decision: PilotDecision;
  /** The summary of the evidence ({@link summarizePilotEvidence}). */
  readonly summary: PilotEvidenceSummary;
  /** Why the decision is undetermined, if it is. */
  readonly notes: readonly Note<DecidePilotNoteCode>[];
  /** The effective policy. */
  readonly policy: PilotPolicy;
}

/**
 * Schema of a stored {@link DecidePilotResult} (`schemaVersion: 1`): the deciding rule's action is
 * the decision's. Use {@link parseDecidePilotResult} for a `ScalingNavigatorError` with a path.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { DecidePilotResult } from 'scaling-navigator/pilot';
 * DecidePilotResult.safeParse({ schemaVersion: 1, decision: null }).success //=> false
 * ```
 */
export const DecidePilotResult: z.ZodMiniType<DecidePilotResult> = /* @__PURE__ */ ResultShape.check(
  crossCheck((result, context) => {
    const first = result.decision.reasons[0];
    const entry = PILOT_RULES.find((rule) => rule.id === first?.rule);
    if (entry === undefined || entry.action !== result.decision.action) {
      context.issues.push({
        code: 'custom',
        input: result,
        path: ['decision', 'reasons', 0, 'rule'],
        message: `the first reason's rule must decide ${result.decision.action}`,
      });
    }
  }),
) as unknown as z.ZodMiniType<DecidePilotResult>;

const parsers = /* @__PURE__ */ schemaParsers(DecidePilotResult);

/**
 * Decides what a pilot leads to — `scale-up`, `expand-pilot`, `pilot-again`, `abandon` or
 * `undetermined` — from its evidence, by the rules of {@link PILOT_RULES} in order (the first that
 * applies decides; advisory rules add reasons beside it). In short:
 *
 * 1. Low fidelity ("the plan was not done") is not "the plan did not work": pilot again, with the
 *    supports it lacked — whatever the outcomes.
 * 2. No primary outcome estimate: local goals met at every pilot site give `expand-pilot`
 *    (`scale-up` only with `acceptLocalGoalEvidence`), some missed give `pilot-again`; nothing at
 *    all is `undetermined`.
 * 3. Fails to benefit (every primary and measured focal upper bound below `minUsefulEffect`):
 *    `abandon` with adequate fidelity, `pilot-again` when leaders still see promise, `undetermined`
 *    without a fidelity measure.
 * 4. Teachers struggle, a balancing measure clearly worse, or a measured focal group not
 *    benefiting: `pilot-again` (never scale-up while they stand).
 * 5. A primary outcome below the useful effect and not significant: `pilot-again`, with the
 *    clusters a re-pilot needs; focal groups too small to tell: `undetermined`, not a pass.
 * 6. Every primary outcome useful but not all significant after the clustering correction:
 *    `expand-pilot`; all significant but no credible design (baseline equivalence where needed):
 *    `expand-pilot`; else `scale-up`.
 *
 * Advisory reasons: fidelity or experience not measured, supports lacking (with their cost), a
 * team without senior leaders or veteran teachers, no balancing measures, prior external evidence,
 * and — when moving forward — the coaches and principals of the best sites as champions.
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` when the evidence fails {@link PilotEvidence} (path
 *   under `['evidence']`), an option is unknown or the policy is invalid.
 * @example
 * ```ts
 * import { decidePilot } from 'scaling-navigator/pilot';
 * const stem = {
 *   id: 'dlp-coaching',
 *   design: 'pre-post' as const,
 *   assignment: { unit: 'school' as const },
 *   outcomes: [],
 *   sites: { total: 18, pilot: [{ id: 'east', score: 3 }, { id: 'north', score: 2 }, { id: 'west', score: 1 }] },
 *   team: [
 *     { id: 'coach-east', role: 'coach' as const, siteId: 'east' },
 *     { id: 'principal-east', role: 'principal' as const, siteId: 'east' },
 *     { id: 'coach-west', role: 'coach' as const, siteId: 'west' },
 *   ],
 *   localGoals: [{ id: 'stem-cert', description: 'State STEM certification', sitesMet: ['east', 'north', 'west'] }],
 * };
 * decidePilot(stem).decision.action //=> 'expand-pilot'
 * decidePilot(stem, { policy: { acceptLocalGoalEvidence: true } }).decision.action //=> 'scale-up'
 * decidePilot(stem).summary.champions.map((member) => member.id) //=> ['coach-east', 'principal-east']
 * decidePilot({ ...stem, localGoals: undefined }).decision.action //=> 'undetermined'
 * decidePilot(stem, { polcy: {} } as never) //=> throws INVALID_INPUT at ['options', 'polcy']
 * ```
 */
export function decidePilot(evidence: PilotEvidenceInput, options: PilotOptions = {}): DecidePilotResult {
  const parsed = parseOrThrow(PilotEvidence, evidence, ['evidence']);
  const settings = readOptions<PilotOptions>(options, PILOT_OPTION_KEYS, ['options']);
  const policy = resolvePilotPolicy(settings.policy, ['options', 'policy']);
  const summary = summarizeParsed(parsed, policy);
  const deciding = decidingReason(summary, parsed);
  const entry = PILOT_RULES.find((rule) => rule.id === deciding.rule) as (typeof PILOT_RULES)[number];
  const action = entry.action as PilotAction | 'undetermined';
  const forward = action === 'scale-up' || action === 'expand-pilot';
  const reasons = [deciding, ...advisoryReasons(summary, parsed, forward)];
  const notes: Note<DecidePilotNoteCode>[] =
    action === 'undetermined' ? [note('UNDETERMINED', entry.description, 'decision')] : [];
  return sealResult(
    { schemaVersion: 1, decision: decide(action, reasons, policy), summary, notes, policy },
    'pilot decision',
  );
}

/**
 * Validates a stored pilot decision against {@link DecidePilotResult}.
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field.
 * @example
 * ```ts
 * import { parseDecidePilotResult } from 'scaling-navigator/pilot';
 * parseDecidePilotResult({ schemaVersion: 2 }) //=> throws INVALID_INPUT at ['schemaVersion']
 * ```
 */
export function parseDecidePilotResult(input: unknown): DecidePilotResult {
  return parsers.parse(input);
}

/**
 * {@link parseDecidePilotResult} returning the error instead of throwing it.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { safeParseDecidePilotResult } from 'scaling-navigator/pilot';
 * safeParseDecidePilotResult({}).success //=> false
 * ```
 */
export function safeParseDecidePilotResult(input: unknown): SafeParseResult<DecidePilotResult> {
  return parsers.safeParse(input);
}
