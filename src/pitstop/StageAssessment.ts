import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { SCALING_STAGE_IDS, type ScalingStageId } from '../framework/scalingStages.js';
import { BooleanOrNull, Text } from '../learning/_resultSchemas.js';
import { pitStopDecisionSchema } from './_resultParts.js';
import type { PitStopDecision } from './PitStopReport.js';
import { type PitStopPolicy, PitStopPolicySchema } from './pitStopPolicy.js';

/** One piece of evidence a stage asks for. @category Stages */
export interface StageCriterion {
  /** The stage it is evidence for. */
  readonly stage: Exclude<ScalingStageId, 'pilot'>;
  readonly criterion:
    | 'pilot-decision'
    | 'depth-met'
    | 'fidelity-at-scale'
    | 'no-superficial-spread'
    | 'sustainable'
    | 'sustained-after-leadership-change';
  /** Met, not met, or `null` when the evidence is missing. */
  readonly met: boolean | null;
}

/** Where an innovation stands among the stages to scale: what {@link assessStage} returns. @category Stages */
export interface StageAssessment {
  readonly schemaVersion: 1;
  /** The furthest stage whose evidence (and every earlier stage's) is met; `'pilot'` at least. */
  readonly stage: ScalingStageId;
  /** The next stage and whether its evidence is there: `'ready'`, `'not-ready'` or `'undetermined'`; `null` once institutionalized. */
  readonly next: {
    readonly stage: Exclude<ScalingStageId, 'pilot'>;
    readonly decision: PitStopDecision<'ready' | 'not-ready'>;
  } | null;
  /** Every criterion of every stage, in stage order. */
  readonly criteria: readonly StageCriterion[];
  readonly policy: PitStopPolicy;
  readonly version: string;
}

const LATER_STAGES = /* @__PURE__ */ SCALING_STAGE_IDS.filter(
  (stage): stage is Exclude<ScalingStageId, 'pilot'> => stage !== 'pilot',
);
const CRITERIA = [
  'pilot-decision',
  'depth-met',
  'fidelity-at-scale',
  'no-superficial-spread',
  'sustainable',
  'sustained-after-leadership-change',
] as const satisfies readonly StageCriterion['criterion'][];

const StageShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  stage: z.enum(SCALING_STAGE_IDS),
  next: z.nullable(
    z.strictObject({ stage: z.enum(LATER_STAGES), decision: pitStopDecisionSchema(['ready', 'not-ready']) }),
  ),
  criteria: z.array(z.strictObject({ stage: z.enum(LATER_STAGES), criterion: z.enum(CRITERIA), met: BooleanOrNull })),
  policy: PitStopPolicySchema,
  version: Text,
});

/**
 * Schema of a stored {@link StageAssessment} (`schemaVersion: 1`), strict at every depth: the next
 * stage's decision cites rules of {@link PIT_STOP_RULES} and sources of `SOURCES`. Use
 * {@link parseStageAssessment} for a `ScalingNavigatorError` with a path.
 *
 * @category Stages
 * @example
 * ```ts
 * import { StageAssessment } from 'scaling-navigator/pitstop';
 * StageAssessment.safeParse({ schemaVersion: 2 }).success //=> false
 * ```
 */
export const StageAssessment: z.ZodMiniType<StageAssessment> =
  /* @__PURE__ */ StageShape as unknown as z.ZodMiniType<StageAssessment>;

/** How `readStored` reads a stage assessment: version 1 only (no older version to upcast). @internal */
export const STAGE_ASSESSMENT_TYPE: StoredType<StageAssessment> = {
  name: 'stage assessment',
  version: 1,
  schema: StageAssessment,
};

const stageParsers = /* @__PURE__ */ schemaParsers(StageAssessment);

/**
 * Validates a stored stage assessment (e.g. read back from a journey's JSON) and returns it.
 *
 * @category Stages
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path.
 * @example
 * ```ts
 * import { assessStage, parseStageAssessment } from 'scaling-navigator/pitstop';
 * const stored = JSON.parse(JSON.stringify(assessStage({ pilotDecision: 'scale-up' })));
 * parseStageAssessment(stored).stage //=> 'expansion'
 * parseStageAssessment({ ...stored, stage: 'scaled' }) //=> throws INVALID_INPUT at ['stage']
 * ```
 */
export function parseStageAssessment(input: unknown): StageAssessment {
  return stageParsers.parse(input);
}

/**
 * Like {@link parseStageAssessment}, but returns the error instead of throwing.
 *
 * @category Stages
 * @example
 * ```ts
 * import { safeParseStageAssessment } from 'scaling-navigator/pitstop';
 * const result = safeParseStageAssessment({ schemaVersion: 1 });
 * result.success ? null : result.error.path //=> ['stage']
 * ```
 */
export function safeParseStageAssessment(input: unknown): SafeParseResult<StageAssessment> {
  return stageParsers.safeParse(input);
}
