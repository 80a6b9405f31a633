/** The mixed model's identification guard: one school, or two rows, cannot identify a random intercept. */
import { describe, expect, it } from 'vitest';
import { analyzeFidelityOutcome } from '../../src/fidelity/index.js';

describe('analyzeFidelityOutcome: a model that cannot be identified', () => {
  const fidelity = Array.from({ length: 24 }, (_, i) => ((i * 7) % 10) / 10);
  const outcome = fidelity.map((f, i) => 40 + 10 * f + (i % 6) + ((i * 3) % 5) / 2);
  it('every teacher in one school: no mixed model, a NOT_IDENTIFIED note', () => {
    const result = analyzeFidelityOutcome({ fidelity, outcome, clusters: fidelity.map(() => 'only') });
    expect(result.mixedModel).toBeNull();
    expect(result.notes.map((entry) => entry.code)).toContain('NOT_IDENTIFIED');
  });
  it('two teachers in two schools: no mixed model, a NOT_IDENTIFIED note', () => {
    const result = analyzeFidelityOutcome({ fidelity: [0.1, 0.5], outcome: [1, 2], clusters: ['a', 'b'] });
    expect(result.mixedModel).toBeNull();
    expect(result.notes.map((entry) => entry.code)).toContain('NOT_IDENTIFIED');
  });
});
