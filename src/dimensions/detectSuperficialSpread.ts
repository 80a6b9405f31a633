import * as z from 'zod/mini';
import { requireIsoDate } from '../_lib/dates.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { requireArray, requireNumber, requireRecord } from '../_lib/validate.js';
import { decide, ruleReason } from '../framework/_rules.js';
import { IsoDate } from '../framework/_schemaParts.js';
import type { Decision } from '../framework/Decision.js';
import { count, decisionSchema, noteSchema } from './_resultSchemas.js';
import { DIMENSIONS_RULES, type DimensionsRule } from './dimensionsRules.js';
import {
  type SuperficialSpreadPolicy,
  superficialSpreadPolicyDefinition,
  superficialSpreadPolicyFields,
} from './superficialSpreadPolicy.js';

/**
 * One dated assessment of depth and spread, on any consistent scale (e.g. the `score`s of
 * `assessScale`, or a depth rubric mean and a count of schools). `null` or `undefined` is unknown.
 *
 * @category Superficial spread
 */
export interface DepthSpreadPoint {
  /** ISO calendar date of the assessment. */
  readonly date: string;
  readonly depth: number | null | undefined;
  readonly spread: number | null | undefined;
}

/**
 * Options for {@link detectSuperficialSpread}.
 *
 * @category Superficial spread
 */
export interface DetectSuperficialSpreadOptions {
  /** Overrides of {@link DEFAULT_SUPERFICIAL_SPREAD_POLICY} (`tolerance`: the smallest change that counts). */
  readonly policy?: Partial<SuperficialSpreadPolicy>;
}

/**
 * Why an interval (field `superficial`) or the whole history (field `decision`) cannot be judged;
 * `CHANGE_NOT_REPRESENTABLE` (field `spreadChange` or `depthChange`): the change exceeds the
 * largest double (values near ±1e308), so it is `null`, while `superficial` is still judged (on
 * halves, which cannot overflow).
 *
 * @category Superficial spread
 */
export type SuperficialSpreadNoteCode =
  | 'DEPTH_UNKNOWN'
  | 'SPREAD_UNKNOWN'
  | 'TOO_FEW_ASSESSMENTS'
  | 'CHANGE_NOT_REPRESENTABLE';

const SUPERFICIAL_SPREAD_NOTE_CODES = [
  'DEPTH_UNKNOWN',
  'SPREAD_UNKNOWN',
  'TOO_FEW_ASSESSMENTS',
  'CHANGE_NOT_REPRESENTABLE',
] as const satisfies readonly SuperficialSpreadNoteCode[];
const POINT_KEYS = keysOf<DepthSpreadPoint>()('date', 'depth', 'spread');
const DETECT_OPTION_KEYS = keysOf<DetectSuperficialSpreadOptions>()('policy');
/** The most assessments {@link detectSuperficialSpread} takes. */
const MAX_ASSESSMENTS = 2 ** 31 - 1;

/**
 * One interval between consecutive assessments.
 *
 * @category Superficial spread
 */
export interface SpreadDepthInterval {
  readonly from: string;
  readonly to: string;
  /** Calendar days between the two assessments. */
  readonly days: number;
  /** `spread(to) − spread(from)`, or `null` when either is unknown. */
  readonly spreadChange: number | null;
  /** `depth(to) − depth(from)`, or `null` when either is unknown. */
  readonly depthChange: number | null;
  /**
   * Spread rose and depth fell, each by more than the policy's tolerance (the interval is then a
   * reason of the report's decision, rule `dimensions/spread-rose-depth-fell`); `null` when a
   * change is unknown.
   */
  readonly superficial: boolean | null;
  /** Why `superficial` is `null`; empty when it is known. */
  readonly notes: readonly Note<SuperficialSpreadNoteCode>[];
}

/**
 * The result of {@link detectSuperficialSpread}.
 *
 * @category Superficial spread
 */
