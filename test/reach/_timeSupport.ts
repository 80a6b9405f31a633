import type { ReachRow, ReachTimeColumns } from '../../src/reach/index.js';

/** Day number of an ISO date (UTC). */
export function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A student on the day grid: risk set from after day `start`, leaving it at `stop` with `status` (1 reached, 2 left, 0 censored). */
export interface GridStudent {
  readonly groups: readonly string[];
  readonly start: number;
  readonly stop: number;
  readonly status: number;
}

/** The student as a row of dates, the period starting on `periodStart`. */
export function gridRow(student: GridStudent, index: number, periodStart: string): ReachRow {
  const p = dayOf(periodStart);
  const row: { -readonly [K in keyof ReachRow]: ReachRow[K] } = { id: `s${index}`, units: {}, groups: student.groups };
  if (student.start > 0) row.enrolledOn = isoOf(p + student.start);
  if (student.status === 1) row.engagedOn = [isoOf(p + student.stop - 1)];
  if (student.status === 2) row.exitedOn = isoOf(p + student.stop - 1);
  return row;
}

/** Rows in the columnar form of reachOverTime. */
export function toTimeColumns(rows: readonly ReachRow[], focalGroups: readonly string[]): ReachTimeColumns {
  const n = rows.length;
  const groupMasks = new Uint8Array(n);
  const engagementOffsets = new Uint32Array(n + 1);
  const days: number[] = [];
  const enrolledOn = new Int32Array(n).fill(-(2 ** 31));
  const exitedOn = new Int32Array(n).fill(2 ** 31 - 1);
  const eligible = new Uint8Array(n);
  rows.forEach((row, i) => {
    groupMasks[i] = (row.groups ?? []).reduce((mask, id) => mask | (1 << focalGroups.indexOf(id)), 0);
    for (const date of row.engagedOn ?? []) days.push(dayOf(date));
    engagementOffsets[i + 1] = days.length;
    if (row.enrolledOn !== undefined) enrolledOn[i] = dayOf(row.enrolledOn);
    if (row.exitedOn !== undefined) exitedOn[i] = dayOf(row.exitedOn);
    eligible[i] = row.eligible === false ? 0 : 1;
  });
  return { groupMasks, engagementOffsets, engagementDays: Int32Array.from(days), enrolledOn, exitedOn, eligible };
}

/**
 * The pace scenario of the arrival tests: 100 students (every other one in `el`), 20 reached on
 * days 1…20 of `periodStart` (one a day), then 10 in days 31…40 (one a day); the 80/50 target.
 */
export function paceScenario(periodStart: string): {
  rows: ReachRow[];
  target: { population: { unit: 'students' }; overall: number; focal: number; focalRule: 'each' };
} {
  const start = dayOf(periodStart);
  const rows: ReachRow[] = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i}`,
    units: {},
    groups: i % 2 === 0 ? ['el'] : [],
    engagedOn: i < 20 ? [isoOf(start + i)] : i < 30 ? [isoOf(start + 30 + (i - 20))] : [],
  }));
  return { rows, target: { population: { unit: 'students' }, overall: 0.8, focal: 0.5, focalRule: 'each' } };
}
