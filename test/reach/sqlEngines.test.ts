/**
 * The counts query run for real, offline: DuckDB (@duckdb/node-api) over a generated
 * 1,000,000-row Parquet roster and PostgreSQL through PGlite (Postgres in WebAssembly, no server).
 * reachFromCounts on the engine's GROUP BY must equal the columnar summary exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachCountsQuery, reachFromCounts, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { SCALE_GROUPS, scaleRoster } from './scaleRoster.js';

const options = {
  focalGroups: [...SCALE_GROUPS],
  unitLevels: ['district', 'school'],
  minEngagements: 3,
  intersections: [['poverty', 'el']],
};
const columns = {
  units: { district: 'district_id', school: 'school_id' },
  groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
  engagements: 'sessions',
  eligible: 'enrolled',
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reach-engines-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB over Parquet', () => {
  it('1,000,000 students: GROUP BY in DuckDB + reachFromCounts equals the columnar summary', async () => {
    const roster = scaleRoster(1_000_000, 2_000, 20_261_201);
    const csv = join(dir, 'roster.csv');
    const parquet = join(dir, 'roster.parquet');
    writeFileSync(csv, roster.csv);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
      await connection.run(`CREATE VIEW roster AS SELECT * FROM read_parquet('${parquet}')`);
      const query = reachCountsQuery({ dialect: 'duckdb', table: 'roster', columns }, options);
      const reader = await connection.runAndReadAll(query.sql, [...query.params]);
      const counts = reader.getRowObjectsJS();
      expect(counts.length).toBeLessThan(2_000 * 8 * 2 * 11 + 1);
      expect(reachFromCounts(counts as never, options)).toEqual(summarizeReach(roster.columns, options));
      // The columns object (one array per column) gives the same.
      expect(reachFromCounts(reader.getColumnsObjectJS() as never, options)).toEqual(
        summarizeReach(roster.columns, options),
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, 60_000);

  it('a NULL focal-group flag or engagement count comes back as an error with its path, never a zero', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(
        'CREATE TABLE roster AS SELECT * FROM (VALUES (1, 10, true, NULL::BOOLEAN, false, true, 2), (1, 10, false, false, false, true, NULL)) t(district_id, school_id, is_poverty, is_el, has_iep, enrolled, sessions)',
      );
      const query = reachCountsQuery({ dialect: 'duckdb', table: 'roster', columns }, options);
      const counts = (await connection.runAndReadAll(query.sql, [...query.params])).getRowObjectsJS();
      // A GROUP BY returns its rows in no set order (DuckDB aggregates in parallel): the error is at
      // whichever count row with a NULL comes first, and names the NULL column.
      const first = counts.findIndex((row) => row.group_mask === null || row.engagements === null);
      expect(first).toBeGreaterThanOrEqual(0);
      const field = counts[first]?.group_mask === null ? 'group_mask' : 'engagements';
      expectError(() => reachFromCounts(counts as never, options), 'INVALID_INPUT', ['counts', first, field]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('PostgreSQL (PGlite)', () => {
  it('5,000 students: GROUP BY in Postgres + reachFromCounts equals the columnar summary', async () => {
    const roster = scaleRoster(5_000, 60, 7);
    const db = await PGlite.create();
    try {
      await db.exec(
        'CREATE TABLE roster (district_id integer, school_id integer, is_poverty boolean, is_el boolean, has_iep boolean, enrolled boolean, sessions integer)',
      );
      // The CSV rows as one JSON parameter: nothing spliced into the SQL text.
      const [header, ...lines] = roster.csv.trim().split('\n');
      const keys = (header as string).split(',');
      const records = lines.map((line) =>
        Object.fromEntries(
          line
            .split(',')
            .map((value, k) => [keys[k], value === 'true' ? true : value === 'false' ? false : Number(value)]),
        ),
      );
      await db.query('INSERT INTO roster SELECT * FROM json_populate_recordset(NULL::roster, $1::json)', [
        JSON.stringify(records),
      ]);
      const query = reachCountsQuery({ dialect: 'postgres', table: ['public', 'roster'], columns }, options);
      const result = await db.query(query.sql, [...query.params]);
      expect(reachFromCounts(result.rows as never, options)).toEqual(summarizeReach(roster.columns, options));
    } finally {
      await db.close();
    }
  }, 60_000);
});
