/**
 * Reach over a synthetic state: 6,000,000 students in 1,000 districts × 9 schools (9,000 schools)
 * with three overlapping focal flags and 0–4 engagements, summarized by school and district.
 *
 * - mitata compares `summarizeReach` on the columnar form with a hand-written typed-array loop
 *   (counts per school × flag combination, rolled up to districts and to each flag; no validation,
 *   no histograms, no intervals).
 *   It also times the two halves of the summary: the validated counting pass and building the
 *   summary from the counted cells.
 * - The slow contenders run a few times each, timed with performance.now() (median): the row form,
 *   arquero 8 (groupby/rollup by school and by district), and pandas groupby on the same data via
 *   bench/reach_pandas.py (skipped with a message when python3 or pandas is missing). A row-form
 *   floor — reading the rows, hashing ids and two Map lookups per row, nothing else — shows what
 *   any row reader pays.
 * - Memory: the accumulator state after 600,000 and after 6,000,000 rows (it grows with cells —
 *   schools × flag combinations — not rows).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { bench, do_not_optimize, group, summary } from 'mitata';
import { hashString } from '../src/_lib/duplicates.js';
import {
  type ReachBreakdown,
  type ReachColumns,
  type ReachGroupStats,
  type ReachRow,
  type ReachStats,
  type ReachSummary,
  reachAccumulator,
  summarizeReach,
} from '../src/reach/index.js';

const STUDENTS = 6_000_000;
const DISTRICTS = 1_000;
const SCHOOLS_PER_DISTRICT = 9;
const SCHOOLS = DISTRICTS * SCHOOLS_PER_DISTRICT;
const GROUPS = ['poverty', 'el', 'swd'];
const MIN = 2;
const options = { focalGroups: GROUPS, unitLevels: ['district', 'school'], minEngagements: MIN };

function makeColumns(count: number): ReachColumns {
  let state = 0x9e3779b9;
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

/** Counts per school × flag combination, then per school and district for everyone, each flag, union, none. */
function handLoop(columns: ReachColumns): Float64Array[] {
  const n = new Float64Array(SCHOOLS * 8);
  const reached = new Float64Array(SCHOOLS * 8);
  const { unitCodes, groupMasks, engagements } = columns;
  for (let index = 0; index < unitCodes.length; index += 1) {
    const cell = ((unitCodes[index] as number) << 3) | (groupMasks[index] as number);
    n[cell] = (n[cell] as number) + 1;
    if ((engagements[index] as number) >= MIN) reached[cell] = (reached[cell] as number) + 1;
  }
  // 6 populations (everyone, 3 flags, union, none) × (n, reached), for schools then districts
  const school = new Float64Array(SCHOOLS * 12);
  const district = new Float64Array(DISTRICTS * 12);
  for (let unit = 0; unit < SCHOOLS; unit += 1) {
    const d = Math.floor(unit / SCHOOLS_PER_DISTRICT);
    for (let mask = 0; mask < 8; mask += 1) {
      const a = n[unit * 8 + mask] as number;
      const r = reached[unit * 8 + mask] as number;
      for (let pop = 0; pop < 6; pop += 1) {
        const inside = pop === 0 || (pop <= 3 ? (mask & (1 << (pop - 1))) !== 0 : pop === 4 ? mask !== 0 : mask === 0);
        if (!inside) continue;
        school[unit * 12 + pop * 2] = (school[unit * 12 + pop * 2] as number) + a;
        school[unit * 12 + pop * 2 + 1] = (school[unit * 12 + pop * 2 + 1] as number) + r;
        district[d * 12 + pop * 2] = (district[d * 12 + pop * 2] as number) + a;
        district[d * 12 + pop * 2 + 1] = (district[d * 12 + pop * 2 + 1] as number) + r;
      }
    }
  }
  return [school, district];
}

function makeRows(columns: ReachColumns): ReachRow[] {
  const groupLists = Array.from({ length: 8 }, (_, mask) => GROUPS.filter((_, bit) => (mask & (1 << bit)) !== 0));
  return Array.from({ length: columns.unitCodes.length }, (_, index) => ({
    id: `s${index}`,
    units: columns.units[columns.unitCodes[index] as number] as Record<string, string>,
    groups: groupLists[columns.groupMasks[index] as number] as string[],
    engagements: columns.engagements[index] as number,
  }));
}

