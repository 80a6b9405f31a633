import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { parseOrThrow } from '../_lib/parse.js';
import { readStored, sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import type { SuperficialSpreadReport } from '../dimensions/detectSuperficialSpread.js';
import type { ScaleAssessment } from '../dimensions/ScaleAssessment.js';
import { decide } from '../framework/_rules.js';
import { IsoDate } from '../framework/_schemaParts.js';
import type { ScalingStageId } from '../framework/scalingStages.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { type Reason, reason } from './_course.js';
import { SCALE_TYPE, SPREAD_TYPE } from './_storedTypes.js';
import type { PitStopDecision } from './PitStopReport.js';
import { type PitStopPolicy, pitStopPolicyDefinition } from './pitStopPolicy.js';
import type { PitStopRule } from './pitStopRules.js';
import type { StageAssessment, StageCriterion } from './StageAssessment.js';

/**
 * What a pilot can lead to (REL Appalachia's pilot guide), as the pilot decision's action:
 * `'scale-up'` and `'expand-pilot'` move the innovation beyond the pilot.
 *
 * @category Stages
 * @example
 * ```ts
 * import { PILOT_OUTCOMES } from 'scaling-navigator/pitstop';
 * PILOT_OUTCOMES //=> ['scale-up', 'expand-pilot', 'pilot-again', 'abandon', 'undetermined']
 * ```
 */
export const PILOT_OUTCOMES = /* @__PURE__ */ deepFreeze([
  'scale-up',
  'expand-pilot',
  'pilot-again',
  'abandon',
  'undetermined',
] as const);

/**
 * The evidence {@link assessStage} reads: the pilot decision's action, the current scale assessment
 * and superficial-spread report, the dates of leadership changes, and sustainability checks over
 * time (e.g. each stored scale assessment's `sustainable` decision with its date). Every part may be
 * missing.
 *
 * @category Stages
 */
export interface StageEvidence {
  readonly pilotDecision?: (typeof PILOT_OUTCOMES)[number];
  readonly scale?: ScaleAssessment;
  readonly superficialSpread?: SuperficialSpreadReport;
  /** Dates on which district or school leadership changed. */
  readonly leadershipChanges?: readonly string[];
  /** Whether sustainability (and ownership) were met at a check: `null` when undetermined. */
  readonly sustainabilityChecks?: readonly { readonly on: string; readonly sustainable: boolean | null }[];
}

/** Options for {@link assessStage}. @category Stages */
export interface AssessStageOptions {
  /** Overrides of {@link DEFAULT_PIT_STOP_POLICY} (echoed; no threshold of it applies here). */
  readonly policy?: Partial<PitStopPolicy>;
}

const OPTION_KEYS = keysOf<AssessStageOptions>()('policy');
const EvidenceEnvelope = z.strictObject({
  pilotDecision: z.optional(z.enum(PILOT_OUTCOMES)),
  scale: z.optional(z.unknown()),
  superficialSpread: z.optional(z.unknown()),
  leadershipChanges: z.optional(z.array(IsoDate)),
  sustainabilityChecks: z.optional(z.array(z.strictObject({ on: IsoDate, sustainable: z.nullable(z.boolean()) }))),
});

/**
 * Where an innovation stands among the stages REL Appalachia describes — pilot, expansion to
 * willing educators, a "tight" practice everyone implements with fidelity, institutionalized as
 * "the way things are done" — with the evidence for the next stage:
 *
 * - **expansion**: the pilot decision is to scale up or to expand the pilot;
 * - **tight**: depth meets its target, the share of intended practitioners using the practice with
 *   fidelity is at scale, and spread has not outrun depth (no superficial spread) — quality that
 *   holds as spread grows;
 * - **institutionalized**: sustainable (sustainability and ownership met), and sustainability held
 *   at every check after the first leadership change — at scale is not the same as sustainable
 *   (research summary on scaling up), and only an intervention that survives leadership turnover is
 *   institutionalized.
 *
 * A stage is reached when its evidence and every earlier stage's is met. The next stage's decision
 * is `'ready'` when all its evidence is met, `'not-ready'` when some is known to fall short,
 * `'undetermined'` when some is missing. O(c + l) for c checks and l leadership changes.
 *
 * @category Stages
 * @throws ScalingNavigatorError `INVALID_INPUT` for malformed evidence (at its path) or an unknown
 * option; `INCOMPATIBLE` for a stored result of a newer version.
 * @example
 * ```ts
 * import { assessStage } from 'scaling-navigator/pitstop';
 * const pilotOnly = assessStage({ pilotDecision: 'scale-up' });
 * pilotOnly.stage //=> 'expansion'
 * pilotOnly.next?.stage //=> 'tight'
 * pilotOnly.next?.decision.action //=> 'undetermined'
 * assessStage({}).stage //=> 'pilot'
 * assessStage({ pilotDecision: 'adopt' as never }) //=> throws INVALID_INPUT at ['evidence', 'pilotDecision']
 * ```
 */
export function assessStage(evidence: StageEvidence, options: AssessStageOptions = {}): StageAssessment {
  const given = readOptions<AssessStageOptions>(options, OPTION_KEYS, ['options']);
  const policy = pitStopPolicyDefinition.resolve(given.policy, ['options', 'policy']);
  const parsed = parseOrThrow(EvidenceEnvelope, evidence, ['evidence']);
  const scale = parsed.scale === undefined ? undefined : readStored(parsed.scale, SCALE_TYPE, ['evidence', 'scale']);
  const spread =
    parsed.superficialSpread === undefined
      ? undefined
      : readStored(parsed.superficialSpread, SPREAD_TYPE, ['evidence', 'superficialSpread']);

  const criteria: StageCriterion[] = [];
  const reasonsFor = new Map<StageCriterion['stage'], { bad: Reason[]; missing: Reason[]; good: Reason[] }>();
  const record = (
    stage: StageCriterion['stage'],
    criterion: StageCriterion['criterion'],
    met: boolean | null,
    shown: Reason['evidence'],
    badRule: PitStopRule = 'pitstop/stage-evidence-not-met',
  ) => {
    criteria.push({ stage, criterion, met });
    const bucket = reasonsFor.get(stage) ?? { bad: [], missing: [], good: [] };
    const evidenceShown = { stage, criterion, met, ...shown };
    if (met === true) bucket.good.push(reason('pitstop/stage-evidence-met', evidenceShown));
    else if (met === false) bucket.bad.push(reason(badRule, evidenceShown));
    else bucket.missing.push(reason('pitstop/stage-evidence-missing', evidenceShown));
    reasonsFor.set(stage, bucket);
  };

  const pilot = parsed.pilotDecision;
  record(
    'expansion',
    'pilot-decision',
    pilot === undefined || pilot === 'undetermined' ? null : pilot === 'scale-up' || pilot === 'expand-pilot',
    { pilotDecision: pilot ?? null },
  );
  const depth = scale?.dimensions.find((entry) => entry.dimension === 'depth');
  record('tight', 'depth-met', depth?.met ?? null, { depth: depth?.score ?? null, target: depth?.target ?? null });
  const atScale = scale?.atScale.decision.action;
  record(
    'tight',
    'fidelity-at-scale',
    atScale === undefined || atScale === 'undetermined' ? null : atScale === 'at-scale',
    {
      share: scale?.atScale.practice?.share ?? null,
      threshold: scale?.policy.atScaleThreshold ?? null,
    },
  );
  const spreadAction = spread?.decision.action;
  record(
    'tight',
    'no-superficial-spread',
    spreadAction === undefined || spreadAction === 'undetermined' ? null : spreadAction === 'no-superficial-spread',
    { flaggedIntervals: spread?.flaggedCount ?? null },
  );
  const sustainable = scale?.sustainable.decision.action;
  record(
    'institutionalized',
    'sustainable',
    sustainable === undefined || sustainable === 'undetermined' ? null : sustainable === 'sustainable',
    {},
  );
  const changes = [...(parsed.leadershipChanges ?? [])].sort();
  const firstChange = changes[0];
  const after = (parsed.sustainabilityChecks ?? []).filter(
    (check) => firstChange !== undefined && check.on >= firstChange,
  );
  let held: boolean | null = null;
  if (after.some((check) => check.sustainable === false)) held = false;
  else if (after.length > 0 && after.every((check) => check.sustainable === true)) held = true;
  record(
    'institutionalized',
    'sustained-after-leadership-change',
    held,
    { leadershipChangedOn: firstChange ?? null, checksAfter: after.length },
    'pitstop/not-sustained-after-turnover',
  );

  const order: StageCriterion['stage'][] = ['expansion', 'tight', 'institutionalized'];
  let stage: ScalingStageId = 'pilot';
  let next: StageAssessment['next'] = null;
  for (const candidate of order) {
    const bucket = reasonsFor.get(candidate) ?? { bad: [], missing: [], good: [] };
    let decision: PitStopDecision<'ready' | 'not-ready'>;
    if (bucket.bad.length > 0) decision = decide('not-ready', bucket.bad, policy);
    else if (bucket.missing.length > 0) {
      decision = decide<'ready' | 'not-ready', PitStopRule, PitStopPolicy>('undetermined', bucket.missing, policy);
    } else decision = decide('ready', bucket.good, policy);
    if (decision.action !== 'ready') {
      next = { stage: candidate, decision };
      break;
    }
    stage = candidate;
  }
  return sealResult({ schemaVersion: 1, stage, next, criteria, policy, version: LIBRARY_VERSION }, 'stage assessment');
}
