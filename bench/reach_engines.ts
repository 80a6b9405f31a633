/**
 * Reach at scale through the engines (issue 16), in one run:
 *
 * - 6,000,000 students (9,000 schools, 1,000 districts, three focal groups, 3% ineligible),
 *   counted by the columnar path (summarizeReach), by DuckDB's GROUP BY (reachCountsQuery, over a
 *   table and over Parquet) + reachFromCounts, and by pandas' groupby of the same counts (Debian's
 *   python3-pandas, when present: bench/reach_engines_pandas.py);
 * - the Arrow path (reachColumnsFromArrow + the accumulator) against the plain columnar one, zero-copy
 *   (dictionary school codes, Uint8 mask, Uint16 counts) and converted (two string levels, three
 *   bit-packed Bool flags, BigInt64 counts, a Bool eligibility).
 *
 * `npx tsx bench/reach_engines.ts [students]` (default 6,000,000). Loading the engines (CSV → table
 * → Parquet) is timed apart: in a warehouse the roster is already there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import {
  reachAccumulator,
  reachColumnsFromArrow,
  reachCountsQuery,
  reachFromCounts,
  summarizeReach,
} from '../src/reach/index.js';

const students = Number(process.argv[2] ?? 6_000_000);
const SCHOOLS = 9_000;
const options = {
  focalGroups: ['poverty', 'el', 'swd'],
  unitLevels: ['district', 'school'],
  minEngagements: 2,
};

/** Median of `runs` timings (ms), after one warm-up. */
async function time(runs: number, run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

// ——— the roster, seeded ————————————————————————————————————————————————————————————————————————
let seed = 0x2026_1201;
const next = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const unitCodes = new Uint32Array(students);
const schoolCodes = new Int32Array(students);
const groupMasks = new Uint8Array(students);
const engagements = new Uint16Array(students);
const eligible = new Uint8Array(students);
for (let i = 0; i < students; i += 1) {
  const school = Math.floor(next() * SCHOOLS);
  unitCodes[i] = school;
  schoolCodes[i] = school;
  groupMasks[i] = (next() < 0.45 ? 1 : 0) | (next() < 0.15 ? 2 : 0) | (next() < 0.13 ? 4 : 0);
  engagements[i] = Math.floor(next() * 13);
  eligible[i] = next() < 0.03 ? 0 : 1;
}
const units = Array.from({ length: SCHOOLS }, (_, school) => ({
  district: String(Math.floor(school / 9)),
  school: String(school),
}));
const columns = { unitCodes, units, groupMasks, engagements, eligible };
const expected = summarizeReach(columns, options);
const expectedJson = JSON.stringify(expected);
const same = (summary: unknown) => JSON.stringify(summary) === expectedJson;

const results: [string, string, string][] = [];
const columnar = await time(3, () => summarizeReach(columns, options));
results.push(['columnar summarizeReach (typed arrays)', ms(columnar), '1×']);

// ——— DuckDB ——————————————————————————————————————————————————————————————————————————————————
const dir = mkdtempSync(join(tmpdir(), 'reach-engines-bench-'));
try {
  const loadStart = performance.now();
  const lines: string[] = ['district_id,school_id,is_poverty,is_el,has_iep,enrolled,sessions'];
  for (let i = 0; i < students; i += 1) {
    const m = groupMasks[i] as number;
    const s = unitCodes[i] as number;
    lines.push(
      `${Math.floor(s / 9)},${s},${(m & 1) !== 0},${(m & 2) !== 0},${(m & 4) !== 0},${eligible[i] === 1},${engagements[i]}`,
    );
  }
  writeFileSync(join(dir, 'roster.csv'), `${lines.join('\n')}\n`);
  lines.length = 0;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE roster AS SELECT * FROM read_csv('${join(dir, 'roster.csv')}', header = true)`);
  await connection.run(`COPY roster TO '${join(dir, 'roster.parquet')}' (FORMAT parquet)`);
  await connection.run(`CREATE VIEW roster_parquet AS SELECT * FROM read_parquet('${join(dir, 'roster.parquet')}')`);
  const load = performance.now() - loadStart;
  const spec = {
    columns: {
      units: { district: 'district_id', school: 'school_id' },
      groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
      engagements: 'sessions',
      eligible: 'enrolled',
    },
  };
  for (const table of ['roster', 'roster_parquet']) {
    const query = reachCountsQuery({ dialect: 'duckdb', table, ...spec }, options);
    let rows = 0;
    let ok = false;
    const groupBy = await time(3, async () => {
      const reader = await connection.runAndReadAll(query.sql, [...query.params]);
      rows = reader.currentRowCount;
    });
    let counts: Record<string, unknown[]> = {};
    const pull = await time(3, async () => {
      const reader = await connection.runAndReadAll(query.sql, [...query.params]);
      counts = reader.getColumnsObjectJS() as Record<string, unknown[]>;
    });
    const fromCounts = await time(3, () => reachFromCounts(counts as never, options));
    ok = same(reachFromCounts(counts as never, options));
    results.push([
      `DuckDB GROUP BY (${table === 'roster' ? 'table' : 'Parquet'}) → ${rows.toLocaleString('en')} count rows`,
      ms(groupBy),
      `${(groupBy / columnar).toFixed(1)}×`,
    ]);
    results.push([
      '  the same, pulling the counts into JS (getColumnsObjectJS)',
      ms(pull),
      `${(pull / columnar).toFixed(1)}×`,
    ]);
    results.push([
      `  reachFromCounts on them (equal: ${ok})`,
      ms(fromCounts),
      `${(fromCounts / columnar).toFixed(1)}×`,
    ]);
  }
  results.push(['(loading DuckDB: CSV → table → Parquet, once)', ms(load), '—']);
  connection.closeSync();
  instance.closeSync();

  // ——— pandas ————————————————————————————————————————————————————————————————————————————————
  writeFileSync(join(dir, 'school.u32'), unitCodes);
  writeFileSync(join(dir, 'mask.u8'), groupMasks);
  writeFileSync(join(dir, 'e.u16'), engagements);
  writeFileSync(join(dir, 'eligible.u8'), eligible);
  // The first interpreter that has pandas: the one on PATH, or Debian's (apt-get install python3-pandas).
  const python =
    ['python3', '/usr/bin/python3'].find((candidate) => {
      try {
        execFileSync(candidate, ['-c', 'import pandas, numpy'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    }) ?? 'python3';
  try {
    const out = execFileSync(python, [join(import.meta.dirname, 'reach_engines_pandas.py'), dir], {
      encoding: 'utf8',
    }).trim();
    const pandas = Number(out);
    results.push(['pandas groupby of the same counts', ms(pandas), `${(pandas / columnar).toFixed(1)}×`]);
  } catch (error) {
    results.push(['pandas groupby', `not run (${(error as Error).message.split('\n')[0]})`, '—']);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ——— Arrow ———————————————————————————————————————————————————————————————————————————————————
function viaArrow(table: arrow.Table, spec: Parameters<typeof reachColumnsFromArrow>[1]) {
  const { batches } = reachColumnsFromArrow(table as never, spec, options);
  const accumulator = reachAccumulator(options);
  const state = accumulator.init();
  for (const batch of batches) accumulator.addColumns(state, batch);
  return accumulator.finalize(state);
}
const schoolOnly = { ...options, unitLevels: ['school'] };
const schoolColumns = { ...columns, units: units.map((unit) => ({ school: unit.school })) };
const schoolColumnar = await time(3, () => summarizeReach(schoolColumns, schoolOnly));
const dictionary = arrow.vectorFromArray(
  units.map((unit) => unit.school),
  new arrow.Utf8(),
);
const zeroCopy = new arrow.Table({
  school: arrow.makeVector(
    arrow.makeData({
      type: new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
      length: students,
      data: schoolCodes,
      dictionary,
    }),
  ),
  mask: arrow.makeVector(groupMasks),
  sessions: arrow.makeVector(engagements),
  enrolled: arrow.makeVector(eligible),
});
const zeroSpec = { units: { school: 'school' }, groupMask: 'mask', engagements: 'sessions', eligible: 'enrolled' };
const zeroCopyTime = await time(3, () => {
  const { batches } = reachColumnsFromArrow(zeroCopy as never, zeroSpec, schoolOnly);
  const accumulator = reachAccumulator(schoolOnly);
  const state = accumulator.init();
  for (const batch of batches) accumulator.addColumns(state, batch);
  return accumulator.finalize(state);
});
results.push(['columnar, school level only', ms(schoolColumnar), '1×']);
results.push([
  'Arrow zero-copy (dictionary codes, Uint8 mask, Uint16 counts)',
  ms(zeroCopyTime),
  `${(zeroCopyTime / schoolColumnar).toFixed(2)}×`,
]);
const converted = arrow.tableFromArrays({
  district: Array.from(unitCodes, (s) => (units[s] as { district: string }).district),
  school: Array.from(unitCodes, (s) => (units[s] as { school: string }).school),
  is_poverty: Array.from(groupMasks, (m) => (m & 1) !== 0),
  is_el: Array.from(groupMasks, (m) => (m & 2) !== 0),
  has_iep: Array.from(groupMasks, (m) => (m & 4) !== 0),
  sessions: BigInt64Array.from(engagements, (e) => BigInt(e)),
  enrolled: Array.from(eligible, (e) => e === 1),
});
const convertedSpec = {
  units: { district: 'district', school: 'school' },
  groups: { poverty: 'is_poverty', el: 'is_el', swd: 'has_iep' },
  engagements: 'sessions',
  eligible: 'enrolled',
};
let convertedOk = false;
const convertedTime = await time(3, () => viaArrow(converted, convertedSpec));
convertedOk = same(viaArrow(converted, convertedSpec));
results.push([
  `Arrow converted (2 string levels, Bool flags, BigInt64; equal: ${convertedOk})`,
  ms(convertedTime),
  `${(convertedTime / columnar).toFixed(2)}× the two-level columnar`,
]);

console.log(
  `\nreach at scale: ${students.toLocaleString('en')} students, ${SCHOOLS} schools (Node ${process.version})\n`,
);
const width = Math.max(...results.map(([label]) => label.length));
for (const [label, value, ratio] of results) console.log(`${label.padEnd(width)}  ${value.padStart(10)}  ${ratio}`);
