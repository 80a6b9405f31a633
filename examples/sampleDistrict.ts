/**
 * A sample district for the demo and the tests: fictional "Riverbend Unified", sized like the research
 * summary on scaling up's average U.S. district (about 7 schools, 400 teachers and staff, 4,000 students), scaling
 * project-based learning with a trip ticket modelled on the Carnegie framework's HQPBL example.
 */
import type { DepthSpreadPoint } from 'scaling-navigator/dimensions';
import type { MeasureInput, TripTicketInput } from 'scaling-navigator/framework';

export const riverbendTripTicket: TripTicketInput = {
  id: 'riverbend-pbl',
  title: 'Riverbend Unified: high-quality project-based learning',
  createdOn: '2025-08-15',
  peoplePresent: [
    'Assistant superintendent',
    'Two teacher leaders',
    'PBL coach',
    'Family liaison',
    'University partner',
  ],
  equityDefinition:
    'Every student has powerful learning experiences; students who have had the fewest get the most attention and get them first.',
  scalingForEquityDefinition:
    'Project-based learning becomes everyday practice in every school, reaching students in poverty, English learners and students with disabilities at least as fully as everyone else.',
  equityConfigurations: ['serve-underserved-schools', 'reach-focal-groups-first', 'share-ownership'],
  focalGroups: [
    { id: 'poverty', label: 'Students in poverty', definition: 'Directly certified for free meals' },
    { id: 'el', label: 'English learners', definition: 'Identified English learners in the fall census' },
    { id: 'swd', label: 'Students with disabilities', definition: 'Students with an IEP' },
  ],
  destination: {
    description: 'Two high-quality projects a year for most students, and for most of those furthest from opportunity.',
    dimensions: { depth: 0.7, sustainability: 0.6, spread: 0.8, ownership: 0.6 },
    reach: [
      {
        population: { unit: 'students', size: 4000 },
        minEngagements: 2,
        overall: 0.8,
        focal: 0.8,
        focalRule: 'union',
        period: { start: '2026-08-01', end: '2027-07-31' },
        by: '2027-06-30',
      },
    ],
  },
  arriveBy: '2027-06-30',
  route: ['proof-point', 'local-champions', 'network-of-users', 'educate-policymakers'],
  pitStops: [
    {
      date: '2026-01-20',
      why: 'Mid-year walkthrough data are in',
      focus: 'Depth in the three pilot schools',
      questions: ['on-course', 'broken'],
    },
    {
      date: '2026-06-15',
      why: 'End of the pilot year',
      focus: 'Pilot decision and budget for expansion',
      questions: ['fuel', 'left-behind'],
    },
    {
      date: '2027-01-20',
      why: 'Mid-year of the expansion',
      focus: 'Reach of focal students',
      questions: ['on-course', 'left-behind'],
    },
  ],
  arrival: {
    successLooksLike: 'Projects are how learning happens in every school, led by our own teachers.',
    advancesEquityBy: 'Focal students are reached first and at least as fully as their peers.',
    measures: [
      {
        id: 'walkthrough-depth',
        label: 'Walkthrough PBL rubric (1–4)',
        dimension: 'depth',
        scale: { min: 1, max: 4 },
        instrument: 'walkthrough protocol',
        schedule: 'each semester',
        who: 'PBL coach',
      },
      {
        id: 'projects-reached',
        label: 'Students with two projects this year (%)',
        dimension: 'spread',
        scale: { min: 0, max: 100 },
        instrument: 'project log',
        schedule: 'quarterly',
        who: 'data office',
      },
    ],
  },
};

