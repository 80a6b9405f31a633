/**
 * The zod schema parts of a `ReachSummary` (shared with the suppressed report) and its cheap
 * consistency checks.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { ReachBreakdown, ReachGroupStats, ReachNoteCode, ReachStats } from './ReachSummary.js';

const REACH_NOTE_CODES = [
  'EMPTY',
  'EMPTY_COMPARISON',
  'NO_NON_FOCAL',
  'GROUP_BELOW_MIN_PEOPLE',
  'COMPARISON_BELOW_MIN_PEOPLE',
  'NO_LARGER_COMPARISON',
  'ZERO_COMPARISON_RATE',
  'NOBODY_REACHED',
] as const satisfies readonly ReachNoteCode[];

/** Schema parts shared with the suppressed report. @internal */
export const Count = /* @__PURE__ */ z.int().check(z.gte(0));
/** @internal */
export const Rate = /* @__PURE__ */ z.nullable(z.number().check(z.gte(0), z.lte(1)));
/** @internal */
export const Interval = /* @__PURE__ */ z.nullable(
  z.tuple([z.number().check(z.gte(0), z.lte(1)), z.number().check(z.gte(0), z.lte(1))]),
);
/** @internal */
export const Difference = /* @__PURE__ */ z.nullable(z.number().check(z.gte(-1), z.lte(1)));
/** @internal */
export const DifferenceInterval = /* @__PURE__ */ z.nullable(
  z.tuple([z.number().check(z.gte(-1), z.lte(1)), z.number().check(z.gte(-1), z.lte(1))]),
);
/** @internal */
export const NonNegative = /* @__PURE__ */ z.nullable(z.number().check(z.gte(0)));
/** @internal */
export const GroupKind = /* @__PURE__ */ z.enum(['focal', 'union', 'none', 'intersection']);
/** The policy a stored result echoes: every field present (the rules of `defineReachPolicy`). @internal */
export const StoredReachPolicy = /* @__PURE__ */ z.strictObject({
  minPeople: z.int().check(z.gte(1)),
  tolerance: z.number().check(z.gte(0), z.lt(0.01)),
  minCellSize: z.int().check(z.gte(1)),
});
/** @internal */
export function notesSchema<const C extends readonly [string, ...string[]]>(codes: C) {
  return z.array(z.strictObject({ code: z.enum(codes), message: z.string(), field: z.nullable(z.string()) }));
}

const ReachNotes = /* @__PURE__ */ notesSchema(REACH_NOTE_CODES);

const statsShape = {
  n: Count,
  excluded: Count,
  reached: Count,
  rate: Rate,
  interval: Interval,
  meanEngagements: NonNegative,
  histogram: z.array(Count),
  notes: ReachNotes,
};

const ReachStatsSchema = /* @__PURE__ */ z.strictObject(statsShape);

/** A population group's own fields beside its counts: who it is and how it compares (shared with the suppressed report). */
export const groupComparisonShape = {
  id: z.string(),
  kind: GroupKind,
  members: z.array(z.string()),
  gap: Difference,
  gapInterval: DifferenceInterval,
  gapToNone: Difference,
  gapToNoneInterval: DifferenceInterval,
  riskRatio: NonNegative,
  alternateRiskRatio: NonNegative,
  alternateComparisonUnit: z.nullable(z.string()),
  representationIndex: NonNegative,
};

const ReachGroupStatsSchema = /* @__PURE__ */ z.strictObject({
  ...statsShape,
  ...groupComparisonShape,
  rest: z.strictObject({ n: Count, reached: Count, rate: Rate }),
});

export const breakdownShape = {
  overall: ReachStatsSchema,
  groups: z.array(ReachGroupStatsSchema),
  union: ReachGroupStatsSchema,
  none: ReachGroupStatsSchema,
  intersections: z.array(ReachGroupStatsSchema),
};

export type Issue = { readonly message: string; readonly path: PropertyKey[] };

/**
 * The cheap, decisive consistency checks of one breakdown (overall or a unit): reached ≤ n, a rate
 * that is reached ÷ n, a histogram of `bins` bins that sums to n and to reached from
 * `minEngagements` up, each group's comparison = everyone − the group, and the focal groups in the
 * summary's order.
 */
export function checkBreakdown(
  breakdown: ReachBreakdown,
  summary: { readonly focalGroups: readonly string[]; readonly histogramMax: number; readonly minEngagements: number },
  path: PropertyKey[],
  issue: (entry: Issue) => void,
): void {
  const bins = summary.histogramMax + 1;
  const checkStats = (stats: ReachStats, at: PropertyKey[]) => {
    if (stats.reached > stats.n)
      issue({ message: `reached (${stats.reached}) exceeds n (${stats.n})`, path: [...at, 'reached'] });
    if ((stats.rate === null) !== (stats.n === 0) || (stats.rate !== null && stats.rate !== stats.reached / stats.n)) {
      issue({ message: 'the rate is not reached ÷ n', path: [...at, 'rate'] });
    }
    if (stats.histogram.length !== bins) {
      issue({ message: `expected ${bins} histogram bins (histogramMax + 1)`, path: [...at, 'histogram'] });
      return;
    }
    let total = 0;
    let reached = 0;
    for (let bin = 0; bin < bins; bin += 1) {
      const count = stats.histogram[bin] as number;
      total += count;
      if (bin >= summary.minEngagements) reached += count;
    }
    if (total !== stats.n || reached !== stats.reached) {
      issue({ message: 'the histogram does not add up to n and reached', path: [...at, 'histogram'] });
    }
  };
  checkStats(breakdown.overall, [...path, 'overall']);
  const everyone = breakdown.overall;
  const checkGroup = (group: ReachGroupStats, at: PropertyKey[]) => {
    checkStats(group, at);
    if (group.rest.n + group.n !== everyone.n || group.rest.reached + group.reached !== everyone.reached) {
      issue({ message: 'the comparison group is not everyone else in the unit', path: [...at, 'rest'] });
    }
  };
  if (breakdown.groups.length !== summary.focalGroups.length) {
    issue({ message: `expected one entry per focal group (${summary.focalGroups.length})`, path: [...path, 'groups'] });
  }
  breakdown.groups.forEach((group, index) => {
    if (group.id !== summary.focalGroups[index] || group.kind !== 'focal') {
      issue({
        message: `expected focal group ${JSON.stringify(summary.focalGroups[index])}`,
        path: [...path, 'groups', index, 'id'],
      });
    }
    checkGroup(group, [...path, 'groups', index]);
  });
  checkGroup(breakdown.union, [...path, 'union']);
  checkGroup(breakdown.none, [...path, 'none']);
  breakdown.intersections.forEach((group, index) => {
    checkGroup(group, [...path, 'intersections', index]);
  });
}

/** Ids in `values` that appear twice are an issue at the second. */
export function checkUnique(
  values: readonly string[],
  path: (index: number) => PropertyKey[],
  what: string,
  issue: (entry: Issue) => void,
) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) issue({ message: `duplicate ${what} ${JSON.stringify(value)}`, path: path(index) });
    seen.add(value);
  });
}
