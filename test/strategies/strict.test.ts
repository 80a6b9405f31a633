/**
 * Issue 12 in the strategies module: strict options and data (unknown keys with a path, holes,
 * limits, options read once), finite outputs (no −0, no Math.min spread), and stored reviews and
 * screening reports with schemas (sealed results; damaged copies are errors with their path).
 */
import { describe, expect, it } from 'vitest';
import { riverbendTripTicket } from '../../examples/sampleDistrict.js';
import { isScalingNavigatorError } from '../../src/_lib/errors.js';
import {
  type PartnerJudgementInput,
  parseScreeningReport,
  parseStrategySetReview,
  reviewStrategySet,
  ScreeningReport,
  type StrategySetInput,
  StrategySetReview,
  safeParseScreeningReport,
  safeParseStrategySetReview,
  screenStrategies,
} from '../../src/strategies/index.js';
import { expectError } from '../_support/expectError.js';

const set: StrategySetInput = {
  entries: [
    {
      strategyId: 'proof-point',
      theoryOfAction: {
        steps: ['visit-site'],
        expectedChange: 'Visitors run projects',
        conditions: 'Release time',
        forWhom: ['el'],
      },
      steps: [
        { what: 'Visit the demonstration school', lead: 'maria', when: '2025-10-01' },
        { what: 'Debrief', when: '2025-10-02', doneOn: '2025-10-02' },
      ],
      addedOn: '2025-09-01',
    },
  ],
};
const focalGroups = [{ id: 'el', label: 'English learners', definition: 'EL census' }];
const setReview = reviewStrategySet(set, { asOf: '2025-11-01', focalGroups, measures: [] });
const partners: PartnerJudgementInput[] = [
  {
    partnerId: 'district',
    power: 3,
    judgements: [
      { strategyId: 'proof-point', acceptable: true, affordable: true },
      { strategyId: 'shape-policy', acceptable: true, affordable: true },
    ],
  },
  {
    partnerId: 'union',
    power: -0,
    role: 'teachers',
    judgements: [{ strategyId: 'shape-policy', acceptable: false, affordable: true, why: 'Pressure' }],
  },
];
const report = screenStrategies(['proof-point', 'shape-policy'], partners);
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** The path of a failed safe parse (`null` when it succeeded). */
const failedAt = (result: { success: boolean; error?: { path: readonly (string | number)[] } }) =>
  result.success ? null : result.error?.path;

describe('reviewStrategySet: strict options', () => {
  it('a mistyped option is an error at its key, with a suggestion', () => {
    expectError(() => reviewStrategySet(set, { asOf: '2025-11-01', focalGroup: [] } as never), 'INVALID_INPUT', [
      'options',
      'focalGroup',
    ]);
    try {
      reviewStrategySet(set, { asof: '2025-11-01' } as never);
    } catch (error) {
      expect(isScalingNavigatorError(error) && error.path).toEqual(['options', 'asof']);
      expect(isScalingNavigatorError(error) && error.message).toContain('did you mean `asOf`?');
    }
  });

  it('unknown keys in nested focal groups, measures, the trip ticket and the policy are errors at the key', () => {
    expectError(
      () => reviewStrategySet(set, { asOf: '2025-11-01', focalGroups: [{ ...focalGroups[0], name: 'x' }] } as never),
      'INVALID_INPUT',
      ['options', 'focalGroups', 0, 'name'],
    );
    expectError(
      () =>
        reviewStrategySet(set, {
          asOf: '2025-11-01',
          measures: [{ id: 'm', strategy: 'proof-point', scale: { min: 0, max: 1 }, strategyy: 1 }],
        } as never),
      'INVALID_INPUT',
      ['options', 'measures', 0, 'strategyy'],
    );
    expectError(
      () => reviewStrategySet(set, { asOf: '2025-11-01', tripTicket: { ...riverbendTripTicket, titel: 'x' } } as never),
      'INVALID_INPUT',
      ['options', 'tripTicket', 'titel'],
    );
    expectError(
      () => reviewStrategySet(set, { asOf: '2025-11-01', policy: { minSteps: 2 } } as never),
      'INVALID_INPUT',
      ['options', 'policy', 'minSteps'],
    );
  });

  it('an unknown key in a set entry is an error at the key', () => {
    const entry = { ...set.entries[0], stauts: 'active' };
    expectError(() => reviewStrategySet({ entries: [entry] } as never, { asOf: '2025-11-01' }), 'INVALID_INPUT', [
      'set',
      'entries',
      0,
      'stauts',
    ]);
  });

  it('options are read once', () => {
    let reads = 0;
    const options = {
      get asOf() {
        reads += 1;
        return reads === 1 ? '2025-11-01' : '2030-01-01';
      },
    };
    expect(reviewStrategySet(set, options).asOf).toBe('2025-11-01');
    expect(reads).toBe(1);
  });

  it('holes in focalGroups, measures and the set are errors at their index', () => {
    expectError(() => reviewStrategySet(set, { asOf: '2025-11-01', focalGroups: new Array(1) }), 'INVALID_INPUT', [
      'options',
      'focalGroups',
      0,
    ]);
    expectError(() => reviewStrategySet(set, { asOf: '2025-11-01', measures: new Array(2) }), 'INVALID_INPUT', [
      'options',
      'measures',
      0,
    ]);
    expectError(() => reviewStrategySet({ entries: new Array(1) }, { asOf: '2025-11-01' }), 'INVALID_INPUT', [
      'set',
      'entries',
      0,
    ]);
  });
});

