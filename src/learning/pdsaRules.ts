import { defineRules } from '../framework/_rules.js';

const SECTION = 'Tracking Progress During the Scaling Journey: A Learning System';

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
 * //=> [['learning/too-few-units', 'undetermined'], ['learning/no-attainment', 'undetermined'], ['learning/effect-uncertain', 'undetermined'], ['learning/prediction-held', 'expand'], ['learning/short-of-prediction', 'revise'], ['learning/wrong-direction', 'abandon'], ['learning/no-change', 'abandon']]
 * PDSA_RULES.every((rule) => rule.guidance.source === 'carnegie-2022-scaling-for-equity') //=> true
 * ```
 */
export const PDSA_RULES = /* @__PURE__ */ defineRules('learning', [
  {
    id: 'learning/too-few-units',
    action: 'undetermined',
    description: 'The reference or the tested group has fewer units than policy.minUnits.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'A cycle is judged on the data its planned instrument collected; when too few units were measured there is too little to set against the prediction.',
    },
  },
  {
    id: 'learning/no-attainment',
    action: 'undetermined',
    description:
      'Both groups have enough units, but the attainment cannot be computed: the predicted amount is below the precision the means are held at (it vanishes against them), or the observed change or its ratio to the prediction lies beyond the range of double-precision numbers.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'A cycle is studied against a prediction the data can resolve; a predicted change too small to tell from no change gives the study nothing to set the data against.',
    },
  },
  {
    id: 'learning/effect-uncertain',
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
    id: 'learning/prediction-held',
    action: 'expand',
    description:
      'Attainment is at least policy.heldAt (less policy.tolerance): the measure moved as far as predicted, or further.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary:
        'When the study bears the prediction out, the next step is to try the strategy with more users — more teachers, classrooms or schools.',
    },
  },
  {
    id: 'learning/short-of-prediction',
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
    id: 'learning/wrong-direction',
    action: 'abandon',
    description: 'Attainment is at most −policy.movedAt: the measure moved against the prediction.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: SECTION,
      summary: 'A strategy whose test moved the measure away from the predicted change is a candidate to drop.',
    },
  },
  {
    id: 'learning/no-change',
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
]);

/**
 * The id of a rule in {@link PDSA_RULES}.
 *
 * @category PDSA cycles
 */
export type PdsaRule = (typeof PDSA_RULES)[number]['id'];
