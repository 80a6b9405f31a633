import { defineConfig } from 'tsup';
import { MODULES } from './scripts/moduleList.js';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(MODULES.map((module) => [`${module.name}/index`, `src/${module.name}/index.ts`])),
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
