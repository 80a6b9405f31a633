/**
 * Properties of evaluatePitStop over random evidence: the same input gives the same report (live,
 * or through JSON); inputs are never mutated; and removing any piece of evidence never turns an
 * undetermined answer into a confident one for the question that needed it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riverbendHistory } from '../../examples/sampleDistrict.js';
import { assessScale, detectSuperficialSpread } from '../../src/dimensions/index.js';
import type { StrategyId } from '../../src/framework/index.js';
import { runChart } from '../../src/learning/index.js';
import { evaluatePitStop, type PitStopInput, type PitStopReport } from '../../src/pitstop/index.js';
import { deepFreezeInput, snapshot } from '../_support/contract.js';
import { healthyHistory, reachOf, review, strategySet, ticket } from './_support.js';

const summaries = [
  reachOf({ poverty: 0.85, el: 0.84, other: 0.86 }),
  reachOf({ poverty: 0.86, el: 0.62, other: 0.95 }),
  reachOf({ poverty: 0.5, el: 0.5, other: 0.5 }),
];
const scales = [0.6, 3.2].map((value) =>
  assessScale(
    [{ id: 'walkthrough', dimension: 'depth', value, scale: { min: 0, max: 4 }, collectedOn: '2026-01-15' }],
    {
      depth: 0.7,
    },
  ),
);
const spreads = [detectSuperficialSpread(healthyHistory), detectSuperficialSpread(riverbendHistory)];
const reviews = [review('2026-01-10', 2), review('2026-02-25', -2), review('2026-02-25', 1)];

const ids: readonly StrategyId[] = ['proof-point', 'local-champions', 'educate-policymakers', 'co-design'];
const judgement = (strategyId: StrategyId) =>
  fc.record({
    strategyId: fc.constant(strategyId),
    acceptable: fc.constantFrom(true, true, false, null),
    affordable: fc.constantFrom(true, true, false, null),
  });
const partner = (partnerId: string, role: string) =>
  fc.record({
    partnerId: fc.constant(partnerId),
    role: fc.constant(role),
    power: fc.constantFrom(1, 3),
    judgements: fc.subarray(ids.slice()).chain((chosen) => fc.tuple(...chosen.map(judgement))),
  });
const interval = fc.constantFrom<[number, number]>([0.3, 0.7], [-0.1, 0.5], [-0.3, 0.1], [0.05, 0.2]);
const effect = interval.map((bounds) => ({
  measure: 'walkthrough',
  estimate: (bounds[0] + bounds[1]) / 2,
  interval: bounds,
}));
const charts = [
  runChart([10, 11, 10, 12, 11, 10, 11, 12, 6, 5, 6, 5, 4, 5, 6, 5]),
  runChart([10, 9, 10, 8, 9, 10, 9, 8, 14, 15, 14, 15, 16, 15, 14, 15]),
  runChart([10, 11, 9, 10, 12, 9, 11, 10, 9, 11, 10, 12]),
];
const chart = fc.record({
  measure: fc.constantFrom('walkthrough', 'teacher-hours'),
  kind: fc.constantFrom('outcome' as const, 'process' as const, 'balancing' as const),
  direction: fc.constantFrom('higherIsBetter' as const, 'lowerIsBetter' as const),
  chart: fc.constantFrom(...charts),
});
const evidence = (strategyId: StrategyId) =>
  fc.record({
    strategyId: fc.constant(strategyId),
    effects: fc.array(effect, { maxLength: 2 }),
    runCharts: fc.array(chart, { maxLength: 2 }),
  });
const projection = fc.record({
  target: fc.constantFrom('reach:0', 'dimension:depth'),
  date: fc.constantFrom('2027-01-01', '2028-01-01', null),
  metByArriveBy: fc.constantFrom(true, false, null),
  interval: fc.constant(null),
});

const fullInput: fc.Arbitrary<PitStopInput> = fc.record({
  asOf: fc.constantFrom('2026-03-01', '2027-08-01'),
  tripTicket: fc.constant(ticket),
  team: fc.constant([
    { id: 'asst-super', roles: ['district'], voices: ['district'] },
    { id: 'coach', roles: ['school'], voices: ['teachers'] },
  ]),
  promisedVoices: fc.constantFrom(['teachers'], ['teachers', 'families']),
  decisions: fc.constantFrom(
    [{ id: 'route', on: '2026-01-20', decidedBy: ['asst-super', 'coach'] }],
    [{ id: 'route', on: '2026-01-20', decidedBy: ['asst-super'] }],
  ),
  scale: fc.constantFrom(...scales),
  superficialSpread: fc.constantFrom(...spreads),
  reach: fc.constantFrom(...summaries),
  previousReach: fc.constantFrom(...summaries),
  projectedArrivals: fc.uniqueArray(projection, { maxLength: 2, selector: (entry) => entry.target }),
  factorReview: fc.constantFrom(reviews[1], reviews[2]),
  previousFactorReview: fc.constant(reviews[0]),
  strategySet: fc.constantFrom(
    strategySet({ proofPoint: ['el'], champions: ['poverty'] }),
    strategySet({ proofPoint: [], champions: [] }),
  ),
  partners: fc.tuple(partner('district', 'district'), partner('families', 'community')),
  strategyEvidence: fc.tuple(evidence('proof-point'), evidence('local-champions')),
  resources: fc.record({
    budgetLeft: fc.constantFrom(10_000, 600_000),
    monthlyBurn: fc.constantFrom(0, 20_000),
    people: fc.constant([{ id: 'coach', hoursAvailable: 300 }]),
    hoursNeeded: fc.constantFrom(100, 400),
    oneTimeSupports: fc.constantFrom(
      [],
      [{ id: 'institute', kind: 'event' as const, endsOn: '2026-07-31', carriedBy: null }],
    ),
  }),
}) as fc.Arbitrary<PitStopInput>;

type Loose = Record<string, unknown>;
const TOP_LEVEL = [
  'team',
  'promisedVoices',
  'decisions',
  'scale',
  'superficialSpread',
  'reach',
  'previousReach',
  'projectedArrivals',
  'factorReview',
  'previousFactorReview',
  'strategySet',
  'partners',
  'strategyEvidence',
  'resources',
] as const;

/** Every way to take one piece of evidence out of `input`. */
function removals(input: PitStopInput): ((input: PitStopInput) => PitStopInput)[] {
  const out: ((value: PitStopInput) => PitStopInput)[] = [];
  for (const key of TOP_LEVEL) {
    out.push((value) => {
      const { [key]: _, ...rest } = value as Loose;
      return rest as PitStopInput;
    });
  }
  for (let index = 0; index < (input.projectedArrivals ?? []).length; index += 1) {
    out.push((value) => ({ ...value, projectedArrivals: value.projectedArrivals?.filter((_, k) => k !== index) }));
  }
  (input.strategyEvidence ?? []).forEach((entry, index) => {
    out.push((value) => ({ ...value, strategyEvidence: value.strategyEvidence?.filter((_, k) => k !== index) }));
    for (let chartIndex = 0; chartIndex < (entry.runCharts ?? []).length; chartIndex += 1) {
      out.push((value) => ({
        ...value,
        strategyEvidence: value.strategyEvidence?.map((item, k) =>
          k === index ? { ...item, runCharts: item.runCharts?.filter((_, c) => c !== chartIndex) } : item,
        ),
      }));
    }
    for (let effectIndex = 0; effectIndex < (entry.effects ?? []).length; effectIndex += 1) {
      out.push((value) => ({
        ...value,
        strategyEvidence: value.strategyEvidence?.map((item, k) =>
          k === index ? { ...item, effects: item.effects?.filter((_, e) => e !== effectIndex) } : item,
        ),
      }));
    }
  });
  (input.partners ?? []).forEach((entry, index) => {
    for (let judgementIndex = 0; judgementIndex < (entry.judgements ?? []).length; judgementIndex += 1) {
      out.push((value) => ({
        ...value,
        partners: value.partners?.map((item, k) =>
          k === index ? { ...item, judgements: item.judgements?.filter((_, j) => j !== judgementIndex) } : item,
        ),
      }));
    }
  });
  for (const key of ['budgetLeft', 'monthlyBurn', 'people', 'hoursNeeded', 'oneTimeSupports'] as const) {
    out.push((value) => {
      if (value.resources === undefined) return value;
      const { [key]: _, ...rest } = value.resources;
      return { ...value, resources: rest };
    });
  }
  return out;
}

