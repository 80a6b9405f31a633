import { type ErrorPath, invalid } from '../_lib/errors.js';
import type { Note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { requireArray, requireNumber, requireRecord, requireUniqueId } from '../_lib/validate.js';
import { Measure, type MeasureInput } from '../framework/Measure.js';
import { ScaleTargets } from '../framework/ScaleTargets.js';
import { SCALE_DIMENSION_IDS, type ScaleDimensionId } from '../framework/scaleDimensions.js';
import { judgeAtScale, judgeSustainable, type Scored, scoreDimension } from './_judgeScale.js';
import type { PracticeCounts, ScaleAssessment, ScaleNoteCode } from './ScaleAssessment.js';
import { type ScalePolicy, scalePolicyDefinition } from './scalePolicy.js';

/**
 * Options for {@link assessScale}.
 *
 * @category Scale assessment
 */
export interface AssessScaleOptions {
  /** Counts for `atScale`; without them `atScale` is undetermined. */
  readonly practice?: PracticeCounts;
  /** Overrides of {@link DEFAULT_SCALE_POLICY}. */
  readonly policy?: Partial<ScalePolicy>;
}

const ASSESS_SCALE_OPTION_KEYS = keysOf<AssessScaleOptions>()('practice', 'policy');
const PRACTICE_KEYS = keysOf<PracticeCounts>()('intended', 'withFidelity');

/** The most measures {@link assessScale} takes. */
const MAX_MEASURES = 2 ** 31 - 1;

/**
 * Normalizes a measure's value to [0, 1], flipping it when lower is better. A scale wider than the
 * largest double (`{ min: -1e308, max: 1e308 }`) is normalized on halves, which cannot overflow.
 */
function normalize(measure: Measure, path: ErrorPath): number {
  const { min, max } = measure.scale;
  const lower = measure.direction === 'lowerIsBetter';
  let value = lower ? (max - measure.value) / (max - min) : (measure.value - min) / (max - min);
  if (!Number.isFinite(max - min)) {
    value = lower
      ? (max / 2 - measure.value / 2) / (max / 2 - min / 2)
      : (measure.value / 2 - min / 2) / (max / 2 - min / 2);
  }
  if (Number.isNaN(value)) invalid(path, 'this value cannot be placed on its scale');
  return Math.min(1, Math.max(0, value)) + 0;
}

function readPractice(practice: unknown): PracticeCounts {
  const record = requireRecord(practice, ['options', 'practice']);
  requireKnownKeys(record, PRACTICE_KEYS, ['options', 'practice']);
  const countRule = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
  const intended = requireNumber(record.intended, ['options', 'practice', 'intended'], countRule);
  const withFidelity = requireNumber(record.withFidelity, ['options', 'practice', 'withFidelity'], countRule);
  if (withFidelity > intended) {
    invalid(
      ['options', 'practice', 'withFidelity'],
      `cannot exceed intended (${intended}): only intended practitioners can use the practice with fidelity`,
    );
  }
  return { intended: intended + 0, withFidelity: withFidelity + 0 }; // −0 as 0
}

/**
 * Scores each scale dimension from measures and judges it against targets; judges "at scale" and
 * "sustainable" separately, as the research summary on scaling up insists they differ.
 *
 * Each measure's value is normalized to [0, 1] on its scale, x = (v − min) / (max − min),
 * flipped (1 − x) when lower is better; a dimension's score is the weighted mean Σ wᵢxᵢ / Σ wᵢ of
 * its measures, summed in measure-id order so that the order of the input never changes the
 * result. A dimension with no measure has `score: null` and an undetermined decision — not a score
 * of 0: unknown is not "no". Each dimension's `decision` is `'met'` when its score reaches its
 * target (within `policy.tolerance`), with score, target and shortfall in the reason.
 *
 * - `atScale.decision` (the research summary on scaling up: practice carried out by the majority;
 *   NIRN full implementation) asks whether the share of *intended practitioners* who use the
 *   practice *with fidelity* reaches `policy.atScaleThreshold` (default 0.5, reached means ≥). It
 *   is judged from counts, not from the depth and spread scores: two averages can both pass while
 *   the many reached are shallow and the deep are few.
 * - `sustainable.decision` is sustainability and ownership both met (the research summary: at
 *   scale is not sustainable), in three-valued logic: `'sustainable'` when both are met,
 *   `'not-sustainable'` when either is known not met, `'undetermined'` otherwise.
 *
 * Every reason names a rule of {@link DIMENSIONS_RULES}; every decision echoes the effective policy.
 * Measures that inform only a strategy are counted in `measuresWithoutDimension` and left out.
 * O(m log m) for m measures. Inputs are not mutated.
 *
 * @category Scale assessment
 * @param measures - `Measure`s (see the framework's `Measure` schema); ids must be unique.
 * @param targets - Target per dimension in [0, 1], e.g. `{ depth: 0.7 }`.
 * @param options - `practice` counts for `atScale`; `policy` overrides.
 * The result carries `schemaVersion: 1`, is frozen, and matches the exported
 * {@link ScaleAssessment} schema (`parseScaleAssessment` checks a stored one). Every score is
 * finite: scales wider than the largest double are normalized on halves, and weights are summed
 * relative to the largest when their plain sum would overflow.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for a measure that fails the `Measure` schema
 *   (NaN or ±Infinity, unknown dimension or key, `scale.min ≥ scale.max`, value off the scale,
 *   weight < 0), a hole in `measures`, duplicate measure ids, unknown target keys or targets outside
 *   [0, 1], bad practice counts (not whole numbers in [0, 2⁵³ − 1], `withFidelity` above
 *   `intended`, an unknown key), and unknown option or policy keys (with a suggestion).
 *   `LIMIT_EXCEEDED` for more than 2³¹ − 1 measures.
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
 * result.atScale.decision.action //=> 'not-at-scale'
 * result.atScale.decision.reasons[0].evidence //=> { intended: 400, withFidelity: 180, share: 0.45, atScaleThreshold: 0.5 }
 * result.sustainable.decision.action //=> 'undetermined'
 * result.notes.map((entry) => [entry.code, entry.field]) //=> [['SUSTAINABILITY_UNKNOWN', 'sustainable'], ['OWNERSHIP_UNKNOWN', 'sustainable']]
 * Object.isFrozen(result) //=> true
 * assessScale([], {}, { practise: { intended: 4, withFidelity: 1 } } as never) //=> throws INVALID_INPUT at ['options', 'practise']
 * assessScale([], {}, { practice: { intended: 4, fidelity: 1 } } as never) //=> throws INVALID_INPUT at ['options', 'practice', 'fidelity']
 * ```
 */
export function assessScale(
  measures: readonly MeasureInput[],
  targets: ScaleTargets = {},
  options: AssessScaleOptions = {},
): ScaleAssessment {
  const list = requireArray(measures, ['measures']);
  requireDenseArray(list, ['measures'], MAX_MEASURES);
  const parsedTargets = parseOrThrow(ScaleTargets, targets, ['targets']);
  const optionRecord = readOptions<AssessScaleOptions>(options, ASSESS_SCALE_OPTION_KEYS, ['options']);
  const policy = scalePolicyDefinition.resolve(optionRecord.policy, ['options', 'policy']);

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
    bucket.push({ id: measure.id, value: normalize(measure, ['measures', index, 'value']), weight: measure.weight });
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
  const counts = optionRecord.practice === undefined ? null : readPractice(optionRecord.practice);
  const atScale = judgeAtScale(counts, policy, notes);
  const sustainable = judgeSustainable(dimensions, policy, notes);

  return sealResult(
    {
      schemaVersion: 1,
      dimensions,
      weakest,
      atScale,
      sustainable,
      measuresWithoutDimension,
      notes,
      policy,
    },
    'scale assessment',
  );
}
