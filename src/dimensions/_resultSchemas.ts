/**
 * Schema parts of the dimensions module's stored results (the scale assessment, the superficial
 * spread report): notes, decision reasons naming {@link DIMENSIONS_RULES}, and decisions echoing a
 * policy.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { SOURCES } from '../framework/sources.js';
import { DIMENSIONS_RULES } from './dimensionsRules.js';

/** A note with one of `codes`. */
export function noteSchema<const Code extends string>(codes: readonly Code[]) {
  return z.strictObject({
    code: z.enum(codes as unknown as [Code, ...Code[]]),
    message: z.string(),
    field: z.nullable(z.string()),
  });
}

const ruleIds = () => DIMENSIONS_RULES.map((rule) => rule.id) as [string, ...string[]];
const sourceIds = () => SOURCES.map((source) => source.id) as [string, ...string[]];

/** A decision reason: a rule of {@link DIMENSIONS_RULES}, plain evidence, and its guidance. */
export function reasonSchema() {
  return z.strictObject({
    rule: z.enum(ruleIds()),
    evidence: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    guidance: z.strictObject({ source: z.enum(sourceIds()), section: z.string(), summary: z.string() }),
  });
}

/** A decision among `actions` (or `'undetermined'`), echoing a policy of schema `policy`. */
export function decisionSchema<const Action extends string, P extends z.ZodMiniType>(
  actions: readonly Action[],
  policy: P,
) {
  return z.strictObject({
    action: z.enum([...actions, 'undetermined'] as unknown as [
      Action | 'undetermined',
      ...(Action | 'undetermined')[],
    ]),
    reasons: z.array(reasonSchema()),
    policy,
    version: z.string().check(z.minLength(1)),
  });
}

/** A whole number ≥ 0. */
export const count = /* @__PURE__ */ z.int().check(z.gte(0));
