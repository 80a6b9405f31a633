import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { groupComparisonShape } from './_reachSummarySchema.js';
import {
  Count,
  Interval,
  NonNegative,
  notesSchema,
  Rate,
  type ReachGroupStats,
  type ReachStats,
  StoredReachPolicy,
} from './ReachSummary.js';
import type { ReachPolicy } from './reachPolicy.js';

/**
 * A published rate that is only bounded: `below` — the rate is under `value` (fewer than
 * `minCellSize` reached); `above` — the rate is over `value` (fewer than `minCellSize` not reached).
 *
 * @category Reach
 */
export interface CodedRate {
  readonly bound: 'below' | 'above';
  readonly value: number;
}

/**
 * A population's reach after suppression: a hidden count is `null`, and so is every statistic
 * derived from it. Histograms are never published (their bins are small counts).
 *
 * @category Reach
 */
export interface SuppressedReachStats {
  readonly n: number | null;
  readonly excluded: number | null;
  readonly reached: number | null;
  readonly rate: number | null;
  readonly rateCoded: CodedRate | null;
  readonly interval: readonly [number, number] | null;
  readonly meanEngagements: number | null;
  /** Why a count is hidden, one note per hidden count (its `field`: `n`, `reached`, `excluded`, `rest.n`, `rest.reached`). */
  readonly notes: readonly Note<SuppressionNoteCode>[];
}

/**
 * A group's reach and comparisons after suppression: the fields of {@link ReachGroupStats} (its
 * gaps, ratios and intervals are `null` when derived from a hidden count), with the counts of
 * {@link SuppressedReachStats} and a `rest` whose hidden counts are `null`. The summary's notes
 * are not carried over (they name counts, e.g. a group's size under the n-size); the notes say
 * which counts are hidden and why.
 *
 * @category Reach
 */
export interface SuppressedReachGroup extends SuppressedReachStats, Omit<ReachGroupStats, keyof ReachStats | 'rest'> {
  readonly rest: { readonly n: number | null; readonly reached: number | null; readonly rate: number | null };
}

/**
 * One scope (overall or a unit) after suppression.
 *
 * @category Reach
 */
export interface SuppressedReachBreakdown {
  readonly overall: SuppressedReachStats;
  readonly groups: readonly SuppressedReachGroup[];
  readonly union: SuppressedReachGroup;
  readonly none: SuppressedReachGroup;
  readonly intersections: readonly SuppressedReachGroup[];
}

/**
 * One hidden count and why: `below-min-cell-size` — fewer than `minCellSize` people;
 * `near-0-or-100` — fewer than `minCellSize` reached or not reached (the rate is top- or
 * bottom-coded); `group-hidden` —
 * the group's n is hidden, so its reach is too; `complementary` — hidden so that the others cannot
 * be recomputed from totals. `unit` is `null` for overall; `population` is a group id, `everyone`,
 * or `rest:<id>` for everyone outside a group.
 *
 * @category Reach
 */
export interface SuppressedCell {
  readonly unit: string | null;
  readonly population: string;
  readonly count: 'n' | 'reached' | 'excluded';
  readonly reason: 'below-min-cell-size' | 'near-0-or-100' | 'group-hidden' | 'complementary';
}

/**
 * Why a count of a suppressed report is hidden (the {@link SuppressedCell} reasons as note codes):
 *
 * - `BELOW_MIN_CELL_SIZE` — fewer than `minCellSize` people.
 * - `NEAR_0_OR_100` — fewer than `minCellSize` reached or not reached: the rate is top- or
 *   bottom-coded (`rateCoded`).
 * - `GROUP_HIDDEN` — the population's n is hidden, so its reached count is too.
 * - `COMPLEMENTARY` — hidden so that another hidden count cannot be recomputed from totals.
 * - `COUNTS_SUPPRESSED` — on the report: how many counts were hidden (field `suppressed`).
 *
 * @category Reach
 */
