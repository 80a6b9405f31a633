/**
 * Scenarios from the source documents, each with the decision its text implies:
 * - the rural district's STEM coaching pilot (Digital Promise, *Consider a Pilot Stage*: 3 of 18
 *   schools, all three earned state STEM certification, the best pilot coach and principal moved
 *   to the district office): expand-pilot by default, scale-up with the local-goal policy, the
 *   best site's coach and principal named as champions;
 * - REL Appalachia's promising pilot whose teachers struggle: pilot again;
 * - a faithful pilot that fails to benefit students: abandon (pilot again when leaders still see
 *   promise, as the guide allows; undetermined without a fidelity measure);
 * - the same null outcomes with low fidelity: pilot again, never abandon;
 * - a strong pilot whose teachers' workload got clearly worse: not scale-up;
 * - The Learning Accelerator's pilot-and-refine path: a pilot that meets its goals at some sites
 *   only is refined and piloted again.
 */
import { describe, expect, it } from 'vitest';
import { decidePilot, parseDecidePilotResult, summarizePilotEvidence } from '../../src/pilot/index.js';
import {
  failsToBenefit,
  lowFidelityNull,
  promisingButStruggling,
  ruralStemPilot,
  strongButWorkloadWorse,
  strongPilot,
} from './_scenarios.js';

const rules = (result: ReturnType<typeof decidePilot>) => result.decision.reasons.map((reason) => reason.rule);

describe("the rural district's STEM coaching pilot (3 of 18 schools, all certified)", () => {
  it('expands the pilot by default: local goals met without a comparison group', () => {
    const result = decidePilot(ruralStemPilot);
    expect(result.decision.action).toBe('expand-pilot');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/local-goals-met');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ pilotSites: 3, totalSites: 18 });
    expect(result.decision.reasons[0]?.guidance.source).toBe('digital-promise-pilot-stage');
  });

  it('scales up under a policy that accepts local-goal evidence', () => {
    const result = decidePilot(ruralStemPilot, { policy: { acceptLocalGoalEvidence: true } });
    expect(result.decision.action).toBe('scale-up');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/local-goals-met-accepted');
    expect(result.decision.policy.acceptLocalGoalEvidence).toBe(true);
  });

  it("names the best site's coach and principal, by id, as the next step's champions", () => {
    const result = decidePilot(ruralStemPilot);
    expect(result.summary.localGoals?.bestSites).toEqual(['pine-ridge']);
    expect(result.summary.champions).toEqual([
      { id: 'coach-pine-ridge', role: 'coach', siteId: 'pine-ridge' },
      { id: 'principal-pine-ridge', role: 'principal', siteId: 'pine-ridge' },
    ]);
    expect(result.decision.reasons.find((reason) => reason.rule === 'pilot/champions')?.evidence.champions).toBe(
      'coach-pine-ridge, principal-pine-ridge',
    );
  });

  it('is at most an indicative tier 4: no comparison group', () => {
    const summary = summarizePilotEvidence(ruralStemPilot);
    expect(summary.essaTier).toMatchObject({ tier: 4, indicative: true });
    expect(summary.essaTier.reasonsNotHigher.map((reason) => reason.code)).toContain('NO_COMPARISON_GROUP');
  });

  it('pilots again when a pilot school missed the goal (pilot and refine)', () => {
    const missed = {
      ...ruralStemPilot,
      localGoals: [{ ...ruralStemPilot.localGoals[0], sitesMet: ['pine-ridge', 'river-bend'] }],
    };
    expect(decidePilot(missed).decision.action).toBe('pilot-again');
    expect(rules(decidePilot(missed))[0]).toBe('pilot/local-goals-not-met');
  });
});

describe("REL Appalachia's promising pilot whose teachers struggle", () => {
  it('pilots again', () => {
    const result = decidePilot(promisingButStruggling);
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/teachers-struggle');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ items: 'easy-to-use', minShareFavourable: 0.5 });
  });

  it('is promising: a useful difference-in-differences effect, not significant across 6 schools', () => {
    const outcome = summarizePilotEvidence(promisingButStruggling).outcomes[0];
    expect(outcome?.method).toBe('difference-in-differences');
    expect(outcome?.clusterCorrected).toBe(true);
    expect(outcome?.estimate).toBeGreaterThan(0.25);
    expect(outcome?.finding).toBe('not-significant');
    // Analysed as if students had been assigned one by one, the same g would look significant:
    // t = g / √(N/(n_T n_C) + g²/(2N)) ≈ 2.96 on 353 df; 3 schools per arm make that far too confident.
    const g = outcome?.uncorrectedEstimate as number;
    const naiveT = g / Math.sqrt(355 / (180 * 175) + (g * g) / (2 * 355));
    expect(naiveT).toBeGreaterThan(2.9);
    expect(outcome?.pValue as number).toBeGreaterThan(0.2);
  });

  it('without the struggle it would expand the pilot (promising, not shown)', () => {
    const content = {
      ...promisingButStruggling,
      educatorExperience: [{ id: 'easy-to-use', question: 'Easy to carry out', respondents: 12, favourable: 10 }],
    };
    expect(decidePilot(content).decision.action).toBe('expand-pilot');
    expect(rules(decidePilot(content))[0]).toBe('pilot/promising');
  });
});

