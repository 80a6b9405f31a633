import { describe, expect, it } from 'vitest';
import { riverbendTripTicket } from '../../examples/sampleDistrict.js';
import type { TripTicketInput } from '../../src/framework/index.js';
import {
  DEFAULT_STRATEGY_SET_POLICY,
  defineStrategySetPolicy,
  parseStrategySet,
  type ReviewStrategySetOptions,
  reviewStrategySet,
  STRATEGY_SET_RULES,
  type StrategySetEntryInput,
  type StrategySetInput,
  safeParseStrategySet,
} from '../../src/strategies/index.js';
import { expectError } from '../_support/expectError.js';

const focalGroups = [
  { id: 'el', label: 'English learners', definition: 'EL in the fall census' },
  { id: 'swd', label: 'Students with disabilities', definition: 'Students with an IEP' },
];

/** A complete, well-specified entry: no warnings of its own. */
const complete = (overrides: Partial<StrategySetEntryInput> = {}): StrategySetEntryInput => ({
  strategyId: 'co-design',
  theoryOfAction: {
    steps: ['recruit-and-engage-stakeholders', 'co-creation-mindset', 'Co-design project templates with teachers'],
    expectedChange: 'Teachers in every school use the co-designed project templates',
    conditions: 'Design sessions in paid summer time',
    forWhom: ['el', 'swd'],
  },
  steps: [
    {
      what: 'Invite teachers and families to design',
      who: ['maria', 'dev'],
      lead: 'maria',
      when: '2025-09-15',
      doneOn: '2025-09-12',
    },
  ],
  addedOn: '2025-09-01',
  ...overrides,
});
const options = (extra: Partial<ReviewStrategySetOptions> = {}): ReviewStrategySetOptions => ({
  asOf: '2025-11-01',
  focalGroups,
  measures: [{ id: 'design-log', strategy: 'co-design', scale: { min: 0, max: 20 } }],
  ...extra,
});
const codes = (set: StrategySetInput, extra: Partial<ReviewStrategySetOptions> = {}) =>
  reviewStrategySet(set, options(extra)).warnings.map((warning) => [warning.rule, warning.strategyId, warning.step]);

describe('reviewStrategySet: theories of action (the Carnegie framework, Component 2)', () => {
  it('the framework’s vague proof point ("if people visit this site, the practice will spread") is flagged', () => {
    const vague = complete({
      strategyId: 'proof-point',
      theoryOfAction: {
        steps: ['If people visit the demonstration site, its practices will scale to their schools'],
        expectedChange: 'Practices spread',
        conditions: 'Visits happen',
        forWhom: ['el', 'swd'],
      },
    });
    const review = reviewStrategySet(
      { entries: [vague, complete()] },
      options({
        measures: [{ id: 'v', strategy: 'proof-point', scale: { min: 0, max: 1 } }, ...(options().measures ?? [])],
      }),
    );
    const warning = review.warnings.find((entry) => entry.rule === 'strategies/vague-theory-of-action');
    expect(warning).toMatchObject({
      strategyId: 'proof-point',
      step: null,
      evidence: { steps: 1, minTheorySteps: 3, catalogSteps: 5, catalogStepsNamed: 0 },
      guidance: { source: 'carnegie-2022-scaling-for-equity', section: 'Component 2: Scaling Strategies' },
    });
    expect(warning?.message).toContain('observe-with-protocol');
    expect(review.warnings.map((entry) => entry.rule)).toEqual(['strategies/vague-theory-of-action']);
  });

  it('the framework’s operationalized proof point (visit, observe with a protocol, guidance, try with feedback, accountability) passes', () => {
    const operational = complete({
      strategyId: 'proof-point',
      theoryOfAction: {
        steps: [
          'visit-site',
          'observe-with-protocol',
          'guidance-from-experts',
          'try-and-get-feedback',
          'be-accountable',
        ],
        expectedChange: 'Visitors enact the task in their home classrooms',
        conditions: 'Release time for two visits',
        forWhom: ['el'],
      },
    });
    expect(
      codes(
        { entries: [operational, complete()] },
        { measures: [{ id: 'v', strategy: 'proof-point', scale: { min: 0, max: 1 } }, ...(options().measures ?? [])] },
      ),
    ).toEqual([]);
    // A policy may ask for more steps.
    expect(
      codes(
        { entries: [operational, complete()] },
        {
          measures: [{ id: 'v', strategy: 'proof-point', scale: { min: 0, max: 1 } }, ...(options().measures ?? [])],
          policy: { minTheorySteps: 6 },
        },
      ).map(([rule]) => rule),
    ).toEqual(['strategies/vague-theory-of-action', 'strategies/vague-theory-of-action']);
  });

  it('warns about a missing expected change, conditions, "for whom" and steps', () => {
    const bare = complete({ strategyId: 'network-of-users', theoryOfAction: {}, steps: [] });
    expect(codes({ entries: [complete(), bare] }, { measures: [] })).toEqual([
      ['strategies/no-measure', 'co-design', null],
      ['strategies/vague-theory-of-action', 'network-of-users', null],
      ['strategies/no-expected-change', 'network-of-users', null],
      ['strategies/no-conditions', 'network-of-users', null],
      ['strategies/no-for-whom', 'network-of-users', null],
      ['strategies/no-steps', 'network-of-users', null],
      ['strategies/no-measure', 'network-of-users', null],
    ]);
  });
});

