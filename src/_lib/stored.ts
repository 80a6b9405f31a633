/**
 * Results that come back: every result another function accepts (or a journey stores) carries an
 * integer `schemaVersion` and has an exported schema. A function that takes such a result checks
 * it first — unless this same library instance made it: {@link sealResult} deep-freezes a result
 * and remembers it in a `WeakSet`, so chaining functions costs nothing, while an edited copy (a
 * frozen result cannot be edited in place) or a result from storage is validated in full.
 *
 * Versions: a known older `schemaVersion` is upcast; a newer or unknown one is `INCOMPATIBLE`. The
 * package's semver is echoed in decisions but never compared.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import { deepFreeze } from './deepFreeze.js';
import { type ErrorPath, incompatible, invalid } from './errors.js';
import { parseOrThrow } from './parse.js';

const sealed = new WeakSet<object>();

/** Deep-freezes a result this library made and remembers it as its own. Returns the same object. */
export function sealResult<T extends object>(result: T): T {
  deepFreeze(result);
  sealed.add(result);
  return result;
}

/**
 * Remembers a result this library made as its own, without walking it: for results whose every
 * object was frozen as it was built (a report of 100,000 populations would take a deep freeze of a
 * third of a second). The caller's test must check that every object is frozen.
 */
export function sealFrozenResult<T extends object>(result: T): T {
  sealed.add(result);
  return result;
}

/** Whether this library instance made `value` (and so it is frozen and valid). */
export function isSealedResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sealed.has(value);
}

/** How a stored type's older versions become the current one. */
export interface StoredType<T> {
  /** What the type is called in messages (`'reach summary'`). */
  readonly name: string;
  /** The current `schemaVersion`. */
  readonly version: number;
  /** The schema of the current version (it should check `schemaVersion` as a literal). */
  readonly schema: z.ZodMiniType<T>;
  /** Upcasts from older versions: `upcast[v]` turns a version-`v` value into version `v + 1`. */
  readonly upcast?: Readonly<Record<number, (value: Record<string, unknown>) => Record<string, unknown>>>;
}

/**
 * Reads a stored (or caller-built) result: its own results pass as they are; anything else must
 * carry a known `schemaVersion` (older ones are upcast) and match the schema, or it is an error
 * with the path of the damage.
 */
export function readStored<T>(value: unknown, type: StoredType<T>, path: ErrorPath): T {
  if (isSealedResult(value)) return value as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, `expected a ${type.name}`);
  }
  let current = value as Record<string, unknown>;
  let version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    invalid(
      [...path, 'schemaVersion'],
      `a ${type.name} carries a whole-number schemaVersion (this version writes ${type.version})`,
    );
  }
  if (version > type.version) {
    incompatible(
      [...path, 'schemaVersion'],
      `this ${type.name} has schemaVersion ${version}, newer than this version of the library reads (${type.version}): upgrade scaling-navigator`,
    );
  }
  while (version < type.version) {
    const step = type.upcast?.[version];
    if (step === undefined) {
      incompatible(
        [...path, 'schemaVersion'],
        `schemaVersion ${version} of a ${type.name} is not one this library knows`,
      );
    }
    current = step(current);
    version += 1;
  }
  return parseOrThrow(type.schema, current, path) as T;
}
