/**
 * Reach across Node worker threads: a district roster is split by `shardOf(id, k)` so each
 * student's row lands in exactly one shard; each worker runs the reach accumulator's `init` and
 * `add` on its shard and posts the state back (plain data with typed arrays: it survives the
 * structured clone); the main thread `merge`s the states and `finalize`s — exactly the summary of
 * one pass. Run: `npx tsx examples/reachWorkers.ts`.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ReachRow, type ReachState, reachAccumulator, shardOf, summarizeReach } from '../src/reach/index.js';

const options = {
  focalGroups: ['poverty', 'el', 'swd'],
  unitLevels: ['district', 'school'],
  minEngagements: 2,
  period: { start: '2025-08-01', end: '2026-07-31' },
};

/** A sample roster: 40,000 students, 2 districts × 7 schools, dated projects. */
function sampleRoster(): ReachRow[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const projects = ['2025-07-20', '2025-10-06', '2026-02-02', '2026-05-11'];
  return Array.from({ length: 40_000 }, (_, index) => {
    const groups = [next() < 0.45 ? 'poverty' : '', next() < 0.15 ? 'el' : '', next() < 0.12 ? 'swd' : ''].filter(
      Boolean,
    );
    return {
      id: `student-${index}`,
      units: {
        district: index % 2 === 0 ? 'Manchester' : 'Pearl City-Waipahu',
        school: `school-${Math.floor(next() * 7)}`,
      },
      groups,
      engagedOn: projects.filter(() => next() < (groups.length > 0 ? 0.55 : 0.6)),
      ...(next() < 0.01 ? { eligible: false } : {}),
    };
  });
}

/**
 * The worker runs this same file. Compiled to .js it could be `new Worker(new URL(import.meta.url))`;
 * as TypeScript under tsx (Node 20 workers do not inherit tsx's loader) it is loaded with tsx's
 * `tsImport`.
 */
function workerEntry(): string {
  const api = import.meta.resolve('tsx/esm/api');
  const self = JSON.stringify(import.meta.url);
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${self}, ${self}));`;
}

if (isMainThread) {
  const shards = 4;
  const roster = sampleRoster();
  const batches: ReachRow[][] = Array.from({ length: shards }, () => []);
  for (const row of roster) batches[shardOf(row.id, shards)]?.push(row);
  const states = await Promise.all(
    batches.map(
      (rows) =>
        new Promise<ReachState>((resolve, reject) => {
          const worker = new Worker(workerEntry(), { eval: true, workerData: rows });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const acc = reachAccumulator(options);
  const merged = acc.finalize(states.reduce((a, b) => acc.merge(a, b)));
  const onePass = summarizeReach(roster, options);
  const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  console.log(`shards: ${batches.map((rows) => rows.length).join(' + ')} rows`);
  console.log(
    `everyone: ${merged.overall.reached} of ${merged.overall.n} reached (${pct(merged.overall.rate)}), ${merged.overall.excluded} excluded`,
  );
  console.log(
    `furthest from opportunity (union): ${pct(merged.union.rate)}; gap to the rest ${merged.union.gap?.toFixed(3)}`,
  );
  for (const group of merged.groups)
    console.log(`  ${group.id}: ${pct(group.rate)}, risk ratio ${group.riskRatio?.toFixed(3)}`);
  console.log(`merged shards equal one pass: ${JSON.stringify(merged) === JSON.stringify(onePass)}`);
} else {
  const acc = reachAccumulator(options);
  const state = acc.init();
  for (const row of workerData as ReachRow[]) acc.add(state, row);
  parentPort?.postMessage(state);
}
