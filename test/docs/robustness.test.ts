/**
 * Garbage in, a clear error out: every exported function of every module, called with arbitrary
 * values, either returns or throws a ScalingNavigatorError — never a TypeError from deep inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../scripts/moduleList.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';

const namespaces: [string, Record<string, unknown>][] = [];
for (const module of MODULES) {
  namespaces.push([module.name, (await import(`../../src/${module.name}/index.ts`)) as Record<string, unknown>]);
}

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));

describe('every exported function rejects garbage with a ScalingNavigatorError', () => {
  for (const [name, namespace] of namespaces) {
    const functions = Object.entries(namespace).filter(([, value]) => typeof value === 'function' && !isClass(value));
    it.each(functions.map(([fnName, fn]) => [`${name}.${fnName}`, fn] as const))('%s', (_label, fn) => {
      fc.assert(
        fc.property(fc.array(fc.anything(), { maxLength: 3 }), (args) => {
          try {
            (fn as (...values: unknown[]) => unknown)(...args);
          } catch (error) {
            expect(isScalingNavigatorError(error), String(error)).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('values whose toString is not a function (fast-check found one) give a ScalingNavigatorError too', () => {
  const evil = Object.freeze({ toString: 1, valueOf: 2 });
  const argumentLists: unknown[][] = [
    [evil],
    [evil, evil],
    [[evil]],
    [{ id: evil }],
    [
      [1, 2, 3],
      [evil, 1, 2],
    ],
  ];
  for (const [name, namespace] of namespaces) {
    const functions = Object.entries(namespace).filter(([, value]) => typeof value === 'function' && !isClass(value));
    it.each(functions.map(([fnName, fn]) => [`${name}.${fnName}`, fn] as const))('%s', (_label, fn) => {
      for (const args of argumentLists) {
        try {
          (fn as (...values: unknown[]) => unknown)(...args);
        } catch (error) {
          expect(isScalingNavigatorError(error), `${String(error)} for ${JSON.stringify(args)}`).toBe(true);
        }
      }
    });
  }
});
