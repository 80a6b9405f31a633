import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessScale, DEFAULT_SCALE_POLICY, defineScalePolicy } from '../../src/dimensions/index.js';
import { isScalingNavigatorError, type MeasureInput, SCALE_DIMENSION_IDS } from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

const byDimension = (result: ReturnType<typeof assessScale>, dimension: string) =>
  result.dimensions.find((entry) => entry.dimension === dimension);

describe('assessScale: hand-computed cases', () => {
  it('normalizes each measure to [0, 1] and takes the weighted mean per dimension', () => {
    // depth: 3 on 1..5 → 0.5 (weight 1); 8 on 0..10 → 0.8 (weight 3); (0.5 + 3·0.8) / 4 = 0.725
    const result = assessScale(
      [
        { id: 'walkthrough', dimension: 'depth', value: 3, scale: { min: 1, max: 5 } },
        { id: 'survey', dimension: 'depth', value: 8, scale: { min: 0, max: 10 }, weight: 3 },
      ],
      { depth: 0.7 },
    );
    expect(byDimension(result, 'depth')?.score).toBeCloseTo(0.725, 15);
    expect(byDimension(result, 'depth')).toEqual({
      dimension: 'depth',
      score: expect.any(Number),
      target: 0.7,
      decision: {
        action: 'met',
        reasons: [
          {
            rule: 'dimensions/target-met',
            evidence: { dimension: 'depth', score: expect.any(Number), target: 0.7, shortfall: 0, tolerance: 1e-12 },
            guidance: expect.objectContaining({ source: 'carnegie-2022-scaling-for-equity' }),
          },
        ],
        policy: DEFAULT_SCALE_POLICY,
        version: expect.any(String),
      },
      met: true,
      shortfall: 0,
      measureCount: 2,
      notes: [],
    });
  });

  it('flips a lower-is-better measure: 12 absences on 0..40 → (40 − 12)/40 = 0.7', () => {
    const result = assessScale(
      [{ id: 'absences', dimension: 'ownership', value: 12, scale: { min: 0, max: 40 }, direction: 'lowerIsBetter' }],
      { ownership: 0.75 },
    );
    expect(byDimension(result, 'ownership')).toMatchObject({ score: 0.7, met: false, target: 0.75 });
    expect(byDimension(result, 'ownership')?.shortfall).toBeCloseTo(0.05, 15);
  });

  it('counts a score equal to its target as met despite floating-point rounding', () => {
    // (0.6 + 0.7 + 0.8) / 3 is 0.6999999999999998 in binary floating point.
    const result = assessScale(
      [6, 7, 8].map((value, index) => ({ id: `m${index}`, dimension: 'depth', value, scale: { min: 0, max: 10 } })),
      { depth: 0.7 },
    );
    expect(byDimension(result, 'depth')?.score).toBeLessThan(0.7);
    expect(byDimension(result, 'depth')?.met).toBe(true);
    const strict = assessScale(
      [6, 7, 8].map((value, index) => ({ id: `m${index}`, dimension: 'depth', value, scale: { min: 0, max: 10 } })),
      { depth: 0.7 },
      { policy: { tolerance: 0 } },
    );
    expect(byDimension(strict, 'depth')?.met).toBe(false);
  });

  it('reports unknown — not zero — for a dimension without measures, and for a dimension without a target', () => {
    const result = assessScale([{ id: 'a', dimension: 'spread', value: 1, scale: { min: 0, max: 2 } }], { depth: 0.5 });
    expect(byDimension(result, 'depth')).toMatchObject({ score: null, met: null, target: 0.5, measureCount: 0 });
    expect(byDimension(result, 'depth')?.notes).toEqual([
      { code: 'NO_MEASURES', message: expect.any(String), field: 'score' },
    ]);
    expect(byDimension(result, 'depth')?.decision).toMatchObject({
      action: 'undetermined',
      reasons: [{ rule: 'dimensions/no-measures', evidence: { dimension: 'depth', score: null, measures: 0 } }],
    });
    expect(byDimension(result, 'spread')).toMatchObject({ score: 0.5, met: null, target: null, shortfall: null });
    expect(byDimension(result, 'spread')?.notes.map((entry) => [entry.code, entry.field])).toEqual([
      ['NO_TARGET', 'decision'],
    ]);
    expect(byDimension(result, 'spread')?.decision.reasons.map((reason) => reason.rule)).toEqual([
      'dimensions/no-target',
    ]);
  });

  it('gives no score when every measure of a dimension has weight 0', () => {
    const result = assessScale([{ id: 'a', dimension: 'depth', value: 1, scale: { min: 0, max: 2 }, weight: 0 }]);
    expect(byDimension(result, 'depth')).toMatchObject({
      score: null,
      measureCount: 1,
      notes: [{ code: 'ZERO_WEIGHT' }],
    });
    expect(byDimension(result, 'depth')?.decision.reasons[0]?.rule).toBe('dimensions/zero-weight');
  });

  it('names the weakest scored dimension (ties go to catalog order) and leaves strategy-only measures out', () => {
    const result = assessScale([
      { id: 'd', dimension: 'depth', value: 0.4, scale: { min: 0, max: 1 } },
      { id: 's', dimension: 'spread', value: 0.4, scale: { min: 0, max: 1 } },
      { id: 'o', dimension: 'ownership', value: 0.9, scale: { min: 0, max: 1 } },
      { id: 'visits', strategy: 'proof-point', value: 3, scale: { min: 0, max: 5 } },
    ]);
    expect(result.weakest).toBe('depth');
    expect(result.measuresWithoutDimension).toBe(1);
    expect(assessScale([]).weakest).toBeNull();
  });

  it('judges atScale from practitioner counts, not from the depth and spread averages (the research summary on scaling up)', () => {
    // Broad but shallow: both averages pass their targets, yet only 30% of intended teachers use the
    // practice with fidelity.
    const result = assessScale(
      [
        { id: 'depth-avg', dimension: 'depth', value: 0.6, scale: { min: 0, max: 1 } },
        { id: 'spread-avg', dimension: 'spread', value: 0.9, scale: { min: 0, max: 1 } },
      ],
      { depth: 0.5, spread: 0.8 },
      { practice: { intended: 400, withFidelity: 120 } },
    );
    expect(result.dimensions.filter((entry) => entry.met === true).map((entry) => entry.dimension)).toEqual([
      'depth',
      'spread',
    ]);
    expect(result.atScale.decision).toMatchObject({
      action: 'not-at-scale',
      reasons: [
        {
          rule: 'dimensions/fidelity-share-short',
          evidence: { intended: 400, withFidelity: 120, share: 0.3, atScaleThreshold: 0.5 },
          guidance: { source: 'scaling-up-research-summary' },
        },
      ],
      policy: DEFAULT_SCALE_POLICY,
    });
    expect(result.atScale.practice).toEqual({ intended: 400, withFidelity: 120, share: 0.3, threshold: 0.5 });
  });

  it('counts exactly half as at scale under the default (NIRN: 50% or more) and follows a policy override', () => {
    const half = assessScale([], {}, { practice: { intended: 400, withFidelity: 200 } }).atScale.decision;
    expect(half.action).toBe('at-scale');
    expect(half.reasons.map((reason) => reason.rule)).toEqual(['dimensions/fidelity-share-reached']);
    expect(assessScale([], {}, { practice: { intended: 400, withFidelity: 199 } }).atScale.decision.action).toBe(
      'not-at-scale',
    );
    const strict = assessScale(
      [],
      {},
      { practice: { intended: 400, withFidelity: 300 }, policy: { atScaleThreshold: 0.8 } },
    );
    expect(strict.atScale.decision.action).toBe('not-at-scale');
    expect(strict.atScale.decision.policy).toEqual({ atScaleThreshold: 0.8, tolerance: 1e-12 });
    expect(strict.policy).toEqual({ atScaleThreshold: 0.8, tolerance: 1e-12 });
  });

  it('leaves atScale undetermined without counts or with no intended practitioners', () => {
    const none = assessScale([]);
    expect(none.atScale).toMatchObject({
      decision: { action: 'undetermined', reasons: [{ rule: 'dimensions/practice-not-given', evidence: {} }] },
      practice: null,
    });
    expect(none.notes).toContainEqual({ code: 'PRACTICE_NOT_GIVEN', message: expect.any(String), field: 'atScale' });
    const empty = assessScale([], {}, { practice: { intended: 0, withFidelity: 0 } });
    expect(empty.atScale.decision).toMatchObject({
      action: 'undetermined',
      reasons: [{ rule: 'dimensions/no-intended-practitioners', evidence: { intended: 0, share: null } }],
    });
    expect(empty.atScale.practice).toEqual({ intended: 0, withFidelity: 0, share: null, threshold: 0.5 });
    expect(empty.notes.map((entry) => entry.code)).toContain('NO_INTENDED_PRACTITIONERS');
  });

  it('judges sustainable in three-valued logic from sustainability and ownership', () => {
    const measures = (sustainability: number, ownership?: number): MeasureInput[] => [
      { id: 's', dimension: 'sustainability', value: sustainability, scale: { min: 0, max: 1 } },
      ...(ownership === undefined
        ? []
        : [{ id: 'o', dimension: 'ownership' as const, value: ownership, scale: { min: 0, max: 1 } }]),
    ];
    const targets = { sustainability: 0.6, ownership: 0.6 };
    const rules = (result: ReturnType<typeof assessScale>) => [
      result.sustainable.decision.action,
      ...result.sustainable.decision.reasons.map((reason) => reason.rule),
    ];
    const both = assessScale(measures(0.7, 0.7), targets);
    expect(rules(both)).toEqual(['sustainable', 'dimensions/sustainability-and-ownership-met']);
    expect(both.sustainable.decision.reasons[0]?.evidence).toEqual({
      sustainabilityScore: 0.7,
      sustainabilityTarget: 0.6,
      ownershipScore: 0.7,
      ownershipTarget: 0.6,
    });
    const short = assessScale(measures(0.7, 0.5), targets);
    expect(rules(short)).toEqual(['not-sustainable', 'dimensions/sustainable-dimension-not-met']);
    expect(short.sustainable.decision.reasons[0]?.evidence).toMatchObject({ dimension: 'ownership', score: 0.5 });
    expect(rules(assessScale(measures(0.5), targets))).toEqual([
      'not-sustainable',
      'dimensions/sustainable-dimension-not-met',
    ]);
    const unknown = assessScale(measures(0.7), targets);
    expect(rules(unknown)).toEqual(['undetermined', 'dimensions/sustainable-dimension-unknown']);
    expect(unknown.notes.map((entry) => [entry.code, entry.field])).toEqual([
      ['PRACTICE_NOT_GIVEN', 'atScale'],
      ['OWNERSHIP_UNKNOWN', 'sustainable'],
    ]);
    expect(assessScale(measures(0.7, 0.7), { sustainability: 0.6 }).sustainable.decision.action).toBe('undetermined');
    expect(rules(assessScale([], {}))).toEqual([
      'undetermined',
      'dimensions/sustainable-dimension-unknown',
      'dimensions/sustainable-dimension-unknown',
    ]);
  });

  it('returns plain JSON-serializable data with every field present', () => {
    const result = assessScale([{ id: 'a', dimension: 'depth', value: 1, scale: { min: 0, max: 2 } }]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const entry of result.dimensions) {
      expect(Object.keys(entry).sort()).toEqual([
        'decision',
        'dimension',
        'measureCount',
        'met',
        'notes',
        'score',
        'shortfall',
        'target',
      ]);
    }
    expect(result.dimensions.map((entry) => entry.dimension)).toEqual([...SCALE_DIMENSION_IDS]);
  });
});

