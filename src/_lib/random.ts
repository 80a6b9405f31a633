/**
 * The library's one seeded pseudo-random generator: xoshiro128** 1.0 (Blackman & Vigna, 2018,
 * public domain), its 128-bit state filled from the caller's seed by SplitMix64 as the authors
 * recommend. 32-bit arithmetic only after seeding, so every runtime gives the same stream for the
 * same seed; tested against the authors' C reference (test/fixtures/gen/xoshiro128ss.c).
 *
 * @internal
 * @module
 */
import { invalid } from './errors.js';
import { describeValue } from './validate.js';

const MASK64 = (1n << 64n) - 1n;

function splitMix64(state: bigint): { next: bigint; output: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { next, output: z ^ (z >> 31n) };
}

/** A seeded stream of numbers. */
export interface RandomSource {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** The next double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** The seed the stream started from. */
  readonly seed: number;
}

/**
 * A xoshiro128** stream for a seed (a whole number in [0, 2⁵³ − 1]).
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for a seed that is not a safe non-negative integer.
 */
export function createRandom(seed: number, path: readonly (string | number)[] = ['seed']): RandomSource {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    invalid(path, `a seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(seed)}`);
  }
  const first = splitMix64(BigInt(seed));
  const second = splitMix64(first.next);
  let s0 = Number(first.output & 0xffffffffn);
  let s1 = Number(first.output >> 32n);
  let s2 = Number(second.output & 0xffffffffn);
  let s3 = Number(second.output >> 32n);

  const nextUint32 = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  return {
    seed: seed + 0, // −0 as 0
    nextUint32,
    nextFloat(): number {
      const high = nextUint32() >>> 5;
      const low = nextUint32() >>> 6;
      return (high * 67_108_864 + low) / 9_007_199_254_740_992;
    },
  };
}
