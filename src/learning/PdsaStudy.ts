import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { IsoDate } from '../framework/_schemaParts.js';
import { StrategyId } from '../framework/strategies.js';
import type { EffectSizeResult } from '../stats/index.js';
import { Count, EffectSizeResultSchema, Finite, FiniteOrNull, Interval, noteSchema, Text } from './_resultSchemas.js';
import { PDSA_DESIGNS, PDSA_GROUPS, type PdsaDesign, type PdsaGroup } from './PdsaCycle.js';
import { type PdsaPolicy, PdsaPolicySchema } from './pdsaPolicy.js';

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
  crossCheck((study, context) => {
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
