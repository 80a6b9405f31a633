/**
 * The columnar form of reach over time ({@link ReachTimeColumns}): validated, then counted in one
 * pass over the typed arrays.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { requireKnownKeys, requireLengthAtMost } from '../_lib/strict.js';
import { describeValue, requireRecord } from '../_lib/validate.js';
import type { ReachTimeConfig } from './_timeConfig.js';
import type { TimeAdder } from './_timeState.js';
import { TIME_COLUMN_KEYS } from './ReachOverTimeOptions.js';

const HINTS = {
  engagedOn: 'did you mean `engagementDays` (with `engagementOffsets`)? dates as days since 1970-01-01',
  engagements: 'reach over time needs dated engagements: `engagementOffsets` and `engagementDays`',
  groups: 'did you mean `groupMasks`? (bit k for options.focalGroups[k])',
} as const;

function requireTyped(
  value: unknown,
  kinds: readonly (new (n: number) => ArrayLike<number>)[],
  path: ErrorPath,
  what: string,
  length: number | null,
): ArrayLike<number> {
  if (!kinds.some((kind) => value instanceof kind)) invalid(path, `expected ${what}, got ${describeValue(value)}`);
  const array = value as ArrayLike<number>;
  if (length !== null && array.length !== length) {
    invalid(path, `expected ${length} entries (one per person, as groupMasks), got ${array.length}`);
  }
  return array;
}

/** Adds a columnar batch; returns the number of people. */
export function addTimeColumns(config: ReachTimeConfig, adder: TimeAdder, value: unknown, path: ErrorPath): number {
  const record = requireRecord(value, path);
  requireKnownKeys(record, TIME_COLUMN_KEYS, path, HINTS);
  const masks = requireTyped(
    record.groupMasks,
    [Uint8Array],
    [...path, 'groupMasks'],
    'a Uint8Array of bit masks',
    null,
  );
  const n = masks.length;
  requireLengthAtMost(n, [...path, 'groupMasks'], 2 ** 31 - 1, 'people');
  const offsets = requireTyped(
    record.engagementOffsets,
    [Uint32Array, Int32Array],
    [...path, 'engagementOffsets'],
    'a Uint32Array or Int32Array of offsets',
    null,
  );
  if (offsets.length !== n + 1) {
    invalid([...path, 'engagementOffsets'], `expected ${n + 1} offsets (people + 1), got ${offsets.length}`);
  }
  const days = requireTyped(
    record.engagementDays,
    [Int32Array],
    [...path, 'engagementDays'],
    'an Int32Array of days since 1970-01-01',
    null,
  );
  const enrolled =
    record.enrolledOn === undefined
      ? null
      : requireTyped(
          record.enrolledOn,
          [Int32Array],
          [...path, 'enrolledOn'],
          'an Int32Array of days since 1970-01-01',
          n,
        );
  const exited =
    record.exitedOn === undefined
      ? null
      : requireTyped(record.exitedOn, [Int32Array], [...path, 'exitedOn'], 'an Int32Array of days since 1970-01-01', n);
  const eligible =
    record.eligible === undefined
      ? null
      : requireTyped(record.eligible, [Uint8Array], [...path, 'eligible'], 'a Uint8Array', n);
  const groupLimit = 2 ** config.focalGroups.length;
  if ((offsets[0] as number) !== 0) invalid([...path, 'engagementOffsets', 0], 'the first offset is 0');
  if ((offsets[n] as number) !== days.length) {
    invalid([...path, 'engagementOffsets', n], `the last offset is the number of engagementDays (${days.length})`);
  }
  for (let i = 0; i < n; i += 1) {
    const mask = masks[i] as number;
    if (mask >= groupLimit)
      invalid(
        [...path, 'groupMasks', i],
        `bit mask ${mask} names a focal group past the ${config.focalGroups.length} given`,
      );
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (to < from) invalid([...path, 'engagementOffsets', i + 1], 'offsets must not decrease');
    const enrol = enrolled === null ? Number.NEGATIVE_INFINITY : (enrolled[i] as number);
    const exit = exited === null ? Number.POSITIVE_INFINITY : (exited[i] as number);
    if (exit < enrol) invalid([...path, 'exitedOn', i], 'a student cannot leave the roster before enrolling');
    adder.add(mask, eligible === null || eligible[i] !== 0, enrol, exit, days, from, to);
  }
  return n;
}
