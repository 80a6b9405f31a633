/** parseOrThrow / schemaParsers: the document scan (depth, length, holes, −0, undefined keys) and issue paths. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { parseOrThrow, schemaParsers } from '../../src/_lib/parse.js';
import { expectError } from '../_support/expectError.js';

describe('parseOrThrow', () => {
  it('nesting past 200 levels is INVALID_INPUT at the node too deep', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 202; level += 1) deep = [deep];
    const path = Array.from({ length: 201 }, () => 0);
    expectError(() => parseOrThrow(z.unknown(), deep, ['doc']), 'INVALID_INPUT', ['doc', ...path]);
  });
  it('an array past 10⁷ entries is LIMIT_EXCEEDED before any entry is read', () => {
    expectError(() => parseOrThrow(z.unknown(), { rows: new Array(10_000_001) }, []), 'LIMIT_EXCEEDED', ['rows']);
  });
  it('a hole is INVALID_INPUT at its index', () => {
    const holey = new Array<number>(3);
    holey[0] = 1;
    holey[2] = 3;
    expectError(() => parseOrThrow(z.array(z.number()), holey, ['xs']), 'INVALID_INPUT', ['xs', 1]);
  });
  it('−0 is written as 0 and keys set to undefined are left out', () => {
    const schema = z.object({ a: z.number(), b: z.optional(z.number()), c: z.array(z.number()) });
    const parsed = parseOrThrow(schema, { a: -0, b: undefined, c: [-0, 2] }, []);
    expect(Object.is(parsed.a, 0)).toBe(true);
    expect(Object.is(parsed.c[0], 0)).toBe(true);
    expect(Object.keys(parsed)).toEqual(['a', 'c']);
  });
  it('objects that are not plain are left to zod', () => {
    expect(parseOrThrow(z.date(), new Date(0), [])).toEqual(new Date(0));
    expectError(() => parseOrThrow(z.object({ a: z.number() }), new Map(), ['m']), 'INVALID_INPUT', ['m', 'a']);
  });
  it('an unknown key is reported at the key itself; a nested type error at its path', () => {
    expectError(() => parseOrThrow(z.strictObject({ a: z.number() }), { a: 1, zz: 2 }, ['p']), 'INVALID_INPUT', [
      'p',
      'zz',
    ]);
    expectError(() => parseOrThrow(z.object({ a: z.object({ b: z.int() }) }), { a: { b: 1.5 } }, []), 'INVALID_INPUT', [
      'a',
      'b',
    ]);
  });
});

describe('parseOrThrow: each kind of issue at its path', () => {
  it('a whole number given a string, a pattern not matched, a number not a multiple', () => {
    expectError(() => parseOrThrow(z.object({ a: z.int() }), { a: 'x' }, []), 'INVALID_INPUT', ['a']);
    expectError(
      () => parseOrThrow(z.object({ s: z.string().check(z.regex(/^a+$/)) }), { s: 'b' }, ['d']),
      'INVALID_INPUT',
      ['d', 's'],
    );
    expectError(() => parseOrThrow(z.object({ n: z.number().check(z.multipleOf(2)) }), { n: 3 }, []), 'INVALID_INPUT', [
      'n',
    ]);
    expectError(
      () => parseOrThrow(z.object({ n: z.number().check(z.multipleOf(1)) }), { n: 1.5 }, []),
      'INVALID_INPUT',
      ['n'],
    );
  });
});

describe('schemaParsers', () => {
  const { parse, safeParse } = schemaParsers(z.object({ n: z.number() }));
  it('safeParse returns the error parse throws', () => {
    expect(parse({ n: 2 })).toEqual({ n: 2 });
    expect(safeParse({ n: 2 })).toEqual({ success: true, data: { n: 2 } });
    const failed = safeParse({ n: 'x' });
    expect(failed.success).toBe(false);
    expect(failed.success ? null : failed.error).toMatchObject({ code: 'INVALID_INPUT', path: ['n'] });
  });
  it('an error other than a ScalingNavigatorError passes through safeParse', () => {
    const throwing = schemaParsers(
      z.unknown().check(
        z.refine(() => {
          throw new RangeError('boom');
        }),
      ),
    );
    expect(() => throwing.safeParse(1)).toThrow(RangeError);
  });
});