function arqueroSummary(columns: ReachColumns) {
  const table = aq
    .table({
      school: columns.unitCodes,
      mask: columns.groupMasks,
      e: columns.engagements,
    })
    .derive({
      district: aq.escape((d: { school: number }) => Math.floor(d.school / SCHOOLS_PER_DISTRICT)),
      r: (d: { e: number }) => (d.e >= 2 ? 1 : 0),
      f1: (d: { mask: number }) => d.mask & 1,
      f2: (d: { mask: number }) => (d.mask >> 1) & 1,
      f3: (d: { mask: number }) => (d.mask >> 2) & 1,
    })
    .derive({
      u: (d: { mask: number }) => (d.mask !== 0 ? 1 : 0),
      r1: (d: { r: number; f1: number }) => d.r * d.f1,
      r2: (d: { r: number; f2: number }) => d.r * d.f2,
      r3: (d: { r: number; f3: number }) => d.r * d.f3,
      ru: (d: { r: number; mask: number }) => (d.mask !== 0 ? d.r : 0),
    });
  const rollup = {
    n: aq.op.count(),
    reached: (d: { r: number }) => aq.op.sum(d.r),
    n1: (d: { f1: number }) => aq.op.sum(d.f1),
    r1: (d: { r1: number }) => aq.op.sum(d.r1),
    n2: (d: { f2: number }) => aq.op.sum(d.f2),
    r2: (d: { r2: number }) => aq.op.sum(d.r2),
    n3: (d: { f3: number }) => aq.op.sum(d.f3),
    r3: (d: { r3: number }) => aq.op.sum(d.r3),
    nu: (d: { u: number }) => aq.op.sum(d.u),
    ru: (d: { ru: number }) => aq.op.sum(d.ru),
  };
  return [
    table.groupby('district', 'school').rollup(rollup).numRows(),
    table.groupby('district').rollup(rollup).numRows(),
  ];
}

const pair = (value: readonly [number, number] | null): [number, number] | null =>
  value === null ? null : [value[0], value[1]];
function copyStats(stats: ReachStats): ReachStats {
  return {
    n: stats.n,
    excluded: stats.excluded,
    reached: stats.reached,
    rate: stats.rate,
    interval: pair(stats.interval),
    meanEngagements: stats.meanEngagements,
    histogram: stats.histogram.slice(),
    notes: stats.notes,
  };
}
function copyGroup(group: ReachGroupStats): ReachGroupStats {
  return {
    id: group.id,
    kind: group.kind,
    members: group.members,
    n: group.n,
    excluded: group.excluded,
    reached: group.reached,
    rate: group.rate,
    interval: pair(group.interval),
    meanEngagements: group.meanEngagements,
    histogram: group.histogram.slice(),
    rest: { n: group.rest.n, reached: group.rest.reached, rate: group.rest.rate },
    gap: group.gap,
    gapInterval: pair(group.gapInterval),
    gapToNone: group.gapToNone,
    gapToNoneInterval: pair(group.gapToNoneInterval),
    riskRatio: group.riskRatio,
    alternateRiskRatio: group.alternateRiskRatio,
    alternateComparisonUnit: group.alternateComparisonUnit,
    representationIndex: group.representationIndex,
    notes: group.notes,
  };
}
function copyBreakdown(scope: ReachBreakdown): ReachBreakdown {
  return {
    overall: copyStats(scope.overall),
    groups: scope.groups.map(copyGroup),
    union: copyGroup(scope.union),
    none: copyGroup(scope.none),
    intersections: scope.intersections.map(copyGroup),
  };
}
/**
 * The floor of building a summary: the same objects, arrays and numbers made again from an existing
 * summary, with no counting and no arithmetic.
 */
function copySummary(from: ReachSummary): ReachSummary {
  return {
    ...from,
    ...copyBreakdown(from),
    units: from.units.map((unit) => {
      const breakdown = copyBreakdown(unit);
      return {
        id: unit.id,
        level: unit.level,
        code: unit.code,
        path: unit.path.slice(),
        parent: unit.parent,
        overall: breakdown.overall,
        groups: breakdown.groups,
        union: breakdown.union,
        none: breakdown.none,
        intersections: breakdown.intersections,
      };
    }),
  };
}

