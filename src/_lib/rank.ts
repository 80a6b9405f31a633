/**
 * Sorting and ranking without comparator callbacks, for the O(n log n) rank statistics.
 *
 * `sortOrder` is a stable least-significant-digit radix sort on the IEEE-754 bit patterns of the
 * values (16-bit digits, skipping digits every key shares), so ranking a million values costs a
 * few linear passes instead of a `sort((a, b) => …)` whose callback dominates the time
 * (shared/TOOLCHAIN.md). No library on npm offers a stable argsort of a Float64Array.
 *
 * @internal
 * @module
 */

const SMALL = 64;
const SIGN = 0x80000000;

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/** Indices of `values` in ascending order; ties keep their input order. `values` has no NaN. */
export function sortOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (n < SMALL) {
    // Insertion sort: stable, and faster than any setup for a handful of values.
    for (let i = 1; i < n; i += 1) {
      const index = order[i] as number;
      const value = values[index] as number;
      let j = i - 1;
      while (j >= 0 && (values[order[j] as number] as number) > value) {
        order[j + 1] = order[j] as number;
        j -= 1;
      }
      order[j + 1] = index;
    }
    return order;
  }

  // Keys: the bit pattern made order-preserving as an unsigned 64-bit integer (hi, lo).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const [loWord, hiWord] = isLittleEndian() ? [0, 1] : [1, 0];
  let keyLo = new Uint32Array(n);
  let keyHi = new Uint32Array(n);
  const counts = new Uint32Array(4 * 65_536);
  for (let i = 0; i < n; i += 1) {
    let hi = words[2 * i + hiWord] as number;
    let lo = words[2 * i + loWord] as number;
    if (hi & SIGN) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | SIGN) >>> 0;
    }
    keyLo[i] = lo;
    keyHi[i] = hi;
    counts[lo & 0xffff] = (counts[lo & 0xffff] as number) + 1;
    counts[65_536 + (lo >>> 16)] = (counts[65_536 + (lo >>> 16)] as number) + 1;
    counts[131_072 + (hi & 0xffff)] = (counts[131_072 + (hi & 0xffff)] as number) + 1;
    counts[196_608 + (hi >>> 16)] = (counts[196_608 + (hi >>> 16)] as number) + 1;
  }

  let nextOrder = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  for (let digit = 0; digit < 4; digit += 1) {
    const base = digit * 65_536;
    const shift = digit % 2 === 0 ? 0 : 16;
    const useHi = digit >= 2;
    // Skip a digit that every key shares: the pass would not move anything.
    const firstKey = useHi ? (keyHi[0] as number) : (keyLo[0] as number);
    if (counts[base + ((firstKey >>> shift) & 0xffff)] === n) continue;
    let sum = 0;
    for (let bucket = 0; bucket < 65_536; bucket += 1) {
      const count = counts[base + bucket] as number;
      counts[base + bucket] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i += 1) {
      const key = useHi ? (keyHi[i] as number) : (keyLo[i] as number);
      const bucket = base + ((key >>> shift) & 0xffff);
      const to = counts[bucket] as number;
      counts[bucket] = to + 1;
      nextOrder[to] = order[i] as number;
      nextLo[to] = keyLo[i] as number;
      nextHi[to] = keyHi[i] as number;
    }
    [order, nextOrder] = [nextOrder, order];
    [keyLo, nextLo] = [nextLo, keyLo];
    [keyHi, nextHi] = [nextHi, keyHi];
  }
  return order;
}

/** 1-based ranks with ties sharing their average rank (R's `rank`, scipy's `rankdata`). */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = sortOrder(values);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < n && values[order[end] as number] === value) end += 1;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k += 1) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Sorts Float64 values ascending in place (−0 and +0 count as equal; no NaN) by an LSD radix sort with 11-bit
 * digits, skipping digits every value shares — for the many mid-sized runs of Kendall's tie
 * handling, where `TypedArray#sort` costs several times more. Insertion sort below 64 values.
 */
export function sortValues(values: Float64Array): void {
  const n = values.length;
  if (n < SMALL) {
    for (let i = 1; i < n; i += 1) {
      const value = values[i] as number;
      let j = i - 1;
      while (j >= 0 && (values[j] as number) > value) {
        values[j + 1] = values[j] as number;
        j -= 1;
      }
      values[j + 1] = value;
    }
    return;
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const [loWord, hiWord] = isLittleEndian() ? [0, 1] : [1, 0];
  let keyLo = new Uint32Array(n);
  let keyHi = new Uint32Array(n);
  const counts = new Uint32Array(6 * 2048);
  for (let i = 0; i < n; i += 1) {
    let hi = words[2 * i + hiWord] as number;
    let lo = words[2 * i + loWord] as number;
    if (hi & SIGN) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | SIGN) >>> 0;
    }
    keyLo[i] = lo;
    keyHi[i] = hi;
    counts[lo & 2047] = (counts[lo & 2047] as number) + 1;
    const d1 = 2048 + ((lo >>> 11) & 2047);
    counts[d1] = (counts[d1] as number) + 1;
    const d2 = 4096 + (((lo >>> 22) | (hi << 10)) & 2047);
    counts[d2] = (counts[d2] as number) + 1;
    const d3 = 6144 + ((hi >>> 1) & 2047);
    counts[d3] = (counts[d3] as number) + 1;
    const d4 = 8192 + ((hi >>> 12) & 2047);
    counts[d4] = (counts[d4] as number) + 1;
    const d5 = 10240 + (hi >>> 23);
    counts[d5] = (counts[d5] as number) + 1;
  }
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  for (let digit = 0; digit < 6; digit += 1) {
    const base = digit * 2048;
    if (counts[base + digitOf(digit, keyLo[0] as number, keyHi[0] as number)] === n) continue;
    let sum = 0;
    for (let bucket = 0; bucket < 2048; bucket += 1) {
      const count = counts[base + bucket] as number;
      counts[base + bucket] = sum;
      sum += count;
    }
    // The digit's bits: [11·digit, 11·digit + 11) of the key (hi:lo); digit 2 spans both words.
    const fromHi = digit >= 3;
    const spans = digit === 2;
    const shift = fromHi ? 11 * digit - 32 : 11 * digit;
    for (let i = 0; i < n; i += 1) {
      const lo = keyLo[i] as number;
      const hi = keyHi[i] as number;
      const part = spans ? (lo >>> 22) | (hi << 10) : fromHi ? hi >>> shift : lo >>> shift;
      const bucket = base + (part & 2047);
      const to = counts[bucket] as number;
      counts[bucket] = to + 1;
      nextLo[to] = lo;
      nextHi[to] = hi;
    }
    [keyLo, nextLo] = [nextLo, keyLo];
    [keyHi, nextHi] = [nextHi, keyHi];
  }
  for (let i = 0; i < n; i += 1) {
    let hi = keyHi[i] as number;
    let lo = keyLo[i] as number;
    if (hi & SIGN) {
      hi = (hi & ~SIGN) >>> 0;
    } else {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    }
    words[2 * i + hiWord] = hi;
    words[2 * i + loWord] = lo;
  }
}

/** The 11-bit digit `digit` (0 = least significant) of the 64-bit key (hi, lo). */
function digitOf(digit: number, lo: number, hi: number): number {
  switch (digit) {
    case 0:
      return lo & 2047;
    case 1:
      return (lo >>> 11) & 2047;
    case 2:
      return ((lo >>> 22) | (hi << 10)) & 2047;
    case 3:
      return (hi >>> 1) & 2047;
    case 4:
      return (hi >>> 12) & 2047;
    default:
      return hi >>> 23;
  }
}
