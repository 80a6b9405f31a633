/** The doc-example runner itself: a wrong `//=>` must fail, wherever it is written. */
import { describe, expect, it } from 'vitest';
import { type ExampleRuntime, runExample } from '../_support/docExamples.js';

const runtime: ExampleRuntime = {
  module: () => ({ double: (value: number) => 2 * value, pair: (a: number, b: number) => ({ a, b }) }),
  expect: (actual, expected) => expect(actual).toEqual(expected),
  close: (actual, expected) => expect(actual as number).toBeCloseTo(expected as number, 12),
  throws: (run, code, path) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code, ...(path === undefined ? {} : { path }) });
  },
};
const run = (code: string) => runExample({ where: 'test', code }, runtime);

describe('doc-example runner', () => {
  it('checks `//=>` at the end of a line', async () => {
    await run("import { double } from 'x';\ndouble(2) //=> 4");
    await expect(run("import { double } from 'x';\ndouble(2) //=> 5")).rejects.toThrow();
  });

  it('checks `//=>` on a line of its own against the expression above, even across lines', async () => {
    await run("import { pair } from 'x';\npair(\n  1,\n  2,\n)\n//=> { a: 1, b: 2 }");
    await expect(run("import { pair } from 'x';\npair(\n  1,\n  2,\n)\n//=> { a: 1, b: 3 }")).rejects.toThrow();
    await expect(run("import { double } from 'x';\nconst four = double(2);\nfour\n//=> 5")).rejects.toThrow();
  });

  it('checks `//≈` to 12 digits', async () => {
    await run("import { double } from 'x';\ndouble(0.1) //≈ 0.2");
    await expect(run("import { double } from 'x';\ndouble(0.1) //≈ 0.21")).rejects.toThrow();
  });

  it('checks `//=> throws CODE at [path]` against the code and the path', async () => {
    const fail = (path: (string | number)[]) => {
      throw Object.assign(new Error('x'), { code: 'INVALID_INPUT', path });
    };
    const runtimeWithFail: ExampleRuntime = { ...runtime, module: () => ({ fail }) };
    const runFail = (code: string) => runExample({ where: 'test', code }, runtimeWithFail);
    await runFail("import { fail } from 'x';\nfail(['a', 1]) //=> throws INVALID_INPUT at ['a', 1]");
    await runFail("import { fail } from 'x';\nfail(['a', 1]) //=> throws INVALID_INPUT");
    await expect(
      runFail("import { fail } from 'x';\nfail(['a', 1]) //=> throws INVALID_INPUT at ['a', 2]"),
    ).rejects.toThrow();
    await expect(runFail("import { fail } from 'x';\nfail(['a', 1]) //=> throws LIMIT_EXCEEDED")).rejects.toThrow();
  });
});
