import { type Note, note } from '../_lib/notes.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { type EffectSizeResult, effectSize, proportionInterval } from '../stats/index.js';
import { finiteOrNull, plusZero } from './_resultSchemas.js';
import { type PdsaCycle, type PdsaCycleInput, type PdsaGroup, parsePdsaCycle } from './PdsaCycle.js';
import type { PdsaGroupSummary, PdsaNoteCode, PdsaStudy, PdsaUnitsImproved } from './PdsaStudy.js';
import { type PdsaPolicy, resolvePdsaPolicy } from './pdsaPolicy.js';

/**
 * Options for {@link studyPdsa}.
 *
 * @category PDSA cycles
 */
export interface StudyPdsaOptions {
  /** Overrides of {@link DEFAULT_PDSA_POLICY} (`minUnits` and `confidenceLevel` matter here). */
  readonly policy?: Partial<PdsaPolicy>;
}

/** The keys of {@link StudyPdsaOptions} (and of the other PDSA functions' options). @internal */
export const PDSA_OPTION_KEYS = /* @__PURE__ */ keysOf<StudyPdsaOptions>()('policy');

interface UnitValues {
  reference: number[];
  tested: number[];
}

/** The mean; when the sum overflows, the mean of the values each divided by n first (always finite). */
const meanOf = (values: readonly number[]): number => {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  if (Number.isFinite(mean)) return plusZero(mean);
  let scaled = 0;
  for (const value of values) scaled += value / values.length;
  return plusZero(scaled);
};

/** A group's mean as `effectSize` reports it, or the overflow-safe mean when it has none. */
const groupMean = (stats: EffectSizeResult['treatment'], values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const mean = stats?.mean;
  return mean !== undefined && Number.isFinite(mean) ? plusZero(mean) : meanOf(values);
};

