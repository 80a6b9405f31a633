import { describe, expect, it } from 'vitest';
import { firstRepeat } from '../../src/_lib/duplicates.js';

describe('firstRepeat with hand-picked hashes', () => {
  it('passes the filter with a hash that is not repeated (same top 20 bits) and still finds the true repeat', () => {
    // Hashes need only agree for equal values. 0x5000 and 0x9000 each occur more than once (the repeated
    // list, ascending); 0x5001 differs from 0x5000 only in its low 12 bits, so it passes the 2^20-bit filter
    // but is not in the list (the binary search ends below its middle). 'p'/'q' and 't'/'s' share hashes
    // without being equal; the only true repeat is 's' at index 5.
    const values = ['p', 'q', 'r', 's', 't', 's'];
    const hashes = Uint32Array.from([0x5000, 0x5000, 0x5001, 0x9000, 0x9000, 0x9000]);
    expect(firstRepeat(hashes, (index) => values[index] as string)).toBe(5);
    expect(firstRepeat(hashes.subarray(0, 5), (index) => values[index] as string)).toBe(-1);
  });
});
