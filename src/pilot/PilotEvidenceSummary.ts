import type * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { SummaryShape } from './_summarySchema.js';
import type { PilotDesign } from './PilotEvidence.js';
import type { PilotPolicy } from './pilotPolicy.js';

/**
 * Why part of a pilot summary is `null`, or what to keep in mind reading it.
 *
 * - `NO_EFFECT_SIZE`: no effect size (too few students, no variation, a 0% or 100% proportion).
 * - `REPORTED_ESTIMATE`: the study's own (e.g. multilevel) estimate is used as it is.
 * - `DIFFERENCE_IN_DIFFERENCES`: only unadjusted pre- and post-test summaries: g_post − g_pre.
 * - `CLUSTERS_UNKNOWN`: clusters were assigned but not counted, so no clustering correction,
 *   p-value or interval.
 * - `CLUSTERING_UNRESOLVED`: the correction breaks down (a single cluster in an arm, or sizes the
 *   formula cannot take): no p-value or interval.
 * - `NO_COMPARISON_GROUP`: a pre-post design; the "effect" is a standardized change, not an impact.
 * - `JOINERS_PRESENT`: students joined after assignment; they do not offset those who left.
 * - `ATTRITION_BOUNDARY_UNKNOWN`: the boundary table has no row (or no value) for this attrition.
 * - `MDE_UNAVAILABLE`: too few units for a minimum detectable effect.
 * - `NOT_REPRESENTABLE`: values of extreme magnitude overflow the SE or the interval: no inference.
 *
 * @category Pilot
 */
export type PilotNoteCode =
  | 'NO_EFFECT_SIZE'
  | 'REPORTED_ESTIMATE'
  | 'DIFFERENCE_IN_DIFFERENCES'
  | 'CLUSTERS_UNKNOWN'
  | 'CLUSTERING_UNRESOLVED'
  | 'NO_COMPARISON_GROUP'
  | 'JOINERS_PRESENT'
  | 'ATTRITION_BOUNDARY_UNKNOWN'
  | 'MDE_UNAVAILABLE'
  | 'NOT_REPRESENTABLE';

/** Why the indicative ESSA tier is not higher. @category Pilot */
export type EssaReasonCode =
  | 'NOT_RCT'
  | 'NOT_COMPARISON_DESIGN'
  | 'NO_COMPARISON_GROUP'
  | 'ATTRITION_HIGH'
  | 'ATTRITION_UNKNOWN'
  | 'BASELINE_NOT_EQUIVALENT'
  | 'BASELINE_UNKNOWN'
  | 'NO_SIGNIFICANT_FAVOURABLE_EFFECT'
  | 'SIGNIFICANT_UNFAVOURABLE_FINDING'
  | 'TOO_FEW_STUDENTS'
  | 'TOO_FEW_SITES'
  | 'SITES_UNKNOWN'
  | 'NO_CONTROLS';

/** How an effect size was computed. @category Pilot */
export type EffectMethod = 'hedges-g' | 'cox-index' | 'adjusted-means' | 'difference-in-differences' | 'reported';

/** Significantly favourable, significantly unfavourable, or neither. @category Pilot */
export type EffectFinding = 'favourable' | 'unfavourable' | 'not-significant';

/**
 * A baseline comparison: the standardized difference, its WWC band, and whether the effect adjusts for it.
 *
 * @category Pilot
 */
export interface PilotOutcomeBaseline {
  /** g (or the Cox index) of the baseline, treatment minus comparison; `null` when it cannot be computed. */
  readonly estimate: number | null;
  readonly band: 'satisfied' | 'needs-adjustment' | 'not-equivalent' | null;
  /** Whether the effect adjusts for the baseline (adjusted means, difference-in-differences, a model that says so). */
  readonly adjusted: boolean;
}

/**
 * An effect in SD units and its inference, positive = favourable.
 *
 * @category Pilot
 */
export interface PilotEffect {
  readonly nTreatment: number;
  readonly nComparison: number;
  /** After the clustering correction where it applies. */
  readonly estimate: number | null;
  readonly se: number | null;
  /** Hedges' h after the clustering correction; `null` for a normal statistic. */
  readonly df: number | null;
  readonly pValue: number | null;
  readonly confidenceInterval: readonly [number, number] | null;
  /** 100·Φ(estimate) − 50. */
  readonly improvementIndex: number | null;
  /** `null` without a p-value. */
  readonly finding: EffectFinding | null;
}

/** A focal group's own effect on an outcome. @category Pilot */
export interface PilotFocalEffect extends PilotEffect {
  readonly focalGroupId: string;
  /** Fewer than the policy's `minFocalGroupSize` students in an arm, or no estimate. */
  readonly tooSmall: boolean;
}

/** One outcome's effect in a {@link PilotEvidenceSummary}. @category Pilot */
export interface PilotOutcomeEffect extends PilotEffect {
  readonly id: string;
  readonly primary: boolean;
  readonly method: EffectMethod | null;
  /** The estimate before the clustering correction (favourable-signed). */
  readonly uncorrectedEstimate: number | null;
  readonly clusterCorrected: boolean;
  /** The ICC of the correction, when applied. */
  readonly icc: number | null;
  readonly baseline: PilotOutcomeBaseline | null;
  /** Satisfied, or within the adjustable band and adjusted for; `null` without a baseline. */
  readonly baselineEquivalent: boolean | null;
  readonly focalGroups: readonly PilotFocalEffect[];
}

/** Attrition at one level (clusters or students), as shares. @category Pilot */
export interface PilotLevelAttrition {
  readonly overall: number;
  readonly treatment: number;
  readonly comparison: number;
  readonly differential: number;
  /** The boundary of the row for floor(overall %), in percent; `null` when the table has none. */
  readonly maxDifferential: number | null;
  readonly low: boolean | null;
  readonly joiners: number;
}

