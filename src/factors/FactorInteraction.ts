import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id } from '../framework/_schemaParts.js';

/**
 * The kinds of interaction a team can declare between two influential factors (Carnegie framework, Component 3,
 * "Interacting Factors and Change at Scale"; the kinds are our grouping of its examples):
 *
 * - `'tension'`: one factor presses against the other, e.g. district leaders' pressure on graduation
 *   rates against teacher-leaders' grasp of how the innovation serves that goal.
 * - `'alignment'`: the two pull the same way and can be leveraged together, e.g. a community's wish for
 *   more STEM careers and an improvement team that designed its innovation for that goal.
 * - `'dependency'`: one factor's effect hinges on the other, e.g. a champion strategy that only works
 *   if the teacher-leaders are confident and credible.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FACTOR_INTERACTION_KINDS } from 'scaling-navigator/factors';
 * FACTOR_INTERACTION_KINDS //=> ['tension', 'alignment', 'dependency']
 * ```
 */
export const FACTOR_INTERACTION_KINDS = /* @__PURE__ */ deepFreeze(['tension', 'alignment', 'dependency'] as const);

/**
 * Schema for a declared interaction between two factors: an `id`, the two factor ids (catalog or
 * declared custom factors, distinct), the `kind` ({@link FACTOR_INTERACTION_KINDS}) and an optional
 * `comment` in the team's words.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { FactorInteraction } from 'scaling-navigator/factors';
 * const pressure = FactorInteraction.parse({
 *   id: 'graduation-pressure', factors: ['leadership', 'compatibility'], kind: 'tension',
 * });
 * pressure.factors //=> ['leadership', 'compatibility']
 * FactorInteraction.safeParse({ ...pressure, factors: ['leadership'] }).success //=> false
 * ```
 */
export const FactorInteraction = z.strictObject({
  id: Id,
  factors: z.tuple([Id, Id]),
  kind: z.enum(FACTOR_INTERACTION_KINDS),
  comment: z.optional(z.string()),
});
/** A declared interaction between two factors. @category Factor review */
export type FactorInteraction = z.infer<typeof FactorInteraction>;
/** One of {@link FACTOR_INTERACTION_KINDS}. @category Factor review */
export type FactorInteractionKind = FactorInteraction['kind'];

/**
 * Parses a declared interaction between two factors, throwing `ScalingNavigatorError` at the first problem (with every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a declared interaction between two factors.
 * @example
 * ```ts
 * import { parseFactorInteraction } from 'scaling-navigator/factors';
 * parseFactorInteraction({ id: 'pressure', factors: ['leadership', 'compatibility'], kind: 'tension' }).kind //=> 'tension'
 * parseFactorInteraction({ id: 'pressure', factors: ['leadership'], kind: 'tension' }) //=> throws INVALID_INPUT at ['factors']
 * ```
 */
export const parseFactorInteraction: (input: unknown) => FactorInteraction =
  /* @__PURE__ */ schemaParsers(FactorInteraction).parse;

/**
 * Parses a declared interaction between two factors without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { safeParseFactorInteraction } from 'scaling-navigator/factors';
 * safeParseFactorInteraction({ id: 'pressure', factors: ['leadership', 'compatibility'], kind: 'alignment' }).success //=> true
 * safeParseFactorInteraction({ id: 'pressure', factors: ['leadership', 'compatibility'], kind: 'friction' }).success //=> false
 * ```
 */
export const safeParseFactorInteraction: (input: unknown) => SafeParseResult<FactorInteraction> =
  /* @__PURE__ */ schemaParsers(FactorInteraction).safeParse;
