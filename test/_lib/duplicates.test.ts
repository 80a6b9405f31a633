import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRepeat, hashString, sortUint32 } from '../../src/_lib/duplicates.js';

/** The answer by a Set: the second occurrence of the earliest repeat. */
function naiveFirstRepeat(values: readonly string[]): number {
  const seen = new Set<string>();
  for (let index = 0; index < values.length; index += 1) {
    if (seen.has(values[index] as string)) return index;
    seen.add(values[index] as string);
  }
  return -1;
}

describe('duplicate ids', () => {
  it('sortUint32 sorts like a numeric sort and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 500 }), (list) => {
        const values = Uint32Array.from(list);
        const copy = values.slice();
        expect(Array.from(sortUint32(values))).toEqual([...list].sort((a, b) => a - b));
        expect(values).toEqual(copy);
      }),
    );
  });

  it('firstRepeat finds the earliest repeat exactly, whatever the hashes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), fc.boolean(), (values, collide) => {
        // With `collide`, every hash is the same: equal hashes alone must never count as a repeat.
        const hashes = Uint32Array.from(values, (value) => (collide ? 7 : hashString(value)));
        expect(firstRepeat(hashes, (index) => values[index] as string)).toBe(naiveFirstRepeat(values));
      }),
    );
  });

  it('hashString is a deterministic 32-bit hash that spreads close ids', () => {
    expect(hashString('s1')).toBe(hashString(`s${1}`));
    const hashes = new Set(Array.from({ length: 100_000 }, (_, index) => hashString(`s${index}`)));
    // 100,000 random 32-bit values collide about once; a weak hash of sequential ids collides far more.
    expect(hashes.size).toBeGreaterThan(99_990);
    for (const hash of [...hashes].slice(0, 100))
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
  });
});
