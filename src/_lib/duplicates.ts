/**
 * Duplicate detection for millions of string ids without a `Set` of them all. A `Set<string>` of
 * 6,000,000 ids costs ≈ 300 ns per id (its hash table outgrows every cache and is rebuilt as it
 * grows); here each id is hashed once into a `Uint32Array` during the pass that reads it, the
 * hashes are radix-sorted (two linear passes), and only ids whose hash occurs more than once are
 * compared as strings — so the answer is exact, and hash collisions only cost a comparison.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from './errors.js';

/** A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then the murmur3 finalizer. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Sorts unsigned 32-bit values ascending into a new array (LSD radix sort, digits of 11, 11, 10 bits). */
export function sortUint32(values: Uint32Array): Uint32Array {
  const length = values.length;
  const counts = new Uint32Array(3 << 11);
  for (let index = 0; index < length; index += 1) {
    const value = values[index] as number;
    counts[value & 0x7ff] = (counts[value & 0x7ff] as number) + 1;
    counts[2048 + ((value >>> 11) & 0x7ff)] = (counts[2048 + ((value >>> 11) & 0x7ff)] as number) + 1;
    counts[4096 + (value >>> 22)] = (counts[4096 + (value >>> 22)] as number) + 1;
  }
  for (let digit = 0; digit < 3; digit += 1) {
    let next = 0;
    for (let bucket = digit << 11; bucket < (digit + 1) << 11; bucket += 1) {
      const count = counts[bucket] as number;
      counts[bucket] = next;
      next += count;
    }
  }
  const first = new Uint32Array(length);
  const second = new Uint32Array(length);
  scatter(values, first, counts, 0);
  scatter(first, second, counts, 1);
  scatter(second, first, counts, 2);
  return first;
}

/** One radix pass: `from` into `to` by digit `digit`, advancing that digit's bucket starts. */
function scatter(from: Uint32Array, to: Uint32Array, counts: Uint32Array, digit: number): void {
  const shift = digit * 11;
  const base = digit << 11;
  for (let index = 0; index < from.length; index += 1) {
    const value = from[index] as number;
    const bucket = base + ((value >>> shift) & 0x7ff);
    const at = counts[bucket] as number;
    to[at] = value;
    counts[bucket] = at + 1;
  }
}

/**
 * The first index whose value repeats an earlier one (the second occurrence of the earliest
 * repeat, in index order), or −1 when all values differ. `hashes[i]` must be
 * `hashString(valueAt(i))`.
 */
export function firstRepeat(hashes: Uint32Array, valueAt: (index: number) => string): number {
  const sorted = sortUint32(hashes);
  // Hash values that occur more than once, ascending, and a 2^20-bit filter of their top bits so
  // that most ids are ruled out by one bit test.
  const repeated: number[] = [];
  const filter = new Uint32Array(1 << 15);
  for (let index = 1; index < sorted.length; index += 1) {
    const hash = sorted[index] as number;
    if (hash === sorted[index - 1] && hash !== repeated[repeated.length - 1]) {
      repeated.push(hash);
      filter[hash >>> 17] = (filter[hash >>> 17] as number) | (1 << ((hash >>> 12) & 31));
    }
  }
  if (repeated.length === 0) return -1;
  const seen = new Set<string>();
  for (let index = 0; index < hashes.length; index += 1) {
    const hash = hashes[index] as number;
    if (((filter[hash >>> 17] as number) & (1 << ((hash >>> 12) & 31))) === 0) continue;
    if (!containsSorted(repeated, hash)) continue;
    const value = valueAt(index);
    if (seen.has(value)) return index;
    seen.add(value);
  }
  return -1;
}

function containsSorted(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = list[middle] as number;
    if (entry === value) return true;
    if (entry < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Throws at the second occurrence of the earliest repeated id (the bulk counterpart of
 * `requireUniqueId`, with its message). `hashes[i]` must be `hashString(idAt(i))`.
 */
export function requireDistinctIds(
  hashes: Uint32Array,
  idAt: (index: number) => string,
  pathOf: (index: number) => ErrorPath,
): void {
  const repeat = firstRepeat(hashes, idAt);
  if (repeat >= 0) invalid(pathOf(repeat), `duplicate id ${JSON.stringify(idAt(repeat))}; each id must be unique`);
}
