import { describe, expect, it } from 'vitest';
import {
  DEEPER_LEARNING_COMPETENCIES,
  DEEPER_LEARNING_COMPETENCY_IDS,
  DeeperLearningCompetencyId,
  EQUITY_CONFIGURATION_IDS,
  EQUITY_CONFIGURATIONS,
  EquityConfigurationId,
  FACTOR_CATEGORIES,
  FACTOR_CATEGORY_IDS,
  FACTOR_IDS,
  FACTORS,
  FactorCategoryId,
  FactorId,
  factorsByCategory,
  getFactor,
  getFactorCategory,
  getScalingStage,
  getStrategy,
  getStrategyApproach,
  NAVIGATOR_TASKS,
  NAVIGATOR_TOOL_IDS,
  NAVIGATOR_TOOLS,
  NavigatorToolId,
  PIT_STOP_LEARNING_QUESTIONS,
  PIT_STOP_QUESTION_IDS,
  PIT_STOP_QUESTIONS,
  PitStopQuestionId,
  SCALING_STAGE_IDS,
  SCALING_STAGES,
  ScalingStageId,
  SOURCES,
  STRATEGIES,
  STRATEGY_APPROACH_IDS,
  STRATEGY_APPROACHES,
  STRATEGY_IDS,
  StrategyApproachId,
  StrategyId,
  strategiesByApproach,
  TRIP_TICKET_QUESTIONS,
} from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';
import {
  CARNEGIE_NAMES,
  computeSourceFacts,
  loadSourceFacts,
  normalize,
  RUN,
  runFingerprints,
} from '../_support/sourceFacts.js';

// ---------------------------------------------------------------------------------------------
// Source facts: the names and 8-word-run fingerprints of the source documents, from a fixture, so a
// standalone clone runs every case. With ../shared/seeds beside the repository (always in CI), the
// fixture is also checked against the documents.
// ---------------------------------------------------------------------------------------------

const facts = loadSourceFacts();
const fromSources = computeSourceFacts();
const skipFreshness = fromSources === undefined && !process.env.CI;

describe('test/fixtures/sourceFacts.json', () => {
  it.skipIf(skipFreshness)(
    'matches the source documents (regenerate: npx tsx test/fixtures/gen/sourceFacts.ts)',
    () => {
      expect(fromSources, 'the source documents are not in ../shared/seeds').toBeDefined();
      expect(facts).toEqual(fromSources);
    },
  );
});

interface Labelled {
  readonly id: string;
  readonly label: string;
}

/** The ids of the entries whose label contains `name` (case-insensitive, whitespace-normalized). */
function entriesNamed(catalog: readonly Labelled[], name: string): string[] {
  const wanted = normalize(name);
  return catalog.filter((entry) => normalize(entry.label).includes(wanted)).map((entry) => entry.id);
}

/** The catalog each group of {@link CARNEGIE_NAMES} names entries of. */
const CATALOG_ENTRIES: Readonly<Record<string, readonly Labelled[]>> = {
  'strategy approaches': STRATEGY_APPROACHES,
  strategies: STRATEGIES,
  'factor categories': FACTOR_CATEGORIES,
  factors: FACTORS,
  'navigator tools': NAVIGATOR_TOOLS,
  'deeper learning competencies': DEEPER_LEARNING_COMPETENCIES,
};

describe('catalogs are complete against the Carnegie framework', () => {
  const carnegieNames = new Set(facts.carnegieNames);
  for (const { catalog, names } of CARNEGIE_NAMES) {
    const entries = CATALOG_ENTRIES[catalog] as readonly Labelled[];
    describe(catalog, () => {
      it.each(names.map(([name, id]) => [name, id] as const))(
        '"%s" occurs in the Carnegie framework and names exactly one entry (%s)',
        (name, id) => {
          expect(carnegieNames.has(normalize(name)), `"${name}" not found in the Carnegie framework`).toBe(true);
          expect(entriesNamed(entries, name)).toEqual([id]);
        },
      );

      it('every entry is named by at least one name of the source', () => {
        const named = new Set(names.map(([, id]) => id));
        expect(entries.map((entry) => entry.id).filter((id) => !named.has(id))).toEqual([]);
      });
    });
  }
});

