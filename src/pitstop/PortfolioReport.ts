import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { StoredType } from '../_lib/stored.js';
import { Id, IsoDate, Share } from '../framework/_schemaParts.js';
import { Count, CountOrNull, enumOf, noteSchema, Text } from '../learning/_resultSchemas.js';
import type { PitStopReport } from './PitStopReport.js';
import { type PitStopPolicy, PitStopPolicySchema } from './pitStopPolicy.js';

/** A count of students shown or suppressed. @category Portfolio */
export interface PortfolioCell {
  readonly id: string;
  /** Students in the focal group; `null` when suppressed. */
  readonly n: number | null;
  /** Of those, how many were reached; `null` when suppressed. */
  readonly reached: number | null;
  /** reached ÷ n; `null` when suppressed or n is 0. */
  readonly rate: number | null;
  /** `'small-cell'` (a count below `minCellSize`), `'complementary'` (hidden so others cannot be differenced out), or `null`. */
  readonly suppressed: 'small-cell' | 'complementary' | null;
}

/** One district's pit stop, summarized for a state. @category Portfolio */
export interface DistrictSummary {
  readonly id: string;
  /** 1 for the district that most needs support. */
  readonly rank: number;
  /** (off course + left behind + fuel) ÷ 3, each 1 for the bad answer, ½ undetermined, 0 otherwise. */
  readonly needScore: number;
  readonly components: { readonly offCourse: number; readonly leftBehind: number; readonly fuel: number };
  readonly onCourse: PitStopReport['onCourse']['decision']['action'];
  readonly broken: PitStopReport['broken']['decision']['action'];
  readonly fuel: PitStopReport['fuel']['decision']['action'];
  readonly leftBehind: PitStopReport['leftBehind']['decision']['action'];
  readonly route: PitStopReport['route']['decision']['action'];
  readonly moneyRunsOutOn: string | null;
  /** Strategies to revise, pause or remove. */
  readonly strategiesChanging: number;
  /** Focal groups the left-behind question flagged. */
  readonly focalGroupsBehind: readonly string[];
  /** Reach of each focal group, small cells suppressed. */
  readonly focalGroups: readonly PortfolioCell[];
}

/** A state's view of its districts' journeys: what {@link evaluatePortfolio} returns. @category Portfolio */
export interface PortfolioReport {
  readonly schemaVersion: 1;
  /** Districts ordered for support: highest need first, ties by id. */
  readonly districts: readonly DistrictSummary[];
  /** Each focal group over every district, small totals suppressed. */
  readonly focalGroupTotals: readonly PortfolioCell[];
  readonly notes: readonly Note<'COMPLEMENTARY_SUPPRESSION'>[];
  readonly policy: PitStopPolicy;
  readonly version: string;
}

const CellShape = /* @__PURE__ */ z
  .strictObject({
    id: Id,
    n: CountOrNull,
    reached: CountOrNull,
    rate: z.nullable(Share),
    suppressed: z.nullable(z.enum(['small-cell', 'complementary'])),
  })
  .check(
    crossCheck((cell, context) => {
      const shown = cell.suppressed === null;
      for (const key of ['n', 'reached'] as const) {
        if ((cell[key] === null) === shown) {
          context.issues.push({
            code: 'custom',
            input: cell[key],
            path: [key],
            message: shown ? 'a shown cell carries its counts' : 'a suppressed cell shows no counts',
          });
        }
      }
      if (cell.n !== null && cell.reached !== null && cell.reached > cell.n) {
        context.issues.push({ code: 'custom', input: cell.reached, path: ['reached'], message: 'reached exceeds n' });
      }
      const rate = cell.n === null || cell.reached === null || cell.n === 0 ? null : cell.reached / cell.n;
      if (cell.rate !== rate) {
        const message = rate === null ? 'a rate needs the counts, with n > 0' : `the rate is reached ÷ n = ${rate}`;
        context.issues.push({ code: 'custom', input: cell.rate, path: ['rate'], message });
      }
    }),
  );

const Weight = /* @__PURE__ */ z.union([z.literal(0), z.literal(0.5), z.literal(1)]);
const action = <const A extends string>(actions: readonly A[]) =>
  enumOf<A | 'undetermined'>([...actions, 'undetermined']);

const PortfolioShape = /* @__PURE__ */ z.strictObject({
  schemaVersion: z.literal(1),
  districts: z.array(
    z.strictObject({
      id: Id,
      rank: z.int().check(z.gte(1)),
      needScore: Share,
      components: z.strictObject({ offCourse: Weight, leftBehind: Weight, fuel: Weight }),
      onCourse: action(['on-course', 'off-course']),
      broken: action(['broken', 'not-broken']),
      fuel: action(['fuel-low', 'fuel-ok']),
      leftBehind: action(['left-behind', 'no-one-left-behind']),
      route: action(['stay-the-course', 'adjust-route', 'recalibrate-destination']),
      moneyRunsOutOn: z.nullable(IsoDate),
      strategiesChanging: Count,
      focalGroupsBehind: z.array(Id),
      focalGroups: z.array(CellShape),
    }),
  ),
  focalGroupTotals: z.array(CellShape),
  notes: z.array(noteSchema(['COMPLEMENTARY_SUPPRESSION'])),
  policy: PitStopPolicySchema,
  version: Text,
});

/**
 * Schema of a stored {@link PortfolioReport} (`schemaVersion: 1`), strict at every depth: a
 * suppressed cell shows no count (and a shown one both), reached never exceeds n. Use
 * {@link parsePortfolioReport} for a `ScalingNavigatorError` with a path.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import { PortfolioReport } from 'scaling-navigator/pitstop';
 * PortfolioReport.safeParse({ schemaVersion: 2 }).success //=> false
 * ```
 */
export const PortfolioReport: z.ZodMiniType<PortfolioReport> =
  /* @__PURE__ */ PortfolioShape as unknown as z.ZodMiniType<PortfolioReport>;

/** How `readStored` reads a portfolio report: version 1 only (no older version to upcast). @internal */
export const PORTFOLIO_REPORT_TYPE: StoredType<PortfolioReport> = {
  name: 'portfolio report',
  version: 1,
  schema: PortfolioReport,
};

const portfolioParsers = /* @__PURE__ */ schemaParsers(PortfolioReport);

/**
 * Validates a stored portfolio report (e.g. a state's published view, read back as JSON) and
 * returns it.
 *
 * @category Portfolio
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path.
 * @example
 * ```ts
 * import { parsePortfolioReport } from 'scaling-navigator/pitstop';
 * const cell = { id: 'el', n: 8, reached: 3, rate: 0.375, suppressed: 'small-cell' };
 * parsePortfolioReport({ schemaVersion: 1, districts: [], focalGroupTotals: [cell] }) //=> throws INVALID_INPUT at ['focalGroupTotals', 0, 'n']
 * ```
 */
export function parsePortfolioReport(input: unknown): PortfolioReport {
  return portfolioParsers.parse(input);
}

/**
 * Like {@link parsePortfolioReport}, but returns the error instead of throwing.
 *
 * @category Portfolio
 * @example
 * ```ts
 * import { safeParsePortfolioReport } from 'scaling-navigator/pitstop';
 * const result = safeParsePortfolioReport({ schemaVersion: 1, districts: [] });
 * result.success ? null : result.error.path //=> ['focalGroupTotals']
 * ```
 */
export function safeParsePortfolioReport(input: unknown): SafeParseResult<PortfolioReport> {
  return portfolioParsers.safeParse(input);
}
