import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../scripts/moduleList.js';
import * as root from '../../src/index.js';
import { type ExampleRuntime, markdownExamples, runExample, scanSource } from '../_support/docExamples.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const loaded: Record<string, Record<string, unknown>> = { 'scaling-navigator': root };
for (const module of MODULES) {
  loaded[`scaling-navigator/${module.name}`] = await import(`../../src/${module.name}/index.ts`);
}

const runtime: ExampleRuntime = {
  module(specifier) {
    const found = loaded[specifier];
    if (!found) throw new Error(`example imports unknown module ${specifier}`);
    return found;
  },
  expect(actual, expected) {
    expect(actual).toEqual(expected);
  },
  close(actual, expected) {
    expect(typeof actual).toBe('number');
    expect(actual as number).toBeCloseTo(expected as number, 12);
  },
  throws(run, code, path) {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught, 'expected the example to throw').toBeDefined();
    expect(caught).toMatchObject({ name: 'ScalingNavigatorError', code, ...(path === undefined ? {} : { path }) });
  },
};

const { documented, examples } = scanSource(projectRoot, `${projectRoot}src`);

describe('TSDoc @example blocks run and their //=> results hold', () => {
  it.each(examples.map((example) => [example.where, example] as const))('%s', async (_where, example) => {
    await runExample(example, runtime);
  });
});

describe('README examples run', () => {
  it.each(markdownExamples(`${projectRoot}README.md`, 'README').map((example) => [example.where, example] as const))(
    '%s',
    async (_where, example) => {
      await runExample(example, runtime);
    },
  );
});

describe('every runtime export has TSDoc with an @example', () => {
  const withExample = new Set(documented.filter((entry) => entry.hasExample).map((entry) => entry.name));
  for (const [specifier, namespace] of Object.entries(loaded)) {
    it(specifier, () => {
      const missing = Object.keys(namespace).filter((name) => !withExample.has(name));
      expect(missing).toEqual([]);
    });
  }
});
