/**
 * parseOrThrow's messages when zod's issue path runs past the input (a transform), symbol keys, an
 * error without issues, and the document walk beside objects it leaves to zod or an inherited key.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { parseOrThrow, toScalingNavigatorError } from '../../src/_lib/parse.js';
import { expectError } from '../_support/expectError.js';

/** [1, <hole>, 3]. */
const holey = (): number[] => {
  const array = new Array<number>(3);
  array[0] = 1;
  array[2] = 3;
  return array;
};

const thrown = (run: () => unknown): { path: unknown; message: string } => {
  try {
    run();
  } catch (error) {
    return error as { path: unknown; message: string };
  }
  throw new Error('expected an error');
};

describe('parseOrThrow: issues about values the input does not hold', () => {
  it('a path through a non-object of the input reads as nothing', () => {
    const schema = z.pipe(
      z.transform((): unknown => ({ a: { b: 'x' } })),
      z.object({ a: z.object({ b: z.number() }) }),
    );
    const error = thrown(() => parseOrThrow(schema, 5, ['v']));
    expect(error.path).toEqual(['v', 'a', 'b']);
    expect(error.message).toBe('v.a.b: expected a number, got nothing');
  });

  it('a whole number expected where the input holds a string', () => {
    // The issue comes from the transformed value (1.5); the input at that path is a string.
    const schema = z.pipe(
      z.transform((): unknown => ({ a: 1.5 })),
      z.object({ a: z.int() }),
    );
    const error = thrown(() => parseOrThrow(schema, { a: 'x' }, []));
    expect(error.path).toEqual(['a']);
    expect(error.message).toBe('a: expected a whole number, got string');
  });

  it('a symbol key is written as its description', () => {
    const key = Symbol('k');
    const error = thrown(() => parseOrThrow(z.record(z.symbol(), z.number()), { [key]: 'x' }, []));
    expect(error.path).toEqual(['Symbol(k)']);
  });

  it('a zod error without issues is INVALID_INPUT at the prefix', () => {
    const error = toScalingNavigatorError(new z.core.$ZodError([]), ['doc'], {});
    expect(error).toMatchObject({ code: 'INVALID_INPUT', path: ['doc'], message: 'doc: invalid input' });
  });
});

describe('parseOrThrow: locating a problem', () => {
  it('walks past objects it leaves to zod and past −0, to the hole', () => {
    // Last key first: the Map is visited (and left to zod) before the array with the hole.
    expectError(() => parseOrThrow(z.unknown(), { b: [-0, holey()], a: -0, m: new Map() }, ['d']), 'INVALID_INPUT', [
      'd',
      'b',
      1,
      1,
    ]);
  });

  it('an enumerable key inherited from Object.prototype is not part of the document', () => {
    const proto = Object.prototype as Record<string, unknown>;
    // A polluted prototype holding a hole-y array: were it walked, every parse would fail.
    proto.polluted = holey();
    try {
      expect(parseOrThrow(z.object({ a: z.number() }), { a: -0 }, [])).toEqual({ a: 0 });
    } finally {
      delete proto.polluted;
    }
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});
