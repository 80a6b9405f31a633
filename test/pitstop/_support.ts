/** Builders for pit-stop tests: a ticket, reach rosters with chosen rates, strategy sets, reviews. */
import { assessScale, detectSuperficialSpread } from '../../src/dimensions/index.js';
import { reviewFactors } from '../../src/factors/index.js';
import type { StrategyId, TripTicketInput } from '../../src/framework/index.js';
import type { PitStopInput } from '../../src/pitstop/index.js';
import { type ReachRow, summarizeReach } from '../../src/reach/index.js';
import type { StrategySetInput } from '../../src/strategies/index.js';

export const focalGroups = [
  { id: 'poverty', label: 'Students in poverty', definition: 'Directly certified' },
  { id: 'el', label: 'English learners', definition: 'Fall census' },
];

/** The HQPBL-style 80/80 ticket: 80% of students, and at least 80% of each focal group, in two projects. */
export const ticket: TripTicketInput = {
  id: 'hqpbl',
  title: 'High-quality PBL for every student',
  equityDefinition: 'Students furthest from opportunity get powerful learning first.',
  scalingForEquityDefinition: '80% of students, including at least 80% of each focal group.',
  focalGroups,
  destination: {
    dimensions: { depth: 0.7 },
    reach: [
      {
        population: { unit: 'students' },
        minEngagements: 2,
        overall: 0.8,
        focal: 0.8,
        focalRule: 'each',
      },
    ],
  },
  arriveBy: '2027-06-30',
  route: ['proof-point', 'local-champions'],
  pitStops: [
    { date: '2026-01-20', why: 'Mid-year data', focus: 'Depth' },
    { date: '2026-03-15', why: 'Spring data', focus: 'Reach' },
  ],
  arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
};

/**
 * A roster of `n` students per group: `rates` gives the share reached (two engagements) of
 * students in poverty, English learners and everyone else.
 */
export function roster(rates: { poverty: number; el: number; other: number }, n = 100): ReachRow[] {
  const rows: ReachRow[] = [];
  for (const [group, rate] of Object.entries(rates)) {
    for (let i = 0; i < n; i += 1) {
      rows.push({
        id: `${group}-${i}`,
        units: { district: 'd1' },
        groups: group === 'other' ? [] : [group],
        engagements: i < Math.round(rate * n) ? 2 : 0,
      });
    }
  }
  return rows;
}

export const reachOf = (rates: { poverty: number; el: number; other: number }) =>
  summarizeReach(roster(rates), { focalGroups, unitLevels: ['district'], minEngagements: 2 });

export const strategySet = (forWhom: { proofPoint: string[]; champions: string[] }): StrategySetInput => ({
  entries: [
    {
      strategyId: 'proof-point',
      theoryOfAction: {
        steps: ['visit-site', 'observe-with-protocol', 'try-and-get-feedback'],
        forWhom: forWhom.proofPoint,
      },
      steps: [{ what: 'Host visits', lead: 'coach', when: '2025-10-15', doneOn: '2025-10-14' }],
      addedOn: '2025-09-01',
    },
    {
      strategyId: 'local-champions',
      theoryOfAction: {
        steps: ['identify-inclusively', 'equip-champions', 'spread-deepen-sustain'],
        forWhom: forWhom.champions,
      },
      steps: [{ what: 'Name a champion per school', lead: 'principal', when: '2025-10-01', doneOn: '2025-09-30' }],
      addedOn: '2025-09-01',
    },
  ],
});

/** A factor review on `on` with every rater giving `leadership` the rating `leadership`. */
export function review(on: string, leadership: -2 | -1 | 0 | 1 | 2) {
  const raters = ['coach', 'teacher-leader', 'principal', 'family-liaison'];
  const ratings = [
    ['leadership', [leadership, leadership, leadership, leadership]],
    ['compatibility', [1, 2, 1, 1]],
    ['attitudes', [1, 1, 2, 1]],
  ].flatMap(([factorId, values]) =>
    (values as number[]).map((rating, index) => ({
      factorId: factorId as string,
      raterId: raters[index] as string,
      role: index < 2 ? 'school' : 'district',
      rating: rating as -2 | -1 | 0 | 1 | 2,
      ratedOn: on,
    })),
  );
  return reviewFactors(ratings, { asOf: on });
}

