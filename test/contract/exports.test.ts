/**
 * The one contract (issue 11), over every export of every module: a table gives each exported
 * function realistic sample argument lists; each call, with its inputs deep-frozen, must leave them
 * unchanged (typed arrays included) and return plain JSON whose notes are `Note[]` and whose
 * decisions have the `Decision` shape, citing rules of the exported catalogs (`*_RULES`) with a
 * known source and the library version. A new export fails the table check until it is added here;
 * a new deciding function fails until it is listed in DECIDING.
 */
import { describe, expect, it } from 'vitest';
import {
  riverbendFactorRatings,
  riverbendHistory,
  riverbendMeasures,
  riverbendPractice,
  riverbendProofPointCycle,
  riverbendTeachers,
  riverbendTripTicket,
  riverbendWeeklyWalkthroughs,
} from '../../examples/sampleDistrict.js';
import { MODULES } from '../../scripts/moduleList.js';
import { isScalingNavigatorError, LIBRARY_VERSION, SOURCES } from '../../src/framework/index.js';
import type { ReachRow, SummarizeReachOptions } from '../../src/reach/index.js';
import {
  decisionsIn,
  deepFreezeInput,
  expectDecisionShape,
  nonJsonPaths,
  noteProblems,
  ruleCitationsIn,
  snapshot,
} from '../_support/contract.js';
import { failsToBenefit, promisingButStruggling, ruralStemPilot, strongPilot } from '../pilot/_scenarios.js';
import { toColumns } from '../reach/_support.js';
import { arrowLike } from '../reach/arrowLike.js';
import { countsOf } from '../reach/countsOf.js';

type Namespace = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;
type ArgumentList = readonly unknown[];

const namespaces = new Map<string, Namespace>();
for (const module of MODULES) {
  namespaces.set(module.name, (await import(`../../src/${module.name}/index.ts`)) as Namespace);
}

/** The root entry's own exports (listRules gathers every module's catalogs, so it lives only there), as module `root`. */
const root = (await import('../../src/index.js')) as Namespace;
const inModules = new Set([...namespaces.values()].flatMap((namespace) => Object.values(namespace)));
namespaces.set('root', Object.fromEntries(Object.entries(root).filter(([, value]) => !inModules.has(value))));

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
const isSchema = (value: unknown): value is { parse: Fn; safeParse: Fn } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { parse?: unknown }).parse === 'function' &&
  typeof (value as { safeParse?: unknown }).safeParse === 'function';

