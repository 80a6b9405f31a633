/**
 * Why a result has no estimate or no decision: a stable `code` apps branch on and a message in
 * plain words. Results carry `note: Note | null` (or a list of notes), never a silent `null`.
 *
 * @category Results
 */
export interface Note<Code extends string = string> {
  /** Stable, machine-readable reason. */
  readonly code: Code;
  /** The reason in plain words. */
  readonly message: string;
}

/** Builds a note. @internal */
export function note<Code extends string>(code: Code, message: string): Note<Code> {
  return { code, message };
}