describe('a pilot that fails to benefit students', () => {
  it('abandons, with adequate fidelity', () => {
    const result = decidePilot(failsToBenefit);
    expect(result.decision.action).toBe('abandon');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/fails-to-benefit');
    expect(result.decision.reasons[0]?.evidence.highestUpper as number).toBeLessThan(0.25);
  });

  it('pilots again when leaders record that they still see promise', () => {
    const result = decidePilot({ ...failsToBenefit, leadersSeePromise: true });
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/fails-but-promise-seen');
  });

  it('is undetermined without a fidelity measure: a plan not done cannot be told from one that did not work', () => {
    const result = decidePilot({ ...failsToBenefit, implementation: undefined });
    expect(result.decision.action).toBe('undetermined');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/fidelity-needed-to-abandon');
    expect(result.notes.map((note) => note.code)).toEqual(['UNDETERMINED']);
  });
});

describe('low fidelity with null outcomes', () => {
  it('pilots again with the supports it lacked, never abandons', () => {
    const result = decidePilot(lowFidelityNull);
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/plan-not-done');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ shareAtLevel: 0.25, supportsLacking: 'coaching' });
    const lacking = result.decision.reasons.find((reason) => reason.rule === 'pilot/supports-lacking');
    expect(lacking?.evidence).toEqual({ supports: 'coaching', totalCost: 18000 });
  });
});

describe("a strong pilot whose teachers' workload got clearly worse", () => {
  it('does not scale up', () => {
    const result = decidePilot(strongButWorkloadWorse);
    expect(result.decision.action).not.toBe('scale-up');
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/balancing-worse');
  });

  it('scales up without the harm: significant after correction, faithful, an indicative tier 1', () => {
    const result = decidePilot(strongPilot);
    expect(result.decision.action).toBe('scale-up');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/benefit-shown');
    expect(result.summary.essaTier.tier).toBe(1);
    expect(result.summary.attrition.low).toBe(true);
  });

  it('a harm within the margin is not clearly worse', () => {
    const mild = {
      ...strongButWorkloadWorse,
      balancingMeasures: [
        { ...strongButWorkloadWorse.balancingMeasures[0], confidenceInterval: [0.2, 2.8] as [number, number] },
      ],
    };
    expect(decidePilot(mild).decision.action).toBe('scale-up');
  });
});

describe('focal groups, the team and the stored result', () => {
  const withFocal = (treatmentMean: number, n: number) => ({
    ...strongPilot,
    focalGroups: [{ id: 'el', label: 'English learners' }],
    outcomes: [
      {
        ...strongPilot.outcomes[0],
        focalGroups: [
          {
            focalGroupId: 'el',
            treatment: { mean: treatmentMean, sd: 10, n },
            comparison: { mean: 50, sd: 10, n },
          },
        ],
      },
    ],
  });

  it('focal groups too small to tell are undetermined, not a pass', () => {
    const result = decidePilot(withFocal(56, 6));
    expect(result.decision.action).toBe('undetermined');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/focal-groups-too-small');
  });

  it('never scales up while a measured focal group did not benefit', () => {
    const result = decidePilot(withFocal(49, 60));
    expect(result.decision.action).toBe('pilot-again');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/focal-groups-not-benefiting');
  });

  it('scales up when the focal group benefits too', () => {
    expect(decidePilot(withFocal(55, 60)).decision.action).toBe('scale-up');
  });

  it('a team without senior leaders or veterans adds non-blocking reasons', () => {
    const team = [{ id: 'teacher-x', role: 'teacher' as const, experience: 'early-adopter' as const }];
    const result = decidePilot({ ...strongPilot, team });
    expect(result.decision.action).toBe('scale-up');
    expect(rules(result)).toEqual(
      expect.arrayContaining(['pilot/team-lacks-senior-leaders', 'pilot/team-lacks-veterans']),
    );
  });

  it('a stored decision reads back; a damaged one is refused with its path', () => {
    const stored = JSON.parse(JSON.stringify(decidePilot(strongPilot)));
    expect(parseDecidePilotResult(stored).decision.action).toBe('scale-up');
    const damaged = { ...stored, decision: { ...stored.decision, action: 'abandon' } };
    expect(() => parseDecidePilotResult(damaged)).toThrow(
      expect.objectContaining({ path: ['decision', 'reasons', 0, 'rule'] }),
    );
  });
});
