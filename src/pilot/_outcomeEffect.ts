/**
 * One outcome's effect by the WWC's rules: Hedges' g (or the Cox index for a binary outcome), the
 * adjusted-means g, the difference-in-differences g, or the study's own estimate; then the
 * clustering correction when clusters were assigned and students analysed. Signed so that a
 * positive estimate is favourable.
 *
 * @internal
 * @module
 */
import { twoSidedZ } from '../_lib/inference.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { plusZero } from '../_lib/plusZero.js';
import { coxIndex } from '../stats/coxIndex.js';
import { effectSize } from '../stats/effectSize.js';
import { baselineBand, clusterCorrection, criticalT } from './_wwc.js';
import type { PilotEvidence } from './PilotEvidence.js';
import type { EffectMethod, PilotNoteCode, PilotOutcomeBaseline } from './PilotEvidenceSummary.js';
import type { PilotPolicy } from './pilotPolicy.js';

type Outcome = PilotEvidence['outcomes'][number];
type Group = Outcome['treatment'];

const isBinary = (group: Group): group is { successes: number; n: number } =>
  !Array.isArray(group) && 'successes' in group;

/** The raw (uncorrected, not direction-signed) standardized difference of two groups. */
interface RawEffect {
  readonly g: number | null;
  readonly se: number | null;
  /** ω and S_p, for the adjusted-means g. */
  readonly omega: number | null;
  readonly pooledSd: number | null;
  readonly nTreatment: number;
  readonly nComparison: number;
  /** Why `g` is null. */
  readonly why: string | null;
}

/** Hedges' g, or the Cox index for binary groups. */
function rawEffect(treatment: Group, comparison: Group): RawEffect {
  if (isBinary(treatment) && isBinary(comparison)) {
    const result = coxIndex({ treatment, comparison });
    const g = result.estimate;
    const N = treatment.n + comparison.n;
    // The WWC's SE of an effect size, as for g: √(N/(n_T n_C) + d²/(2N)).
    const se = g === null ? null : Math.sqrt(N / (treatment.n * comparison.n) + (g * g) / (2 * N));
    return {
      g,
      se,
      omega: result.omega,
      pooledSd: null,
      nTreatment: treatment.n,
      nComparison: comparison.n,
      why: result.notes[0]?.message ?? null,
    };
  }
  const result = effectSize({ treatment, comparison } as never);
  return {
    g: result.hedgesG,
    se: result.se,
    omega: result.omega,
    pooledSd: result.pooledSd,
    nTreatment: result.treatment?.n ?? 0,
    nComparison: result.comparison?.n ?? 0,
    why: result.notes[0]?.message ?? null,
  };
}

/** What {@link outcomeEffect} computes. */
export interface ComputedEffect {
  readonly method: EffectMethod | null;
  readonly nTreatment: number;
  readonly nComparison: number;
  readonly estimate: number | null;
  readonly se: number | null;
  readonly df: number | null;
  readonly pValue: number | null;
  readonly confidenceInterval: readonly [number, number] | null;
  readonly uncorrectedEstimate: number | null;
  readonly clusterCorrected: boolean;
  readonly icc: number | null;
  readonly baseline: PilotOutcomeBaseline | null;
  readonly notes: readonly Note<PilotNoteCode>[];
}

/** The settings of the design an outcome shares. */
export interface EffectContext {
  readonly evidence: PilotEvidence;
  readonly policy: PilotPolicy;
  /** Clusters assigned in all, or `null` (students assigned, or not said). */
  readonly clusters: number | null;
  /** Whether clusters were assigned (a unit other than students). */
  readonly clusterAssigned: boolean;
  /** The smallest arm's clusters. */
  readonly fewestClusters: number | null;
}

const finite = (value: number) => (Number.isFinite(value) ? plusZero(value) : null);

/**
 * The effect of one outcome (or of a focal group's part of it, `groups`), signed favourable,
 * with the clustering correction where it applies. `field` prefixes the notes' fields.
 */