export type SuppressionNoteCode =
  | 'BELOW_MIN_CELL_SIZE'
  | 'NEAR_0_OR_100'
  | 'GROUP_HIDDEN'
  | 'COMPLEMENTARY'
  | 'COUNTS_SUPPRESSED';

/**
 * The result of {@link suppressSmallCells}: the summary's shape with hidden values `null`, the
 * units of the published levels only, and the list of what was hidden and why.
 *
 * @category Reach
 */
export interface SuppressedReachReport extends SuppressedReachBreakdown {
  /** The version of this result's shape (1); a stored report with a newer one is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  /** The effective policy: the summary's, with `options.policy` on top (`minCellSize` applies here). */
  readonly policy: ReachPolicy;
  readonly hierarchy: readonly string[];
  readonly focalGroups: readonly string[];
  readonly minEngagements: number;
  readonly units: readonly (SuppressedReachBreakdown & {
    readonly id: string;
    readonly level: string;
    readonly code: string;
    readonly path: readonly string[];
    readonly parent: string | null;
  })[];
  readonly suppressed: readonly SuppressedCell[];
  /** About the report as a whole (how many counts were hidden); empty when nothing was. */
  readonly notes: readonly Note<SuppressionNoteCode>[];
}

/**
 * Options of {@link suppressSmallCells}.
 *
 * - `policy`: overrides of the summary's policy (its `minCellSize` applies here).
 * - `hierarchy`: the published unit levels (default all of the summary's).
 *
 * @category Reach
 */
export interface SuppressSmallCellsOptions {
  readonly policy?: Partial<ReachPolicy>;
  readonly hierarchy?: readonly string[];
}

/** The `schemaVersion` this version of the library writes for {@link SuppressedReachReport}. @internal */
export const SUPPRESSED_REACH_REPORT_VERSION = 1;

const HiddenCount = /* @__PURE__ */ z.nullable(Count);
const SuppressionNotes = /* @__PURE__ */ notesSchema([
  'BELOW_MIN_CELL_SIZE',
  'NEAR_0_OR_100',
  'GROUP_HIDDEN',
  'COMPLEMENTARY',
  'COUNTS_SUPPRESSED',
] as const satisfies readonly SuppressionNoteCode[]);

const suppressedStatsShape = {
  n: HiddenCount,
  excluded: HiddenCount,
  reached: HiddenCount,
  rate: Rate,
  rateCoded: z.nullable(
    z.strictObject({ bound: z.enum(['below', 'above']), value: z.number().check(z.gte(0), z.lte(1)) }),
  ),
  interval: Interval,
  meanEngagements: NonNegative,
  notes: SuppressionNotes,
};

const SuppressedGroup = /* @__PURE__ */ z.strictObject({
  ...suppressedStatsShape,
  ...groupComparisonShape,
  rest: z.strictObject({ n: HiddenCount, reached: HiddenCount, rate: Rate }),
});

const suppressedBreakdownShape = {
  overall: z.strictObject(suppressedStatsShape),
  groups: z.array(SuppressedGroup),
  union: SuppressedGroup,
  none: SuppressedGroup,
  intersections: z.array(SuppressedGroup),
};

/**
 * Schema of a {@link SuppressedReachReport} as stored or published (JSON): every field of the
 * current `schemaVersion` (1), no unknown keys, finite numbers (shown counts whole and ≥ 0, rates,
 * bounds and coded rates in [0, 1], gaps in [−1, 1]), the policy present and valid, unique unit ids,
 * and reached ≤ n wherever both are shown.
 *
 * @category Reach
 * @example
 * ```ts
 * import { SuppressedReachReport, summarizeReach, suppressSmallCells } from 'scaling-navigator/reach';
 * const summary = summarizeReach([{ id: 'a', units: { school: 'A' }, engagements: 1 }], { focalGroups: [], unitLevels: ['school'] });
 * const report = suppressSmallCells(summary);
 * SuppressedReachReport.safeParse(JSON.parse(JSON.stringify(report))).success //=> true
 * SuppressedReachReport.safeParse({ ...report, schemaVersion: 2 }).success //=> false
 * ```
 */
