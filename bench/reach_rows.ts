/**
 * `npx tsx bench/reach_rows.ts [runs]`: the row form alone (6,000,000 row objects, the data of
 * reach.bench.ts), and the accumulator on a big state — what strict keys and the state check
 * cost. Prints one JSON line of medians (ms) after two warm-up calls, so two checkouts can be run
 * in turn in one session and compared (bench/README.md, "reach: strict keys").
 */
import { type ReachColumns, type ReachRow, reachAccumulator, summarizeReach } from '../src/reach/index.js';

const STUDENTS = 6_000_000;
const SCHOOLS_PER_DISTRICT = 9;
const SCHOOLS = 1_000 * SCHOOLS_PER_DISTRICT;
const GROUPS = ['poverty', 'el', 'swd'];
const options = { focalGroups: GROUPS, unitLevels: ['district', 'school'], minEngagements: 2 };
const runs = Number(process.argv[2] ?? 5);

function makeColumns(count: number, seed: number): ReachColumns {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const unitCodes = new Uint16Array(count);
  const groupMasks = new Uint8Array(count);
  const engagements = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    unitCodes[index] = Math.floor(next() * SCHOOLS);
    groupMasks[index] = (next() < 0.45 ? 1 : 0) | (next() < 0.15 ? 2 : 0) | (next() < 0.13 ? 4 : 0);
    engagements[index] = Math.floor(next() * 5);
  }
  const units = Array.from({ length: SCHOOLS }, (_, code) => ({
    district: `D${Math.floor(code / SCHOOLS_PER_DISTRICT)}`,
    school: `S${code % SCHOOLS_PER_DISTRICT}`,
  }));
  return { unitCodes, units, groupMasks, engagements };
}

/** Rows as a JSON reader would give them: every row its own `units` object. */
function makeRows(columns: ReachColumns): ReachRow[] {
  const groupLists = Array.from({ length: 8 }, (_, mask) => GROUPS.filter((_, bit) => (mask & (1 << bit)) !== 0));
  return Array.from({ length: columns.unitCodes.length }, (_, index) => ({
    id: `s${index}`,
    units: { ...(columns.units[columns.unitCodes[index] as number] as Record<string, string>) },
    groups: groupLists[columns.groupMasks[index] as number] as string[],
    engagements: columns.engagements[index] as number,
  }));
}

function median(run: () => unknown, count: number): number {
  run();
  run();
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const columns = makeColumns(STUDENTS, 0x9e3779b9);
const rows = makeRows(columns);
const rowForm = median(() => summarizeReach(rows, options), runs);

// A big state (every school × flag combination: ≈ 72,000 cells), then a 600,000-row batch into it.
const acc = reachAccumulator(options);
const big = acc.addColumns(acc.init(), columns);
const batch = makeColumns(600_000, 0x12345678);
const batchRows = makeRows(batch).slice(0, 100_000);
const addColumnsIntoBig = median(() => acc.addColumns(big, batch), runs);
const addRowsIntoBig = median(() => {
  for (const row of batchRows) acc.add(big, row);
}, runs);
const merge = median(() => acc.merge(big, big), runs);
const finalize = median(() => acc.finalize(big), runs);
console.log(
  JSON.stringify({
    rowForm: Math.round(rowForm),
    addColumnsIntoBig: Number(addColumnsIntoBig.toFixed(2)),
    add100kRowsIntoBig: Number(addRowsIntoBig.toFixed(2)),
    merge: Number(merge.toFixed(2)),
    finalize: Number(finalize.toFixed(2)),
    cells: big.cells,
  }),
);
