/**
 * A sample district for the demo and the tests: fictional "Riverbend Unified", sized like seed
 * 002's average U.S. district (about 7 schools, 400 teachers and staff, 4,000 students), scaling
 * project-based learning with a trip ticket modelled on seed 004's HQPBL example.
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

/** Measures from the spring 2026 data collection (004 Tool #5). */
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
