/** Branches of the pilot decision rules: two primary outcomes (lowest and highest of several), costs past the largest number. */
import { describe, expect, it } from 'vitest';
import { decidePilot } from '../../src/pilot/index.js';
import { lowFidelityNull, strongPilot } from './_scenarios.js';

/** The strong pilot with two primary outcomes whose treatment means are `a` and `b` (comparison 50, SD 10, `n` per arm). */
const twoOutcomes = (a: number, b: number, n: number) => ({
  ...strongPilot,
  outcomes: [
    { id: 'a', treatment: { mean: a, sd: 10, n }, comparison: { mean: 50, sd: 10, n } },
    { id: 'b', treatment: { mean: b, sd: 10, n }, comparison: { mean: 50, sd: 10, n } },
  ],
});

describe('decidePilot: several primary outcomes', () => {
  it('promising: the lowest estimate is the first outcome when the second is higher', () => {
    const result = decidePilot(twoOutcomes(53, 54, 30));
    const [a, b] = result.summary.outcomes;
    expect(result.decision.action).toBe('expand-pilot');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/promising');
    expect(a?.estimate).toBeLessThan(b?.estimate as number);
    expect(result.decision.reasons[0]?.evidence.lowestEstimate).toBe(a?.estimate);
    expect(result.decision.reasons[0]?.evidence.outcomes).toBe('a, b');
  });

  it('fails to benefit: the highest upper bound is the first outcome when the second is lower', () => {
    const result = decidePilot(twoOutcomes(49, 48.5, 400));
    const [a, b] = result.summary.outcomes;
    expect(result.decision.action).toBe('abandon');
    expect(result.decision.reasons[0]?.rule).toBe('pilot/fails-to-benefit');
    const upperA = a?.confidenceInterval?.[1] as number;
    expect(upperA).toBeGreaterThan(b?.confidenceInterval?.[1] as number);
    expect(result.decision.reasons[0]?.evidence.highestUpper).toBe(upperA);
  });
});

describe('decidePilot: supports lacking', () => {
  it('a total cost past the largest number is unknown (null)', () => {
    const result = decidePilot({
      ...lowFidelityNull,
      supports: [
        { id: 'coaching', description: 'Weekly coaching', provided: false, cost: 1e308 },
        { id: 'devices', description: 'A device per student', provided: false, cost: 1e308 },
      ],
    });
    const lacking = result.decision.reasons.find((entry) => entry.rule === 'pilot/supports-lacking');
    expect(lacking?.evidence).toEqual({ supports: 'coaching, devices', totalCost: null });
  });
});

describe('summarizePilotEvidence: binary outcomes without a Cox index', () => {
  it('no successes in either arm: no effect size, no standard error', async () => {
    const { summarizePilotEvidence } = await import('../../src/pilot/index.js');
    const summary = summarizePilotEvidence({
      id: 'p',
      design: 'rct',
      assignment: { unit: 'student' },
      outcomes: [{ id: 'a', treatment: { successes: 0, n: 20 }, comparison: { successes: 0, n: 20 } }],
    });
    expect(summary.outcomes[0]).toMatchObject({
      method: null,
      estimate: null,
      se: null,
      nTreatment: 20,
      nComparison: 20,
    });
    expect(summary.notes.map((entry) => [entry.code, entry.field])).toEqual([['NO_EFFECT_SIZE', 'outcomes.0']]);
  });
});
