/** runChart with a runs table and no useful points, a NaN in dated values; definePdsaPolicy's tolerance check. */
import { describe, expect, it } from 'vitest';
import { definePdsaPolicy, runChart } from '../../src/learning/index.js';
import { expectError } from '../_support/expectError.js';

describe('runChart: a runs table and no useful points', () => {
  it('looks nothing up: no runs range, no runs-count signal, all-on-median', () => {
    const policy = { runsTable: [{ nUseful: 10, min: 3, max: 8 }] };
    const result = runChart([3, 3, 3, 3, 3, 3, 3, 3, 3, 3], { policy });
    expect(result).toMatchObject({ median: 3, nUseful: 0, runs: null, runsRange: null, runsCountSignal: null });
    expect(result.decision.action).toBe('undetermined');
    expect(result.decision.reasons.map((reason) => reason.rule)).toEqual(['learning/all-on-median']);
    expect(result.notes.map((entry) => entry.code)).toEqual(['NO_USEFUL_POINTS']);
    expect(result.policy.runsTable).toEqual(policy.runsTable);
  });
});

describe('runChart: a NaN in dated values', () => {
  const dated = (values: (number | null)[]) =>
    values.map((value, i) => ({ date: `2025-01-${String(i + 1).padStart(2, '0')}`, value }));
  it("is missing under nanPolicy 'omit' (the same chart as a null), refused otherwise", () => {
    const omitted = runChart(dated([1, 2, Number.NaN, 3, 4, 5, 2, 1, 3, 4]), { nanPolicy: 'omit' });
    expect(omitted).toEqual(runChart(dated([1, 2, null, 3, 4, 5, 2, 1, 3, 4])));
    expect(omitted).toMatchObject({ n: 10, nMissing: 1 });
    expectError(() => runChart(dated([1, 2, Number.NaN, 3])), 'INVALID_INPUT', ['values', 2, 'value']);
  });
});

describe('definePdsaPolicy: movedAt at or below the default tolerance', () => {
  it('is refused at movedAt when tolerance is not given (at tolerance when it is)', () => {
    expectError(() => definePdsaPolicy({ movedAt: 1e-10 }), 'INVALID_INPUT', ['policy', 'movedAt']);
    expectError(() => definePdsaPolicy({ movedAt: 0.1, tolerance: 0.2 }), 'INVALID_INPUT', ['policy', 'tolerance']);
  });
});