/** Measures from the spring 2026 data collection (the Carnegie framework, Tool #5). */
export const riverbendMeasures: MeasureInput[] = [
  {
    id: 'walkthrough-depth',
    label: 'Walkthrough PBL rubric (1–4)',
    dimension: 'depth',
    value: 2.8,
    scale: { min: 1, max: 4 },
    weight: 2,
    collectedOn: '2026-05-01',
  },
  {
    id: 'teacher-beliefs',
    label: 'Teachers who believe all students can do PBL (%)',
    dimension: 'depth',
    value: 64,
    scale: { min: 0, max: 100 },
    collectedOn: '2026-04-15',
  },
  {
    id: 'budget-line',
    label: 'PBL funded in the general budget (share of cost)',
    dimension: 'sustainability',
    value: 0.35,
    scale: { min: 0, max: 1 },
    collectedOn: '2026-06-01',
  },
  {
    id: 'pbl-in-policy',
    label: 'Board policy names PBL (0 no, 1 draft, 2 adopted)',
    dimension: 'sustainability',
    value: 1,
    scale: { min: 0, max: 2 },
    collectedOn: '2026-06-01',
  },
  {
    id: 'projects-reached',
    label: 'Students with two projects this year (%)',
    dimension: 'spread',
    value: 46,
    scale: { min: 0, max: 100 },
    weight: 2,
    collectedOn: '2026-06-10',
  },
  {
    id: 'schools-reached',
    label: 'Schools with at least one PBL teacher (of 7)',
    dimension: 'spread',
    value: 6,
    scale: { min: 0, max: 7 },
    collectedOn: '2026-06-10',
  },
  {
    id: 'coach-dependence',
    label: 'Projects designed without the outside coach (%)',
    dimension: 'ownership',
    value: 55,
    scale: { min: 0, max: 100 },
    collectedOn: '2026-05-20',
  },
  {
    id: 'champion-visits',
    label: 'Proof-point visits hosted',
    strategy: 'proof-point',
    value: 9,
    scale: { min: 0, max: 20 },
    collectedOn: '2026-05-30',
  },
];

/** Teachers meant to use PBL, and those whose walkthroughs meet the fidelity bar. */
export const riverbendPractice = { intended: 400, withFidelity: 148 };

/** Depth and spread scores from earlier assessments (scores of assessScale on each date). */
export const riverbendHistory: DepthSpreadPoint[] = [
  { date: '2025-06-10', depth: 0.62, spread: 0.12 },
  { date: '2026-01-20', depth: 0.66, spread: 0.3 },
  { date: '2026-06-10', depth: 0.57, spread: 0.58 },
];

/**
 * The 84 teachers of Riverbend's seven schools in spring 2026: fidelity of implementation (the
 * walkthrough rubric as a proportion, in steps of 0.05), their students' mean growth score, and
 * their school.
 */
export const riverbendTeachers = {
  fidelity: [
    0.65, 0.5, 0.55, 0.7, 0.6, 0.4, 0.55, 0.75, 0.6, 0.6, 0.75, 0.95, 0.5, 0.8, 0.35, 0.6, 0.4, 0.8, 0.7, 0.75, 0.45,
    0.7, 0.5, 0.5, 0.65, 0.75, 0.6, 0.5, 0.45, 0.85, 0.7, 0.7, 0.95, 0.45, 1.0, 1.0, 0.95, 0.8, 0.55, 0.8, 0.6, 0.65,
    0.6, 0.7, 0.85, 0.55, 0.5, 0.5, 0.5, 0.4, 0.5, 0.85, 0.55, 0.7, 0.45, 0.65, 0.35, 0.5, 1.0, 0.55, 0.8, 0.65, 0.55,
    0.5, 0.8, 0.55, 0.85, 0.45, 0.6, 0.65, 0.65, 0.4, 0.5, 0.55, 0.45, 0.7, 0.7, 0.25, 0.3, 0.4, 0.6, 0.95, 0.55, 0.65,
  ],
  growth: [
    46.3, 45.7, 43.9, 50.3, 50.5, 46.8, 51.3, 52.5, 48.3, 49.6, 53.1, 61.3, 46.3, 51.3, 50.3, 49.7, 50.1, 60.0, 50.5,
    56.3, 52.5, 53.9, 53.1, 49.6, 44.4, 51.5, 47.2, 48.3, 45.5, 56.2, 46.9, 45.2, 51.6, 42.6, 59.6, 54.5, 63.3, 63.8,
    55.6, 63.1, 51.7, 48.7, 57.2, 52.7, 61.1, 54.2, 51.4, 56.9, 56.9, 54.3, 51.5, 59.4, 49.4, 53.4, 51.2, 50.3, 52.9,
    48.5, 63.1, 46.8, 56.1, 51.5, 50.8, 55.7, 57.0, 47.4, 62.5, 47.0, 51.4, 51.5, 47.9, 51.9, 50.0, 50.7, 47.5, 54.4,
    49.6, 44.3, 51.6, 47.9, 49.7, 64.3, 51.9, 51.2,
  ],
  school: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].flatMap((id, index) =>
    Array.from({ length: [13, 11, 12, 14, 10, 12, 12][index] ?? 0 }, () => id),
  ),
};

