/** componentContributions' less travelled options: Spearman, missing outcomes, a baseline beside covariates in the mixed model. */
import { describe, expect, it } from 'vitest';
import { componentContributions } from '../../src/fidelity/index.js';
import { expectError } from '../_support/expectError.js';

const launch = [
  0.3, 0.6, 0.68, 0.22, 0.32, 0.94, 0.26, 0.3, 0.96, 0.7, 0.5, 0.61, 0.73, 0.42, 0.31, 0.83, 0.74, 0.61, 0.85, 0.64,
  0.98, 0.36, 0.64, 0.59, 0.48, 0.67, 0.39, 0.84, 0.89, 0.3,
];
const critique = [
  0.57, 0.42, 0.27, 0.92, 0.54, 0.32, 0.74, 0.36, 0.92, 0.37, 0.23, 0.36, 0.48, 0.58, 0.92, 0.76, 0.47, 0.21, 0.33, 1,
  0.57, 0.75, 0.24, 0.23, 0.88, 0.67, 0.45, 0.45, 0.27, 0.34,
];
const outcome = [
  48, 61, 59, 47, 51, 65, 50, 49, 71, 59, 59, 61, 61, 55, 54, 72, 56, 62, 67, 59, 65, 56, 54, 60, 60, 54, 50, 60, 68,
  55,
];

/** Average ranks (1-based), ties sharing the mean of their ranks. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    for (let k = start; k <= end; k += 1) out[order[k]?.index as number] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

describe('componentContributions: branches', () => {
  it("Spearman's partial correlation is Pearson's on the ranks", () => {
    const data = (a: number[], b: number[], y: number[]) => ({
      components: [
        { id: 'critique', fidelity: a },
        { id: 'launch', fidelity: b },
      ],
      outcome: y,
    });
    const spearman = componentContributions(data(critique, launch, outcome), { method: 'spearman' });
    // Ranks scaled into [0, 1] (a linear change, which no correlation sees).
    const scaled = (values: number[]) => ranks(values).map((rank) => rank / (values.length + 1));
    const onRanks = componentContributions(data(scaled(critique), scaled(launch), ranks(outcome)));
    for (const index of [0, 1]) {
      const s = spearman.components[index]?.partial;
      const p = onRanks.components[index]?.partial;
      expect(s?.method).toBe('spearman');
      expect(s?.estimate).toBeCloseTo(p?.estimate as number, 12);
    }
    expect(spearman.components.map((entry) => entry.rank)).toEqual([2, 1]);
  });

  it('refuses an unknown correlation method at its path', () => {
    expectError(
      () =>
        componentContributions({ components: [{ id: 'a', fidelity: launch }], outcome }, {
          method: 'kendall',
        } as never),
      'INVALID_INPUT',
      ['options', 'method'],
    );
  });

  it('a missing outcome drops its row: the same answer as without the row', () => {
    const withMissing = componentContributions({
      components: [
        { id: 'critique', fidelity: critique },
        { id: 'launch', fidelity: launch },
      ],
      outcome: [null, ...outcome.slice(1)],
    } as never);
    const without = componentContributions({
      components: [
        { id: 'critique', fidelity: critique.slice(1) },
        { id: 'launch', fidelity: launch.slice(1) },
      ],
      outcome: outcome.slice(1),
    });
    expect(withMissing.components[1]?.partial?.n).toBe(29);
    expect(withMissing.components[1]?.partial?.estimate).toBeCloseTo(
      without.components[1]?.partial?.estimate as number,
      12,
    );
  });
});

describe('componentContributions: a baseline beside covariates, in schools', () => {
  it("each component's within-school slope is the mixed model's with the other components, the baseline and the covariates", async () => {
    const { analyzeFidelityOutcome } = await import('../../src/fidelity/index.js');
    const clusters = Array.from({ length: 24 }, (_, i) => `s${i % 6}`);
    const a = clusters.map((_, i) => ((i * 7) % 10) / 10);
    const b = clusters.map((_, i) => ((i * 3) % 10) / 10);
    const y = a.map((f, i) => 40 + 10 * f + (i % 6) + ((i * 3) % 5) / 2);
    const baseline = y.map((value, i) => value - (i % 4));
    const covariate = y.map((_, i) => (i * 5) % 7);
    const result = componentContributions({
      components: [
        { id: 'a', fidelity: a },
        { id: 'b', fidelity: b },
      ],
      outcome: y,
      clusters,
      baseline,
      covariates: [covariate],
    });
    expect(result.design).toEqual({ covariates: 2, clusters: 6, judgedOn: 'mixed-model-within' });
    const alone = analyzeFidelityOutcome({ fidelity: a, outcome: y, clusters, baseline, covariates: [covariate, b] });
    expect(result.components[0]?.mixedModel?.within.estimate).toBeCloseTo(
      alone.mixedModel?.within.estimate as number,
      8,
    );
  });
});
