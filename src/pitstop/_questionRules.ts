/**
 * The rule specs of the four checklist questions (part of {@link PIT_STOP_RULES}).
 *
 * @internal
 * @module
 */
import { BIG_PUSH, CHECKLIST, DESTINATION, LEARNING, PIT_STOPS, REVISING, SPREAD } from './_ruleSections.js';

/** The rules of the four checklist questions. */
export const QUESTION_RULE_SPECS = [
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
] as const;