describe('reviewStrategySet: steps (Tool #3: what, when, with whom, who leads)', () => {
  const steps = [
    { what: 'Done on time', lead: 'a', when: '2025-09-10', doneOn: '2025-09-09' },
    { what: 'No lead', when: '2025-12-01' },
    { what: 'No date', lead: 'b' },
    { what: 'Overdue', lead: 'c', when: '2025-10-01' },
    { what: 'Done after asOf', lead: 'd', when: '2025-10-25', doneOn: '2025-11-05' },
    { what: 'Due on asOf', lead: 'e', when: '2025-11-01' },
  ];

  it('flags steps without a lead or a date, and steps overdue at asOf', () => {
    const review = reviewStrategySet({ entries: [complete({ steps })] }, options());
    expect(review.warnings.filter((w) => w.step !== null).map((warning) => [warning.rule, warning.step])).toEqual([
      ['strategies/step-without-lead', 1],
      ['strategies/step-without-date', 2],
      ['strategies/step-overdue', 3],
      ['strategies/step-overdue', 4],
    ]);
    expect(review.warnings[2]?.evidence).toEqual({ what: 'Overdue', when: '2025-10-01', daysLate: 31, lead: 'c' });
    expect(review.strategies[0]).toMatchObject({ steps: 6, stepsDone: 1, stepsOverdue: 2, warnings: 4 });
    expect(review.warnings.at(-1)?.rule).toBe('strategies/single-approach');
  });

  it('overdueAfterDays gives a grace period', () => {
    const review = reviewStrategySet({ entries: [complete({ steps })] }, options({ policy: { overdueAfterDays: 7 } }));
    expect(
      review.warnings.filter((warning) => warning.rule === 'strategies/step-overdue').map((warning) => warning.step),
    ).toEqual([3]);
    expect(review.policy).toEqual({ minTheorySteps: 3, overdueAfterDays: 7 });
  });

  it('does not check paused or removed strategies, but still counts their steps', () => {
    const review = reviewStrategySet(
      {
        entries: [
          complete(),
          complete({
            strategyId: 'proof-point',
            theoryOfAction: {},
            steps,
            status: 'paused',
            changes: [{ on: '2025-10-15', kind: 'paused', why: 'The new superintendent asked us to wait' }],
          }),
          complete({ strategyId: 'shape-policy', theoryOfAction: {}, status: 'removed' }),
        ],
      },
      options(),
    );
    expect(review.warnings.filter((warning) => warning.strategyId !== null)).toEqual([]);
    expect(review.strategies.map((entry) => [entry.id, entry.status, entry.stepsOverdue])).toEqual([
      ['co-design', 'active', 0],
      ['proof-point', 'paused', 2],
      ['shape-policy', 'removed', 0],
    ]);
  });
});

