import { requireIsoDate } from '../_lib/dates.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { requireArray, requireNumber, requireRecord } from '../_lib/validate.js';

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
  /**
   * A change counts only when larger than this (in the data's units; default 0): spread must rise by
   * more than `minChange` and depth fall by more than `minChange`.
   */
  readonly minChange?: number;
}

/**
 * Why an interval (or the whole history) cannot be judged.
 *
 * @category Superficial spread
 */
export type SuperficialSpreadNoteCode = 'DEPTH_UNKNOWN' | 'SPREAD_UNKNOWN' | 'TOO_FEW_ASSESSMENTS';

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
  /** Spread rose while depth fell; `null` when a change is unknown. */
  readonly superficial: boolean | null;
  /** Why `superficial` is `null`. */
  readonly note: Note<SuperficialSpreadNoteCode> | null;
}

/**
 * The result of {@link detectSuperficialSpread}.
 *
 * @category Superficial spread
 */
export interface SuperficialSpreadReport {
  /** Every interval between consecutive assessments, in date order. */
  readonly intervals: readonly SpreadDepthInterval[];
  /** How many intervals are flagged superficial. */
  readonly flaggedCount: number;
  /** `TOO_FEW_ASSESSMENTS` when there are fewer than two assessments; otherwise `null`. */
  readonly note: Note<SuperficialSpreadNoteCode> | null;
  /** The effective `minChange`. */
  readonly minChange: number;
}

function readValue(value: unknown, path: (string | number)[]): number | null {
  return value === null || value === undefined ? null : requireNumber(value, path);
}

/**
 * Flags each interval between consecutive dated assessments in which spread rose while depth
 * fell — REL Appalachia's pilot guidance's most common pitfall of scaling: implementation grows more superficial as the
 * number of educators using it grows — with the size of both changes.
 *
 * Dates must be strictly increasing ISO calendar dates (handled as UTC days). An interval with an
 * unknown depth or spread at either end is `superficial: null` with a note. O(n).
 *
 * @category Superficial spread
 * @throws ScalingNavigatorError `INVALID_INPUT` for a date that is not ISO or not after the previous
 *   one, a non-finite depth or spread, or a negative `minChange`.
 * @example
 * ```ts
 * import { detectSuperficialSpread } from 'scaling-navigator/dimensions';
 * const report = detectSuperficialSpread([
 *   { date: '2024-06-01', depth: 0.7, spread: 0.2 },
 *   { date: '2025-06-01', depth: 0.5, spread: 0.6 },
 *   { date: '2026-06-01', depth: 0.6, spread: 0.8 },
 * ]);
 * report.flaggedCount //=> 1
 * report.intervals[0].days //=> 365
 * report.intervals[0].superficial //=> true
 * report.intervals[0].depthChange //≈ -0.2
 * report.intervals[1].superficial //=> false
 * ```
 */
export function detectSuperficialSpread(
  history: readonly DepthSpreadPoint[],
  options: DetectSuperficialSpreadOptions = {},
): SuperficialSpreadReport {
  const points = requireArray(history, ['history']);
  const optionRecord = requireRecord(options, ['options']);
  const minChange =
    optionRecord.minChange === undefined
      ? 0
      : requireNumber(optionRecord.minChange, ['options', 'minChange'], { min: 0 });

  const parsed = points.map((point, index) => {
    const record = requireRecord(point, ['history', index]);
    return {
      date: record.date as string,
      day: requireIsoDate(record.date, ['history', index, 'date']),
      depth: readValue(record.depth, ['history', index, 'depth']),
      spread: readValue(record.spread, ['history', index, 'spread']),
    };
  });

  const intervals: SpreadDepthInterval[] = [];
  for (let index = 1; index < parsed.length; index += 1) {
    const before = parsed[index - 1];
    const after = parsed[index];
    if (before === undefined || after === undefined) continue;
    if (after.day <= before.day) {
      invalid(
        ['history', index, 'date'],
        `dates must be strictly increasing; ${after.date} is not after ${before.date}`,
      );
    }
    const spreadChange = before.spread === null || after.spread === null ? null : after.spread - before.spread;
    const depthChange = before.depth === null || after.depth === null ? null : after.depth - before.depth;
    let superficial: boolean | null = null;
    let intervalNote: Note<SuperficialSpreadNoteCode> | null = null;
    if (depthChange === null) {
      intervalNote = note('DEPTH_UNKNOWN', `depth is unknown on ${before.depth === null ? before.date : after.date}`);
    } else if (spreadChange === null) {
      intervalNote = note(
        'SPREAD_UNKNOWN',
        `spread is unknown on ${before.spread === null ? before.date : after.date}`,
      );
    } else {
      superficial = spreadChange > minChange && depthChange < -minChange;
    }
    intervals.push({
      from: before.date,
      to: after.date,
      days: after.day - before.day,
      spreadChange,
      depthChange,
      superficial,
      note: intervalNote,
    });
  }

  return {
    intervals,
    flaggedCount: intervals.filter((interval) => interval.superficial === true).length,
    note:
      parsed.length < 2
        ? note('TOO_FEW_ASSESSMENTS', 'at least two dated assessments are needed to see a change')
        : null,
    minChange,
  };
}
