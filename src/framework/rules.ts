import type { Guidance } from './Decision.js';

/**
 * The modules whose functions decide, and so own rule catalogs. A rule's id starts with its
 * module's name: `fidelity/permutation-significant`.
 *
 * @category Decisions
 * @example
 * ```ts
 * import { RULE_MODULES } from 'scaling-navigator/framework';
 * RULE_MODULES.includes('fidelity') //=> true
 * ```
 */
export const RULE_MODULES = /* @__PURE__ */ Object.freeze([
  'dimensions',
  'reach',
  'fidelity',
  'factors',
  'strategies',
  'learning',
  'pilot',
  'pitstop',
  'journey',
] as const);

/**
 * One of {@link RULE_MODULES}.
 *
 * @category Decisions
 */
export type RuleModule = (typeof RULE_MODULES)[number];

/**
 * One rule of a module's rule catalog, the same shape in every module: a stable id
 * (`module/rule`, never renamed once published; a retired rule stays listed with `retired: true`),
 * the outcome it leads to (`action`), when it fires, and the guidance it rests on.
 *
 * @category Decisions
 */
export interface RuleEntry<Id extends string = string, Action extends string = string> {
  /** Stable id, `module/rule`, used as `rule` in a decision's reasons. */
  readonly id: Id;
  /** The module whose catalog holds the rule. */
  readonly module: RuleModule;
  /** The outcome the rule leads to when it fires (`'undetermined'` when it withholds a decision). */
  readonly action: Action;
  /** When the rule fires, in terms of the evidence and the policy. */
  readonly description: string;
  /** The source and our paraphrase of its advice. */
  readonly guidance: Guidance;
  /** `true` for a rule no longer applied; kept so stored decisions that cite it stay readable. */
  readonly retired: boolean;
}
