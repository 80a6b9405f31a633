/**
 * analyzeFidelityOutcome and componentContributions: Kendall's partial correlation is Spearman's,
 * and a NaN omitted under nanPolicy 'omit' is read by the mixed model as a missing value.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFidelityOutcome, componentContributions } from '../../src/fidelity/index.js';

const fidelity = Array.from({ length: 30 }, (_, i) => ((i * 7) % 10) / 10);
const baseline = fidelity.map((_, i) => 30 + ((i * 11) % 13));
const outcome = fidelity.map((f, i) => 40 + 10 * f + (i % 6) + ((i * 3) % 5) / 2 + (baseline[i] as number) / 4);
const clusters = fidelity.map((_, i) => `s${i % 6}`);
const withNaN = outcome.map((value, i) => (i === 4 ? Number.NaN : value));
const withNull = outcome.map((value, i) => (i === 4 ? null : value));

describe('analyzeFidelityOutcome: branches', () => {
  it("with method 'kendall' the baseline-adjusted correlation is Spearman's partial", () => {
    const kendall = analyzeFidelityOutcome({ fidelity, outcome, baseline }, { method: 'kendall' });
    const spearman = analyzeFidelityOutcome({ fidelity, outcome, baseline }, { method: 'spearman' });
    expect(kendall.correlation.method).toBe('kendall');
    expect(kendall.partial?.method).toBe('spearman');
    expect(kendall.partial).toEqual(spearman.partial);
  });

  it("a NaN outcome omitted ('omit') is the same analysis, mixed model included, as a null", () => {
    const omitted = analyzeFidelityOutcome({ fidelity, outcome: withNaN, clusters }, { nanPolicy: 'omit' });
    const missing = analyzeFidelityOutcome({ fidelity, outcome: withNull, clusters });
    expect(omitted.mixedModel).not.toBeNull();
    expect(omitted.mixedModel && 'n' in omitted.mixedModel ? omitted.mixedModel.n : null).toBe(29);
    expect(omitted).toEqual(missing);
  });
});

describe('componentContributions: branches', () => {
  it("a NaN outcome omitted ('omit') is the same as a null, in the mixed model too", () => {
    const omitted = componentContributions(
      { components: [{ id: 'a', fidelity }], outcome: withNaN, clusters },
      { nanPolicy: 'omit' },
    );
    const missing = componentContributions({ components: [{ id: 'a', fidelity }], outcome: withNull, clusters });
    expect(omitted.components[0]?.mixedModel).not.toBeNull();
    expect(omitted).toEqual(missing);
  });
});
