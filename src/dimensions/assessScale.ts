import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { requireArray, requireNumber, requireRecord, requireUniqueId } from '../_lib/validate.js';
import { Measure, type MeasureInput } from '../framework/Measure.js';
import { ScaleTargets } from '../framework/ScaleTargets.js';
import { SCALE_DIMENSION_IDS, type ScaleDimensionId } from '../framework/scaleDimensions.js';
import { resolveScalePolicy, type ScalePolicy } from './scalePolicy.js';

/**
 * Why a dimension has no score, or no yes/no against a target.
 *
 * - `NO_MEASURES`: no measure informs the dimension (unknown is not "no").
 * - `ZERO_WEIGHT`: its measures all have weight 0.
 * - `NO_TARGET`: scored, but no target was given, so `met` is `null`.
 *
 * @category Scale assessment
 */
export type DimensionNoteCode = 'NO_MEASURES' | 'ZERO_WEIGHT' | 'NO_TARGET';

/**
 * Why `atScale` or `sustainable` is `null`.
 *
 * - `PRACTICE_NOT_GIVEN`: `options.practice` was not passed.
 * - `NO_INTENDED_PRACTITIONERS`: `practice.intended` is 0.
 * - `SUSTAINABILITY_UNKNOWN` / `OWNERSHIP_UNKNOWN`: that dimension's `met` is `null`.
 *
 * @category Scale assessment
 */
export type ScaleNoteCode =
  | 'PRACTICE_NOT_GIVEN'
  | 'NO_INTENDED_PRACTITIONERS'
  | 'SUSTAINABILITY_UNKNOWN'
  | 'OWNERSHIP_UNKNOWN';

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
 * Options for {@link assessScale}.
 *
 * @category Scale assessment
 */
export interface AssessScaleOptions {
  /** Counts for `atScale`; without them `atScale` is `null`. */
  readonly practice?: PracticeCounts;
  /** Overrides of {@link DEFAULT_SCALE_POLICY}. */
  readonly policy?: Partial<ScalePolicy>;
}

/**
 * One dimension's result in {@link ScaleAssessment}.
 *
 * @category Scale assessment
 */
