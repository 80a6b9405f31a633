/**
 * What a host app ships: bundles `contents` (imports from the packed package installed in
 * test/.tmp/consumer by test/setup/buildOnce.ts) with esbuild, minified, for the browser.
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';

export const consumerDir = fileURLToPath(new URL('../.tmp/consumer', import.meta.url));

export async function hostBundle(contents: string): Promise<{ code: string; inputs: string[]; brotliBytes: number }> {
  const bundle = await build({
    stdin: { contents, resolveDir: consumerDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfigRaw: {}, // resolve the package, not the repo's tsconfig paths to src/
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  return {
    code,
    inputs: Object.keys(bundle.metafile.inputs),
    brotliBytes: brotliCompressSync(Buffer.from(code)).length,
  };
}
