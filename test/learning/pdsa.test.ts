/**
 * The Carnegie framework's demonstration-classroom example ("Tracking Progress During the Scaling Journey: A
 * Learning System"): a proof-point strategy tests two visits to a demonstration classroom on the
 * ratio of teacher-directed to student-directed learning in five classrooms of teachers new to the
 * practice. The plan predicts the ratio falls by 1 (e.g. from 3 minutes of teacher talk per minute
 * of student-led work to 2). The numbers below are made up to produce each act; the means are
 * computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../src/framework/index.js';
import {
  DEFAULT_PDSA_POLICY,
  decidePdsa,
  PDSA_RULES,
  type PdsaCycleInput,
  parsePdsaCycle,
  pdsaSeries,
  safeParsePdsaCycle,
  studyPdsa,
} from '../../src/learning/index.js';
import { effectSize, proportionInterval } from '../../src/stats/index.js';

const BEFORE = [3.2, 2.8, 3.5, 2.9, 3.1]; // mean 15.5 / 5 = 3.1

type Observation = PdsaCycleInput['do']['observations'][number];

function classrooms(before: readonly number[], after: readonly number[]): Observation[] {
  return [
    ...before.map((value, i) => ({ unit: `room-${i + 1}`, group: 'before' as const, date: '2025-09-10', value })),
    ...after.map((value, i) => ({ unit: `room-${i + 1}`, group: 'after' as const, date: '2025-10-15', value })),
  ];
}

function demonstrationCycle(after: readonly number[], extra: Partial<PdsaCycleInput> = {}): PdsaCycleInput {
  return {
    id: 'demo-classroom-1',
    plan: {
      change: 'Two visits to a demonstration classroom',
      strategyId: 'proof-point',
      measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
      prediction: { direction: 'decrease', amount: 1 },
      instrument: 'Classroom observation protocol',
      sample: { unit: 'classroom', size: 5, description: 'Teachers new to the practice' },
      plannedOn: '2025-09-01',
    },
    do: { design: 'before-after', observations: classrooms(BEFORE, after) },
    ...extra,
  };
}

describe('the demonstration-classroom example: each of the four acts', () => {
  it('expand: the ratio fell by 1.16, more than the predicted 1', () => {
    // after mean 9.7 / 5 = 1.94; change 1.94 − 3.1 = −1.16; attainment −1.16 / −1 = 1.16 ≥ 1.
    const result = decidePdsa(demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]));
    expect(result.decision.action).toBe('expand');
    expect(result.decision.reasons.map((reason) => reason.rule)).toEqual(['learning/prediction-held']);
    expect(result.study.observedChange).toBeCloseTo(-1.16, 12);
    expect(result.study.attainment).toBeCloseTo(1.16, 12);
    expect(result.study).toMatchObject({
      predictedChange: -1,
      direction: 'as-predicted',
      unitsPlanned: 5,
      unitsUnpaired: 0,
      reference: { group: 'before', units: 5 },
      tested: { group: 'after', units: 5 },
      notes: [],
    });
    expect(result.study.reference.mean).toBeCloseTo(3.1, 14);
    expect(result.study.tested.mean).toBeCloseTo(1.94, 14);
    expect(result.study.difference).toBeCloseTo(-0.16, 12);
  });

  it('revise: the ratio fell, but by 0.5 — half the prediction', () => {
    // after mean 13 / 5 = 2.6; change −0.5; attainment 0.5, between movedAt 0.25 and heldAt 1.
    const result = decidePdsa(demonstrationCycle([2.6, 2.4, 3.0, 2.5, 2.5]));
    expect(result.decision.action).toBe('revise');
    expect(result.decision.reasons[0]?.rule).toBe('learning/short-of-prediction');
    expect(result.study.attainment).toBeCloseTo(0.5, 12);
    expect(result.predictionHeld).toBe(false);
    expect(result.decision.reasons[0]?.evidence).toMatchObject({
      heldAt: 1,
      movedAt: 0.25,
      referenceUnits: 5,
      testedUnits: 5,
    });
  });

  it('abandon: the ratio rose by 0.3 — the wrong way', () => {
    // after mean 17 / 5 = 3.4; change +0.3; attainment −0.3 ≤ −0.25.
    const result = decidePdsa(demonstrationCycle([3.5, 3.1, 3.9, 3.2, 3.3]));
    expect(result.decision.action).toBe('abandon');
    expect(result.decision.reasons[0]?.rule).toBe('learning/wrong-direction');
    expect(result.study.direction).toBe('opposite');
    expect(result.study.attainment).toBeCloseTo(-0.3, 12);
  });

  it('abandon: nothing moved, with all five classrooms measured', () => {
    // after mean 15.5 / 5 = 3.1: no change.
    const result = decidePdsa(demonstrationCycle([3.1, 2.9, 3.4, 3.0, 3.1]));
    expect(result.decision.action).toBe('abandon');
    expect(result.decision.reasons[0]?.rule).toBe('learning/no-change');
    expect(Math.abs(result.study.attainment as number)).toBeLessThan(1e-12);
  });

  it('undetermined: only two classrooms were observed after the visits', () => {
    const result = decidePdsa(demonstrationCycle([1.9, 1.8]));
    expect(result.decision.action).toBe('undetermined');
    expect(result.decision.reasons[0]?.rule).toBe('learning/too-few-units');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ referenceUnits: 2, testedUnits: 2, minUnits: 3 });
    expect(result.predictionHeld).toBeNull();
    expect(result.study.notes.map((entry) => entry.code)).toEqual(['TOO_FEW_UNITS', 'UNPAIRED_UNITS', 'SAMPLE_SHORT']);
    expect(result.study.unitsUnpaired).toBe(3);
    expect(result.study.notes.map((entry) => entry.field)).toEqual([null, 'unitsUnpaired', 'tested']);
    expect(result.notes).toEqual([
      { code: 'TOO_FEW_UNITS', message: expect.stringContaining('no act is decided'), field: 'decision' },
    ]);
    // The change is still reported: unknown is not "no".
    expect(result.study.observedChange).toBeCloseTo(1.85 - 3.0, 12);
  });
});

describe('decidePdsa: the decision as data', () => {
  it('echoes the policy and the version, and cites the catalog guidance', () => {
    const result = decidePdsa(demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]));
    expect(result.decision.version).toBe(LIBRARY_VERSION);
    expect(result.decision.policy).toEqual(DEFAULT_PDSA_POLICY);
    const entry = PDSA_RULES.find((rule) => rule.id === 'learning/prediction-held');
    expect(result.decision.reasons[0]?.guidance).toEqual(entry?.guidance);
    expect(result.decision.reasons[0]?.guidance).toMatchObject({
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Tracking Progress During the Scaling Journey: A Learning System',
    });
    expect(Object.isFrozen(PDSA_RULES)).toBe(true);
    expect(Object.isFrozen(PDSA_RULES[0]?.guidance)).toBe(true);
    expect(new Set(PDSA_RULES.map((rule) => rule.id)).size).toBe(PDSA_RULES.length);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('a change of exactly the predicted size holds despite rounding', () => {
    // Every classroom drops by exactly 1 (2 → 1, 2.2 → 1.2, 2.4 → 1.4), but in binary floating
    // point the difference of the means is −0.999999999999999…; the policy's 1e-9 tolerance keeps
    // it a held prediction rather than a "revise".
    const edge = {
      ...demonstrationCycle([]),
      do: { design: 'before-after' as const, observations: classrooms([2, 2.2, 2.4], [1, 1.2, 1.4]) },
    };
    const exact = decidePdsa(edge);
    expect(exact.study.attainment).toBeLessThan(1);
    expect(exact.study.attainment).toBeCloseTo(1, 12);
    expect(exact.decision.action).toBe('expand');
    expect(exact.predictionHeld).toBe(true);
    expect(exact.study.notes.map((entry) => entry.code)).toEqual(['SAMPLE_SHORT']);
    expect(exact.notes).toEqual([]);
    expect(exact.decision.reasons[0]?.evidence.tolerance).toBe(1e-9);
    // Without the tolerance the rounding decides: short of the prediction.
    const strict = decidePdsa(edge, { policy: { tolerance: 0 } });
    expect(strict.decision.action).toBe('revise');
    expect(strict.predictionHeld).toBe(false);
    expect(strict.decision.policy.tolerance).toBe(0);
  });

  it('safeParsePdsaCycle returns the error parsePdsaCycle would throw', () => {
    const good = demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]);
    const ok = safeParsePdsaCycle(good);
    expect(ok.success && ok.data.id).toBe('demo-classroom-1');
    const bad = safeParsePdsaCycle({ ...good, plan: { ...good.plan, strategyId: 'pilot' } });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.path).toEqual(['cycle', 'plan', 'strategyId']);
    }
  });

  it('no spread in either group: no standardized effect size, but the act is still decided', () => {
    const flat = {
      ...demonstrationCycle([]),
      do: { design: 'before-after' as const, observations: classrooms([3, 3, 3, 3, 3], [2, 2, 2, 2, 2]) },
    };
    const result = decidePdsa(flat);
    expect(result.decision.action).toBe('expand');
    expect(result.study.effectSize.notes[0]?.code).toBe('ZERO_POOLED_SD');
    expect(result.study.notes.map((entry) => entry.code)).toEqual(['NO_EFFECT_SIZE']);
    expect(result.decision.reasons[0]?.evidence.hedgesG).toBeNull();
    expect(decidePdsa(flat, { policy: { requireInterval: true } }).decision.action).toBe('undetermined');
  });

  it('requireInterval: a held prediction whose interval includes zero stays undetermined', () => {
    // after mean 10.5 / 5 = 2.1: change −1, attainment 1 — but the after values are spread out.
    const cycle = demonstrationCycle([0.9, 3.4, 1.4, 3.3, 1.5]);
    expect(decidePdsa(cycle).decision.action).toBe('expand');
    const strict = decidePdsa(cycle, { policy: { requireInterval: true } });
    expect(strict.decision.action).toBe('undetermined');
    expect(strict.decision.reasons[0]?.rule).toBe('learning/effect-uncertain');
    const [lower, upper] = strict.study.effectSize.confidenceInterval as [number, number];
    expect(lower < 0 && upper > 0).toBe(true);
    expect(strict.decision.reasons[0]?.evidence).toMatchObject({ lower, upper, confidenceLevel: 0.95 });
    // The tight expand example passes the interval test.
    expect(
      decidePdsa(demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]), { policy: { requireInterval: true } }).decision.action,
    ).toBe('expand');
  });

  it('applies policy overrides', () => {
    const revise = demonstrationCycle([2.6, 2.4, 3.0, 2.5, 2.5]); // attainment 0.5
    expect(decidePdsa(revise, { policy: { heldAt: 0.5 } }).decision.action).toBe('expand');
    expect(decidePdsa(revise, { policy: { movedAt: 0.6 } }).decision.action).toBe('abandon');
    expect(decidePdsa(demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]), { policy: { minUnits: 6 } }).decision.action).toBe(
      'undetermined',
    );
  });
});

describe('studyPdsa: the study', () => {
  it("uses the stats module's Hedges' g on the unit means and a Wilson interval for the share improved", () => {
    const after = [1.9, 1.8, 2.3, 1.7, 2.0];
    const study = studyPdsa(demonstrationCycle(after));
    const expected = effectSize({ treatment: after, comparison: BEFORE });
    expect(study.effectSize.hedgesG).toBe(expected.hedgesG);
    expect(study.effectSize.confidenceInterval).toEqual(expected.confidenceInterval);
    expect(study.effectSize.hedgesG as number).toBeLessThan(0); // a decrease, as predicted
    expect(study.unitsImproved).toEqual({
      improved: 5,
      units: 5,
      share: 1,
      confidenceInterval: proportionInterval(5, 5).confidenceInterval,
    });
    expect(study).toMatchObject({
      cycleId: 'demo-classroom-1',
      strategyId: 'proof-point',
      design: 'before-after',
      firstObservedOn: '2025-09-10',
      lastObservedOn: '2025-10-15',
    });
  });

  it('averages repeated observations of a unit first, so each classroom counts once', () => {
    const cycle = demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]);
    const repeated = {
      ...cycle,
      do: {
        ...cycle.do,
        observations: [
          ...cycle.do.observations.filter((entry) => !(entry.unit === 'room-1' && entry.group === 'before')),
          { unit: 'room-1', group: 'before' as const, date: '2025-09-03', value: 3.0 },
          { unit: 'room-1', group: 'before' as const, date: '2025-09-10', value: 3.4 },
        ],
      },
    };
    const study = studyPdsa(repeated);
    expect(study.reference.units).toBe(5);
    expect(study.reference.mean).toBeCloseTo(3.1, 14); // room-1: (3.0 + 3.4)/2 = 3.2, as before
    expect(study.firstObservedOn).toBe('2025-09-03');
  });

  it('a comparison design sets treatment classrooms against comparison classrooms', () => {
    // treatment mean 10 / 5 = 2.0, comparison mean 15.5 / 5 = 3.1 → change −1.1.
    const cycle: PdsaCycleInput = {
      ...demonstrationCycle([]),
      do: {
        design: 'comparison',
        observations: [
          ...[2.0, 1.9, 2.2, 1.8, 2.1].map((value, i) => ({
            unit: `visited-${i}`,
            group: 'treatment' as const,
            date: '2025-10-15',
            value,
          })),
          ...[3.1, 3.0, 3.3, 2.9, 3.2].map((value, i) => ({
            unit: `not-yet-${i}`,
            group: 'comparison' as const,
            date: '2025-10-15',
            value,
          })),
        ],
      },
    };
    const result = decidePdsa(cycle);
    expect(result.decision.action).toBe('expand');
    expect(result.study).toMatchObject({
      design: 'comparison',
      reference: { group: 'comparison', units: 5 },
      tested: { group: 'treatment', units: 5 },
      unitsImproved: null,
      unitsUnpaired: 0,
    });
    expect(result.study.observedChange).toBeCloseTo(-1.1, 12);
  });

  it('an increase prediction reads the sign the other way', () => {
    const cycle = demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0]);
    const increase = { ...cycle, plan: { ...cycle.plan, prediction: { direction: 'increase' as const, amount: 1 } } };
    const result = decidePdsa(increase);
    expect(result.study.attainment).toBeCloseTo(-1.16, 12);
    expect(result.decision.action).toBe('abandon');
    expect(result.study.unitsImproved?.improved).toBe(0);
  });

  it('a cycle with no observations yet is undetermined, with every estimate null', () => {
    const study = studyPdsa(demonstrationCycle([]));
    expect(study).toMatchObject({
      observedChange: null,
      attainment: null,
      direction: null,
      unitsImproved: null,
      firstObservedOn: '2025-09-10',
    });
    const empty = { ...demonstrationCycle([]), do: { design: 'before-after' as const, observations: [] } };
    expect(decidePdsa(empty).decision.action).toBe('undetermined');
    expect(studyPdsa(empty).firstObservedOn).toBeNull();
  });

  it('records the team’s study and act, and parsePdsaCycle validates them', () => {
    const cycle = demonstrationCycle([1.9, 1.8, 2.3, 1.7, 2.0], {
      study: { notes: 'Teachers asked for a debrief after each visit', factors: ['trialability', 'leadership'] },
      act: { decision: 'expand', decidedOn: '2025-10-20', rationale: 'All five classrooms moved' },
    });
    expect(parsePdsaCycle(cycle).act?.decision).toBe('expand');
  });
});

describe('pdsaSeries: the ramp of cycles testing one strategy', () => {
  const cycle = (
    id: string,
    size: number,
    date: string,
    before: number[],
    after: number[],
    change = 'Two visits to a demonstration classroom',
    act?: 'abandon' | 'revise' | 'expand',
  ): PdsaCycleInput => ({
    id,
    plan: {
      change,
      strategyId: 'proof-point',
      measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
      prediction: { direction: 'decrease', amount: 1 },
      instrument: 'Classroom observation protocol',
      sample: { unit: 'classroom', size },
    },
    do: {
      design: 'before-after',
      observations: [
        ...before.map((value, i) => ({ unit: `r${i}`, group: 'before' as const, date, value })),
        ...after.map((value, i) => ({ unit: `r${i}`, group: 'after' as const, date, value })),
      ],
    },
    ...(act === undefined ? {} : { act: { decision: act } }),
  });
  const ten = (value: number) => Array.from({ length: 10 }, (_, i) => value + (i % 2 === 0 ? 0.1 : -0.1));

  it('shows how the sample grew, what changed and where the predictions held', () => {
    const series = pdsaSeries([
      cycle('fall', 5, '2025-10-01', BEFORE, [1.9, 1.8, 2.3, 1.7, 2.0], undefined, 'expand'),
      cycle('winter', 10, '2026-01-15', ten(3), ten(2.5), undefined, 'expand'),
      cycle('spring', 10, '2026-04-01', ten(3), ten(1.8), 'Two visits and a debrief with the demonstration teacher'),
    ]);
    expect(series.strategyId).toBe('proof-point');
    expect(
      series.cycles.map((entry) => [
        entry.id,
        entry.samplePlanned,
        entry.sampleGrowth,
        entry.changedFromPrevious,
        entry.predictionHeld,
        entry.decision.action,
        entry.recorded,
        entry.followedRecommendation,
      ]),
    ).toEqual([
      ['fall', 5, null, [], true, 'expand', 'expand', true],
      ['winter', 10, 2, ['sample-size'], false, 'revise', 'expand', false],
      ['spring', 10, 1, ['change'], true, 'expand', null, null],
    ]);
    expect(series.cycles[1]?.attainment).toBeCloseTo(0.5, 12);
    expect(series).toMatchObject({
      sampleGrowth: 2,
      predictionsHeld: 2,
      predictionsJudged: 3,
      latestAction: 'expand',
      policy: DEFAULT_PDSA_POLICY,
    });
    expect(series.cycles.map((entry) => entry.startedOn)).toEqual(['2025-10-01', '2026-01-15', '2026-04-01']);
  });

  it('an empty series is empty, not an error', () => {
    expect(pdsaSeries([])).toMatchObject({
      strategyId: null,
      cycles: [],
      sampleGrowth: null,
      predictionsHeld: 0,
      predictionsJudged: 0,
      latestAction: null,
    });
  });
});
