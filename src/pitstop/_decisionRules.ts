/**
 * The rule specs of the decisions per strategy, additions, the route and stages (part of
 * {@link PIT_STOP_RULES}).
 *
 * @internal
 * @module
 */
import { ADAPTING, BIG_PUSH, CHECKLIST, INSTITUTIONALIZING, LEARNING, REVISING, SPREAD } from './_ruleSections.js';

/** The rules of the decisions: per strategy, additions, the route, stages. */
export const DECISION_RULE_SPECS = [
  // ── Each strategy: keep, revise, pause or remove ────────────────────────────────────────────
  {
    id: 'pitstop/contributes',
    action: 'keep',
    description:
      "The strategy's data show a contribution: an effect interval above zero, a run-chart signal on the better side, or a PDSA change as predicted.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'A strategy still acceptable, affordable and shown by the data to contribute is kept.',
    },
  },
  {
    id: 'pitstop/excludes-useful-effect',
    action: 'remove',
    description: "The strategy's effect interval lies wholly below the policy's `minUsefulEffect`.",
    guidance: {
      source: 'wwc-procedures-handbook-v5',
      section: 'Substantively important effect sizes',
      summary:
        'Remove a strategy only when the evidence rules out a useful effect, not when it merely fails to reach significance.',
    },
  },
  {
    id: 'pitstop/unacceptable-to-partner',
    action: 'remove',
    description:
      'A partner finds the strategy unacceptable and the data show no contribution that would make it worth revising.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'Every strategy must remain acceptable to all partners, not only the most powerful.',
    },
  },
  {
    id: 'pitstop/unacceptable-but-contributing',
    action: 'revise',
    description:
      'A partner finds the strategy unacceptable, but the data show it contributes: revise it with that partner.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary:
        'A strategy one partner cannot accept is never kept unchanged; one that works is revised with that partner.',
    },
  },
  {
    id: 'pitstop/unaffordable-for-partner',
    action: 'pause',
    description: 'A partner cannot afford the strategy: pause it until it is affordable again.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary:
        'Ask at each pit stop whether each strategy is still affordable; a team may pause one when conditions change.',
    },
  },
  {
    id: 'pitstop/fix-broken-strategy',
    action: 'revise',
    description:
      'The strategy has an overdue step, a measure moving the wrong way, a worsening balancing measure or a PDSA change opposite to the prediction.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Whatever is broken is fixed by revising the strategy: its steps, its theory of action or its measures.',
    },
  },
  {
    id: 'pitstop/aim-at-left-behind-group',
    action: 'revise',
    description:
      'A focal group is left behind and the strategy is aimed at it (or no strategy is): revise it toward that group.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Scaling Strategies',
      summary: 'The choice of strategies and the steps taken to carry them out can themselves be driven by equity.',
    },
  },
  {
    id: 'pitstop/conditions-changed',
    action: 'revise',
    description:
      'Since the previous factor review a factor became or worsened as a roadblock, and the strategy does not answer it: adapt it to the new conditions.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: ADAPTING,
      summary:
        'Changes in influential factors (a new superintendent with a new strategic plan, say) make an unplanned pit stop: adapt the strategies, as one partnership re-purposed its trainings to support the new plan.',
    },
  },
  {
    id: 'pitstop/inconclusive-evidence',
    action: 'undetermined',
    description:
      "The strategy's effect interval spans both zero and the policy's `minUsefulEffect`: neither a contribution nor its absence is shown; collect more data.",
    guidance: {
      source: 'wwc-procedures-handbook-v5',
      section: 'Substantively important effect sizes',
      summary: 'Data that merely fail to reach significance are not evidence of no effect; they ask for more data.',
    },
  },
  {
    id: 'pitstop/no-strategy-evidence',
    action: 'undetermined',
    description: 'No effect, run chart, PDSA study or partner judgement informs the strategy.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'Examine the data that inform each strategy; without any, the decision waits for data.',
    },
  },
  // ── Strategies to add ────────────────────────────────────────────────────────────────────────
  {
    id: 'pitstop/addition-passes-screening',
    action: 'add',
    description:
      'A strategy the factor review suggests for a roadblock is acceptable and affordable for every partner (`screenStrategies`).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary:
        'Added strategies answer the roadblocks the factor review anticipates and must be acceptable and affordable.',
    },
  },
  {
    id: 'pitstop/addition-fails-screening',
    action: 'do-not-add',
    description: 'A suggested strategy is unacceptable or unaffordable for some partner.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'A strategy one partner cannot accept or afford is not added, however well it answers a roadblock.',
    },
  },
  {
    id: 'pitstop/addition-awaiting-partners',
    action: 'undetermined',
    description: 'A suggested strategy has not been judged by every partner (or no partner judgements were given).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'Ask every partner whether an added strategy is acceptable and affordable before adding it.',
    },
  },
  // ── The route ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pitstop/recalibrate-destination',
    action: 'recalibrate-destination',
    description:
      'A target is projected to miss `arriveBy` (or missed it), and low fuel or a roadblock no strategy answers rules out catching up.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: ADAPTING,
      summary:
        'Changes in influential factors may require a team to recalibrate its destination, and then to remove, adapt or add strategies.',
    },
  },
  {
    id: 'pitstop/strategies-change',
    action: 'adjust-route',
    description: 'Some strategy is revised, paused or removed, or a strategy is added.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary:
        'The feedback loop tells the team whether to continue, adjust the route slightly, or take another course.',
    },
  },
  {
    id: 'pitstop/off-course-catch-up',
    action: 'adjust-route',
    description: 'The team is off course but nothing rules out catching up: the route must change to arrive on time.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary: 'A team not making good time adjusts its route.',
    },
  },
  {
    id: 'pitstop/stay-the-course',
    action: 'stay-the-course',
    description: 'The team is on course and no strategy changes.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary:
        'When the data show the team on course with every strategy working, it continues toward its destination.',
    },
  },
  {
    id: 'pitstop/route-unknown',
    action: 'undetermined',
    description: 'No strategy changes, but whether the team is on course is undetermined.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary: 'Staying the course needs evidence that the course leads to the destination.',
    },
  },
  // ── Stages ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pitstop/stage-evidence-met',
    action: 'ready',
    description: 'Every piece of evidence the next stage asks for is there and met (see `assessStage`).',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary:
        'From pilot to a larger group of willing educators, then to a "tight" practice everyone implements with fidelity, the quality of implementation must hold as spread grows.',
    },
  },
  {
    id: 'pitstop/stage-evidence-not-met',
    action: 'not-ready',
    description: 'Some evidence the next stage asks for is known to fall short.',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary: 'A practice whose depth or fidelity thins out as it spreads is not ready to be made tight.',
    },
  },
  {
    id: 'pitstop/not-sustained-after-turnover',
    action: 'not-ready',
    description: 'Sustainability was not met at a check after a leadership change.',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: INSTITUTIONALIZING,
      summary:
        'Only when the intervention is the way things are done and survives leadership turnover is scaling complete.',
    },
  },
  {
    id: 'pitstop/stage-evidence-missing',
    action: 'undetermined',
    description: 'Some evidence the next stage asks for is missing (and none falls short).',
    guidance: {
      source: 'scaling-up-research-summary',
      section: BIG_PUSH,
      summary:
        'At scale is not the same as sustainable: each needs its own evidence, and institutionalization needs sustainability shown after a change of leaders.',
    },
  },
] as const;