describe('reviewStrategySet: the set as a whole', () => {
  it('a focal group no strategy names in forWhom', () => {
    const onlyEl = complete({ theoryOfAction: { ...complete().theoryOfAction, forWhom: ['el', 'new-teachers'] } });
    const review = reviewStrategySet(
      { entries: [onlyEl, complete({ strategyId: 'educate-policymakers' })] },
      options({
        measures: [
          { id: 'm1', strategy: 'co-design', scale: { min: 0, max: 1 } },
          { id: 'm2', strategy: 'educate-policymakers', scale: { min: 0, max: 1 } },
        ],
      }),
    );
    expect(review.warnings.map((warning) => warning.rule)).toEqual([]);
    const alone = reviewStrategySet(
      {
        entries: [
          onlyEl,
          complete({
            strategyId: 'educate-policymakers',
            theoryOfAction: { ...complete().theoryOfAction, forWhom: ['el'] },
          }),
        ],
      },
      options({
        measures: [
          { id: 'm1', strategy: 'co-design', scale: { min: 0, max: 1 } },
          { id: 'm2', strategy: 'educate-policymakers', scale: { min: 0, max: 1 } },
        ],
      }),
    );
    expect(alone.warnings.map((warning) => [warning.rule, warning.evidence])).toEqual([
      ['strategies/focal-group-not-named', { focalGroup: 'swd' }],
    ]);
    expect(alone.strategies[0]?.focalGroups).toEqual(['el']);
  });

  it('every strategy in one approach; no planned or active strategy', () => {
    const networks = [
      complete({ strategyId: 'local-champions' }),
      complete({ strategyId: 'proof-point' }),
      complete({ strategyId: 'network-of-users' }),
    ];
    const review = reviewStrategySet({ entries: networks }, { asOf: '2025-11-01', focalGroups });
    expect(review.warnings.map((warning) => [warning.rule, warning.evidence])).toEqual([
      ['strategies/single-approach', { approach: 'build-educator-networks', strategies: 3 }],
    ]);
    expect(review.approaches).toEqual([
      { id: 'develop-scalable-innovation', strategies: [] },
      { id: 'build-educator-networks', strategies: ['local-champions', 'proof-point', 'network-of-users'] },
      { id: 'influence-policymakers', strategies: [] },
    ]);
    expect(
      reviewStrategySet({ entries: [] }, { asOf: '2025-11-01' }).warnings.map((w) => [w.rule, w.strategyId, w.step]),
    ).toEqual([['strategies/no-active-strategies', null, null]]);
  });

  it('with the trip ticket: its focal groups, its arrival measures and its route', () => {
    const ticket: TripTicketInput = {
      ...riverbendTripTicket,
      arrival: {
        ...riverbendTripTicket.arrival,
        measures: [
          ...(riverbendTripTicket.arrival.measures ?? []),
          { id: 'champions-active', strategy: 'local-champions', scale: { min: 0, max: 14 } },
        ],
      },
    };
    const champions = complete({
      strategyId: 'local-champions',
      theoryOfAction: { ...complete().theoryOfAction, forWhom: ['poverty', 'el', 'swd'] },
    });
    const policy = complete({ strategyId: 'educate-policymakers', status: 'paused' });
    const review = reviewStrategySet({ entries: [champions, policy] }, { asOf: '2025-11-01', tripTicket: ticket });
    expect(review.warnings.map((warning) => [warning.rule, warning.strategyId])).toEqual([
      ['strategies/single-approach', null],
      ['strategies/route-strategy-missing', 'proof-point'],
      ['strategies/route-strategy-missing', 'network-of-users'],
      ['strategies/route-strategy-missing', 'educate-policymakers'],
    ]);
    expect(review.warnings.at(-1)?.evidence).toEqual({ status: 'paused' });
    expect(review.strategies[0]?.measures).toEqual(['champions-active']);
    expect(review.notes).toEqual([]);
  });

  it('says which checks it could not run, and leaves out strategies added after asOf', () => {
    const review = reviewStrategySet(
      { entries: [complete(), complete({ strategyId: 'proof-point', addedOn: '2026-01-10', steps: [] })] },
      { asOf: '2025-11-01' },
    );
    expect(review.notes.map((note) => [note.code, note.field])).toEqual([
      ['FOCAL_GROUPS_NOT_GIVEN', 'warnings'],
      ['MEASURES_NOT_GIVEN', 'warnings'],
      ['ADDED_AFTER_AS_OF', 'strategies'],
    ]);
    expect(review.strategies.map((entry) => [entry.id, entry.measures, entry.focalGroups])).toEqual([
      ['co-design', null, null],
    ]);
    expect(review.warnings.map((warning) => warning.rule)).toEqual(['strategies/single-approach']);
  });

  it('every warning names a catalog rule, with its action and guidance', () => {
    const review = reviewStrategySet(
      { entries: [complete({ theoryOfAction: {}, steps: [{ what: 'x' }] })] },
      options({ measures: [] }),
    );
    for (const warning of review.warnings) {
      const rule = STRATEGY_SET_RULES.find((entry) => entry.id === warning.rule);
      expect(rule?.guidance).toEqual(warning.guidance);
      expect(rule?.action).toBe(warning.action);
    }
  });

  it('returns plain JSON and does not mutate its inputs', () => {
    const set = { entries: [complete({ steps: [{ what: 'x', when: '2025-10-01' }] })] };
    const opts = options();
    const before = structuredClone({ set, opts });
    const review = reviewStrategySet(set, opts);
    expect({ set, opts }).toEqual(before);
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
  });
});

