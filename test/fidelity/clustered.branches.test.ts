/** The clustering correction without an ICC: no design effect, no adjusted inference, a NO_ICC note. */
import { describe, expect, it } from 'vitest';
import { analyzeFidelityOutcome } from '../../src/fidelity/index.js';

describe('analyzeFidelityOutcome: clustering without an ICC', () => {
  const clusters = Array.from({ length: 36 }, (_, i) => `s${i % 12}`);
  const fidelity = clusters.map((_, i) => ((i * 7) % 10) / 10);
  const outcome = fidelity.map((f, i) => 40 + 10 * f + (i % 12) + ((i * 3) % 5) / 2);
  it('fidelity the same everywhere has no ICC', () => {
    const result = analyzeFidelityOutcome({ fidelity: fidelity.map(() => 0.5), outcome, clusters });
    expect(result.clustering).toMatchObject({ clusterCount: 12, designEffect: null, effectiveN: null, adjusted: null });
    expect(result.clustering?.notes.map((entry) => entry.code)).toEqual(['NO_ICC']);
  });
  it('one teacher per school has no ICC either (no group has two observations)', () => {
    const result = analyzeFidelityOutcome({ fidelity, outcome, clusters: clusters.map((_, i) => `c${i}`) });
    expect(result.clustering).toMatchObject({ clusterCount: 36, n0: null, designEffect: null, adjusted: null });
    expect(result.clustering?.iccFidelity?.estimate).toBeNull();
    expect(result.clustering?.notes.map((entry) => entry.code)).toEqual(['NO_ICC']);
  });
  it('with an ICC the design effect is 1 + (n0 − 1)·ICCf·ICCy and effective n is n over it', () => {
    const result = analyzeFidelityOutcome({ fidelity, outcome, clusters });
    const c = result.clustering;
    const iccF = Math.max(0, c?.iccFidelity?.estimate as number);
    const iccY = Math.max(0, c?.iccOutcome?.estimate as number);
    expect(c?.designEffect).toBeCloseTo(1 + ((c?.n0 as number) - 1) * iccF * iccY, 12);
    expect(c?.effectiveN).toBeCloseTo(36 / (c?.designEffect as number), 12);
  });
});