export const SuppressedReachReport: z.ZodMiniType<SuppressedReachReport> = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: z.literal(SUPPRESSED_REACH_REPORT_VERSION),
    policy: StoredReachPolicy,
    hierarchy: z.array(z.string()),
    focalGroups: z.array(z.string()),
    minEngagements: z.int().check(z.gte(1)),
    ...suppressedBreakdownShape,
    units: z.array(
      z.strictObject({
        id: z.string(),
        level: z.string(),
        code: z.string(),
        path: z.array(z.string()),
        parent: z.nullable(z.string()),
        ...suppressedBreakdownShape,
      }),
    ),
    suppressed: z.array(
      z.strictObject({
        unit: z.nullable(z.string()),
        population: z.string(),
        count: z.enum(['n', 'reached', 'excluded']),
        reason: z.enum(['below-min-cell-size', 'near-0-or-100', 'group-hidden', 'complementary']),
      }),
    ),
    notes: SuppressionNotes,
  })
  .check(
    crossCheck((report, context) => {
      const seen = new Set<string>();
      const checkStats = (stats: { n: number | null; reached: number | null }, path: PropertyKey[]) => {
        if (stats.n !== null && stats.reached !== null && stats.reached > stats.n) {
          context.issues.push({
            code: 'custom',
            input: undefined,
            message: 'reached exceeds n',
            path: [...path, 'reached'],
          });
        }
      };
      const checkBreakdown = (
        breakdown: z.output<z.ZodMiniObject<typeof suppressedBreakdownShape>>,
        path: PropertyKey[],
      ) => {
        checkStats(breakdown.overall, [...path, 'overall']);
        breakdown.groups.forEach((group, index) => {
          checkStats(group, [...path, 'groups', index]);
        });
        checkStats(breakdown.union, [...path, 'union']);
        checkStats(breakdown.none, [...path, 'none']);
        breakdown.intersections.forEach((group, index) => {
          checkStats(group, [...path, 'intersections', index]);
        });
      };
      checkBreakdown(report, []);
      report.units.forEach((unit, index) => {
        if (seen.has(unit.id)) {
          context.issues.push({
            code: 'custom',
            input: undefined,
            message: `duplicate unit id ${JSON.stringify(unit.id)}`,
            path: ['units', index, 'id'],
          });
        }
        seen.add(unit.id);
        checkBreakdown(unit, ['units', index]);
      });
    }),
  ) as unknown as z.ZodMiniType<SuppressedReachReport>;

/**
 * Validates a stored or received suppressed report against {@link SuppressedReachReport}; the
 * input is not mutated.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `issues` lists
 * every problem.
 * @example
 * ```ts
 * import { parseSuppressedReachReport, summarizeReach, suppressSmallCells } from 'scaling-navigator/reach';
 * const summary = summarizeReach([{ id: 'a', units: { school: 'A' }, engagements: 1 }], { focalGroups: [], unitLevels: ['school'] });
 * const report = suppressSmallCells(summary);
 * parseSuppressedReachReport(JSON.parse(JSON.stringify(report))).overall.n //=> null
 * parseSuppressedReachReport({ ...report, overall: { ...report.overall, rate: Infinity } }) //=> throws INVALID_INPUT at ['overall', 'rate']
 * ```
 */
export const parseSuppressedReachReport: (input: unknown) => SuppressedReachReport =
  /* @__PURE__ */ schemaParsers(SuppressedReachReport).parse;

/**
 * Like {@link parseSuppressedReachReport}, but returns the error instead of throwing.
 *
 * @category Reach
 * @example
 * ```ts
 * import { safeParseSuppressedReachReport } from 'scaling-navigator/reach';
 * safeParseSuppressedReachReport({ schemaVersion: 1 }).success //=> false
 * ```
 */
export const safeParseSuppressedReachReport: (input: unknown) => SafeParseResult<SuppressedReachReport> =
  /* @__PURE__ */ schemaParsers(SuppressedReachReport).safeParse;
