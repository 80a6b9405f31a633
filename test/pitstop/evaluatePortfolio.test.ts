import { describe, expect, it } from 'vitest';
import { evaluatePortfolio, type PitStopInput } from '../../src/pitstop/index.js';
import { healthyInput, reachWith } from './_support.js';

describe('evaluatePortfolio', () => {
  it('orders districts by need (off course, left behind, fuel), ties by id', () => {
    const healthy = healthyInput();
    const broke: PitStopInput = { ...healthy, resources: { ...healthy.resources, budgetLeft: 1_000 } };
    const unknown: PitStopInput = { asOf: healthy.asOf, tripTicket: healthy.tripTicket };
    const report = evaluatePortfolio([
      { id: 'zeta', pitStop: healthy },
      { id: 'beta', pitStop: broke },
      { id: 'alpha', pitStop: healthy },
      { id: 'gamma', pitStop: unknown },
    ]);
    expect(report.districts.map((district) => [district.id, district.rank, district.needScore])).toEqual([
      ['gamma', 1, 0.5],
      ['beta', 2, 1 / 3],
      ['alpha', 3, 0],
      ['zeta', 4, 0],
    ]);
    expect(report.districts[1]?.components).toEqual({ offCourse: 0, leftBehind: 0, fuel: 1 });
    expect(report.districts[1]?.moneyRunsOutOn).toBe('2026-02-02');
    expect(Object.isFrozen(report)).toBe(true);
  });

  it('suppresses small cells, and one more cell when a single hidden cell could be differenced from the total', () => {
    const report = evaluatePortfolio(
      [
        { id: 'a', pitStop: { ...healthyInput(), reach: reachWith(100, 8) } },
        { id: 'b', pitStop: { ...healthyInput(), reach: reachWith(100, 40) } },
        { id: 'c', pitStop: { ...healthyInput(), reach: reachWith(100, 60) } },
      ],
      { policy: { minCellSize: 10 } },
    );
    const cell = (district: string, group: string) =>
      report.districts.find((entry) => entry.id === district)?.focalGroups.find((entry) => entry.id === group);
    expect(cell('a', 'el')).toEqual({ id: 'el', n: null, reached: null, rate: null, suppressed: 'small-cell' });
    expect(cell('b', 'el')?.suppressed).toBe('complementary');
    expect(cell('c', 'el')).toEqual({ id: 'el', n: 60, reached: 30, rate: 0.5, suppressed: null });
    expect(cell('a', 'poverty')?.suppressed).toBeNull();
    expect(report.focalGroupTotals).toEqual([
      { id: 'el', n: 108, reached: 54, rate: 0.5, suppressed: null },
      { id: 'poverty', n: 300, reached: 150, rate: 0.5, suppressed: null },
    ]);
    expect(report.notes.map((entry) => entry.code)).toEqual(['COMPLEMENTARY_SUPPRESSION']);
  });

  it('refuses repeated ids, unknown keys and holes with a path', () => {
    const pitStop = healthyInput();
    expect(() =>
      evaluatePortfolio([
        { id: 'a', pitStop },
        { id: 'a', pitStop },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', path: ['districts', 1, 'id'] }));
    expect(() => evaluatePortfolio([{ id: 'a', pitStop, extra: 1 } as never])).toThrow(
      expect.objectContaining({ path: ['districts', 0, 'extra'] }),
    );
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose
    expect(() => evaluatePortfolio([, { id: 'a', pitStop }] as never)).toThrow(
      expect.objectContaining({ path: ['districts', 0] }),
    );
  });
});
