/**
 * `npx tsx bench/reach_rows_ab.ts <other checkout> [students] [runs] [control checkout]`: the
 * measurements of reach_rows.ts for this checkout (B) and another one (A: e.g. a copy of the commit
 * before a change), in ONE process, alternating A and B call by call (ABBA) — a fair ratio even on a
 * busy machine. Each timed call starts after a full garbage collection, so no call pays for the
 * garbage of the one before it. Prints medians (ms) and the ratios B / A, of wall time and of the
 * process's CPU time (user + system, garbage-collector threads included): on a machine shared with
 * other jobs the wall time also counts the time the process waited for a core, while the CPU time
 * does not.
 *
 * With a control checkout (a plain copy of A's files in another directory, e.g.
 * `mkdir ctl && cp -r <other>/src <other>/package.json ctl/ && ln -s $PWD/node_modules ctl/`), the
 * row-form summary is also timed for the copy, in the same rotation: A′ / A is what the harness
 * reports for identical code, the size of its own bias and noise.
 */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as Reach from '../src/reach/index.js';

const other = resolve(process.argv[2] ?? '.');
const STUDENTS = Number(process.argv[3] ?? 6_000_000);
const runs = Number(process.argv[4] ?? 5);
const control = process.argv[5] === undefined ? null : resolve(process.argv[5]);
const A = (await import(`${other}/src/reach/index.ts`)) as typeof Reach;
const B = (await import('../src/reach/index.js')) as typeof Reach;
const C = control === null ? null : ((await import(`${control}/src/reach/index.ts`)) as typeof Reach);

// A full collection before each timed call (the flag exposes `gc` to contexts made after it).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const SCHOOLS_PER_DISTRICT = 9;
const SCHOOLS = 1_000 * SCHOOLS_PER_DISTRICT;
const GROUPS = ['poverty', 'el', 'swd'];
const options = { focalGroups: GROUPS, unitLevels: ['district', 'school'], minEngagements: 2 };

function makeColumns(count: number, seed: number): Reach.ReachColumns {
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

function makeRows(columns: Reach.ReachColumns): Reach.ReachRow[] {
  const groupLists = Array.from({ length: 8 }, (_, mask) => GROUPS.filter((_, bit) => (mask & (1 << bit)) !== 0));
  return Array.from({ length: columns.unitCodes.length }, (_, index) => ({
    id: `s${index}`,
    units: { ...(columns.units[columns.unitCodes[index] as number] as Record<string, string>) },
    groups: groupLists[columns.groupMasks[index] as number] as string[],
    engagements: columns.engagements[index] as number,
  }));
}

interface Timing {
  readonly wall: number[];
  readonly cpu: number[];
}

/** One call of `run`, after a full collection: its wall and CPU time (ms). */
function time(run: () => unknown, into: Timing): void {
  collect();
  const usage = process.cpuUsage();
  const start = performance.now();
  run();
  into.wall.push(performance.now() - start);
  const used = process.cpuUsage(usage);
  into.cpu.push((used.user + used.system) / 1000);
}

const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] as number;

/**
 * Medians of `runs` calls of each, rotating the order (A B C, then C B A: ABBA with two), after
 * three rounds of warm-up calls (the first code to run on the rows can see their hidden classes
 * change and be deoptimized; three rounds let every version settle before timing).
 */
function ab(name: string, a: () => unknown, b: () => unknown, c?: () => unknown): void {
  const calls = c === undefined ? [a, b] : [a, b, c];
  for (let round = 0; round < 3; round += 1) for (const call of calls) call();
  const timings: Timing[] = calls.map(() => ({ wall: [], cpu: [] }));
  for (let index = 0; index < runs; index += 1) {
    const order = calls.map((_, at) => at);
    if (index % 2 === 1) order.reverse();
    for (const at of order) time(calls[at] as () => unknown, timings[at] as Timing);
  }
  const [ta, tb, tc] = timings as [Timing, Timing, Timing | undefined];
  const [ma, mb, ua, ub] = [median(ta.wall), median(tb.wall), median(ta.cpu), median(tb.cpu)];
  let line =
    `${name}: wall A ${ma.toFixed(1)} ms, B ${mb.toFixed(1)} ms, B/A ${(mb / ma).toFixed(3)}; ` +
    `CPU A ${ua.toFixed(1)} ms, B ${ub.toFixed(1)} ms, B/A ${(ub / ua).toFixed(3)}`;
  if (tc !== undefined) {
    line +=
      `; control A′ wall ${median(tc.wall).toFixed(1)} ms, A′/A ${(median(tc.wall) / ma).toFixed(3)}, ` +
      `CPU A′/A ${(median(tc.cpu) / ua).toFixed(3)}`;
  }
  console.log(line);
}

const columns = makeColumns(STUDENTS, 0x9e3779b9);
const rows = makeRows(columns);
ab(
  `summarizeReach, row form, ${STUDENTS.toLocaleString('en')} rows`,
  () => A.summarizeReach(rows, options),
  () => B.summarizeReach(rows, options),
  C === null ? undefined : () => C.summarizeReach(rows, options),
);
const accA = A.reachAccumulator(options);
const accB = B.reachAccumulator(options);
const bigA = accA.addColumns(accA.init(), columns);
const bigB = accB.addColumns(accB.init(), columns);
const batch = makeColumns(600_000, 0x12345678);
const batchRows = makeRows(batch).slice(0, 100_000);
ab(
  `addColumns of 600,000 rows into a state of ${bigB.cells.toLocaleString('en')} cells`,
  () => accA.addColumns(bigA, batch),
  () => accB.addColumns(bigB, batch),
);
ab(
  'add of 100,000 rows, one call each, into that state',
  () => {
    for (const row of batchRows) accA.add(bigA, row);
  },
  () => {
    for (const row of batchRows) accB.add(bigB, row);
  },
);
ab(
  'merge of two such states',
  () => accA.merge(bigA, bigA),
  () => accB.merge(bigB, bigB),
);
ab(
  'finalize of such a state',
  () => accA.finalize(bigA),
  () => accB.finalize(bigB),
);
