import { describe, expect, it } from 'vitest';
import { riverbendProofPointCycle } from '../../examples/sampleDistrict.js';
import { detectSuperficialSpread } from '../../src/dimensions/index.js';
import { runChart, studyPdsa } from '../../src/learning/index.js';
import { evaluatePitStop } from '../../src/pitstop/index.js';
import { healthyInput, partnersAccepting, review, strategySet } from './_support.js';

const rules = (decision: { reasons: readonly { rule: string }[] }) => decision.reasons.map((entry) => entry.rule);
/** A predicted increase, where the sample cycle's measure fell: the study came out the opposite way. */
const increase = {
  ...riverbendProofPointCycle,
  plan: { ...riverbendProofPointCycle.plan, prediction: { direction: 'increase' as const, amount: 1 } },
};
const observations = riverbendProofPointCycle.do.observations;

describe('evaluatePitStop: strategy branches', () => {
  it('PDSA studies the opposite way: a positive prediction keeps its sign, a study too small for g is inconclusive', () => {
    const opposite = studyPdsa(increase);
    const tooSmall = studyPdsa({
      ...increase,
      id: 'proof-point-visits-2',
      do: { ...increase.do, observations: [observations[0], observations[5]] as typeof observations },
    });
    expect([opposite.direction, tooSmall.direction]).toEqual(['opposite', 'opposite']);
    expect(tooSmall.effectSize.hedgesG).toBeNull();
    const report = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        { strategyId: 'proof-point', pdsa: [opposite, tooSmall] },
        {
          strategyId: 'local-champions',
          // A rising trend at the end of the chart: the measure moved up.
          runCharts: [
            {
              measure: 'walkthrough',
              kind: 'outcome',
              chart: runChart([10, 10, 11, 10, 10, 11, 10, 10, 11, 12, 13, 14, 15, 16]),
            },
          ],
        },
      ],
    });
    expect(rules(report.broken.decision)).toEqual([
      'pitstop/no-contribution',
      'pitstop/pdsa-wrong-direction',
      'pitstop/pdsa-wrong-direction',
    ]);
    const [noContribution, wrong1, wrong2] = report.broken.decision.reasons;
    // Predicted up, so g is not flipped: the interval stays as the study gave it.
    expect(noContribution?.evidence.estimate).toBe(opposite.effectSize.hedgesG);
    expect(noContribution?.evidence.upper).toBe(opposite.effectSize.confidenceInterval?.[1]);
    expect(wrong1?.evidence).toMatchObject({ cycle: 'proof-point-visits-1', predictedChange: 1 });
    expect(wrong2?.evidence).toMatchObject({ cycle: 'proof-point-visits-2', predictedChange: 1 });
    const [proofPoint, champions] = report.strategies;
    expect(proofPoint?.decision.action).toBe('remove');
    expect(champions?.decision.action).toBe('keep');
    expect(champions?.decision.reasons[0]?.evidence.movedUp).toBe(true);
  });

  it('a study without an estimate and without an interval waits as inconclusive with null bounds', () => {
    const tooSmall = studyPdsa({
      ...riverbendProofPointCycle,
      do: { ...riverbendProofPointCycle.do, observations: [observations[0], observations[5]] as typeof observations },
    });
    const report = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [{ strategyId: 'proof-point', pdsa: [tooSmall] }],
    });
    const proofPoint = report.strategies[0];
    expect(proofPoint?.decision.action).toBe('undetermined');
    expect(rules(proofPoint?.decision ?? { reasons: [] })).toEqual(['pitstop/inconclusive-evidence']);
    expect(proofPoint?.decision.reasons[0]?.evidence).toMatchObject({ estimate: null, lower: null, upper: null });
  });

  it('a step not yet due is not overdue; an unaffordable judgement without a why pauses with why null', () => {
    const set = strategySet({ proofPoint: ['el', 'poverty'], champions: ['poverty'] });
    const [first, second] = set.entries;
    const report = evaluatePitStop({
      ...healthyInput(),
      strategySet: {
        entries: [
          { ...first, steps: [{ what: 'Second visit', lead: 'coach', when: '2026-05-01' }] },
          second,
        ] as typeof set.entries,
      },
      partners: [
        ...partnersAccepting(['proof-point']),
        {
          partnerId: 'union',
          power: 2,
          judgements: [{ strategyId: 'local-champions', acceptable: true, affordable: false }],
        },
      ],
    });
    expect(report.broken.decision.action).toBe('not-broken');
    expect(report.strategies.map((entry) => entry.decision.action)).toEqual(['keep', 'pause']);
    expect(report.strategies[1]?.decision.reasons[0]).toMatchObject({
      rule: 'pitstop/unaffordable-for-partner',
      evidence: { partner: 'union', role: null, why: null },
    });
  });

  it('a new roadblock a planned strategy answers does not revise that strategy', () => {
    const set = strategySet({ proofPoint: ['el', 'poverty'], champions: ['poverty'] });
    const report = evaluatePitStop({
      ...healthyInput(),
      asOf: '2026-03-01',
      previousFactorReview: review('2026-01-10', 2),
      factorReview: review('2026-02-25', -2),
      strategySet: {
        entries: [
          ...set.entries,
          {
            strategyId: 'co-design',
            theoryOfAction: {
              steps: [
                'recruit-and-engage-stakeholders',
                'co-creation-mindset',
                'community-guidelines',
                'asset-mapping',
              ],
              forWhom: ['poverty'],
            },
            steps: [],
            addedOn: '2025-09-01',
          },
        ] as typeof set.entries,
      },
      partners: partnersAccepting(['proof-point', 'local-champions', 'co-design']),
      strategyEvidence: [
        ...(healthyInput().strategyEvidence ?? []),
        { strategyId: 'co-design', effects: [{ measure: 'walkthrough', estimate: 0.5, interval: [0.3, 0.7] }] },
      ],
    });
    const byId = new Map(report.strategies.map((entry) => [entry.id, entry]));
    expect(byId.get('proof-point')?.decision.action).toBe('revise');
    expect(rules(byId.get('proof-point')?.decision ?? { reasons: [] })).toContain('pitstop/conditions-changed');
    expect(byId.get('co-design')?.decision.action).toBe('keep');
  });

  it('an undetermined superficial-spread check leaves the broken question unchecked', () => {
    const spread = detectSuperficialSpread([{ date: '2025-06-10', depth: 0.6, spread: 0.2 }]);
    expect(spread.decision.action).toBe('undetermined');
    const report = evaluatePitStop({ ...healthyInput(), superficialSpread: spread });
    expect(report.broken.decision.action).toBe('undetermined');
    expect(report.broken.missing).toEqual(['superficialSpread']);
  });
});

describe('evaluatePitStop: conditions changed since an undated review', () => {
  it('a roadblock against a previous review without ratings (undated) names no since', async () => {
    const { reviewFactors } = await import('../../src/factors/index.js');
    const report = evaluatePitStop({
      ...healthyInput(),
      asOf: '2026-03-01',
      previousFactorReview: reviewFactors([]),
      factorReview: review('2026-02-25', -2),
    });
    const changed = report.strategies[0]?.decision.reasons.find((entry) => entry.rule === 'pitstop/conditions-changed');
    expect(changed?.evidence).toMatchObject({ since: null, reviewedOn: '2026-02-25' });
  });
});
