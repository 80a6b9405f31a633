import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { PILOT_DESIGNS } from './PilotEvidence.js';
import { PilotPolicySchema } from './pilotPolicy.js';

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

const NOTE_CODES = /* @__PURE__ */ Object.keys({
  NO_EFFECT_SIZE: true,
  REPORTED_ESTIMATE: true,
  DIFFERENCE_IN_DIFFERENCES: true,
  CLUSTERS_UNKNOWN: true,
  CLUSTERING_UNRESOLVED: true,
  NO_COMPARISON_GROUP: true,
  JOINERS_PRESENT: true,
  ATTRITION_BOUNDARY_UNKNOWN: true,
  MDE_UNAVAILABLE: true,
  NOT_REPRESENTABLE: true,
} satisfies Record<PilotNoteCode, true>) as [PilotNoteCode, ...PilotNoteCode[]];

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

const ESSA_CODES = /* @__PURE__ */ Object.keys({
  NOT_RCT: true,
  NOT_COMPARISON_DESIGN: true,
  NO_COMPARISON_GROUP: true,
  ATTRITION_HIGH: true,
  ATTRITION_UNKNOWN: true,
  BASELINE_NOT_EQUIVALENT: true,
  BASELINE_UNKNOWN: true,
  NO_SIGNIFICANT_FAVOURABLE_EFFECT: true,
  SIGNIFICANT_UNFAVOURABLE_FINDING: true,
  TOO_FEW_STUDENTS: true,
  TOO_FEW_SITES: true,
  SITES_UNKNOWN: true,
  NO_CONTROLS: true,
} satisfies Record<EssaReasonCode, true>) as [EssaReasonCode, ...EssaReasonCode[]];

/** How an effect size was computed. @category Pilot */
export type EffectMethod = 'hedges-g' | 'cox-index' | 'adjusted-means' | 'difference-in-differences' | 'reported';

const Finite = z.number();
const FiniteOrNull = z.nullable(z.number());
const Count = z.int().check(z.gte(0));
const ShareSchema = z.number().check(z.gte(0), z.lte(1));
const Interval = z
  .tuple([z.number(), z.number()])
  .check(z.refine((interval) => interval[0] <= interval[1], 'the lower bound exceeds the upper bound'));
const IntervalOrNull = z.nullable(Interval);
const Text = z.string().check(z.minLength(1));
const NoteSchema = z.strictObject({ code: z.enum(NOTE_CODES), message: z.string(), field: z.nullable(z.string()) });
const Finding = z.nullable(z.enum(['favourable', 'unfavourable', 'not-significant']));

const Baseline = z.nullable(
  z.strictObject({
    estimate: FiniteOrNull,
    band: z.nullable(z.enum(['satisfied', 'needs-adjustment', 'not-equivalent'])),
    adjusted: z.boolean(),
  }),
);
/** A baseline comparison: the standardized difference, its WWC band, and whether the effect adjusts for it. @category Pilot */
export type PilotOutcomeBaseline = DeepReadonly<NonNullable<z.infer<typeof Baseline>>>;

const effectFields = {
  nTreatment: Count,
  nComparison: Count,
  /** The effect in SD units, positive = favourable, after the clustering correction where it applies. */
  estimate: FiniteOrNull,
  se: z.nullable(z.number().check(z.gte(0))),
  /** Hedges' h after the clustering correction; `null` for a normal statistic. */
  df: FiniteOrNull,
  pValue: z.nullable(ShareSchema),
  confidenceInterval: IntervalOrNull,
  improvementIndex: z.nullable(z.number().check(z.gte(-50), z.lte(50))),
  /** Significantly favourable, significantly unfavourable, or neither; `null` without a p-value. */
  finding: Finding,
};

const FocalEffect = z.strictObject({ focalGroupId: Text, ...effectFields, tooSmall: z.boolean() });