/** The improvement team's factor review before the June 2026 pit stop (CFIR scale −2…+2). */
export const riverbendFactorRatings = [
  ['observability', [-2, -1, -2, -1]],
  ['compatibility', [1, 2, 1, 1]],
  ['complexity', [-1, -1, -2, 0]],
  ['attitudes', [1, 1, 2, 1]],
  ['leadership', [2, -1, -2, 1]],
  ['competition-for-attention', [-2, -2, -1, -2]],
  ['policies', [0, -1, 0, -1]],
].flatMap(([factorId, ratings]) =>
  (ratings as number[]).map((rating, index) => ({
    factorId: factorId as string,
    raterId: ['coach', 'teacher-leader', 'principal', 'family-liaison'][index] as string,
    role: index < 2 ? 'school' : 'district',
    rating: rating as -2 | -1 | 0 | 1 | 2,
    ratedOn: '2026-06-01',
  })),
);

/** A PDSA cycle on the proof-point route: two visits to a demonstration classroom (Carnegie framework). */
export const riverbendProofPointCycle = {
  id: 'proof-point-visits-1',
  plan: {
    change: 'Two visits to a demonstration classroom with an observation protocol',
    strategyId: 'proof-point' as const,
    measure: 'Minutes of teacher-directed per minute of student-directed learning',
    prediction: { direction: 'decrease' as const, amount: 1 },
    instrument: 'Structured classroom observation protocol',
    sample: { unit: 'classroom', size: 5 },
  },
  do: {
    design: 'before-after' as const,
    observations: [
      ...[3.1, 2.7, 3.4, 2.9, 3.0].map((value, i) => ({
        unit: `room-${i + 1}`,
        group: 'before' as const,
        date: '2026-02-02',
        value,
      })),
      ...[2.3, 2.2, 2.6, 2.1, 2.4].map((value, i) => ({
        unit: `room-${i + 1}`,
        group: 'after' as const,
        date: '2026-03-09',
        value,
      })),
    ],
  },
};

/** Weekly share (%) of walkthroughs showing a student-led project task, spring 2026. */
export const riverbendWeeklyWalkthroughs = [31, 34, 29, 33, 32, 30, 35, 33, 38, 41, 39, 43, 40, 44, 42, 45];

