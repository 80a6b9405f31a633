/** The less travelled paths of the pilot module: reported estimates, boundary tables with gaps, joiners, limits. */
import { describe, expect, it } from 'vitest';
import { attritionIsLow, unitsNeeded } from '../../src/pilot/_wwc.js';
import { decidePilot, definePilotPolicy, PilotEvidence, summarizePilotEvidence } from '../../src/pilot/index.js';
import { ruralStemPilot, strongPilot } from './_scenarios.js';

const base = { id: 'p', design: 'rct' as const, assignment: { unit: 'student' as const } };
const groups = { treatment: { mean: 52, sd: 10, n: 100 }, comparison: { mean: 50, sd: 10, n: 100 } };
const codes = (summary: { notes: readonly { code: string }[] }) => summary.notes.map((note) => note.code);

describe("a study's own estimate", () => {
  it('is used as it is: its p-value, or the normal one, and its baseline adjustment', () => {
    const summary = summarizePilotEvidence({
      ...base,
      assignment: { unit: 'school', clusters: { treatment: 4, comparison: 4 } },
      outcomes: [
        {
          id: 'a',
          analysis: 'multilevel',
          ...groups,
          baseline: groups,
          reported: { estimate: 0.3, se: 0.1, adjustedForBaseline: true },
        },
        { id: 'b', direction: 'lowerIsBetter', ...groups, reported: { estimate: 0.3, se: 0.1, pValue: 0.2 } },
        { id: 'c', ...groups, baseline: groups, reported: { estimate: 0, se: 0.1, pValue: 0.01 } },
      ],
    });
    const [a, b, c] = summary.outcomes;
    expect(a).toMatchObject({ method: 'reported', estimate: 0.3, clusterCorrected: false, finding: 'favourable' });
    expect(a?.baseline?.adjusted).toBe(true);
    expect(a?.pValue).toBeCloseTo(0.0026997960632601866, 14);
    expect(b).toMatchObject({ estimate: -0.3, pValue: 0.2, finding: 'not-significant' });
    // A p-value below alpha for an estimate of exactly 0 (the caller's numbers) is no finding either way.
    // Its baseline (g = 0.2) needs an adjustment the study does not claim: not equivalent.
    expect(c).toMatchObject({ finding: 'not-significant', baselineEquivalent: false });
    expect(c?.baseline?.adjusted).toBe(false);
    expect(codes(summary)).toContain('REPORTED_ESTIMATE');
  });
});

describe('effect-size edge cases', () => {
  it('a constant baseline has no effect size (noted) and the post-test g stands', () => {
    const summary = summarizePilotEvidence({
      ...base,
      outcomes: [{ id: 'o', ...groups, baseline: { treatment: [5, 5, 5], comparison: [5, 5] } }],
    });
    expect(summary.outcomes[0]?.method).toBe('hedges-g');
    expect(summary.outcomes[0]?.baseline).toMatchObject({ estimate: null, band: null });
    expect(summary.outcomes[0]?.baselineEquivalent).toBeNull();
    expect(codes(summary)).toContain('NO_EFFECT_SIZE');
  });

  it('a difference-in-differences beyond the range of numbers is no effect size', () => {
    const tiny = 1e-300;
    const summary = summarizePilotEvidence({
      ...base,
      outcomes: [
        {
          id: 'o',
          treatment: { mean: 1e8, sd: tiny, n: 50 },
          comparison: { mean: 0, sd: tiny, n: 50 },
          baseline: { treatment: { mean: 0, sd: tiny, n: 50 }, comparison: { mean: 1e8, sd: tiny, n: 50 } },
        },
      ],
    });
    expect(summary.outcomes[0]?.estimate).toBeNull();
  });

  it('extreme magnitudes keep the outputs finite: the inference is null with a note', () => {
    const summary = summarizePilotEvidence({
      ...base,
      outcomes: [{ id: 'o', treatment: { mean: 1, sd: 1e-300, n: 50 }, comparison: { mean: 0, sd: 1e-300, n: 50 } }],
    });
    expect(summary.outcomes[0]?.confidenceInterval).toBeNull();
    expect(codes(summary)).toContain('NOT_REPRESENTABLE');
  });

  it('behaviour outcomes take the behaviour ICC; an ICC of 0 needs no correction; a one-cluster arm has no MDE', () => {
    const clustered = {
      ...base,
      assignment: { unit: 'classroom' as const, clusters: { treatment: 5, comparison: 5 } },
    };
    const behaviour = summarizePilotEvidence({ ...clustered, outcomes: [{ id: 'b', domain: 'behavior', ...groups }] });
    expect(behaviour.outcomes[0]?.icc).toBe(0.1);
    expect(behaviour.minimumDetectableEffect?.icc).toBe(0.1);
    const none = summarizePilotEvidence({ ...clustered, outcomes: [{ id: 'z', icc: 0, ...groups }] });
    expect(none.outcomes[0]?.clusterCorrected).toBe(false);
    expect(none.minimumDetectableEffect?.icc).toBe(0);
    const single = summarizePilotEvidence({
      ...base,
      assignment: { unit: 'school', clusters: { treatment: 1, comparison: 1 } },
      outcomes: [{ id: 'o', ...groups }],
    });
    expect(single.minimumDetectableEffect?.mde).toBeNull();
    expect(codes(single)).toContain('MDE_UNAVAILABLE');
  });
});

