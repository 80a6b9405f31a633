/**
 * The result of {@link fidelityThreshold}: its types, the schema of a stored one and its parsers.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { Decision } from '../framework/Decision.js';
import type { ProportionResult } from '../stats/index.js';
import {
  Count,
  decisionSchema,
  Finite,
  noteSchema,
  ProportionResultSchema,
  PValue,
  SchemaVersion1,
  Share,
} from './_schemas.js';
import { type FidelityPolicy, FidelityPolicySchema } from './fidelityPolicy.js';
import { THRESHOLD_RULES, type ThresholdRule } from './thresholdRules.js';

/**
 * Why part of a {@link fidelityThreshold} result is absent.
 *
 * - `CONSTANT_OUTCOME`: every outcome is the same, so there is no level, test or interval.
 * - `NO_ELIGIBLE_CUT`: no candidate has `policy.minObservations` observations on both sides.
 * - `NOT_REPRESENTABLE`: a hinge slope or F statistic lies beyond the largest double (fidelity values
 *   almost equal under huge outcomes), so it is `null`.
 * - `NO_RESIDUAL_FORM`: a binary outcome with covariates: Youden's J has no residual form to adjust,
 *   so there is no level rather than a wrong one.
 *
 * @category Fidelity
 */
export type ThresholdNoteCode = 'CONSTANT_OUTCOME' | 'NO_ELIGIBLE_CUT' | 'NOT_REPRESENTABLE' | 'NO_RESIDUAL_FORM';

/**
 * How {@link fidelityThreshold} respected the design (present only when a baseline, covariates or
 * clusters were given): which resampling ran and why.
 *
 * @category Fidelity
 */
export interface ThresholdDesign {
  /** Covariates adjusted for (the baseline counts as one). */
  readonly covariates: number;
  /** Clusters, or `null` without `clusters`. */
  readonly clusters: number | null;
  /** Permutations within clusters (exchangeability blocks, Winkler et al. 2014) or over all observations. */
  readonly permutation: 'within-clusters' | 'all-observations';
  /**
   * The interval's resampling: observations (`'pairs'`), whole clusters (`'cluster-pairs'`, binary
   * outcomes), or the wild cluster bootstrap (Cameron, Gelbach & Miller 2008) with Rademacher
   * weights, or Webb's six-point weights below 12 clusters (Webb 2014).
   */
  readonly interval: 'pairs' | 'cluster-pairs' | 'wild-cluster-rademacher' | 'wild-cluster-webb';
  /** Why, in words. */
  readonly reason: string;
}

/**
 * Outcomes on either side of one cut-point (below = fidelity < cut).
 *
 * @category Fidelity
 */
export interface ThresholdCut {
  readonly cut: number;
  readonly nBelow: number;
  readonly nAbove: number;
  /** Both sides have at least `policy.minObservations` observations. */
  readonly eligible: boolean;
  /** Youden's J (binary) or the share of the linear fit's residual sum of squares the hinge removes (continuous); `null` when not eligible. */
  readonly statistic: number | null;
  /** Binary outcomes: sensitivity, specificity and outcome rates below and above, with Wilson intervals. */
  readonly binary: {
    readonly sensitivity: number;
    readonly specificity: number;
    readonly rateBelow: ProportionResult;
    readonly rateAbove: ProportionResult;
  } | null;
  /** Continuous outcomes: hinge-regression slopes on each side, outcome means, and the F statistic against a straight line. */
  readonly continuous: {
    readonly slopeBelow: number | null;
    readonly slopeAbove: number | null;
    readonly meanBelow: number;
    readonly meanAbove: number;
    readonly f: number | null;
  } | null;
}

/**
 * The result of {@link fidelityThreshold}.
 *
 * @category Fidelity
 */
