import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Share } from './_schemaParts.js';

/**
 * Schema for targets per scale dimension, each a share in [0, 1] on the normalized scale of the
 * dimension's measures (e.g. `{ depth: 0.7, spread: 0.8 }`). A dimension left out has no target;
 * unknown keys are an error, so a typo cannot silently drop a target.
 *
 * @category Models
 * @example
 * ```ts
 * import { ScaleTargets } from 'scaling-navigator/framework';
 * ScaleTargets.parse({ depth: 0.7, spread: 0.8 }) //=> { depth: 0.7, spread: 0.8 }
 * ScaleTargets.safeParse({ dept: 0.7 }).success //=> false
 * ScaleTargets.safeParse({ depth: 70 }).success //=> false
 * ```
 */
export const ScaleTargets = z.strictObject({
  depth: z.optional(Share),
  sustainability: z.optional(Share),
  spread: z.optional(Share),
  ownership: z.optional(Share),
});
/** Targets per scale dimension. @category Models */
export type ScaleTargets = z.infer<typeof ScaleTargets>;

const scaleTargetsParsers = /* @__PURE__ */ schemaParsers(ScaleTargets);

/**
 * Validates an untrusted set of scale targets (e.g. JSON from a form or a file) against {@link ScaleTargets} and
 * returns it; the input is not mutated.
 *
 * @category Models
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseScaleTargets } from 'scaling-navigator/framework';
 * parseScaleTargets({ depth: 0.7, spread: 0.8 }) //=> { depth: 0.7, spread: 0.8 }
 * parseScaleTargets({ depth: 70 }) //=> throws INVALID_INPUT at ['depth']
 * ```
 */
export function parseScaleTargets(input: unknown): ScaleTargets {
  return scaleTargetsParsers.parse(input);
}

/**
 * Like {@link parseScaleTargets}, but returns the error instead of throwing.
 *
 * @category Models
 * @example
 * ```ts
 * import { safeParseScaleTargets } from 'scaling-navigator/framework';
 * const result = safeParseScaleTargets({ depth: 70 });
 * result.success //=> false
 * result.success ? null : result.error.path //=> ['depth']
 * ```
 */
export function safeParseScaleTargets(input: unknown): SafeParseResult<ScaleTargets> {
  return scaleTargetsParsers.safeParse(input);
}
