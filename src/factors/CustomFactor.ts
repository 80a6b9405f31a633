import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id } from '../framework/_schemaParts.js';
import { FactorCategoryId } from '../framework/factors.js';

/**
 * Schema for a factor a team adds beyond the framework's catalog of seventeen (Carnegie framework, Tool #4,
 * leaves room for "other" factors in each category). A custom factor must be declared, with its
 * category, before any rating may use its id; its id must not be a catalog id.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { CustomFactor } from 'scaling-navigator/factors';
 * CustomFactor.parse({ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }).category //=> 'improvement-team'
 * CustomFactor.safeParse({ id: 'team-goals', category: 'students', label: 'Team goals' }).success //=> false
 * ```
 */
export const CustomFactor = z.strictObject({
  /** Id that ratings and interactions use; not one of the catalog's `FACTOR_IDS`. */
  id: Id,
  /** One of the four factor categories. */
  category: FactorCategoryId,
  /** Display label. */
  label: z.string().check(z.minLength(1)),
  /** What the factor is, in the team's words. */
  description: z.optional(z.string()),
});
/** A custom factor. @category Factor review */
export type CustomFactor = z.infer<typeof CustomFactor>;

/**
 * Parses a custom factor, throwing `ScalingNavigatorError` at the first problem (with every problem in `issues`).
 *
 * @category Factor review
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a custom factor.
 * @example
 * ```ts
 * import { parseCustomFactor } from 'scaling-navigator/factors';
 * parseCustomFactor({ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }).label //=> 'Team goals'
 * parseCustomFactor({ id: 'team-goals', category: 'students', label: 'Team goals' }) //=> throws INVALID_INPUT at ['category']
 * ```
 */
export const parseCustomFactor: (input: unknown) => CustomFactor = /* @__PURE__ */ schemaParsers(CustomFactor).parse;

/**
 * Parses a custom factor without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Factor review
 * @example
 * ```ts
 * import { safeParseCustomFactor } from 'scaling-navigator/factors';
 * safeParseCustomFactor({ id: 'team-goals', category: 'improvement-team', label: 'Team goals' }).success //=> true
 * safeParseCustomFactor({ id: 'team-goals', category: 'improvement-team', label: '' }).success //=> false
 * ```
 */
export const safeParseCustomFactor: (input: unknown) => SafeParseResult<CustomFactor> =
  /* @__PURE__ */ schemaParsers(CustomFactor).safeParse;
