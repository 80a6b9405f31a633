/**
 * Builds the BigQuery JavaScript aggregate function (src/reach/bigQueryUdaf.ts) into minified,
 * dependency-free library files for `OPTIONS (library = ['gs://…'])` (BigQuery's limit for a
 * library file: 1 MB):
 *
 * - `dist/bigquery/reach-udaf.js` — ESM, exporting initialState / aggregate / merge / finalize /
 *   serialize / deserialize;
 * - `dist/bigquery/reach-udaf.global.js` — the same as a classic script that defines one global,
 *   `scalingNavigatorReach`, for a function body that calls it (how BigQuery loads classic
 *   JavaScript UDF libraries: their top-level code runs before the function body).
 *
 * Run after tsup (which cleans dist/): `npm run build` does both.
 */
import { type BuildOptions, build } from 'esbuild';

export const UDAF_OUTFILE = 'dist/bigquery/reach-udaf.js';
export const UDAF_GLOBAL_OUTFILE = 'dist/bigquery/reach-udaf.global.js';

const common: BuildOptions = {
  entryPoints: ['src/reach/bigQueryUdaf.ts'],
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  metafile: true,
};

export const UDAF_BUILD: BuildOptions = { ...common, format: 'esm', outfile: UDAF_OUTFILE };
export const UDAF_GLOBAL_BUILD: BuildOptions = {
  ...common,
  format: 'iife',
  globalName: 'scalingNavigatorReach',
  outfile: UDAF_GLOBAL_OUTFILE,
};

if (process.argv[1]?.endsWith('bigQueryUdaf.ts')) {
  for (const options of [UDAF_BUILD, UDAF_GLOBAL_BUILD]) {
    const result = await build(options);
    const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
    console.log(`${options.outfile}: ${(bytes / 1024).toFixed(1)} KB`);
  }
}
