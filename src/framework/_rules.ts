/**
 * Builders behind every module's rule catalog and decisions (private to the library).
 *
 * @internal
 * @module
 */
import { deepFreeze } from '../_lib/deepFreeze.js';
import { ScalingNavigatorError } from '../_lib/errors.js';
import type { Decision, DecisionReason, Guidance } from './Decision.js';
import type { RuleEntry, RuleModule } from './rules.js';
import { LIBRARY_VERSION } from './version.js';

/** A rule as a catalog writes it: `module` and `retired` are filled in. */
export type RuleSpec<Id extends string, Action extends string> = Omit<RuleEntry<Id, Action>, 'module' | 'retired'> & {
  readonly retired?: boolean;
};

/**
 * Builds a module's rule catalog: fills in `module` and `retired`, checks that every id is
 * `module/rule` and unique, and freezes the result. Call sites mark it `/* @__PURE__ *\/`.
 *
 * @internal
 */
export function defineRules<const Id extends string, const Action extends string>(
  module: RuleModule,
  rules: readonly RuleSpec<Id, Action>[],
): readonly RuleEntry<Id, Action>[] {
  const seen = new Set<string>();
  const entries = rules.map((rule) => {
    if (!rule.id.startsWith(`${module}/`) || !/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) {
      throw new ScalingNavigatorError('INVALID_INPUT', ['rules', rule.id], `rule ids are '${module}/kebab-case'`);
    }
    if (seen.has(rule.id)) throw new ScalingNavigatorError('INVALID_INPUT', ['rules', rule.id], 'duplicate rule id');
    seen.add(rule.id);
    return {
      id: rule.id,
      module,
      action: rule.action,
      description: rule.description,
      guidance: rule.guidance,
      retired: rule.retired ?? false,
    };
  });
  return deepFreeze(entries);
}

/** Each catalog's guidance by rule id, built on its first lookup (a report cites dozens of reasons). */
const guidanceByCatalog = new WeakMap<readonly RuleEntry<string>[], ReadonlyMap<string, Guidance>>();

/**
 * The one guidance lookup: the guidance of rule `id` in `catalog`.
 *
 * @internal
 */
export function ruleGuidance<Id extends string>(catalog: readonly RuleEntry<Id>[], id: Id): Guidance {
  let byId = guidanceByCatalog.get(catalog);
  if (byId === undefined) {
    byId = new Map(catalog.map((entry) => [entry.id, entry.guidance]));
    guidanceByCatalog.set(catalog, byId);
  }
  const guidance = byId.get(id);
  if (guidance === undefined) {
    throw new ScalingNavigatorError('INVALID_INPUT', ['rule'], `no rule ${id} in the catalog`);
  }
  return guidance;
}

/**
 * A decision reason: the rule, the evidence that fired it, and the rule's guidance from `catalog`.
 *
 * @internal
 */
export function ruleReason<Id extends string>(
  catalog: readonly RuleEntry<Id>[],
  rule: Id,
  evidence: DecisionReason['evidence'],
): DecisionReason<Id> {
  return { rule, evidence, guidance: ruleGuidance(catalog, rule) };
}

/**
 * A decision with the library version filled in.
 *
 * @internal
 */
export function decide<Action extends string, Rule extends string, Policy>(
  action: Action | 'undetermined',
  reasons: readonly DecisionReason<Rule>[],
  policy: Policy,
): Decision<Action, Rule, Policy> {
  return { action, reasons, policy, version: LIBRARY_VERSION };
}
