/**
 * The zod schema of a stored {@link PilotEvidenceSummary}; the compiler checks that it infers the
 * interfaces written out in PilotEvidenceSummary.ts.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { PILOT_DESIGNS } from './PilotEvidence.js';
import type { EssaReasonCode, PilotEvidenceSummary, PilotNoteCode } from './PilotEvidenceSummary.js';
import { PilotPolicySchema } from './pilotPolicy.js';

/** `T` with every property and array read-only. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

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

export const SummaryShape = /* @__PURE__ */ z.strictObject({
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
  adaptations: z.nullable(z.strictObject({ logged: Count, coreChanged: z.array(Text) })),
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

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the schema and the interfaces drift apart. */
const inferredMatches: Same<DeepReadonly<z.infer<typeof SummaryShape>>, PilotEvidenceSummary> = true;
void inferredMatches;
