/**
 * Reach where the roster lives: DuckDB counts a Parquet roster with the SQL reachCountsQuery
 * writes (a GROUP BY into a few thousand count rows), and reachFromCounts turns the counts into
 * the same ReachSummary the library would compute from every student. The same two calls work for
 * PostgreSQL, BigQuery, Spark SQL and Snowflake (change `dialect`, run the SQL with your driver).
 * Run: `npx tsx examples/reachWarehouse.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { reachCountsQuery, reachFromCounts } from '../src/reach/index.js';

const options = {
  focalGroups: ['poverty', 'el', 'swd'],
  unitLevels: ['district', 'school'],
  minEngagements: 2,
};

const dir = mkdtempSync(join(tmpdir(), 'reach-warehouse-'));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  // A stand-in for the warehouse's Parquet export: 200,000 students in 400 schools (seeded hash).
  const parquet = join(dir, 'roster.parquet');
  await connection.run(`
    COPY (
      SELECT i // 500 AS district_id, i // 50 AS school_id,
             hash(i, 1) % 100 < 45 AS is_poverty, hash(i, 2) % 100 < 15 AS is_el, hash(i, 3) % 100 < 13 AS has_iep,
             hash(i, 4) % 100 >= 3 AS enrolled, CAST(hash(i, 5) % 6 AS INTEGER) AS sessions
      FROM range(200000) t(i)
    ) TO '${parquet}' (FORMAT parquet)`);
  // The file behind a view: the query takes names, never file paths or values in its text.
  await connection.run(`CREATE VIEW roster AS SELECT * FROM read_parquet('${parquet}')`);

  const query = reachCountsQuery(
    {
      dialect: 'duckdb',
      table: 'roster',
      columns: {
        units: { district: 'district_id', school: 'school_id' },
        groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
        engagements: 'sessions',
        eligible: 'enrolled',
      },
    },
    options,
  );
  console.log(query.sql, '\n-- params:', query.params);

  const reader = await connection.runAndReadAll(query.sql, [...query.params]);
  const counts = reader.getRowObjectsJS();
  const summary = reachFromCounts(counts as never, options);
  console.log(`\n${counts.length} count rows from ${summary.overall.n + summary.overall.excluded} students`);
  console.log(`reached: ${(100 * (summary.overall.rate ?? 0)).toFixed(1)}% of ${summary.overall.n} eligible`);
  for (const group of summary.groups) {
    console.log(
      `  ${group.id.padEnd(8)} ${(100 * (group.rate ?? 0)).toFixed(1)}% (gap ${(100 * (group.gap ?? 0)).toFixed(1)} points)`,
    );
  }
} finally {
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
}