/** Every exported function (classes aside) as `module.name`. */
const exportedFunctions = new Map<string, Fn>();
/** Every exported schema as `module.Name`. */
const exportedSchemas = new Set<string>();
for (const [module, namespace] of namespaces) {
  for (const [name, value] of Object.entries(namespace)) {
    if (typeof value === 'function' && !isClass(value)) exportedFunctions.set(`${module}.${name}`, value as Fn);
    else if (isSchema(value)) exportedSchemas.add(`${module}.${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule catalogs, collected generically: exported arrays whose entries all look like rules.

interface CatalogRule {
  readonly id: string;
  readonly module: string;
  readonly action: string;
  readonly guidance: { readonly source: string; readonly section: string; readonly summary: string };
  readonly retired: boolean;
}

const isRuleEntry = (value: unknown): value is CatalogRule => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.module === 'string' &&
    typeof entry.action === 'string' &&
    typeof entry.guidance === 'object' &&
    entry.guidance !== null
  );
};

/** `module.NAME` → catalog, each catalog once. */
const catalogs = new Map<string, readonly CatalogRule[]>();
for (const [module, namespace] of namespaces) {
  for (const [name, value] of Object.entries(namespace)) {
    if (Array.isArray(value) && value.length > 0 && value.every(isRuleEntry)) catalogs.set(`${module}.${name}`, value);
  }
}
const allRules = [...new Set([...catalogs.values()].flat())];
const rules = new Map(allRules.map((rule) => [rule.id, rule] as const));
const sourceIds = new Set<string>(SOURCES.map((source) => source.id));
const actionsOf = (module: string) =>
  new Set(['undetermined', ...allRules.filter((rule) => rule.module === module).map((rule) => rule.action)]);

// ---------------------------------------------------------------------------------------------
// Sample data: the sample district, and inputs like those of the module tests.

const { fidelity, growth, school } = riverbendTeachers;

/** Observations of a before–after PDSA cycle on classrooms. */
const classrooms = (before: readonly number[], after: readonly number[], date = '2025-10-15') => [
  ...before.map((value, i) => ({ unit: `room-${i + 1}`, group: 'before' as const, date: '2025-09-10', value })),
  ...after.map((value, i) => ({ unit: `room-${i + 1}`, group: 'after' as const, date, value })),
];
const pdsaCycle = (id: string, before: readonly number[], after: readonly number[], date?: string) => ({
  ...riverbendProofPointCycle,
  id,
  plan: { ...riverbendProofPointCycle.plan, sample: { unit: 'classroom', size: before.length } },
  do: { design: 'before-after' as const, observations: classrooms(before, after, date) },
});
const pdsaExpand = pdsaCycle('proof-point-expand', [3.2, 2.8, 3.5, 2.9, 3.1], [1.9, 1.8, 2.3, 1.7, 2.0]);
const pdsaAbandon = pdsaCycle('proof-point-abandon', [3.1, 2.7, 3.4, 2.9, 3.0], [3.6, 3.3, 3.9, 3.5, 3.4]);
const pdsaTooFew = pdsaCycle('proof-point-two-rooms', [3.1, 2.7], [2.3, 2.2]);
const pdsaWinter = pdsaCycle(
  'proof-point-winter',
  [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  [2.5, 2.4, 2.6, 2.5, 2.5, 2.4, 2.6, 2.5, 2.5, 2.5],
  '2026-01-15',
);

/** Thirty teachers, two essential components (componentContributions' example). */
const launch = [
  0.3, 0.6, 0.68, 0.22, 0.32, 0.94, 0.26, 0.3, 0.96, 0.7, 0.5, 0.61, 0.73, 0.42, 0.31, 0.83, 0.74, 0.61, 0.85, 0.64,
  0.98, 0.36, 0.64, 0.59, 0.48, 0.67, 0.39, 0.84, 0.89, 0.3,
];
const critique = [
  0.57, 0.42, 0.27, 0.92, 0.54, 0.32, 0.74, 0.36, 0.92, 0.37, 0.23, 0.36, 0.48, 0.58, 0.92, 0.76, 0.47, 0.21, 0.33, 1,
  0.57, 0.75, 0.24, 0.23, 0.88, 0.67, 0.45, 0.45, 0.27, 0.34,
];
const componentOutcome = [
  48, 61, 59, 47, 51, 65, 50, 49, 71, 59, 59, 61, 61, 55, 54, 72, 56, 62, 67, 59, 65, 56, 54, 60, 60, 54, 50, 60, 68,
  55,
];
/** An outcome that falls as the critique routine rises: critique is not supported. */
const critiqueHurts = launch.map((value, i) => 50 + 20 * value - 25 * (critique[i] as number) + (i % 3) * 0.5);

/** Forty teachers at fidelity 0.1 … 1.0; students meet the goal from 0.7 up (fidelityThreshold's example). */
const gridFidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
const metGoal = gridFidelity.map((value) => (value >= 0.7 ? 1 : 0));
const noisyGoal = gridFidelity.map((_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
const quickDraws = { policy: { permutations: 199, bootstrapDraws: 199 } };

/** A factor review a few months later: observability improved, leadership agreed. */
const laterRatings = riverbendFactorRatings.map((rating) =>
  rating.factorId === 'observability'
    ? { ...rating, rating: 1 as const, ratedOn: '2026-10-01' }
    : rating.factorId === 'leadership'
      ? { ...rating, rating: 1 as const, ratedOn: '2026-10-01' }
      : { ...rating, ratedOn: '2026-10-01' },
);
const review = (await import('../../src/factors/index.js')).reviewFactors(riverbendFactorRatings);
const laterReview = (await import('../../src/factors/index.js')).reviewFactors(laterRatings);

const focalIds = riverbendTripTicket.focalGroups.map((group) => group.id);
const strategySet = {
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
        forWhom: focalIds,
      },
      steps: [
        {
          what: 'Host the first visits',
          who: ['coach', 'teacher-leader'],
          lead: 'coach',
          when: '2025-10-15',
          doneOn: '2025-10-14',
        },
      ],
      partners: ['university'],
      addedOn: '2025-09-01',
      changes: [{ on: '2025-10-20', kind: 'revised' as const, why: 'Added an observation protocol' }],
    },
    {
      strategyId: 'local-champions' as const,
      theoryOfAction: { steps: ['If teachers see a champion, they will try projects too'] },
      steps: [{ what: 'Name a champion per school', when: '2025-10-01' }],
      addedOn: '2025-09-01',
    },
  ],
};

const yes = (strategyId: string) => ({ strategyId, acceptable: true, affordable: true });
const partners = [
  { partnerId: 'district', role: 'district', power: 3, judgements: [yes('proof-point'), yes('co-design')] },
  {
    partnerId: 'small-school',
    role: 'school',
    power: 1,
    judgements: [
      {
        strategyId: 'proof-point',
        acceptable: true,
        affordable: false,
        why: 'Cannot release teachers for visits',
        judgedOn: '2025-10-01',
      },
      yes('co-design'),
      { strategyId: 'shape-policy', acceptable: null, affordable: true },
    ],
  },
  { partnerId: 'families', role: 'community', power: 1, judgements: [yes('co-design'), yes('proof-point')] },
];

const schools = ['S1', 'S2', 'S3', 'S4'];
const reachRows: ReachRow[] = Array.from({ length: 160 }, (_, i) => ({
  id: `student-${i}`,
  units: { district: 'riverbend', school: schools[i % schools.length] as string },
  groups: [i % 3 === 0 ? 'poverty' : null, i % 5 === 0 ? 'el' : null, i % 7 === 0 ? 'swd' : null].filter(
    (group): group is string => group !== null,
  ),
  engagements: i % 4 === 0 ? 0 : i % 6 === 0 ? 1 : 2,
  ...(i % 23 === 0 ? { eligible: false } : {}),
}));
const reachOptions: SummarizeReachOptions = {
  focalGroups: riverbendTripTicket.focalGroups,
  unitLevels: ['district', 'school'],
  minEngagements: 2,
  intersections: [['poverty', 'el']],
};
const datedPeriod = { start: '2026-08-01', end: '2027-07-31' };
const datedRows: ReachRow[] = reachRows.slice(0, 60).map(({ engagements, ...row }, i) => ({
  ...row,
  engagedOn: Array.from({ length: engagements ?? 0 }, (_, k) => (k === 1 && i % 9 === 0 ? '2027-08-15' : '2026-10-01')),
}));
const reach = await import('../../src/reach/index.js');
const reachSummary = reach.summarizeReach(reachRows, reachOptions);
/** A state with every row added, and the same state as JSON (what a warehouse or a queue stores). */
const reachState = (() => {
  const accumulator = reach.reachAccumulator(reachOptions);
  const state = accumulator.init();
  for (const row of reachRows) accumulator.add(state, row);
  return state;
})();
const reachSerializedState = JSON.parse(JSON.stringify(reach.serializeReachState(reachState)));
/** With a focal group nobody belongs to: its check is undetermined. */
const reachSummaryWithEmptyGroup = reach.summarizeReach(reachRows, {
  ...reachOptions,
  focalGroups: [...focalIds, 'migrant'],
  intersections: [],
});
const riverbendReachTarget = riverbendTripTicket.destination.reach?.[0];
/** The same students with dated engagements, enrolment and exit dates, for reach over time. */
const timeRows: ReachRow[] = reachRows.map(({ engagements, ...row }, i) => ({
  ...row,
  engagedOn: Array.from(
    { length: engagements ?? 0 },
    (_, k) => `2026-${String(9 + k).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  ),
  ...(i % 11 === 0 ? { enrolledOn: '2026-09-20' } : {}),
  ...(i % 13 === 0 ? { exitedOn: '2026-10-15' } : {}),
}));
const timeOptions = {
  focalGroups: riverbendTripTicket.focalGroups,
  unitLevels: ['district', 'school'],
  period: { start: '2026-08-24', end: '2027-06-11' },
  asOf: '2026-11-30',
  minEngagements: 2,
  quantiles: [0.25, 0.5],
};
/** A Broward-style choice of proof-point sites: one school in each of three sub-regions. */
const siteSchools = Array.from({ length: 12 }, (_, i) => ({
  id: `school-${i}`,
  region: ['north', 'central', 'south'][i % 3] as string,
  values: { poverty: 0.3 + ((i * 7) % 10) / 20, proficient: 0.7 - ((i * 3) % 10) / 20 },
  enrollment: 400 + 25 * i,
  ...(i < 3 ? { extraPerPupil: 300 + 10 * i } : {}),
}));
const siteCovariates = [{ id: 'poverty' }, { id: 'proficient', label: 'Proficient', intended: 'lower' as const }];
const timeState = (() => {
  const accumulator = reach.reachTimeAccumulator(timeOptions);
  const state = accumulator.init();
  for (const row of timeRows) accumulator.add(state, row);
  return state;
})();
const timeTarget = {
  population: { unit: 'students' as const },
  minEngagements: 2,
  overall: 0.8,
  focal: 0.8,
  focalRule: 'union' as const,
};
const lowTarget = { population: { unit: 'students' }, minEngagements: 2, overall: 0.3, focal: 0.3, focalRule: 'union' };
const eachTarget = { ...lowTarget, overall: 0.1, focal: 0.1, focalRule: 'each' };