describe('assessScale: bad input', () => {
  const ok = { id: 'a', dimension: 'depth', value: 1, scale: { min: 0, max: 2 } } as const;
  it.each([
    ['NaN value', { ...ok, value: Number.NaN }, ['measures', 0, 'value']],
    ['Infinity value', { ...ok, value: Number.POSITIVE_INFINITY }, ['measures', 0, 'value']],
    ['value off the scale', { ...ok, value: 3 }, ['measures', 0, 'value']],
    ['unknown dimension', { ...ok, dimension: 'reach' }, ['measures', 0, 'dimension']],
    ['min equal to max', { ...ok, scale: { min: 2, max: 2 } }, ['measures', 0, 'scale', 'max']],
    ['min above max', { ...ok, scale: { min: 3, max: 2 } }, ['measures', 0, 'scale', 'max']],
    ['negative weight', { ...ok, weight: -1 }, ['measures', 0, 'weight']],
    ['unknown direction', { ...ok, direction: 'up' }, ['measures', 0, 'direction']],
    ['no dimension or strategy', { id: 'a', value: 1, scale: { min: 0, max: 2 } }, ['measures', 0, 'dimension']],
    ['empty id', { ...ok, id: '' }, ['measures', 0, 'id']],
    ['a typo in a key', { ...ok, wieght: 2 }, ['measures', 0, 'wieght']],
    ['not an object', 7, ['measures', 0]],
  ])('%s → INVALID_INPUT with the path to the value', (_label, measure, path) => {
    expectError(() => assessScale([measure as MeasureInput]), 'INVALID_INPUT', path);
  });

  it('rejects duplicate measure ids at the second occurrence', () => {
    expectError(() => assessScale([ok, { ...ok, value: 2 }]), 'INVALID_INPUT', ['measures', 1, 'id']);
  });

  it('rejects targets outside [0, 1], unknown target keys and a non-array of measures', () => {
    expectError(() => assessScale([ok], { depth: 1.5 }), 'INVALID_INPUT', ['targets', 'depth']);
    expectError(() => assessScale([ok], { depth: Number.NaN }), 'INVALID_INPUT', ['targets', 'depth']);
    expectError(() => assessScale([ok], { dept: 0.5 } as never), 'INVALID_INPUT', ['targets', 'dept']);
    expectError(() => assessScale({} as never), 'INVALID_INPUT', ['measures']);
  });

  it('rejects impossible practice counts and bad policies', () => {
    const run = (practice: unknown) => () => assessScale([], {}, { practice: practice as never });
    expectError(run({ intended: 10, withFidelity: 11 }), 'INVALID_INPUT', ['options', 'practice', 'withFidelity']);
    expectError(run({ intended: 10.5, withFidelity: 1 }), 'INVALID_INPUT', ['options', 'practice', 'intended']);
    expectError(run({ intended: -1, withFidelity: 0 }), 'INVALID_INPUT', ['options', 'practice', 'intended']);
    expectError(run({ intended: 10 }), 'INVALID_INPUT', ['options', 'practice', 'withFidelity']);
    expectError(() => assessScale([], {}, { policy: { atScaleThreshold: 0 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'atScaleThreshold',
    ]);
    expectError(() => defineScalePolicy({ atScale: 0.5 } as never), 'INVALID_INPUT', ['policy', 'atScale']);
  });

  it('throws only ScalingNavigatorError for garbage, never a TypeError', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (measures, targets, options) => {
        try {
          assessScale(measures as never, targets as never, options as never);
        } catch (error) {
          expect(isScalingNavigatorError(error)).toBe(true);
        }
      }),
    );
  });
});