describe('StrategySet: the model', () => {
  it('parses with defaults, round-trips through JSON, and freezes nothing it was given', () => {
    const input = { title: 'PBL', entries: [complete()] };
    const parsed = parseStrategySet(input);
    expect(parsed.entries[0]).toMatchObject({ status: 'active', partners: [], changes: [] });
    expect(parseStrategySet(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    expect(safeParseStrategySet(input)).toEqual({ success: true, data: parsed });
  });

  it.each([
    [
      'unknown strategy id',
      { entries: [complete({ strategyId: 'proof point' as never })] },
      ['entries', 0, 'strategyId'],
    ],
    ['the same strategy twice', { entries: [complete(), complete()] }, ['entries', 1, 'strategyId']],
    [
      'a step dated before the strategy was added',
      {
        entries: [
          complete({
            steps: [
              { what: 'a', when: '2025-09-02' },
              { what: 'b', when: '2025-08-31' },
            ],
          }),
        ],
      },
      ['entries', 0, 'steps', 1, 'when'],
    ],
    [
      'a step done before the strategy was added',
      { entries: [complete({ steps: [{ what: 'a', doneOn: '2025-08-01' }] })] },
      ['entries', 0, 'steps', 0, 'doneOn'],
    ],
    [
      'a change before the strategy was added',
      { entries: [complete({ changes: [{ on: '2025-08-01', kind: 'kept', why: '' }] })] },
      ['entries', 0, 'changes', 0, 'on'],
    ],
    [
      'changes out of date order',
      {
        entries: [
          complete({
            changes: [
              { on: '2025-12-01', kind: 'revised', why: '' },
              { on: '2025-10-01', kind: 'kept', why: '' },
            ],
          }),
        ],
      },
      ['entries', 0, 'changes', 1, 'on'],
    ],
    ['a non-ISO date', { entries: [complete({ addedOn: '09/01/2025' })] }, ['entries', 0, 'addedOn']],
    ['an unknown status', { entries: [complete({ status: 'done' as never })] }, ['entries', 0, 'status']],
    ['an unknown key', { entries: [complete({ owner: 'x' } as never)] }, ['entries', 0, 'owner']],
    [
      'a step without what',
      { entries: [complete({ steps: [{ lead: 'a' } as never] })] },
      ['entries', 0, 'steps', 0, 'what'],
    ],
  ])('%s → INVALID_INPUT at the path', (_name, set, path) => {
    expectError(() => parseStrategySet(set), 'INVALID_INPUT', path);
    expectError(() => reviewStrategySet(set as StrategySetInput, options()), 'INVALID_INPUT', ['set', ...path]);
    const result = safeParseStrategySet(set);
    expect(result.success ? null : result.error.path).toEqual(path);
  });
});

describe('reviewStrategySet: bad options', () => {
  it.each([
    ['no asOf', { focalGroups }, ['options', 'asOf']],
    ['asOf not a date', { asOf: '2025-11-31' }, ['options', 'asOf']],
    ['an invalid trip ticket', { asOf: '2025-11-01', tripTicket: { title: '' } }, ['options', 'tripTicket', 'title']],
    ['an invalid focal group', { asOf: '2025-11-01', focalGroups: [{ id: '' }] }, ['options', 'focalGroups', 0, 'id']],
    [
      'a measure with an unknown strategy',
      { asOf: '2025-11-01', measures: [{ id: 'm', strategy: 'lobbying', scale: { min: 0, max: 1 } }] },
      ['options', 'measures', 0, 'strategy'],
    ],
    [
      'a measure value off its scale',
      { asOf: '2025-11-01', measures: [{ id: 'm', strategy: 'proof-point', value: 2, scale: { min: 0, max: 1 } }] },
      ['options', 'measures', 0, 'value'],
    ],
    ['measures not an array', { asOf: '2025-11-01', measures: {} }, ['options', 'measures']],
    [
      'a bad policy value',
      { asOf: '2025-11-01', policy: { minTheorySteps: 2.5 } },
      ['options', 'policy', 'minTheorySteps'],
    ],
  ])('%s', (_name, opts, path) => {
    expectError(() => reviewStrategySet({ entries: [] }, opts as never), 'INVALID_INPUT', path);
  });

  it('options must be an object', () => {
    expectError(() => reviewStrategySet({ entries: [] }, undefined as never), 'INVALID_INPUT', ['options']);
  });
});

describe('defineStrategySetPolicy', () => {
  it('merges and validates', () => {
    expect(defineStrategySetPolicy()).toEqual(DEFAULT_STRATEGY_SET_POLICY);
    expect(defineStrategySetPolicy({ minTheorySteps: 5 })).toEqual({ minTheorySteps: 5, overdueAfterDays: 0 });
    expectError(() => defineStrategySetPolicy({ overdueAfterDays: -1 }), 'INVALID_INPUT', [
      'policy',
      'overdueAfterDays',
    ]);
    expectError(() => defineStrategySetPolicy({ grace: 1 } as never), 'INVALID_INPUT', ['policy', 'grace']);
  });
});
