/**
 * The options of a reach summary or accumulator, validated once into a {@link ReachConfig}.
 *
 * @internal
 * @module
 */
import { requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import {
  describeValue,
  readConfidenceLevel,
  requireArray,
  requireNonEmptyId,
  requireNumber,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import type { SummarizeReachOptions } from './ReachRoster.js';
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

const OPTION_KEYS = new Set([
  'focalGroups',
  'unitLevels',
  'minEngagements',
  'period',
  'histogramMax',
  'intersections',
  'confidenceLevel',
  'policy',
]);

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

/** Validates {@link SummarizeReachOptions}. */
export function resolveReachConfig(value: unknown, path: ErrorPath): ReachConfig {
  const options = requireOptions(value, OPTION_KEYS, path);
  const groupList = requireArray(options.focalGroups, [...path, 'focalGroups']);
  if (groupList.length > MAX_FOCAL_GROUPS) {
    invalid([...path, 'focalGroups'], `at most ${MAX_FOCAL_GROUPS} focal groups, got ${groupList.length}`);
  }
  const seenGroups = new Set<string>();
  const focalGroups = groupList.map((entry, index) => {
    const groupPath = [...path, 'focalGroups', index];
    const id =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? requireNonEmptyId((entry as { id?: unknown }).id, [...groupPath, 'id'])
        : requireNonEmptyId(entry, groupPath);
    requireUniqueId(seenGroups, id, groupPath, 'focal group');
    return id;
  });
  const levelList = requireArray(options.unitLevels, [...path, 'unitLevels']);
  const seenLevels = new Set<string>();
  const unitLevels = levelList.map((entry, index) => {
    const id = requireNonEmptyId(entry, [...path, 'unitLevels', index]);
    requireUniqueId(seenLevels, id, [...path, 'unitLevels', index], 'unit level');
    return id;
  });
  const minEngagements =
    options.minEngagements === undefined
      ? 1
      : requireNumber(options.minEngagements, [...path, 'minEngagements'], { min: 1, integer: true });
  const histogramMax =
    options.histogramMax === undefined
      ? Math.max(10, minEngagements)
      : requireNumber(options.histogramMax, [...path, 'histogramMax'], {
          min: minEngagements,
          max: 1000,
          integer: true,
        });
  let period: ReachConfig['period'] = null;
  let periodStart = 0;
  let periodEnd = -1;
  if (options.period !== undefined) {
    const raw = requireRecord(options.period, [...path, 'period']);
    periodStart = requireIsoDate(raw.start, [...path, 'period', 'start']);
    periodEnd = requireIsoDate(raw.end, [...path, 'period', 'end']);
    if (periodEnd < periodStart) invalid([...path, 'period', 'end'], 'the period must not end before it starts');
    period = { start: raw.start as string, end: raw.end as string };
  }
  const seenIntersections = new Set<string>();
  const intersections = (
    options.intersections === undefined ? [] : requireArray(options.intersections, [...path, 'intersections'])
  ).map((entry, index) => {
    const entryPath = [...path, 'intersections', index];
    const members = requireArray(entry, entryPath);
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
    const id = names.join('&');
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
