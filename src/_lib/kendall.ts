/**
 * Kendall's τ-b counted in O(n log n), and scipy's exact null distribution for small samples.
 *
 * @internal
 * @module
 */
import { denseRanks } from './rank.js';

/** Pair counts behind τ-b and its tie-corrected variance (scipy's names). */
export interface KendallCounts {
  /** n(n − 1)/2. */
  readonly tot: number;
  /** Discordant pairs. */
  readonly dis: number;
  /** Concordant minus discordant pairs. */
  readonly conMinusDis: number;
  /** Pairs tied in x (including those also tied in y). */
  readonly xtie: number;
  /** Pairs tied in y (including those also tied in x). */
  readonly ytie: number;
  /** Σ t(t − 1)(t − 2) and Σ t(t − 1)(2t + 5) over tie groups of x, and the same for y. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

function tieSums(ranks: Uint32Array, distinct: number): { pairs: number; t0: number; t1: number } {
  const sizes = new Uint32Array(distinct);
  for (let i = 0; i < ranks.length; i += 1) sizes[ranks[i] as number] = (sizes[ranks[i] as number] as number) + 1;
  let pairs = 0;
  let t0 = 0;
  let t1 = 0;
  for (let r = 0; r < distinct; r += 1) {
    const t = sizes[r] as number;
    if (t < 2) continue;
    pairs += (t * (t - 1)) / 2;
    t0 += t * (t - 1) * (t - 2);
    t1 += t * (t - 1) * (2 * t + 5);
  }
  return { pairs, t0, t1 };
}

/**
 * Counts concordant, discordant and tied pairs of (x, y) without comparing every pair: dense-rank
 * both (radix sort), order the pairs by (x, y) with two counting sorts, then count discordant
 * pairs with a Fenwick tree over y ranks (Knight 1966's idea; scipy uses the same tree). O(n log n).
 */
export function kendallCounts(x: Float64Array, y: Float64Array): KendallCounts {
  const n = x.length;
  const xr = denseRanks(x);
  const yr = denseRanks(y);

  // Stable counting sort by y rank, then by x rank: pairs ordered by (x, y).
  const byY = countingOrder(yr.ranks, yr.distinct, null);
  const order = countingOrder(xr.ranks, xr.distinct, byY);

  // Discordant pairs: for each pair in (x, y) order, earlier pairs with a larger y rank.
  const tree = new Int32Array(yr.distinct + 1);
  let dis = 0;
  let jointTies = 0;
  let run = 1;
  for (let k = 0; k < n; k += 1) {
    const index = order[k] as number;
    const rank = (yr.ranks[index] as number) + 1;
    let notGreater = 0;
    for (let j = rank; j > 0; j -= j & -j) notGreater += tree[j] as number;
    dis += k - notGreater;
    for (let j = rank; j <= yr.distinct; j += j & -j) tree[j] = (tree[j] as number) + 1;
    if (k > 0) {
      const previous = order[k - 1] as number;
      if (xr.ranks[previous] === xr.ranks[index] && yr.ranks[previous] === yr.ranks[index]) {
        run += 1;
      } else {
        jointTies += (run * (run - 1)) / 2;
        run = 1;
      }
    }
  }
  jointTies += (run * (run - 1)) / 2;

  const xt = tieSums(xr.ranks, xr.distinct);
  const yt = tieSums(yr.ranks, yr.distinct);
  const tot = (n * (n - 1)) / 2;
  return {
    tot,
    dis,
    conMinusDis: tot - xt.pairs - yt.pairs + jointTies - 2 * dis,
    xtie: xt.pairs,
    ytie: yt.pairs,
    x0: xt.t0,
    x1: xt.t1,
    y0: yt.t0,
    y1: yt.t1,
  };
}

/** Stable counting sort of `within` (or of 0..n−1) by `keys`. */
function countingOrder(keys: Uint32Array, distinct: number, within: Uint32Array | null): Uint32Array {
  const n = keys.length;
  const starts = new Uint32Array(distinct + 1);
  for (let i = 0; i < n; i += 1) starts[(keys[i] as number) + 1] = (starts[(keys[i] as number) + 1] as number) + 1;
  for (let r = 0; r < distinct; r += 1) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k += 1) {
    const index = within === null ? k : (within[k] as number);
    const key = keys[index] as number;
    out[starts[key] as number] = index;
    starts[key] = (starts[key] as number) + 1;
  }
  return out;
}

/**
 * The exact two-sided p-value of Kendall's τ for n untied pairs with c concordant pairs, as scipy's
 * `_kendall_p_exact` (Kendall 1970's recursion on the number of permutations with a given number of
 * inversions). O(n·c).
 */
export function kendallExactP(n: number, concordant: number): number {
  const c = Math.min(concordant, (n * (n - 1)) / 2 - concordant);
  if (n <= 2) return 1;
  if (c === 0) return n < 171 ? 2 / factorial(n) : 0;
  if (c === 1) return n < 172 ? 2 / factorial(n - 1) : 0;
  if (4 * c === n * (n - 1)) return 1;
  let counts = new Float64Array(c + 1);
  counts[0] = 1;
  counts[1] = 1;
  const scaled = n >= 171;
  for (let j = 3; j <= n; j += 1) {
    const cumulative = new Float64Array(c + 1);
    let sum = 0;
    for (let i = 0; i <= c; i += 1) {
      sum += counts[i] as number;
      cumulative[i] = scaled ? sum / j : sum;
    }
    if (j <= c) {
      const next = cumulative.slice();
      for (let i = j; i <= c; i += 1) next[i] = (cumulative[i] as number) - (cumulative[i - j] as number);
      counts = next;
    } else {
      counts = cumulative;
    }
  }
  let total = 0;
  for (let i = 0; i <= c; i += 1) total += counts[i] as number;
  const p = scaled ? total : (2 * total) / factorial(n);
  return Math.min(1, Math.max(0, p));
}

function factorial(n: number): number {
  let result = 1;
  for (let k = 2; k <= n; k += 1) result *= k;
  return result;
}
