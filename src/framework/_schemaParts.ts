/**
 * Small schema parts shared by the models.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';

/** A non-empty string id. */
export const Id = z.string().check(z.minLength(1));
/** A share in [0, 1]. */
export const Share = z.number().check(z.gte(0), z.lte(1));
/** An ISO calendar date `YYYY-MM-DD` (validated as a real calendar day). */
export const IsoDate = z.iso.date();

/** The first duplicate in `values`, or `undefined`. */
export function firstDuplicate(values: readonly string[]): { value: string; index: number } | undefined {
  const seen = new Set<string>();
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as string;
    if (seen.has(value)) return { value, index };
    seen.add(value);
  }
  return undefined;
}
