/**
 * The result of {@link analyzeFidelityOutcome}: its types, the schema of a stored one and its
 * parsers.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { CorrelationResult, Icc1Result, PartialCorrelationResult } from '../stats/index.js';
import { type FidelityMixedModel, FidelityMixedModelSchema } from './_mixedModelSchema.js';
import {
  CorrelationResultSchema,
  Count,
  Finite,
  Icc1ResultSchema,
  Interval,
  noteSchema,
  PartialCorrelationResultSchema,
  PValue,
  SchemaVersion1,
} from './_schemas.js';
import { type FidelityPolicy, FidelityPolicySchema } from './fidelityPolicy.js';

/**
 * Why part of a fidelity analysis is missing.
 *
 * - `EMPTY_BAND` / `ONE_OBSERVATION`: a band has no observation, or one (no SD or interval).
 * - `NO_BASELINE` / `NO_CLUSTERS`: the optional input was not given.
 * - `TOO_FEW_CLUSTERS`: fewer clusters than `policy.minClusters`, so no clustered inference.
 * - `NO_ICC`: an ICC(1) could not be estimated, so no design effect.
 * - `NO_CORRELATION`: the correlation itself has no estimate (see its note).
 * - `NOT_IDENTIFIED`: the mixed model cannot be fitted (fidelity does not vary within clusters, the
 *   cluster means, baseline or covariates are collinear, no residual df is left, or they reproduce
 *   the outcome exactly — residual sum of squares at most 10⁻¹⁰ of the outcome's total).
 * - `NOT_REPRESENTABLE`: a band's SD or interval, or an estimate of the mixed model, lies beyond the
 *   largest double (outcomes spanning more than ≈ 1.8e308), so it is `null`.
 *
 * @category Fidelity
 */
export type FidelityNoteCode =
  | 'EMPTY_BAND'
  | 'ONE_OBSERVATION'
  | 'NO_BASELINE'
  | 'NO_CLUSTERS'
  | 'TOO_FEW_CLUSTERS'
  | 'NO_ICC'
  | 'NO_CORRELATION'
  | 'NOT_IDENTIFIED'
  | 'NOT_REPRESENTABLE';

const FIDELITY_NOTE_CODES = [
  'EMPTY_BAND',
  'ONE_OBSERVATION',
  'NO_BASELINE',
  'NO_CLUSTERS',
  'TOO_FEW_CLUSTERS',
  'NO_ICC',
  'NO_CORRELATION',
  'NOT_IDENTIFIED',
  'NOT_REPRESENTABLE',
] as const satisfies readonly FidelityNoteCode[];

/**
 * Outcomes of the observations whose fidelity lies in `[lower, upper)` (the top band includes 1).
 *
 * @category Fidelity
 */
