/**
 * summarizeReach computes Wilson intervals with the critical value computed once per summary
 * (src/reach/_finalize.ts, `wilsonWith`); this checks it reproduces the stats kernel's
 * proportionInterval bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalZ } from '../../src/_lib/normalQuantile.js';
import { wilsonWith } from '../../src/reach/_finalize.js';
import { proportionInterval } from '../../src/stats/index.js';

describe('the reach Wilson interval', () => {
  it('equals proportionInterval exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, share, level) => {
          const reached = Math.floor(share * n);
          const kernel = proportionInterval(reached, n, { confidenceLevel: level });
          const ours = wilsonWith(criticalZ(level))(reached, n);
          expect(ours.rate).toBe(kernel.estimate);
          expect(ours.interval).toEqual(kernel.confidenceInterval);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