/** An error as a caller catches it. */
const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};
const framework = await import('../../src/framework/index.js');
const dimensions = await import('../../src/dimensions/index.js');

// ---------------------------------------------------------------------------------------------
// One valid sample per exported schema; parseX / safeParseX entries are generated from it (and a
// failing safeParseX call from INVALID_DOCUMENT).

const SCHEMA_SAMPLES: Record<string, unknown> = {
  'framework.DeeperLearningCompetencyId': 'collaboration',
  'framework.EquityConfigurationId': 'reach-focal-groups-first',
  'framework.FactorCategoryId': 'conditions',
  'framework.FactorId': 'competition-for-attention',
  'framework.FocalGroup': riverbendTripTicket.focalGroups[1],
  'framework.Measure': riverbendMeasures[0],
  'framework.MeasureDefinition': riverbendTripTicket.arrival.measures?.[0],
  'framework.NavigatorToolId': 'strategy-set-tracker',
  'framework.PitStopQuestionId': 'left-behind',
  'framework.PlannedPitStop': riverbendTripTicket.pitStops?.[0],
  'framework.ReachTarget': riverbendReachTarget,
  'framework.ScaleDimensionId': 'ownership',
  'framework.ScaleTargets': riverbendTripTicket.destination.dimensions,
  'framework.ScalingStageId': 'expansion',
  'framework.StrategyApproachId': 'build-educator-networks',
  'framework.StrategyId': 'proof-point',
  'framework.TripTicket': riverbendTripTicket,
  'learning.PdsaCycle': riverbendProofPointCycle,
  'pilot.PilotEvidence': strongPilot,
  'factors.AdditionalFactorMatch': {
    factorId: 'competition-for-attention',
    when: 'roadblock',
    strategyId: 'network-of-users',
    strength: 1,
    rationale: 'A network shares the load of a new practice among competing priorities.',
  },
  'factors.CustomFactor': { id: 'team-goals', category: 'improvement-team', label: 'Shared team goals' },
  'factors.FactorInteraction': {
    id: 'leaders-and-attention',
    factors: ['leadership', 'competition-for-attention'],
    kind: 'tension',
    comment: 'Principals split between PBL and the new math adoption',
  },
  'factors.FactorRating': riverbendFactorRatings[0],
  'factors.FactorRatingValue': 'missing',
  'factors.FactorReviewInput': { ratings: riverbendFactorRatings },
  'strategies.PartnerJudgement': partners[1],
  'strategies.StrategyJudgement': partners[1]?.judgements[0],
  'strategies.StrategySet': strategySet,
  'strategies.StrategySetChange': strategySet.entries[0]?.changes?.[0],
  'strategies.StrategySetEntry': strategySet.entries[0],
  'strategies.StrategySetStep': strategySet.entries[0]?.steps[0],
  'strategies.StrategyTheoryOfAction': strategySet.entries[0]?.theoryOfAction,
  'pitstop.PitStopInput': {
    asOf: '2026-01-20',
    kind: 'planned',
    tripTicket: riverbendTripTicket,
    team: [
      { id: 'asst-super', roles: ['district'], voices: ['district'] },
      { id: 'coach', roles: ['school'], voices: ['teachers'] },
    ],
    promisedVoices: ['teachers', 'families'],
    decisions: [{ id: 'route', on: '2025-09-01', decidedBy: ['asst-super', 'coach'] }],
    projectedArrivals: [
      { target: 'reach:0', date: '2027-09-01', metByArriveBy: false, interval: ['2027-05-01', null] },
    ],
    resources: {
      budgetLeft: 120000,
      monthlyBurn: 20000,
      oneTimeSupports: [{ id: 'institute', kind: 'event', endsOn: '2026-07-31', carriedBy: null }],
      people: [{ id: 'coach', hoursAvailable: 100 }],
      hoursNeeded: 80,
    },
  },
  'pitstop.ProjectedArrival': {
    target: 'reach:0',
    date: '2027-09-01',
    metByArriveBy: false,
    interval: ['2027-05-01', null],
  },
};
/** A document no schema accepts (unknown keys and required keys missing; not an id either). */
const INVALID_DOCUMENT = { 'not-a-field': [] };

// ---------------------------------------------------------------------------------------------
// The table: `module.function` → sample argument lists.

