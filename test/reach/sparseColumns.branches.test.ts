/**
 * addColumns with many unit codes and few rows, counted in the sparse (hash table) kernel: the
 * same summary as from rows, and a bad entry refused at its index.
 */
import { describe, expect, it } from 'vitest';
import { reachAccumulator, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { toColumns } from './_support.js';

const options = { focalGroups: ['el'], unitLevels: ['school'], minEngagements: 2, histogramMax: 4 };
const acc = reachAccumulator(options);
const rows = [0, 1, 2].map((i) => ({
  id: `s${i}`,
  units: { school: `S${i}` },
  groups: i > 0 ? ['el'] : [],
  engagements: i + 1,
}));
// 40,000 units for 3 rows: dense counters (units × masks × bins) would be mostly empty.
const columns = { ...toColumns(rows, options), units: Array.from({ length: 40_000 }, (_, i) => ({ school: `S${i}` })) };

describe('addColumns: the sparse kernel', () => {
  it('gives the summary of the rows', () => {
    expect(acc.finalize(acc.addColumns(acc.init(), columns))).toEqual(summarizeReach(rows, options));
  });

  it('refuses a negative count, a unit code past the units and a mask past the focal groups, at the index', () => {
    expectError(
      () => acc.addColumns(acc.init(), { ...columns, engagements: Int32Array.from([1, -1, 3]) }),
      'INVALID_INPUT',
      ['columns', 'engagements', 1],
    );
    expectError(
      () => acc.addColumns(acc.init(), { ...columns, unitCodes: Uint32Array.from([0, 40_000, 2]) }),
      'INVALID_INPUT',
      ['columns', 'unitCodes', 1],
    );
    expectError(
      () => acc.addColumns(acc.init(), { ...columns, groupMasks: Uint8Array.from([0, 2, 1]) }),
      'INVALID_INPUT',
      ['columns', 'groupMasks', 1],
    );
  });
});
