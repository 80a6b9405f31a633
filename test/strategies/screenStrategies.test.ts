import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION, STRATEGY_IDS, type StrategyId } from '../../src/framework/index.js';
import { type PartnerJudgementInput, SCREENING_RULES, screenStrategies } from '../../src/strategies/index.js';
import { expectError } from '../_support/expectError.js';

const yes = (strategyId: StrategyId) => ({ strategyId, acceptable: true, affordable: true });

describe('screenStrategies: every partner, the minimum not the mean (the Carnegie framework, Component 1)', () => {
  it('nine partners in favour and one who cannot afford it: the strategy fails, and the decision says who and why', () => {
    const partners: PartnerJudgementInput[] = Array.from({ length: 9 }, (_, index) => ({
      partnerId: `p${index}`,
      power: 2,
      judgements: [yes('proof-point')],
    }));
    partners.push({
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
      ],
    });
    const report = screenStrategies(['proof-point'], partners);
    expect(report.failed).toEqual(['proof-point']);
    const screening = report.strategies[0];
    expect(screening?.blockedBy).toEqual([
      {
        id: 'small-school',
        role: 'school',
        power: 1,
        notAcceptable: false,
        notAffordable: true,
        why: 'Cannot release teachers for visits',
      },
    ]);
    expect(screening?.approvedBy).toHaveLength(9);
    expect(screening?.decision).toEqual({
      action: 'fail',
      reasons: [
        {
          rule: 'strategies/not-affordable-for-partner',
          evidence: { partnerId: 'small-school', role: 'school', power: 1, why: 'Cannot release teachers for visits' },
          guidance: SCREENING_RULES.find((rule) => rule.id === 'strategies/not-affordable-for-partner')?.guidance,
        },
      ],
      policy: null,
      version: LIBRARY_VERSION,
    });
  });

  it('passes only when every partner finds it acceptable and affordable', () => {
    const report = screenStrategies(
      ['co-design'],
      [
        { partnerId: 'district', power: 3, judgements: [yes('co-design')] },
        { partnerId: 'families', power: 1, judgements: [yes('co-design')] },
      ],
    );
    expect(report.passed).toEqual(['co-design']);
    expect(report.strategies[0]?.decision.reasons.map((reason) => [reason.rule, reason.evidence])).toEqual([
      ['strategies/acceptable-and-affordable-for-all', { partners: 2 }],
    ]);
  });

  it('a partner who has not judged, or not judged both criteria, makes it undetermined, never a pass', () => {
    const report = screenStrategies(
      ['co-design', 'local-champions'],
      [
        { partnerId: 'district', judgements: [yes('co-design'), yes('local-champions')] },
        { partnerId: 'union', judgements: [{ strategyId: 'local-champions', acceptable: true, affordable: null }] },
      ],
    );
    expect(report.undetermined).toEqual(['co-design', 'local-champions']);
    expect(report.strategies.map((entry) => entry.awaiting)).toEqual([['union'], ['union']]);
    expect(report.strategies[1]?.decision.reasons).toEqual([
      {
        rule: 'strategies/partner-has-not-judged',
        evidence: { partnerId: 'union', role: null, power: null, acceptable: true, affordable: null },
        guidance: expect.objectContaining({ source: 'carnegie-2022-scaling-for-equity' }),
      },
    ]);
  });

  it('a rejection decides even while other partners are still to judge', () => {
    const report = screenStrategies(
      ['shape-policy'],
      [
        { partnerId: 'district', judgements: [] },
        {
          partnerId: 'union',
          judgements: [{ strategyId: 'shape-policy', acceptable: false, affordable: false, why: 'Not our fight' }],
        },
      ],
    );
    expect(report.failed).toEqual(['shape-policy']);
    expect(report.strategies[0]?.awaiting).toEqual(['district']);
    expect(report.strategies[0]?.decision.reasons.map((reason) => reason.rule)).toEqual([
      'strategies/not-acceptable-to-partner',
      'strategies/not-affordable-for-partner',
    ]);
  });

  it('with no partners nothing passes', () => {
    const report = screenStrategies(['proof-point'], []);
    expect(report.undetermined).toEqual(['proof-point']);
    expect(report.strategies[0]?.decision.reasons.map((reason) => reason.rule)).toEqual(['strategies/no-partners']);
    expect(report.notes.map((note) => [note.code, note.field])).toEqual([['NO_PARTNERS', 'strategies']]);
    expect(screenStrategies([], []).strategies).toEqual([]);
  });
});

