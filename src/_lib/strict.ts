/**
 * Strict reading of what callers pass: unknown keys (with a "did you mean" suggestion), holes in
 * arrays, sizes past a documented limit, and options read exactly once. One helper for every
 * module, so every message is built here.
 *
 * Key lists are written once, next to the type they describe, with {@link keysOf}: the compiler
 * refuses a list that misses or invents a key of the type, so the check and the type cannot drift.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid, limitExceeded } from './errors.js';
import { describeValue } from './validate.js';

/** Levenshtein distance, capped: returns `cap + 1` as soon as the distance must exceed `cap`. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The candidate closest to a mistyped word (at most two edits away, or differing only in case), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let found: string | undefined;
  let distance = 3;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(word, candidate, 2);
    if (d < distance) {
      found = candidate;
      distance = d;
    }
  }
  return found;
}

type Missing<T, K extends readonly string[]> = Exclude<keyof T & string, K[number]>;

/**
 * The key list of type `T`, checked by the compiler: every key of `T` exactly once, nothing else.
 * `keysOf<CorrelateOptions>()('method', 'confidenceLevel', 'nanPolicy')`.
 */
export function keysOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...keys: K & ([Missing<T, K>] extends [never] ? unknown : { readonly missingKeys: Missing<T, K> })
  ): readonly (keyof T & string)[] => Object.freeze([...keys]);
}

/** Extra words for a suggestion: a key callers commonly write → what to write instead. */
export type KeyHints = Readonly<Record<string, string>>;

function unknownKeyMessage(key: string, allowed: readonly string[], hints: KeyHints | undefined): string {
  const hint = hints?.[key];
  if (hint !== undefined) return `unknown key ${JSON.stringify(key)}: ${hint}`;
  const guess = closest(key, allowed);
  if (guess !== undefined) return `unknown key ${JSON.stringify(key)}: did you mean \`${guess}\`?`;
  return `unknown key ${JSON.stringify(key)}; expected one of: ${allowed.join(', ')}`;
}

/**
 * Throws `INVALID_INPUT` at the first own key of `record` not in `allowed`, with a suggestion.
 * Allocates nothing when every key is known, so it can run once per row on a hot path (pass a
 * `Set` built once for large lists).
 */
export function requireKnownKeys(
  record: object,
  allowed: readonly string[] | ReadonlySet<string>,
  path: ErrorPath,
  hints?: KeyHints,
): void {
  const isSet = allowed instanceof Set;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (isSet ? (allowed as ReadonlySet<string>).has(key) : (allowed as readonly string[]).includes(key)) continue;
    const list = isSet ? [...(allowed as ReadonlySet<string>)] : (allowed as readonly string[]);
    invalid([...path, key], unknownKeyMessage(key, list, hints));
  }
}

/**
 * Reads an options object once: `undefined` is `{}`; anything else must be a plain object whose
 * own keys are all in `allowed`. Returns a fresh plain object holding each known key's value, read
 * exactly once (a getter cannot answer differently later, and the caller's object is never kept).
 */
export function readOptions<T extends object>(
  value: unknown,
  allowed: readonly (keyof T & string)[],
  path: ErrorPath,
  hints?: KeyHints,
): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    invalid(path, `expected an options object, got ${describeValue(value)}`);
  }
  requireKnownKeys(value, allowed, path, hints);
  const out: Record<string, unknown> = {};
  for (const key of allowed) {
    if (!Object.hasOwn(value, key)) continue;
    const read = (value as Record<string, unknown>)[key];
    if (read !== undefined) out[key] = read;
  }
  return out as Partial<T>;
}

/**
 * Checks an array index by index for holes (`!(i in array)`), which are errors with their path;
 * an explicit `null` or `undefined` is a value (missing data where the function allows it).
 * Refuses lengths over `maxLength` before looking at any element (`LIMIT_EXCEEDED`).
 */
export function requireDenseArray(array: readonly unknown[], path: ErrorPath, maxLength: number = 2 ** 31 - 1): void {
  if (array.length > maxLength) {
    limitExceeded(path, `has ${array.length} entries; the limit is ${maxLength}`);
  }
  for (let index = 0; index < array.length; index += 1) {
    if (!(index in array)) invalid([...path, index], 'a hole in the array: write null for a missing value');
  }
}

/** Refuses an array-like longer than `maxLength` before anything is allocated (`LIMIT_EXCEEDED`). */
export function requireLengthAtMost(length: number, path: ErrorPath, maxLength: number, what = 'entries'): void {
  if (length > maxLength) limitExceeded(path, `has ${length} ${what}; the limit is ${maxLength}`);
}
