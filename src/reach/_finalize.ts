/**
 * From accumulator cells to a {@link ReachSummary}: roll leaf cells up the unit hierarchy
 * (`_scopes`, `_totals`), then derive every population's counts, rates, intervals, gaps, ratios
 * and notes.
 *
 * @internal
 * @module
 */

import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { sealResult } from '../_lib/stored.js';
import { wilsonInto } from '../_lib/wilson.js';
import type { ReachConfig } from './_config.js';
import { type Scopes, scopesOf } from './_scopes.js';
import type { ReachState } from './_state.js';
import { type PopulationSpec, populationSpecs, type Totals, totalsOf } from './_totals.js';
import type {
  ReachBreakdown,
  ReachGroupStats,
  ReachNoteCode,
  ReachStats,
  ReachSummary,
  ReachUnitSummary,
} from './ReachSummary.js';
import { REACH_SUMMARY_VERSION } from './ReachSummary.js';

/** The notes of a group with nothing to say (shared; results are never mutated). */
const NO_NOTES: readonly Note<ReachNoteCode>[] = Object.freeze([]);

/** A pair (an interval) made frozen, with −0 written as 0 (one array: tens of thousands per summary). */
function frozenPair(lower: number, upper: number): readonly [number, number] {
  return Object.freeze([lower + 0, upper + 0] as [number, number]);
}

/** The Wilson interval of `hits` of `count`, computed in the builder's scratch and frozen. */
function wilsonPair(builder: Builder, hits: number, count: number): readonly [number, number] {
  const bounds = builder.scratch;
  wilsonInto(hits, count, builder.z, bounds);
  return frozenPair(bounds[0] as number, bounds[1] as number);
}

/** Appends a note to a lazily created list. */
function withNote(notes: Note<ReachNoteCode>[] | null, entry: Note<ReachNoteCode>): Note<ReachNoteCode>[] {
  const list = notes ?? [];
  list.push(Object.isFrozen(entry) ? entry : Object.freeze(entry));
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
): readonly [number, number] {
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - ci1[0]) ** 2 + (upper2 - p2) ** 2);
  const upper = d + Math.sqrt((ci1[1] - p1) ** 2 + (p2 - lower2) ** 2);
  return frozenPair(Math.max(-1, lower), Math.min(1, upper));
}

/** What building the result objects needs. */
interface Builder {
  readonly totals: Totals;
  readonly specs: readonly PopulationSpec[];
  readonly scopes: Scopes;
  readonly z: number;
  readonly minPeople: number;
  readonly noneIndex: number;
  /** Wilson bounds of a comparison group (used and dropped at once). */
  readonly scratch: Float64Array;
}

function histogramOf(totals: Totals, at: number): number[] {
  const bins = totals.bins;
  const list: number[] = new Array(bins);
  for (let bin = 0; bin < bins; bin += 1) list[bin] = whole(totals.histogram[at * bins + bin] as number);
  return Object.freeze(list) as number[];
}

/** The stats of everyone in a scope. */
function overallOf(builder: Builder, at: number): ReachStats {
  const totals = builder.totals;
  const count = whole(totals.n[at] as number);
  const hits = whole(totals.reached[at] as number);
  return Object.freeze({
    n: count,
    excluded: whole(totals.excluded[at] as number),
    reached: hits,
    rate: count === 0 ? null : hits / count,
    interval: count === 0 ? null : wilsonPair(builder, hits, count),
    meanEngagements: count === 0 ? null : (totals.sum[at] as number) / count,
    histogram: histogramOf(totals, at),
    notes: count === 0 ? EMPTY_NOTES : NO_NOTES,
  });
}

