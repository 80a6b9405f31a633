import { type Note, note } from '../_lib/notes.js';
import { requireRecord } from '../_lib/validate.js';
import type { StrategyId } from '../framework/strategies.js';
import { type EffectSizeResult, effectSize, proportionInterval } from '../stats/index.js';
import { type PdsaCycle, type PdsaCycleInput, type PdsaDesign, type PdsaGroup, parsePdsaCycle } from './PdsaCycle.js';
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

/**
 * Why part of a PDSA study is `null`, or what to keep in mind reading it.
 *
 * - `TOO_FEW_UNITS`: a group has fewer units than `policy.minUnits`, so no act can be decided
 *   (field `null` in a study, `'decision'` in {@link decidePdsa}'s result).
 * - `UNPAIRED_UNITS` (field `'unitsUnpaired'`): in a before-after test, some units were observed in only one period; they are
 *   left out so that the same units are compared.
 * - `SAMPLE_SHORT` (field `'tested'`): fewer units were tested than the plan's sample.
 * - `NO_EFFECT_SIZE` (field `'effectSize'`): Hedges' g could not be computed (too few units, or no variation within the
 *   groups); `effectSize.notes` says which.
 *
 * @category PDSA cycles
 */
export type PdsaNoteCode = 'TOO_FEW_UNITS' | 'UNPAIRED_UNITS' | 'SAMPLE_SHORT' | 'NO_EFFECT_SIZE';

/**
 * One side of a PDSA comparison, summarized over units (each unit's observations averaged first).
 *
 * @category PDSA cycles
 */
export interface PdsaGroupSummary {
  /** `before` or `comparison` for the reference; `after` or `treatment` for the tested group. */
  readonly group: PdsaGroup;
  /** Units in the group (as compared). */
  readonly units: number;
  /** Mean over units, or `null` when there are none. */
  readonly mean: number | null;
  /** Standard deviation over units (n − 1), or `null` when there are none. */
  readonly sd: number | null;
}

/**
 * How many of the units compared before and after moved in the predicted direction, with a Wilson
 * interval for the share.
 *
 * @category PDSA cycles
 */
export interface PdsaUnitsImproved {
  /** Units whose after mean moved from their before mean in the predicted direction. */
  readonly improved: number;
  /** Units compared. */
  readonly units: number;
  /** `improved / units`. */
  readonly share: number;
  /** Wilson interval of the share (`proportionInterval`). */
  readonly confidenceInterval: readonly [number, number];
}

/**
 * The result of {@link studyPdsa}: the observed change set against the predicted one.
 *
 * @category PDSA cycles
 */
export interface PdsaStudy {
  readonly cycleId: string;
  readonly strategyId: StrategyId;
  readonly design: PdsaDesign;
  /** The plan's measure. */
  readonly measure: string;
  /** The predicted change in the mean, signed (negative for a predicted decrease). */
  readonly predictedChange: number;
  /** The before or comparison group. */
  readonly reference: PdsaGroupSummary;
  /** The after or treatment group. */
  readonly tested: PdsaGroupSummary;
  /** `tested.mean − reference.mean`, or `null` when a group is empty. */
  readonly observedChange: number | null;
  /** `observedChange − predictedChange`. */
  readonly difference: number | null;
  /** `observedChange / predictedChange`: 1 is exactly as predicted, negative is the wrong way. */
  readonly attainment: number | null;
  /** Whether the measure moved the predicted way, the other way, or not at all. */
  readonly direction: 'as-predicted' | 'opposite' | 'none' | null;
  /** The plan's sample size. */
  readonly unitsPlanned: number;
  /** Before-after units observed in only one period (left out). */
  readonly unitsUnpaired: number;
  /** Before-after only: units that moved the predicted way; `null` for a comparison or no pairs. */
  readonly unitsImproved: PdsaUnitsImproved | null;
  /** Hedges' g of tested vs reference (unit means) with its interval, from `effectSize`. */
  readonly effectSize: EffectSizeResult;
  /** The earliest and latest observation dates, or `null` without observations. */
  readonly firstObservedOn: string | null;
  readonly lastObservedOn: string | null;
  /** What to keep in mind reading the study; empty when nothing. */
  readonly notes: readonly Note<PdsaNoteCode>[];
  /** The effective policy. */
  readonly policy: PdsaPolicy;
}

interface UnitValues {
  reference: number[];
  tested: number[];
}

const meanOf = (values: readonly number[]): number => {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
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
  const summary = (group: PdsaGroup, units: number, stats: EffectSizeResult['treatment']): PdsaGroupSummary => ({
    group,
    units,
    mean: stats === null ? null : stats.mean,
    sd: stats === null ? null : stats.sd,
  });
  const referenceSummary = summary(referenceGroup, reference.length, effect.comparison);
  const testedSummary = summary(testedGroup, tested.length, effect.treatment);

  const predictedChange = sign * cycle.plan.prediction.amount;
  const observedChange =
    referenceSummary.mean === null || testedSummary.mean === null ? null : testedSummary.mean - referenceSummary.mean;
  const attainment = observedChange === null ? null : observedChange / predictedChange;
  const enough = reference.length >= policy.minUnits && tested.length >= policy.minUnits;

  const notes: Note<PdsaNoteCode>[] = [];
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

  return {
    cycleId: cycle.id,
    strategyId: cycle.plan.strategyId,
    design: cycle.do.design,
    measure: cycle.plan.measure,
    predictedChange,
    reference: referenceSummary,
    tested: testedSummary,
    observedChange,
    difference: observedChange === null ? null : observedChange - predictedChange,
    attainment,
    direction:
      observedChange === null
        ? null
        : observedChange * sign > 0
          ? 'as-predicted'
          : observedChange * sign < 0
            ? 'opposite'
            : 'none',
    unitsPlanned: cycle.plan.sample.size,
    unitsUnpaired,
    unitsImproved,
    effectSize: effect,
    firstObservedOn,
    lastObservedOn,
    notes,
    policy,
  };
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
 * @throws ScalingNavigatorError `INVALID_INPUT` when the cycle fails the {@link PdsaCycle} schema
 *   (path under `['cycle']`) or the policy is invalid (path under `['options', 'policy']`).
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
 * ```
 */
export function studyPdsa(cycle: PdsaCycleInput, options: StudyPdsaOptions = {}): PdsaStudy {
  const parsed = parsePdsaCycle(cycle);
  const settings = requireRecord(options, ['options']);
  return studyParsedPdsa(parsed, resolvePdsaPolicy(settings.policy, ['options', 'policy']));
}
