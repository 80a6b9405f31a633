/**
 * The row form's reader (validates each {@link ReachRow} inline, once per person) and the sinks
 * that count its rows: straight into the state, or buffered into batches for the columnar kernels.
 *
 * @internal
 * @module
 */
import { requireIsoDate } from '../_lib/dates.js';
import { hashString } from '../_lib/duplicates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { requireKnownKeys } from '../_lib/strict.js';
import { describeValue, requireArray, requireNonEmptyId, requireNumber, requireRecord } from '../_lib/validate.js';
import type { ReachConfig } from './_config.js';
import { countRows, type DenseScratch, type Kernel } from './_kernels.js';
import { hasOnlyKeys, hasOnlyRowKeys, internalized } from './_rowKeys.js';
import { cellFor, type LeafIndex, leafFor, leafIndexOf, type ReachState } from './_state.js';
import { requireStayOrder, stayDay } from './_stay.js';
import { type ReachRow, ROW_HINTS, ROW_KEYS } from './ReachRoster.js';

/** The keys of a row, as a Set built once (the key check runs once per row). */
const ROW_KEY_SET: ReadonlySet<string> = new Set(ROW_KEYS);

/** The error path of a row: `base`, or `base` + `position` (a row of a roster); built only on failure. */
function rowPath(base: ErrorPath, position: number): ErrorPath {
  return position < 0 ? base : [...base, position];
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Registers the leaf of a row's units (their codes are checked). Kept apart from the lookup so that
 * no closure there captures `units`: a captured parameter would make V8 allocate a context on every
 * call of the lookup, once per row, although a new leaf is rare.
 */
function newLeaf(state: ReachState, levels: readonly string[], units: Record<string, unknown>): number {
  const leafPath: string[] = [];
  for (const name of levels) leafPath.push(units[name] as string);
  return leafFor(state, leafPath);
}

/** Takes one validated row: its leaf, focal-group mask, eligibility and engagements in the period. */
export type RowSink = (leaf: number, mask: number, eligible: boolean, engagements: number) => void;

/**
 * Reads rows of the row form (validated) and hands each to `sink`. When `hashes` is given, row
 * `position`'s id hash goes to `hashes[position]` for the duplicate check after the pass
 * ({@link firstRepeat}). Checks are inline and error paths are built only on failure: this runs
 * once per person.
 */
export function rowReader(
  config: ReachConfig,
  state: ReachState,
  hashes: Uint32Array | null,
  sink: RowSink,
): (value: unknown, base: ErrorPath, position: number) => void {
  const levels = config.unitLevels;
  const depth = levels.length;
  const groupIds = config.focalGroups;
  const index = leafIndexOf(state);
  const levelSet: ReadonlySet<string> = new Set(levels);
  const levelNames = internalized(levels);

  /** The leaf of a row's units: a walk down the trie, allocating only for a new leaf (or no levels). */
  const leafOf = (units: Record<string, unknown>, base: ErrorPath, position: number): number => {
    let node: LeafIndex | undefined = index;
    for (let level = 0; level < depth; level += 1) {
      const name = levels[level] as string;
      const code = units[name];
      if (!isId(code)) requireNonEmptyId(code, [...rowPath(base, position), 'units', name]);
      if (node === undefined) continue;
      const found: unknown = node.get(code as string);
      if (level === depth - 1) {
        if (typeof found === 'number') return found;
      } else {
        node = found as LeafIndex | undefined;
      }
    }
    return newLeaf(state, levels, units);
  };

  return (value, base, position) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      requireRecord(value, rowPath(base, position));
    }
    // Each field read once; the key check compares each key with the field names (no allocation).
    const row = value as Partial<ReachRow>;
    if (!hasOnlyRowKeys(row)) requireKnownKeys(row, ROW_KEY_SET, rowPath(base, position), ROW_HINTS);
    const id = row.id;
    const units = row.units;
    const groups = row.groups;
    const eligibleFlag = row.eligible;
    const count = row.engagements;
    const engagedOn = row.engagedOn;
    const enrolledOn = row.enrolledOn;
    const exitedOn = row.exitedOn;
    if (!isId(id)) requireNonEmptyId(id, [...rowPath(base, position), 'id']);
    if (hashes !== null) hashes[position] = hashString(id as string);
    if (typeof units !== 'object' || units === null || Array.isArray(units)) {
      requireRecord(units, [...rowPath(base, position), 'units']);
    }
    // Every declared level must be there (leafOf checks), and no other key.
    if (!hasOnlyKeys(units as object, levelNames)) {
      requireKnownKeys(units as object, levelSet, [...rowPath(base, position), 'units']);
    }
    const leaf = leafOf(units as Record<string, unknown>, base, position);
    let mask = 0;
    if (groups !== undefined) {
      if (!Array.isArray(groups)) requireArray(groups, [...rowPath(base, position), 'groups']);
      for (let entry = 0; entry < groups.length; entry += 1) {
        const bit = groupIds.indexOf(groups[entry] as string);
        if (bit < 0) {
          if (!(entry in groups)) invalid([...rowPath(base, position), 'groups', entry], 'a hole in the array');
          invalid(
            [...rowPath(base, position), 'groups', entry],
            `unknown focal group ${describeValue(groups[entry])}; expected one of: ${groupIds.join(', ')}`,
          );
        }
        mask |= 1 << bit;
      }
    }
    let eligible = true;
    if (eligibleFlag !== undefined) {
      if (typeof eligibleFlag !== 'boolean') {
        invalid([...rowPath(base, position), 'eligible'], `expected true or false, got ${describeValue(eligibleFlag)}`);
      }
      eligible = eligibleFlag;
    }
    let engagements = 0;
    if (count !== undefined) {
      if (engagedOn !== undefined) {
        invalid(
          [...rowPath(base, position), 'engagedOn'],
          'give either engagements (a count) or engagedOn (dates), not both',
        );
      }
      engagements = count;
      if (!(Number.isInteger(engagements) && engagements >= 0)) {
        requireNumber(engagements, [...rowPath(base, position), 'engagements'], { min: 0, integer: true });
      }
    } else if (engagedOn !== undefined) {
      const dates = requireArray(engagedOn, [...rowPath(base, position), 'engagedOn']);
      if (config.period === null && dates.length > 0) {
        invalid(
          [...rowPath(base, position), 'engagedOn'],
          'dated engagements need options.period (the window they are counted in)',
        );
      }
      for (let entry = 0; entry < dates.length; entry += 1) {
        if (!(entry in dates)) invalid([...rowPath(base, position), 'engagedOn', entry], 'a hole in the array');
        const day = requireIsoDate(dates[entry], [...rowPath(base, position), 'engagedOn', entry]);
        if (day >= config.periodStart && day <= config.periodEnd) engagements += 1;
      }
    }
    if (enrolledOn !== undefined || exitedOn !== undefined) checkStay(enrolledOn, exitedOn, base, position);
    sink(leaf, mask, eligible, engagements);
  };
}