describe('reviewStrategySet: the stored review', () => {
  it('is sealed, carries schemaVersion 1 and round-trips through JSON', () => {
    expect(setReview.schemaVersion).toBe(1);
    expect(Object.isFrozen(setReview.warnings)).toBe(true);
    expect(parseStrategySetReview(stored(setReview))).toEqual(setReview);
    const withTicket = reviewStrategySet(set, { asOf: '2025-11-01', tripTicket: riverbendTripTicket });
    expect(StrategySetReview.safeParse(stored(withTicket)).success).toBe(true);
  });

  it('a review without a policy is an error at policy', () => {
    const { policy: _policy, ...damaged } = stored(setReview);
    expectError(() => parseStrategySetReview(damaged), 'INVALID_INPUT', ['policy']);
  });

  it('counts that do not add up are errors at the count', () => {
    const damaged = stored(setReview);
    (damaged.strategies[0] as { stepsOverdue: number }).stepsOverdue = 5;
    expectError(() => parseStrategySetReview(damaged), 'INVALID_INPUT', ['strategies', 0, 'stepsOverdue']);
    const warnings = stored(setReview);
    (warnings.strategies[0] as { warnings: number }).warnings = 99;
    expectError(() => parseStrategySetReview(warnings), 'INVALID_INPUT', ['warnings']);
  });

  it('an unknown rule or an evidence of Infinity is an error at its path', () => {
    const damaged = stored(setReview);
    (damaged.warnings[0] as { rule: string }).rule = 'strategies/made-up';
    expect(failedAt(safeParseStrategySetReview(damaged))).toEqual(['warnings', 0, 'rule']);
    const infinite = stored(setReview);
    (infinite.warnings[0]?.evidence as Record<string, number>).steps = Number.POSITIVE_INFINITY;
    expect(failedAt(safeParseStrategySetReview(infinite))).toEqual(['warnings', 0, 'evidence', 'steps']);
  });
});