/** A reason the indicative ESSA tier is not higher. @category Pilot */
export interface EssaReason {
  readonly tier: 1 | 2 | 3;
  readonly code: EssaReasonCode;
  readonly message: string;
}

/**
 * The summary of pilot evidence ({@link summarizePilotEvidence}): every field is always present,
 * `null` (or empty) when the evidence does not give it.
 *
 * @category Pilot
 */
export interface PilotEvidenceSummary {
  readonly schemaVersion: 1;
  readonly evidenceId: string;
  readonly design: PilotDesign;
  readonly outcomes: readonly PilotOutcomeEffect[];
  readonly attrition: {
    readonly boundary: 'cautious' | 'optimistic';
    /** The built-in WWC v4.0 table, or the policy's. */
    readonly table: 'wwc-v4' | 'policy';
    readonly clusters: PilotLevelAttrition | null;
    readonly students: PilotLevelAttrition | null;
    /** Low at every level the assignment needs (clusters and students for cluster assignment); `null` when unknown. */
    readonly low: boolean | null;
  };
  /** The minimum detectable effect of the first primary outcome's design, and the units a balanced re-pilot needs for `minUsefulEffect`. */
  readonly minimumDetectableEffect: {
    readonly outcomeId: string;
    readonly unit: 'cluster' | 'student';
    readonly clusters: number | null;
    readonly students: number;
    readonly icc: number | null;
    readonly mde: number | null;
    readonly unitsForUsefulEffect: number | null;
  } | null;
  /** Indicative only, never a certification. */
  readonly essaTier: {
    readonly tier: 1 | 2 | 3 | 4;
    readonly indicative: true;
    readonly reasonsNotHigher: readonly EssaReason[];
  };
  readonly fidelity: {
    readonly level: number | null;
    readonly shareAtLevel: number;
    readonly interval: readonly [number, number] | null;
    /** shareAtLevel ≥ the policy's `minShareWithFidelity`. */
    readonly adequate: boolean;
  } | null;
  readonly educatorExperience: readonly {
    readonly id: string;
    readonly respondents: number;
    readonly favourable: number;
    readonly share: number;
    /** Wilson interval of the share. */
    readonly confidenceInterval: readonly [number, number];
    /** share < the policy's `minShareFavourable`. */
    readonly struggling: boolean;
  }[];
  /** Adaptations logged, and those that did not preserve the intervention's core (`preservesCore: false`); `null` when none were logged. */
  readonly adaptations: { readonly logged: number; readonly coreChanged: readonly string[] } | null;
  readonly supportsLacking: readonly { readonly id: string; readonly cost: number | null }[];
  readonly balancingMeasures: readonly {
    readonly id: string;
    readonly estimate: number;
    readonly confidenceInterval: readonly [number, number];
    readonly harmMargin: number;
    /** The whole interval lies beyond the harm margin on the harmful side. */
    readonly clearlyWorse: boolean;
  }[];
  readonly team: {
    readonly members: number;
    readonly seniorLeaders: number;
    readonly veteranTeachers: number;
    readonly teachers: number;
    readonly professionalLearningLeads: number;
  } | null;
  readonly sites: { readonly pilot: number; readonly comparison: number; readonly total: number | null } | null;
  readonly localGoals: {
    readonly goals: readonly { readonly id: string; readonly sitesMet: number; readonly sites: number }[];
    /** Every pilot site met every goal. */
    readonly allMet: boolean;
    /** The sites that met every goal with the highest score (all of them when no score is given). */
    readonly bestSites: readonly string[];
  } | null;
  /** The coaches and principals of the best sites. */
  readonly champions: readonly { readonly id: string; readonly role: string; readonly siteId: string | null }[];
  readonly notes: readonly Note<PilotNoteCode>[];
  readonly policy: PilotPolicy;
}

/**
 * Schema of a stored {@link PilotEvidenceSummary} (`schemaVersion: 1`). Use
 * {@link parsePilotEvidenceSummary} for a `ScalingNavigatorError` with a path.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PilotEvidenceSummary } from 'scaling-navigator/pilot';
 * PilotEvidenceSummary.safeParse({ schemaVersion: 1 }).success //=> false
 * ```
 */
export const PilotEvidenceSummary: z.ZodMiniType<PilotEvidenceSummary> =
  SummaryShape as unknown as z.ZodMiniType<PilotEvidenceSummary>;

/** @internal */
export const PILOT_SUMMARY_TYPE: StoredType<PilotEvidenceSummary> = {
  name: 'pilot evidence summary',
  version: 1,
  schema: PilotEvidenceSummary,
};

const parsers = /* @__PURE__ */ schemaParsers(PilotEvidenceSummary);

/**
 * Validates a stored pilot evidence summary against {@link PilotEvidenceSummary}.
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field.
 * @example
 * ```ts
 * import { parsePilotEvidenceSummary } from 'scaling-navigator/pilot';
 * parsePilotEvidenceSummary({ schemaVersion: 2 }) //=> throws INVALID_INPUT at ['schemaVersion']
 * ```
 */
export function parsePilotEvidenceSummary(input: unknown): PilotEvidenceSummary {
  return parsers.parse(input);
}

/**
 * {@link parsePilotEvidenceSummary} returning the error instead of throwing it.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { safeParsePilotEvidenceSummary } from 'scaling-navigator/pilot';
 * safeParsePilotEvidenceSummary({}).success //=> false
 * ```
 */
export function safeParsePilotEvidenceSummary(input: unknown): SafeParseResult<PilotEvidenceSummary> {
  return parsers.safeParse(input);
}
