/**
 * Builds the BigQuery JavaScript aggregate function (src/reach/bigQueryUdaf.ts) into one
 * minified, dependency-free ESM file, dist/bigquery/reach-udaf.js, for
 * `OPTIONS (library = ['gs://…/reach-udaf.js'])` (BigQuery's limit for a library file: 1 MB).
 * Run after tsup (which cleans dist/): `npm run build` does both.
 */
import { type BuildOptions, build } from 'esbuild';

export const UDAF_OUTFILE = 'dist/bigquery/reach-udaf.js';

export const UDAF_BUILD: BuildOptions = {
  entryPoints: ['src/reach/bigQueryUdaf.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  metafile: true,
  outfile: UDAF_OUTFILE,
};

if (process.argv[1]?.endsWith('bigQueryUdaf.ts')) {
  const result = await build(UDAF_BUILD);
  const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
  console.log(`${UDAF_OUTFILE}: ${(bytes / 1024).toFixed(1)} KB`);
}
