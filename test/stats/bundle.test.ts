/**
 * The light functions of the stats subpath (scripts/moduleList.ts SPLIT_POINTS) bundle without the
 * @stdlib distribution code the rest of the kernel needs: a host that computes a Wilson interval or
 * adjusts p-values ships a few kilobytes, not the t and beta distributions.
 */
import { describe, expect, it } from 'vitest';
import { SPLIT_POINTS } from '../../scripts/moduleList.js';
import { hostBundle } from '../_support/hostBundle.js';

describe('scaling-navigator/stats split points', () => {
  it.each(SPLIT_POINTS.map((point) => [point.exportName, point.module]))(
    'importing only %s from scaling-navigator/%s pulls no @stdlib code',
    async (name, module) => {
      const { inputs, shipped, brotliBytes } = await hostBundle(
        `import { ${name} } from 'scaling-navigator/${module}'; console.log(${name});`,
      );
      expect(inputs.some((path) => path.includes(`dist/${module}/index.js`))).toBe(true);
      expect(shipped.some((path) => path.includes('@stdlib'))).toBe(false);
      expect(brotliBytes).toBeLessThan(6 * 1024);
    },
  );

  it('the whole subpath still brings @stdlib (the check above would notice a split that does nothing)', async () => {
    const { shipped } = await hostBundle(
      "import { correlate } from 'scaling-navigator/stats'; console.log(correlate);",
    );
    expect(shipped.some((path) => path.includes('@stdlib'))).toBe(true);
  });
});