const TABLE: Record<string, readonly ArgumentList[]> = {
  // root entry
  'root.listRules': [[], [{ module: 'learning' }], [{ module: 'pilot' }]],

  // framework
  'framework.factorsByCategory': [['educators'], ['conditions']],
  'framework.getFactor': [['policies'], ['competition-for-attention']],
  'framework.getFactorCategory': [['improvement-team']],
  'framework.getScaleDimension': [['depth'], ['ownership']],
  'framework.getScalingStage': [['pilot'], ['institutionalized']],
  'framework.getSource': [['carnegie-2022-scaling-for-equity'], ['nces-slds-brief-3']],
  'framework.getStrategy': [['proof-point'], ['educate-policymakers']],
  'framework.getStrategyApproach': [['influence-policymakers']],
  'framework.isScalingNavigatorError': [
    [caught(() => framework.getFactor('feasibility' as never))],
    [new Error('x')],
    [null],
  ],
  'framework.strategiesByApproach': [['build-educator-networks'], ['develop-scalable-innovation']],

  // stats
  'stats.adjustPValues': [
    [[0.01, 0.04, 0.03], 'holm'],
    [[0.01, 0.04, 0.03], 'bh'],
    [[0.01, null, 0.3], 'bonferroni'],
    [[0.01, 0.015, 0.04, 0.03], 'hommel'],
    [[0.01, 0.04, 0.03], 'hochberg'],
    [[0.01, null, 0.04, 0.03], 'by'],
    [[0.01, 0.04], 'sidak'],
    [[0.01, 0.04, 1], 'holm-sidak'],
  ],
  'stats.chiSquareCdf': [
    [3, 4],
    [-1, 2],
  ],
  'stats.correlate': [
    [fidelity, growth],
    [new Float64Array(fidelity), new Float64Array(growth), { method: 'kendall' }],
    [fidelity, growth, { method: 'spearman', confidenceLevel: 0.9 }],
    [[1, 2, null, 4], [2, 4, 5, 8], { nanPolicy: 'omit' }],
    [fidelity, growth, { alternative: 'greater' }],
    [
      [0.42, 0.55, 0.61, 0.7, 0.74, 0.81, 0.9],
      [3.1, 2.9, 4.2, 4.8, 4.1, 5.6, 6.0],
      { method: 'kendall', alternative: 'less', pMethod: 'exact' },
    ],
    [
      [1, 2],
      [3, 4],
    ],
  ],
  'stats.coxIndex': [
    [{ treatment: { successes: 60, n: 100 }, comparison: { successes: 45, n: 100 } }],
    [{ treatment: { successes: 10, n: 10 }, comparison: { successes: 5, n: 10 } }, { confidenceLevel: 0.9 }],
  ],
  'stats.designEffect': [
    [0.2, 25],
    [0, 12],
  ],
  'stats.effectSize': [
    [{ treatment: { mean: 52.4, sd: 9.8, n: 120 }, comparison: { mean: 49.9, sd: 10.3, n: 115 } }],
    [{ treatment: new Float64Array(growth.slice(0, 40)), comparison: new Float64Array(growth.slice(40)) }],
    [{ treatment: [3, 3, 3], comparison: [3, 3] }],
    [
      { treatment: { mean: 52.4, sd: 9.8, n: 120 }, comparison: { mean: 49.9, sd: 10.3, n: 115 } },
      { alternative: 'greater' },
    ],
  ],
  'stats.icc1': [
    [
      [
        [3, 4, 4, 5],
        [2, 2, 3, 3],
        [4, 5, 5, 5],
      ],
    ],
    [schools.slice(0, 3).map((_, k) => new Float64Array(growth.slice(k * 12, k * 12 + 12)))],
  ],
  'stats.icc2': [
    [
      [
        [3, 4, 4, 5],
        [2, 2, 3, 3],
        [4, 5, 5, 5],
      ],
    ],
    [
      [
        [3, 4],
        [4, 3],
      ],
    ],
  ],
  'stats.normalCdf': [[1.96], [115, 100, 15]],
  'stats.normalQuantile': [[0.975], [0.5, 100, 15]],
  'stats.partialCorrelation': [
    [[0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9], [48, 55, 50, 61, 66, 63, 70, 78], [[50, 52, 49, 58, 60, 57, 62, 66]]],
    [
      new Float64Array(fidelity),
      new Float64Array(growth),
      [new Float64Array(fidelity.map((value) => value * 40 + 20))],
      { method: 'spearman' },
    ],
    [
      [0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9],
      [48, 55, 50, 61, 66, 63, 70, 78],
      [[50, 52, 49, 58, 60, 57, 62, 66]],
      { alternative: 'greater' },
    ],
  ],
  'stats.proportionInterval': [
    [23428, 29284],
    [0, 12, { confidenceLevel: 0.9 }],
    [0, 0],
    [3, 12, { method: 'wilson-cc' }],
    [0, 12, { method: 'agresti-coull', confidenceLevel: 0.99 }],
  ],
  'stats.proportionIntervalBeta': [
    [3, 12],
    [0, 12, { method: 'jeffreys', confidenceLevel: 0.9 }],
    [12, 12],
    [0, 0],
  ],
  'stats.rwg': [
    [[4, 4, 5, 4, 3], 5],
    [new Float64Array([1, 5, 1, 5]), 5],
    [[-1, 0, 1, 2, 1, -2], { min: -2, max: 2 }],
    [[4, 4, 5, 4, 3], 5, { nullVariance: 1.5 }],
    [[4], 5],
  ],
  'stats.rwgJ': [
    [
      [
        [4, 5, 4],
        [4, 4, 4],
        [5, 4, 3],
      ],
      5,
    ],
    [[new Float64Array([1, 2, 1]), new Float64Array([2, 2, 1])], 5],
    [
      [
        [4, 5, null],
        [4, 4, 4],
        [5, 4, 3],
      ],
      5,
      { missing: 'per-item', nullVariance: 1.5 },
    ],
  ],
  'stats.tCdf': [
    [0, 10],
    [-40, 5],
  ],
  'stats.tQuantile': [
    [0.975, 10],
    [0.5, 3],
  ],

  // fidelity
  'fidelity.analyzeFidelityOutcome': [
    [{ fidelity, outcome: growth, clusters: school }, { method: 'spearman' }],
    [
      {
        fidelity: [0.35, 0.5, 0.55, 0.62, 0.7, 0.78, 0.85, 0.9],
        outcome: [41, 47, 45, 52, 55, 54, 61, 63],
        baseline: [44, 46, 43, 50, 49, 48, 55, 54],
      },
    ],
    [{ fidelity: new Float64Array(fidelity), outcome: new Float64Array(growth) }],
    [
      {
        fidelity: new Float64Array(fidelity),
        outcome: growth,
        baseline: growth.map((value, i) => value / 2 + (i % 3)),
        covariates: [new Float64Array(growth.map((_, i) => i % 2))],
        clusters: school,
      },
    ],
  ],
  'fidelity.componentContributions': [
    [
      {
        components: [
          { id: 'critique', fidelity: critique },
          { id: 'launch', fidelity: launch },
        ],
        outcome: componentOutcome,
      },
    ],
    [
      {
        components: [
          { id: 'critique', fidelity: new Float64Array(critique) },
          { id: 'launch', fidelity: new Float64Array(launch) },
        ],
        outcome: new Float64Array(critiqueHurts),
      },
    ],
    [
      {
        components: [
          { id: 'critique', fidelity: critique },
          { id: 'launch', fidelity: launch },
        ],
        outcome: componentOutcome,
        covariates: [componentOutcome.map((_, i) => i % 2)],
        clusters: componentOutcome.map((_, i) => `school-${i % 5}`),
      },
    ],
  ],
  'fidelity.defineFidelityPolicy': [[], [{ alpha: 0.1, fixedGates: [0.6, 0.8] }]],
  'fidelity.fidelityThresholdAsync': [
    [
      { fidelity, outcome: growth, clusters: school },
      { seed: 2026, ...quickDraws },
    ],
    [
      { fidelity: gridFidelity, outcome: metGoal },
      { seed: 7, ...quickDraws },
    ],
    [{ fidelity: gridFidelity, outcome: gridFidelity.map(() => 1) }],
  ],
  'fidelity.fidelityThreshold': [
    [
      { fidelity, outcome: growth },
      { seed: 2026, ...quickDraws },
    ],
    [
      { fidelity: gridFidelity, outcome: metGoal },
      { seed: 7, ...quickDraws },
    ],
    [
      { fidelity: new Float64Array(gridFidelity), outcome: new Float64Array(noisyGoal) },
      { seed: 3, ...quickDraws },
    ],
    [{ fidelity: gridFidelity, outcome: gridFidelity.map(() => 1) }],
    [
      { fidelity, outcome: growth, baseline: growth.map((value, i) => value / 2 + (i % 3)), clusters: school },
      { seed: 4, ...quickDraws },
    ],
    [
      { fidelity: gridFidelity, outcome: metGoal, clusters: gridFidelity.map((_, i) => i % 6) },
      { seed: 2, ...quickDraws },
    ],
  ],

  // dimensions
  'dimensions.assessScale': [
    [riverbendMeasures, riverbendTripTicket.destination.dimensions, { practice: riverbendPractice }],
    [
      riverbendMeasures,
      { depth: 0.5, sustainability: 0.3, spread: 0.5, ownership: 0.5 },
      { practice: { intended: 400, withFidelity: 300 } },
    ],
    [riverbendMeasures.filter((measure) => measure.dimension !== 'ownership'), { depth: 0.7 }],
  ],
  'dimensions.defineScalePolicy': [[], [{ atScaleThreshold: 0.6 }]],
  'dimensions.defineSuperficialSpreadPolicy': [[], [{ tolerance: 0.01 }]],
  'dimensions.detectSuperficialSpread': [
    [riverbendHistory],
    [riverbendHistory.slice(0, 2)],
    [riverbendHistory.slice(0, 1)],
    [riverbendHistory, { policy: { tolerance: 0.2 } }],
  ],

  // learning
  'learning.anhoejLimits': [[12], [100]],
  'learning.decidePdsa': [
    [riverbendProofPointCycle],
    [pdsaExpand],
    [pdsaAbandon],
    [pdsaTooFew],
    [pdsaExpand, { policy: { heldAt: 1.5 } }],
  ],
  'learning.definePdsaPolicy': [[], [{ minUnits: 5 }]],
  'learning.defineRunChartPolicy': [[], [{ shiftLength: 8 }]],
  'learning.pdsaSeries': [[[pdsaExpand, pdsaWinter]], [[pdsaAbandon, riverbendProofPointCycle]]],
  'learning.runChart': [
    [riverbendWeeklyWalkthroughs],
    [new Float64Array(riverbendWeeklyWalkthroughs), { rules: 'anhoej' }],
    [[12, 14, 13, 15, 11, 13, 16, 18, 17, 19, 18, 20]],
    [[5, 6, 4, 5, 6, 5, 4, 6, 8, 9, 8, 10, 9, 8, 10, 9], { part: [8], freeze: 4 }],
    [[3, 3, 3, 3, 3]],
    [
      riverbendWeeklyWalkthroughs.map((value, week) => ({
        date: `2026-0${1 + Math.floor(week / 4)}-1${week % 4}`,
        value,
      })),
    ],
  ],
  'learning.studyPdsa': [[riverbendProofPointCycle], [pdsaAbandon], [pdsaTooFew]],

  // factors
  'factors.compareReviews': [
    [review, laterReview],
    [review, review, { policy: { minChange: 1 } }],
  ],
  'factors.defineFactorReviewPolicy': [[], [{ minAgreement: 0.6 }]],
  'factors.reviewFactors': [
    [riverbendFactorRatings],
    [
      [
        ...riverbendFactorRatings,
        { factorId: 'team-goals', raterId: 'coach', rating: -2, ratedOn: '2026-06-01' },
        { factorId: 'team-goals', raterId: 'principal', rating: -1, ratedOn: '2026-06-01' },
        { factorId: 'trialability', raterId: 'coach', rating: 'missing', ratedOn: '2026-06-01' },
        { factorId: 'adaptability', raterId: 'coach', rating: 0, ratedOn: '2026-06-01' },
        { factorId: 'adaptability', raterId: 'principal', rating: 0, ratedOn: '2026-06-01' },
      ],
      {
        customFactors: [SCHEMA_SAMPLES['factors.CustomFactor']],
        interactions: [SCHEMA_SAMPLES['factors.FactorInteraction']],
        asOf: '2026-06-15',
      },
    ],
    [[]],
  ],
  'factors.suggestStrategies': [
    [review, { strategySet: riverbendTripTicket.route }],
    [review, { leverageSupports: true, additionalMatches: [SCHEMA_SAMPLES['factors.AdditionalFactorMatch']] }],
  ],

  // strategies
  'strategies.defineStrategySetPolicy': [[], [{ minTheorySteps: 4 }]],
  'strategies.reviewStrategySet': [
    [strategySet, { asOf: '2025-11-01', tripTicket: riverbendTripTicket }],
    [
      { entries: strategySet.entries.slice(0, 1) },
      { asOf: '2025-10-01', focalGroups: riverbendTripTicket.focalGroups, measures: riverbendMeasures },
    ],
  ],
  'strategies.screenStrategies': [
    [['proof-point', 'co-design', 'shape-policy'], partners],
    [['co-design'], []],
  ],

  // reach
  'reach.defineReachPolicy': [[], [{ minPeople: 10 }]],
  'reach.evaluateReachTarget': [
    [reachSummary, riverbendReachTarget],
    [reachSummary, lowTarget, { level: 'school', topUnits: 2 }],
    [reachSummaryWithEmptyGroup, eachTarget],
  ],
  'reach.reachAccumulator': [[reachOptions]],
  'reach.reachColumnsFromArrow': [
    [
      arrowLike(toColumns(reachRows, reachOptions), ['district', 'school']),
      {
        units: { district: 'district', school: 'school' },
        groupMask: 'mask',
        engagements: 'sessions',
        eligible: 'enrolled',
      },
      reachOptions,
    ],
  ],
  'reach.reachCountsQuery': [
    [
      {
        dialect: 'bigquery',
        table: ['my-project', 'k12', 'roster'],
        columns: {
          units: { district: 'district_id', school: 'school_id' },
          groups: Object.fromEntries(focalIds.map((id) => [id, `is_${id}`])),
          engagements: 'sessions',
          eligible: 'enrolled',
        },
      },
      reachOptions,
    ],
    [
      {
        dialect: 'snowflake',
        table: 'ROSTER',
        columns: { units: { district: 'D', school: 'S' }, groupMask: 'M', engagements: 'N' },
      },
      reachOptions,
    ],
  ],
  'reach.reachFromCounts': [
    [countsOf(toColumns(reachRows, reachOptions), ['district', 'school'], 10, 'bigint'), reachOptions],
  ],
  'reach.serializeReachState': [[reachState]],
  'reach.parseReachState': [[reachSerializedState]],
  'reach.shardOf': [
    ['student-17', 4],
    ['student-18', 1],
  ],
  'reach.summarizeReach': [
    [reachRows, reachOptions],
    [toColumns(reachRows, reachOptions), reachOptions],
    [datedRows, { ...reachOptions, period: datedPeriod, policy: { minPeople: 10 } }],
  ],
  // pilot
  'pilot.decidePilot': [
    [ruralStemPilot],
    [ruralStemPilot, { policy: { acceptLocalGoalEvidence: true } }],
    [promisingButStruggling],
    [failsToBenefit],
    [strongPilot],
  ],
  'pilot.definePilotPolicy': [[], [{ acceptLocalGoalEvidence: true }]],
  'pilot.summarizePilotEvidence': [[strongPilot], [promisingButStruggling, { policy: { iccAchievement: 0.15 } }]],

  'reach.reachOverTime': [
    [timeRows, timeOptions],
    [timeRows, { ...timeOptions, target: timeTarget, arriveBy: '2027-05-01', window: 21 }],
    [timeRows, { ...timeOptions, target: { ...timeTarget, focalRule: 'each' as const } }],
  ],
  'reach.reachTimeAccumulator': [[timeOptions]],
  'reach.serializeReachTimeState': [[timeState]],
  'reach.parseReachTimeState': [[JSON.parse(JSON.stringify(reach.serializeReachTimeState(timeState)))]],
  'reach.compareSites': [
    [['school-0', 'school-1', 'school-2'], siteSchools, siteCovariates],
    [['school-0', 'school-4'], siteSchools, siteCovariates, { weight: 'enrollment', scaleUpPerPupil: 250 }],
    [['school-3'], siteSchools, siteCovariates, { exactLimit: 2, draws: 200, seed: 9 }],
  ],
  'reach.suppressSmallCells': [[reachSummary], [reachSummary, { hierarchy: ['district'], policy: { minCellSize: 5 } }]],
  // pitstop
  // The first sample is also the stored StageAssessment's (RESULT_SCHEMAS): it has every kind of criterion.
  'pitstop.assessStage': [
    [
      {
        pilotDecision: 'scale-up',
        scale: dimensions.assessScale(riverbendMeasures, riverbendTripTicket.destination.dimensions ?? {}, {
          practice: riverbendPractice,
        }),
        superficialSpread: dimensions.detectSuperficialSpread(riverbendHistory),
        leadershipChanges: ['2026-08-01'],
        sustainabilityChecks: [{ on: '2026-12-01', sustainable: null }],
      },
    ],
    [{}],
  ],
  'pitstop.definePitStopPolicy': [[], [{ maxDaysBetweenStops: 60 }]],
  'pitstop.evaluatePortfolio': [
    [
      [
        { id: 'riverbend', pitStop: { ...(SCHEMA_SAMPLES['pitstop.PitStopInput'] as object), reach: reachSummary } },
        { id: 'lakeside', pitStop: SCHEMA_SAMPLES['pitstop.PitStopInput'] },
      ],
      { policy: { minCellSize: 5 } },
    ],
    [[]],
  ],
  'pitstop.projectedArrivalsFromReach': [
    [reach.reachOverTime(timeRows, { ...timeOptions, target: timeTarget, arriveBy: '2027-05-01', window: 21 })],
    [
      JSON.parse(
        JSON.stringify(reach.reachOverTime(timeRows, { ...timeOptions, target: { ...timeTarget, focalRule: 'each' } })),
      ),
      { target: 0 },
    ],
    [reach.reachOverTime(timeRows, timeOptions)],
    // The ticket's target is counted over 2026-08-01..2027-07-31, not the report's period: it cannot tell.
    [reach.reachOverTime(timeRows, { ...timeOptions, target: timeTarget }), { tripTicket: riverbendTripTicket }],
  ],
  'pitstop.evaluatePitStop': [
    [SCHEMA_SAMPLES['pitstop.PitStopInput']],
    [
      {
        ...(SCHEMA_SAMPLES['pitstop.PitStopInput'] as object),
        reach: reachSummary,
        factorReview: laterReview,
        previousFactorReview: review,
        strategySet,
        partners,
        strategyEvidence: [
          { strategyId: 'proof-point', effects: [{ measure: 'walkthrough', estimate: 0.4, interval: [0.1, 0.7] }] },
          { strategyId: 'local-champions', effects: [{ measure: 'walkthrough', estimate: 0, interval: [-0.3, 0.2] }] },
        ],
      },
      { policy: { minUsefulEffect: 0.25 } },
    ],
  ],
};

