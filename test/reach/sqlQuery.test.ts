/**
 * reachCountsQuery's SQL for every dialect: golden text (test/reach/sqlGolden/*.sql), parsed by
 * node-sql-parser in the engine's grammar, identifiers validated. DuckDB and PostgreSQL run it in
 * sqlEngines.test.ts; BigQuery, Spark and Snowflake are not run live.
 */
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { reachCountsQuery, SQL_DIALECTS, type SqlDialect } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const { Parser } = nodeSqlParser as unknown as { Parser: new () => SqlParser };
interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
  tableList(sql: string, options: { database: string }): string[];
}

const options = { focalGroups: ['poverty', 'el', 'swd'], unitLevels: ['district', 'school'], minEngagements: 2 };
const columns = {
  units: { district: 'district_id', school: 'school_id' },
  groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
  engagements: 'sessions',
  eligible: 'enrolled',
};
/** node-sql-parser's grammar for each dialect (it has no DuckDB or Spark grammar: PostgreSQL's and Hive's are the nearest). */
const GRAMMAR: Record<SqlDialect, string> = {
  duckdb: 'PostgresQL',
  postgres: 'PostgresQL',
  bigquery: 'BigQuery',
  spark: 'Hive',
  snowflake: 'Snowflake',
};
/** Hive's grammar takes at most two name parts. */
const TABLE: Record<SqlDialect, string[]> = {
  duckdb: ['main', 'roster'],
  postgres: ['public', 'roster'],
  bigquery: ['my-project', 'k12', 'roster'],
  spark: ['k12', 'roster'],
  snowflake: ['K12', 'PUBLIC', 'ROSTER'],
};

describe('reachCountsQuery: golden SQL, parsed in each grammar', () => {
  for (const dialect of SQL_DIALECTS) {
    it(dialect, async () => {
      const query = reachCountsQuery({ dialect, table: TABLE[dialect], columns }, options);
      await expect(`${query.sql}\n`).toMatchFileSnapshot(`./sqlGolden/${dialect}.sql`);
      expect(query.params).toEqual([10]);
      expect(query.namedParams).toEqual({ histogram_max: 10 });
      const parser = new Parser();
      expect(() => parser.astify(query.sql, { database: GRAMMAR[dialect] })).not.toThrow();
      expect(parser.tableList(query.sql, { database: GRAMMAR[dialect] }).join().toLowerCase()).toContain('roster');
      // The value is bound, never written into the text; Snowflake's masks are sums (no <<).
      expect(query.sql).not.toMatch(/\b10\b/);
      expect(query.sql).not.toContain('<<');
    });
  }

  it('a mask column instead of flags; no eligibility column; no focal groups', () => {
    const withMask = reachCountsQuery(
      { dialect: 'duckdb', table: 'roster', columns: { units: { school: 's' }, groupMask: 'm', engagements: 'n' } },
      { focalGroups: ['el'], unitLevels: ['school'], histogramMax: 3 },
    );
    expect(withMask.sql).toContain('"m" AS "sn_mask"');
    expect(withMask.sql).not.toContain('eligible');
    expect(withMask.params).toEqual([3]);
    const none = reachCountsQuery(
      { dialect: 'bigquery', table: 'roster', columns: { units: { school: 's' }, engagements: 'n' } },
      { focalGroups: [], unitLevels: ['school'] },
    );
    expect(none.sql).toContain('0 AS `sn_mask`');
  });
});

describe('reachCountsQuery: names are validated, never spliced unchecked', () => {
  const spec = (extra: Record<string, unknown> = {}, cols: Record<string, unknown> = {}) =>
    ({ dialect: 'postgres', table: 'roster', ...extra, columns: { ...columns, ...cols } }) as never;
  it('quotes, backslashes, control characters, empty or over-long names', () => {
    for (const bad of ['a"b', 'a`b', 'a\\b', 'a\nb', '', 'x'.repeat(64), 7]) {
      expectError(() => reachCountsQuery(spec({ table: bad }), options), 'INVALID_INPUT', ['spec', 'table']);
    }
    expectError(() => reachCountsQuery(spec({ table: ['a', 'b"; --'] }), options), 'INVALID_INPUT', [
      'spec',
      'table',
      1,
    ]);
    expectError(() => reachCountsQuery(spec({ table: ['a', 'b', 'c', 'd'] }), options), 'LIMIT_EXCEEDED', [
      'spec',
      'table',
    ]);
    expectError(() => reachCountsQuery(spec({}, { engagements: 's"' }), options), 'INVALID_INPUT', [
      'spec',
      'columns',
      'engagements',
    ]);
    // 63 bytes is PostgreSQL's limit; BigQuery keeps 300.
    expect(() => reachCountsQuery(spec({ dialect: 'bigquery', table: 'x'.repeat(64) }), options)).not.toThrow();
  });
  it('every unit level and focal group needs its column; unknown ones are refused', () => {
    expectError(() => reachCountsQuery(spec({}, { units: { district: 'd' } }), options), 'INVALID_INPUT', [
      'spec',
      'columns',
      'units',
      'school',
    ]);
    expectError(
      () => reachCountsQuery(spec({}, { units: { ...columns.units, region: 'r' } }), options),
      'INVALID_INPUT',
      ['spec', 'columns', 'units', 'region'],
    );
    expectError(() => reachCountsQuery(spec({}, { groups: { poverty: 'p', el: 'e' } }), options), 'INVALID_INPUT', [
      'spec',
      'columns',
      'groups',
      'swd',
    ]);
    expectError(() => reachCountsQuery(spec({}, { groupMask: 'm' }), options), 'INVALID_INPUT', [
      'spec',
      'columns',
      'groupMask',
    ]);
  });
  it('unknown keys and dialects, with suggestions; inner names taken by a column or a level', () => {
    expectError(() => reachCountsQuery(spec({ dialect: 'mysql' }), options), 'INVALID_INPUT', ['spec', 'dialect']);
    expectError(() => reachCountsQuery(spec({ where: 'x' }), options), 'INVALID_INPUT', ['spec', 'where']);
    expectError(() => reachCountsQuery(spec({}, { engagements: 'SN_BIN' }), options), 'INVALID_INPUT', [
      'spec',
      'columns',
      'engagements',
    ]);
    expectError(() => reachCountsQuery(spec(), { ...options, unitLevels: ['sn_u0', 'school'] }), 'INVALID_INPUT', [
      'options',
      'unitLevels',
      0,
    ]);
    expectError(() => reachCountsQuery(spec(), { ...options, unitLevels: ['people'] }), 'INVALID_INPUT', [
      'options',
      'unitLevels',
      0,
    ]);
  });
});
