import * as z from 'zod/mini';
import { type Note, note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { type StoredType, sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { IsoDate } from '../framework/_schemaParts.js';
import { StrategyId } from '../framework/strategies.js';
import { type EffectSizeResult, effectSize, proportionInterval } from '../stats/index.js';
import {
  Count,
  EffectSizeResultSchema,
  Finite,
  FiniteOrNull,
  finiteOrNull,
  Interval,
  noteSchema,
  plusZero,
  Text,
} from './_resultSchemas.js';
import {
  PDSA_DESIGNS,
  PDSA_GROUPS,
  type PdsaCycle,
  type PdsaCycleInput,
  type PdsaDesign,
  type PdsaGroup,
  parsePdsaCycle,
} from './PdsaCycle.js';
import { type PdsaPolicy, PdsaPolicySchema, resolvePdsaPolicy } from './pdsaPolicy.js';

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
 * - `NO_ATTAINMENT` (field `'attainment'`, and `'decision'` in {@link decidePdsa}'s result): the
 *   predicted amount vanishes against the means (it is below the precision they are held at), or
 *   the ratio of the observed to the predicted change is beyond the range of numbers.
 * - `OUT_OF_RANGE` (field `'observedChange'` or `'difference'`): the change is beyond the range of
 *   double-precision numbers (means near ±10³⁰⁸ of opposite signs), so it is `null`.
 *
 * @category PDSA cycles
 */
export type PdsaNoteCode =
  | 'TOO_FEW_UNITS'
  | 'UNPAIRED_UNITS'
  | 'SAMPLE_SHORT'
  | 'NO_EFFECT_SIZE'
  | 'NO_ATTAINMENT'
  | 'OUT_OF_RANGE';

const PDSA_NOTE_CODES: readonly PdsaNoteCode[] = [
  'TOO_FEW_UNITS',
  'UNPAIRED_UNITS',
  'SAMPLE_SHORT',
  'NO_EFFECT_SIZE',
  'NO_ATTAINMENT',
  'OUT_OF_RANGE',
];

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
  /** The version of this result's shape, for stored studies ({@link parsePdsaStudy}); 1 today. */
  readonly schemaVersion: 1;
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
  /**
   * `observedChange / predictedChange`: 1 is exactly as predicted, negative is the wrong way;
   * `null` (with a `NO_ATTAINMENT` note) when the predicted amount vanishes against the means.
   */
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

  return sealResult({
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
  });
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

const GroupSummarySchema = /* @__PURE__ */ z.strictObject({
  group: z.enum(PDSA_GROUPS),
  units: Count,
  mean: FiniteOrNull,
  sd: z.nullable(z.number().check(z.gte(0))),
});

const PdsaStudyShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  cycleId: Text,
  strategyId: StrategyId,
  design: z.enum(PDSA_DESIGNS),
  measure: Text,
  predictedChange: Finite.check(z.refine((value: number) => value !== 0, 'a predicted change is not 0')),
  reference: GroupSummarySchema,
  tested: GroupSummarySchema,
  observedChange: FiniteOrNull,
  difference: FiniteOrNull,
  attainment: FiniteOrNull,
  direction: z.nullable(z.enum(['as-predicted', 'opposite', 'none'])),
  unitsPlanned: z.int().check(z.gte(1)),
  unitsUnpaired: Count,
  unitsImproved: z.nullable(
    z.strictObject({
      improved: Count,
      units: z.int().check(z.gte(1)),
      share: z.number().check(z.gte(0), z.lte(1)),
      confidenceInterval: Interval,
    }),
  ),
  effectSize: EffectSizeResultSchema,
  firstObservedOn: z.nullable(IsoDate),
  lastObservedOn: z.nullable(IsoDate),
  notes: z.array(noteSchema(PDSA_NOTE_CODES)),
  policy: PdsaPolicySchema,
});

type Issue = (path: (string | number)[], message: string) => void;

/** The cheap cross-checks of a study: groups fit the design, counts and changes agree. @internal */
export function checkPdsaStudy(study: PdsaStudy, issue: Issue, at: (string | number)[] = []): void {
  const beforeAfter = study.design === 'before-after';
  if (study.reference.group !== (beforeAfter ? 'before' : 'comparison')) {
    issue(
      [...at, 'reference', 'group'],
      `a ${study.design} study's reference group is ${beforeAfter ? 'before' : 'comparison'}`,
    );
  }
  if (study.tested.group !== (beforeAfter ? 'after' : 'treatment')) {
    issue(
      [...at, 'tested', 'group'],
      `a ${study.design} study's tested group is ${beforeAfter ? 'after' : 'treatment'}`,
    );
  }
  for (const side of ['reference', 'tested'] as const) {
    const group = study[side];
    if ((group.units === 0) !== (group.mean === null)) {
      issue([...at, side, 'mean'], `a group of ${group.units} units ${group.units === 0 ? 'has no' : 'has a'} mean`);
    }
  }
  if (study.observedChange !== null && (study.reference.mean === null || study.tested.mean === null)) {
    issue([...at, 'observedChange'], 'an observed change needs both group means');
  }
  if (study.attainment !== null && study.observedChange === null) {
    issue([...at, 'attainment'], 'an attainment needs an observed change');
  }
  const improved = study.unitsImproved;
  if (improved !== null) {
    if (!beforeAfter) issue([...at, 'unitsImproved'], 'only a before-after study counts units improved');
    if (improved.improved > improved.units) {
      issue([...at, 'unitsImproved', 'improved'], `${improved.improved} of ${improved.units} units improved`);
    }
    if (improved.units !== study.tested.units) {
      issue([...at, 'unitsImproved', 'units'], `${improved.units} units compared, but ${study.tested.units} tested`);
    }
  }
}

/**
 * Schema of a stored {@link PdsaStudy} (`schemaVersion: 1`): finite numbers, whole counts, known
 * note codes, the strategy typology's ids, strict objects, and cheap cross-checks (groups fit the
 * design, an attainment only with an observed change, no more units improved than compared). Use
 * {@link parsePdsaStudy} for a `ScalingNavigatorError` with a path.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PdsaStudy } from 'scaling-navigator/learning';
 * PdsaStudy.safeParse({ schemaVersion: 1, cycleId: 'c1' }).success //=> false
 * ```
 */
export const PdsaStudy: z.ZodMiniType<PdsaStudy> = /* @__PURE__ */ PdsaStudyShape.check(
  z.superRefine((study, context) => {
    checkPdsaStudy(study, (path, message) => context.issues.push({ code: 'custom', input: study, path, message }));
  }),
);

const studyParsers = /* @__PURE__ */ schemaParsers(PdsaStudy);

/**
 * Validates a stored PDSA study (e.g. read back from JSON) against {@link PdsaStudy}.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field, with its path.
 * @example
 * ```ts
 * import { parsePdsaStudy } from 'scaling-navigator/learning';
 * parsePdsaStudy({ schemaVersion: 1 }) //=> throws INVALID_INPUT at ['cycleId']
 * ```
 */
export function parsePdsaStudy(input: unknown): PdsaStudy {
  return studyParsers.parse(input);
}

/**
 * {@link parsePdsaStudy} returning the error instead of throwing it.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { safeParsePdsaStudy } from 'scaling-navigator/learning';
 * safeParsePdsaStudy({ schemaVersion: 1 }).success //=> false
 * ```
 */
export function safeParsePdsaStudy(input: unknown): SafeParseResult<PdsaStudy> {
  return studyParsers.safeParse(input);
}

/** How {@link readStored} reads a PDSA study. @internal */
export const PDSA_STUDY_TYPE: StoredType<PdsaStudy> = { name: 'PDSA study', version: 1, schema: PdsaStudy };
