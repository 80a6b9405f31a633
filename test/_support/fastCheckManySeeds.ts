/**
 * `npm run test:many-seeds`: with `FC_RUNS_FACTOR=<k>` set, vitest.config.ts resolves `fast-check`
 * to this module, which is fast-check itself except that `fc.assert` and `fc.check` run every
 * property k times as often — `numRuns` given to the call (or fast-check's default of 100) times k.
 * Each run draws a fresh seed, as usual; a failure still prints its replay command
 * (test/setup/fastCheck.ts). Without the variable nothing is aliased and tests use fast-check as is.
 */
// The real package by path: the bare specifier `fast-check` is the alias that leads here.
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

/** The multiplier read from `FC_RUNS_FACTOR` (a positive integer; anything else is refused loudly). */
export const runsFactor: number = (() => {
  const raw = process.env.FC_RUNS_FACTOR ?? '1';
  const factor = Number(raw);
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`FC_RUNS_FACTOR must be a positive integer, got ${raw}`);
  return factor;
})();

type Parameters<T> = import('fast-check').Parameters<T>;

function scaled<T>(params: Parameters<T> | undefined): Parameters<T> {
  const base = params?.numRuns ?? real.readConfigureGlobal().numRuns ?? 100;
  return { ...params, numRuns: base * runsFactor };
}

export const assert = ((property: never, params?: Parameters<never>) =>
  real.assert(property, scaled(params))) as unknown as typeof real.assert;

export const check = ((property: never, params?: Parameters<never>) =>
  real.check(property, scaled(params))) as unknown as typeof real.check;

/** The default export tests use (`import fc from 'fast-check'`), with the two runners replaced. */
const fc: typeof real.default = { ...real.default, assert, check };
export default fc;
