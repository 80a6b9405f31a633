/**
 * What a host app ships: bundles `contents` (imports from the packed package installed in
 * test/.tmp/consumer by test/setup/buildOnce.ts) with esbuild, minified, for the browser.
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';

export const consumerDir = fileURLToPath(new URL('../.tmp/consumer', import.meta.url));

/**
 * `inputs`: every file the bundler read; `shipped`: those that put at least one byte into the
 * bundle (a chunk a host's bundler reads only to see its exports, and then drops, is not shipped).
 */
export async function hostBundle(
  contents: string,
): Promise<{ code: string; inputs: string[]; shipped: string[]; brotliBytes: number }> {
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
  const output = Object.values(bundle.metafile.outputs)[0];
  return {
    code,
    inputs: Object.keys(bundle.metafile.inputs),
    shipped: Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
    brotliBytes: brotliCompressSync(Buffer.from(code)).length,
  };
}
