/** runChart with a runs table when every point lies on the median (no useful observations to look up). */
import { describe, expect, it } from 'vitest';
import { runChart } from '../../src/learning/index.js';

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
