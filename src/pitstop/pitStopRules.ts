import { defineRules } from '../framework/_rules.js';

const CHECKLIST = 'Appendix: Tool #2: Pit Stop Checklist';
const PIT_STOPS = 'Component 1: Where should we make pit stops along the way?';
const REVISING = 'Appendix: Tool #3: Revisiting and Revising the Strategy Set';
const ADAPTING = 'The Scaling Journey: Adapting to change over time';
const LEARNING = 'Tracking Progress During the Scaling Journey: A Learning System';
const DESTINATION = 'Component 1: Where are we headed on our scaling-for-equity journey?';
const BIG_PUSH = 'At scale is not the same as sustainable';
const SPREAD = 'Spread the intervention to a larger group';
const INSTITUTIONALIZING = 'Institutionalizing change for sustainability';

/**
 * The rules of {@link evaluatePitStop}, {@link assessStage} and {@link evaluatePortfolio}: the four
 * checklist questions (on course, broken, fuel, left behind), the decision per strategy (keep,
 * revise, pause, remove), the strategies to add, the route, and the stage. Every reason of their
 * decisions names one of these ids; an `'undetermined'` rule says what evidence is missing.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PIT_STOP_RULES } from 'scaling-navigator/pitstop';
 * PIT_STOP_RULES.find((rule) => rule.id === 'pitstop/money-runs-out')?.action //=> 'fuel-low'
 * PIT_STOP_RULES.filter((rule) => rule.action === 'remove').map((rule) => rule.id) //=> ['pitstop/excludes-useful-effect', 'pitstop/unacceptable-to-partner']
 * PIT_STOP_RULES.every((rule) => rule.id.startsWith('pitstop/')) //=> true
 * ```
 */
