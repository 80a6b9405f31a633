import { DIMENSIONS_RULES } from './dimensions/index.js';
import { FACTOR_VERDICT_RULES } from './factors/index.js';
import { COMPONENT_RULES, THRESHOLD_RULES } from './fidelity/index.js';
import type { RuleEntry, RuleModule } from './framework/index.js';
import { RULE_MODULES, ScalingNavigatorError } from './framework/index.js';
import { PDSA_RULES, RUN_CHART_RULES } from './learning/index.js';
import { PILOT_RULES } from './pilot/index.js';
import { PIT_STOP_RULES } from './pitstop/index.js';
import { REACH_RULES, SITE_RULES } from './reach/index.js';
import { SCREENING_RULES, STRATEGY_SET_RULES } from './strategies/index.js';

/**
 * Options for {@link listRules}.
 *
 * @category Decisions
 */
export interface ListRulesOptions {
  /** Only the rules of this module (default: every module). */
  readonly module?: RuleModule;
}

const CATALOGS: readonly (readonly RuleEntry[])[] = [
  DIMENSIONS_RULES,
  REACH_RULES,
  SITE_RULES,
  THRESHOLD_RULES,
  COMPONENT_RULES,
  FACTOR_VERDICT_RULES,
  SCREENING_RULES,
  STRATEGY_SET_RULES,
  PDSA_RULES,
  RUN_CHART_RULES,
  PILOT_RULES,
  PIT_STOP_RULES,
];

/**
 * Every rule by which the library decides — id (`module/rule`), module, the action it leads to,
 * when it fires and the guidance it rests on — so a district can publish how its tool decides.
 * Rule ids are unique across the library and never renamed; a retired rule stays listed with
 * `retired: true`, so a stored decision that cites it can still be explained. It lives in the root
 * entry (`scaling-navigator`) because it gathers the catalogs of every module. O(number of rules).
 *
 * @category Decisions
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown module or option.
 * @example
 * ```ts
 * import { listRules } from 'scaling-navigator';
 * const rules = listRules();
 * rules.some((rule) => rule.id === 'fidelity/permutation-significant') //=> true
 * new Set(rules.map((rule) => rule.id)).size === rules.length //=> true
 * listRules({ module: 'learning' }).every((rule) => rule.id.startsWith('learning/')) //=> true
 * listRules({ module: 'teleport' as never }) //=> throws INVALID_INPUT
 * ```
 */
export function listRules(options: ListRulesOptions = {}): readonly RuleEntry[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ScalingNavigatorError('INVALID_INPUT', ['options'], 'expected an options object');
  }
  for (const key of Object.keys(options)) {
    if (key !== 'module')
      throw new ScalingNavigatorError('INVALID_INPUT', ['options', key], `unknown option ${key}; did you mean module?`);
  }
  const module = options.module;
  if (module !== undefined && !(RULE_MODULES as readonly unknown[]).includes(module)) {
    throw new ScalingNavigatorError(
      'INVALID_INPUT',
      ['options', 'module'],
      `unknown module; expected one of: ${RULE_MODULES.join(', ')}`,
    );
  }
  const out: RuleEntry[] = [];
  for (const name of RULE_MODULES) {
    if (module !== undefined && name !== module) continue;
    for (const catalog of CATALOGS) for (const rule of catalog) if (rule.module === name) out.push(rule);
  }
  return out;
}
