/**
 * The columnar roster's checks, branch by branch: masks and eligibility must be Uint8Arrays, ids
 * one non-empty string per person — each refused with its path.
 */
import { describe, expect, it } from 'vitest';
import { reachAccumulator, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['school'] };
const roster = {
  unitCodes: new Uint32Array([0, 1, 0]),
  units: [{ school: 'a' }, { school: 'b' }],
  groupMasks: new Uint8Array([1, 0, 0]),
  engagements: new Uint16Array([2, 0, 4]),
  eligible: new Uint8Array([1, 1, 0]),
  ids: ['p0', 'p1', 'p2'],
};
const rows = [
  { id: 'p0', units: { school: 'a' }, groups: ['el'], engagements: 2 },
  { id: 'p1', units: { school: 'b' }, engagements: 0 },
  { id: 'p2', units: { school: 'a' }, engagements: 4, eligible: false },
];

describe('columnar rosters: typed columns and ids', () => {
  it('a valid roster with ids: the summary of the same rows', () => {
    expect(summarizeReach(roster, options)).toEqual(summarizeReach(rows, options));
  });

  it('masks or eligibility in another array type: INVALID_INPUT at the column', () => {
    for (const groupMasks of [[1, 0, 0], new Uint16Array([1, 0, 0])]) {
      expectError(() => summarizeReach({ ...roster, groupMasks } as never, options), 'INVALID_INPUT', [
        'roster',
        'groupMasks',
      ]);
    }
    for (const eligible of [[1, 1, 0], new Int32Array([1, 1, 0])]) {
      expectError(() => summarizeReach({ ...roster, eligible } as never, options), 'INVALID_INPUT', [
        'roster',
        'eligible',
      ]);
    }
    const accumulator = reachAccumulator(options);
    expectError(
      () => accumulator.addColumns(accumulator.init(), { ...roster, eligible: [1, 1, 0] } as never),
      'INVALID_INPUT',
      ['columns', 'eligible'],
    );
  });

  it('ids: one per person, each a non-empty string', () => {
    expectError(() => summarizeReach({ ...roster, ids: ['p0', 'p1'] }, options), 'INVALID_INPUT', ['roster', 'ids']);
    for (const bad of [7, '', null]) {
      expectError(() => summarizeReach({ ...roster, ids: ['p0', bad, 'p2'] } as never, options), 'INVALID_INPUT', [
        'roster',
        'ids',
        1,
      ]);
    }
  });
});
