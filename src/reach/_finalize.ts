/**
 * From accumulator cells to a {@link ReachSummary}: roll leaf cells up the unit hierarchy, then
 * derive every population's counts, rates, intervals, gaps and ratios.
 *
 * @internal
 * @module
 */

import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { wilsonBounds, wilsonInto } from '../_lib/wilson.js';
import type { ReachConfig, ReachState } from './_state.js';
import type {
  ReachBreakdown,
  ReachGroupStats,
  ReachNoteCode,
  ReachStats,
  ReachSummary,
  ReachUnitSummary,
} from './ReachSummary.js';

/** Escapes a unit code for use inside a composite unit id. */
export function escapeCode(code: string): string {
  return code.replaceAll('%', '%25').replaceAll('/', '%2F');
}

/** A population: the masks inside it. */
export interface PopulationSpec {
  readonly kind: 'everyone' | 'focal' | 'union' | 'none' | 'intersection';
  readonly id: string;
  readonly members: readonly string[];
  readonly contains: (mask: number) => boolean;
}

/** Every population a breakdown reports, in output order: everyone, focal groups, union, none, intersections. */
export function populationSpecs(config: ReachConfig): PopulationSpec[] {
  const specs: PopulationSpec[] = [{ kind: 'everyone', id: 'everyone', members: [], contains: () => true }];
  config.focalGroups.forEach((id, bit) => {
    specs.push({ kind: 'focal', id, members: [id], contains: (mask) => (mask & (1 << bit)) !== 0 });
  });
  specs.push({ kind: 'union', id: 'union', members: [...config.focalGroups], contains: (mask) => mask !== 0 });
  specs.push({ kind: 'none', id: 'none', members: [], contains: (mask) => mask === 0 });
  for (const spec of config.intersections) {
    specs.push({
      kind: 'intersection',
      id: spec.id,
      members: spec.members,
      contains: (mask) => (mask & spec.mask) === spec.mask,
    });
  }
  return specs;
}

/** The notes of a group with nothing to say (shared; results are never mutated). */
const NO_NOTES: readonly Note<ReachNoteCode>[] = Object.freeze([]);

/** Appends a note to a lazily created list. */
function withNote(notes: Note<ReachNoteCode>[] | null, entry: Note<ReachNoteCode>): Note<ReachNoteCode>[] {
  const list = notes ?? [];
  list.push(entry);
  return list;
}

/**
 * Newcombe's (1998, method 10) hybrid score interval for p1 − p2 from the two Wilson intervals
 * (`lower2`, `upper2` bound p2).
 */
export function newcombe(
  p1: number,
  ci1: readonly [number, number],
  p2: number,
  lower2: number,
  upper2: number,
): [number, number] {
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - ci1[0]) ** 2 + (upper2 - p2) ** 2);
  const upper = d + Math.sqrt((ci1[1] - p1) ** 2 + (p2 - lower2) ** 2);
  return [Math.max(-1, lower), Math.min(1, upper)];
}

/** The units of a state: one scope per unit (index 0 is everyone), parents before children. */
interface Scopes {
  /** Unit id per scope (null for the whole roster). */
  readonly ids: (string | null)[];
  /** Parent scope per scope (−1 for the whole roster). */
  readonly parent: Int32Array;
  /** Level index per scope (−1 for the whole roster). */
  readonly level: Int32Array;
  /** Unit path per scope (empty for the whole roster). */
  readonly paths: string[][];
  /** Scope of each leaf at each level: `leafScope[leaf * depth + level]`. */
  readonly leafScope: Int32Array;
}

/**
 * Numbers the units: leaves sorted by path, then every level's units in path order, so units come
 * out level by level (districts, then schools) and each unit's parent has a smaller index.
 */
