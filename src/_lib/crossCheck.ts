/**
 * The one way a schema states a cross-field rule (dates in order, ids unique, counts that add up).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';

/**
 * A zod check calling `rule(value, context)`, where the rule pushes each problem onto
 * `context.issues`: the same contract as zod's `superRefine` (the rule runs only when the value
 * parsed), without its per-parse cost. `superRefine` builds an `addIssue` closure on every parse,
 * and under `z.compile` that closure kept the parsed value alive into the old generation: a
 * strategy set's parse left ≈ 3 MB of each 16 MB young generation surviving every scavenge, where
 * a plain check leaves ≈ 0. Nothing here uses `addIssue`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function crossCheck<T>(
  rule: (value: T, context: { readonly issues: z.core.$ZodRawIssue[] }) => void,
): z.core.$ZodCheck<T> {
  return z.check<T>((payload) => rule(payload.value, payload));
}
