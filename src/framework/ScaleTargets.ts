import * as z from 'zod/mini';
import { Share } from './schemaParts.js';

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