function scopesOf(config: ReachConfig, state: ReachState): Scopes {
  const depth = config.unitLevels.length;
  const leafPaths = state.leafPaths;
  const used = new Uint8Array(leafPaths.length);
  for (let cell = 0; cell < state.cells; cell += 1) used[state.cellLeaf[cell] as number] = 1;
  const leaves: number[] = [];
  for (let leaf = 0; leaf < leafPaths.length; leaf += 1) if (used[leaf] === 1) leaves.push(leaf);
  const usedLeaves = sortLeaves(leafPaths, leaves, depth);
  // Per level: the units in path order. Leaves are sorted, so a unit is new when its code or an
  // ancestor's differs from the previous leaf's.
  const levelIds: string[][] = Array.from({ length: depth }, () => []);
  const levelPaths: string[][][] = Array.from({ length: depth }, () => []);
  const localIndex = new Int32Array(leafPaths.length * depth);
  const currentId: string[] = new Array(depth).fill('');
  let previous: readonly string[] | null = null;
  for (const leaf of usedLeaves) {
    const path = leafPaths[leaf] as string[];
    let changed = previous === null;
    for (let level = 0; level < depth; level += 1) {
      const code = path[level] as string;
      const unitsAtLevel = levelIds[level] as string[];
      if (!changed && code !== (previous as readonly string[])[level]) changed = true;
      if (changed) {
        const id = level === 0 ? escapeCode(code) : `${currentId[level - 1]}/${escapeCode(code)}`;
        currentId[level] = id;
        unitsAtLevel.push(id);
        (levelPaths[level] as string[][]).push(path.slice(0, level + 1));
      }
      localIndex[leaf * depth + level] = unitsAtLevel.length - 1;
    }
    previous = path;
  }
  const offsets = new Int32Array(depth + 1);
  offsets[0] = 1;
  for (let level = 0; level < depth; level += 1) {
    offsets[level + 1] = (offsets[level] as number) + (levelIds[level] as string[]).length;
  }
  const count = offsets[depth] as number;
  const ids: (string | null)[] = [null];
  const paths: string[][] = [[]];
  const parent = new Int32Array(count);
  const levelOf = new Int32Array(count);
  parent[0] = -1;
  levelOf[0] = -1;
  for (let level = 0; level < depth; level += 1) {
    levelOf.fill(level, offsets[level] as number, offsets[level + 1] as number);
    for (const id of levelIds[level] as string[]) ids.push(id);
    for (const path of levelPaths[level] as string[][]) paths.push(path);
  }
  const leafScope = new Int32Array(leafPaths.length * depth);
  for (const leaf of usedLeaves) {
    for (let level = 0; level < depth; level += 1) {
      const scope = (offsets[level] as number) + (localIndex[leaf * depth + level] as number);
      leafScope[leaf * depth + level] = scope;
      parent[scope] = level === 0 ? 0 : (leafScope[leaf * depth + level - 1] as number);
    }
  }
  return { ids, parent, level: levelOf, paths, leafScope };
}

