import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, IsoDate } from './_schemaParts.js';
import { ScaleDimensionId } from './scaleDimensions.js';
import { StrategyId } from './strategies.js';

/**
 * Which way is better on a measure's scale.
 *
 * @category Models
 * @example
 * ```ts
 * import { MEASURE_DIRECTIONS } from 'scaling-navigator/framework';
 * MEASURE_DIRECTIONS //=> ['higherIsBetter', 'lowerIsBetter']
 * ```
 */
export const MEASURE_DIRECTIONS = /* @__PURE__ */ deepFreeze(['higherIsBetter', 'lowerIsBetter'] as const);

const measureDefinitionShape = {
  /** Unique id of the measure. */
  id: Id,
  /** Display label, e.g. "Walkthroughs showing student-directed tasks". */
  label: z.optional(z.string()),
  /** The scale dimension this measure informs, if any. */
  dimension: z.optional(ScaleDimensionId),
  /** The strategy of the strategy set this measure informs, if any. */
  strategy: z.optional(StrategyId),
  /** The measure's scale: `min < max`, both finite. */
  scale: z
    .strictObject({ min: z.number(), max: z.number() })
    .check(z.refine((scale) => scale.min < scale.max, { message: 'scale.min must be below scale.max', path: ['max'] })),
  /** Which end of the scale is better (default higher). */
  direction: z._default(z.enum(MEASURE_DIRECTIONS), 'higherIsBetter'),
  /** Weight within its dimension (default 1; 0 leaves it out of the mean). */
  weight: z._default(z.number().check(z.gte(0)), 1),
  /** The instrument (questionnaire, walkthrough protocol, administrative data…; the Carnegie framework, Tool #5). */
  instrument: z.optional(z.string()),
  /** When it is collected (the Carnegie framework, Tool #5 "data collection schedule"). */
  schedule: z.optional(z.string()),
  /** Who collects it. */
  who: z.optional(z.string()),
};

const informsSomething = z.refine<{ dimension?: unknown; strategy?: unknown }>(
  (measure) => measure.dimension !== undefined || measure.strategy !== undefined,
  {
    message: 'a measure must inform a scale dimension or a strategy (set dimension, strategy or both)',
    path: ['dimension'],
  },
);

/**
 * Schema for a planned measure (the Carnegie framework, Tool #5 "Data collection and measures"): what will be
 * collected, on which scale, to inform which dimension or strategy — before any value exists.
 * The trip ticket's arrival measures are of this kind.
 *
 * @category Models
 * @example
 * ```ts
 * import { MeasureDefinition } from 'scaling-navigator/framework';
 * MeasureDefinition.parse({ id: 'walkthrough', dimension: 'depth', scale: { min: 0, max: 4 } })
 * //=> { id: 'walkthrough', dimension: 'depth', scale: { min: 0, max: 4 }, direction: 'higherIsBetter', weight: 1 }
 * MeasureDefinition.safeParse({ id: 'x', scale: { min: 0, max: 1 } }).success //=> false
 * ```
 */
export const MeasureDefinition = z.strictObject(measureDefinitionShape).check(informsSomething);
/** A planned measure as the library holds it. @category Models */
export type MeasureDefinition = z.output<typeof MeasureDefinition>;
/** A planned measure as a caller may write it. @category Models */
export type MeasureDefinitionInput = z.input<typeof MeasureDefinition>;

const measureDefinitionParsers = /* @__PURE__ */ schemaParsers(MeasureDefinition);

/**
 * Validates an untrusted planned measure (e.g. JSON from a form or a file) against {@link MeasureDefinition} and
 * returns it with defaults applied; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseMeasureDefinition } from 'scaling-navigator/framework';
 * parseMeasureDefinition({ id: 'walkthrough', dimension: 'depth', scale: { min: 0, max: 4 } }).weight //=> 1
 * parseMeasureDefinition({ id: 'walkthrough', scale: { min: 0, max: 4 } }) //=> throws INVALID_INPUT at ['dimension']
 * ```
 */
export function parseMeasureDefinition(input: unknown): MeasureDefinition {
  return measureDefinitionParsers.parse(input);
}

/**
 * Like {@link parseMeasureDefinition}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseMeasureDefinition } from 'scaling-navigator/framework';
 * const result = safeParseMeasureDefinition({ id: 'walkthrough', scale: { min: 0, max: 4 } });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['dimension']
 * ```
 */
export function safeParseMeasureDefinition(input: unknown): SafeParseResult<MeasureDefinition> {
  return measureDefinitionParsers.safeParse(input);
}

/**
 * Schema for a measure with a value: a {@link MeasureDefinition} plus `value` (within the scale)
 * and the ISO date it was collected on.
 *
 * @category Models
 * @example
 * ```ts
 * import { Measure } from 'scaling-navigator/framework';
 * const absences = Measure.parse({
 *   id: 'pd-absence', dimension: 'ownership', value: 12, scale: { min: 0, max: 40 },
 *   direction: 'lowerIsBetter', collectedOn: '2025-05-01',
 * });
 * absences.weight //=> 1
 * Measure.safeParse({ ...absences, value: 41 }).success //=> false
 * Measure.safeParse({ ...absences, value: Number.NaN }).success //=> false
 * ```
 */
export const Measure = z
  .strictObject({ ...measureDefinitionShape, value: z.number(), collectedOn: z.optional(IsoDate) })
  .check(
    informsSomething,
    z.refine((measure) => measure.value >= measure.scale.min && measure.value <= measure.scale.max, {
      message: 'value must lie within the scale (scale.min to scale.max)',
      path: ['value'],
    }),
  );
/** A measure as the library holds it. @category Models */
export type Measure = z.output<typeof Measure>;
/** A measure as a caller may write it (`direction` and `weight` optional). @category Models */
export type MeasureInput = z.input<typeof Measure>;

const measureParsers = /* @__PURE__ */ schemaParsers(Measure);

/**
 * Validates an untrusted measure with a value (e.g. JSON from a form or a file) against {@link Measure} and
 * returns it with defaults applied; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseMeasure } from 'scaling-navigator/framework';
 * parseMeasure({ id: 'pd-absence', dimension: 'ownership', value: 12, scale: { min: 0, max: 40 } }).direction //=> 'higherIsBetter'
 * parseMeasure({ id: 'pd-absence', dimension: 'ownership', value: 41, scale: { min: 0, max: 40 } }) //=> throws INVALID_INPUT at ['value']
 * ```
 */
export function parseMeasure(input: unknown): Measure {
  return measureParsers.parse(input);
}

/**
 * Like {@link parseMeasure}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseMeasure } from 'scaling-navigator/framework';
 * const result = safeParseMeasure({ id: 'pd-absence', dimension: 'ownership', value: 41, scale: { min: 0, max: 40 } });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['value']
 * ```
 */
export function safeParseMeasure(input: unknown): SafeParseResult<Measure> {
  return measureParsers.safeParse(input);
}