/** Riverbend's strategy set at the June 2026 pit stop (the Carnegie framework, Tool #3). */
export const riverbendStrategySet = {
  id: 'riverbend-pbl-strategies',
  title: 'Riverbend PBL strategy set',
  entries: [
    {
      strategyId: 'proof-point' as const,
      theoryOfAction: {
        steps: [
          'visit-site',
          'observe-with-protocol',
          'guidance-from-experts',
          'try-and-get-feedback',
          'be-accountable',
        ],
        expectedChange: 'Visiting teachers run a project in their own classroom within a semester',
        conditions: 'Release time for two visits per teacher',
        forWhom: ['poverty', 'el'],
      },
      steps: [
        { what: 'Host the spring visits', who: ['coach'], lead: 'coach', when: '2026-03-01', doneOn: '2026-02-27' },
      ],
      addedOn: '2025-09-01',
    },
    {
      strategyId: 'local-champions' as const,
      theoryOfAction: {
        steps: ['identify-inclusively', 'equip-champions', 'spread-deepen-sustain'],
        expectedChange: 'Each school has a teacher who coaches colleagues through their first project',
        conditions: 'A release period a week for each champion',
        forWhom: ['poverty'],
      },
      steps: [{ what: 'Name a champion in each of the seven schools', lead: 'asst-super', when: '2026-04-15' }],
      addedOn: '2025-09-01',
    },
    {
      strategyId: 'network-of-users' as const,
      theoryOfAction: {
        steps: ['convene-users', 'share-practice', 'grow-collective-expertise'],
        expectedChange: 'Teachers share project plans across schools each month',
        conditions: 'A monthly after-school slot',
        forWhom: ['swd'],
      },
      steps: [{ what: 'Monthly project exchange', lead: 'coach', when: '2026-02-01', doneOn: '2026-02-01' }],
      addedOn: '2025-10-01',
    },
  ],
};

/** The partners' judgements of current and candidate strategies (June 2026). */
export const riverbendPartners = [
  {
    partnerId: 'district-office',
    role: 'district',
    power: 3,
    judgements: [
      'proof-point',
      'local-champions',
      'network-of-users',
      'scalable-characteristics',
      'educate-policymakers',
    ].map((strategyId) => ({ strategyId: strategyId as 'proof-point', acceptable: true, affordable: true })),
  },
  {
    partnerId: 'families-council',
    role: 'community',
    power: 1,
    judgements: [
      { strategyId: 'proof-point' as const, acceptable: true, affordable: true },
      { strategyId: 'network-of-users' as const, acceptable: true, affordable: true },
      { strategyId: 'scalable-characteristics' as const, acceptable: true, affordable: true },
    ],
  },
];

/** Who sits on Riverbend's improvement team, and whose voices they bring. */
export const riverbendTeam = [
  { id: 'asst-super', roles: ['district'], voices: ['district'] },
  { id: 'coach', roles: ['school'], voices: ['teachers'] },
  { id: 'teacher-leader', roles: ['school'], voices: ['teachers'] },
  { id: 'family-liaison', roles: ['community'], voices: ['families'] },
];

/** Decisions of the pilot year and who took them. */
export const riverbendDecisions = [
  { id: 'choose-route', on: '2025-08-15', decidedBy: ['asst-super', 'coach', 'teacher-leader', 'family-liaison'] },
  { id: 'expansion-budget', on: '2026-05-20', decidedBy: ['asst-super', 'coach'] },
];

/** Money and time left at the June 2026 pit stop. */
export const riverbendResources = {
  budgetLeft: 310_000,
  monthlyBurn: 28_000,
  oneTimeSupports: [
    { id: 'summer-pbl-institute', kind: 'event' as const, endsOn: '2026-08-10', carriedBy: null },
    { id: 'state-innovation-grant', kind: 'funds' as const, amount: 150_000, endsOn: '2026-12-31', carriedBy: null },
  ],
  people: [
    { id: 'coach', hoursAvailable: 320 },
    { id: 'teacher-leader', hoursAvailable: 120 },
  ],
  hoursNeeded: 520,
};

/**
 * Riverbend's students in 2025–26 (a seeded roster): 400 of its 4,000, one in ten; each row's focal
 * groups and how many projects the student took part in. English learners are reached less often.
 */
export const riverbendReachRows = (() => {
  let seed = 2026;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const schools = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
  return Array.from({ length: 400 }, (_, i) => {
    const groups = [next() < 0.45 ? 'poverty' : null, next() < 0.18 ? 'el' : null, next() < 0.12 ? 'swd' : null].filter(
      (group): group is string => group !== null,
    );
    const chance = groups.includes('el') ? 0.45 : 0.7;
    return {
      id: `student-${i + 1}`,
      units: { district: 'riverbend', school: schools[i % schools.length] as string },
      groups,
      engagements: next() < chance ? 2 : next() < 0.5 ? 1 : 0,
    };
  });
})();
