/**
 * Cheap boundary checks shared by every module. Each throws `ScalingNavigatorError` with
 * `INVALID_INPUT` and the path to the offending value; the messages are built here, in one place.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from './errors.js';

/** A short description of a value for an error message: `NaN`, `a string`, `null`, `-Infinity`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/** Options for {@link requireNumber}. */
export interface NumberRule {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Must be a whole number. */
  readonly integer?: boolean;
}

/** A finite number (optionally whole, optionally within inclusive bounds). */
export function requireNumber(value: unknown, path: ErrorPath, rule: NumberRule = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    invalid(path, `expected a finite number, got ${describeValue(value)}`);
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    invalid(path, `expected a whole number, got ${value}`);
  }
  if (rule.min !== undefined && value < rule.min) {
    invalid(path, `must be at least ${rule.min}, got ${value}`);
  }
  if (rule.max !== undefined && value > rule.max) {
    invalid(path, `must be at most ${rule.max}, got ${value}`);
  }
  return value;
}

/** An array (any array-like that `Array.isArray` accepts). */
export function requireArray(value: unknown, path: ErrorPath): readonly unknown[] {
  if (!Array.isArray(value)) invalid(path, `expected an array, got ${describeValue(value)}`);
  return value;
}

/** A plain object (not null, not an array). */
export function requireRecord(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Throws `INVALID_INPUT` for a value outside a fixed list of ids; the message names every valid id. */
export function unknownId(value: unknown, allowed: readonly string[], path: ErrorPath, what: string): never {
  return invalid(path, `unknown ${what} ${describeValue(value)}; expected one of: ${allowed.join(', ')}`);
}

/** One of a fixed list of ids. */
export function requireOneOf<const T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: ErrorPath,
  what: string,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    unknownId(value, allowed, path, what);
  return value as T;
}

/** The catalog entry with this id (`path` is `['id']`: the lookup's argument). */
export function findEntry<E extends { readonly id: string }>(catalog: readonly E[], id: unknown, what: string): E {
  const entry = catalog.find((candidate) => candidate.id === id);
  if (entry === undefined) {
    unknownId(
      id,
      catalog.map((candidate) => candidate.id),
      ['id'],
      what,
    );
  }
  return entry;
}

/** Throws when `id` was already seen; otherwise records it. */
export function requireUniqueId(seen: Set<string>, id: string, path: ErrorPath, what: string): void {
  if (seen.has(id)) invalid(path, `duplicate ${what} ${JSON.stringify(id)}; each ${what} must be unique`);
  seen.add(id);
}

/** A confidence level strictly between 0 and 1; `undefined` gives the default 0.95. */
export function readConfidenceLevel(value: unknown, path: ErrorPath): number {
  if (value === undefined) return 0.95;
  const level = requireNumber(value, path);
  if (!(level > 0 && level < 1)) invalid(path, `a confidence level lies strictly between 0 and 1, got ${level}`);
  return level;
}

/** A non-empty string id. */
export function requireNonEmptyId(value: unknown, path: ErrorPath): string {
  if (typeof value !== 'string' || value.length === 0) {
    invalid(path, `expected a non-empty string id, got ${describeValue(value)}`);
  }
  return value;
}
