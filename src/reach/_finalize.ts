/**
 * From accumulator cells to a {@link ReachSummary}: roll leaf cells up the unit hierarchy, then
 * derive every population's counts, rates, intervals, gaps and ratios.
 *
 * @internal
 * @module
 */

import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { wilsonBounds } from '../_lib/wilson.js';
import type { ReachConfig, ReachState } from './_state.js';
import type {
  ReachBreakdown,
  ReachComparison,
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

/** The composite id of a unit path. */
export function unitId(path: readonly string[]): string {
  return path.map(escapeCode).join('/');
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

interface Counts {
  n: number;
  excluded: number;
  sum: number;
  histogram: number[];
}

function reachedOf(histogram: readonly number[], minEngagements: number): number {
  let reached = 0;
  for (let bin = minEngagements; bin < histogram.length; bin += 1) reached += histogram[bin] as number;
  return reached;
}

/**
 * The Wilson score interval of reached / n — the same formula as the stats kernel's
 * `proportionInterval` (`_lib/wilson.ts`), with the critical value computed once per summary
 * instead of per call (the kernel validates and builds a full estimate object each time, which was
 * most of the time of a 10,000-unit summary). test/reach/wilson.test.ts checks the two agree.
 */
export function wilsonWith(z: number) {
  return (count: number, total: number): { rate: number | null; interval: [number, number] | null } =>
    total === 0 ? { rate: null, interval: null } : { rate: count / total, interval: wilsonBounds(count, total, z) };
}

function statsOf(counts: Counts, config: ReachConfig, wilson: ReturnType<typeof wilsonWith>): ReachStats {
  const reached = reachedOf(counts.histogram, config.minEngagements);
  const { rate, interval } = wilson(reached, counts.n);
  return {
    n: counts.n,
    excluded: counts.excluded,
    reached,
    rate,
    interval,
    meanEngagements: counts.n === 0 ? null : counts.sum / counts.n,
    histogram: counts.histogram,
    note: counts.n === 0 ? note('EMPTY', 'nobody eligible in this population') : null,
  };
}

/** Newcombe's (1998, method 10) hybrid score interval for p1 − p2 from the two Wilson intervals. */
export function newcombe(
  p1: number,
  ci1: readonly [number, number],
  p2: number,
  ci2: readonly [number, number],
): [number, number] {
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - ci1[0]) ** 2 + (ci2[1] - p2) ** 2);
  const upper = d + Math.sqrt((ci1[1] - p1) ** 2 + (p2 - ci2[0]) ** 2);
  return [Math.max(-1, lower), Math.min(1, upper)];
}

interface Scope {
  readonly id: string | null;
  readonly ancestors: readonly (string | null)[];
  /** Index of the scope's block in the aggregate arrays (0 = overall). */
  readonly index: number;
}

interface UnitInfo {
  readonly level: number;
  readonly path: string[];
  readonly id: string;
  readonly parent: string | null;
  readonly scope: Scope;
}