export const PIT_STOP_RULES = /* @__PURE__ */ defineRules('pitstop', [
  // ── Are we still headed towards our destination? ────────────────────────────────────────────
  {
    id: 'pitstop/destination-reached',
    action: 'on-course',
    description: 'Every target of the destination (each dimension and each reach target) is met.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Look at the data collected and judge progress against the destination on the trip ticket.',
    },
  },
  {
    id: 'pitstop/projected-on-time',
    action: 'on-course',
    description: 'Every target not yet met has a projected arrival on or before `arriveBy`.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary: 'A pit stop asks whether the team is still headed to its destination and making good time.',
    },
  },
  {
    id: 'pitstop/projected-late',
    action: 'off-course',
    description: 'A target not yet met is projected to arrive after `arriveBy`, or not to arrive by then.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary: 'A projection that misses the arrival date means the team is not making good time on its route.',
    },
  },
  {
    id: 'pitstop/past-arrive-by',
    action: 'off-course',
    description: 'The pit stop is after `arriveBy` and a target is still not met.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary: 'The trip ticket names when the team means to arrive; a target still open after that date was missed.',
    },
  },
  {
    id: 'pitstop/no-projection',
    action: 'undetermined',
    description: 'A target not yet met has no projected arrival, so whether it will be met in time is unknown.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary:
        'Without a projection of reach or progress over time the team cannot tell whether it will arrive on time; collect the data that would show the pace.',
    },
  },
  {
    id: 'pitstop/target-unmeasured',
    action: 'undetermined',
    description: 'A target of the destination has no data (no score for the dimension, no reach summary).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary: 'What is not measured cannot be judged at a pit stop; the learning system should collect it.',
    },
  },
  // ── Is anything broken? How do we fix it? ───────────────────────────────────────────────────
  {
    id: 'pitstop/no-contribution',
    action: 'broken',
    description:
      "A strategy's effect interval lies wholly below the policy's `minUsefulEffect`: the data exclude a useful contribution.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: REVISING,
      summary: 'Ask what the data say about how each strategy contributes to scaling; one that does not is broken.',
    },
  },
  {
    id: 'pitstop/step-overdue',
    action: 'broken',
    description:
      "A step of a planned or active strategy is not done more than the policy's `overdueAfterDays` after its date.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'A step past its date and not done is something broken to fix, or a sign the fuel is running low.',
    },
  },
  {
    id: 'pitstop/superficial-spread',
    action: 'broken',
    description: 'The superficial-spread report found spread rising while depth fell.',
    guidance: {
      source: 'rel-appalachia-pilot',
      section: SPREAD,
      summary:
        'The most common pitfall as an intervention spreads is that its use grows shallower; watch the quality of implementation as numbers grow.',
    },
  },
  {
    id: 'pitstop/run-chart-wrong-way',
    action: 'broken',
    description:
      "An outcome or process measure's run chart shows a signal (shift, trend or long run) on the worse side of its median.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary: 'The learning system turns data into insight: a measure that moves the wrong way is something to fix.',
    },
  },
  {
    id: 'pitstop/balancing-worsening',
    action: 'broken',
    description: "A balancing measure's run chart shows a signal on the worse side of its median.",
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Run chart rules for non-random variation',
      summary:
        'A balancing measure watches what must not get worse; a non-random signal in the worse direction means a change is costing something elsewhere.',
    },
  },
  {
    id: 'pitstop/pdsa-wrong-direction',
    action: 'broken',
    description: "A PDSA study of the strategy observed a change opposite to the team's prediction.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary:
        'Study the data against the prediction; a change in the opposite direction calls for revising the strategy.',
    },
  },
  {
    id: 'pitstop/nothing-broken',
    action: 'not-broken',
    description:
      'Every check ran (a strategy set, a superficial-spread report and evidence for each planned or active strategy) and none found a problem.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Consider the progress made and decide about each strategy in the strategy set.',
    },
  },
  {
    id: 'pitstop/broken-unchecked',
    action: 'undetermined',
    description:
      'No problem was found, but some check could not run: no strategy set, no superficial-spread report, or a strategy without evidence.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: LEARNING,
      summary: 'A strategy the data do not inform cannot be judged; plan the data that would show whether it works.',
    },
  },
  // ── Is our fuel running low? ────────────────────────────────────────────────────────────────
  {
    id: 'pitstop/money-runs-out',
    action: 'fuel-low',
    description:
      "At the monthly burn, the budget left runs out (budget ÷ (burn × 12 / 365.25) days after `asOf`) before the journey's end.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary:
        'Consider whether the team’s financial resources can carry the existing strategy set to the destination.',
    },
  },
  {
    id: 'pitstop/hours-short',
    action: 'fuel-low',
    description: 'The hours the open steps need exceed the hours the people have.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Consider whether the team’s human resources can carry the existing strategy set.',
    },
  },
  {
    id: 'pitstop/big-push',
    action: 'fuel-low',
    description:
      'One-time money or a one-off event ends before `arriveBy` and no system is named to carry the work after it.',
    guidance: {
      source: 'scaling-up-research-summary',
      section: BIG_PUSH,
      summary:
        'Efforts that rely on a big push (an influx of resources, a large professional-learning event) without systems behind them decline; plan what carries the work when the push ends.',
    },
  },
  {
    id: 'pitstop/fuel-sufficient',
    action: 'fuel-ok',
    description:
      "The money lasts to the journey's end, the people's hours cover the open steps, and no one-time support ends unsupported.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'The financial and human resources can support the existing strategy set.',
    },
  },
  {
    id: 'pitstop/fuel-unknown',
    action: 'undetermined',
    description:
      'No fuel problem was found, but the budget, the monthly burn, or the hours (needed or available) are missing.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'The fuel question needs the money left, the rate it is spent, and the people’s time against the work.',
    },
  },
  // ── Who is driving, who is navigating, and who has been left behind? ────────────────────────
  {
    id: 'pitstop/focal-below-target',
    action: 'left-behind',
    description: "A focal group's reach check is not met while the check for everyone is met.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: DESTINATION,
      summary:
        'A destination for equity gives the most attention to students furthest from opportunity; a focal group short of its target while others arrive has been left behind.',
    },
  },
  {
    id: 'pitstop/focal-gap',
    action: 'left-behind',
    description: "A focal group's reach rate trails everyone else's by more than the policy's `maxReachGap`.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary: 'Pit stops include targeted equity assessments of who has been left behind.',
    },
  },
  {
    id: 'pitstop/focal-pace',
    action: 'left-behind',
    description:
      "Since the previous reach summary, a focal group's reach rate rose less than everyone else's by more than the policy's `maxPaceGap`.",
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary: 'A group whose reach grows more slowly than the rest is falling behind, even before it misses a target.',
    },
  },
  {
    id: 'pitstop/role-absent-from-decisions',
    action: 'left-behind',
    description: 'A role of the team or of a partner took part in none of the decisions given (`decidedBy`).',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Consider whether all of the necessary people are at the table: who is driving and who is navigating.',
    },
  },
  {
    id: 'pitstop/voice-missing',
    action: 'left-behind',
    description: 'A voice the trip ticket promised (`promisedVoices`) is carried by no one on the team.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: CHECKLIST,
      summary: 'Check in on the scaling intentions and see whether everyone who was meant to be at the table is there.',
    },
  },
  {
    id: 'pitstop/no-one-left-behind',
    action: 'no-one-left-behind',
    description:
      'Every focal group is on a par with the rest, every role took part in decisions and every promised voice is on the team.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary: 'The equity assessment found no group, role or voice left behind.',
    },
  },
  {
    id: 'pitstop/left-behind-unknown',
    action: 'undetermined',
    description:
      'No one was found left behind, but the reach summary, the team, the decisions or the promised voices are missing.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: PIT_STOPS,
      summary:
        'Who has been left behind can only be told from reach by focal group and from who takes part in decisions.',
    },
  },
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
]);

/** The id of one of {@link PIT_STOP_RULES}. @category Pit stops */
export type PitStopRule = (typeof PIT_STOP_RULES)[number]['id'];
