/**
 * The judgements behind {@link assessScale}: each dimension against its target, "at scale" from
 * practitioner counts, and "sustainable" from sustainability and ownership.
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import type { ScaleDimensionId } from '../framework/scaleDimensions.js';
import { DIMENSIONS_RULES, type DimensionsRule } from './dimensionsRules.js';
import type {
  AtScaleJudgement,
  DimensionNoteCode,
  DimensionScore,
  PracticeCounts,
  ScaleNoteCode,
  SustainableJudgement,
} from './ScaleAssessment.js';
import type { ScalePolicy } from './scalePolicy.js';

/** A measure reduced to what the score needs. */
export interface Scored {
  readonly id: string;
  readonly value: number;
  readonly weight: number;
}

type Evidence = DecisionReason['evidence'];

const reason = (rule: DimensionsRule, evidence: Evidence) => ruleReason(DIMENSIONS_RULES, rule, evidence);

/** One dimension's weighted mean (summed in id order), its decision against the target, and why either is unknown. */
export function scoreDimension(
  dimension: ScaleDimensionId,
  bucket: Scored[],
  target: number | null,
  policy: ScalePolicy,
): DimensionScore {
  bucket.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let weighted = 0;
  let totalWeight = 0;
  for (const scored of bucket) {
    weighted += scored.weight * scored.value;
    totalWeight += scored.weight;
  }
  if (!Number.isFinite(totalWeight)) {
    // Weights near the largest double: the same weighted mean of weights relative to the largest.
    const largest = bucket.reduce((max, scored) => Math.max(max, scored.weight), 0);
    weighted = 0;
    totalWeight = 0;
    for (const scored of bucket) {
      weighted += (scored.weight / largest) * scored.value;
      totalWeight += scored.weight / largest;
    }
  }
  const base = { dimension, target, measureCount: bucket.length };
  const unknown = (rule: DimensionsRule, score: number | null, why: Note<DimensionNoteCode>): DimensionScore => ({
    ...base,
    score,
    decision: decide<'met' | 'not-met', DimensionsRule, ScalePolicy>(
      'undetermined',
      [reason(rule, { dimension, score, target, measures: bucket.length })],
      policy,
    ),
    met: null,
    shortfall: null,
    notes: [why],
  });
  if (bucket.length === 0) {
    return unknown(
      'dimensions/no-measures',
      null,
      note('NO_MEASURES', `no measure informs ${dimension}, so its score is unknown (not zero)`, 'score'),
    );
  }
  if (totalWeight === 0) {
    return unknown(
      'dimensions/zero-weight',
      null,
      note('ZERO_WEIGHT', `every ${dimension} measure has weight 0, so there is nothing to average`, 'score'),
    );
  }
  const score = Math.min(1, Math.max(0, weighted / totalWeight));
  if (target === null) {
    return unknown(
      'dimensions/no-target',
      score,
      note('NO_TARGET', `no target was given for ${dimension}`, 'decision'),
    );
  }
  const met = score >= target - policy.tolerance;
  const shortfall = Math.max(0, target - score);
  const evidence = { dimension, score, target, shortfall, tolerance: policy.tolerance };
  return {
    ...base,
    score,
    decision: met
      ? decide('met', [reason('dimensions/target-met', evidence)], policy)
      : decide('not-met', [reason('dimensions/target-not-met', evidence)], policy),
    met,
    shortfall,
    notes: [],
  };
}

/** "At scale" from practitioner counts (or undetermined without them). */
export function judgeAtScale(
  counts: PracticeCounts | null,
  policy: ScalePolicy,
  notes: Note<ScaleNoteCode>[],
): AtScaleJudgement {
  if (counts === null) {
    notes.push(
      note(
        'PRACTICE_NOT_GIVEN',
        'atScale needs counts of intended practitioners and of those using the practice with fidelity',
        'atScale',
      ),
    );
    return {
      decision: decide<'at-scale' | 'not-at-scale', DimensionsRule, ScalePolicy>(
        'undetermined',
        [reason('dimensions/practice-not-given', {})],
        policy,
      ),
      practice: null,
    };
  }
  const share = counts.intended === 0 ? null : counts.withFidelity / counts.intended;
  const practice = { ...counts, share, threshold: policy.atScaleThreshold };
  const evidence = { ...counts, share, atScaleThreshold: policy.atScaleThreshold };
  if (share === null) {
    notes.push(
      note(
        'NO_INTENDED_PRACTITIONERS',
        'no practitioners are intended to use the practice, so there is no share to judge',
        'atScale',
      ),
    );
    return {
      decision: decide<'at-scale' | 'not-at-scale', DimensionsRule, ScalePolicy>(
        'undetermined',
        [reason('dimensions/no-intended-practitioners', evidence)],
        policy,
      ),
      practice,
    };
  }
  const decision =
    share >= policy.atScaleThreshold
      ? decide('at-scale', [reason('dimensions/fidelity-share-reached', evidence)], policy)
      : decide('not-at-scale', [reason('dimensions/fidelity-share-short', evidence)], policy);
  return { decision, practice };
}

/**
 * "Sustainable" as sustainability and ownership both met, in three-valued logic: not sustainable
 * when either is known not met (each shortfall a reason), undetermined when neither falls short
 * but one is unknown.
 */
export function judgeSustainable(
  dimensions: readonly DimensionScore[],
  policy: ScalePolicy,
  notes: Note<ScaleNoteCode>[],
): SustainableJudgement {
  const pair = (['sustainability', 'ownership'] as const).map(
    (id) => dimensions.find((entry) => entry.dimension === id) as DimensionScore,
  );
  const facts = (entry: DimensionScore) => ({ dimension: entry.dimension, score: entry.score, target: entry.target });
  const short = pair.filter((entry) => entry.met === false);
  if (short.length > 0) {
    const reasons = short.map((entry) =>
      reason('dimensions/sustainable-dimension-not-met', { ...facts(entry), shortfall: entry.shortfall }),
    );
    return { decision: decide('not-sustainable', reasons, policy) };
  }
  const unknown = pair.filter((entry) => entry.met === null);
  if (unknown.length > 0) {
    for (const entry of unknown) {
      notes.push(
        entry.dimension === 'sustainability'
          ? note(
              'SUSTAINABILITY_UNKNOWN',
              'sustainability has no score or no target, so it cannot be judged met',
              'sustainable',
            )
          : note('OWNERSHIP_UNKNOWN', 'ownership has no score or no target, so it cannot be judged met', 'sustainable'),
      );
    }
    const reasons = unknown.map((entry) => reason('dimensions/sustainable-dimension-unknown', facts(entry)));
    return {
      decision: decide<'sustainable' | 'not-sustainable', DimensionsRule, ScalePolicy>('undetermined', reasons, policy),
    };
  }
  const [sustainability, ownership] = pair as [DimensionScore, DimensionScore];
  const evidence = {
    sustainabilityScore: sustainability.score,
    sustainabilityTarget: sustainability.target,
    ownershipScore: ownership.score,
    ownershipTarget: ownership.target,
  };
  return { decision: decide('sustainable', [reason('dimensions/sustainability-and-ownership-met', evidence)], policy) };
}
