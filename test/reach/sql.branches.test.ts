/**
 * reachCountsQuery, branch by branch: identifier lengths counted in UTF-8 bytes (2-, 3- and 4-byte
 * characters against PostgreSQL's 63), a missing spec or columns, an empty table path, and groups
 * given when there are no focal groups.
 */
import { describe, expect, it } from 'vitest';
import { reachCountsQuery } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['school'] };
const columns = { units: { school: 'school_id' }, groups: { el: 'is_el' }, engagements: 'sessions' };
const query = (table: unknown, dialect = 'postgres') => reachCountsQuery({ dialect, table, columns } as never, options);

describe('reachCountsQuery: identifiers measured in UTF-8 bytes', () => {
  // PostgreSQL keeps 63 bytes: 'é' is 2 bytes, '€' 3, '😀' 4.
  const cases = [
    { char: 'é', fits: 31, over: 32 },
    { char: '€', fits: 21, over: 22 },
    { char: '😀', fits: 15, over: 16 },
  ];
  for (const { char, fits, over } of cases) {
    it(`${fits} × ${char} fits in 63 bytes, ${over} do not`, () => {
      const name = char.repeat(fits);
      expect(query(name).sql).toContain(`FROM "${name}"`);
      expect(query(`${'x'.repeat(63 - fits * Buffer.byteLength(char))}${name}`).sql).toContain(`${name}"`);
      expectError(() => query(char.repeat(over)), 'INVALID_INPUT', ['spec', 'table']);
      expectError(() => query(['public', char.repeat(over)]), 'INVALID_INPUT', ['spec', 'table', 1]);
    });
  }
});

describe('reachCountsQuery: missing parts', () => {
  it('no spec, no columns, an empty table path', () => {
    expectError(() => reachCountsQuery(undefined as never, options), 'INVALID_INPUT', ['spec']);
    expectError(() => reachCountsQuery({ dialect: 'duckdb', table: 'roster' } as never, options), 'INVALID_INPUT', [
      'spec',
      'columns',
    ]);
    expectError(() => query([]), 'INVALID_INPUT', ['spec', 'table']);
  });

  it('an empty groups object when there are no focal groups: the mask is 0', () => {
    const sql = reachCountsQuery(
      { dialect: 'duckdb', table: 'roster', columns: { ...columns, groups: {} } },
      { focalGroups: [], unitLevels: ['school'] },
    ).sql;
    expect(sql).toContain('0 AS "sn_mask"');
    expect(sql).not.toContain('is_el');
  });
});
