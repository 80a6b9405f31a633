/**
 * The options of a reach summary or accumulator, validated once into a {@link ReachConfig}.
 *
 * @internal
 * @module
 */
import { requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid, limitExceeded } from '../_lib/errors.js';
import { readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import {
  describeValue,
  readConfidenceLevel,
  requireArray,
  requireNonEmptyId,
  requireNumber,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import { FOCAL_GROUP_KEYS, OPTION_KEYS, PERIOD_KEYS, type SummarizeReachOptions } from './ReachRoster.js';
import { type ReachPolicy, resolveReachPolicy } from './reachPolicy.js';

/** At most this many focal groups (masks are bytes). */
export const MAX_FOCAL_GROUPS = 8;

/** A requested intersection of focal groups. */
export interface IntersectionSpec {
  readonly id: string;
  readonly members: readonly string[];
  readonly mask: number;
}

/** Options after validation. */
export interface ReachConfig {
  readonly focalGroups: readonly string[];
  readonly unitLevels: readonly string[];
  readonly minEngagements: number;
  readonly histogramMax: number;
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly intersections: readonly IntersectionSpec[];
  readonly confidenceLevel: number;
  readonly policy: ReachPolicy;
  /** Identifies configurations whose states may be merged. */
  readonly fingerprint: string;
}

/** Engagement bins past this are refused (`minEngagements`, `histogramMax`): cells × bins stay allocatable. */
export const MAX_HISTOGRAM_MAX = 1000;

/** Ids of the built-in populations of a summary, which a focal group may not take. */
export const BUILT_IN_POPULATIONS: readonly string[] = Object.freeze(['everyone', 'union', 'none']);
/** Joins the members of an intersection's id (`poverty&el`); no focal group id contains it. */
export const INTERSECTION_SEPARATOR = '&';

/** A focal-group id that is not a built-in population's and cannot be confused with an intersection. */
function requireFocalId(id: string, path: ErrorPath): string {
  if (BUILT_IN_POPULATIONS.includes(id)) {
    invalid(path, `${JSON.stringify(id)} is a built-in population of every summary; name the focal group otherwise`);
  }
  if (id.includes(INTERSECTION_SEPARATOR)) {
    invalid(
      path,
      `a focal group id may not contain "${INTERSECTION_SEPARATOR}" (it joins the members of an intersection's id)`,
    );
  }
  return id;
}

/** A whole number in [min, MAX_HISTOGRAM_MAX]; past the maximum is `LIMIT_EXCEEDED`. */
function readBinCount(value: unknown, path: ErrorPath, min: number): number {
  const count = requireNumber(value, path, { min, integer: true });
  if (count > MAX_HISTOGRAM_MAX) {
    limitExceeded(path, `must be at most ${MAX_HISTOGRAM_MAX} (one histogram bin per engagement count), got ${count}`);
  }
  return count;
}

/** `value` as an options record, or `INVALID_INPUT` at its first key not in `keys`. */
export function requireOptions(
  value: unknown,
  keys: ReadonlySet<string>,
  path: ErrorPath,
): Readonly<Record<string, unknown>> {
  const options = requireRecord(value, path);
  for (const key of Object.keys(options)) {
    if (!keys.has(key)) invalid([...path, key], `unknown option ${JSON.stringify(key)}`);
  }
  return options;
}

/** An array without holes, of at most `max` entries (more: `LIMIT_EXCEEDED` before any is read). */
function denseList(value: unknown, path: ErrorPath, max: number): readonly unknown[] {
  const list = requireArray(value, path);
  requireDenseArray(list, path, max);
  return list;
}

/**
 * The focal-group ids of options (`value` at `path`): ids or `{ id, label?, definition? }`, at most
 * {@link MAX_FOCAL_GROUPS}, distinct, none a built-in population's nor containing the separator.
 */
export function readFocalGroupIds(value: unknown, path: ErrorPath): string[] {
  const groupList = denseList(value, path, MAX_FOCAL_GROUPS);
  const seenGroups = new Set<string>();
  return groupList.map((entry, index) => {
    const groupPath = [...path, index];
    let id: string;
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      requireKnownKeys(entry, FOCAL_GROUP_KEYS, groupPath);
      id = requireFocalId(requireNonEmptyId((entry as { id?: unknown }).id, [...groupPath, 'id']), [
        ...groupPath,
        'id',
      ]);
    } else {
      id = requireFocalId(requireNonEmptyId(entry, groupPath), groupPath);
    }
    requireUniqueId(seenGroups, id, groupPath, 'focal group');
    return id;
  });
}

/** Validates {@link SummarizeReachOptions}. */
export function resolveReachConfig(value: unknown, path: ErrorPath): ReachConfig {
  // Read once, into a fresh object: a getter cannot answer differently later.
  const options = readOptions<SummarizeReachOptions>(value, OPTION_KEYS, path);
  const focalGroups = readFocalGroupIds(options.focalGroups, [...path, 'focalGroups']);
  const levelList = denseList(options.unitLevels, [...path, 'unitLevels'], 2 ** 31 - 1);
  const seenLevels = new Set<string>();
  const unitLevels = levelList.map((entry, index) => {
    const id = requireNonEmptyId(entry, [...path, 'unitLevels', index]);
    requireUniqueId(seenLevels, id, [...path, 'unitLevels', index], 'unit level');
    return id;
  });
  const minEngagements =
    options.minEngagements === undefined ? 1 : readBinCount(options.minEngagements, [...path, 'minEngagements'], 1);
  const histogramMax =
    options.histogramMax === undefined
      ? Math.max(10, minEngagements)
      : readBinCount(options.histogramMax, [...path, 'histogramMax'], minEngagements);
  let period: ReachConfig['period'] = null;
  let periodStart = 0;
  let periodEnd = -1;
  if (options.period !== undefined) {
    const raw = requireRecord(options.period, [...path, 'period']);
    requireKnownKeys(raw, PERIOD_KEYS, [...path, 'period']);
    const start = raw.start;
    const end = raw.end;
    periodStart = requireIsoDate(start, [...path, 'period', 'start']);
    periodEnd = requireIsoDate(end, [...path, 'period', 'end']);
    if (periodEnd < periodStart) invalid([...path, 'period', 'end'], 'the period must not end before it starts');
    period = { start: start as string, end: end as string };
  }
  const seenIntersections = new Set<string>();
  const intersections = (
    options.intersections === undefined
      ? []
      : denseList(options.intersections, [...path, 'intersections'], 2 ** MAX_FOCAL_GROUPS)
  ).map((entry, index) => {
    const entryPath = [...path, 'intersections', index];
    const members = denseList(entry, entryPath, MAX_FOCAL_GROUPS);
    if (members.length < 2) invalid(entryPath, 'an intersection names at least two focal groups');
    let mask = 0;
    const names: string[] = [];
    members.forEach((member, position) => {
      const bit = focalGroups.indexOf(member as string);
      if (bit < 0) invalid([...entryPath, position], `unknown focal group ${describeValue(member)}`);
      if ((mask & (1 << bit)) !== 0) invalid([...entryPath, position], `focal group ${describeValue(member)} twice`);
      mask |= 1 << bit;
      names.push(member as string);
    });
    const id = names.join(INTERSECTION_SEPARATOR);
    requireUniqueId(seenIntersections, String(mask), entryPath, 'intersection');
    return { id, members: names, mask };
  });
  const confidenceLevel = readConfidenceLevel(options.confidenceLevel, [...path, 'confidenceLevel']);
  const policy = resolveReachPolicy(options.policy, [...path, 'policy']);
  const fingerprint = JSON.stringify([focalGroups, unitLevels, histogramMax, period]);
  return {
    focalGroups,
    unitLevels,
    minEngagements,
    histogramMax,
    period,
    periodStart,
    periodEnd,
    intersections,
    confidenceLevel,
    policy,
    fingerprint,
  };
}