describe('screenStrategies: strict data', () => {
  it('unknown keys in a partner or a judgement are errors at the key', () => {
    expectError(() => screenStrategies(['proof-point'], [{ partnerId: 'a', powr: 1 }] as never), 'INVALID_INPUT', [
      'partnerJudgements',
      0,
      'powr',
    ]);
    const judgement = { strategyId: 'proof-point', acceptable: true, affordable: true, reason: 'x' };
    expectError(
      () => screenStrategies(['proof-point'], [{ partnerId: 'a', judgements: [judgement] }] as never),
      'INVALID_INPUT',
      ['partnerJudgements', 0, 'judgements', 0, 'reason'],
    );
  });

  it('holes in candidates, partners and judgements are errors at their index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => screenStrategies(['proof-point', , 'co-design'] as never, []), 'INVALID_INPUT', [
      'candidates',
      1,
    ]);
    expectError(() => screenStrategies(['proof-point'], new Array(1)), 'INVALID_INPUT', ['partnerJudgements', 0]);
    expectError(
      () => screenStrategies(['proof-point'], [{ partnerId: 'a', judgements: new Array(1) }]),
      'INVALID_INPUT',
      ['partnerJudgements', 0, 'judgements', 0],
    );
  });

  it('more candidates than the typology has strategies is LIMIT_EXCEEDED before any work', () => {
    expectError(() => screenStrategies(new Array(2 ** 32 - 1), []), 'LIMIT_EXCEEDED', ['candidates']);
  });

  it('a boolean or infinite power is an error', () => {
    expectError(() => screenStrategies([], [{ partnerId: 'a', power: true }] as never), 'INVALID_INPUT', [
      'partnerJudgements',
      0,
      'power',
    ]);
    expectError(() => screenStrategies([], [{ partnerId: 'a', power: Number.NEGATIVE_INFINITY }]), 'INVALID_INPUT', [
      'partnerJudgements',
      0,
      'power',
    ]);
  });
});

describe('screenStrategies: finite out and many partners', () => {
  it('a power of −0 comes out as 0', () => {
    const union = report.strategies[1]?.blockedBy[0];
    expect(Object.is(union?.power, 0)).toBe(true);
    expect(Object.is(report.powerDisagreements[0]?.leastPowerful.power, 0)).toBe(true);
    const evidence = report.strategies[1]?.decision.reasons[0]?.evidence;
    expect(Object.is(evidence?.power, 0)).toBe(true);
  });

  it('200,000 partners do not overflow the stack finding the least and most powerful', () => {
    const many = Array.from({ length: 200_000 }, (_, index) => ({
      partnerId: `p${index}`,
      power: index % 7,
      judgements: [{ strategyId: 'proof-point' as const, acceptable: index % 7 !== 0, affordable: true }],
    }));
    const result = screenStrategies(['proof-point'], many);
    expect(result.powerDisagreements[0]?.kind).toBe('least-powerful-object');
    expect(result.powerDisagreements[0]?.mostPowerful.power).toBe(6);
  });
});

describe('screenStrategies: the stored report', () => {
  it('is sealed, carries schemaVersion 1 and round-trips through JSON', () => {
    expect(report.schemaVersion).toBe(1);
    expect(Object.isFrozen(report.strategies[0]?.decision)).toBe(true);
    expect(parseScreeningReport(stored(report))).toEqual(report);
    expect(ScreeningReport.safeParse(stored(screenStrategies(['co-design'], []))).success).toBe(true);
  });

  it('a report whose lists do not cover the strategies is an error', () => {
    expectError(() => parseScreeningReport({ ...stored(report), failed: [] }), 'INVALID_INPUT', ['strategies']);
  });

  it('a decision with a policy, or a power of NaN, is an error at its path', () => {
    const damaged = stored(report);
    (damaged.strategies[0]?.decision as { policy: unknown }).policy = {};
    expect(failedAt(safeParseScreeningReport(damaged))).toEqual(['strategies', 0, 'decision', 'policy']);
    const nan = stored(report);
    (nan.strategies[1]?.blockedBy[0] as { power: number }).power = Number.NaN;
    expect(failedAt(safeParseScreeningReport(nan))).toEqual(['strategies', 1, 'blockedBy', 0, 'power']);
  });

  it('a report without its version is an error at version', () => {
    const { version: _version, ...damaged } = stored(report);
    expectError(() => parseScreeningReport(damaged), 'INVALID_INPUT', ['version']);
  });
});