/** Counts per scope × population (`at = scope × populations + population`). */
interface Totals {
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
function totalsOf(
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

/** What building the result objects needs. */
interface Builder {
  readonly totals: Totals;
  readonly specs: readonly PopulationSpec[];
  readonly scopes: Scopes;
  readonly z: number;
  readonly minN: number;
  readonly noneIndex: number;
  /** Wilson bounds of a comparison group (used and dropped at once). */
  readonly scratch: Float64Array;
}

function histogramOf(totals: Totals, at: number): number[] {
  const bins = totals.bins;
  const list: number[] = new Array(bins);
  for (let bin = 0; bin < bins; bin += 1) list[bin] = whole(totals.histogram[at * bins + bin] as number);
  return list;
}

/** The stats of everyone in a scope. */
function overallOf(builder: Builder, at: number): ReachStats {
  const totals = builder.totals;
  const count = whole(totals.n[at] as number);
  const hits = whole(totals.reached[at] as number);
  return {
    n: count,
    excluded: whole(totals.excluded[at] as number),
    reached: hits,
    rate: count === 0 ? null : hits / count,
    interval: count === 0 ? null : wilsonBounds(hits, count, builder.z),
    meanEngagements: count === 0 ? null : (totals.sum[at] as number) / count,
    histogram: histogramOf(totals, at),
    note: count === 0 ? EMPTY_NOTE : null,
  };
}

/** A focal group (or the union, no focal group, an intersection) in a scope, with its comparisons. */
function groupOf(builder: Builder, scope: number, population: number): ReachGroupStats {
  const { totals, specs, z, minN, noneIndex } = builder;
  const { n, reached, populations } = totals;
  const spec = specs[population] as PopulationSpec;
  const at = scope * populations + population;
  const everyoneAt = scope * populations;
  const own = whole(n[at] as number);
  const ownReached = whole(reached[at] as number);
  const restN = whole((n[everyoneAt] as number) - own);
  const restReached = whole((reached[everyoneAt] as number) - ownReached);
  const restRate = restN === 0 ? null : restReached / restN;
  let notes: Note<ReachNoteCode>[] | null = null;
  let rate: number | null = null;
  let interval: [number, number] | null = null;
  let gap: number | null = null;
  let gapInterval: [number, number] | null = null;
  let gapToNone: number | null = null;
  let gapToNoneInterval: [number, number] | null = null;
  let riskRatio: number | null = null;
  let alternateRiskRatio: number | null = null;
  let alternateComparisonUnit: string | null = null;
  let representationIndex: number | null = null;
  if (own === 0) {
    notes = [EMPTY_GROUP_NOTE];
  } else {
    rate = ownReached / own;
    interval = wilsonBounds(ownReached, own, z);
    if (restRate === null) {
      notes = withNote(notes, EMPTY_COMPARISON_NOTE);
    } else {
      gap = rate - restRate;
      const bounds = builder.scratch;
      wilsonInto(restReached, restN, z, bounds);
      gapInterval = newcombe(rate, interval, restRate, bounds[0] as number, bounds[1] as number);
    }
    if (spec.kind !== 'none') {
      const noneN = n[everyoneAt + noneIndex] as number;
      if (noneN === 0) {
        notes = withNote(notes, NO_NON_FOCAL_NOTE);
      } else {
        const noneReached = reached[everyoneAt + noneIndex] as number;
        const noneRate = noneReached / noneN;
        gapToNone = rate - noneRate;
        const bounds = builder.scratch;
        wilsonInto(noneReached, noneN, z, bounds);
        gapToNoneInterval = newcombe(rate, interval, noneRate, bounds[0] as number, bounds[1] as number);
      }
    }
    if (own < minN) {
      notes = withNote(
        notes,
        note('GROUP_BELOW_MIN_N', `the group has ${own} (under the n-size ${minN}): no risk ratio`),
      );
    } else if (restN >= minN) {
      if (restReached === 0) {
        notes = withNote(notes, ZERO_COMPARISON_NOTE);
      } else {
        riskRatio = rate / (restRate as number);
      }
    } else if (restN > 0 || scope !== 0) {
      notes = withNote(
        notes,
        note(
          'COMPARISON_BELOW_MIN_N',
          `the comparison group has ${restN} (under the n-size ${minN}): alternate ratio against a larger unit`,
        ),
      );
      // The nearest larger unit whose comparison group (everyone there but the group) is big enough.
      let found = -1;
      for (let up = builder.scopes.parent[scope] as number; up >= 0; up = builder.scopes.parent[up] as number) {
        if ((n[up * populations] as number) - (n[up * populations + population] as number) >= minN) {
          found = up;
          break;
        }
      }
      if (found < 0) {
        notes = withNote(
          notes,
          note('NO_LARGER_COMPARISON', `no larger unit has a comparison group of ${minN} or more`),
        );
      } else {
        const upAt = found * populations;
        const upRestN = (n[upAt] as number) - (n[upAt + population] as number);
        const upRestReached = (reached[upAt] as number) - (reached[upAt + population] as number);
        if (upRestReached === 0) {
          notes = withNote(notes, ZERO_LARGER_COMPARISON_NOTE);
        } else {
          alternateRiskRatio = rate / (upRestReached / upRestN);
          alternateComparisonUnit = builder.scopes.ids[found] as string | null;
        }
      }
    }
    const everyoneReached = reached[everyoneAt] as number;
    if (everyoneReached === 0) {
      notes = withNote(notes, NOBODY_REACHED_NOTE);
    } else {
      representationIndex = ownReached / everyoneReached / (own / (n[everyoneAt] as number));
    }
  }
  return {
    id: spec.id,
    kind: spec.kind as ReachGroupStats['kind'],
    members: spec.members,
    n: own,
    excluded: whole(totals.excluded[at] as number),
    reached: ownReached,
    rate,
    interval,
    meanEngagements: own === 0 ? null : (totals.sum[at] as number) / own,
    histogram: histogramOf(totals, at),
    note: own === 0 ? EMPTY_NOTE : null,
    rest: { n: restN, reached: restReached, rate: restRate },
    gap,
    gapInterval,
    gapToNone,
    gapToNoneInterval,
    riskRatio,
    alternateRiskRatio,
    alternateComparisonUnit,
    representationIndex,
    notes: notes ?? NO_NOTES,
  };
}

/** Everyone, each focal group, the union, no focal group and each intersection of one scope. */
function breakdownOf(builder: Builder, scope: number): ReachBreakdown {
  const { totals, specs } = builder;
  const base = scope * totals.populations;
  const groups: ReachGroupStats[] = [];
  const intersections: ReachGroupStats[] = [];
  let union: ReachGroupStats | null = null;
  let noFocal: ReachGroupStats | null = null;
  for (let population = 1; population < totals.populations; population += 1) {
    const entry = groupOf(builder, scope, population);
    const kind = (specs[population] as PopulationSpec).kind;
    if (kind === 'focal') groups.push(entry);
    else if (kind === 'union') union = entry;
    else if (kind === 'none') noFocal = entry;
    else intersections.push(entry);
  }
  return {
    overall: overallOf(builder, base),
    groups,
    union: union as ReachGroupStats,
    none: noFocal as ReachGroupStats,
    intersections,
  };
}

/** Builds the summary from a state: totals in flat typed arrays first, objects for the result only. */
export function finalizeState(config: ReachConfig, state: ReachState): ReachSummary {
  const depth = config.unitLevels.length;
  const scopes = scopesOf(config, state);
  const specs = populationSpecs(config);
  const totals = totalsOf(state, scopes, specs, depth, config.minEngagements);
  const builder: Builder = {
    totals,
    specs,
    scopes,
    z: criticalZ(config.confidenceLevel),
    minN: config.policy.minN,
    noneIndex: specs.findIndex((spec) => spec.kind === 'none'),
    scratch: new Float64Array(2),
  };
  const top = breakdownOf(builder, 0);
  const levels = config.unitLevels;
  const units: ReachUnitSummary[] = [];
  for (let scope = 1; scope < scopes.ids.length; scope += 1) {
    const level = scopes.level[scope] as number;
    const path = scopes.paths[scope] as string[];
    const parent = scopes.parent[scope] as number;
    const breakdown = breakdownOf(builder, scope);
    units.push({
      id: scopes.ids[scope] as string,
      level: levels[level] as string,
      code: path[level] as string,
      path,
      parent: parent === 0 ? null : (scopes.ids[parent] as string),
      overall: breakdown.overall,
      groups: breakdown.groups,
      union: breakdown.union,
      none: breakdown.none,
      intersections: breakdown.intersections,
    });
  }
  return {
    focalGroups: [...config.focalGroups],
    unitLevels: [...config.unitLevels],
    minEngagements: config.minEngagements,
    histogramMax: config.histogramMax,
    period: config.period === null ? null : { ...config.period },
    confidenceLevel: config.confidenceLevel,
    policy: config.policy,
    rows: state.rows,
    overall: top.overall,
    groups: top.groups,
    union: top.union,
    none: top.none,
    intersections: top.intersections,
    units,
  };
}

const EMPTY_NOTE = frozenNote('EMPTY', 'nobody eligible in this population');
const EMPTY_GROUP_NOTE = frozenNote('EMPTY', 'nobody eligible in this group: no gap, ratio or representation index');
const EMPTY_COMPARISON_NOTE = frozenNote(
  'EMPTY_COMPARISON',
  'everyone in this unit is in the group: there is no one to compare with',
);
const NO_NON_FOCAL_NOTE = frozenNote('NO_NON_FOCAL', 'nobody here is in no focal group: no gap to them');
const ZERO_COMPARISON_NOTE = frozenNote(
  'ZERO_COMPARISON_RATE',
  'nobody in the comparison group was reached: no ratio against 0',
);
const ZERO_LARGER_COMPARISON_NOTE = frozenNote(
  'ZERO_COMPARISON_RATE',
  'nobody in the larger comparison group was reached',
);
const NOBODY_REACHED_NOTE = frozenNote('NOBODY_REACHED', 'nobody was reached: no representation index');

/**
 * A count as a small integer when it is one: counts are summed in float64 arrays, and V8 stores
 * a float64 in an object or array as a separate heap number, while a small integer sits in place —
 * for a 10,000-unit summary that halves the time spent building and collecting the result.
 */
function whole(count: number): number {
  return count <= 0x3fffffff ? count | 0 : count;
}

/** A note shared by many results, frozen so that no result can change another's. */
function frozenNote(code: ReachNoteCode, message: string): Note<ReachNoteCode> {
  return Object.freeze(note(code, message));
}

/**
 * Sorts leaves by path (each level's code in string order): codes are ranked per level once, so
 * the sort compares numbers, not strings.
 */
function sortLeaves(leafPaths: readonly string[][], leaves: number[], depth: number): number[] {
  let key: Float64Array | null = new Float64Array(leafPaths.length);
  let scale = 1;
  for (let level = depth - 1; level >= 0 && key !== null; level -= 1) {
    const codes = [...new Set(leaves.map((leaf) => (leafPaths[leaf] as string[])[level] as string))].sort();
    const rank = new Map(codes.map((code, index) => [code, index]));
    for (const leaf of leaves) {
      key[leaf] = (key[leaf] as number) + (rank.get((leafPaths[leaf] as string[])[level] as string) as number) * scale;
    }
    scale *= codes.length;
    // Past 2^53 the packed key would round: compare the paths themselves instead.
    if (scale > Number.MAX_SAFE_INTEGER) key = null;
  }
  if (key === null) return leaves.sort((a, b) => comparePaths(leafPaths[a] as string[], leafPaths[b] as string[]));
  const packed = key;
  return leaves.sort((a, b) => (packed[a] as number) - (packed[b] as number));
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] as string;
    const y = b[index] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
