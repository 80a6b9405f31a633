/**
 * The reach subpath of the packed package (test/.tmp/consumer, built by test/setup/buildOnce.ts)
 * bundles without the statistics kernel's @stdlib distribution code: it imports the Wilson interval
 * directly, not through the stats barrel.
 */
import { describe, expect, it } from 'vitest';
import { hostBundle } from '../_support/hostBundle.js';

describe('scaling-navigator/reach bundle', () => {
  it('pulls no @stdlib code and stays small', async () => {
    const { inputs, brotliBytes } = await hostBundle(
      "import { summarizeReach, suppressSmallCells, evaluateReachTarget, reachAccumulator } from 'scaling-navigator/reach'; console.log(summarizeReach, suppressSmallCells, evaluateReachTarget, reachAccumulator);",
    );
    expect(inputs.some((path) => path.includes('dist/reach/index.js'))).toBe(true);
    expect(inputs.some((path) => path.includes('@stdlib'))).toBe(false);
    expect(inputs.some((path) => path.includes('simple-statistics'))).toBe(false);
    // 19.1 KB before the one-contract refactor; its rule catalog (guidance text), decisions and
    // suppression notes add ≈ 1.5 KB; issue 12's schemas of the stored summary and suppressed report
    // (with their consistency checks) and the near-linear suppression bring it to ≈ 23.6 KB, and the
    // input side's strict keys, state serialization and state consistency checks to ≈ 26.1 KB; reach
    // over time's shared parts, kind-aware sealing, the per-key row check and the checked enrolment
    // dates to just under 28 KB (sealing kinds are written as strings at each site, not a shared table).
    expect(brotliBytes).toBeLessThan(28 * 1024);
  });
});
