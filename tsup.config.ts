import { defineConfig } from 'tsup';
import { MODULES, SPLIT_POINTS } from './scripts/moduleList.js';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(MODULES.map((module) => [`${module.name}/index`, `src/${module.name}/index.ts`])),
    // Split points (scripts/moduleList.ts): light functions kept out of their subpath's heavy chunk.
    ...Object.fromEntries(
      SPLIT_POINTS.map((point) => [`${point.module}/${point.file}`, `src/${point.module}/${point.file}.ts`]),
    ),
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  tsconfig: 'tsconfig.build.json',
  target: 'es2022',
  platform: 'neutral',
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: false,
  minify: false,
});