function rawOutcomeEffect(
  outcome: Outcome,
  groups: { treatment: Group; comparison: Group; baseline?: Outcome['baseline'] },
  context: EffectContext,
  field: string,
  whole: boolean,
): ComputedEffect {
  const { policy, evidence } = context;
  const notes: Note<PilotNoteCode>[] = [];
  const sign = outcome.direction === 'lowerIsBetter' ? -1 : 1;
  const post = rawEffect(groups.treatment, groups.comparison);
  const base = groups.baseline === undefined ? null : rawEffect(groups.baseline.treatment, groups.baseline.comparison);
  const baseline: PilotOutcomeBaseline | null =
    base === null
      ? null
      : {
          estimate: base.g === null ? null : finite(base.g),
          band: base.g === null ? null : baselineBand(base.g, policy.baselineSatisfied, policy.baselineAdjustable),
          adjusted: false,
        };
  const empty = {
    nTreatment: post.nTreatment,
    nComparison: post.nComparison,
    estimate: null,
    se: null,
    df: null,
    pValue: null,
    confidenceInterval: null,
    uncorrectedEstimate: null,
    clusterCorrected: false,
    icc: null,
  };
  const z = criticalZ(policy.confidenceLevel);
  if (whole && outcome.reported !== undefined) {
    const { estimate, se } = outcome.reported;
    const signed = plusZero(sign * estimate);
    const pValue = outcome.reported.pValue ?? twoSidedZ(estimate / se);
    notes.push(
      note('REPORTED_ESTIMATE', "the study's own estimate is used as it is, with no further correction", field),
    );
    return {
      ...empty,
      method: 'reported',
      estimate: signed,
      se,
      pValue,
      confidenceInterval: intervalOf(signed, z * se),
      uncorrectedEstimate: signed,
      baseline: baseline === null ? null : { ...baseline, adjusted: outcome.reported.adjustedForBaseline ?? false },
      notes,
    };
  }
  let method: EffectMethod = isBinary(groups.treatment) ? 'cox-index' : 'hedges-g';
  let g = post.g;
  let adjusted = false;
  if (g === null) {
    notes.push(note('NO_EFFECT_SIZE', `no effect size: ${post.why ?? 'too few observations'}`, field));
    return { ...empty, method: null, baseline, notes };
  }
  if (outcome.adjustedMeans !== undefined && post.pooledSd !== null && post.omega !== null && whole) {
    method = 'adjusted-means';
    g = (post.omega * (outcome.adjustedMeans.treatment - outcome.adjustedMeans.comparison)) / post.pooledSd;
    adjusted = true;
  } else if (base !== null) {
    if (base.g === null) {
      notes.push(note('NO_EFFECT_SIZE', `no baseline effect size: ${base.why ?? 'too few observations'}`, field));
    } else {
      method = 'difference-in-differences';
      g = g - base.g;
      adjusted = true;
      notes.push(
        note(
          'DIFFERENCE_IN_DIFFERENCES',
          'only unadjusted pre- and post-test summaries were given: the effect is the post-test g minus the pre-test g',
          field,
        ),
      );
    }
  }
  const gValue = finite(g);
  if (gValue === null) {
    notes.push(note('NO_EFFECT_SIZE', 'the effect size is beyond the range of numbers', field));
    return { ...empty, method: null, baseline, notes };
  }
  const N = post.nTreatment + post.nComparison;
  const se = Math.sqrt(N / (post.nTreatment * post.nComparison) + (gValue * gValue) / (2 * N));
  const adjustedBaseline = baseline === null ? null : { ...baseline, adjusted };
  const icc = outcome.icc ?? (outcome.domain === 'behavior' ? policy.iccBehavior : policy.iccAchievement);
  const mismatched =
    evidence.design !== 'pre-post' && context.clusterAssigned && outcome.analysis === 'student' && icc > 0;
  if (!mismatched) {
    const signed = plusZero(sign * gValue);
    return {
      ...empty,
      method,
      estimate: signed,
      se,
      pValue: twoSidedZ(gValue / se),
      confidenceInterval: intervalOf(signed, z * se),
      uncorrectedEstimate: signed,
      baseline: adjustedBaseline,
      notes,
    };
  }
  const signedRaw = plusZero(sign * gValue);
  if (context.clusters === null) {
    notes.push(
      note(
        'CLUSTERS_UNKNOWN',
        'clusters were assigned but their number is not given (assignment.clusters): the clustering correction, and so the p-value and interval, cannot be computed',
        field,
      ),
    );
    return {
      ...empty,
      method,
      estimate: signedRaw,
      se: null,
      uncorrectedEstimate: signedRaw,
      baseline: adjustedBaseline,
      notes,
    };
  }
  // Clusters are known here (`context.clusters` is not null), so their fewest per arm is too.
  if ((context.fewestClusters as number) < 2) {
    notes.push(
      note(
        'CLUSTERING_UNRESOLVED',
        'an arm has a single cluster, so the effect cannot be told from that cluster: no p-value or interval',
        field,
      ),
    );
    return {
      ...empty,
      method,
      estimate: signedRaw,
      se: null,
      uncorrectedEstimate: signedRaw,
      baseline: adjustedBaseline,
      notes,
    };
  }
  const corrected = clusterCorrection(gValue, se, N, context.clusters, icc);
  const signed = plusZero(sign * corrected.estimate);
  const half = criticalT(policy.confidenceLevel, corrected.df) * corrected.se;
  return {
    ...empty,
    method,
    estimate: signed,
    se: corrected.se,
    df: corrected.df,
    pValue: corrected.pValue,
    confidenceInterval: intervalOf(signed, half),
    uncorrectedEstimate: signedRaw,
    clusterCorrected: true,
    icc,
    baseline: adjustedBaseline,
    notes,
  };
}

/**
 * {@link rawOutcomeEffect} with every output finite: values of extreme magnitude (a mean
 * difference near 10³⁰⁰) can overflow the SE or the interval; then the effect's inference is `null`
 * with a `NOT_REPRESENTABLE` note (and the estimate too, when it is not finite).
 */
export function outcomeEffect(
  outcome: Outcome,
  groups: { treatment: Group; comparison: Group; baseline?: Outcome['baseline'] },
  context: EffectContext,
  field: string,
  whole: boolean,
): ComputedEffect {
  const effect = rawOutcomeEffect(outcome, groups, context, field, whole);
  const numbers = [
    effect.estimate,
    effect.se,
    effect.df,
    effect.pValue,
    effect.uncorrectedEstimate,
    ...(effect.confidenceInterval ?? []),
  ];
  if (numbers.every((value) => value === null || Number.isFinite(value))) return effect;
  const estimate = effect.estimate !== null && Number.isFinite(effect.estimate) ? effect.estimate : null;
  const uncorrected =
    effect.uncorrectedEstimate !== null && Number.isFinite(effect.uncorrectedEstimate)
      ? effect.uncorrectedEstimate
      : null;
  return {
    ...effect,
    estimate,
    uncorrectedEstimate: uncorrected,
    se: null,
    df: null,
    pValue: null,
    confidenceInterval: null,
    notes: [
      ...effect.notes,
      note(
        'NOT_REPRESENTABLE',
        'a standard error or bound exceeds the largest floating-point number: no inference',
        field,
      ),
    ],
  };
}

function intervalOf(center: number, half: number): readonly [number, number] | null {
  const lower = center - half;
  const upper = center + half;
  return Number.isFinite(lower) && Number.isFinite(upper) ? [plusZero(lower), plusZero(upper)] : null;
}
