import * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { Decision } from '../framework/Decision.js';
import { SCALE_DIMENSION_IDS, type ScaleDimensionId } from '../framework/scaleDimensions.js';
import { count, decisionSchema, noteSchema } from './_resultSchemas.js';
import type { DimensionsRule } from './dimensionsRules.js';
import { type ScalePolicy, scalePolicyFields } from './scalePolicy.js';

/**
 * Why a dimension has no score, or no judgement against a target.
 *
 * - `NO_MEASURES`: no measure informs the dimension (unknown is not "no"); field `score`.
 * - `ZERO_WEIGHT`: its measures all have weight 0; field `score`.
 * - `NO_TARGET`: scored, but no target was given, so the decision is undetermined; field `decision`.
 *
 * @category Scale assessment
 */
export type DimensionNoteCode = 'NO_MEASURES' | 'ZERO_WEIGHT' | 'NO_TARGET';

const DIMENSION_NOTE_CODES = [
  'NO_MEASURES',
  'ZERO_WEIGHT',
  'NO_TARGET',
] as const satisfies readonly DimensionNoteCode[];

/**
 * Why `atScale` or `sustainable` is undetermined.
 *
 * - `PRACTICE_NOT_GIVEN`: `options.practice` was not passed; field `atScale`.
 * - `NO_INTENDED_PRACTITIONERS`: `practice.intended` is 0; field `atScale`.
 * - `SUSTAINABILITY_UNKNOWN` / `OWNERSHIP_UNKNOWN`: that dimension is undetermined; field `sustainable`.
 *
 * @category Scale assessment
 */
export type ScaleNoteCode =
  | 'PRACTICE_NOT_GIVEN'
  | 'NO_INTENDED_PRACTITIONERS'
  | 'SUSTAINABILITY_UNKNOWN'
  | 'OWNERSHIP_UNKNOWN';

const SCALE_NOTE_CODES = [
  'PRACTICE_NOT_GIVEN',
  'NO_INTENDED_PRACTITIONERS',
  'SUSTAINABILITY_UNKNOWN',
  'OWNERSHIP_UNKNOWN',
] as const satisfies readonly ScaleNoteCode[];

/**
 * Counts for the "at scale" judgement: how many practitioners are meant to use the practice, and
 * how many of them use it with fidelity (by the district's own fidelity measure).
 *
 * @category Scale assessment
 */
export interface PracticeCounts {
  /** Practitioners who are intended to use the practice (whole number ≥ 0). */
  readonly intended: number;
  /** Of those, how many use it with fidelity (whole number, ≤ `intended`). */
  readonly withFidelity: number;
}

/**
 * A decision of {@link assessScale}: its reasons name {@link DIMENSIONS_RULES}, and it echoes the
 * effective {@link ScalePolicy}.
 *
 * @category Scale assessment
 */
export type ScaleDecision<Action extends string> = Decision<Action, DimensionsRule, ScalePolicy>;

/**
 * One dimension's result in {@link ScaleAssessment}.
 *
 * @category Scale assessment
 */
export interface DimensionScore {
  readonly dimension: ScaleDimensionId;
  /** Weighted mean of the normalized measures in [0, 1], or `null` (see `notes`). */
  readonly score: number | null;
  /** The target given for this dimension, or `null`. */
  readonly target: number | null;
  /**
   * `'met'` when `score ≥ target` (within the policy's tolerance), `'not-met'` when below,
   * `'undetermined'` when either is missing; the reason carries score, target and shortfall.
   */
  readonly decision: ScaleDecision<'met' | 'not-met'>;
  /** The decision as a yes/no: `true` for `'met'`, `false` for `'not-met'`, `null` when undetermined. */
  readonly met: boolean | null;
  /** `max(0, target − score)`, or `null` when either is missing. */
  readonly shortfall: number | null;
  /** Measures informing this dimension (weight 0 included). */
  readonly measureCount: number;
  /** Why `score` or `decision` is unknown; empty when both are known. */
  readonly notes: readonly Note<DimensionNoteCode>[];
}

/**
 * The share of intended practitioners using the practice with fidelity, as judged for `atScale`.
 *
 * @category Scale assessment
 */
export interface PracticeShare extends PracticeCounts {
  /** `withFidelity / intended`, or `null` when `intended` is 0. */
  readonly share: number | null;
  /** The policy's `atScaleThreshold`. */
  readonly threshold: number;
}

/**
 * Whether the innovation is at scale, with the counts behind it.
 *
 * @category Scale assessment
 */
export interface AtScaleJudgement {
  /**
   * `'at-scale'` when the share of intended practitioners using the practice with fidelity reaches
   * the policy's `atScaleThreshold`, `'not-at-scale'` below it, `'undetermined'` without counts.
   */
  readonly decision: ScaleDecision<'at-scale' | 'not-at-scale'>;
  /** The counts and share behind the decision; `null` when no counts were given. */
  readonly practice: PracticeShare | null;
}

/**
 * Whether the innovation is sustainable: sustainability and ownership both met.
 *
 * @category Scale assessment
 */
export interface SustainableJudgement {
  /**
   * `'sustainable'` when sustainability and ownership both meet their targets, `'not-sustainable'`
   * when either is known to fall short (each shortfall is a reason), `'undetermined'` otherwise.
   */
  readonly decision: ScaleDecision<'sustainable' | 'not-sustainable'>;
}

