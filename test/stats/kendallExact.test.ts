import { describe, expect, it } from 'vitest';
import { correlate } from '../../src/stats/index.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** 0…n−1 with the first two swapped: exactly one discordant pair. */
const oneSwap = (n: number): number[] => {
  const y = range(n);
  [y[0], y[1]] = [y[1] as number, y[0] as number];
  return y;
};

// Oracle: scipy 1.17.1, scipy.stats.kendalltau(x, y) (method='auto' picks the exact p here):
//   n = 170, y = x           → pvalue 2.755801935583541e-307  (= 2/170!)
//   n = 171, y = x           → pvalue 0.0                      (2/171! underflows; scipy returns 0)
//   n = 171, one swapped pair → pvalue 2.755801935583541e-307  (= 2/170!)
//   n = 172, one swapped pair → pvalue 0.0
describe("Kendall's exact p at the edge of the range of doubles", () => {
  it('no discordant pair: 2/n! while it is representable, 0 from n = 171', () => {
    const at170 = correlate(range(170), range(170), { method: 'kendall' });
    expect(at170.pMethod).toBe('exact');
    expect((at170.pValue as number) / 2.755801935583541e-307).toBeCloseTo(1, 12);
    const at171 = correlate(range(171), range(171), { method: 'kendall' });
    expect(at171.pMethod).toBe('exact');
    expect(at171.pValue).toBe(0);
    expect(at171.estimate).toBe(1);
  });

  it('one discordant pair: 2/(n − 1)! while it is representable, 0 from n = 172', () => {
    const at171 = correlate(range(171), oneSwap(171), { method: 'kendall' });
    expect(at171.pMethod).toBe('exact');
    expect((at171.pValue as number) / 2.755801935583541e-307).toBeCloseTo(1, 12);
    const at172 = correlate(range(172), oneSwap(172), { method: 'kendall' });
    expect(at172.pMethod).toBe('exact');
    expect(at172.pValue).toBe(0);
    // τ-b = 1 − 2·dis/tot = 1 − 4/(172·171), scipy 0.9998640010879914.
    expect(at172.estimate).toBeCloseTo(0.9998640010879914, 14);
  });
});