export interface FidelityThresholdResult {
  /** The version of this result's shape (1); see {@link parseFidelityThresholdResult}. */
  readonly schemaVersion: 1;
  readonly outcomeType: 'binary' | 'continuous';
  /** Complete pairs used, and pairs dropped as missing. */
  readonly n: number;
  readonly nDropped: number;
  /** Every candidate, ascending. */
  readonly candidates: readonly ThresholdCut[];
  /** The fidelity level most strongly associated with the outcome (an association, never a requirement); `null` without an eligible candidate. */
  readonly associatedLevel: ThresholdCut | null;
  /** The permutation test of the maximal statistic over candidates. */
  readonly test: {
    readonly statistic: number | null;
    readonly pValue: number | null;
    /**
     * `'permute-outcomes'` (binary) or `'freedman-lane'` (residuals of the straight-line fit, with the
     * covariates when given, continuous); `…-within-clusters` when the shuffles stay within clusters.
     */
    readonly scheme: 'permute-outcomes' | 'freedman-lane' | 'permute-within-clusters' | 'freedman-lane-within-clusters';
    readonly permutations: number;
    readonly seed: number;
  };
  /** Whether a level stands out from chance, with the rule that decided it (see {@link THRESHOLD_RULES}). */
  readonly decision: Decision<'threshold-found' | 'no-threshold-found', ThresholdRule, FidelityPolicy>;
  /** Percentile bootstrap interval of the cut-point and how stable it is. */
  readonly interval: {
    readonly lower: number | null;
    readonly upper: number | null;
    readonly confidenceLevel: number;
    readonly draws: number;
    readonly seed: number;
    /** Share of draws that chose the same cut as the data. */
    readonly agreement: number;
    /** Share of draws with no eligible cut. */
    readonly noCutShare: number;
    /** How many different cuts the draws chose. */
    readonly distinctCuts: number;
  } | null;
  /** The field's fixed gates evaluated on the same data, for comparison. */
  readonly fixedGates: readonly ThresholdCut[];
  /** With a baseline, covariates or clusters: how the resampling respected them (absent otherwise). */
  readonly design?: ThresholdDesign;
  /** Why a part is absent (empty when nothing is). */
  readonly notes: readonly Note<ThresholdNoteCode>[];
  /** The effective policy. */
  readonly policy: FidelityPolicy;
}

const ThresholdCutSchema = z.strictObject({
  cut: Share,
  nBelow: Count,
  nAbove: Count,
  eligible: z.boolean(),
  statistic: z.nullable(Finite),
  binary: z.nullable(
    z.strictObject({
      sensitivity: Share,
      specificity: Share,
      rateBelow: ProportionResultSchema,
      rateAbove: ProportionResultSchema,
    }),
  ),
  continuous: z.nullable(
    z.strictObject({
      slopeBelow: z.nullable(Finite),
      slopeAbove: z.nullable(Finite),
      meanBelow: Finite,
      meanAbove: Finite,
      f: z.nullable(Finite),
    }),
  ),
});

/**
 * The schema of a stored {@link FidelityThresholdResult} (`schemaVersion: 1`): strict, finite
 * numbers only, and consistent where that is cheap to check — every cut splits the `n` pairs,
 * candidates ascend, the test and the interval echo the policy's draws, and the decision cites a
 * rule of {@link THRESHOLD_RULES} with its guidance. Validate with
 * {@link parseFidelityThresholdResult} / {@link safeParseFidelityThresholdResult}.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { FidelityThresholdResult } from 'scaling-navigator/fidelity';
 * FidelityThresholdResult.safeParse({ schemaVersion: 1 }).success //=> false
 * ```
 */
