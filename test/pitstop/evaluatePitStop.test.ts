import { describe, expect, it } from 'vitest';
import { riverbendHistory } from '../../examples/sampleDistrict.js';
import { detectSuperficialSpread } from '../../src/dimensions/index.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import {
  evaluatePitStop,
  type PitStopInput,
  parsePitStopInput,
  safeParsePitStopInput,
} from '../../src/pitstop/index.js';
import { parseStrategySetChange } from '../../src/strategies/index.js';
import { healthyInput, partnersAccepting, reachOf, review, strategySet, ticket } from './_support.js';

const rules = (decision: { reasons: readonly { rule: string }[] }) => decision.reasons.map((entry) => entry.rule);
const verdict = (report: ReturnType<typeof evaluatePitStop>, id: string) => {
  const found = report.strategies.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no verdict for ${id}`);
  return found;
};

describe('evaluatePitStop: a healthy journey', () => {
  it('is on course, nothing broken, fuel fine, no one left behind: stay the course', () => {
    const report = evaluatePitStop(healthyInput());
    expect(report.onCourse.decision.action).toBe('on-course');
    expect(report.broken.decision.action).toBe('not-broken');
    expect(report.fuel.decision.action).toBe('fuel-ok');
    expect(report.leftBehind.decision.action).toBe('no-one-left-behind');
    expect(report.strategies.map((entry) => entry.decision.action)).toEqual(['keep', 'keep']);
    expect(report.strategies[0]?.change).toEqual({ on: '2026-02-01', kind: 'kept', why: 'contributes' });
    // The change is the strategy set's own change record.
    expect(parseStrategySetChange(report.strategies[0]?.change)).toEqual(report.strategies[0]?.change);
    expect(report.route.decision.action).toBe('stay-the-course');
    expect(report.nextPitStop).toEqual({ date: '2026-03-15', planned: true, why: 'Spring data' });
    expect(report.fuel.runwayDays).toBe(913.125);
    expect(report.fuel.moneyRunsOutOn).toBe('2028-08-02');
    expect(Object.isFrozen(report)).toBe(true);
  });

  it('with nothing but the ticket, every question is undetermined and says what is missing', () => {
    const report = evaluatePitStop({ asOf: '2026-02-01', tripTicket: ticket });
    expect(report.onCourse.decision.action).toBe('undetermined');
    expect(rules(report.onCourse.decision)).toEqual(['pitstop/target-unmeasured', 'pitstop/target-unmeasured']);
    expect(report.broken.decision.action).toBe('undetermined');
    expect(report.broken.missing).toEqual(['strategySet', 'superficialSpread']);
    expect(report.fuel.decision.action).toBe('undetermined');
    expect(report.leftBehind.decision.action).toBe('undetermined');
    expect(report.route.decision.action).toBe('undetermined');
    expect(report.strategies).toEqual([]);
    expect(report.notes.map((entry) => entry.code)).toEqual(['NO_STRATEGY_SET']);
    // No planned stop within 90 days of 2026-04-01: asOf + 90 days.
    expect(evaluatePitStop({ asOf: '2026-04-01', tripTicket: ticket }).nextPitStop).toEqual({
      date: '2026-06-30',
      planned: false,
      why: null,
    });
  });
});

describe('evaluatePitStop: scenarios from the sources', () => {
  it('a new superintendent (an unplanned stop): strategies adapt to the strategic plan, and additions answer the new roadblock', () => {
    const input: PitStopInput = {
      ...healthyInput(),
      asOf: '2026-03-01',
      kind: 'unplanned',
      trigger: 'A new superintendent is writing a new strategic plan',
      previousFactorReview: review('2026-01-10', 2),
      factorReview: review('2026-02-25', -2),
      partners: partnersAccepting(['proof-point', 'local-champions', 'educate-policymakers', 'co-design']),
    };
    const report = evaluatePitStop(input);
    expect(report.kind).toBe('unplanned');
    expect(report.trigger).toBe('A new superintendent is writing a new strategic plan');
    for (const id of ['proof-point', 'local-champions']) {
      const entry = verdict(report, id);
      expect(entry.decision.action).toBe('revise');
      expect(rules(entry.decision)).toContain('pitstop/conditions-changed');
      expect(entry.change?.kind).toBe('revised');
    }
    expect(report.additions.map((entry) => [entry.id, entry.decision.action])).toEqual([
      ['educate-policymakers', 'add'],
      ['co-design', 'add'],
    ]);
    expect(report.additions[0]?.answers).toEqual(['leadership']);
    expect(report.route.decision.action).toBe('adjust-route');
    // The same stop without the earlier review: the change cannot be seen, so nothing is revised for it.
    const { previousFactorReview: _, ...withoutPrevious } = input;
    const blind = evaluatePitStop(withoutPrevious);
    expect(rules(verdict(blind, 'proof-point').decision)).not.toContain('pitstop/conditions-changed');
  });

  it('the 80/80 target with one focal group falling behind: left behind, and the strategies toward it are revised', () => {
    const input: PitStopInput = {
      ...healthyInput(),
      reach: reachOf({ poverty: 0.86, el: 0.62, other: 0.95 }),
      previousReach: reachOf({ poverty: 0.6, el: 0.55, other: 0.6 }),
    };
    const report = evaluatePitStop(input);
    expect(report.leftBehind.decision.action).toBe('left-behind');
    expect(rules(report.leftBehind.decision)).toEqual([
      'pitstop/focal-below-target',
      'pitstop/focal-gap',
      'pitstop/focal-pace',
    ]);
    expect(report.leftBehind.focalGroups.map((group) => [group.id, group.behind])).toEqual([
      ['poverty', false],
      ['el', true],
    ]);
    // proof-point is aimed at English learners: revised toward them; local-champions is not aimed at them.
    expect(verdict(report, 'proof-point').decision.action).toBe('revise');
    expect(rules(verdict(report, 'proof-point').decision)).toEqual(['pitstop/aim-at-left-behind-group']);
    expect(verdict(report, 'local-champions').decision.action).toBe('keep');
    expect(report.route.decision.action).toBe('adjust-route');
    // When no strategy is aimed at the group, every strategy is revised toward it.
    const none = evaluatePitStop({ ...input, strategySet: strategySet({ proofPoint: [], champions: ['poverty'] }) });
    expect(none.strategies.map((entry) => entry.decision.action)).toEqual(['revise', 'revise']);
  });

  it('a strategy one partner finds unacceptable is never kept unchanged', () => {
    const partners = [
      ...partnersAccepting(['local-champions']),
      {
        partnerId: 'union',
        role: 'teachers',
        power: 1,
        judgements: [
          { strategyId: 'proof-point' as const, acceptable: false, affordable: true, why: 'Adds evaluation pressure' },
        ],
      },
    ];
    const contributing = evaluatePitStop({ ...healthyInput(), partners });
    expect(verdict(contributing, 'proof-point').decision.action).toBe('revise');
    expect(rules(verdict(contributing, 'proof-point').decision)).toEqual(['pitstop/unacceptable-but-contributing']);
    expect(verdict(contributing, 'proof-point').decision.reasons[0]?.evidence.why).toBe('Adds evaluation pressure');
    const noData = evaluatePitStop({ ...healthyInput(), partners, strategyEvidence: [] });
    expect(verdict(noData, 'proof-point').decision.action).toBe('remove');
    expect(verdict(noData, 'proof-point').change?.kind).toBe('removed');
    // The partner who cannot afford it pauses it.
    const unaffordable = partners.map((partner) =>
      partner.partnerId === 'union'
        ? { ...partner, judgements: [{ strategyId: 'proof-point' as const, acceptable: true, affordable: false }] }
        : partner,
    );
    expect(verdict(evaluatePitStop({ ...healthyInput(), partners: unaffordable }), 'proof-point').decision.action).toBe(
      'pause',
    );
  });

  it('inconclusive data leave a strategy undetermined (never removed); data that exclude a useful effect remove it', () => {
    const inconclusive = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        { strategyId: 'proof-point', effects: [{ measure: 'walkthrough', estimate: 0.2, interval: [-0.1, 0.5] }] },
      ],
    });
    expect(verdict(inconclusive, 'proof-point').decision.action).toBe('undetermined');
    expect(rules(verdict(inconclusive, 'proof-point').decision)).toEqual(['pitstop/inconclusive-evidence']);
    expect(verdict(inconclusive, 'proof-point').change).toBeNull();
    expect(verdict(inconclusive, 'local-champions').decision.action).toBe('undetermined');
    expect(rules(verdict(inconclusive, 'local-champions').decision)).toEqual(['pitstop/no-strategy-evidence']);
    expect(inconclusive.broken.decision.action).toBe('undetermined');
    expect(inconclusive.broken.missing).toEqual(['strategyEvidence:local-champions']);

    const excluded = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        { strategyId: 'proof-point', effects: [{ measure: 'walkthrough', estimate: -0.1, interval: [-0.3, 0.1] }] },
      ],
    });
    expect(verdict(excluded, 'proof-point').decision.action).toBe('remove');
    expect(rules(verdict(excluded, 'proof-point').decision)).toEqual(['pitstop/excludes-useful-effect']);
    expect(excluded.broken.decision.action).toBe('broken');
    expect(rules(excluded.broken.decision)).toEqual(['pitstop/no-contribution']);
  });

  it('money that runs out before the journey ends: fuel low, with the date', () => {
    const report = evaluatePitStop({
      ...healthyInput(),
      asOf: '2026-01-20',
      resources: {
        budgetLeft: 120_000,
        monthlyBurn: 20_000,
        people: [{ id: 'coach', hoursAvailable: 100 }],
        hoursNeeded: 150,
        oneTimeSupports: [
          { id: 'summer-institute', kind: 'event', endsOn: '2026-07-31', carriedBy: null },
          {
            id: 'state-grant',
            kind: 'funds',
            amount: 50_000,
            endsOn: '2026-06-30',
            carriedBy: 'District general fund line for coaches',
          },
        ],
      },
    });
    expect(report.fuel.decision.action).toBe('fuel-low');
    // 120,000 × 365.25 / (20,000 × 12) = 182.625 days: the money runs out 182 days after asOf.
    expect(report.fuel.runwayDays).toBe(182.625);
    expect(report.fuel.moneyRunsOutOn).toBe('2026-07-21');
    expect(report.fuel.journeyEndsOn).toBe('2027-06-30');
    expect(rules(report.fuel.decision)).toEqual(['pitstop/money-runs-out', 'pitstop/hours-short', 'pitstop/big-push']);
    expect(report.fuel.bigPush).toEqual([{ id: 'summer-institute', kind: 'event', endsOn: '2026-07-31' }]);
    // The same under a later journey end given explicitly.
    const longer = evaluatePitStop({ ...healthyInput(), journeyEndsOn: '2029-01-01' });
    expect(longer.fuel.decision.action).toBe('fuel-low');
    expect(longer.fuel.moneyRunsOutOn).toBe('2028-08-02');
  });

  it('spread rising while depth falls is broken', () => {
    const report = evaluatePitStop({ ...healthyInput(), superficialSpread: detectSuperficialSpread(riverbendHistory) });
    expect(report.broken.decision.action).toBe('broken');
    expect(rules(report.broken.decision)).toEqual(['pitstop/superficial-spread']);
  });

  it('off course: a projection that misses arriveBy adjusts the route, and with low fuel recalibrates the destination', () => {
    const behind = {
      ...healthyInput(),
      reach: reachOf({ poverty: 0.5, el: 0.5, other: 0.5 }),
      previousReach: undefined,
    };
    const late = {
      target: 'reach:0',
      date: '2028-01-15',
      metByArriveBy: false,
      interval: ['2027-09-01', null] as [string, null],
    };
    const report = evaluatePitStop({ ...behind, projectedArrivals: [late] });
    expect(report.onCourse.decision.action).toBe('off-course');
    expect(rules(report.onCourse.decision)).toEqual(['pitstop/projected-late']);
    expect(report.onCourse.targets[1]).toMatchObject({
      id: 'reach:0',
      projectedOn: '2028-01-15',
      metByArriveBy: false,
    });
    expect(report.route.decision.action).toBe('adjust-route');
    const broke = evaluatePitStop({
      ...behind,
      projectedArrivals: [late],
      resources: { ...behind.resources, budgetLeft: 10_000 },
    });
    expect(broke.route.decision.action).toBe('recalibrate-destination');
    // Without a projection, a target not yet met leaves the question open.
    const open = evaluatePitStop(behind);
    expect(open.onCourse.decision.action).toBe('undetermined');
    expect(rules(open.onCourse.decision)).toEqual(['pitstop/no-projection']);
    const onTime = evaluatePitStop({
      ...behind,
      projectedArrivals: [{ ...late, date: '2027-05-01', metByArriveBy: true }],
    });
    expect(onTime.onCourse.decision.action).toBe('on-course');
  });

  it('roles absent from decisions and promised voices missing are left behind', () => {
    const report = evaluatePitStop({
      ...healthyInput(),
      decisions: [{ id: 'set-route', on: '2026-01-20', decidedBy: ['asst-super', 'coach'] }],
      promisedVoices: ['teachers', 'families', 'students'],
    });
    expect(report.leftBehind.rolesAbsent).toEqual(['community']);
    expect(report.leftBehind.voicesMissing).toEqual(['students']);
    expect(rules(report.leftBehind.decision)).toEqual(['pitstop/role-absent-from-decisions', 'pitstop/voice-missing']);
  });
});

describe('evaluatePitStop: input checks', () => {
  it('rejects bad input with a path, unknown options and policies', () => {
    const bad = (call: () => unknown, code: string, path: readonly (string | number)[]) => {
      try {
        call();
      } catch (error) {
        expect(isScalingNavigatorError(error)).toBe(true);
        expect((error as { code: string }).code).toBe(code);
        expect((error as { path: unknown }).path).toEqual(path);
        return;
      }
      throw new Error('expected an error');
    };
    bad(() => evaluatePitStop({ ...healthyInput(), asOf: '2026-02-30' }), 'INVALID_INPUT', ['input', 'asOf']);
    bad(() => evaluatePitStop(healthyInput(), { polcy: {} } as never), 'INVALID_INPUT', ['options', 'polcy']);
    bad(() => evaluatePitStop(healthyInput(), { policy: { minUsefulEffect: -1 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minUsefulEffect',
    ]);
    bad(
      () =>
        evaluatePitStop({
          ...healthyInput(),
          reach: { ...(healthyInput().reach as object), schemaVersion: 9 } as never,
        }),
      'INCOMPATIBLE',
      ['input', 'reach', 'schemaVersion'],
    );
    bad(() => evaluatePitStop({ ...healthyInput(), resources: { budgetLeft: Number.NaN } }), 'INVALID_INPUT', [
      'input',
      'resources',
      'budgetLeft',
    ]);
    bad(() => parsePitStopInput({ ...healthyInput(), fuel: 1 }), 'INVALID_INPUT', ['fuel']);
    expect(safeParsePitStopInput({ ...healthyInput(), asOf: 'x' }).success).toBe(false);
  });

  it('a stored input (JSON round trip) gives the same report as the live one', () => {
    const live = evaluatePitStop(healthyInput());
    const stored = evaluatePitStop(JSON.parse(JSON.stringify(healthyInput())));
    expect(stored).toEqual(live);
  });
});

describe('PitStopReport: the stored report', () => {
  it('a report through JSON parses back to itself; a damaged one fails at the damage', async () => {
    const { parsePitStopReport, safeParsePitStopReport } = await import('../../src/pitstop/index.js');
    const report = evaluatePitStop({ ...healthyInput(), superficialSpread: detectSuperficialSpread(riverbendHistory) });
    const stored = JSON.parse(JSON.stringify(report));
    expect(parsePitStopReport(stored)).toEqual(report);
    const damaged = { ...stored, route: { decision: { ...stored.route.decision, action: 'teleport' } } };
    const result = safeParsePitStopReport(damaged);
    expect(result.success ? null : result.error.path).toEqual(['route', 'decision', 'action']);
  });
});
