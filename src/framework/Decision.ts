import type { SourceCitation } from './sources.js';

/**
 * Where a decision rule comes from: a source citation plus the guidance in our words (no source
 * text is copied).
 *
 * @category Decisions
 */
export interface Guidance extends SourceCitation {
  /** What the source advises, paraphrased. */
  readonly summary: string;
}

/**
 * One reason behind a decision: the rule that fired (an id from the deciding module's exported rule
 * catalog), the numbers that made it fire, and the guidance it rests on.
 *
 * @category Decisions
 */
export interface DecisionReason<Rule extends string = string> {
  /** Id of the rule in the module's rule catalog. */
  readonly rule: Rule;
  /** The evidence that triggered it, as plain named values. */
  readonly evidence: Readonly<Record<string, number | string | boolean | null>>;
  /** The source and our paraphrase of its advice. */
  readonly guidance: Guidance;
}

/**
 * An explained decision, as every deciding function in the library returns it: the action (always
 * including `'undetermined'`), the reasons, the effective policy and the library version that
 * decided — so a stored decision can be audited later.
 *
 * @category Decisions
 */
export interface Decision<Action extends string, Rule extends string = string, Policy = unknown> {
  readonly action: Action | 'undetermined';
  readonly reasons: readonly DecisionReason<Rule>[];
  readonly policy: Policy;
  /** The `scaling-navigator` version that made the decision ({@link framework!LIBRARY_VERSION}). */
  readonly version: string;
}