/** Builds the summary from a state. */
export function finalizeState(config: ReachConfig, state: ReachState): ReachSummary {
  const bins = state.bins;
  const wilson = wilsonWith(criticalZ(config.confidenceLevel));
  const masks = [...new Set(Array.from(state.cellMask.subarray(0, state.cells)))].sort((a, b) => a - b);
  const slotOf = new Int32Array(1 << state.groupBits).fill(-1);
  masks.forEach((mask, slot) => {
    slotOf[mask] = slot;
  });
  const slots = masks.length;
  const levels = config.unitLevels;
  const depth = levels.length;
  const leafPaths = state.leafPaths;
  const usedLeaves = [...new Set(Array.from(state.cellLeaf.subarray(0, state.cells)))];
  usedLeaves.sort((a, b) => comparePaths(leafPaths[a] as string[], leafPaths[b] as string[]));

  // Units: walk each leaf's path once, building ids level by level (leaves are sorted, so units of
  // one level are created in path order).
  const overall: Scope = { id: null, ancestors: [], index: 0 };
  const infos: UnitInfo[] = [];
  const scopeById = new Map<string, Scope>();
  const leafScopes = new Int32Array(leafPaths.length * depth);
  for (const leaf of usedLeaves) {
    const path = leafPaths[leaf] as string[];
    let id = '';
    const chain: string[] = [];
    for (let level = 0; level < depth; level += 1) {
      const code = path[level] as string;
      const escaped = code.includes('%') || code.includes('/') ? escapeCode(code) : code;
      const parent = level === 0 ? null : id;
      id = level === 0 ? escaped : `${id}/${escaped}`;
      let scope = scopeById.get(id);
      if (scope === undefined) {
        const ancestors: (string | null)[] = [...chain].reverse();
        ancestors.push(null);
        scope = { id, ancestors, index: infos.length + 1 };
        scopeById.set(id, scope);
        infos.push({ level, path: path.slice(0, level + 1), id, parent, scope });
      }
      leafScopes[leaf * depth + level] = scope.index;
      chain.push(id);
    }
  }
  const block = slots * bins;
  const scopeCount = infos.length + 1;
  const aggregateHistogram = new Float64Array(scopeCount * block);
  const aggregateSum = new Float64Array(scopeCount * slots);
  const aggregateExcluded = new Float64Array(scopeCount * slots);
  for (let cell = 0; cell < state.cells; cell += 1) {
    const slot = slotOf[state.cellMask[cell] as number] as number;
    const leaf = state.cellLeaf[cell] as number;
    const cellSum = state.sum[cell] as number;
    const cellExcluded = state.excluded[cell] as number;
    for (let level = -1; level < depth; level += 1) {
      const index = level < 0 ? 0 : (leafScopes[leaf * depth + level] as number);
      const to = index * block + slot * bins;
      const from = cell * bins;
      for (let bin = 0; bin < bins; bin += 1) {
        aggregateHistogram[to + bin] =
          (aggregateHistogram[to + bin] as number) + (state.histogram[from + bin] as number);
      }
      aggregateSum[index * slots + slot] = (aggregateSum[index * slots + slot] as number) + cellSum;
      aggregateExcluded[index * slots + slot] = (aggregateExcluded[index * slots + slot] as number) + cellExcluded;
    }
  }
  const byLevel = infos.map((info, order) => ({ info, order }));
  byLevel.sort((a, b) => a.info.level - b.info.level || a.order - b.order);
  const ordered = byLevel.map((entry) => entry.info);

  const specs = populationSpecs(config);
  const specSlots = specs.map((spec) =>
    masks.map((mask, slot) => (spec.contains(mask) ? slot : -1)).filter((s) => s >= 0),
  );
  const rests = new Map<string | null, ReachComparison[]>();

  const countsOf = (scope: Scope, slotList: readonly number[]): Counts => {
    const histogram: number[] = new Array(bins).fill(0);
    let sum = 0;
    let excluded = 0;
    const base = scope.index * block;
    for (const slot of slotList) {
      for (let bin = 0; bin < bins; bin += 1) {
        histogram[bin] = (histogram[bin] as number) + (aggregateHistogram[base + slot * bins + bin] as number);
      }
      sum += aggregateSum[scope.index * slots + slot] as number;
      excluded += aggregateExcluded[scope.index * slots + slot] as number;
    }
    let n = 0;
    for (let bin = 0; bin < bins; bin += 1) {
      n += histogram[bin] as number;
      if (bin < bins - 1) sum += bin * (histogram[bin] as number);
    }
    return { n, excluded, sum, histogram };
  };

  const noneIndex = specs.findIndex((spec) => spec.kind === 'none');
  const breakdown = (scope: Scope): ReachBreakdown => {
    const everyone = statsOf(countsOf(scope, specSlots[0] as number[]), config, wilson);
    const stats: ReachStats[] = [everyone];
    const comparisons: ReachComparison[] = [{ n: 0, reached: 0, rate: null }];
    for (let index = 1; index < specs.length; index += 1) {
      const entry = statsOf(countsOf(scope, specSlots[index] as number[]), config, wilson);
      stats.push(entry);
      const n = everyone.n - entry.n;
      const reached = everyone.reached - entry.reached;
      comparisons.push({ n, reached, rate: n === 0 ? null : reached / n });
    }
    rests.set(scope.id, comparisons);
    const none = stats[noneIndex] as ReachStats;
    const groups: ReachGroupStats[] = [];
    const intersections: ReachGroupStats[] = [];
    let union: ReachGroupStats | null = null;
    let noFocal: ReachGroupStats | null = null;
    for (let index = 1; index < specs.length; index += 1) {
      const spec = specs[index] as PopulationSpec;
      const entry = groupStats(
        spec,
        stats[index] as ReachStats,
        comparisons[index] as ReachComparison,
        everyone,
        none,
        index,
        scope,
      );
      if (spec.kind === 'focal') groups.push(entry);
      else if (spec.kind === 'union') union = entry;
      else if (spec.kind === 'none') noFocal = entry;
      else intersections.push(entry);
    }
    return {
      overall: everyone,
      groups,
      union: union as ReachGroupStats,
      none: noFocal as ReachGroupStats,
      intersections,
    };
  };

  const groupStats = (
    spec: PopulationSpec,
    own: ReachStats,
    rest: ReachComparison,
    everyone: ReachStats,
    none: ReachStats,
    index: number,
    scope: Scope,
  ): ReachGroupStats => {
    let notes: Note<ReachNoteCode>[] | null = null;
    const minN = config.policy.minN;
    let gap: number | null = null;
    let gapInterval: [number, number] | null = null;
    let gapToNone: number | null = null;
    let gapToNoneInterval: [number, number] | null = null;
    let riskRatio: number | null = null;
    let alternateRiskRatio: number | null = null;
    let alternateComparisonUnit: string | null = null;
    let representationIndex: number | null = null;
    if (own.n === 0) {
      notes = withNote(notes, note('EMPTY', 'nobody eligible in this group: no gap, ratio or representation index'));
    } else {
      const rate = own.rate as number;
      const ownInterval = own.interval as [number, number];
      if (rest.n === 0) {
        notes = withNote(
          notes,
          note('EMPTY_COMPARISON', 'everyone in this unit is in the group: there is no one to compare with'),
        );
      } else {
        const restWilson = wilson(rest.reached, rest.n);
        gap = rate - (restWilson.rate as number);
        gapInterval = newcombe(rate, ownInterval, restWilson.rate as number, restWilson.interval as [number, number]);
      }
      if (spec.kind !== 'none') {
        if (none.n === 0) {
          notes = withNote(notes, note('NO_NON_FOCAL', 'nobody here is in no focal group: no gap to them'));
        } else {
          gapToNone = rate - (none.rate as number);
          gapToNoneInterval = newcombe(rate, ownInterval, none.rate as number, none.interval as [number, number]);
        }
      }
      if (own.n < minN) {
        notes = withNote(
          notes,
          note('GROUP_BELOW_MIN_N', `the group has ${own.n} (under the n-size ${minN}): no risk ratio`),
        );
      } else if (rest.n >= minN) {
        if (rest.reached === 0) {
          notes = withNote(
            notes,
            note('ZERO_COMPARISON_RATE', 'nobody in the comparison group was reached: no ratio against 0'),
          );
        } else {
          riskRatio = rate / (rest.rate as number);
        }
      } else if (rest.n > 0 || scope.ancestors.length > 0) {
        notes = withNote(
          notes,
          note(
            'COMPARISON_BELOW_MIN_N',
            `the comparison group has ${rest.n} (under the n-size ${minN}): alternate ratio against a larger unit`,
          ),
        );
        const found = scope.ancestors.find((ancestor) => ((rests.get(ancestor) ?? [])[index]?.n ?? 0) >= minN);
        if (found === undefined) {
          notes = withNote(
            notes,
            note('NO_LARGER_COMPARISON', `no larger unit has a comparison group of ${minN} or more`),
          );
        } else {
          const comparison = (rests.get(found) as ReachComparison[])[index] as ReachComparison;
          if (comparison.reached === 0) {
            notes = withNote(notes, note('ZERO_COMPARISON_RATE', 'nobody in the larger comparison group was reached'));
          } else {
            alternateRiskRatio = rate / (comparison.rate as number);
            alternateComparisonUnit = found;
          }
        }
      }
      if (everyone.reached === 0) {
        notes = withNote(notes, note('NOBODY_REACHED', 'nobody was reached: no representation index'));
      } else {
        representationIndex = own.reached / everyone.reached / (own.n / everyone.n);
      }
    }
    return {
      id: spec.id,
      kind: spec.kind as ReachGroupStats['kind'],
      members: spec.members,
      n: own.n,
      excluded: own.excluded,
      reached: own.reached,
      rate: own.rate,
      interval: own.interval,
      meanEngagements: own.meanEngagements,
      histogram: own.histogram,
      note: own.note,
      rest,
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
  };

  const top = breakdown(overall);
  const units: ReachUnitSummary[] = ordered.map((info) => ({
    id: info.id,
    level: levels[info.level] as string,
    code: info.path[info.level] as string,
    path: info.path,
    parent: info.parent,
    ...breakdown(info.scope),
  }));
  return {
    focalGroups: [...config.focalGroups],
    unitLevels: [...config.unitLevels],
    minEngagements: config.minEngagements,
    histogramMax: config.histogramMax,
    period: config.period === null ? null : { ...config.period },
    confidenceLevel: config.confidenceLevel,
    policy: config.policy,
    rows: state.rows,
    ...top,
    units,
  };
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] as string;
    const y = b[index] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
