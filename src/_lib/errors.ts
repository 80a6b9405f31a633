/**
 * The codes a {@link ScalingNavigatorError} can carry. Apps branch on `code`, never on message text.
 *
 * - `INVALID_INPUT`: wrong shape, type or range; NaN or ±Infinity; unknown keys; holes in arrays;
 *   unequal lengths; unknown or duplicate ids; dates that are not ISO calendar dates or are out of
 *   order.
 * - `LIMIT_EXCEEDED`: an input past a documented size limit (more rows, units, draws or categories
 *   than the function is built for), reported before any work is done.
 * - `INCOMPATIBLE`: a stored document or state from a newer `schemaVersion`, or two accumulator
 *   states built under different options, that this version cannot read or combine.
 * - `ABORTED`: a long-running `…Async` call was stopped through its `AbortSignal` (the path names
 *   the `signal` option).
 *
 * Later versions may add codes; existing codes never change meaning.
 *
 * @category Errors
 * @example
 * ```ts
 * import { ERROR_CODES } from 'scaling-navigator/framework';
 * ERROR_CODES //=> ['INVALID_INPUT', 'LIMIT_EXCEEDED', 'INCOMPATIBLE', 'ABORTED']
 * ```
 */
export const ERROR_CODES = /* @__PURE__ */ Object.freeze([
  'INVALID_INPUT',
  'LIMIT_EXCEEDED',
  'INCOMPATIBLE',
  'ABORTED',
] as const);

/**
 * One of {@link ERROR_CODES}.
 *
 * @category Errors
 */
export type ScalingNavigatorErrorCode = (typeof ERROR_CODES)[number];

/**
 * A key or array index on the way from the argument a caller passed to the offending value,
 * e.g. `['measures', 3, 'weight']`.
 *
 * @category Errors
 */
export type ErrorPath = readonly (string | number)[];

/**
 * One problem of a document that has several: where it is, what kind, and what is wrong.
 *
 * @category Errors
 */
export interface ErrorIssue {
  /** Where the problem is, from the argument down. */
  readonly path: ErrorPath;
  /** What kind of problem this is. */
  readonly code: ScalingNavigatorErrorCode;
  /** The problem in plain words, without the path. */
  readonly message: string;
}

/**
 * The one error type the library throws for bad input.
 *
 * It carries a machine-readable `code`, a `path` to the offending value (the first element names
 * the argument) and a message a district analyst can act on. Because the CommonJS build gives each
 * subpath its own copy of this class, test for it with {@link isScalingNavigatorError} rather than
 * `instanceof`. When one document has several problems (a parsed trip ticket with two bad fields),
 * `issues` lists them all and `message`, `code` and `path` describe the first.
 *
 * @category Errors
 * @example
 * ```ts
 * import { ScalingNavigatorError } from 'scaling-navigator/framework';
 * const error = new ScalingNavigatorError('INVALID_INPUT', ['measures', 0, 'weight'], 'weight must be at least 0');
 * error.name //=> 'ScalingNavigatorError'
 * error.path //=> ['measures', 0, 'weight']
 * error.message //=> 'measures[0].weight: weight must be at least 0'
 * error.issues //=> [{ path: ['measures', 0, 'weight'], code: 'INVALID_INPUT', message: 'weight must be at least 0' }]
 * ```
 */
export class ScalingNavigatorError extends Error {
  /** Always `'ScalingNavigatorError'`, also in minified builds. */
  override readonly name = 'ScalingNavigatorError';
  /** What kind of problem this is; see {@link ERROR_CODES}. */
  readonly code: ScalingNavigatorErrorCode;
  /** Where the problem is, from the argument down. */
  readonly path: ErrorPath;
  /** Every problem found, the first being the one `code`, `path` and `message` describe. */
  readonly issues: readonly ErrorIssue[];

  /**
   * @param code - What kind of problem.
   * @param path - Where, from the argument down.
   * @param detail - What is wrong, in plain words (the message adds the path in front).
   * @param more - Further problems of the same document, after the first.
   */
  constructor(code: ScalingNavigatorErrorCode, path: ErrorPath, detail: string, more: readonly ErrorIssue[] = []) {
    super(path.length > 0 ? `${formatPath(path)}: ${detail}` : detail);
    this.code = code;
    this.path = Object.freeze([...path]);
    const first: ErrorIssue = Object.freeze({ path: this.path, code, message: detail });
    this.issues = Object.freeze([
      first,
      ...more.map((issue) =>
        Object.freeze({ path: Object.freeze([...issue.path]), code: issue.code, message: issue.message }),
      ),
    ]);
  }
}

/**
 * Whether `error` is a {@link ScalingNavigatorError} from any copy of the library (ESM or CJS,
 * any subpath): it checks `name` and a known `code`, not the class identity.
 *
 * @category Errors
 * @example
 * ```ts
 * import { getStrategy, isScalingNavigatorError } from 'scaling-navigator/framework';
 * let caught: unknown;
 * try { getStrategy('teleport' as never); } catch (error) { caught = error; }
 * isScalingNavigatorError(caught) //=> true
 * isScalingNavigatorError(new TypeError('x')) //=> false
 * ```
 */
export function isScalingNavigatorError(error: unknown): error is ScalingNavigatorError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; path?: unknown };
  return (
    candidate.name === 'ScalingNavigatorError' &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code) &&
    Array.isArray(candidate.path)
  );
}

/** Renders `['measures', 3, 'weight']` as `measures[3].weight`. */
export function formatPath(path: ErrorPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/**
 * The one place errors are built: every module throws through here.
 *
 * @internal
 */
export function fail(code: ScalingNavigatorErrorCode, path: ErrorPath, detail: string): never {
  throw new ScalingNavigatorError(code, path, detail);
}

/** Shorthand for `fail('INVALID_INPUT', …)`. @internal */
export function invalid(path: ErrorPath, detail: string): never {
  return fail('INVALID_INPUT', path, detail);
}

/** Shorthand for `fail('LIMIT_EXCEEDED', …)`. @internal */
export function limitExceeded(path: ErrorPath, detail: string): never {
  return fail('LIMIT_EXCEEDED', path, detail);
}

/** Shorthand for `fail('INCOMPATIBLE', …)`. @internal */
export function incompatible(path: ErrorPath, detail: string): never {
  return fail('INCOMPATIBLE', path, detail);
}

/** Shorthand for `fail('ABORTED', …)`. @internal */
export function aborted(path: ErrorPath, detail: string): never {
  return fail('ABORTED', path, detail);
}