/** Study of an already-parsed cycle with a resolved policy. @internal */
export function studyParsedPdsa(cycle: PdsaCycle, policy: PdsaPolicy): PdsaStudy {
  const beforeAfter = cycle.do.design === 'before-after';
  const referenceGroup: PdsaGroup = beforeAfter ? 'before' : 'comparison';
  const testedGroup: PdsaGroup = beforeAfter ? 'after' : 'treatment';
  const byUnit = new Map<string, UnitValues>();
  let firstObservedOn: string | null = null;
  let lastObservedOn: string | null = null;
  for (const observation of cycle.do.observations) {
    const entry = byUnit.get(observation.unit) ?? { reference: [], tested: [] };
    (observation.group === referenceGroup ? entry.reference : entry.tested).push(observation.value);
    byUnit.set(observation.unit, entry);
    if (firstObservedOn === null || observation.date < firstObservedOn) firstObservedOn = observation.date;
    if (lastObservedOn === null || observation.date > lastObservedOn) lastObservedOn = observation.date;
  }

  const reference: number[] = [];
  const tested: number[] = [];
  let unitsUnpaired = 0;
  let improved = 0;
  const sign = cycle.plan.prediction.direction === 'increase' ? 1 : -1;
  for (const entry of byUnit.values()) {
    const hasReference = entry.reference.length > 0;
    const hasTested = entry.tested.length > 0;
    if (beforeAfter && !(hasReference && hasTested)) {
      unitsUnpaired += 1;
      continue;
    }
    if (hasReference) reference.push(meanOf(entry.reference));
    if (hasTested) tested.push(meanOf(entry.tested));
    if (beforeAfter && ((tested.at(-1) as number) - (reference.at(-1) as number)) * sign > 0) improved += 1;
  }

  const effect = effectSize({ treatment: tested, comparison: reference }, { confidenceLevel: policy.confidenceLevel });
  const summary = (
    group: PdsaGroup,
    values: readonly number[],
    stats: EffectSizeResult['treatment'],
  ): PdsaGroupSummary => ({
    group,
    units: values.length,
    mean: groupMean(stats, values),
    sd: stats === null ? null : finiteOrNull(stats.sd),
  });
  const referenceSummary = summary(referenceGroup, reference, effect.comparison);
  const testedSummary = summary(testedGroup, tested, effect.treatment);

  const notes: Note<PdsaNoteCode>[] = [];
  const predictedChange = sign * cycle.plan.prediction.amount;
  const rawChange =
    referenceSummary.mean === null || testedSummary.mean === null ? null : testedSummary.mean - referenceSummary.mean;
  const observedChange = rawChange === null ? null : finiteOrNull(rawChange);
  const rawDifference = observedChange === null ? null : observedChange - predictedChange;
  const difference = rawDifference === null ? null : finiteOrNull(rawDifference);
  if (rawChange !== null && observedChange === null) {
    notes.push(
      note('OUT_OF_RANGE', 'the observed change is beyond the range of double-precision numbers', 'observedChange'),
    );
  } else if (rawDifference !== null && difference === null) {
    notes.push(
      note(
        'OUT_OF_RANGE',
        'the observed change less the predicted one is beyond the range of double-precision numbers',
        'difference',
      ),
    );
  }
  let attainment: number | null = null;
  if (observedChange !== null) {
    // The means are held to about one unit in the last place; a predicted amount below that
    // resolution cannot be told from no change, and a ratio to it is noise.
    const resolution =
      Number.EPSILON * Math.max(Math.abs(referenceSummary.mean as number), Math.abs(testedSummary.mean as number));
    const ratio = observedChange / predictedChange;
    if (Math.abs(predictedChange) <= resolution || !Number.isFinite(ratio)) {
      notes.push(
        note(
          'NO_ATTAINMENT',
          `the predicted change (${predictedChange}) vanishes against the means (${referenceSummary.mean} and ${testedSummary.mean}): no attainment can be read from it`,
          'attainment',
        ),
      );
    } else {
      attainment = plusZero(ratio);
    }
  }
  const enough = reference.length >= policy.minUnits && tested.length >= policy.minUnits;

  if (!enough) {
    notes.push(
      note(
        'TOO_FEW_UNITS',
        `${reference.length} ${referenceGroup} and ${tested.length} ${testedGroup} units; the policy asks for at least ${policy.minUnits} in each`,
        null,
      ),
    );
  }
  if (unitsUnpaired > 0) {
    notes.push(
      note(
        'UNPAIRED_UNITS',
        `${unitsUnpaired} unit(s) observed only before or only after were left out of the comparison`,
        'unitsUnpaired',
      ),
    );
  }
  if (tested.length < cycle.plan.sample.size) {
    notes.push(
      note(
        'SAMPLE_SHORT',
        `${tested.length} of the ${cycle.plan.sample.size} planned ${cycle.plan.sample.unit} units were tested`,
        'tested',
      ),
    );
  }
  if (effect.estimate === null) {
    notes.push(note('NO_EFFECT_SIZE', `no effect size: ${effect.notes[0]?.message ?? 'too few units'}`, 'effectSize'));
  }

  let unitsImproved: PdsaUnitsImproved | null = null;
  if (beforeAfter && tested.length > 0) {
    const interval = proportionInterval(improved, tested.length, { confidenceLevel: policy.confidenceLevel });
    unitsImproved = {
      improved,
      units: tested.length,
      share: interval.estimate as number,
      confidenceInterval: interval.confidenceInterval as readonly [number, number],
    };
  }

  return sealResult(
    {
      schemaVersion: 1,
      cycleId: cycle.id,
      strategyId: cycle.plan.strategyId,
      design: cycle.do.design,
      measure: cycle.plan.measure,
      predictedChange,
      reference: referenceSummary,
      tested: testedSummary,
      observedChange,
      difference,
      attainment,
      direction:
        rawChange === null ? null : rawChange * sign > 0 ? 'as-predicted' : rawChange * sign < 0 ? 'opposite' : 'none',
      unitsPlanned: cycle.plan.sample.size,
      unitsUnpaired,
      unitsImproved,
      effectSize: effect,
      firstObservedOn,
      lastObservedOn,
      notes,
      policy,
    },
    'PDSA study',
  );
}