export interface DimensionScore {
  readonly dimension: ScaleDimensionId;
  /** Weighted mean of the normalized measures in [0, 1], or `null` (see `note`). */
  readonly score: number | null;
  /** The target given for this dimension, or `null`. */
  readonly target: number | null;
  /** `score ≥ target` (within the policy's tolerance); `null` when either is missing. */
  readonly met: boolean | null;
  /** `max(0, target − score)`, or `null` when either is missing. */
  readonly shortfall: number | null;
  /** Measures informing this dimension (weight 0 included). */
  readonly measureCount: number;
  /** Why `score` or `met` is `null`; `null` when both are known. */
  readonly note: Note<DimensionNoteCode> | null;
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
 * The result of {@link assessScale}.
 *
 * @category Scale assessment
 */
export interface ScaleAssessment {
  /** One entry per scale dimension, in catalog order (depth, sustainability, spread, ownership). */
  readonly dimensions: readonly DimensionScore[];
  /** The scored dimension with the lowest score (ties: catalog order); `null` when none is scored. */
  readonly weakest: ScaleDimensionId | null;
  /** Whether the share of intended practitioners using the practice with fidelity reaches the threshold. */
  readonly atScale: boolean | null;
  /** The counts and share behind `atScale`; `null` when no counts were given. */
  readonly practice: PracticeShare | null;
  /** Sustainability and ownership both met (three-valued: `false` if either is not met). */
  readonly sustainable: boolean | null;
  /** Measures that inform only a strategy, not a dimension (left out of the scores). */
  readonly measuresWithoutDimension: number;
  /** Why `atScale` or `sustainable` is `null`. */
  readonly notes: readonly Note<ScaleNoteCode>[];
  /** The effective policy. */
  readonly policy: ScalePolicy;
}

interface Scored {
  readonly id: string;
  readonly value: number;
  readonly weight: number;
}

/** Normalizes a measure's value to [0, 1], flipping it when lower is better. */
function normalize(measure: Measure): number {
  const { min, max } = measure.scale;
  const span = max - min;
  const value = measure.direction === 'lowerIsBetter' ? (max - measure.value) / span : (measure.value - min) / span;
  return Math.min(1, Math.max(0, value));
}

function readPractice(practice: unknown): PracticeCounts {
  const record = requireRecord(practice, ['options', 'practice']);
  const intended = requireNumber(record.intended, ['options', 'practice', 'intended'], { min: 0, integer: true });
  const withFidelity = requireNumber(record.withFidelity, ['options', 'practice', 'withFidelity'], {
    min: 0,
    integer: true,
  });
  if (withFidelity > intended) {
    invalid(
      ['options', 'practice', 'withFidelity'],
      `cannot exceed intended (${intended}): only intended practitioners can use the practice with fidelity`,
    );
  }
  return { intended, withFidelity };
}

/** One dimension's weighted mean (summed in id order), its judgement against the target, and why either is unknown. */
function scoreDimension(
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
  const base = { dimension, target, measureCount: bucket.length };
  if (bucket.length === 0) {
    const why = note('NO_MEASURES', `no measure informs ${dimension}, so its score is unknown (not zero)`);
    return { ...base, score: null, met: null, shortfall: null, note: why };
  }
  if (totalWeight === 0) {
    const why = note('ZERO_WEIGHT', `every ${dimension} measure has weight 0, so there is nothing to average`);
    return { ...base, score: null, met: null, shortfall: null, note: why };
  }
  const score = Math.min(1, Math.max(0, weighted / totalWeight));
  if (target === null) {
    const why = note('NO_TARGET', `no target was given for ${dimension}`);
    return { ...base, score, met: null, shortfall: null, note: why };
  }
  return {
    ...base,
    score,
    met: score >= target - policy.tolerance,
    shortfall: Math.max(0, target - score),
    note: null,
  };
}

/** Kleene AND of two yes/no/unknown values. */
function both(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/**
 * Scores each scale dimension from measures and judges it against targets; judges "at scale" and
 * "sustainable" separately, as the research summary on scaling up insists they differ.
 *
 * Each measure's value is normalized to [0, 1] on its scale, $x = (v - \min)/(\max - \min)$,
 * flipped ($1 - x$) when lower is better; a dimension's score is the weighted mean
 * $\sum w_i x_i / \sum w_i$ of its measures, summed in measure-id order so that the order of the
 * input never changes the result. A dimension with no measure has `score: null` and a note — not
 * a score of 0: unknown is not "no".
 *
 * - `atScale` (research summary on scaling up, "at scale" vs "sustainable"; NIRN full implementation) asks whether the
 *   share of *intended practitioners* who use the practice *with fidelity* reaches
 *   `policy.atScaleThreshold` (default 0.5, reached means ≥). It is judged from counts, not from
 *   the depth and spread scores: two averages can both pass while the many reached are shallow and
 *   the deep are few.
 * - `sustainable` is sustainability and ownership both met, in three-valued logic: `true` when both
 *   are met, `false` when either is known not met, `null` otherwise.
 *
 * Measures that inform only a strategy are counted in `measuresWithoutDimension` and left out.
 * O(m log m) for m measures. Inputs are not mutated.
 *
 * @category Scale assessment
 * @param measures - `Measure`s (see the framework's `Measure` schema); ids must be unique.
 * @param targets - Target per dimension in [0, 1], e.g. `{ depth: 0.7 }`.
 * @param options - `practice` counts for `atScale`; `policy` overrides.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a measure that fails the `Measure` schema
 *   (NaN or ±Infinity, unknown dimension, `scale.min ≥ scale.max`, value off the scale, weight < 0),
 *   duplicate measure ids, unknown target keys or targets outside [0, 1], and bad practice counts.
 * @example
 * ```ts
 * import { assessScale } from 'scaling-navigator/dimensions';
 * const result = assessScale(
 *   [
 *     { id: 'walkthroughs', dimension: 'depth', value: 3, scale: { min: 1, max: 5 } },
 *     { id: 'schools-reached', dimension: 'spread', value: 12, scale: { min: 0, max: 16 } },
 *   ],
 *   { depth: 0.6, spread: 0.7 },
 *   { practice: { intended: 400, withFidelity: 180 } },
 * );
 * result.dimensions.map((d) => [d.dimension, d.score, d.met])
 * //=> [['depth', 0.5, false], ['sustainability', null, null], ['spread', 0.75, true], ['ownership', null, null]]
 * result.weakest //=> 'depth'
 * result.atScale //=> false
 * result.sustainable //=> null
 * ```
 */
export function assessScale(
  measures: readonly MeasureInput[],
  targets: ScaleTargets = {},
  options: AssessScaleOptions = {},
): ScaleAssessment {
  const list = requireArray(measures, ['measures']);
  const parsedTargets = parseOrThrow(ScaleTargets, targets, ['targets']);
  const optionRecord = requireRecord(options, ['options']);
  const policy = resolveScalePolicy(optionRecord.policy, ['options', 'policy']);

  const byDimension = new Map<ScaleDimensionId, Scored[]>();
  const seen = new Set<string>();
  let measuresWithoutDimension = 0;
  list.forEach((input, index) => {
    const measure = parseOrThrow(Measure, input, ['measures', index]);
    requireUniqueId(seen, measure.id, ['measures', index, 'id'], 'measure id');
    if (measure.dimension === undefined) {
      measuresWithoutDimension += 1;
      return;
    }
    const bucket = byDimension.get(measure.dimension) ?? [];
    bucket.push({ id: measure.id, value: normalize(measure), weight: measure.weight });
    byDimension.set(measure.dimension, bucket);
  });

  const dimensions = SCALE_DIMENSION_IDS.map((dimension) =>
    scoreDimension(dimension, byDimension.get(dimension) ?? [], parsedTargets[dimension] ?? null, policy),
  );

  let weakest: ScaleDimensionId | null = null;
  let weakestScore = Number.POSITIVE_INFINITY;
  for (const entry of dimensions) {
    if (entry.score !== null && entry.score < weakestScore) {
      weakest = entry.dimension;
      weakestScore = entry.score;
    }
  }

  const notes: Note<ScaleNoteCode>[] = [];
  let practice: PracticeShare | null = null;
  let atScale: boolean | null = null;
  if (optionRecord.practice === undefined) {
    notes.push(
      note(
        'PRACTICE_NOT_GIVEN',
        'atScale needs counts of intended practitioners and of those using the practice with fidelity',
      ),
    );
  } else {
    const counts = readPractice(optionRecord.practice);
    const share = counts.intended === 0 ? null : counts.withFidelity / counts.intended;
    practice = { ...counts, share, threshold: policy.atScaleThreshold };
    if (share === null) {
      notes.push(
        note(
          'NO_INTENDED_PRACTITIONERS',
          'no practitioners are intended to use the practice, so there is no share to judge',
        ),
      );
    } else {
      atScale = share >= policy.atScaleThreshold;
    }
  }

  const metOf = (dimension: ScaleDimensionId) => dimensions.find((entry) => entry.dimension === dimension)?.met ?? null;
  const sustainability = metOf('sustainability');
  const ownership = metOf('ownership');
  const sustainable = both(sustainability, ownership);
  if (sustainable === null) {
    if (sustainability === null) {
      notes.push(
        note('SUSTAINABILITY_UNKNOWN', 'sustainability has no score or no target, so it cannot be judged met'),
      );
    }
    if (ownership === null) {
      notes.push(note('OWNERSHIP_UNKNOWN', 'ownership has no score or no target, so it cannot be judged met'));
    }
  }

  return {
    dimensions,
    weakest,
    atScale,
    practice,
    sustainable,
    measuresWithoutDimension,
    notes,
    policy,
  };
}