export interface SuperficialSpreadReport {
  /** The version of this result's shape: 1. A stored report of a newer version is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  /**
   * `'superficial-spread'` when some interval shows spread rising while depth falls (one reason per
   * such interval, with both changes), `'no-superficial-spread'` when intervals were judged and
   * none does, `'undetermined'` with fewer than two assessments or no judged interval.
   */
  readonly decision: Decision<'superficial-spread' | 'no-superficial-spread', DimensionsRule, SuperficialSpreadPolicy>;
  /** Every interval between consecutive assessments, in date order. */
  readonly intervals: readonly SpreadDepthInterval[];
  /** How many intervals are flagged superficial. */
  readonly flaggedCount: number;
  /** `TOO_FEW_ASSESSMENTS` (field `decision`) when there are fewer than two assessments; otherwise empty. */
  readonly notes: readonly Note<SuperficialSpreadNoteCode>[];
  /** The effective policy. */
  readonly policy: SuperficialSpreadPolicy;
}

function readValue(value: unknown, path: (string | number)[]): number | null {
  return value === null || value === undefined ? null : requireNumber(value, path);
}

/**
 * Flags each interval between consecutive dated assessments in which spread rose while depth
 * fell — REL Appalachia's pilot guidance's most common pitfall of scaling: implementation grows
 * more superficial as the number of educators using it grows — and decides whether the history
 * shows that pitfall, with the size of both changes in each reason.
 *
 * A change counts only when larger than `policy.tolerance` (default 0). Dates must be strictly
 * increasing ISO calendar dates (handled as UTC days). An interval with an unknown depth or spread
 * at either end is `superficial: null` with a note, and is counted (`unknownIntervals`) in the
 * decision's evidence. Every reason names a rule of {@link DIMENSIONS_RULES}. O(n).
 *
 * @category Superficial spread
 * The report carries `schemaVersion: 1`, is frozen, and matches the exported
 * {@link SuperficialSpreadReport} schema (`parseSuperficialSpreadReport` checks a stored one).
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for a date that is not ISO or not after the previous
 *   one, a non-finite depth or spread, a hole in `history`, an unknown key in an assessment, in
 *   `options` or in the policy (with a suggestion), or a negative `policy.tolerance`.
 *   `LIMIT_EXCEEDED` for more than 2³¹ − 1 assessments.
 * @example
 * ```ts
 * import { detectSuperficialSpread } from 'scaling-navigator/dimensions';
 * const report = detectSuperficialSpread([
 *   { date: '2024-06-01', depth: 0.7, spread: 0.2 },
 *   { date: '2025-06-01', depth: 0.5, spread: 0.6 },
 *   { date: '2026-06-01', depth: 0.6, spread: 0.8 },
 * ]);
 * report.decision.action //=> 'superficial-spread'
 * report.decision.reasons.map((reason) => [reason.rule, reason.evidence.from, reason.evidence.to])
 * //=> [['dimensions/spread-rose-depth-fell', '2024-06-01', '2025-06-01']]
 * report.flaggedCount //=> 1
 * report.intervals[0].days //=> 365
 * report.intervals[0].depthChange //≈ -0.2
 * report.intervals[1].superficial //=> false
 * detectSuperficialSpread([{ date: '2025-01-01', depth: 1, spread: 1 }]).decision.action //=> 'undetermined'
 * detectSuperficialSpread([{ date: '2025-01-01', depth: 1, reach: 1 }] as never) //=> throws INVALID_INPUT at ['history', 0, 'reach']
 * ```
 */
