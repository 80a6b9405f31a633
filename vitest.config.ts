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
    // SKIP_BUILD=1 skips building and packing dist/ for a quick run of source tests (the dist tests then fail).
    globalSetup: process.env.SKIP_BUILD ? [] : ['test/setup/buildOnce.ts'],
    setupFiles: ['test/setup/fastCheck.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
