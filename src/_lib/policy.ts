/**
 * The one way a module builds a policy: defaults, one zod schema per field, and optional checks
 * across fields. The policy's interface (with the TSDoc of each field) is the only other place a
 * field is listed, and the compiler ties the two together; merging is generic.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { ErrorPath } from './errors.js';
import { parseOrThrow } from './parse.js';
import { requireKnownKeys } from './strict.js';

/** One zod schema per policy field, typed against the policy's interface. */
export type PolicyFields<P> = { readonly [K in keyof P]-?: z.ZodMiniType<P[K]> };

/** What {@link policyDefinition} builds. */
export interface PolicyDefinition<P> {
  /** The frozen defaults. */
  readonly defaults: P;
  /** Validates `overrides` (unknown keys, ranges, cross-field checks) and merges them over the defaults; errors under `path`. */
  readonly resolve: (overrides: unknown, path: ErrorPath) => P;
}

/**
 * A policy's definition. `check` sees the merged policy and the overrides actually given, and
 * throws (through `invalid`) for combinations the fields alone cannot rule out.
 */
export function policyDefinition<P extends object>(spec: {
  readonly defaults: P;
  readonly fields: PolicyFields<P>;
  readonly check?: (policy: P, given: Partial<P>, path: ErrorPath) => void;
}): PolicyDefinition<P> {
  const defaults = Object.freeze({ ...spec.defaults });
  const keys = Object.keys(spec.fields);
  let schema: z.ZodMiniType | undefined;
  return {
    defaults,
    resolve(overrides, path) {
      schema ??= z.strictObject(
        Object.fromEntries(
          Object.entries(spec.fields as Record<string, z.ZodMiniType>).map(([key, field]) => [key, z.optional(field)]),
        ),
      );
      if (typeof overrides === 'object' && overrides !== null && !Array.isArray(overrides)) {
        requireKnownKeys(overrides, keys, path);
      }
      const given = parseOrThrow(schema, overrides ?? {}, path) as Partial<P>;
      const merged = { ...defaults } as Record<string, unknown>;
      for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = value;
      spec.check?.(merged as P, given, path);
      return Object.freeze(merged) as P;
    },
  };
}