const measureArbitrary = fc.record({
  dimension: fc.constantFrom(...SCALE_DIMENSION_IDS),
  min: fc.double({ min: -1000, max: 1000, noNaN: true }),
  span: fc.double({ min: 1e-3, max: 1000, noNaN: true }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  weight: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 10, noNaN: true })),
  direction: fc.constantFrom('higherIsBetter' as const, 'lowerIsBetter' as const),
});
const measuresArbitrary = fc.array(measureArbitrary, { maxLength: 25 }).map((list) =>
  list.map(
    (entry, index): MeasureInput => ({
      id: `m${index}`,
      dimension: entry.dimension,
      value: Math.min(entry.min + entry.span, entry.min + entry.at * entry.span),
      scale: { min: entry.min, max: entry.min + entry.span },
      weight: entry.weight,
      direction: entry.direction,
    }),
  ),
);
const targetsArbitrary = fc.record(
  {
    depth: fc.double({ min: 0, max: 1, noNaN: true }),
    sustainability: fc.double({ min: 0, max: 1, noNaN: true }),
    spread: fc.double({ min: 0, max: 1, noNaN: true }),
    ownership: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

describe('assessScale: properties', () => {
  it('scores and shortfalls lie in [0, 1]; every number is finite', () => {
    fc.assert(
      fc.property(measuresArbitrary, targetsArbitrary, (measures, targets) => {
        const result = assessScale(measures, targets);
        for (const entry of result.dimensions) {
          if (entry.score !== null) expect(entry.score >= 0 && entry.score <= 1).toBe(true);
          if (entry.shortfall !== null) expect(entry.shortfall >= 0 && entry.shortfall <= 1).toBe(true);
          expect(entry.met === null).toBe(entry.score === null || entry.target === null);
          expect(entry.met).toBe(entry.decision.action === 'undetermined' ? null : entry.decision.action === 'met');
        }
        expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null,"target":null,"met":true/);
      }),
    );
  });

  it('the order of measures never changes the result (bit for bit)', () => {
    fc.assert(
      fc.property(
        measuresArbitrary.chain((measures) =>
          fc.tuple(
            fc.constant(measures),
            fc.shuffledSubarray(measures, { minLength: measures.length, maxLength: measures.length }),
          ),
        ),
        targetsArbitrary,
        ([measures, shuffled], targets) => {
          expect(assessScale(shuffled, targets)).toEqual(assessScale(measures, targets));
        },
      ),
    );
  });

  it('does not mutate its inputs and is deterministic', () => {
    fc.assert(
      fc.property(measuresArbitrary, targetsArbitrary, (measures, targets) => {
        const before = structuredClone({ measures, targets });
        const first = assessScale(measures, targets, { practice: { intended: 10, withFidelity: 5 } });
        expect({ measures, targets }).toEqual(before);
        expect(assessScale(measures, targets, { practice: { intended: 10, withFidelity: 5 } })).toEqual(first);
      }),
    );
  });

  it('a measure at the top of its scale scores 1 and at the bottom 0, whichever the direction', () => {
    const scale = { min: -3, max: 9 };
    const top = assessScale([{ id: 'a', dimension: 'depth', value: 9, scale }]);
    const bottomLower = assessScale([{ id: 'a', dimension: 'depth', value: 9, scale, direction: 'lowerIsBetter' }]);
    expect(top.dimensions[0]?.score).toBe(1);
    expect(bottomLower.dimensions[0]?.score).toBe(0);
    expect(DEFAULT_SCALE_POLICY).toEqual({ atScaleThreshold: 0.5, tolerance: 1e-12 });
  });
});