export interface FidelityBandSummary {
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  readonly mean: number | null;
  /** Sample SD (n − 1). */
  readonly sd: number | null;
  /** Student-t interval for the mean. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Why a statistic is absent (`EMPTY_BAND`, `ONE_OBSERVATION`); empty when none is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
}

/**
 * The clustered view of {@link FidelityOutcomeAnalysis}: ICCs, the Scott–Holt design effect, the
 * correlation's test and interval at the effective sample size, and the cluster-level correlation.
 *
 * @category Fidelity
 */
export interface ClusteredFidelityInference {
  /** Clusters with at least one complete pair. */
  readonly clusterCount: number;
  /** n₀, the unbalanced cluster size. */
  readonly n0: number | null;
  readonly iccFidelity: Icc1Result | null;
  readonly iccOutcome: Icc1Result | null;
  /** 1 + (n₀ − 1)·ρ_x·ρ_y with negative ICCs taken as 0 (never below 1). */
  readonly designEffect: number | null;
  /** n / design effect. */
  readonly effectiveN: number | null;
  /** The correlation's statistic, df, p and interval recomputed at the effective n. */
  readonly adjusted: {
    readonly statistic: number | null;
    readonly df: number | null;
    readonly pValue: number | null;
    readonly confidenceInterval: readonly [number, number] | null;
  } | null;
  /** The correlation of cluster means (a second view: between clusters). */
  readonly clusterLevel: CorrelationResult | null;
  /** Why part of the clustered view is absent (`TOO_FEW_CLUSTERS`, `NO_ICC`, `NO_CORRELATION`); empty when nothing is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
}

/**
 * The result of {@link analyzeFidelityOutcome}.
 *
 * @category Fidelity
 */
export interface FidelityOutcomeAnalysis {
  /** The version of this result's shape (1); see {@link parseFidelityOutcomeAnalysis}. */
  readonly schemaVersion: 1;
  readonly correlation: CorrelationResult;
  /** Controlling for `baseline`; `null` without one (see `notes`). */
  readonly partial: PartialCorrelationResult | null;
  readonly bands: readonly FidelityBandSummary[];
  /** `null` without `clusters` (see `notes`). */
  readonly clustering: ClusteredFidelityInference | null;
  /**
   * With `clusters`: the random-intercept mixed model (REML) with the within/between split of
   * fidelity; `null` when it cannot be fitted (see `notes`). Absent without `clusters` (and from
   * results stored by versions before the mixed model).
   */
  readonly mixedModel?: FidelityMixedModel | null;
  /** Why a part is absent (`NO_BASELINE`, `NO_CLUSTERS`); empty when nothing is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
  /** The effective policy. */
  readonly policy: FidelityPolicy;
}

const FidelityNote = noteSchema(FIDELITY_NOTE_CODES);

const FidelityBandSummarySchema = z.strictObject({
  lower: z.number().check(z.gte(0), z.lte(1)),
  upper: z.number().check(z.gte(0), z.lte(1)),
  n: Count,
  mean: z.nullable(Finite),
  sd: z.nullable(Finite.check(z.gte(0))),
  confidenceInterval: Interval,
  notes: z.readonly(z.array(FidelityNote)),
});

const ClusteredFidelityInferenceSchema = z.strictObject({
  clusterCount: Count,
  n0: z.nullable(Finite),
  iccFidelity: z.nullable(Icc1ResultSchema),
  iccOutcome: z.nullable(Icc1ResultSchema),
  designEffect: z.nullable(Finite.check(z.gte(1))),
  effectiveN: z.nullable(Finite.check(z.gte(0))),
  adjusted: z.nullable(
    z.strictObject({
      statistic: z.nullable(Finite),
      df: z.nullable(Finite),
      pValue: PValue,
      confidenceInterval: Interval,
    }),
  ),
  clusterLevel: z.nullable(CorrelationResultSchema),
  notes: z.readonly(z.array(FidelityNote)),
});

/**
 * The schema of a stored {@link FidelityOutcomeAnalysis} (`schemaVersion: 1`): strict (no unknown
 * key), finite numbers only, and consistent where that is cheap to check — one band per
 * `policy.bands` cut-point plus one, with the policy's edges, holding the correlation's `n` pairs.
 * Validate with {@link parseFidelityOutcomeAnalysis} / {@link safeParseFidelityOutcomeAnalysis}.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { analyzeFidelityOutcome, FidelityOutcomeAnalysis } from 'scaling-navigator/fidelity';
 * const result = analyzeFidelityOutcome({ fidelity: [0.2, 0.5, 0.7, 0.9], outcome: [40, 48, 55, 61] });
 * FidelityOutcomeAnalysis.safeParse(JSON.parse(JSON.stringify(result))).success //=> true
 * ```
 */
export const FidelityOutcomeAnalysis: z.ZodMiniType<FidelityOutcomeAnalysis> = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: SchemaVersion1,
    correlation: CorrelationResultSchema,
    partial: z.nullable(PartialCorrelationResultSchema),
    bands: z.readonly(z.array(FidelityBandSummarySchema)),
    clustering: z.nullable(ClusteredFidelityInferenceSchema),
    mixedModel: z.exactOptional(z.nullable(FidelityMixedModelSchema)),
    notes: z.readonly(z.array(FidelityNote)),
    policy: FidelityPolicySchema,
  })
  .check(
    z.refine(
      (analysis) => {
        const edges = [0, ...analysis.policy.bands, 1];
        return (
          analysis.bands.length === edges.length - 1 &&
          analysis.bands.every((band, index) => band.lower === edges[index] && band.upper === edges[index + 1])
        );
      },
      { message: 'the bands are not those of policy.bands', path: ['bands'] },
    ),
    z.refine((analysis) => analysis.bands.reduce((total, band) => total + band.n, 0) === analysis.correlation.n, {
      message: "the bands do not hold the correlation's n pairs",
      path: ['bands'],
    }),
  );

const analysisParsers = /* @__PURE__ */ schemaParsers(FidelityOutcomeAnalysis);

/**
 * Validates a stored {@link FidelityOutcomeAnalysis} (e.g. read back from JSON).
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field (an unknown key, a
 *   missing `policy`, a non-finite number, bands that do not match the policy or the pairs).
 * @example
 * ```ts
 * import { analyzeFidelityOutcome, parseFidelityOutcomeAnalysis } from 'scaling-navigator/fidelity';
 * const result = analyzeFidelityOutcome({ fidelity: [0.2, 0.5, 0.7, 0.9], outcome: [40, 48, 55, 61] });
 * const stored = JSON.parse(JSON.stringify(result));
 * parseFidelityOutcomeAnalysis(stored).correlation.n //=> 4
 * parseFidelityOutcomeAnalysis({ ...stored, policy: undefined }) //=> throws INVALID_INPUT at ['policy']
 * ```
 */
export function parseFidelityOutcomeAnalysis(input: unknown): FidelityOutcomeAnalysis {
  return analysisParsers.parse(input);
}

/**
 * {@link parseFidelityOutcomeAnalysis} without throwing: `{ success, data }` or `{ success, error }`.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { safeParseFidelityOutcomeAnalysis } from 'scaling-navigator/fidelity';
 * safeParseFidelityOutcomeAnalysis({ schemaVersion: 1 }).success //=> false
 * ```
 */
export function safeParseFidelityOutcomeAnalysis(input: unknown): SafeParseResult<FidelityOutcomeAnalysis> {
  return analysisParsers.safeParse(input);
}
