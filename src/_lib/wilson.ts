/**
 * The Wilson score interval (Wilson 1927) — one formula for `stats.proportionInterval` and the reach
 * summary, which computes the critical value once and calls this for thousands of cells.
 *
 * @internal
 * @module
 */

/** Scratch for {@link wilsonBounds} (single-threaded; never escapes). */
const scratch = new Float64Array(2);

/**
 * `[lower, upper]` for `count` of `total` (> 0) at critical value `z`; exactly 0 at no successes
 * and exactly 1 at all of them.
 */
export function wilsonBounds(count: number, total: number, z: number): [number, number] {
  wilsonInto(count, total, z, scratch);
  return [scratch[0] as number, scratch[1] as number];
}

/**
 * The same bounds written into `out[0]` and `out[1]`, allocating nothing (the reach summary needs
 * them for tens of thousands of comparison groups and keeps none of them).
 */
export function wilsonInto(count: number, total: number, z: number, out: Float64Array): void {
  const p = count / total;
  const z2n = (z * z) / total;
  const denominator = 1 + z2n;
  const center = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2n / (4 * total))) / denominator;
  out[0] = count === 0 ? 0 : Math.max(0, center - half);
  out[1] = count === total ? 1 : Math.min(1, center + half);
}