/** A focal group (or the union, no focal group, an intersection) in a scope, with its comparisons. */
function groupOf(builder: Builder, scope: number, population: number): ReachGroupStats {
  const { totals, specs, z, minPeople, noneIndex } = builder;
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
  let interval: readonly [number, number] | null = null;
  let gap: number | null = null;
  let gapInterval: readonly [number, number] | null = null;
  let gapToNone: number | null = null;
  let gapToNoneInterval: readonly [number, number] | null = null;
  let riskRatio: number | null = null;
  let alternateRiskRatio: number | null = null;
  let alternateComparisonUnit: string | null = null;
  let representationIndex: number | null = null;
  if (own === 0) {
    notes = [EMPTY_GROUP_NOTE];
  } else {
    rate = ownReached / own;
    const ownInterval = wilsonPair(builder, ownReached, own);
    interval = ownInterval;
    if (restRate === null) {
      notes = withNote(notes, EMPTY_COMPARISON_NOTE);
    } else {
      gap = rate - restRate;
      const bounds = builder.scratch;
      wilsonInto(restReached, restN, z, bounds);
      gapInterval = newcombe(rate, ownInterval, restRate, bounds[0] as number, bounds[1] as number);
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
        gapToNoneInterval = newcombe(rate, ownInterval, noneRate, bounds[0] as number, bounds[1] as number);
      }
    }
    if (own < minPeople) {
      notes = withNote(
        notes,
        note(
          'GROUP_BELOW_MIN_PEOPLE',
          `the group has ${own} (under the n-size ${minPeople}): no risk ratio`,
          'riskRatio',
        ),
      );
    } else if (restN >= minPeople) {
      if (restReached === 0) {
        notes = withNote(notes, ZERO_COMPARISON_NOTE);
      } else {
        riskRatio = rate / (restRate as number);
      }
    } else if (restN > 0 || scope !== 0) {
      notes = withNote(
        notes,
        note(
          'COMPARISON_BELOW_MIN_PEOPLE',
          `the comparison group has ${restN} (under the n-size ${minPeople}): alternate ratio against a larger unit`,
          'riskRatio',
        ),
      );
      // The nearest larger unit whose comparison group (everyone there but the group) is big enough.
      let found = -1;
      for (let up = builder.scopes.parent[scope] as number; up >= 0; up = builder.scopes.parent[up] as number) {
        if ((n[up * populations] as number) - (n[up * populations + population] as number) >= minPeople) {
          found = up;
          break;
        }
      }
      if (found < 0) {
        notes = withNote(
          notes,
          note(
            'NO_LARGER_COMPARISON',
            `no larger unit has a comparison group of ${minPeople} or more`,
            'alternateRiskRatio',
          ),
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
  return Object.freeze({
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
    rest: Object.freeze({ n: restN, reached: restReached, rate: restRate }),
    gap: gap === null ? null : gap + 0,
    gapInterval,
    gapToNone: gapToNone === null ? null : gapToNone + 0,
    gapToNoneInterval,
    riskRatio,
    alternateRiskRatio,
    alternateComparisonUnit,
    representationIndex,
    notes: notes === null ? NO_NOTES : Object.freeze(notes),
  });
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
    groups: Object.freeze(groups),
    union: union as ReachGroupStats,
    none: noFocal as ReachGroupStats,
    intersections: Object.freeze(intersections),
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
    minPeople: config.policy.minPeople,
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
    units.push(
      Object.freeze({
        id: scopes.ids[scope] as string,
        level: levels[level] as string,
        code: path[level] as string,
        path: Object.freeze(path) as string[],
        parent: parent === 0 ? null : (scopes.ids[parent] as string),
        overall: breakdown.overall,
        groups: breakdown.groups,
        union: breakdown.union,
        none: breakdown.none,
        intersections: breakdown.intersections,
      }),
    );
  }
  // Every object above was frozen as it was made (cheaper than walking the finished summary), so
  // sealing only remembers it.
  return sealResult<ReachSummary>(
    Object.freeze({
      schemaVersion: REACH_SUMMARY_VERSION,
      focalGroups: Object.freeze([...config.focalGroups]),
      unitLevels: Object.freeze([...config.unitLevels]),
      minEngagements: config.minEngagements,
      histogramMax: config.histogramMax,
      period: config.period === null ? null : Object.freeze({ ...config.period }),
      confidenceLevel: config.confidenceLevel,
      policy: config.policy,
      rows: state.rows,
      overall: top.overall,
      groups: top.groups,
      union: top.union,
      none: top.none,
      intersections: top.intersections,
      units: Object.freeze(units),
    }),
    'reach summary',
  );
}

const EMPTY_NOTES: readonly Note<ReachNoteCode>[] = Object.freeze([
  frozenNote('EMPTY', 'nobody eligible in this population', 'rate'),
]);
const EMPTY_GROUP_NOTE = frozenNote(
  'EMPTY',
  'nobody eligible in this group: no rate, gap, ratio or representation index',
  'rate',
);
const EMPTY_COMPARISON_NOTE = frozenNote(
  'EMPTY_COMPARISON',
  'everyone in this unit is in the group: there is no one to compare with',
  'gap',
);
const NO_NON_FOCAL_NOTE = frozenNote('NO_NON_FOCAL', 'nobody here is in no focal group: no gap to them', 'gapToNone');
const ZERO_COMPARISON_NOTE = frozenNote(
  'ZERO_COMPARISON_RATE',
  'nobody in the comparison group was reached: no ratio against 0',
  'riskRatio',
);
const ZERO_LARGER_COMPARISON_NOTE = frozenNote(
  'ZERO_COMPARISON_RATE',
  'nobody in the larger comparison group was reached',
  'alternateRiskRatio',
);
const NOBODY_REACHED_NOTE = frozenNote(
  'NOBODY_REACHED',
  'nobody was reached: no representation index',
  'representationIndex',
);

/**
 * A count as a small integer when it is one: counts are summed in float64 arrays, and V8 stores
 * a float64 in an object or array as a separate heap number, while a small integer sits in place —
 * for a 10,000-unit summary that halves the time spent building and collecting the result.
 */
function whole(count: number): number {
  return count <= 0x3fffffff ? count | 0 : count;
}

/** A note shared by many results, frozen so that no result can change another's. */
function frozenNote(code: ReachNoteCode, message: string, field: string): Note<ReachNoteCode> {
  return Object.freeze(note(code, message, field));
}
