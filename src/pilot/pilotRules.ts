import { defineRules } from '../framework/_rules.js';

const REL = 'rel-appalachia-pilot';
const GATHER = 'Gather the necessary information for decision-making';
const TEAM = 'Bring together the right people';
const WWC = 'wwc-procedures-handbook-v5';

/**
 * The rules by which {@link decidePilot} decides, checked in this order; the first deciding rule
 * that applies decides. Rules whose `action` is `'advisory'` never decide: they add a reason
 * beside the deciding one (a team without senior leaders, fidelity not measured, supports the
 * pilot lacked, the champions for the next step, prior evidence on record). Each cites its source,
 * in our words.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PILOT_RULES } from 'scaling-navigator/pilot';
 * PILOT_RULES.find((rule) => rule.id === 'pilot/plan-not-done')?.action //=> 'pilot-again'
 * PILOT_RULES.filter((rule) => rule.action === 'scale-up').map((rule) => rule.id)
 * //=> ['pilot/benefit-shown', 'pilot/local-goals-met-accepted']
 * ```
 */
export const PILOT_RULES = /* @__PURE__ */ defineRules('pilot', [
  {
    id: 'pilot/no-outcome-evidence',
    action: 'undetermined',
    description:
      'No primary outcome has an effect estimate and no local goal was recorded: nothing says whether students benefit.',
    guidance: {
      source: REL,
      section: GATHER,
      summary: 'Whether students benefit is one of the four things a pilot must find out before leaders decide.',
    },
  },
  {
    id: 'pilot/plan-not-done',
    action: 'pilot-again',
    description:
      'The share of pilot teachers at the fidelity level associated with outcomes is below policy.minShareWithFidelity: the plan was not done, so the outcomes cannot condemn the intervention. Pilot again, with the supports it lacked.',
    guidance: {
      source: 'nirn-fixsen-2005',
      section: 'Implementation outcomes',
      summary:
        'Outcomes of a practice that was not carried out say nothing about the practice; fidelity has to be in place before outcomes are judged.',
    },
  },
  {
    id: 'pilot/fails-to-benefit',
    action: 'abandon',
    description:
      "With adequate fidelity, every primary outcome's upper confidence bound and every measured focal group's is below policy.minUsefulEffect: the pilot fails to benefit students.",
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'When a faithfully implemented pilot shows that the intervention does not benefit students, leaders can decide against adoption and look for alternatives.',
    },
  },
  {
    id: 'pilot/fails-but-promise-seen',
    action: 'pilot-again',
    description:
      'The pilot fails to benefit students (as for pilot/fails-to-benefit), but leaders recorded that they still see promise (leadersSeePromise).',
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'Leaders who still see great promise in an intervention that failed to benefit students may run another small round of piloting to learn how to address the problem.',
    },
  },
  {
    id: 'pilot/fidelity-needed-to-abandon',
    action: 'undetermined',
    description:
      'The outcomes would fail the intervention, but fidelity was not measured: a plan not done cannot be told from a plan that did not work.',
    guidance: {
      source: 'nirn-fixsen-2005',
      section: 'Implementation outcomes',
      summary: 'Without a measure of implementation, poor outcomes cannot be laid at the door of the practice itself.',
    },
  },
  {
    id: 'pilot/teachers-struggle',
    action: 'pilot-again',
    description: 'An educator-experience item was answered favourably by fewer than policy.minShareFavourable.',
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'When teachers struggle with implementation, another round of small-scale piloting can show how to address it before spreading.',
    },
  },
  {
    id: 'pilot/balancing-worse',
    action: 'pilot-again',
    description:
      'A balancing measure got clearly worse: its whole confidence interval lies beyond its harm margin on the harmful side. Never scale up while it stands.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Tracking Progress During the Scaling Journey: A Learning System',
      summary:
        'Measures of what must not get worse are part of judging a change; an improvement bought with a new harm is not ready to spread.',
    },
  },
  {
    id: 'pilot/focal-groups-not-benefiting',
    action: 'pilot-again',
    description:
      'A focal group with at least policy.minFocalGroupSize students per arm has an effect at or below zero on a primary outcome: the students furthest from opportunity did not benefit.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Where are we headed?',
      summary: 'Scaling for equity means the students furthest from opportunity benefit first and fully, not last.',
    },
  },
  {
    id: 'pilot/inconclusive',
    action: 'pilot-again',
    description:
      "Neither shown nor failed: a primary outcome's estimate is below policy.minUsefulEffect and not significant, yet its interval reaches the useful effect. The evidence gives the clusters (or students) a re-pilot needs to detect the useful effect.",
    guidance: {
      source: 'bloom-1995-mde',
      section: 'Minimum detectable effects',
      summary:
        'A design too small to detect the smallest effect worth having cannot tell a useful effect from none; the minimum detectable effect says how large the next study must be.',
    },
  },
  {
    id: 'pilot/focal-groups-too-small',
    action: 'undetermined',
    description:
      'The evidence names focal groups, but on a primary outcome one has fewer than policy.minFocalGroupSize students in an arm or no estimate at all: whether they benefit cannot be told, and that is not a pass.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Where are we headed?',
      summary: 'Progress for the focal groups has to be seen, not assumed from the average.',
    },
  },
  {
    id: 'pilot/promising',
    action: 'expand-pilot',
    description:
      'Every primary outcome is at least policy.minUsefulEffect (or significantly favourable), but not every one is significantly favourable after the clustering correction: expand to a larger group of testers first.',
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'Leaders may expand to a larger group of testers before scaling district-wide, to learn under which conditions the intervention improves outcomes.',
    },
  },
  {
    id: 'pilot/design-not-credible',
    action: 'expand-pilot',
    description:
      'Every primary outcome is significantly favourable, but the design cannot carry the claim: no comparison group (pre-post), or a comparison group not shown equivalent at baseline where it must be (a QED, a correlational design or an RCT with high or unknown attrition).',
    guidance: {
      source: WWC,
      section: 'Baseline equivalence',
      summary:
        'Without random assignment and low attrition, a difference in outcomes is credible only when the groups were equivalent at baseline (or adjusted for a small difference).',
    },
  },
  {
    id: 'pilot/benefit-shown',
    action: 'scale-up',
    description:
      'Every primary outcome is significantly favourable after the clustering correction, on a credible design, with adequate implementation, no struggling educators, no balancing measure clearly worse and the focal groups benefiting.',
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'With evidence that the intervention can improve student outcomes in the local context, the district is ready to adopt it and plan for scale-up.',
    },
  },
  {
    id: 'pilot/local-goals-met',
    action: 'expand-pilot',
    description:
      'No comparison-group estimate, but every pilot site met every local goal (e.g. all three pilot schools earned the state STEM certification): expand the pilot; with no comparison group the local goals cannot show the intervention caused it.',
    guidance: {
      source: 'digital-promise-pilot-stage',
      section: 'Spotlight: District with a Successful Pilot',
      summary:
        'A pilot in a few schools that meets the district goal it served encourages leaders to expand it, led by the pilot coach and principal who did best.',
    },
  },
  {
    id: 'pilot/local-goals-met-accepted',
    action: 'scale-up',
    description:
      'As pilot/local-goals-met, under a policy that accepts local-goal evidence (acceptLocalGoalEvidence: true).',
    guidance: {
      source: 'digital-promise-pilot-stage',
      section: 'Spotlight: District with a Successful Pilot',
      summary:
        'Encouraged by every pilot school meeting the goal, the district expanded to nearly all its schools, with the best pilot coach and principal leading from the district office.',
    },
  },
  {
    id: 'pilot/local-goals-not-met',
    action: 'pilot-again',
    description: 'No comparison-group estimate, and some pilot site missed a local goal.',
    guidance: {
      source: 'tla-phased-implementation',
      section: 'Pilot and Refine',
      summary: 'Use what the pilot taught to refine the practice before taking it to a larger group.',
    },
  },
  {
    id: 'pilot/fidelity-unknown',
    action: 'advisory',
    description: 'Advisory: the evidence has no fidelity summary, so how the intervention was implemented is unknown.',
    guidance: {
      source: REL,
      section: GATHER,
      summary: 'How the intervention is implemented and adapted is one of the four things a pilot must find out.',
    },
  },
  {
    id: 'pilot/experience-unknown',
    action: 'advisory',
    description: 'Advisory: the evidence has no educator-experience survey.',
    guidance: {
      source: REL,
      section: GATHER,
      summary: 'How educators experience the intervention says how easily its implementation could spread.',
    },
  },
  {
    id: 'pilot/core-adapted',
    action: 'advisory',
    description:
      "Advisory: some logged adaptations did not preserve the intervention's core (preservesCore: false), so the outcomes are partly those of another practice.",
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'How educators adapted the intervention is part of learning how it is implemented, and what spreading it would really spread.',
    },
  },
  {
    id: 'pilot/supports-lacking',
    action: 'advisory',
    description: 'Advisory: some supports the intervention needs were not provided (listed with their cost).',
    guidance: {
      source: REL,
      section: GATHER,
      summary:
        'Note the supports and resources effective implementation needs, and what must be provided more broadly.',
    },
  },
  {
    id: 'pilot/team-not-described',
    action: 'advisory',
    description: 'Advisory: the evidence does not describe the pilot team.',
    guidance: {
      source: REL,
      section: TEAM,
      summary: 'A pilot starts with a cross-functional leadership team.',
    },
  },
  {
    id: 'pilot/team-lacks-senior-leaders',
    action: 'advisory',
    description: 'Advisory: the pilot team has no senior leader with authority to decide and allocate resources.',
    guidance: {
      source: REL,
      section: TEAM,
      summary:
        'The team should include senior district leaders who can make decisions and allocate the resources needed.',
    },
  },
  {
    id: 'pilot/team-lacks-veterans',
    action: 'advisory',
    description:
      'Advisory: no teacher on the pilot team is a veteran (only early adopters or novices, or none recorded).',
    guidance: {
      source: REL,
      section: TEAM,
      summary:
        'A balanced team includes willing veterans, who can judge how receptive colleagues will be and build support for expansion, not only early adopters.',
    },
  },
  {
    id: 'pilot/no-balancing-measures',
    action: 'advisory',
    description: 'Advisory: no balancing measure was recorded, so nothing shows what the pilot may have made worse.',
    guidance: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Tracking Progress During the Scaling Journey: A Learning System',
      summary: 'A family of measures includes what must not get worse.',
    },
  },
  {
    id: 'pilot/champions',
    action: 'advisory',
    description:
      "Advisory: the coaches and principals of the best pilot sites (highest score among the sites that met every local goal) are the next step's champions.",
    guidance: {
      source: 'digital-promise-pilot-stage',
      section: 'Tips for success',
      summary: 'Coaches and administrators who piloted the program are primed to lead it as it expands to new schools.',
    },
  },
  {
    id: 'pilot/prior-evidence',
    action: 'advisory',
    description: 'Advisory: prior external evidence is on record (its ESSA tier and effect), for leaders to weigh.',
    guidance: {
      source: 'essa-evidence-guidance-2016',
      section: 'Evidence tiers',
      summary: 'Evidence from studies elsewhere informs a choice, beside what the local pilot showed.',
    },
  },
]);

/**
 * The id of a rule in {@link PILOT_RULES}.
 *
 * @category Pilot
 */
export type PilotRule = (typeof PILOT_RULES)[number]['id'];
