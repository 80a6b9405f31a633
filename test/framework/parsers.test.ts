import { describe, expect, it } from 'vitest';
import * as framework from '../../src/framework/index.js';
import { ScalingNavigatorError } from '../../src/framework/index.js';

/** The exported zod schemas of `framework`: every export that carries zod's `_zod` internals. */
const schemaNames = Object.entries(framework)
  .filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value)
  .map(([name]) => name)
  .sort();

interface BadCase {
  /** An input with one or more problems. */
  readonly input: unknown;
  /** The path of each problem, in the order zod reports them (the first is the error's `path`). */
  readonly paths: readonly (readonly (string | number)[])[];
}

const ticket = {
  title: 'Project-based learning for all',
  equityDefinition: 'Every student gets powerful learning.',
  scalingForEquityDefinition: 'Reach most students, and first those served least.',
  focalGroups: [{ id: 'poverty', label: 'Students in poverty', definition: 'Direct certification' }],
  destination: { dimensions: { depth: 0.7 } },
  arriveBy: '2027-06-30',
  route: ['proof-point'],
  arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
};

/** Per exported schema: a bad input and where its problems are. Object schemas get two bad fields. */
const BAD: Readonly<Record<string, BadCase>> = {
  FocalGroup: { input: { id: '', label: 'x', definition: 3 }, paths: [['id'], ['definition']] },
  MeasureDefinition: {
    input: { id: '', dimension: 'reach', scale: { min: 0, max: 4 } },
    paths: [['id'], ['dimension']],
  },
  Measure: {
    input: { id: 'm', dimension: 'depth', value: 'high', scale: { min: 0, max: 4 }, collectedOn: '2025-02-30' },
    paths: [['value'], ['collectedOn']],
  },
  ReachTarget: {
    input: { population: { unit: 'pupils' }, overall: 1.2, focal: 0.8, focalRule: 'union' },
    paths: [['population', 'unit'], ['overall']],
  },
  ScaleTargets: { input: { depth: 70, spred: 0.8 }, paths: [['depth'], ['spred']] },
  PlannedPitStop: { input: { date: '2025-02-30', why: 'Mid-year', focus: 1 }, paths: [['date'], ['focus']] },
  TripTicket: {
    input: { ...ticket, title: '', route: ['proof-point', 'teleport'] },
    paths: [['title'], ['route', 1]],
  },
  FactorCategoryId: { input: 'students', paths: [[]] },
  FactorId: { input: 'feasibility', paths: [[]] },
  StrategyApproachId: { input: 'lobby', paths: [[]] },
  StrategyId: { input: 'proof point', paths: [[]] },
  ScaleDimensionId: { input: 'reach', paths: [[]] },
  ScalingStageId: { input: 'loose', paths: [[]] },
  PitStopQuestionId: { input: 'gas', paths: [[]] },
  NavigatorToolId: { input: 'road-map', paths: [[]] },
  EquityConfigurationId: { input: 'all-of-the-above', paths: [[]] },
  DeeperLearningCompetencyId: { input: 'creativity', paths: [[]] },
};

type Parser = (input: unknown) => unknown;
type SafeParser = (input: unknown) => framework.SafeParseResult<unknown>;

const exported = framework as unknown as Record<string, unknown>;

describe('every exported schema of framework has parseX / safeParseX speaking ScalingNavigatorError', () => {
  it('the bad-input table covers exactly the exported schemas', () => {
    expect(Object.keys(BAD).sort()).toEqual(schemaNames);
  });

  it.each(schemaNames)('%s', (name) => {
    const parse = exported[`parse${name}`] as Parser | undefined;
    const safeParse = exported[`safeParse${name}`] as SafeParser | undefined;
    expect(typeof parse, `parse${name} is exported`).toBe('function');
    expect(typeof safeParse, `safeParse${name} is exported`).toBe('function');
    const bad = BAD[name] as BadCase;

    let caught: unknown;
    try {
      (parse as Parser)(bad.input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScalingNavigatorError);
    const error = caught as ScalingNavigatorError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toEqual(bad.paths[0]);
    expect(error.issues.map((issue) => issue.path)).toEqual(bad.paths);
    expect(error.issues.every((issue) => issue.code === 'INVALID_INPUT' && issue.message.length > 0)).toBe(true);

    const result = (safeParse as SafeParser)(bad.input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(ScalingNavigatorError);
      expect(result.error.issues).toEqual(error.issues);
    }
  });

  it('a good input parses to what the schema itself gives', () => {
    expect(framework.parseTripTicket(ticket)).toEqual(framework.TripTicket.parse(ticket));
    expect(framework.safeParseTripTicket(ticket)).toEqual({ success: true, data: framework.TripTicket.parse(ticket) });
    expect(framework.parseStrategyId('proof-point')).toBe('proof-point');
  });
});