export function detectSuperficialSpread(
  history: readonly DepthSpreadPoint[],
  options: DetectSuperficialSpreadOptions = {},
): SuperficialSpreadReport {
  const points = requireArray(history, ['history']);
  requireDenseArray(points, ['history'], MAX_ASSESSMENTS);
  const optionRecord = readOptions<DetectSuperficialSpreadOptions>(options, DETECT_OPTION_KEYS, ['options']);
  const policy = superficialSpreadPolicyDefinition.resolve(optionRecord.policy, ['options', 'policy']);
  const { tolerance } = policy;

  const parsed = points.map((point, index) => {
    const record = requireRecord(point, ['history', index]);
    requireKnownKeys(record, POINT_KEYS, ['history', index]);
    return {
      date: record.date as string,
      day: requireIsoDate(record.date, ['history', index, 'date']),
      depth: readValue(record.depth, ['history', index, 'depth']),
      spread: readValue(record.spread, ['history', index, 'spread']),
    };
  });

  const intervals: SpreadDepthInterval[] = [];
  for (let index = 1; index < parsed.length; index += 1) {
    // 1 ≤ index < parsed.length and parsed maps the points, which requireDenseArray checked for holes.
    const before = parsed[index - 1] as (typeof parsed)[number];
    const after = parsed[index] as (typeof parsed)[number];
    if (after.day <= before.day) {
      invalid(
        ['history', index, 'date'],
        `dates must be strictly increasing; ${after.date} is not after ${before.date}`,
      );
    }
    // Halves of the changes cannot overflow; `+ 0` turns −0 into 0.
    const halfSpread = before.spread === null || after.spread === null ? null : after.spread / 2 - before.spread / 2;
    const halfDepth = before.depth === null || after.depth === null ? null : after.depth / 2 - before.depth / 2;
    const notes: Note<SuperficialSpreadNoteCode>[] = [];
    const change = (half: number | null, from: number | null, to: number | null, field: string): number | null => {
      if (half === null) return null;
      const whole = (to as number) - (from as number) + 0;
      if (Number.isFinite(whole)) return whole;
      notes.push(
        note('CHANGE_NOT_REPRESENTABLE', `the change ${field} exceeds the largest floating-point number`, field),
      );
      return null;
    };
    const spreadChange = change(halfSpread, before.spread, after.spread, 'spreadChange');
    const depthChange = change(halfDepth, before.depth, after.depth, 'depthChange');
    let superficial: boolean | null = null;
    if (halfDepth === null) {
      const when = before.depth === null ? before.date : after.date;
      notes.push(note('DEPTH_UNKNOWN', `depth is unknown on ${when}`, 'superficial'));
    } else if (halfSpread === null) {
      const when = before.spread === null ? before.date : after.date;
      notes.push(note('SPREAD_UNKNOWN', `spread is unknown on ${when}`, 'superficial'));
    } else {
      // The whole changes, not the halves: halving a subnormal rounds it to 0 (a rise of 5e-324 would
      // go unseen). A difference of finite numbers is never NaN, and one that overflows to ±Infinity
      // still compares the right way with the tolerance.
      const spreadRise = (after.spread as number) - (before.spread as number);
      const depthRise = (after.depth as number) - (before.depth as number);
      superficial = spreadRise > tolerance && depthRise < -tolerance;
    }
    intervals.push({
      from: before.date,
      to: after.date,
      days: after.day - before.day,
      spreadChange,
      depthChange,
      superficial,
      notes,
    });
  }

  const reason = (rule: DimensionsRule, evidence: Parameters<typeof ruleReason>[2]) =>
    ruleReason(DIMENSIONS_RULES, rule, evidence);
  const flagged = intervals.filter((interval) => interval.superficial === true);
  const judged = intervals.filter((interval) => interval.superficial !== null).length;
  const counts = {
    assessments: parsed.length,
    intervals: intervals.length,
    unknownIntervals: intervals.length - judged,
  };
  const notes: Note<SuperficialSpreadNoteCode>[] = [];
  type Action = 'superficial-spread' | 'no-superficial-spread';
  let decision: SuperficialSpreadReport['decision'];
  if (parsed.length < 2) {
    notes.push(note('TOO_FEW_ASSESSMENTS', 'at least two dated assessments are needed to see a change', 'decision'));
    decision = decide<Action, DimensionsRule, SuperficialSpreadPolicy>(
      'undetermined',
      [reason('dimensions/too-few-assessments', counts)],
      policy,
    );
  } else if (flagged.length > 0) {
    const reasons = flagged.map(({ from, to, days, spreadChange, depthChange }) =>
      reason('dimensions/spread-rose-depth-fell', { from, to, days, spreadChange, depthChange, tolerance }),
    );
    decision = decide('superficial-spread', reasons, policy);
  } else if (judged === 0) {
    decision = decide<Action, DimensionsRule, SuperficialSpreadPolicy>(
      'undetermined',
      [reason('dimensions/no-interval-judged', counts)],
      policy,
    );
  } else {
    const evidence = { ...counts, judgedIntervals: judged, tolerance };
    decision = decide('no-superficial-spread', [reason('dimensions/no-superficial-interval', evidence)], policy);
  }

  return sealResult(
    { schemaVersion: 1, decision, intervals, flaggedCount: flagged.length, notes, policy },
    'superficial-spread report',
  );
}

