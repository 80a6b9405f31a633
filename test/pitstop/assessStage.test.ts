import { describe, expect, it } from 'vitest';
import { riverbendHistory } from '../../examples/sampleDistrict.js';
import { assessScale, detectSuperficialSpread } from '../../src/dimensions/index.js';
import { assessStage } from '../../src/pitstop/index.js';
import { healthyHistory } from './_support.js';

const measure = (dimension: string, value: number) => ({
  id: `${dimension}-measure`,
  dimension,
  value,
  scale: { min: 0, max: 1 },
  collectedOn: '2026-05-01',
});
const targets = { depth: 0.7, sustainability: 0.6, ownership: 0.6 };
const strong = assessScale(
  [measure('depth', 0.8), measure('sustainability', 0.7), measure('ownership', 0.7)] as never,
  targets,
  { practice: { intended: 400, withFidelity: 300 } },
);
const unsustained = assessScale(
  [measure('depth', 0.8), measure('sustainability', 0.3), measure('ownership', 0.7)] as never,
  targets,
  { practice: { intended: 400, withFidelity: 300 } },
);
const rules = (decision: { reasons: readonly { rule: string }[] } | undefined) =>
  decision?.reasons.map((entry) => entry.rule);

describe('assessStage', () => {
  it('spread rising while depth falls: the stage does not advance to tight', () => {
    const stage = assessStage({
      pilotDecision: 'scale-up',
      scale: strong,
      superficialSpread: detectSuperficialSpread(riverbendHistory),
    });
    expect(stage.stage).toBe('expansion');
    expect(stage.next?.stage).toBe('tight');
    expect(stage.next?.decision.action).toBe('not-ready');
    expect(stage.next?.decision.reasons.map((entry) => entry.evidence.criterion)).toEqual(['no-superficial-spread']);
  });

  it('tight when depth and fidelity hold as spread grows; institutionalized only once sustainability held after a leadership change', () => {
    const base = {
      pilotDecision: 'scale-up' as const,
      scale: strong,
      superficialSpread: detectSuperficialSpread(healthyHistory),
    };
    const tight = assessStage(base);
    expect(tight.stage).toBe('tight');
    expect(tight.next?.stage).toBe('institutionalized');
    expect(tight.next?.decision.action).toBe('undetermined');
    expect(rules(tight.next?.decision)).toEqual(['pitstop/stage-evidence-missing']);

    const survived = assessStage({
      ...base,
      leadershipChanges: ['2026-08-01'],
      sustainabilityChecks: [
        { on: '2026-06-01', sustainable: true },
        { on: '2026-12-01', sustainable: true },
        { on: '2027-05-01', sustainable: true },
      ],
    });
    expect(survived.stage).toBe('institutionalized');
    expect(survived.next).toBeNull();

    const lapsed = assessStage({
      ...base,
      leadershipChanges: ['2026-08-01'],
      sustainabilityChecks: [
        { on: '2026-12-01', sustainable: true },
        { on: '2027-05-01', sustainable: false },
      ],
    });
    expect(lapsed.stage).toBe('tight');
    expect(rules(lapsed.next?.decision)).toEqual(['pitstop/not-sustained-after-turnover']);

    // At scale is not sustainable: a strong practice that is not sustainable is not institutionalized.
    const notSustainable = assessStage({
      ...base,
      scale: unsustained,
      leadershipChanges: ['2026-08-01'],
      sustainabilityChecks: [{ on: '2026-12-01', sustainable: true }],
    });
    expect(notSustainable.stage).toBe('tight');
    expect(notSustainable.next?.decision.action).toBe('not-ready');
  });

  it('a pilot that is to be run again stays a pilot; no evidence at all leaves the next stage undetermined', () => {
    expect(assessStage({ pilotDecision: 'pilot-again' }).next?.decision.action).toBe('not-ready');
    const none = assessStage({});
    expect(none.stage).toBe('pilot');
    expect(none.next?.decision.action).toBe('undetermined');
    expect(none.criteria).toHaveLength(6);
  });
});
