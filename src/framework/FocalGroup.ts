import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';

/**
 * Schema for a focal group: students the team names as furthest from opportunity and gives the
 * most attention to (the Carnegie framework, "Where are we headed?": e.g. students living in poverty, English
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

const focalGroupParsers = /* @__PURE__ */ schemaParsers(FocalGroup);

/**
 * Validates an untrusted focal group (e.g. JSON from a form or a file) against {@link FocalGroup} and
 * returns it; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseFocalGroup } from 'scaling-navigator/framework';
 * parseFocalGroup({ id: 'el', label: 'English learners', definition: 'Identified EL in the fall census' }).id //=> 'el'
 * parseFocalGroup({ id: '', label: 'English learners', definition: 'Identified EL' }) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function parseFocalGroup(input: unknown): FocalGroup {
  return focalGroupParsers.parse(input);
}

/**
 * Like {@link parseFocalGroup}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseFocalGroup } from 'scaling-navigator/framework';
 * const result = safeParseFocalGroup({ id: '', label: 'English learners', definition: 'Identified EL' });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['id']
 * ```
 */
export function safeParseFocalGroup(input: unknown): SafeParseResult<FocalGroup> {
  return focalGroupParsers.safeParse(input);
}