const OutcomeEffect = z.strictObject({
  id: Text,
  primary: z.boolean(),
  method: z.nullable(z.enum(['hedges-g', 'cox-index', 'adjusted-means', 'difference-in-differences', 'reported'])),
  ...effectFields,
  /** The estimate before the clustering correction (favourable-signed). */
  uncorrectedEstimate: FiniteOrNull,
  clusterCorrected: z.boolean(),
  icc: z.nullable(ShareSchema),
  baseline: Baseline,
  /** Baseline equivalence on the analytic sample: satisfied, or within the adjustable band and adjusted for. */
  baselineEquivalent: z.nullable(z.boolean()),
  focalGroups: z.array(FocalEffect),
});

const LevelAttrition = z.nullable(
  z.strictObject({
    overall: ShareSchema,
    treatment: ShareSchema,
    comparison: ShareSchema,
    differential: ShareSchema,
    maxDifferential: z.nullable(z.number()),
    low: z.nullable(z.boolean()),
    joiners: Count,
  }),
);

const EssaReason = z.strictObject({
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  code: z.enum(ESSA_CODES),
  message: z.string(),
});

const Member = z.strictObject({ id: Text, role: Text, siteId: z.nullable(Text) });

const SummaryShape = z.strictObject({
  schemaVersion: z.literal(1),
  evidenceId: Text,
  design: z.enum(PILOT_DESIGNS),
  outcomes: z.array(OutcomeEffect),
  attrition: z.strictObject({
    boundary: z.enum(['cautious', 'optimistic']),
    table: z.enum(['wwc-v4', 'policy']),
    clusters: LevelAttrition,
    students: LevelAttrition,
    low: z.nullable(z.boolean()),
  }),
  minimumDetectableEffect: z.nullable(
    z.strictObject({
      outcomeId: Text,
      unit: z.enum(['cluster', 'student']),
      clusters: z.nullable(Count),
      students: Count,
      icc: z.nullable(ShareSchema),
      mde: FiniteOrNull,
      unitsForUsefulEffect: z.nullable(Count),
    }),
  ),
  essaTier: z.strictObject({
    tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    indicative: z.literal(true),
    reasonsNotHigher: z.array(EssaReason),
  }),
  fidelity: z.nullable(
    z.strictObject({
      level: FiniteOrNull,
      shareAtLevel: ShareSchema,
      interval: IntervalOrNull,
      adequate: z.boolean(),
    }),
  ),
  educatorExperience: z.array(
    z.strictObject({
      id: Text,
      respondents: Count,
      favourable: Count,
      share: ShareSchema,
      confidenceInterval: Interval,
      struggling: z.boolean(),
    }),
  ),
  supportsLacking: z.array(z.strictObject({ id: Text, cost: FiniteOrNull })),
  balancingMeasures: z.array(
    z.strictObject({
      id: Text,
      estimate: Finite,
      confidenceInterval: Interval,
      harmMargin: Finite,
      clearlyWorse: z.boolean(),
    }),
  ),
  team: z.nullable(
    z.strictObject({
      members: Count,
      seniorLeaders: Count,
      veteranTeachers: Count,
      teachers: Count,
      professionalLearningLeads: Count,
    }),
  ),
  sites: z.nullable(z.strictObject({ pilot: Count, comparison: Count, total: z.nullable(Count) })),
  localGoals: z.nullable(
    z.strictObject({
      goals: z.array(z.strictObject({ id: Text, sitesMet: Count, sites: Count })),
      allMet: z.boolean(),
      bestSites: z.array(Text),
    }),
  ),
  champions: z.array(Member),
  notes: z.array(NoteSchema),
  policy: PilotPolicySchema,
});

/**
 * The summary of pilot evidence ({@link summarizePilotEvidence}).
 *
 * @category Pilot
 */
export type PilotEvidenceSummary = DeepReadonly<z.infer<typeof SummaryShape>>;

/** `T` with every property and array read-only. @internal */
export type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** One outcome's effect in a {@link PilotEvidenceSummary}. @category Pilot */
export type PilotOutcomeEffect = PilotEvidenceSummary['outcomes'][number];

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
