/**
 * Full zod parsing for documents (trip tickets, measures, targets), turning the first zod issue
 * into a `ScalingNavigatorError` with the issue's path and a message an analyst can act on.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import { type ErrorIssue, type ErrorPath, ScalingNavigatorError } from './errors.js';

type Issue = z.core.$ZodIssue;

/** The value at `path` inside `input` (zod issues do not carry the input by default). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      const received =
        got === undefined
          ? 'nothing'
          : got === null
            ? 'null'
            : typeof got === 'number' && Number.isNaN(got)
              ? 'NaN'
              : Array.isArray(got)
                ? 'an array'
                : typeof got;
      if (issue.expected === 'int') {
        return typeof got === 'number'
          ? `expected a whole number, got ${got}`
          : `expected a whole number, got ${received}`;
      }
      if (issue.expected === 'number' && typeof got === 'number') return `expected a finite number, got ${got}`;
      const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
      return `expected ${article} ${issue.expected}, got ${received}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} entries`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date'
        ? 'expected an ISO calendar date (YYYY-MM-DD)'
        : `expected the ${issue.format} format`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'expected a whole number' : `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function issuePath(issue: Issue): ErrorPath {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  // For unknown keys, point at the first unknown key itself.
  return issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
}

/**
 * The error a failed parse turns into, with `prefix` (the argument name) in front of the path: the
 * first zod issue gives `path` and `message`, and every issue is listed in `issues`.
 */
export function toScalingNavigatorError(
  error: z.core.$ZodError,
  prefix: ErrorPath,
  input: unknown,
): ScalingNavigatorError {
  const issues: ErrorIssue[] = error.issues.map((issue) => ({
    path: [...prefix, ...issuePath(issue)],
    code: 'INVALID_INPUT',
    message: describeIssue(issue, input),
  }));
  const [first, ...rest] = issues;
  if (first === undefined) return new ScalingNavigatorError('INVALID_INPUT', prefix, 'invalid input');
  return new ScalingNavigatorError(first.code, first.path, first.message, rest);
}

/** What a `safeParse…` function returns: the parsed value, or the error it would have thrown. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ScalingNavigatorError };

/**
 * The `parse…` / `safeParse…` pair of an exported schema, speaking `ScalingNavigatorError`: each
 * module exports them under the schema's name (`parseFocalGroup`, `safeParseFocalGroup`).
 */
export function schemaParsers<S extends z.ZodMiniType>(
  schema: S,
): {
  readonly parse: (input: unknown) => z.output<S>;
  readonly safeParse: (input: unknown) => SafeParseResult<z.output<S>>;
} {
  return {
    parse: (input) => parseOrThrow(schema, input, []),
    safeParse: (input) => {
      const result = schema.safeParse(input);
      return result.success
        ? { success: true, data: result.data }
        : { success: false, error: toScalingNavigatorError(result.error, [], input) };
    },
  };
}

/** Parses `value` with `schema`, or throws `INVALID_INPUT` at the first issue. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, prefix: ErrorPath): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw toScalingNavigatorError(result.error, prefix, value);
}
