/**
 * Schema parts of the learning module's stored results ({@link RunChartResult}, {@link PdsaStudy},
 * {@link DecidePdsaResult}): notes, decisions and the pieces they share. Numbers are finite
 * (`z.number()` refuses NaN and ±Infinity), counts are whole numbers ≥ 0, and every object is strict.
 *
 * @internal
 * @module
 */

import * as z from 'zod/mini';
import { plusZero } from '../_lib/plusZero.js';
import { SOURCES } from '../framework/sources.js';
import type { EffectSizeNoteCode } from '../stats/index.js';

/** A finite number. */
export const Finite = z.number();
/** A finite number or `null`. */
export const FiniteOrNull = z.nullable(z.number());
/** A count: a whole number ≥ 0. */
export const Count = z.int().check(z.gte(0));
/** A count or `null`. */
export const CountOrNull = z.nullable(Count);
/** A boolean or `null`. */
export const BooleanOrNull = z.nullable(z.boolean());
/** A non-empty string. */
export const Text = z.string().check(z.minLength(1));

/** `z.enum` over a list built at run time (rule ids, note codes). */
export function enumOf<const T extends string>(values: readonly T[]): z.ZodMiniType<T> {
  return z.enum(values as unknown as [T, ...T[]]) as unknown as z.ZodMiniType<T>;
}

/** A note whose code is one of `codes` (any string when `codes` is omitted). */
export function noteSchema<const Code extends string>(codes?: readonly Code[]) {
  return z.strictObject({
    code: codes === undefined ? (z.string() as unknown as z.ZodMiniType<Code>) : enumOf(codes),
    message: z.string(),
    field: z.nullable(z.string()),
  });
}

const SourceId = /* @__PURE__ */ enumOf(SOURCES.map((source) => source.id));

const Evidence = /* @__PURE__ */ z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

/** A decision of `actions` (plus `'undetermined'`) citing `rules`, with its policy. */
export function decisionSchema<const Action extends string, const Rule extends string, P>(
  actions: readonly Action[],
  rules: readonly Rule[],
  policy: z.ZodMiniType<P>,
) {
  return z.strictObject({
    action: enumOf<Action | 'undetermined'>([...actions, 'undetermined']),
    reasons: z.array(
      z.strictObject({
        rule: enumOf(rules),
        evidence: Evidence,
        guidance: z.strictObject({ source: SourceId, section: z.string(), summary: z.string() }),
      }),
    ),
    policy,
    version: Text,
  });
}

/** A `[lower, upper]` interval with `lower ≤ upper`. */
export const Interval = /* @__PURE__ */ z
  .tuple([z.number(), z.number()])
  .check(z.refine((interval) => interval[0] <= interval[1], 'the lower bound exceeds the upper bound'));

export { plusZero };

/** `value` when it is finite (−0 as 0), else `null`. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? plusZero(value) : null;
}

const GroupStats = /* @__PURE__ */ z.nullable(
  z.strictObject({ mean: z.number(), sd: z.number().check(z.gte(0)), n: z.int().check(z.gte(1)) }),
);

/** Every note code of `effectSize` (a `Record`, so the compiler wants each code of the type). */
const EFFECT_SIZE_NOTE_CODES = /* @__PURE__ */ Object.keys({
  TOO_FEW_OBSERVATIONS: true,
  ZERO_POOLED_SD: true,
  ZERO_CORRECTION: true,
  NOT_REPRESENTABLE: true,
} satisfies Record<EffectSizeNoteCode, true>) as EffectSizeNoteCode[];

/** The stats module's `EffectSizeResult` as a study embeds it. */
export const EffectSizeResultSchema = /* @__PURE__ */ z.strictObject({
  estimate: FiniteOrNull,
  statistic: FiniteOrNull,
  df: FiniteOrNull,
  pValue: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  confidenceInterval: z.nullable(Interval),
  confidenceLevel: z.nullable(z.number().check(z.gt(0), z.lt(1))),
  n: Count,
  nDropped: Count,
  notes: z.array(noteSchema(EFFECT_SIZE_NOTE_CODES)),
  meanDifference: FiniteOrNull,
  pooledSd: z.nullable(z.number().check(z.gte(0))),
  cohensD: FiniteOrNull,
  hedgesG: FiniteOrNull,
  omega: FiniteOrNull,
  se: z.nullable(z.number().check(z.gte(0))),
  improvementIndex: z.nullable(z.number().check(z.gte(-50), z.lte(50))),
  treatment: GroupStats,
  comparison: GroupStats,
});