/** Each question's action, by name: the four, each strategy, each addition, the route. */
function answers(report: PitStopReport): Map<string, string> {
  const out = new Map<string, string>([
    ['onCourse', report.onCourse.decision.action],
    ['broken', report.broken.decision.action],
    ['fuel', report.fuel.decision.action],
    ['leftBehind', report.leftBehind.decision.action],
    ['route', report.route.decision.action],
  ]);
  for (const entry of report.strategies) out.set(`strategy:${entry.id}`, entry.decision.action);
  for (const entry of report.additions) out.set(`addition:${entry.id}`, entry.decision.action);
  return out;
}

describe('evaluatePitStop properties', () => {
  it('is deterministic, live and through JSON, and never mutates its input', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const frozen = deepFreezeInput(structuredClone(input));
        const before = snapshot(frozen);
        const first = evaluatePitStop(frozen);
        expect(frozen).toStrictEqual(before);
        expect(evaluatePitStop(frozen)).toEqual(first);
        expect(evaluatePitStop(JSON.parse(JSON.stringify(input)))).toEqual(first);
      }),
      { numRuns: 20 },
    );
  });

  it('removing any piece of evidence never turns an undetermined answer into a confident one', () => {
    fc.assert(
      fc.property(fullInput, (input) => {
        const before = answers(evaluatePitStop(input));
        if (![...before.values()].includes('undetermined')) return;
        for (const remove of removals(input)) {
          const after = answers(evaluatePitStop(remove(input)));
          for (const [question, action] of before) {
            if (action !== 'undetermined') continue;
            const now = after.get(question);
            if (now === undefined) continue; // the strategy or addition itself went with the evidence
            expect(now, `${question} after removing evidence`).toBe('undetermined');
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