/**
 * The functions that decide: their outputs hold at least one `decision`. A new deciding export
 * must be listed here (and its rules exported as a `*_RULES` catalog).
 */
const DECIDING = [
  'dimensions.assessScale',
  'dimensions.detectSuperficialSpread',
  'factors.reviewFactors',
  'fidelity.componentContributions',
  'fidelity.fidelityThreshold',
  'fidelity.fidelityThresholdAsync',
  'learning.decidePdsa',
  'learning.pdsaSeries',
  'learning.runChart',
  'pilot.decidePilot',
  'pitstop.assessStage',
  'pitstop.evaluatePitStop',
  'reach.compareSites',
  'reach.evaluateReachTarget',
  'strategies.screenStrategies',
];

/** Functions whose result is not JSON by design, each checked on its own (see the accumulator test). */
const NOT_JSON_BY_DESIGN: Record<string, (output: unknown) => void> = {
  // The accumulator is an object of methods (init / add / addColumns / merge / finalize); its
  // states and its finalized summary are checked in 'reachAccumulator: init / add / merge / finalize'.
  // A parsed state holds typed arrays (as every accumulator state does, for speed); it must finalize
  // to the summary of the rows it counted.
  'reach.parseReachState': (output) => {
    expect(reach.reachAccumulator(reachOptions).finalize(output as never)).toEqual(
      reach.summarizeReach(reachRows, reachOptions),
    );
  },
  // Columnar rosters (typed arrays, as summarizeReach takes them): they must summarize to the rows' summary.
  'reach.reachColumnsFromArrow': (output) => {
    const accumulator = reach.reachAccumulator(reachOptions);
    const state = accumulator.init();
    for (const batch of (output as { batches: never[] }).batches) accumulator.addColumns(state, batch);
    expect(accumulator.finalize(state)).toEqual(reach.summarizeReach(reachRows, reachOptions));
  },
  'reach.parseReachTimeState': (output) => {
    expect(reach.reachTimeAccumulator(timeOptions).finalize(output as never)).toEqual(
      reach.reachOverTime(timeRows, timeOptions),
    );
  },
  'reach.reachTimeAccumulator': (output) => {
    const methods = output as Record<string, unknown>;
    expect(Object.keys(methods).sort()).toEqual(['add', 'addColumns', 'finalize', 'init', 'merge']);
    const accumulator = output as ReturnType<typeof reach.reachTimeAccumulator>;
    const state = accumulator.init();
    for (const row of timeRows) accumulator.add(state, row);
    expect(accumulator.finalize(accumulator.merge(state, accumulator.init()))).toEqual(
      reach.reachOverTime(timeRows, timeOptions),
    );
  },
  'reach.reachAccumulator': (output) => {
    const methods = output as Record<string, unknown>;
    expect(Object.keys(methods).sort()).toEqual(['add', 'addColumns', 'finalize', 'init', 'merge']);
    for (const method of Object.values(methods)) expect(typeof method).toBe('function');
  },
};

