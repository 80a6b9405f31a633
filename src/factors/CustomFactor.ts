import * as z from 'zod/mini';
import { FactorCategoryId } from '../framework/factors.js';
import { Id } from '../framework/schemaParts.js';

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