export const FidelityThresholdResult: z.ZodMiniType<FidelityThresholdResult> = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: SchemaVersion1,
    outcomeType: z.enum(['binary', 'continuous']),
    n: Count,
    nDropped: Count,
    candidates: z.readonly(z.array(ThresholdCutSchema)),
    associatedLevel: z.nullable(ThresholdCutSchema),
    test: z.strictObject({
      statistic: z.nullable(Finite),
      pValue: PValue,
      scheme: z.enum(['permute-outcomes', 'freedman-lane', 'permute-within-clusters', 'freedman-lane-within-clusters']),
      permutations: Count,
      seed: Count,
    }),
    decision: decisionSchema(['threshold-found', 'no-threshold-found'], THRESHOLD_RULES),
    interval: z.nullable(
      z.strictObject({
        lower: z.nullable(Share),
        upper: z.nullable(Share),
        confidenceLevel: z.number().check(z.gt(0), z.lt(1)),
        draws: Count,
        seed: Count,
        agreement: Share,
        noCutShare: Share,
        distinctCuts: Count,
      }),
    ),
    fixedGates: z.readonly(z.array(ThresholdCutSchema)),
    design: z.exactOptional(
      z.strictObject({
        covariates: Count,
        clusters: z.nullable(Count),
        permutation: z.enum(['within-clusters', 'all-observations']),
        interval: z.enum(['pairs', 'cluster-pairs', 'wild-cluster-rademacher', 'wild-cluster-webb']),
        reason: z.string(),
      }),
    ),
    notes: z.readonly(
      z.array(noteSchema(['CONSTANT_OUTCOME', 'NO_ELIGIBLE_CUT', 'NOT_REPRESENTABLE', 'NO_RESIDUAL_FORM'])),
    ),
    policy: FidelityPolicySchema,
  })
  .check(
    z.refine(
      (result) =>
        [...result.candidates, ...result.fixedGates].every((cut) => cut.nBelow + cut.nAbove === result.n) &&
        result.candidates.every(
          (cut, index) => index === 0 || cut.cut > (result.candidates[index - 1] as ThresholdCut).cut,
        ),
      { message: 'the cuts do not split the n pairs, or the candidates do not ascend', path: ['candidates'] },
    ),
    z.refine(
      (result) =>
        result.test.permutations === result.policy.permutations &&
        (result.interval === null || result.interval.draws === result.policy.bootstrapDraws),
      { message: "the draws are not the policy's", path: ['test', 'permutations'] },
    ),
    z.refine((result) => result.fixedGates.length === result.policy.fixedGates.length, {
      message: "the fixed gates are not the policy's",
      path: ['fixedGates'],
    }),
  );

const thresholdParsers = /* @__PURE__ */ schemaParsers(FidelityThresholdResult);

/**
 * Validates a stored {@link FidelityThresholdResult} (e.g. read back from JSON).
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field (an unknown key, a
 *   missing `policy`, a non-finite number, cuts that do not split `n`, draws that are not the
 *   policy's, a rule not in {@link THRESHOLD_RULES}).
 * @example
 * ```ts
 * import { fidelityThreshold, parseFidelityThresholdResult } from 'scaling-navigator/fidelity';
 * const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
 * const result = fidelityThreshold({ fidelity, outcome: fidelity.map((f) => f >= 0.7) }, { policy: { permutations: 99, bootstrapDraws: 99 } });
 * const stored = JSON.parse(JSON.stringify(result));
 * parseFidelityThresholdResult(stored).associatedLevel?.cut //=> 0.7
 * parseFidelityThresholdResult({ ...stored, n: 41 }) //=> throws INVALID_INPUT at ['candidates']
 * ```
 */
export function parseFidelityThresholdResult(input: unknown): FidelityThresholdResult {
  return thresholdParsers.parse(input);
}

/**
 * {@link parseFidelityThresholdResult} without throwing: `{ success, data }` or `{ success, error }`.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { safeParseFidelityThresholdResult } from 'scaling-navigator/fidelity';
 * safeParseFidelityThresholdResult({ schemaVersion: 2 }).success //=> false
 * ```
 */
export function safeParseFidelityThresholdResult(input: unknown): SafeParseResult<FidelityThresholdResult> {
  return thresholdParsers.safeParse(input);
}
