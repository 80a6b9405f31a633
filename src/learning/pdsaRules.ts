import { deepFreeze } from '../_lib/deepFreeze.js';
import type { Guidance } from '../framework/Decision.js';
import type { PdsaAction } from './PdsaCycle.js';

const SECTION = 'Tracking Progress During the Scaling Journey: A Learning System';

/**
 * The shape of one entry of {@link PDSA_RULES}.
 *
 * @category PDSA cycles
 */
export interface PdsaRuleEntry {
  /** Stable id, used as `rule` in a decision's reasons. */
  readonly id: string;
  /** The act the rule leads to. */
  readonly action: PdsaAction | 'undetermined';
  /** When it fires, in terms of the study and the policy. */
  readonly description: string;
  /** The source and our paraphrase of its advice. */
  readonly guidance: Guidance;
}

/**
 * The rules by which {@link decidePdsa} closes a cycle, checked in this order; the first that applies
 * decides. Attainment is the observed change as a share of the predicted change (negative when the
 * measure moved the other way). Each cites the Carnegie framework's learning-system section, in our words.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_RULES } from 'scaling-navigator/learning';
 * PDSA_RULES.map((rule) => [rule.id, rule.action])
 * //=> [['too-few-units', 'undetermined'], ['effect-uncertain', 'undetermined'], ['prediction-held', 'expand'], ['short-of-prediction', 'revise'], ['wrong-direction', 'abandon'], ['no-change', 'abandon']]
 * PDSA_RULES.every((rule) => rule.guidance.source === 'carnegie-2022-scaling-for-equity') //=> true
 * ```
 */
export const PDSA_RULES = /* @__PURE__ */ deepFreeze([
  {
    id: 'too-few-units',
    action: 'undetermined',
    description: 'The reference or the tested group has fewer units than policy.minUnitsPerGroup.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'A cycle is judged on the data its planned instrument collected; when too few units were measured there is too little to set against the prediction.',
    },
  },
  {
    id: 'effect-uncertain',
    action: 'undetermined',
    description:
      'The prediction held, but policy.requireInterval is on and the effect size’s interval does not exclude zero on the predicted side (or there is none).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'The learning system should let a team tell a real change from noise before it takes a strategy to more people.',
    },
  },
  {
    id: 'prediction-held',
    action: 'expand',
    description: 'Attainment is at least policy.heldAt: the measure moved as far as predicted, or further.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'When the study bears the prediction out, the next step is to try the strategy with more users — more teachers, classrooms or schools.',
    },
  },
  {
    id: 'short-of-prediction',
    action: 'revise',
    description:
      'Attainment is between policy.movedAt and policy.heldAt: the right direction, but short of the prediction.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary: 'When the change falls short of what was predicted, the team can modify the strategy and test it again.',
    },
  },
  {
    id: 'wrong-direction',
    action: 'abandon',
    description: 'Attainment is at most −policy.movedAt: the measure moved against the prediction.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary: 'A strategy whose test moved the measure away from the predicted change is a candidate to drop.',
    },
  },
  {
    id: 'no-change',
    action: 'abandon',
    description:
      'Attainment lies strictly between −policy.movedAt and policy.movedAt: with enough data, nothing moved.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'A strategy whose test left the measure where it was, with the planned data in hand, is a candidate to drop.',
    },
  },
] as const satisfies readonly PdsaRuleEntry[]);

/**
 * The id of a rule in {@link PDSA_RULES}.
 *
 * @category PDSA cycles
 */
export type PdsaRule = (typeof PDSA_RULES)[number]['id'];

/** The guidance of a rule. @internal */
export function pdsaGuidance(rule: PdsaRule): Guidance {
  return (PDSA_RULES.find((entry) => entry.id === rule) as (typeof PDSA_RULES)[number]).guidance;
}