const yes = (strategyId: StrategyId) => ({ strategyId, acceptable: true, affordable: true });

/** Partners who accept and can afford every strategy named. */
export const partnersAccepting = (ids: readonly StrategyId[]) => [
  { partnerId: 'district', role: 'district', power: 3, judgements: ids.map(yes) },
  { partnerId: 'families', role: 'community', power: 1, judgements: ids.map(yes) },
];

/** Evidence for both strategies showing a contribution (effect intervals above zero). */
export const contributing = [
  {
    strategyId: 'proof-point' as const,
    effects: [{ measure: 'walkthrough', estimate: 0.5, interval: [0.3, 0.7] as [number, number] }],
  },
  {
    strategyId: 'local-champions' as const,
    effects: [{ measure: 'walkthrough', estimate: 0.4, interval: [0.2, 0.6] as [number, number] }],
  },
];

/** Depth and spread growing together. */
export const healthyHistory = [
  { date: '2025-06-10', depth: 0.6, spread: 0.2 },
  { date: '2026-01-20', depth: 0.8, spread: 0.5 },
];

/** A complete input in which nothing is wrong: on course, nothing broken, fuel fine, no one left behind. */
export function healthyInput(): PitStopInput {
  return {
    asOf: '2026-02-01',
    tripTicket: ticket,
    team: [
      { id: 'asst-super', roles: ['district'], voices: ['district'] },
      { id: 'coach', roles: ['school'], voices: ['teachers'] },
      { id: 'liaison', roles: ['community'], voices: ['families'] },
    ],
    promisedVoices: ['teachers', 'families'],
    decisions: [{ id: 'set-route', on: '2026-01-20', decidedBy: ['asst-super', 'coach', 'liaison'] }],
    scale: assessScale(
      [{ id: 'walkthrough', dimension: 'depth', value: 3.2, scale: { min: 0, max: 4 }, collectedOn: '2026-01-15' }],
      { depth: 0.7 },
    ),
    superficialSpread: detectSuperficialSpread(healthyHistory),
    reach: reachOf({ poverty: 0.85, el: 0.84, other: 0.86 }),
    previousReach: reachOf({ poverty: 0.6, el: 0.6, other: 0.6 }),
    strategySet: strategySet({ proofPoint: ['el', 'poverty'], champions: ['poverty'] }),
    partners: partnersAccepting(['proof-point', 'local-champions']),
    strategyEvidence: contributing,
    resources: {
      budgetLeft: 600_000,
      monthlyBurn: 20_000,
      people: [{ id: 'coach', hoursAvailable: 300 }],
      hoursNeeded: 200,
    },
  };
}

/** A district whose English learners number `el` (half reached), with `poverty` students (half reached). */
export const reachWith = (poverty: number, el: number) =>
  summarizeReach(
    [
      ...Array.from({ length: poverty }, (_, i) => ({
        id: `p${i}`,
        units: { district: 'd' },
        groups: ['poverty'],
        engagements: i % 2 === 0 ? 2 : 0,
      })),
      ...Array.from({ length: el }, (_, i) => ({
        id: `e${i}`,
        units: { district: 'd' },
        groups: ['el'],
        engagements: i % 2 === 0 ? 2 : 0,
      })),
      ...Array.from({ length: 100 }, (_, i) => ({
        id: `o${i}`,
        units: { district: 'd' },
        groups: [],
        engagements: i % 2 === 0 ? 2 : 0,
      })),
    ],
    { focalGroups, unitLevels: ['district'], minEngagements: 2 },
  );
