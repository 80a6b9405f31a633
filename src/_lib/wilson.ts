/**
 * The Wilson score interval (Wilson 1927) — one formula for `stats.proportionInterval` and the reach
 * summary, which computes the critical value once and calls this for thousands of cells.
 *
 * @internal
 * @module
 */

/**
 * `[lower, upper]` for `count` of `total` (> 0) at critical value `z`; exactly 0 at no successes
 * and exactly 1 at all of them.
 */
export function wilsonBounds(count: number, total: number, z: number): [number, number] {
  const p = count / total;
  const z2n = (z * z) / total;
  const denominator = 1 + z2n;
  const center = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2n / (4 * total))) / denominator;
  const lower = count === 0 ? 0 : Math.max(0, center - half);
  const upper = count === total ? 1 : Math.min(1, center + half);
  return [lower, upper];
}