/**
 * Result schemas (stored results): each sample is the first table sample's output of the function
 * that makes it, through JSON (as a result comes back from storage), so it is validated in full.
 */
const RESULT_SCHEMAS: Record<string, string> = {
  'fidelity.FidelityOutcomeAnalysis': 'fidelity.analyzeFidelityOutcome',
  'fidelity.ComponentContributionsResult': 'fidelity.componentContributions',
  'fidelity.FidelityThresholdResult': 'fidelity.fidelityThreshold',
  'dimensions.ScaleAssessment': 'dimensions.assessScale',
  'dimensions.SuperficialSpreadReport': 'dimensions.detectSuperficialSpread',
  'learning.RunChartResult': 'learning.runChart',
  'learning.PdsaStudy': 'learning.studyPdsa',
  'learning.DecidePdsaResult': 'learning.decidePdsa',
  'factors.FactorReview': 'factors.reviewFactors',
  'strategies.StrategySetReview': 'strategies.reviewStrategySet',
  'strategies.ScreeningReport': 'strategies.screenStrategies',
  'pilot.PilotEvidenceSummary': 'pilot.summarizePilotEvidence',
  'pilot.DecidePilotResult': 'pilot.decidePilot',
  'pitstop.PitStopReport': 'pitstop.evaluatePitStop',
  'pitstop.StageAssessment': 'pitstop.assessStage',
  'pitstop.PortfolioReport': 'pitstop.evaluatePortfolio',
  'reach.ReachSummary': 'reach.summarizeReach',
  'reach.SuppressedReachReport': 'reach.suppressSmallCells',
  'reach.ReachOverTimeReport': 'reach.reachOverTime',
};
for (const [schemaName, functionName] of Object.entries(RESULT_SCHEMAS)) {
  const fn = exportedFunctions.get(functionName);
  const args = TABLE[functionName]?.[0];
  if (fn === undefined || args === undefined) throw new Error(`RESULT_SCHEMAS: no table sample for ${functionName}`);
  SCHEMA_SAMPLES[schemaName] = JSON.parse(JSON.stringify(fn(...args)));
}

