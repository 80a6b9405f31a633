/** Yes/no outcomes mixed with 1 / 0 / null, and numeric cluster ids (read in canonical order). */
import { describe, expect, it } from 'vitest';
import { compareIds } from '../../src/fidelity/_thresholdDesign.js';
import { analyzeFidelityOutcome, fidelityThreshold } from '../../src/fidelity/index.js';
import { expectError } from '../_support/expectError.js';

const fidelity = Array.from({ length: 24 }, (_, i) => ((i * 7) % 10) / 10);
const yes = fidelity.map((f, i) => (i % 3 === 0 ? null : f + ((i * 5) % 7) / 10 > 0.8));

describe('readOutcomeSeries: a yes/no series', () => {
  it('true/false mixed with 1, 0 and null reads as the 1/0 series', () => {
    // Every other yes/no entry written as 1 / 0: the series holds true, false, 1, 0 and null.
    const mixed = yes.map((value, i) => (value === null ? null : i % 2 === 0 ? (value ? 1 : 0) : value));
    expect(new Set(mixed)).toEqual(new Set([null, true, false, 1, 0]));
    const numbers = yes.map((value) => (value === null ? null : value ? 1 : 0));
    expect(analyzeFidelityOutcome({ fidelity, outcome: mixed as never })).toEqual(
      analyzeFidelityOutcome({ fidelity, outcome: numbers }),
    );
  });

  it('any other number in a yes/no series is refused at its index', () => {
    const bad = yes.map((value, i) => (i === 5 ? 2 : value));
    expectError(() => analyzeFidelityOutcome({ fidelity, outcome: bad as never }), 'INVALID_INPUT', [
      'data',
      'outcome',
      5,
    ]);
  });
});

describe('cluster ids that are numbers', () => {
  it('sort numbers first, ascending, then strings by code unit', () => {
    expect([10, 'b', 2, 'B', 'a', -1].sort(compareIds)).toEqual([-1, 2, 10, 'B', 'a', 'b']);
  });

  it('number ids give the same threshold analysis as string ids in the same order', () => {
    const outcome = fidelity.map((f, i) => 40 + (f >= 0.6 ? 8 : 0) + (i % 4) + ((i * 3) % 5) / 2);
    const numeric = fidelity.map((_, i) => i % 6);
    const named = numeric.map((id) => `school-${id}`);
    const options = { seed: 3, policy: { permutations: 99, bootstrapDraws: 99 } };
    const byNumber = fidelityThreshold({ fidelity, outcome, clusters: numeric }, options);
    const byName = fidelityThreshold({ fidelity, outcome, clusters: named }, options);
    expect(byNumber.design?.clusters).toBe(6);
    expect(byNumber).toEqual(byName);
  });
});