/**
 * The enrolment dates of a row, which a summary does not use (reach over time does): still checked,
 * so a damaged date is an error here too — ISO dates, and no leaving before enrolling.
 */
function checkStay(enrolledOn: unknown, exitedOn: unknown, base: ErrorPath, position: number): void {
  const at = (key: string): ErrorPath => [...rowPath(base, position), key];
  const enrolled = stayDay(enrolledOn, at, 'enrolledOn', Number.NEGATIVE_INFINITY);
  requireStayOrder(enrolled, stayDay(exitedOn, at, 'exitedOn', Number.POSITIVE_INFINITY), at);
}

/** A sink adding each row to its cell at once (the accumulator's `add`, one row per call). */
export function directSink(config: ReachConfig, state: ReachState): RowSink {
  const cap = config.histogramMax;
  return (leaf, mask, eligible, engagements) => {
    const cell = cellFor(state, leaf, mask);
    state.rows += 1;
    if (!eligible) {
      state.excluded[cell] = (state.excluded[cell] as number) + 1;
      return;
    }
    const at = cell * state.bins + Math.min(engagements, cap);
    state.histogram[at] = (state.histogram[at] as number) + 1;
    if (engagements >= cap) state.sum[cell] = (state.sum[cell] as number) + engagements;
  };
}

/**
 * A sink that buffers rows as columns (leaf, mask, engagements, eligibility) and counts each full
 * buffer with the columnar kernel: adding a row straight to its cell touches a random place in
 * the state's histograms (a cache miss per person once there are thousands of units), while the
 * kernel counts a batch in compact counters. `flush()` counts what is left.
 */
export function batchSink(
  config: ReachConfig,
  state: ReachState,
  capacity: number,
): { readonly sink: RowSink; readonly flush: () => void } {
  const size = Math.max(1, capacity);
  const leaves = new Uint32Array(size);
  const masks = new Uint8Array(size);
  const engagements = new Uint32Array(size);
  const eligible = new Uint8Array(size);
  const direct = directSink(config, state);
  const reuse: DenseScratch = { counts: new Uint32Array(0), overflow: new Float64Array(0) };
  let length = 0;
  const flush = (): void => {
    if (length === 0) return;
    const codes = state.leafPaths.length;
    const leafOfCode = new Int32Array(codes);
    for (let leaf = 0; leaf < codes; leaf += 1) leafOfCode[leaf] = leaf;
    const kernel: Kernel = {
      unitCodes: leaves,
      masks,
      engagements,
      eligible,
      codes,
      bits: state.groupBits,
      cap: config.histogramMax,
      path: ['roster'],
      reuse,
      injective: true,
    };
    countRows(state, leafOfCode, kernel, 0, length);
    state.rows += length;
    length = 0;
  };
  const sink: RowSink = (leaf, mask, isEligible, count) => {
    // A count past 32 bits (valid, if odd) skips the buffer.
    if (count > 0xffffffff) {
      direct(leaf, mask, isEligible, count);
      return;
    }
    leaves[length] = leaf;
    masks[length] = mask;
    engagements[length] = count;
    eligible[length] = isEligible ? 1 : 0;
    length += 1;
    if (length === size) flush();
  };
  return { sink, flush };
}
