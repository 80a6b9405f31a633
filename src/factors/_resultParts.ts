/**
 * Schema parts for the results of the factors and strategies modules that come back from storage:
 * notes, decisions (reasons with evidence and guidance), counts and the library version. Objects
 * are strict, numbers finite, so a damaged result is an error with its path.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { requireDenseArray } from '../_lib/strict.js';

/** A count: a whole number ≥ 0. @internal */
export const Count = z.number().check(z.int(), z.gte(0));

/** A {@link Note} with one of `codes`. @internal */
export function noteSchema<const Code extends string>(codes: readonly Code[]) {
  return z.strictObject({ code: z.enum(codes), message: z.string(), field: z.nullable(z.string()) });
}

/** The evidence of a decision reason: named finite numbers, strings, booleans or `null`. @internal */
export const Evidence = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

/**
 * Where a rule comes from, with our paraphrase. The source id is checked as a non-empty string only
 * (the rule id itself is checked against its catalog): the sources catalog would add ≈ 2 kB to
 * every bundle that reads a stored result. @internal
 */
export const GuidanceSchema = z.strictObject({
  source: z.string().check(z.minLength(1)),
  section: z.string(),
  summary: z.string(),
});

/** A {@link DecisionReason} citing one of `rules`. @internal */
export function reasonSchema<const Rule extends string>(rules: readonly Rule[]) {
  return z.strictObject({ rule: z.enum(rules), evidence: Evidence, guidance: GuidanceSchema });
}

/** A {@link Decision} with one of `actions` (or `'undetermined'`), reasons citing `rules`, and `policy`. @internal */
export function decisionSchema<const Action extends string, const Rule extends string, P extends z.ZodMiniType>(
  actions: readonly Action[],
  rules: readonly Rule[],
  policy: P,
) {
  return z.strictObject({
    action: z.enum([...actions, 'undetermined'] as const),
    reasons: z.array(reasonSchema(rules)),
    policy,
    version: z.string(),
  });
}

/**
 * Holes in an array a caller passes are `INVALID_INPUT` at their index, and an array longer than
 * `maxLength` is `LIMIT_EXCEEDED` before any work; anything not an array is left to the schema.
 * @internal
 */
export function requireDenseIfArray(value: unknown, path: ErrorPath, maxLength?: number): void {
  if (Array.isArray(value)) requireDenseArray(value, path, maxLength);
}
