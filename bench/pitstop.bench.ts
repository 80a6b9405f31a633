/**
 * evaluatePortfolio over a state of 1,000 districts × 8 strategies, against evaluatePitStop on each
 * of them one at a time; evaluatePitStop on one district (the per-district cost), against
 * evaluatePortfolio on 100 districts from stored JSON (every result re-validated; mitata prints the
 * time for all 100: divide by 100 for a district). Each district brings a ticket, a team, decisions, a reach summary (its own, sealed),
 * the current and previous factor review, a strategy set of all 8 strategies with an effect each,
 * three partners' judgements of every strategy, and resources.
 */
import { bench, do_not_optimize, group, summary } from 'mitata';
import { reviewFactors } from '../src/factors/index.js';
import { STRATEGY_IDS, type TripTicketInput } from '../src/framework/index.js';
import { evaluatePitStop, evaluatePortfolio, type PitStopInput, type PortfolioDistrict } from '../src/pitstop/index.js';
import { type ReachRow, summarizeReach } from '../src/reach/index.js';

const focalGroups = [
  { id: 'poverty', label: 'Students in poverty', definition: 'Directly certified' },
  { id: 'el', label: 'English learners', definition: 'Fall census' },
];
const tripTicket: TripTicketInput = {
  title: 'High-quality PBL for every student',
  equityDefinition: 'Students furthest from opportunity first.',
  scalingForEquityDefinition: '80% of students, including 80% of each focal group.',
  focalGroups,
  destination: {
    dimensions: { depth: 0.7 },
    reach: [{ population: { unit: 'students' }, minEngagements: 2, overall: 0.8, focal: 0.8, focalRule: 'each' }],
  },
  arriveBy: '2027-06-30',
  route: ['proof-point', 'local-champions'],
  pitStops: [{ date: '2026-03-15', why: 'Spring data', focus: 'Reach' }],
  arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
};
const ratings = (on: string, leadership: -2 | 2) =>
  ['leadership', 'observability', 'compatibility'].flatMap((factorId) =>
    ['coach', 'teacher-leader', 'principal'].map((raterId) => ({
      factorId,
      raterId,
      rating: factorId === 'leadership' ? leadership : factorId === 'observability' ? (-1 as const) : (1 as const),
      ratedOn: on,
    })),
  );
const previousReview = reviewFactors(ratings('2026-01-10', 2), { asOf: '2026-01-10' });
const currentReview = reviewFactors(ratings('2026-02-25', -2), { asOf: '2026-02-25' });

let seed = 7;
const next = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
function reachFor(district: number) {
  const rows: ReachRow[] = [];
  for (let i = 0; i < 40; i += 1) {
    rows.push({
      id: `${district}-${i}`,
      units: { district: `d${district}` },
      groups: i % 3 === 0 ? ['poverty'] : i % 5 === 0 ? ['el'] : [],
      engagements: next() < 0.8 ? 2 : 0,
    });
  }
  return summarizeReach(rows, { focalGroups, unitLevels: ['district'], minEngagements: 2 });
}

function districtInput(district: number): PitStopInput {
  return {
    asOf: '2026-03-01',
    tripTicket,
    team: [
      { id: 'lead', roles: ['district'], voices: ['district'] },
      { id: 'coach', roles: ['school'], voices: ['teachers'] },
    ],
    promisedVoices: ['teachers', 'families'],
    decisions: [{ id: 'route', on: '2026-01-20', decidedBy: ['lead', 'coach'] }],
    reach: reachFor(district),
    factorReview: currentReview,
    previousFactorReview: previousReview,
    strategySet: {
      entries: STRATEGY_IDS.map((strategyId, k) => ({
        strategyId,
        theoryOfAction: { steps: ['a', 'b', 'c'], forWhom: k % 2 === 0 ? ['el'] : ['poverty'] },
        steps: [
          { what: 'First step', lead: 'coach', when: '2026-02-01', ...(k % 3 === 0 ? {} : { doneOn: '2026-01-30' }) },
        ],
        addedOn: '2025-09-01',
      })),
    },
    partners: ['district', 'school', 'community'].map((partnerId, p) => ({
      partnerId,
      role: partnerId,
      power: 3 - p,
      judgements: STRATEGY_IDS.map((strategyId) => ({
        strategyId,
        acceptable: next() < 0.95,
        affordable: next() < 0.97 ? true : null,
      })),
    })),
    strategyEvidence: STRATEGY_IDS.map((strategyId) => {
      const centre = next() - 0.2;
      return {
        strategyId,
        effects: [
          { measure: 'walkthrough', estimate: centre, interval: [centre - 0.3, centre + 0.3] as [number, number] },
        ],
      };
    }),
    resources: {
      budgetLeft: Math.round(next() * 800_000),
      monthlyBurn: 25_000,
      people: [{ id: 'coach', hoursAvailable: 300 }],
      hoursNeeded: Math.round(next() * 500),
    },
  };
}

const districts: PortfolioDistrict[] = Array.from({ length: 1_000 }, (_, i) => ({
  id: `d${String(i).padStart(4, '0')}`,
  pitStop: districtInput(i),
}));
const stored = JSON.parse(JSON.stringify(districts.slice(0, 100))) as PortfolioDistrict[];
const one = districts[0]?.pitStop as PitStopInput;

group('pitstop: 1,000 districts × 8 strategies', () => {
  summary(() => {
    bench('evaluatePortfolio, 1,000 districts', () => do_not_optimize(evaluatePortfolio(districts)));
    bench('evaluatePitStop × 1,000 (one at a time)', () => {
      for (const district of districts) do_not_optimize(evaluatePitStop(district.pitStop));
    });
  });
  summary(() => {
    bench('evaluatePitStop, one district', () => do_not_optimize(evaluatePitStop(one)));
    bench('evaluatePortfolio, 100 districts from JSON', () => do_not_optimize(evaluatePortfolio(stored)));
  });
});