const policySchema = /* @__PURE__ */ z.strictObject(superficialSpreadPolicyFields);

/**
 * Schema of a stored {@link SuperficialSpreadReport} (`schemaVersion: 1`): strict at every depth,
 * every number finite, `flaggedCount` equal to the intervals flagged superficial.
 *
 * @category Superficial spread
 * @example
 * ```ts
 * import { detectSuperficialSpread, SuperficialSpreadReport } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(detectSuperficialSpread([])));
 * SuperficialSpreadReport.safeParse(stored).success //=> true
 * SuperficialSpreadReport.safeParse({ ...stored, policy: {} }).success //=> false
 * ```
 */
export const SuperficialSpreadReport = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: z.literal(1),
    decision: decisionSchema(['superficial-spread', 'no-superficial-spread'], policySchema),
    intervals: z.array(
      z.strictObject({
        from: IsoDate,
        to: IsoDate,
        days: z.int().check(z.gte(1)),
        spreadChange: z.nullable(z.number()),
        depthChange: z.nullable(z.number()),
        superficial: z.nullable(z.boolean()),
        notes: z.array(noteSchema(SUPERFICIAL_SPREAD_NOTE_CODES)),
      }),
    ),
    flaggedCount: count,
    notes: z.array(noteSchema(SUPERFICIAL_SPREAD_NOTE_CODES)),
    policy: policySchema,
  })
  .check(
    z.refine(
      (report) => report.flaggedCount === report.intervals.filter((interval) => interval.superficial === true).length,
      { message: 'flaggedCount must equal the intervals flagged superficial', path: ['flaggedCount'] },
    ),
  );

const reportParsers = /* @__PURE__ */ schemaParsers(SuperficialSpreadReport);

/**
 * Validates a stored superficial-spread report against {@link SuperficialSpreadReport}.
 *
 * @category Superficial spread
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path.
 * @example
 * ```ts
 * import { detectSuperficialSpread, parseSuperficialSpreadReport } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(detectSuperficialSpread([])));
 * parseSuperficialSpreadReport(stored).schemaVersion //=> 1
 * parseSuperficialSpreadReport({ ...stored, flaggedCount: 2 }) //=> throws INVALID_INPUT at ['flaggedCount']
 * ```
 */
export function parseSuperficialSpreadReport(input: unknown): SuperficialSpreadReport {
  return reportParsers.parse(input) as SuperficialSpreadReport;
}

/**
 * Like {@link parseSuperficialSpreadReport}, but returns the error instead of throwing.
 *
 * @category Superficial spread
 * @example
 * ```ts
 * import { detectSuperficialSpread, safeParseSuperficialSpreadReport } from 'scaling-navigator/dimensions';
 * const stored = JSON.parse(JSON.stringify(detectSuperficialSpread([])));
 * safeParseSuperficialSpreadReport({ ...stored, schemaVersion: 2 }).success //=> false
 * ```
 */
export function safeParseSuperficialSpreadReport(input: unknown): SafeParseResult<SuperficialSpreadReport> {
  return reportParsers.safeParse(input) as SafeParseResult<SuperficialSpreadReport>;
}
