import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isSealedResult, RESULT_KINDS, readStored, sealedKind, sealResult } from '../../src/_lib/stored.js';
import { expectError } from '../_support/expectError.js';

const Thing = z.strictObject({ schemaVersion: z.literal(2), count: z.int(), label: z.string() });
const THING = {
  name: RESULT_KINDS.runChart,
  version: 2,
  schema: Thing,
  upcast: { 1: (value: Record<string, unknown>) => ({ ...value, schemaVersion: 2, label: 'from v1' }) },
};

describe('stored results (src/_lib/stored.ts)', () => {
  it('passes its own sealed results through untouched, frozen', () => {
    const own = sealResult(
      { schemaVersion: 2 as const, count: 3, label: 'x', nested: { a: [1] } },
      RESULT_KINDS.runChart,
    );
    expect(isSealedResult(own, RESULT_KINDS.runChart)).toBe(true);
    expect(sealedKind(own)).toBe('run chart');
    expect(sealedKind({ ...own })).toBe(null);
    expect(Object.isFrozen(own.nested.a)).toBe(true);
    expect(readStored(own, THING as never, ['summary'])).toBe(own);
    // An edited copy is not its own: it is validated.
    expectError(() => readStored({ ...own, count: 'three' }, THING, ['summary']), 'INVALID_INPUT', [
      'summary',
      'count',
    ]);
  });

  it('trusts a sealed result only where its own kind is expected', () => {
    // A result of another kind, even one this library made, is validated like any other value.
    const other = sealResult({ schemaVersion: 2 as const, count: 3, label: 'x' }, RESULT_KINDS.reachSummary);
    expect(isSealedResult(other, RESULT_KINDS.runChart)).toBe(false);
    expect(readStored(other, THING, ['summary'])).toEqual({ schemaVersion: 2, count: 3, label: 'x' });
    const wrong = sealResult({ schemaVersion: 2 as const, count: 'three' }, RESULT_KINDS.reachSummary);
    expectError(() => readStored(wrong, THING, ['summary']), 'INVALID_INPUT', ['summary', 'count']);
  });

  it('upcasts known older versions and refuses newer or unknown ones', () => {
    expect(readStored({ schemaVersion: 1, count: 1 }, THING, ['s'])).toEqual({
      schemaVersion: 2,
      count: 1,
      label: 'from v1',
    });
    expectError(() => readStored({ schemaVersion: 3, count: 1, label: 'x' }, THING, ['s']), 'INCOMPATIBLE', [
      's',
      'schemaVersion',
    ]);
    expectError(() => readStored({ schemaVersion: 1, count: 1 }, { ...THING, upcast: {} }, ['s']), 'INCOMPATIBLE', [
      's',
      'schemaVersion',
    ]);
    expectError(() => readStored({ count: 1, label: 'x' }, THING, ['s']), 'INVALID_INPUT', ['s', 'schemaVersion']);
    expectError(() => readStored([], THING, ['s']), 'INVALID_INPUT', ['s']);
  });
});