// ---------------------------------------------------------------------------------------------
// The cases: the table plus the generated parse / safeParse entries.

interface Case {
  readonly name: string;
  readonly module: string;
  readonly args: ArgumentList;
}
const cases: Case[] = [];
for (const [name, argumentLists] of Object.entries(TABLE)) {
  for (const args of argumentLists) cases.push({ name, module: name.split('.')[0] as string, args });
}
/** Names of the generated wrapper entries whose schema and wrapper are both exported. */
const generated = new Set<string>();
for (const [schemaName, sample] of Object.entries(SCHEMA_SAMPLES)) {
  const [module, schema] = schemaName.split('.') as [string, string];
  for (const prefix of ['parse', 'safeParse']) {
    const name = `${module}.${prefix}${schema}`;
    if (!exportedFunctions.has(name)) continue;
    generated.add(name);
    cases.push({ name, module, args: [sample] });
    if (prefix === 'safeParse') cases.push({ name, module, args: [INVALID_DOCUMENT] });
  }
}

/** A failed safeParse holds a ScalingNavigatorError (an Error instance): checked, then compared as its plain fields. */
function withPlainError(name: string, output: unknown): unknown {
  const result = output as { success?: unknown; error?: unknown };
  if (!/\.safeParse[A-Z]/.test(name) || result.success !== false) return output;
  expect(isScalingNavigatorError(result.error), 'a failed safeParse returns a ScalingNavigatorError').toBe(true);
  const error = result.error as { name: string; code: string; path: unknown; message: string; issues: unknown };
  expect(Object.keys(result).sort()).toEqual(['error', 'success']);
  return {
    success: false,
    error: { name: error.name, code: error.code, path: error.path, message: error.message, issues: error.issues },
  };
}

const known = { rules, sources: sourceIds, version: LIBRARY_VERSION };
/** `module.function` → the actions of the top-level decisions its samples reached. */
const reached = new Map<string, Set<string>>();

