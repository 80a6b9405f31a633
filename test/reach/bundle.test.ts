/**
 * The reach subpath of the packed package (test/.tmp/consumer, built by test/setup/buildOnce.ts)
 * bundles without the statistics kernel's @stdlib distribution code: it imports the Wilson interval
 * directly, not through the stats barrel.
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const consumer = fileURLToPath(new URL('../.tmp/consumer', import.meta.url));

describe('scaling-navigator/reach bundle', () => {
  it('pulls no @stdlib code and stays small', async () => {
    const bundle = await build({
      stdin: {
        contents:
          "import { summarizeReach, suppressSmallCells, evaluateReachTarget, reachAccumulator } from 'scaling-navigator/reach'; console.log(summarizeReach, suppressSmallCells, evaluateReachTarget, reachAccumulator);",
        resolveDir: consumer,
        loader: 'js',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfigRaw: {}, // resolve the package, not the repo's tsconfig paths to src/
    });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.some((path) => path.includes('dist/reach/index.js'))).toBe(true);
    expect(inputs.some((path) => path.includes('@stdlib'))).toBe(false);
    expect(inputs.some((path) => path.includes('simple-statistics'))).toBe(false);
    const brotli = brotliCompressSync(Buffer.from(bundle.outputFiles[0]?.text ?? '')).length;
    expect(brotli).toBeLessThan(20 * 1024);
  });
});
