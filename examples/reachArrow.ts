/**
 * Reach from an Apache Arrow table (what DuckDB-Wasm, Parquet readers and most data tools hand
 * over): reachColumnsFromArrow gives one columnar roster per record batch — Arrow's own buffers
 * where they already fit (dictionary codes, a Uint8 mask, 8/16/32-bit counts), one converting pass
 * where they do not (bit-packed booleans here) — and the accumulator sums the batches.
 * Run: `npx tsx examples/reachArrow.ts`.
 */
import * as arrow from 'apache-arrow';
import { reachAccumulator, reachColumnsFromArrow, summarizeReach } from '../src/reach/index.js';

const options = { focalGroups: ['poverty', 'el'], unitLevels: ['school'], minEngagements: 2 };

// 100,000 students in 50 schools, seeded.
let seed = 42;
const next = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const n = 100_000;
const schoolCodes = new Int32Array(n);
const sessions = new Uint8Array(n);
const poverty: boolean[] = [];
const el: boolean[] = [];
for (let i = 0; i < n; i += 1) {
  schoolCodes[i] = Math.floor(next() * 50);
  sessions[i] = Math.floor(next() * 5);
  poverty.push(next() < 0.45);
  el.push(next() < 0.15);
}
const schools = Array.from({ length: 50 }, (_, k) => `S${String(k).padStart(2, '0')}`);
const table = new arrow.Table({
  school: arrow.makeVector(
    arrow.makeData({
      type: new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
      length: n,
      data: schoolCodes,
      dictionary: arrow.vectorFromArray(schools, new arrow.Utf8()),
    }),
  ),
  sessions: arrow.makeVector(sessions),
  is_poverty: arrow.vectorFromArray(poverty, new arrow.Bool()),
  is_el: arrow.vectorFromArray(el, new arrow.Bool()),
});

const { batches, copied } = reachColumnsFromArrow(
  table,
  { units: { school: 'school' }, groups: { poverty: 'is_poverty', el: 'is_el' }, engagements: 'sessions' },
  options,
);
const accumulator = reachAccumulator(options);
const state = accumulator.init();
for (const batch of batches) accumulator.addColumns(state, batch);
const summary = accumulator.finalize(state);

console.log(`${batches.length} record batch(es); converted: ${copied.join(', ') || 'nothing'}`);
console.log(`unit codes are Arrow's own buffer: ${batches[0]?.unitCodes.buffer === schoolCodes.buffer}`);
console.log(`reached ${summary.overall.reached} of ${summary.overall.n}`);
for (const group of summary.groups) console.log(`  ${group.id}: ${(100 * (group.rate ?? 0)).toFixed(1)}%`);
// The same people as plain typed arrays give the same summary.
const plain = summarizeReach(
  {
    unitCodes: schoolCodes,
    units: schools.map((school) => ({ school })),
    groupMasks: Uint8Array.from(poverty, (p, i) => (p ? 1 : 0) | (el[i] ? 2 : 0)),
    engagements: sessions,
  },
  options,
);
console.log(`equal to the plain columnar summary: ${JSON.stringify(plain) === JSON.stringify(summary)}`);