/**
 * Studies a PDSA cycle: compares the change observed with the change predicted (the Carnegie framework: "study"
 * the data against the plan's prediction), with an effect size and intervals where the data allow.
 *
 * Each unit's observations in a group are averaged first, so a classroom visited three times counts
 * once. In a before-after test only units observed in both periods are compared (the others are
 * counted in `unitsUnpaired`), so the observed change is the mean of the units' own changes; in a
 * comparison the treatment units are set against the comparison units.
 *
 * - observed change Δ = ȳ(tested) − ȳ(reference) (means over units);
 * - difference Δ − δ and attainment Δ / δ, where δ is the predicted change, negative for a
 *   predicted decrease (whether the prediction held is {@link decidePdsa}'s to judge);
 * - Hedges' g and its interval from `effectSize` (WWC; stats module) on the unit means. In a
 *   before-after test the interval treats the two periods as independent groups, which makes it
 *   wider (more cautious) than a paired interval when units keep their rank;
 * - in a before-after test, the share of units that moved the predicted way, with a Wilson interval
 *   (`proportionInterval`).
 *
 * O(m) for m observations (O(u log u) in the effect size over u units). The cycle is not mutated.
 *
 * @category PDSA cycles
 * A predicted amount that vanishes against the means (at most one unit in their last place, e.g.
 * 1e-300 for means near 3) gives no attainment (`null`, note `NO_ATTAINMENT`): a ratio to it is
 * noise. Means are overflow-safe; a change beyond the range of numbers is `null` (`OUT_OF_RANGE`).
 * No output holds NaN, ±Infinity or −0. The study is frozen; {@link parsePdsaStudy} reads one back.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` when the cycle fails the {@link PdsaCycle} schema
 *   (path under `['cycle']`; `LIMIT_EXCEEDED` past 10⁷ observations), for an unknown option
 *   (`['options', key]`, with a "did you mean"), or when the policy is invalid (path under
 *   `['options', 'policy']`).
 * @example
 * ```ts
 * import { studyPdsa } from 'scaling-navigator/learning';
 * // The Carnegie framework's example: two visits to a demonstration classroom, five classrooms, the ratio of
 * // teacher-directed to student-directed learning predicted to fall by 1.
 * const before = [3.2, 2.8, 3.5, 2.9, 3.1];
 * const after = [2.6, 2.4, 3.0, 2.5, 2.5];
 * const study = studyPdsa({
 *   id: 'demo-classroom-1',
 *   plan: {
 *     change: 'Two visits to a demonstration classroom',
 *     strategyId: 'proof-point',
 *     measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
 *     prediction: { direction: 'decrease', amount: 1 },
 *     instrument: 'Classroom observation protocol',
 *     sample: { unit: 'classroom', size: 5 },
 *   },
 *   do: {
 *     design: 'before-after',
 *     observations: [
 *       ...before.map((value, i) => ({ unit: `room-${i + 1}`, group: 'before' as const, date: '2025-09-10', value })),
 *       ...after.map((value, i) => ({ unit: `room-${i + 1}`, group: 'after' as const, date: '2025-10-15', value })),
 *     ],
 *   },
 * });
 * study.predictedChange //=> -1
 * study.observedChange //≈ -0.5
 * study.attainment //≈ 0.5
 * study.direction //=> 'as-predicted'
 * study.notes //=> []
 * study.unitsImproved?.improved //=> 5
 * study.effectSize.hedgesG //≈ -1.7713715431835972
 * studyPdsa({ id: 'c' } as never) //=> throws INVALID_INPUT at ['cycle', 'plan']
 * ```
 */
export function studyPdsa(cycle: PdsaCycleInput, options: StudyPdsaOptions = {}): PdsaStudy {
  const parsed = parsePdsaCycle(cycle);
  const settings = readOptions<StudyPdsaOptions>(options, PDSA_OPTION_KEYS, ['options']);
  return studyParsedPdsa(parsed, resolvePdsaPolicy(settings.policy, ['options', 'policy']));
}
