import { describe, expect, it } from 'vitest';
import { evaluatePortfolio } from '../../src/pitstop/index.js';
import { healthyInput, reachOf, reachWith } from './_support.js';

describe('evaluatePortfolio: branches', () => {
  it('the complementary cell is the smallest open one, ties broken by district id', () => {
    const report = evaluatePortfolio([
      { id: 'c', pitStop: { ...healthyInput(), reach: reachWith(100, 40) } },
      { id: 'a', pitStop: { ...healthyInput(), reach: reachWith(100, 8) } },
      { id: 'b', pitStop: { ...healthyInput(), reach: reachWith(100, 40) } },
    ]);
    const el = (district: string) =>
      report.districts.find((entry) => entry.id === district)?.focalGroups.find((entry) => entry.id === 'el')
        ?.suppressed;
    expect([el('a'), el('b'), el('c')]).toEqual(['small-cell', 'complementary', null]);
  });

  it('a state total under the minimum cell size is suppressed too', () => {
    const report = evaluatePortfolio([
      { id: 'a', pitStop: { ...healthyInput(), reach: reachWith(100, 4) } },
      { id: 'b', pitStop: { ...healthyInput(), reach: reachWith(100, 4) } },
    ]);
    expect(report.focalGroupTotals).toEqual([
      { id: 'el', n: null, reached: null, rate: null, suppressed: 'small-cell' },
      { id: 'poverty', n: 200, reached: 100, rate: 0.5, suppressed: null },
    ]);
    expect(report.notes).toEqual([]);
  });

  it('names the focal groups a district leaves behind', () => {
    const report = evaluatePortfolio([
      { id: 'a', pitStop: { ...healthyInput(), reach: reachOf({ poverty: 0.85, el: 0.3, other: 0.86 }) } },
    ]);
    expect(report.districts[0]?.focalGroupsBehind).toEqual(['el']);
    expect(report.districts[0]?.leftBehind).toBe('left-behind');
  });
});
