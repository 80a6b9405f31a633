/**
 * The light functions of the stats subpath (scripts/moduleList.ts SPLIT_POINTS) bundle without the
 * @stdlib distribution code the rest of the kernel needs: a host that computes a Wilson interval or
 * adjusts p-values ships a few kilobytes, not the t and beta distributions. The distribution
 * helpers (tCdf, tQuantile, normalCdf, chiSquareCdf) are split points too: each ships its own
 * @stdlib function and no other @stdlib entry package.
 */
import { describe, expect, it } from 'vitest';
import { SPLIT_POINTS } from '../../scripts/moduleList.js';
import { hostBundle } from '../_support/hostBundle.js';

/** `@stdlib/<name>/lib/main.js` and `…/lib/index.js` of the packages a bundle ships. */
const stdlibPackages = (shipped: readonly string[]) =>
  new Set(
    shipped.flatMap((path) => {
      const match = /@stdlib\/([^/]+)\//.exec(path);
      return match === null ? [] : [match[1] as string];
    }),
  );

const own = (list: readonly string[] | undefined, entry: string) => (list ?? []).includes(entry);

/** Parses a size-limit budget such as '6 kB' into bytes. */
const budgetBytes = (limit: string) => Number.parseFloat(limit) * 1000;

describe('scaling-navigator/stats split points', () => {
  it.each(SPLIT_POINTS.filter((point) => point.stdlib === undefined).map((point) => [point.exportName, point.module]))(
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

  it.each(
    SPLIT_POINTS.filter((point) => point.stdlib !== undefined).map((point) => [point.exportName, point] as const),
  )('importing only %s ships its own @stdlib function, not the other distributions', async (name, point) => {
    const { shipped, brotliBytes } = await hostBundle(
      `import { ${name} } from 'scaling-navigator/${point.module}'; console.log(${name});`,
    );
    const packages = stdlibPackages(shipped);
    for (const wanted of point.stdlib ?? []) expect(packages.has(wanted), wanted).toBe(true);
    // No other distribution comes along (normal-cdf's own degenerate-cdf aside), nor the kernel.
    const others = [...packages].filter(
      (entry) =>
        entry.startsWith('stats-base-dists-') &&
        !own(point.stdlib, entry) &&
        entry !== 'stats-base-dists-degenerate-cdf',
    );
    expect(others).toEqual([]);
    expect(shipped.some((path) => path.includes('/zod/'))).toBe(false);
    expect(brotliBytes).toBeLessThan(budgetBytes(point.sizeLimit ?? '6 kB'));
  });

  it('the whole subpath still brings @stdlib (the check above would notice a split that does nothing)', async () => {
    const { shipped } = await hostBundle(
      "import { correlate } from 'scaling-navigator/stats'; console.log(correlate);",
    );
    expect(shipped.some((path) => path.includes('@stdlib'))).toBe(true);
  });
});
