/**
 * The populations a reach breakdown reports and their counts per unit: leaf cells rolled up the
 * unit hierarchy into flat typed arrays.
 *
 * @internal
 * @module
 */
import type { ReachConfig } from './_config.js';
import type { Scopes } from './_scopes.js';
import type { ReachState } from './_state.js';

/** A population: the masks inside it. */
export interface PopulationSpec {
  readonly kind: 'everyone' | 'focal' | 'union' | 'none' | 'intersection';
  readonly id: string;
  readonly members: readonly string[];
  readonly contains: (mask: number) => boolean;
}

/** Every population a breakdown reports (members frozen: results share them), in output order: everyone, focal groups, union, none, intersections. */
export function populationSpecs(config: ReachConfig): PopulationSpec[] {
  const specs: PopulationSpec[] = [
    { kind: 'everyone', id: 'everyone', members: Object.freeze([]), contains: () => true },
  ];
  config.focalGroups.forEach((id, bit) => {
    specs.push({ kind: 'focal', id, members: Object.freeze([id]), contains: (mask) => (mask & (1 << bit)) !== 0 });
  });
  specs.push({
    kind: 'union',
    id: 'union',
    members: Object.freeze([...config.focalGroups]),
    contains: (mask) => mask !== 0,
  });
  specs.push({ kind: 'none', id: 'none', members: Object.freeze([]), contains: (mask) => mask === 0 });
  for (const spec of config.intersections) {
    specs.push({
      kind: 'intersection',
      id: spec.id,
      members: Object.freeze([...spec.members]),
      contains: (mask) => (mask & spec.mask) === spec.mask,
    });
  }
  return specs;
}

/** Counts per scope × population (`at = scope × populations + population`). */
export interface Totals {
  readonly populations: number;
  readonly bins: number;
  /** Histogram of each scope × population, `bins` entries each. */
  readonly histogram: Float64Array;
  readonly n: Float64Array;
  readonly reached: Float64Array;
  /** Sum of engagements. */
  readonly sum: Float64Array;
  readonly excluded: Float64Array;
}

/**
 * Leaf cells → leaf scope × population, then each scope into its parent (children have larger
 * indices than their parents, so one backward sweep suffices), then n, reached and the sum of
 * engagements of each scope × population from its histogram. Counts are whole numbers below 2^53,
 * so every sum is exact and independent of order.
 */
export function totalsOf(
  state: ReachState,
  scopes: Scopes,
  specs: readonly PopulationSpec[],
  depth: number,
  minEngagements: number,
): Totals {
  const bins = state.bins;
  const populations = specs.length;
  const scopeCount = scopes.ids.length;
  const maskCount = 1 << state.groupBits;
  // The populations each mask belongs to, flattened: populationList[populationStart[mask] …].
  const populationStart = new Int32Array(maskCount + 1);
  const lists: number[] = [];
  for (let mask = 0; mask < maskCount; mask += 1) {
    specs.forEach((spec, population) => {
      if (spec.contains(mask)) lists.push(population);
    });
    populationStart[mask + 1] = lists.length;
  }
  const populationList = Int32Array.from(lists);
  const block = populations * bins;
  const histogram = new Float64Array(scopeCount * block);
  const sum = new Float64Array(scopeCount * populations);
  const excluded = new Float64Array(scopeCount * populations);
  const cellHistogram = state.histogram;
  const cellLeaf = state.cellLeaf;
  const cellMask = state.cellMask;
  const cellSum = state.sum;
  const cellExcluded = state.excluded;
  const leafScope = scopes.leafScope;
  for (let cell = 0; cell < state.cells; cell += 1) {
    const scope = depth === 0 ? 0 : (leafScope[(cellLeaf[cell] as number) * depth + depth - 1] as number);
    const mask = cellMask[cell] as number;
    const from = cell * bins;
    // Engagement counts are usually small: add only up to the cell's highest non-empty bin.
    let top = bins;
    while (top > 0 && cellHistogram[from + top - 1] === 0) top -= 1;
    for (let entry = populationStart[mask] as number; entry < (populationStart[mask + 1] as number); entry += 1) {
      const at = scope * populations + (populationList[entry] as number);
      const to = at * bins;
      for (let bin = 0; bin < top; bin += 1) {
        histogram[to + bin] = (histogram[to + bin] as number) + (cellHistogram[from + bin] as number);
      }
      sum[at] = (sum[at] as number) + (cellSum[cell] as number);
      excluded[at] = (excluded[at] as number) + (cellExcluded[cell] as number);
    }
  }
  const parentOf = scopes.parent;
  for (let scope = scopeCount - 1; scope > 0; scope -= 1) {
    const parent = parentOf[scope] as number;
    for (let offset = 0; offset < block; offset += 1) {
      histogram[parent * block + offset] =
        (histogram[parent * block + offset] as number) + (histogram[scope * block + offset] as number);
    }
    for (let population = 0; population < populations; population += 1) {
      const from = scope * populations + population;
      const to = parent * populations + population;
      sum[to] = (sum[to] as number) + (sum[from] as number);
      excluded[to] = (excluded[to] as number) + (excluded[from] as number);
    }
  }
  const n = new Float64Array(scopeCount * populations);
  const reached = new Float64Array(scopeCount * populations);
  for (let at = 0; at < scopeCount * populations; at += 1) {
    let total = 0;
    let atLeast = 0;
    // The top bin's engagements are in `sum` already (it holds histogramMax or more each).
    let engaged = sum[at] as number;
    for (let bin = 0; bin < bins; bin += 1) {
      const count = histogram[at * bins + bin] as number;
      total += count;
      if (bin < bins - 1) engaged += bin * count;
      if (bin >= minEngagements) atLeast += count;
    }
    n[at] = total;
    reached[at] = atLeast;
    sum[at] = engaged;
  }
  return { populations, bins, histogram, n, reached, sum, excluded };
}