describe('attrition edge cases', () => {
  it('joiners are noted and do not offset those who left', () => {
    const summary = summarizePilotEvidence({
      ...base,
      outcomes: [],
      attrition: {
        students: {
          treatment: { assigned: 100, analyzed: 100, joiners: 10 },
          comparison: { assigned: 100, analyzed: 90 },
        },
      },
    });
    expect(summary.attrition.students).toMatchObject({ treatment: 0.1, comparison: 0.1, joiners: 10 });
    expect(codes(summary)).toContain('JOINERS_PRESENT');
  });

  it('the optimistic boundary past the table is unknown, noted', () => {
    const summary = summarizePilotEvidence(
      {
        ...base,
        outcomes: [],
        attrition: {
          students: { treatment: { assigned: 100, analyzed: 40 }, comparison: { assigned: 100, analyzed: 40 } },
        },
      },
      { policy: { attritionBoundary: 'optimistic' } },
    );
    expect(summary.attrition.students?.low).toBeNull();
    expect(summary.attrition.low).toBeNull();
    expect(codes(summary)).toContain('ATTRITION_BOUNDARY_UNKNOWN');
  });

  it('a caller table with a gap, or without an optimistic value, gives unknown', () => {
    const table = [
      { overall: 0, cautious: 5, optimistic: null },
      { overall: 5, cautious: 4, optimistic: 8 },
    ];
    expect(attritionIsLow(0.02, 0.01, table, 'cautious')).toEqual({ low: null, maxDifferential: null });
    expect(attritionIsLow(0.001, 0.01, table, 'optimistic')).toEqual({ low: null, maxDifferential: null });
    expect(attritionIsLow(0.9, 0.01, table, 'cautious')).toEqual({ low: null, maxDifferential: null });
    expect(attritionIsLow(0.051, 0.01, table, 'optimistic')).toEqual({ low: true, maxDifferential: 8 });
  });

  it('cluster assignment needs both levels low', () => {
    const low = { treatment: { assigned: 100, analyzed: 98 }, comparison: { assigned: 100, analyzed: 97 } };
    const high = { treatment: { assigned: 10, analyzed: 6 }, comparison: { assigned: 10, analyzed: 10 } };
    const evidence = {
      ...base,
      assignment: { unit: 'school' as const, clusters: { treatment: 10, comparison: 10 } },
      outcomes: [],
    };
    expect(summarizePilotEvidence({ ...evidence, attrition: { students: low } }).attrition.low).toBeNull();
    expect(summarizePilotEvidence({ ...evidence, attrition: { students: low, clusters: high } }).attrition.low).toBe(
      false,
    );
    expect(summarizePilotEvidence({ ...evidence, attrition: { students: low, clusters: low } }).attrition.low).toBe(
      true,
    );
  });
});

describe('the re-pilot size', () => {
  it('is 3 when the smallest design already detects the effect, and null past the search', () => {
    expect(unitsNeeded(5, 1000, 0, 0.05, 0.8)).toBe(3);
    expect(unitsNeeded(0.001, 30, 0.2, 0.05, 0.8)).toBeNull();
  });
});

