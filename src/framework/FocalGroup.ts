import * as z from 'zod/mini';

/**
 * Schema for a focal group: students the team names as furthest from opportunity and gives the
 * most attention to (004, "Where are we headed?": e.g. students living in poverty, English
 * learners, students eligible for special education). `id` is what rosters and targets refer to.
 *
 * @category Models
 * @example
 * ```ts
 * import { FocalGroup } from 'scaling-navigator/framework';
 * FocalGroup.parse({ id: 'el', label: 'English learners', definition: 'Identified EL in the fall census' })
 * //=> { id: 'el', label: 'English learners', definition: 'Identified EL in the fall census' }
 * FocalGroup.safeParse({ id: '', label: 'x', definition: 'y' }).success //=> false
 * ```
 */
export const FocalGroup = z.strictObject({
  /** Stable id that rosters and reach targets use. */
  id: z.string().check(z.minLength(1)),
  /** Display label. */
  label: z.string().check(z.minLength(1)),
  /** How the district identifies members of the group (the operational definition). */
  definition: z.string(),
});
/** A focal group. @category Models */
export type FocalGroup = z.infer<typeof FocalGroup>;