describe('screenStrategies: where the least powerful disagree with the most powerful', () => {
  const partners: PartnerJudgementInput[] = [
    {
      partnerId: 'district',
      role: 'district',
      power: 3,
      judgements: [
        yes('proof-point'),
        yes('shape-policy'),
        { strategyId: 'co-design', acceptable: false, affordable: true, why: 'Too slow' },
        yes('local-champions'),
      ],
    },
    {
      partnerId: 'university',
      role: 'research',
      power: 2,
      judgements: [yes('proof-point'), { strategyId: 'shape-policy', acceptable: false, affordable: true }],
    },
    {
      partnerId: 'families',
      role: 'community',
      power: 1,
      judgements: [
        yes('proof-point'),
        { strategyId: 'shape-policy', acceptable: false, affordable: true, why: 'We were not asked' },
        yes('co-design'),
        { strategyId: 'local-champions', acceptable: true, affordable: false },
      ],
    },
    {
      partnerId: 'teachers',
      role: 'educators',
      power: 1,
      judgements: [yes('proof-point'), yes('shape-policy'), yes('co-design'), yes('local-champions')],
    },
  ];

  it('compares the lowest and the highest power levels only, and classifies each disagreement', () => {
    const report = screenStrategies(['proof-point', 'shape-policy', 'co-design', 'local-champions'], partners);
    expect(report.powerDisagreements).toEqual([
      {
        id: 'shape-policy',
        kind: 'split',
        leastPowerful: { power: 1, pass: ['teachers'], fail: ['families'] },
        mostPowerful: { power: 3, pass: ['district'], fail: [] },
      },
      {
        id: 'co-design',
        kind: 'most-powerful-object',
        leastPowerful: { power: 1, pass: ['families', 'teachers'], fail: [] },
        mostPowerful: { power: 3, pass: [], fail: ['district'] },
      },
      {
        id: 'local-champions',
        kind: 'split',
        leastPowerful: { power: 1, pass: ['teachers'], fail: ['families'] },
        mostPowerful: { power: 3, pass: ['district'], fail: [] },
      },
    ]);
    expect(report.notes).toEqual([]);
    const onlyFamilies = screenStrategies(
      ['local-champions'],
      partners.filter((partner) => partner.partnerId !== 'teachers'),
    );
    expect(onlyFamilies.powerDisagreements[0]?.kind).toBe('least-powerful-object');
  });

  it('notes partners without power and power levels that cannot be compared', () => {
    const noPower = screenStrategies(
      ['proof-point'],
      [
        { partnerId: 'a', judgements: [yes('proof-point')] },
        { partnerId: 'b', power: 1, judgements: [yes('proof-point')] },
      ],
    );
    expect(noPower.notes.map((note) => note.code)).toEqual(['POWER_NOT_GIVEN', 'POWER_NOT_COMPARABLE']);
    expect(noPower.notes.every((note) => note.field === 'powerDisagreements')).toBe(true);
    const equal = screenStrategies(
      ['proof-point'],
      [
        { partnerId: 'a', power: 1, judgements: [yes('proof-point')] },
        { partnerId: 'b', power: 1, judgements: [{ strategyId: 'proof-point', acceptable: false, affordable: true }] },
      ],
    );
    expect(equal.notes.map((note) => note.code)).toEqual(['POWER_NOT_COMPARABLE']);
    expect(equal.powerDisagreements).toEqual([]);
  });
});

