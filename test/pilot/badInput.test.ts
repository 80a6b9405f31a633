/** Bad input gives INVALID_INPUT with the path of the problem; degenerate data gives notes, not errors. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PILOT_POLICY,
  decidePilot,
  definePilotPolicy,
  parsePilotEvidence,
  summarizePilotEvidence,
} from '../../src/pilot/index.js';
import { ruralStemPilot, strongPilot } from './_scenarios.js';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; path: unknown };
  }
  throw new Error('expected a throw');
};

describe('refused evidence, with a path', () => {
  it.each([
    ['an unknown design', { ...strongPilot, design: 'survey' }, ['evidence', 'design']],
    [
      'a NaN mean',
      { ...strongPilot, outcomes: [{ ...strongPilot.outcomes[0], treatment: { mean: Number.NaN, sd: 1, n: 4 } }] },
      ['evidence', 'outcomes', 0, 'treatment'],
    ],
    [
      'binary against continuous',
      {
        ...strongPilot,
        outcomes: [{ ...strongPilot.outcomes[0], comparison: { successes: 3, n: 10 } }],
      },
      ['evidence', 'outcomes', 0, 'comparison'],
    ],
    [
      'a focal group not declared',
      {
        ...strongPilot,
        outcomes: [
          {
            ...strongPilot.outcomes[0],
            focalGroups: [{ focalGroupId: 'el', treatment: [1, 2, 3], comparison: [1, 2, 3] }],
          },
        ],
      },
      ['evidence', 'outcomes', 0, 'focalGroups', 0, 'focalGroupId'],
    ],
    [
      'a local goal met at a site that did not pilot',
      { ...ruralStemPilot, localGoals: [{ id: 'g', description: 'Goal', sitesMet: ['elsewhere'] }] },
      ['evidence', 'localGoals', 0, 'sitesMet', 0],
    ],
    [
      'more analysed than assigned',
      {
        ...strongPilot,
        attrition: {
          students: { treatment: { assigned: 10, analyzed: 11 }, comparison: { assigned: 10, analyzed: 9 } },
        },
      },
      ['evidence', 'attrition', 'students', 'treatment', 'analyzed'],
    ],
    [
      'an interval upside down',
      {
        ...strongPilot,
        balancingMeasures: [
          { id: 'b', direction: 'higherIsBetter', harmMargin: 1, estimate: 0, confidenceInterval: [1, -1] },
        ],
      },
      ['evidence', 'balancingMeasures', 0, 'confidenceInterval'],
    ],
    ['an unknown key', { ...strongPilot, intervnetion: 'x' }, ['evidence', 'intervnetion']],
    [
      'a duplicate outcome id',
      { ...strongPilot, outcomes: [strongPilot.outcomes[0], strongPilot.outcomes[0]] },
      ['evidence', 'outcomes', 1, 'id'],
    ],
  ])('%s', (_label, evidence, path) => {
    for (const run of [() => decidePilot(evidence as never), () => summarizePilotEvidence(evidence as never)]) {
      expect(failure(run)).toMatchObject({ code: 'INVALID_INPUT', path });
    }
  });

  it('a hole and an over-long array', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holes = { ...strongPilot, outcomes: [strongPilot.outcomes[0], , strongPilot.outcomes[0]] };
    expect(failure(() => decidePilot(holes as never))).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['evidence', 'outcomes', 1],
    });
    const huge = { ...strongPilot, outcomes: new Array(2 ** 32 - 1) };
    expect(failure(() => decidePilot(huge as never))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      path: ['evidence', 'outcomes'],
    });
  });

  it('options and policies', () => {
    expect(failure(() => decidePilot(strongPilot, { polcy: {} } as never))).toMatchObject({
      path: ['options', 'polcy'],
    });
    expect(failure(() => decidePilot(strongPilot, { policy: { minUsefulEffect: 0 } }))).toMatchObject({
      path: ['options', 'policy', 'minUsefulEffect'],
    });
    expect(failure(() => definePilotPolicy({ baselineSatisfied: 0.3 }))).toMatchObject({
      path: ['policy', 'baselineSatisfied'],
    });
    expect(
      failure(() =>
        definePilotPolicy({
          attritionTable: [
            { overall: 1, cautious: 5, optimistic: 9 },
            { overall: 0, cautious: 5, optimistic: 9 },
          ],
        }),
      ),
    ).toMatchObject({ path: ['policy', 'attritionTable', 1, 'overall'] });
    expect(parsePilotEvidence(strongPilot).outcomes[0]?.primary).toBe(true);
  });
});

describe('degenerate data: notes, not errors', () => {
  it('clusters assigned but not counted: estimate kept, no p-value, undetermined', () => {
    const evidence = { ...strongPilot, assignment: { unit: 'school' as const } };
    const result = decidePilot(evidence);
    expect(result.summary.outcomes[0]?.estimate).not.toBeNull();
    expect(result.summary.outcomes[0]?.pValue).toBeNull();
    expect(result.summary.notes.map((note) => note.code)).toContain('CLUSTERS_UNKNOWN');
    expect(result.decision.action).toBe('undetermined');
  });

  it('one cluster per arm: no p-value (the effect is the cluster)', () => {
    const evidence = {
      ...strongPilot,
      assignment: { unit: 'school' as const, clusters: { treatment: 1, comparison: 1 } },
    };
    const summary = summarizePilotEvidence(evidence);
    expect(summary.outcomes[0]?.pValue).toBeNull();
    expect(summary.notes.map((note) => note.code)).toContain('CLUSTERING_UNRESOLVED');
  });

  it('a constant outcome has no effect size', () => {
    const evidence = {
      ...strongPilot,
      outcomes: [{ id: 'flat', treatment: [3, 3, 3], comparison: [3, 3, 3, 3] }],
    };
    const summary = summarizePilotEvidence(evidence);
    expect(summary.outcomes[0]?.estimate).toBeNull();
    expect(summary.notes[0]?.code).toBe('NO_EFFECT_SIZE');
    expect(decidePilot(evidence).decision.action).toBe('undetermined');
  });

  it('binary outcomes use the Cox index, with the clustering correction and a Cox baseline', () => {
    const summary = summarizePilotEvidence({
      id: 'p',
      design: 'qed',
      assignment: { unit: 'school', clusters: { treatment: 5, comparison: 5 } },
      outcomes: [
        {
          id: 'on-track',
          treatment: { successes: 150, n: 250 },
          comparison: { successes: 120, n: 250 },
          baseline: { treatment: { successes: 100, n: 250 }, comparison: { successes: 98, n: 250 } },
        },
      ],
    });
    const outcome = summary.outcomes[0];
    expect(outcome?.method).toBe('difference-in-differences');
    expect(outcome?.baseline?.band).toBe('satisfied');
    expect(outcome?.clusterCorrected).toBe(true);
    // Cox: ω·(logit 0.6 − logit 0.48)/1.65 − the same for the baseline, before the correction.
    const omega = 1 - 3 / (4 * 500 - 9);
    const logit = (p: number) => Math.log(p / (1 - p));
    const expected = (omega * (logit(0.6) - logit(0.48))) / 1.65 - (omega * (logit(0.4) - logit(0.392))) / 1.65;
    expect(outcome?.uncorrectedEstimate).toBeCloseTo(expected, 12);
  });

  it('lower-is-better outcomes are signed so that positive is favourable', () => {
    const evidence = {
      ...strongPilot,
      outcomes: [
        {
          id: 'absences',
          direction: 'lowerIsBetter' as const,
          treatment: { mean: 4, sd: 2, n: 400 },
          comparison: { mean: 5, sd: 2, n: 400 },
        },
      ],
    };
    const outcome = summarizePilotEvidence(evidence).outcomes[0];
    expect(outcome?.estimate).toBeGreaterThan(0);
    expect(outcome?.finding).toBe('favourable');
  });

  it('a caller-given attrition table is followed, and echoed as the policy', () => {
    const table = [{ overall: 4, cautious: 1, optimistic: 2 }];
    const summary = summarizePilotEvidence(strongPilot, { policy: { attritionTable: table } });
    expect(summary.attrition.table).toBe('policy');
    expect(summary.attrition.students?.low).toBe(true);
    expect(summary.policy.attritionTable).toEqual(table);
    expect(DEFAULT_PILOT_POLICY.attritionTable).toBeNull();
  });
});
