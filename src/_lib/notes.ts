/**
 * Why a result has no estimate or no decision, or what a reader should know about it: a stable
 * `code` apps branch on, a message in plain words, and the result `field` it explains (`null` when
 * it concerns the whole result). Results carry `notes: Note[]` (empty when there is nothing to
 * say), never a silent `null`.
 *
 * @category Results
 */
export interface Note<Code extends string = string> {
  /** Stable, machine-readable reason. */
  readonly code: Code;
  /** The reason in plain words. */
  readonly message: string;
  /** The result field the note explains (e.g. `'estimate'`, `'decision'`), or `null` for the whole result. */
  readonly field: string | null;
}

/** Builds a note. @internal */
export function note<Code extends string>(code: Code, message: string, field: string | null = null): Note<Code> {
  return { code, message, field };
}