/**
 * The result of {@link assessScale}.
 *
 * @category Scale assessment
 */
export interface ScaleAssessment {
  /** The version of this result's shape: 1. A stored assessment of a newer version is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  /** One entry per scale dimension, in catalog order (depth, sustainability, spread, ownership). */
  readonly dimensions: readonly DimensionScore[];
  /** The scored dimension with the lowest score (ties: catalog order); `null` when none is scored. */
  readonly weakest: ScaleDimensionId | null;
  /** Whether the share of intended practitioners using the practice with fidelity reaches the threshold. */
  readonly atScale: AtScaleJudgement;
  /** Whether sustainability and ownership are both met (judged apart from `atScale`). */
  readonly sustainable: SustainableJudgement;
  /** Measures that inform only a strategy, not a dimension (left out of the scores). */
  readonly measuresWithoutDimension: number;
  /** Why `atScale` or `sustainable` is undetermined; empty when both are decided. */
  readonly notes: readonly Note<ScaleNoteCode>[];
  /** The effective policy. */
  readonly policy: ScalePolicy;
}

const share = /* @__PURE__ */ z.number().check(z.gte(0), z.lte(1));

const policySchema = /* @__PURE__ */ z.strictObject(scalePolicyFields);

const dimensionScore = /* @__PURE__ */ z
  .strictObject({
    dimension: z.enum(SCALE_DIMENSION_IDS),
    score: z.nullable(share),
    target: z.nullable(share),
    decision: decisionSchema(['met', 'not-met'], policySchema),
    met: z.nullable(z.boolean()),
    shortfall: z.nullable(share),
    measureCount: count,
    notes: z.array(noteSchema(DIMENSION_NOTE_CODES)),
  })
  .check(
    z.refine(
      (entry) => entry.met === (entry.decision.action === 'undetermined' ? null : entry.decision.action === 'met'),
      { message: '`met` must agree with the decision', path: ['met'] },
    ),
  );

const practiceShare = /* @__PURE__ */ z
  .strictObject({
    intended: count,
    withFidelity: count,
    share: z.nullable(share),
    threshold: scalePolicyFields.atScaleThreshold,
  })
  .check(
    z.refine((practice) => practice.withFidelity <= practice.intended, {
      message: 'withFidelity cannot exceed intended',
      path: ['withFidelity'],
    }),
  );

/**
 * Schema of a stored {@link ScaleAssessment} (`schemaVersion: 1`): strict at every depth, every
 * number finite and in range, each dimension's `met` agreeing with its decision, one entry per
 * dimension in catalog order.
 *
 * @category Scale assessment
 * @example
 * ```ts
 * import { assessScale, ScaleAssessment } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(assessScale([{ id: 'm', dimension: 'depth', value: 3, scale: { min: 1, max: 5 } }])));
 * ScaleAssessment.safeParse(stored).success //=> true
 * ScaleAssessment.safeParse({ ...stored, schemaVersion: 2 }).success //=> false
 * ```
 */
export const ScaleAssessment = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: z.literal(1),
    dimensions: z.array(dimensionScore),
    weakest: z.nullable(z.enum(SCALE_DIMENSION_IDS)),
    atScale: z.strictObject({
      decision: decisionSchema(['at-scale', 'not-at-scale'], policySchema),
      practice: z.nullable(practiceShare),
    }),
    sustainable: z.strictObject({ decision: decisionSchema(['sustainable', 'not-sustainable'], policySchema) }),
    measuresWithoutDimension: count,
    notes: z.array(noteSchema(SCALE_NOTE_CODES)),
    policy: policySchema,
  })
  .check(
    z.refine(
      (assessment) =>
        assessment.dimensions.length === SCALE_DIMENSION_IDS.length &&
        assessment.dimensions.every((entry, index) => entry.dimension === SCALE_DIMENSION_IDS[index]),
      { message: 'one entry per scale dimension, in catalog order', path: ['dimensions'] },
    ),
  );

const scaleAssessmentParsers = /* @__PURE__ */ schemaParsers(ScaleAssessment);

/**
 * Validates a stored scale assessment (e.g. read back from JSON) against {@link ScaleAssessment}.
 *
 * @category Scale assessment
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (a missing `policy`, a score of
 *   `Infinity`, an unknown key), with its path; `issues` lists every problem.
 * @example
 * ```ts
 * import { assessScale, parseScaleAssessment } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(assessScale([])));
 * parseScaleAssessment(stored).schemaVersion //=> 1
 * parseScaleAssessment({ ...stored, policy: undefined }) //=> throws INVALID_INPUT at ['policy']
 * ```
 */
export function parseScaleAssessment(input: unknown): ScaleAssessment {
  return scaleAssessmentParsers.parse(input) as ScaleAssessment;
}

/**
 * Like {@link parseScaleAssessment}, but returns the error instead of throwing.
 *
 * @category Scale assessment
 * @example
 * ```ts
 * import { assessScale, safeParseScaleAssessment } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(assessScale([])));
 * safeParseScaleAssessment({ ...stored, weakest: 'breadth' }).success //=> false
 * ```
 */
export function safeParseScaleAssessment(input: unknown): SafeParseResult<ScaleAssessment> {
  return scaleAssessmentParsers.safeParse(input) as SafeParseResult<ScaleAssessment>;
}
