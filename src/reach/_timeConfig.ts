/**
 * The options of {@link reachOverTime} and {@link reachTimeAccumulator}, validated once.
 *
 * @internal
 * @module
 */

import { requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';
import { readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import {
  readConfidenceLevel,
  requireArray,
  requireNonEmptyId,
  requireNumber,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import { ReachTarget } from '../framework/ReachTarget.js';
import { MAX_HISTOGRAM_MAX, readFocalGroupIds } from './_config.js';
import { internalized } from './_rowKeys.js';
import { type ReachOverTimeOptions, TIME_OPTION_KEYS } from './ReachOverTimeOptions.js';
import { PERIOD_KEYS } from './ReachRoster.js';

/** At most this many days from `period.start` to the end of the analysis (ten years). */
export const MAX_TIME_DAYS = 3660;

/** Options after validation. Days are days since 1970-01-01. */
export interface ReachTimeConfig {
  readonly focalGroups: readonly string[];
  readonly unitLevels: ReadonlySet<string>;
  /** The same names, internalized, for the per-row key check. */
  readonly unitLevelNames: readonly string[];
  readonly period: { readonly start: string; readonly end: string };
  readonly asOf: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  /** The last day analysed: min(asOf, period.end). */
  readonly lastDay: number;
  /** Days analysed (day 1 = period.start … day `horizon` = lastDay). */
  readonly horizon: number;
  readonly minEngagements: number;
  readonly every: number;
  readonly quantiles: readonly number[];
  readonly confidenceLevel: number;
  readonly target: ReachTarget | null;
  readonly arriveBy: string | null;
  readonly window: number;
  /** Identifies configurations whose states may be merged. */
  readonly fingerprint: string;
}

function readWhole(value: unknown, path: ErrorPath, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const count = requireNumber(value, path, { min, integer: true });
  if (count > max) limitExceeded(path, `must be at most ${max}, got ${count}`);
  return count;
}

/** Validates {@link ReachOverTimeOptions}. */
export function resolveTimeConfig(value: unknown, path: ErrorPath): ReachTimeConfig {
  if (value === undefined) invalid(path, 'reachOverTime needs options: focalGroups, period and asOf');
  const options = readOptions<ReachOverTimeOptions>(value, TIME_OPTION_KEYS, path);
  const focalGroups = readFocalGroupIds(options.focalGroups, [...path, 'focalGroups']);
  const levelList = options.unitLevels === undefined ? [] : requireArray(options.unitLevels, [...path, 'unitLevels']);
  requireDenseArray(levelList, [...path, 'unitLevels'], 64);
  const unitLevels = new Set<string>();
  for (const [index, level] of levelList.entries()) {
    const levelPath = [...path, 'unitLevels', index];
    requireUniqueId(unitLevels, requireNonEmptyId(level, levelPath), levelPath, 'unit level');
  }
  const raw = requireRecord(options.period, [...path, 'period']);
  requireKnownKeys(raw, PERIOD_KEYS, [...path, 'period']);
  const periodStart = requireIsoDate(raw.start, [...path, 'period', 'start']);
  const periodEnd = requireIsoDate(raw.end, [...path, 'period', 'end']);
  if (periodEnd < periodStart) invalid([...path, 'period', 'end'], 'the period must not end before it starts');
  const asOfDay = requireIsoDate(options.asOf, [...path, 'asOf']);
  if (asOfDay < periodStart)
    invalid([...path, 'asOf'], 'asOf is before the period starts: there is nothing to see yet');
  const lastDay = Math.min(asOfDay, periodEnd);
  const horizon = lastDay - periodStart + 1;
  if (horizon > MAX_TIME_DAYS) {
    limitExceeded([...path, 'period'], `${horizon} days from period.start to asOf; the limit is ${MAX_TIME_DAYS}`);
  }
  let target: ReachTarget | null = null;
  if (options.target !== undefined) {
    target = parseOrThrow(ReachTarget, options.target, [...path, 'target']) as ReachTarget;
    target.focalGroups?.forEach((id, index) => {
      if (!focalGroups.includes(id)) {
        invalid([...path, 'target', 'focalGroups', index], `unknown focal group ${JSON.stringify(id)}`);
      }
    });
  }
  const minEngagements = readWhole(
    options.minEngagements,
    [...path, 'minEngagements'],
    target?.minEngagements ?? 1,
    1,
    MAX_HISTOGRAM_MAX,
  );
  if (target !== null && target.minEngagements !== minEngagements) {
    invalid(
      [...path, 'target', 'minEngagements'],
      `the target counts ${target.minEngagements} engagements but options.minEngagements is ${minEngagements}`,
    );
  }
  const every = readWhole(options.every, [...path, 'every'], 7, 1, 366);
  const quantileList =
    options.quantiles === undefined ? [0.5] : requireArray(options.quantiles, [...path, 'quantiles']);
  requireDenseArray(quantileList, [...path, 'quantiles'], 20);
  const quantiles = quantileList.map((entry, index) => {
    const q = requireNumber(entry, [...path, 'quantiles', index]);
    if (!(q > 0 && q < 1)) invalid([...path, 'quantiles', index], `a share strictly between 0 and 1, got ${q}`);
    return q;
  });
  const confidenceLevel = readConfidenceLevel(options.confidenceLevel, [...path, 'confidenceLevel']);
  let arriveBy: string | null = null;
  if (options.arriveBy !== undefined) {
    requireIsoDate(options.arriveBy, [...path, 'arriveBy']);
    arriveBy = options.arriveBy as string;
  }
  const window = readWhole(options.window, [...path, 'window'], 28, 1, MAX_TIME_DAYS);
  const period = { start: raw.start as string, end: raw.end as string };
  const fingerprint = JSON.stringify([focalGroups, period, lastDay, minEngagements]);
  return {
    focalGroups,
    unitLevels,
    unitLevelNames: internalized([...unitLevels]),
    period,
    asOf: options.asOf as string,
    periodStart,
    periodEnd,
    lastDay,
    horizon,
    minEngagements,
    every,
    quantiles,
    confidenceLevel,
    target,
    arriveBy,
    window,
    fingerprint,
  };
}
