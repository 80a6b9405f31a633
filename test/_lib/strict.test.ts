import { describe, expect, it } from 'vitest';
import { closest, keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../../src/_lib/strict.js';
import { expectError } from '../_support/expectError.js';

interface SampleOptions {
  readonly method?: string;
  readonly confidenceLevel?: number;
}
const SAMPLE_KEYS = keysOf<SampleOptions>()('method', 'confidenceLevel');

describe('strict inputs (src/_lib/strict.ts)', () => {
  it('keysOf lists every key of the type, and the compiler refuses a list that misses or invents one', () => {
    expect(SAMPLE_KEYS).toEqual(['method', 'confidenceLevel']);
    // @ts-expect-error — confidenceLevel is missing
    keysOf<SampleOptions>()('method');
    // @ts-expect-error — methd is not a key
    keysOf<SampleOptions>()('method', 'confidenceLevel', 'methd');
  });

  it('suggests the closest known key, or a hint', () => {
    expect(closest('methd', SAMPLE_KEYS)).toBe('method');
    expect(closest('Method', SAMPLE_KEYS)).toBe('method');
    expect(closest('xyzzy', SAMPLE_KEYS)).toBeUndefined();
    expectError(() => requireKnownKeys({ methd: 'kendall' }, SAMPLE_KEYS, ['options']), 'INVALID_INPUT', [
      'options',
      'methd',
    ]);
    expect(() => requireKnownKeys({ methd: 1 }, SAMPLE_KEYS, ['options'])).toThrow(/did you mean `method`/);
    expect(() =>
      requireKnownKeys({ reached: true }, new Set(['engagements']), ['rows', 3], {
        reached: 'did you mean `engagements`? a yes/no becomes 1 or 0',
      }),
    ).toThrow(/did you mean `engagements`\? a yes\/no becomes 1 or 0/);
  });

  it('reads each option exactly once into a fresh object', () => {
    let reads = 0;
    const options = {
      get method() {
        reads += 1;
        return reads === 1 ? 'kendall' : 'pearson';
      },
    };
    const read = readOptions<SampleOptions>(options, SAMPLE_KEYS, ['options']);
    expect(read).toEqual({ method: 'kendall' });
    expect(read.method).toBe('kendall');
    expect(reads).toBe(1);
    expect(readOptions<SampleOptions>(undefined, SAMPLE_KEYS, ['options'])).toEqual({});
    expectError(() => readOptions<SampleOptions>([], SAMPLE_KEYS, ['options']), 'INVALID_INPUT', ['options']);
  });

  it('refuses holes but keeps explicit null and undefined; refuses lengths past the limit first', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => requireDenseArray([1, , 3], ['x']), 'INVALID_INPUT', ['x', 1]);
    expect(() => requireDenseArray([1, null, undefined], ['x'])).not.toThrow();
    const huge = [] as unknown[];
    huge.length = 2 ** 32 - 1;
    expectError(() => requireDenseArray(huge, ['x'], 1e7), 'LIMIT_EXCEEDED', ['x']);
  });
});
