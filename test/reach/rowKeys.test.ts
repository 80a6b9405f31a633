/**
 * The row readers' key checks compare every key a row (and its `units`) enumerates with the field
 * names, so no combination of keys can hide an unknown one; and the enrolment dates a summary does
 * not use are still checked.
 */
import { describe, expect, it } from 'vitest';
import { hasOnlyKeys, hasOnlyRowKeys, internalized } from '../../src/reach/_rowKeys.js';
import { reachAccumulator, reachOverTime, summarizeReach } from '../../src/reach/index.js';
import { ROW_KEYS } from '../../src/reach/ReachRoster.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['district', 'school'] };
const timeOptions = {
  focalGroups: ['el'],
  unitLevels: ['district', 'school'],
  period: { start: '2024-09-02', end: '2025-06-30' },
  asOf: '2024-09-06',
};
const units = () => ({ district: 'D1', school: 'S1' });

/** A row whose `id` does not enumerate, beside an unknown key that does (the counts of the two agree). */
function hiddenId(extra: Record<string, unknown>): object {
  const row: Record<string, unknown> = { units: units(), groups: [], ...extra };
  Object.defineProperty(row, 'id', { value: 'a', enumerable: false });
  return row;
}

describe('the field list of the allocation-free check', () => {
  it('accepts exactly the row fields', () => {
    for (const key of ROW_KEYS) expect(hasOnlyRowKeys({ [key]: 1 })).toBe(true);
    expect(hasOnlyRowKeys(Object.fromEntries(ROW_KEYS.map((key) => [key, 1])))).toBe(true);
    for (const key of ['reached', 'ID', 'unit', '0', '']) expect(hasOnlyRowKeys({ id: 'a', [key]: 1 })).toBe(false);
  });

  it('compares names built at run time (not internalized) by value', () => {
    const names = internalized(['dis'.concat('trict'), ['sch', 'ool'].join('')]);
    expect(hasOnlyKeys({ district: 'D', school: 'S' }, names)).toBe(true);
    expect(hasOnlyKeys({ district: 'D', zone: 'Z' }, names)).toBe(false);
    expect(hasOnlyKeys({}, names)).toBe(true);
  });
});

describe('an unknown key next to a known field that does not enumerate', () => {
  it('summarizeReach refuses it', () => {
    expectError(() => summarizeReach([hiddenId({ reached: true })] as never, options), 'INVALID_INPUT', [
      'roster',
      0,
      'reached',
    ]);
  });

  it('the accumulator refuses it', () => {
    const acc = reachAccumulator(options);
    expectError(() => acc.add(acc.init(), hiddenId({ reached: true }) as never), 'INVALID_INPUT', ['row', 'reached']);
  });

  it('reachOverTime refuses it', () => {
    expectError(() => reachOverTime([hiddenId({ reached: true })] as never, timeOptions), 'INVALID_INPUT', [
      'roster',
      0,
      'reached',
    ]);
  });

  it('in units: a level that does not enumerate beside a key that is not a level', () => {
    const hidden: Record<string, unknown> = { school: 'S1', zone: 'Z' };
    Object.defineProperty(hidden, 'district', { value: 'D1', enumerable: false });
    const rows = [{ id: 'a', units: hidden }];
    expectError(() => summarizeReach(rows as never, options), 'INVALID_INPUT', ['roster', 0, 'units', 'zone']);
    expectError(() => reachOverTime(rows as never, timeOptions), 'INVALID_INPUT', ['roster', 0, 'units', 'zone']);
  });

  it('an inherited key is not the row’s own, as for every object the library reads', () => {
    const row = Object.assign(Object.create({ note: 'from a prototype' }), { id: 'a', units: units(), engagements: 1 });
    expect(summarizeReach([row], options).overall).toMatchObject({ n: 1, reached: 1 });
  });
});

describe('enrolment dates in a summary', () => {
  it('are checked although a summary does not use them', () => {
    const row = (extra: Record<string, unknown>) => ({ id: 'a', units: units(), engagements: 1, ...extra });
    expectError(() => summarizeReach([row({ enrolledOn: '2024-13-01' })], options), 'INVALID_INPUT', [
      'roster',
      0,
      'enrolledOn',
    ]);
    expectError(() => summarizeReach([row({ exitedOn: 20240901 })] as never, options), 'INVALID_INPUT', [
      'roster',
      0,
      'exitedOn',
    ]);
    expectError(
      () => summarizeReach([row({ enrolledOn: '2024-09-02', exitedOn: '2024-09-01' })], options),
      'INVALID_INPUT',
      ['roster', 0, 'exitedOn'],
    );
    const acc = reachAccumulator(options);
    expectError(() => acc.add(acc.init(), row({ exitedOn: 'soon' })), 'INVALID_INPUT', ['row', 'exitedOn']);
  });

  it('valid ones leave the summary as it is without them', () => {
    const plain = summarizeReach([{ id: 'a', units: units(), engagements: 1 }], options);
    const dated = summarizeReach(
      [{ id: 'a', units: units(), engagements: 1, enrolledOn: '2024-09-02', exitedOn: '2025-01-31' }],
      options,
    );
    expect(dated).toEqual(plain);
  });
});