describe('the indicative ESSA tier', () => {
  it('names too few sites, unknown sites, unfavourable findings, missing controls and the designs', () => {
    const one = summarizePilotEvidence({ ...strongPilot, sites: { pilot: [{ id: 'a' }] } });
    expect(one.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('TOO_FEW_SITES');
    const unknown = summarizePilotEvidence({ ...strongPilot, sites: undefined });
    expect(unknown.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('SITES_UNKNOWN');
    expect(unknown.essaTier.tier).toBe(3);
    const harm = summarizePilotEvidence({
      ...strongPilot,
      outcomes: [
        ...strongPilot.outcomes,
        { id: 'math', treatment: { mean: 45, sd: 10, n: 400 }, comparison: { mean: 50, sd: 10, n: 400 } },
      ],
    });
    expect(harm.essaTier.tier).toBe(4);
    expect(harm.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('SIGNIFICANT_UNFAVOURABLE_FINDING');
    const correlational = summarizePilotEvidence({ ...strongPilot, design: 'correlational' });
    expect(correlational.essaTier.tier).toBe(4);
    expect(correlational.essaTier.reasonsNotHigher.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['NOT_RCT', 'NOT_COMPARISON_DESIGN', 'NO_CONTROLS']),
    );
    expect(
      summarizePilotEvidence({ ...strongPilot, design: 'correlational', controls: ['prior achievement'] }).essaTier
        .tier,
    ).toBe(3);
    const qed = summarizePilotEvidence({
      ...strongPilot,
      design: 'qed',
      outcomes: [
        {
          id: 'w',
          treatment: { mean: 60, sd: 10, n: 400 },
          comparison: { mean: 50, sd: 10, n: 400 },
          baseline: { treatment: { mean: 53, sd: 10, n: 400 }, comparison: { mean: 50, sd: 10, n: 400 } },
        },
      ],
    });
    expect(qed.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('BASELINE_NOT_EQUIVALENT');
    const small = summarizePilotEvidence({
      ...strongPilot,
      outcomes: [{ id: 'w', treatment: { mean: 58, sd: 10, n: 100 }, comparison: { mean: 50, sd: 10, n: 100 } }],
    });
    expect(small.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('TOO_FEW_STUDENTS');
    const unknownBaseline = summarizePilotEvidence({ ...strongPilot, design: 'qed' });
    expect(unknownBaseline.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('BASELINE_UNKNOWN');
  });
});

describe('decision edge cases', () => {
  it('local goals without sites, and supports of unknown cost', () => {
    const noSites = {
      ...ruralStemPilot,
      sites: undefined,
      team: undefined,
      localGoals: [{ id: 'g', description: 'Goal', sitesMet: [] }],
      supports: [{ id: 's', description: 'Release time', provided: false }],
    };
    const result = decidePilot(noSites);
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ pilotSites: 0, totalSites: null });
    expect(
      result.decision.reasons.find((reason) => reason.rule === 'pilot/supports-lacking')?.evidence.totalCost,
    ).toBeNull();
  });

  it('local goals met but focal groups declared: undetermined; teachers struggling or harm: pilot again', () => {
    expect(decidePilot({ ...ruralStemPilot, focalGroups: [{ id: 'el' }] }).decision.action).toBe('undetermined');
    const struggling = {
      ...ruralStemPilot,
      educatorExperience: [{ id: 'e', question: 'Manageable', respondents: 10, favourable: 2 }],
    };
    expect(decidePilot(struggling).decision.reasons[0]?.rule).toBe('pilot/teachers-struggle');
    const worse = {
      ...ruralStemPilot,
      balancingMeasures: [
        {
          id: 'b',
          direction: 'higherIsBetter' as const,
          harmMargin: 1,
          estimate: -3,
          confidenceInterval: [-4, -2] as [number, number],
        },
      ],
    };
    expect(decidePilot(worse).decision.reasons[0]?.rule).toBe('pilot/balancing-worse');
  });

  it('a design that cannot carry a significant effect expands the pilot; prior evidence is listed', () => {
    const prePost = decidePilot({
      ...strongPilot,
      design: 'pre-post',
      priorEvidence: [{ id: 's', title: 'Trial', tier: 1 }],
    });
    expect(prePost.decision.action).toBe('expand-pilot');
    expect(prePost.decision.reasons[0]?.rule).toBe('pilot/design-not-credible');
    expect(prePost.decision.reasons.find((reason) => reason.rule === 'pilot/prior-evidence')?.evidence).toEqual({
      id: 's',
      tier: 1,
      effect: null,
    });
  });

  it('fails to benefit with an unmeasured focal group: undetermined', () => {
    const evidence = {
      ...strongPilot,
      focalGroups: [{ id: 'el' }],
      outcomes: [{ id: 'w', treatment: { mean: 50, sd: 10, n: 400 }, comparison: { mean: 50, sd: 10, n: 400 } }],
    };
    expect(decidePilot(evidence).decision.reasons[0]?.rule).toBe('pilot/focal-groups-too-small');
  });

  it('an inconclusive pilot says how many units a re-pilot needs', () => {
    const evidence = {
      ...strongPilot,
      outcomes: [{ id: 'w', treatment: { mean: 51, sd: 10, n: 60 }, comparison: { mean: 50, sd: 10, n: 60 } }],
    };
    const result = decidePilot(evidence);
    expect(result.decision.reasons[0]?.rule).toBe('pilot/inconclusive');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ unit: 'student', unitsForUsefulEffect: 505 });
  });
});

describe('adaptations', () => {
  it('adaptations that changed the core are an advisory reason', () => {
    const adapted = {
      ...strongPilot,
      implementation: {
        ...strongPilot.implementation,
        adaptations: [
          { id: 'shorter-blocks', description: 'Blocks cut to 20 minutes', preservesCore: false },
          { id: 'local-texts', description: 'Local texts', preservesCore: true },
        ],
      },
    };
    const result = decidePilot(adapted);
    expect(result.summary.adaptations).toEqual({ logged: 2, coreChanged: ['shorter-blocks'] });
    expect(result.decision.reasons.find((reason) => reason.rule === 'pilot/core-adapted')?.evidence).toEqual({
      adaptations: 'shorter-blocks',
      logged: 2,
    });
    expect(decidePilot(strongPilot).summary.adaptations).toBeNull();
  });
});

describe('limits and policies', () => {
  it('past 10⁷ outcome × focal-group pairs is LIMIT_EXCEEDED', () => {
    const focalGroups = Array.from({ length: 2501 }, (_, i) => ({ id: `g${i}` }));
    const outcomes = Array.from({ length: 4000 }, (_, i) => ({ id: `o${i}`, treatment: [1, 2], comparison: [1, 2] }));
    expect(() => summarizePilotEvidence({ ...base, outcomes, focalGroups })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', path: ['evidence', 'focalGroups'] }),
    );
  });

  it('baselineAdjustable below the default baselineSatisfied is blamed on baselineAdjustable', () => {
    expect(() => definePilotPolicy({ baselineAdjustable: 0.01 })).toThrow(
      expect.objectContaining({ path: ['policy', 'baselineAdjustable'] }),
    );
  });

  it('evidence cross-field rules', () => {
    const issues = (input: unknown) => {
      const result = PilotEvidence.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    };
    const binary = { treatment: { successes: 3, n: 10 }, comparison: { successes: 4, n: 10 } };
    expect(
      issues({ ...base, outcomes: [{ id: 'o', ...binary, adjustedMeans: { treatment: 1, comparison: 0 } }] }),
    ).toEqual(['outcomes.0.adjustedMeans']);
    const focal = { focalGroupId: 'el', treatment: [1, 2], comparison: [1, 2] };
    expect(
      issues({ ...base, focalGroups: [{ id: 'el' }], outcomes: [{ id: 'o', ...groups, focalGroups: [focal, focal] }] }),
    ).toEqual(['outcomes.0.focalGroups.1.focalGroupId']);
    expect(
      issues({ ...base, focalGroups: [{ id: 'el' }], outcomes: [{ id: 'o', ...binary, focalGroups: [focal] }] }),
    ).toEqual(['outcomes.0.focalGroups.0.treatment']);
    expect(
      issues({
        ...base,
        outcomes: [{ id: 'o', ...groups, baseline: { treatment: [1, 2], comparison: { successes: 1, n: 2 } } }],
      }),
    ).toEqual(['outcomes.0.baseline.comparison']);
    expect(issues({ ...ruralStemPilot, team: [{ id: 'x', role: 'coach', siteId: 'nowhere' }] })).toEqual([
      'team.0.siteId',
    ]);
  });
});