describe('catalog sizes', () => {
  it.each([
    ['strategy approaches', STRATEGY_APPROACHES.length, 3],
    ['strategies', STRATEGIES.length, 8],
    ['factor categories', FACTOR_CATEGORIES.length, 4],
    ['factors', FACTORS.length, 17],
    ['pit stop questions', PIT_STOP_QUESTIONS.length, 4],
    ['pit stop learning questions', PIT_STOP_LEARNING_QUESTIONS.length, 5],
    ['navigator tools', NAVIGATOR_TOOLS.length, 6],
    ['navigator tasks', NAVIGATOR_TASKS.length, 4],
    ['equity configurations', EQUITY_CONFIGURATIONS.length, 3],
    ['scaling stages', SCALING_STAGES.length, 4],
    ['deeper learning competencies', DEEPER_LEARNING_COMPETENCIES.length, 6],
    ['trip ticket questions', TRIP_TICKET_QUESTIONS.length, 4],
  ] as const)('%s: %i', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

/** Each catalog with its ids array (when it has one) and the fields that must not repeat across entries. */
const CATALOGS: readonly {
  readonly name: string;
  readonly entries: readonly {
    readonly id: string;
    readonly source: { readonly source: string; readonly section: string };
  }[];
  readonly ids: readonly string[] | undefined;
  readonly uniqueText: readonly string[];
}[] = [
  { name: 'STRATEGY_APPROACHES', entries: STRATEGY_APPROACHES, ids: STRATEGY_APPROACH_IDS, uniqueText: ['label'] },
  { name: 'STRATEGIES', entries: STRATEGIES, ids: STRATEGY_IDS, uniqueText: ['label'] },
  { name: 'FACTOR_CATEGORIES', entries: FACTOR_CATEGORIES, ids: FACTOR_CATEGORY_IDS, uniqueText: ['label'] },
  { name: 'FACTORS', entries: FACTORS, ids: FACTOR_IDS, uniqueText: ['label'] },
  { name: 'PIT_STOP_QUESTIONS', entries: PIT_STOP_QUESTIONS, ids: PIT_STOP_QUESTION_IDS, uniqueText: ['question'] },
  {
    name: 'PIT_STOP_LEARNING_QUESTIONS',
    entries: PIT_STOP_LEARNING_QUESTIONS,
    ids: undefined,
    uniqueText: ['question'],
  },
  { name: 'NAVIGATOR_TOOLS', entries: NAVIGATOR_TOOLS, ids: NAVIGATOR_TOOL_IDS, uniqueText: ['label'] },
  { name: 'NAVIGATOR_TASKS', entries: NAVIGATOR_TASKS, ids: undefined, uniqueText: ['label'] },
  {
    name: 'EQUITY_CONFIGURATIONS',
    entries: EQUITY_CONFIGURATIONS,
    ids: EQUITY_CONFIGURATION_IDS,
    uniqueText: ['label'],
  },
  { name: 'SCALING_STAGES', entries: SCALING_STAGES, ids: SCALING_STAGE_IDS, uniqueText: ['label'] },
  {
    name: 'DEEPER_LEARNING_COMPETENCIES',
    entries: DEEPER_LEARNING_COMPETENCIES,
    ids: DEEPER_LEARNING_COMPETENCY_IDS,
    uniqueText: ['label'],
  },
  { name: 'TRIP_TICKET_QUESTIONS', entries: TRIP_TICKET_QUESTIONS, ids: undefined, uniqueText: ['question'] },
];

describe('ids, labels and sources', () => {
  const sourceIds = SOURCES.map((source) => source.id as string);

  describe.each(CATALOGS.map((catalog) => [catalog.name, catalog] as const))('%s', (_name, catalog) => {
    it('has unique ids', () => {
      const ids = catalog.entries.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    const ids = catalog.ids;
    if (ids !== undefined) {
      it('lists its entries in the order of its ids array', () => {
        expect(catalog.entries.map((entry) => entry.id)).toEqual(ids);
      });
    }

    it('has no two entries with the same label or question', () => {
      for (const field of catalog.uniqueText) {
        const values = catalog.entries.map((entry) => normalize(String((entry as Record<string, unknown>)[field])));
        expect(new Set(values).size, field).toBe(values.length);
      }
    });

    it('cites a known source and a section for every entry', () => {
      for (const entry of catalog.entries) {
        expect(sourceIds, entry.id).toContain(entry.source.source);
        expect(entry.source.section.length, entry.id).toBeGreaterThan(0);
      }
    });
  });

  it("cites REL Appalachia's pilot guidance only for the scaling stages", () => {
    const fromRelAppalachia = CATALOGS.flatMap((catalog) =>
      catalog.entries.filter((entry) => entry.source.source === 'rel-appalachia-pilot').map(() => catalog.name),
    );
    expect([...new Set(fromRelAppalachia)]).toEqual(['SCALING_STAGES']);
  });
});

describe('strategy typology', () => {
  it('groups the strategies under their approaches', () => {
    expect(STRATEGY_APPROACH_IDS.map((approach) => strategiesByApproach(approach).map((entry) => entry.id))).toEqual([
      ['co-design', 'scalable-characteristics'],
      ['proof-point', 'network-of-users', 'local-champions'],
      ['policy-network', 'shape-policy', 'educate-policymakers'],
    ]);
  });

  it('every approach has at least one strategy', () => {
    for (const approach of STRATEGY_APPROACH_IDS) expect(strategiesByApproach(approach).length).toBeGreaterThan(0);
  });

  it('gives the proof point exactly the five steps of the Carnegie framework, in order', () => {
    const steps = getStrategy('proof-point').theoryOfAction;
    expect(steps.map((step) => step.id)).toEqual([
      'visit-site',
      'observe-with-protocol',
      'guidance-from-experts',
      'try-and-get-feedback',
      'be-accountable',
    ]);
    const keyWords = ['visit', 'structured observation protocol', 'expert teachers', 'feedback', 'accountable'];
    steps.forEach((step, index) => {
      expect(normalize(step.label)).toContain(keyWords[index]);
    });
  });

  it('gives co-design the four requirements of the Carnegie framework, in order', () => {
    expect(getStrategy('co-design').theoryOfAction.map((step) => step.id)).toEqual([
      'recruit-and-engage-stakeholders',
      'co-creation-mindset',
      'community-guidelines',
      'asset-mapping',
    ]);
  });

  it('gives every strategy an equity emphasis and a theory of action of at least three steps with unique ids', () => {
    for (const strategy of STRATEGIES) {
      expect(strategy.equityEmphasis.length, strategy.id).toBeGreaterThan(40);
      expect(strategy.theoryOfAction.length, strategy.id).toBeGreaterThanOrEqual(3);
      const stepIds = strategy.theoryOfAction.map((step) => step.id);
      expect(new Set(stepIds).size, strategy.id).toBe(stepIds.length);
    }
  });
});

describe('influential factors', () => {
  it('groups the factors under their categories', () => {
    expect(FACTOR_CATEGORY_IDS.map((category) => factorsByCategory(category).map((entry) => entry.id))).toEqual([
      ['complexity', 'compatibility', 'observability', 'trialability', 'adaptability'],
      ['attitudes', 'emotions', 'personality-and-style', 'descriptive-characteristics'],
      ['collaborative-structures', 'communication-mechanisms', 'decision-making-culture'],
      ['leadership', 'competition-for-attention', 'community-beliefs-and-values', 'policies', 'large-scale-events'],
    ]);
  });

  it('every category has at least one factor', () => {
    for (const category of FACTOR_CATEGORY_IDS) expect(factorsByCategory(category).length).toBeGreaterThan(0);
  });

  it('gives every factor two to four reflective questions', () => {
    for (const factor of FACTORS) {
      expect(factor.reflectiveQuestions.length, factor.id).toBeGreaterThanOrEqual(2);
      expect(factor.reflectiveQuestions.length, factor.id).toBeLessThanOrEqual(4);
      for (const question of factor.reflectiveQuestions) expect(question.endsWith('?'), question).toBe(true);
    }
  });
});

describe('pit stops, tools, tasks, stages', () => {
  it('keeps the pit stop learning questions in the source order', () => {
    expect(PIT_STOP_LEARNING_QUESTIONS.map((entry) => entry.id)).toEqual([
      'where-have-we-been',
      'still-headed',
      'right-route',
      'fuel-low',
      'anything-broken',
    ]);
  });

  it('gives every pit stop question its guidance', () => {
    for (const entry of PIT_STOP_QUESTIONS) expect(entry.guidance.length, entry.id).toBeGreaterThan(20);
  });

  it('numbers the tools 1 to 6', () => {
    expect(NAVIGATOR_TOOLS.map((tool) => tool.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('assigns every task known tools and uses every tool in some task', () => {
    expect(NAVIGATOR_TASKS.map((task) => task.id)).toEqual([
      'set-intentions',
      'calibrate-strategy-set',
      'activate-learning-system',
      'account-for-factors',
    ]);
    const used = new Set<string>();
    for (const task of NAVIGATOR_TASKS) {
      expect(task.tools.length, task.id).toBeGreaterThan(0);
      for (const tool of task.tools) {
        expect(NAVIGATOR_TOOL_IDS as readonly string[]).toContain(tool);
        used.add(tool);
      }
    }
    expect([...used].sort()).toEqual([...NAVIGATOR_TOOL_IDS].sort());
  });

  it('orders the scaling stages 1 to 4', () => {
    expect(SCALING_STAGES.map((stage) => stage.order)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the trip ticket questions in the source order, each with prompts', () => {
    expect(TRIP_TICKET_QUESTIONS.map((entry) => entry.id)).toEqual(['destination', 'route', 'pit-stops', 'arrival']);
    for (const entry of TRIP_TICKET_QUESTIONS) expect(entry.prompts.length, entry.id).toBeGreaterThan(0);
  });
});

describe('id schemas', () => {
  const SCHEMAS = [
    ['StrategyApproachId', StrategyApproachId, STRATEGY_APPROACH_IDS],
    ['StrategyId', StrategyId, STRATEGY_IDS],
    ['FactorCategoryId', FactorCategoryId, FACTOR_CATEGORY_IDS],
    ['FactorId', FactorId, FACTOR_IDS],
    ['PitStopQuestionId', PitStopQuestionId, PIT_STOP_QUESTION_IDS],
    ['NavigatorToolId', NavigatorToolId, NAVIGATOR_TOOL_IDS],
    ['EquityConfigurationId', EquityConfigurationId, EQUITY_CONFIGURATION_IDS],
    ['ScalingStageId', ScalingStageId, SCALING_STAGE_IDS],
    ['DeeperLearningCompetencyId', DeeperLearningCompetencyId, DEEPER_LEARNING_COMPETENCY_IDS],
  ] as const;

  describe.each(SCHEMAS)('%s', (_name, schema, ids) => {
    it('accepts every id', () => {
      for (const id of ids) expect(schema.safeParse(id).success, id).toBe(true);
    });

    it('rejects anything else', () => {
      const first = ids[0] ?? '';
      for (const value of ['', 'nope', first.toUpperCase(), ` ${first}`, 42, null, undefined, [first]]) {
        expect(schema.safeParse(value).success, String(value)).toBe(false);
      }
    });
  });
});

describe('lookups', () => {
  const LOOKUPS = [
    ['getStrategy', (id: string) => getStrategy(id as StrategyId), STRATEGIES, STRATEGY_IDS],
    [
      'getStrategyApproach',
      (id: string) => getStrategyApproach(id as StrategyApproachId),
      STRATEGY_APPROACHES,
      STRATEGY_APPROACH_IDS,
    ],
    ['getFactor', (id: string) => getFactor(id as FactorId), FACTORS, FACTOR_IDS],
    [
      'getFactorCategory',
      (id: string) => getFactorCategory(id as FactorCategoryId),
      FACTOR_CATEGORIES,
      FACTOR_CATEGORY_IDS,
    ],
    ['getScalingStage', (id: string) => getScalingStage(id as ScalingStageId), SCALING_STAGES, SCALING_STAGE_IDS],
  ] as const;

  describe.each(LOOKUPS)('%s', (_name, lookup, entries, ids) => {
    it('returns the catalog entry for every id', () => {
      for (const id of ids) expect(lookup(id)).toBe(entries.find((entry) => entry.id === id));
    });

    it('throws INVALID_INPUT at path ["id"] for an unknown id, whatever its type', () => {
      for (const bad of ['nope', '', 'Proof-Point', 7, null, undefined]) {
        expectError(() => lookup(bad as string), 'INVALID_INPUT', ['id']);
      }
    });

    it('names every valid id in the message', () => {
      let message = '';
      try {
        lookup('nope');
      } catch (error) {
        message = (error as Error).message;
      }
      for (const id of ids) expect(message).toContain(id);
    });
  });

  it('strategiesByApproach rejects an unknown approach at path ["approach"]', () => {
    expectError(() => strategiesByApproach('lobby' as StrategyApproachId), 'INVALID_INPUT', ['approach']);
  });

  it('factorsByCategory rejects an unknown category at path ["category"]', () => {
    expectError(() => factorsByCategory('students' as FactorCategoryId), 'INVALID_INPUT', ['category']);
  });
});

describe('descriptions are in our words', () => {
  /** Every prose string of the catalogs (labels, ids and citations excluded: those are names). */
  function proseOf(value: unknown, key = ''): string[] {
    if (typeof value === 'string') return ['id', 'label', 'section', 'source'].includes(key) ? [] : [value];
    if (Array.isArray(value)) return value.flatMap((item) => proseOf(item, key));
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value).flatMap(([childKey, child]) => proseOf(child, childKey));
    }
    return [];
  }

  it(`no prose shares a run of ${RUN} words with the Carnegie framework or REL Appalachia's pilot guidance`, () => {
    expect(facts.runLength).toBe(RUN);
    const sourceRuns = new Set(facts.fingerprints);
    const copied = CATALOGS.flatMap((catalog) => proseOf(catalog.entries)).filter((text) =>
      runFingerprints(text).some((run) => sourceRuns.has(run)),
    );
    expect(copied).toEqual([]);
  });
});