/** Median time of `times` calls after two unmeasured ones (the JIT's first compilations). */
function median(run: () => unknown, times: number): number {
  for (let index = 0; index < 2; index += 1) do_not_optimize(run());
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    do_not_optimize(run());
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const columns = makeColumns(STUDENTS);
const ms = (value: number) => `${value.toFixed(1)} ms`;
{
  // The baseline counts what the summary counts: every district's n and reached, for all six populations.
  const [, byDistrict] = handLoop(columns) as [Float64Array, Float64Array];
  const check = summarizeReach(columns, options);
  for (const unit of check.units.filter((entry) => entry.level === 'district')) {
    const d = Number(unit.code.slice(1));
    [unit.overall, ...unit.groups, unit.union, unit.none].forEach((stats, pop) => {
      if (stats.n !== byDistrict[d * 12 + pop * 2] || stats.reached !== byDistrict[d * 12 + pop * 2 + 1]) {
        throw new Error(`hand loop and summarizeReach disagree on ${unit.id}, population ${pop}`);
      }
    });
  }
}
// The reference for the slow contenders' ratios: 15 calls, as every other call pays a full GC.
const columnarMs = median(() => summarizeReach(columns, options), 15);
const loopMs = median(() => handLoop(columns), 5);
const passMs = median(() => {
  const acc = reachAccumulator(options);
  return acc.addColumns(acc.init(), columns);
}, 5);
const accumulator = reachAccumulator(options);
const counted = accumulator.addColumns(accumulator.init(), columns);
const finalizeMs = median(() => accumulator.finalize(counted), 5);
const built = accumulator.finalize(counted);
const copyMs = median(() => copySummary(built), 5);
console.log(
  `reach, ${STUDENTS.toLocaleString('en')} students (medians after 2 warm-up calls, of 15 for the summary and 5 for the rest): summarizeReach columnar ${ms(columnarMs)} = its pass ${ms(passMs)} + building the summary ${ms(finalizeMs)}; hand loop ${ms(loopMs)}`,
);
console.log(
  `summary-object floor (the same ${built.units.length.toLocaleString('en')} units' objects made again from a summary, no arithmetic; median of 5): ${ms(copyMs)} = ${(copyMs / loopMs).toFixed(2)}× the hand loop`,
);

const arqueroMs = median(() => arqueroSummary(columns), 2);
console.log(
  `arquero 8 groupby/rollup (school and district; median of 2): ${ms(arqueroMs)} = ${(arqueroMs / columnarMs).toFixed(1)}× columnar`,
);

const pandasScript = fileURLToPath(new URL('./reach_pandas.py', import.meta.url));
// The first interpreter that has pandas: the one on PATH, or Debian's (apt-get install python3-pandas).
const python = ['python3', '/usr/bin/python3'].find((candidate) => {
  try {
    execFileSync(candidate, ['-c', 'import pandas, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
try {
  if (python === undefined) throw new Error('no pandas');
  const dir = mkdtempSync(join(tmpdir(), 'reach-bench-'));
  writeFileSync(join(dir, 'school.u16'), columns.unitCodes);
  writeFileSync(join(dir, 'mask.u8'), columns.groupMasks);
  writeFileSync(join(dir, 'e.u8'), columns.engagements);
  const out = execFileSync(python, [pandasScript, dir], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const pandasMs = Number(out.trim());
  console.log(`pandas groupby (median of 5): ${ms(pandasMs)} = ${(pandasMs / columnarMs).toFixed(1)}× columnar`);
} catch {
  console.log('pandas groupby: skipped (no python3 with pandas and numpy: apt-get install -y python3-pandas)');
}

{
  const rows = makeRows(columns);
  const rowMs = median(() => summarizeReach(rows, options), 3);
  console.log(`row form (6M row objects; median of 3): ${ms(rowMs)} = ${(rowMs / columnarMs).toFixed(1)}× columnar`);
  // What any row-form reader pays before validating or counting: read each row's fields, hash its
  // id (the duplicate check needs every id) and find its school in a two-level Map.
  const lookup = new Map<string, Map<string, number>>();
  columns.units.forEach((unit, code) => {
    const schools = lookup.get(unit.district as string) ?? new Map<string, number>();
    schools.set(unit.school as string, code);
    lookup.set(unit.district as string, schools);
  });
  const floorMs = median(() => {
    const hashes = new Uint32Array(rows.length);
    let sum = 0;
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index] as ReachRow;
      hashes[index] = hashString(row.id);
      const schools = lookup.get(row.units.district as string) as Map<string, number>;
      sum += (schools.get(row.units.school as string) as number) + (row.groups?.length ?? 0) + (row.engagements ?? 0);
    }
    return sum + (hashes[0] as number);
  }, 3);
  console.log(
    `row-form floor (read 6M rows, hash ids, two Map lookups; no validation, no counting): ${ms(floorMs)} = ${(floorMs / columnarMs).toFixed(1)}× columnar`,
  );
}

for (const count of [600_000, STUDENTS]) {
  const acc = reachAccumulator(options);
  const state = acc.addColumns(acc.init(), count === STUDENTS ? columns : makeColumns(count));
  const bytes = [state.cellTable, state.cellLeaf, state.cellMask, state.histogram, state.sum, state.excluded].reduce(
    (sum, array) => sum + array.byteLength,
    0,
  );
  console.log(
    `accumulator state after ${count.toLocaleString('en')} rows: ${state.cells} cells, ${(bytes / 1e6).toFixed(2)} MB`,
  );
}

group(`summarizeReach, ${STUDENTS.toLocaleString('en')} students, columnar`, () => {
  summary(() => {
    bench('scaling-navigator summarizeReach (columnar, validated, full summary)', () =>
      do_not_optimize(summarizeReach(columns, options)),
    );
    bench('scaling-navigator accumulator addColumns (the validated pass only, no summary)', () => {
      const acc = reachAccumulator(options);
      return do_not_optimize(acc.addColumns(acc.init(), columns));
    });
    bench('scaling-navigator accumulator finalize (building the summary from counted cells)', () =>
      do_not_optimize(accumulator.finalize(counted)),
    );
    bench('floor: the summary objects made again from a summary (no counting, no arithmetic)', () =>
      do_not_optimize(copySummary(built)),
    );
    bench('hand-written typed-array loop (counts only, no validation)', () =>
      do_not_optimize(handLoop(columns)),
    ).baseline(true);
  });
});
