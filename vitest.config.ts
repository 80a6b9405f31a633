import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { MODULES } from './scripts/moduleList.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      ...MODULES.map((module) => ({
        find: `scaling-navigator/${module.name}`,
        replacement: src(`${module.name}/index.ts`),
      })),
      { find: /^scaling-navigator$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/buildOnce.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
