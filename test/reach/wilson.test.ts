/**
 * summarizeReach evaluates the Wilson formula (`_lib/wilson.ts`) with the critical value computed
 * once per summary instead of calling the stats kernel per population and unit; this checks every
 * rate and interval of random summaries reproduces the kernel's proportionInterval bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReachStats, summarizeReach } from '../../src/reach/index.js';
import { proportionInterval } from '../../src/stats/index.js';

describe('the reach Wilson interval', () => {
  it('equals proportionInterval exactly, for every population of every unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.nat(7), fc.nat(3)), { maxLength: 300 }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (people, level) => {
          const summary = summarizeReach(
            {
              unitCodes: Uint8Array.from(people, ([code]) => code),
              units: Array.from({ length: 6 }, (_, code) => ({ school: `S${code}` })),
              groupMasks: Uint8Array.from(people, ([, mask]) => mask),
              engagements: Uint8Array.from(people, ([, , count]) => count),
            },
            { focalGroups: ['a', 'b', 'c'], unitLevels: ['school'], minEngagements: 2, confidenceLevel: level },
          );
          const check = (stats: ReachStats) => {
            if (stats.n === 0) {
              expect([stats.rate, stats.interval]).toEqual([null, null]);
              return;
            }
            const kernel = proportionInterval(stats.reached, stats.n, { confidenceLevel: level });
            expect(stats.rate).toBe(kernel.estimate);
            expect(stats.interval).toEqual(kernel.confidenceInterval);
          };
          for (const scope of [summary, ...summary.units]) {
            for (const stats of [scope.overall, ...scope.groups, scope.union, scope.none]) check(stats);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