describe('screenStrategies: bad input throws INVALID_INPUT with a path', () => {
  it.each([
    ['an unknown candidate', ['teleport'], [], ['candidates', 0]],
    ['a repeated candidate', ['proof-point', 'proof-point'], [], ['candidates', 1]],
    ['candidates not an array', 'proof-point', [], ['candidates']],
    ['judgements not an array', ['proof-point'], {}, ['partnerJudgements']],
    [
      'an unknown strategy in a judgement',
      ['proof-point'],
      [{ partnerId: 'a', judgements: [{ strategyId: 'lobbying', acceptable: true, affordable: true }] }],
      ['partnerJudgements', 0, 'judgements', 0, 'strategyId'],
    ],
    [
      'a strategy judged twice by one partner',
      ['proof-point'],
      [{ partnerId: 'a', judgements: [yes('proof-point'), yes('proof-point')] }],
      ['partnerJudgements', 0, 'judgements', 1, 'strategyId'],
    ],
    [
      'a repeated partner',
      ['proof-point'],
      [
        { partnerId: 'a', judgements: [] },
        { partnerId: 'a', judgements: [] },
      ],
      ['partnerJudgements', 1, 'partnerId'],
    ],
    [
      'a judgement that is not a boolean',
      ['proof-point'],
      [{ partnerId: 'a', judgements: [{ strategyId: 'proof-point', acceptable: 'yes', affordable: true }] }],
      ['partnerJudgements', 0, 'judgements', 0, 'acceptable'],
    ],
    [
      'a missing criterion',
      ['proof-point'],
      [{ partnerId: 'a', judgements: [{ strategyId: 'proof-point', acceptable: true }] }],
      ['partnerJudgements', 0, 'judgements', 0, 'affordable'],
    ],
    [
      'an infinite power',
      ['proof-point'],
      [{ partnerId: 'a', power: Number.POSITIVE_INFINITY }],
      ['partnerJudgements', 0, 'power'],
    ],
    ['a NaN power', ['proof-point'], [{ partnerId: 'a', power: Number.NaN }], ['partnerJudgements', 0, 'power']],
  ])('%s', (_name, candidates, judgements, path) => {
    expectError(() => screenStrategies(candidates as never, judgements as never), 'INVALID_INPUT', path);
  });
});

const partnerArbitrary = fc.record({
  power: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  judgements: fc.uniqueArray(
    fc.record({
      strategyId: fc.constantFrom(...STRATEGY_IDS),
      acceptable: fc.constantFrom(true, false, null),
      affordable: fc.constantFrom(true, false, null),
    }),
    { selector: (judgement) => judgement.strategyId },
  ),
});
const screeningArbitrary = fc.tuple(
  fc.shuffledSubarray([...STRATEGY_IDS]),
  fc.array(partnerArbitrary, { maxLength: 6 }).map((list) =>
    list.map(
      ({ power, judgements }, index): PartnerJudgementInput => ({
        partnerId: `p${index}`,
        ...(power === undefined ? {} : { power }),
        judgements,
      }),
    ),
  ),
);

describe('screenStrategies: properties', () => {
  it('a strategy rejected by any partner is never passed; it passes exactly when every partner approves', () => {
    fc.assert(
      fc.property(screeningArbitrary, ([candidates, partners]) => {
        const report = screenStrategies(candidates, partners);
        for (const screening of report.strategies) {
          const judgements = partners.map((partner) =>
            partner.judgements?.find((judgement) => judgement.strategyId === screening.id),
          );
          const rejected = judgements.some((j) => j?.acceptable === false || j?.affordable === false);
          const allApprove =
            partners.length > 0 && judgements.every((j) => j?.acceptable === true && j.affordable === true);
          if (rejected) expect(screening.decision.action).toBe('fail');
          expect(screening.decision.action === 'pass').toBe(allApprove);
          expect(screening.blockedBy.length + screening.awaiting.length + screening.approvedBy.length).toBe(
            partners.length,
          );
        }
        expect(report.passed.length + report.failed.length + report.undetermined.length).toBe(candidates.length);
      }),
    );
  });

  it('the order of partners never changes a decision; the inputs are not mutated', () => {
    fc.assert(
      fc.property(
        screeningArbitrary.chain(([candidates, partners]) =>
          fc.tuple(
            fc.constant(candidates),
            fc.constant(partners),
            fc.shuffledSubarray(partners, { minLength: partners.length }),
          ),
        ),
        ([candidates, partners, shuffled]) => {
          const before = structuredClone(partners);
          const a = screenStrategies(candidates, partners);
          const b = screenStrategies(candidates, shuffled);
          expect(partners).toEqual(before);
          expect(b.strategies.map((entry) => entry.decision.action)).toEqual(
            a.strategies.map((entry) => entry.decision.action),
          );
          expect(b.powerDisagreements.map((entry) => [entry.id, entry.kind])).toEqual(
            a.powerDisagreements.map((entry) => [entry.id, entry.kind]),
          );
          expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        },
      ),
    );
  });
});