describe('every export keeps the contract (table-driven)', () => {
  it('the table covers every exported function and names no function that is not exported', () => {
    const covered = new Set([...Object.keys(TABLE), ...generated]);
    const missing = [...exportedFunctions.keys()].filter((name) => !covered.has(name));
    const unknown = Object.keys(TABLE).filter((name) => !exportedFunctions.has(name));
    expect(missing, 'exported functions without a table entry').toEqual([]);
    expect(unknown, 'table entries that are not exported functions').toEqual([]);
    expect(
      Object.entries(TABLE).filter(([, lists]) => lists.length === 0),
      'entries without a sample',
    ).toEqual([]);
  });

  it('every exported schema has a sample (its parse / safeParse entries come from it), and every sample names one', () => {
    expect([...exportedSchemas].filter((name) => !(name in SCHEMA_SAMPLES))).toEqual([]);
    expect(Object.keys(SCHEMA_SAMPLES).filter((name) => !exportedSchemas.has(name))).toEqual([]);
    for (const name of Object.keys(SCHEMA_SAMPLES)) {
      const [module, schema] = name.split('.') as [string, string];
      const namespace = namespaces.get(module) as Namespace;
      // A wrapper pair is whole or absent: a parseX without its safeParseX (or the reverse) is a slip.
      expect(`parse${schema}` in namespace, `${name}: parse and safeParse wrappers come in pairs`).toBe(
        `safeParse${schema}` in namespace,
      );
    }
  });

  it.each(cases.map((entry, index) => [`${entry.name} #${index}`, entry] as const))('%s', async (_label, entry) => {
    const fn = exportedFunctions.get(entry.name) as Fn;
    const args = entry.args.map((arg) => deepFreezeInput(arg));
    const before = snapshot(args);
    // An `…Async` function's output is its promise's value.
    const output = await fn(...args);

    expect(args, 'inputs are not mutated').toStrictEqual(before);
    const check = NOT_JSON_BY_DESIGN[entry.name];
    if (check !== undefined) {
      check(output);
      return;
    }
    const plain = withPlainError(entry.name, output);
    expect(nonJsonPaths(plain), 'output is plain JSON').toEqual([]);
    expect(JSON.parse(JSON.stringify(plain)), 'output survives a JSON round trip').toEqual(plain);
    expect(noteProblems(plain), 'notes are Note[]').toEqual([]);

    const decisions = decisionsIn(plain);
    const actions = actionsOf(entry.module);
    for (const found of decisions) {
      expectDecisionShape(found, known);
      expect(
        actions.has(found.decision.action as string),
        `${found.path}.action ${String(found.decision.action)} is an action of ${entry.module}'s rules`,
      ).toBe(true);
      for (const reason of found.decision.reasons as { rule: string }[]) {
        expect(reason.rule.startsWith(`${entry.module}/`), `${found.path} cites ${reason.rule}`).toBe(true);
      }
    }
    // Rules are cited outside decisions too (a strategy-set review's warnings): each is a catalog rule with its guidance.
    for (const citation of ruleCitationsIn(plain)) {
      const rule = rules.get(citation.rule);
      expect(rule, `${citation.path}.rule ${citation.rule} is in a rule catalog`).toBeDefined();
      expect(citation.guidance, `${citation.path}.guidance is its rule's`).toEqual(rule?.guidance);
    }
    if (decisions.length > 0) {
      const actionsReached = reached.get(entry.name) ?? new Set<string>();
      for (const found of decisions) actionsReached.add(found.decision.action as string);
      reached.set(entry.name, actionsReached);
    }
  });

  it('the functions whose outputs hold decisions are exactly the deciding exports, and each reaches several actions', () => {
    // parse / safeParse wrappers of stored results hand back the decisions those results hold.
    const deciding = new Map([...reached].filter(([name]) => !generated.has(name)));
    expect([...deciding.keys()].sort()).toEqual([...DECIDING].sort());
    for (const [name, actions] of deciding) {
      expect(actions.size, `${name} reached only ${[...actions].join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the rule catalogs', () => {
  it('every module exports its rules as *_RULES catalogs, and every catalog is named *_RULES', () => {
    for (const [module, namespace] of namespaces) {
      for (const name of Object.keys(namespace).filter((key) => key.endsWith('_RULES'))) {
        expect(catalogs.has(`${module}.${name}`), `${module}.${name} is a rule catalog`).toBe(true);
      }
    }
    for (const name of catalogs.keys()) expect(name).toMatch(/\.[A-Z_]+_RULES$/);
    const modules = new Set(allRules.map((rule) => rule.module));
    for (const name of DECIDING) expect(modules.has(name.split('.')[0] as string), name).toBe(true);
  });

  it('listRules() lists exactly the rules of the exported catalogs, each module in RULE_MODULES order', () => {
    const listed = (root.listRules as () => readonly CatalogRule[])();
    expect(new Set(listed)).toEqual(new Set(allRules));
    expect(listed).toHaveLength(allRules.length);
    const order = framework.RULE_MODULES as readonly string[];
    const positions = listed.map((rule) => order.indexOf(rule.module));
    expect(positions.every((position, index) => position >= 0 && position >= (positions[index - 1] ?? 0))).toBe(true);
  });

  it('rule ids are unique across catalogs, start with their module, and cite a known source', () => {
    const ids = [...catalogs.values()].flat().map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const [name, catalog] of catalogs) {
      const module = name.split('.')[0] as string;
      for (const rule of catalog) {
        expect(rule.module, `${rule.id} sits in ${name}`).toBe(module);
        expect(rule.id.startsWith(`${rule.module}/`), rule.id).toBe(true);
        expect(sourceIds.has(rule.guidance.source), `${rule.id} cites ${rule.guidance.source}`).toBe(true);
        expect(typeof rule.retired, rule.id).toBe('boolean');
        expect(nonJsonPaths(rule), rule.id).toEqual([]);
      }
    }
  });
});

describe('reachAccumulator: init / add / merge / finalize', () => {
  const accumulator = reach.reachAccumulator(reachOptions);
  /** The state is plain data with typed arrays (so it survives structuredClone and postMessage). */
  const expectStateShape = (state: unknown) => {
    const paths = nonJsonPaths(state);
    expect(paths.filter((path) => !/^\$\.[A-Za-z]+: (Int32Array|Float64Array) instance$/.test(path))).toEqual([]);
    expect(paths.length).toBeGreaterThan(0);
  };

  it('shards merged and finalized equal one pass; frozen rows and merged states are not changed', () => {
    const rows = reachRows.map((row) => deepFreezeInput({ ...row }));
    const rowsBefore = snapshot(rows);
    const shards = [accumulator.init(), accumulator.init(), accumulator.init()];
    for (const state of shards) expectStateShape(state);
    for (const row of rows) accumulator.add(shards[reach.shardOf(row.id, 2)] as never, row);
    // The third shard takes a columnar batch (typed arrays, compared after the call).
    const columns = toColumns(rows.slice(0, 40), reachOptions);
    const columnsBefore = snapshot(columns);
    accumulator.addColumns(shards[2] as never, columns);
    expect(columns).toStrictEqual(columnsBefore);
    expect(rows).toStrictEqual(rowsBefore);

    const [a, b, c] = shards as [never, never, never];
    const aBefore = snapshot(a);
    const bBefore = snapshot(b);
    const merged = accumulator.merge(a, b);
    expect(a).toStrictEqual(aBefore);
    expect(b).toStrictEqual(bBefore);
    expectStateShape(merged);

    const summary = accumulator.finalize(merged);
    expect(summary).toEqual(reach.summarizeReach(reachRows, reachOptions));
    expect(nonJsonPaths(summary)).toEqual([]);
    expect(noteProblems(summary)).toEqual([]);
    expect(decisionsIn(summary)).toEqual([]);

    const withColumns = accumulator.finalize(accumulator.merge(merged, c));
    expect(withColumns.overall.n).toBe(
      summary.overall.n + reach.summarizeReach(reachRows.slice(0, 40), reachOptions).overall.n,
    );
    expect(nonJsonPaths(withColumns)).toEqual([]);
  });

  it('a state that went through structuredClone (a worker, storage) finalizes the same', () => {
    const state = accumulator.init();
    for (const row of reachRows) accumulator.add(state, row);
    const copy = structuredClone(state);
    expectStateShape(copy);
    expect(accumulator.finalize(copy)).toEqual(accumulator.finalize(state));
    expect(accumulator.finalize(accumulator.merge(copy, accumulator.init()))).toEqual(accumulator.finalize(state));
  });
});
