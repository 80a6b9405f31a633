import type { ReachColumns, ReachRow, SummarizeReachOptions } from '../../src/reach/index.js';

/** Day number of an ISO date (UTC). */
function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The same roster in columnar form (dated engagements counted inside the period first). */
export function toColumns(rows: readonly ReachRow[], options: SummarizeReachOptions): ReachColumns {
  const groups = options.focalGroups.map((group) => (typeof group === 'string' ? group : group.id));
  const unitCodes = new Uint32Array(rows.length);
  const groupMasks = new Uint8Array(rows.length);
  const engagements = new Int32Array(rows.length);
  const eligible = new Uint8Array(rows.length);
  const units: Record<string, string>[] = [];
  const codeOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = JSON.stringify(options.unitLevels.map((level) => row.units[level]));
    let code = codeOf.get(key);
    if (code === undefined) {
      code = units.length;
      codeOf.set(key, code);
      units.push(Object.fromEntries(options.unitLevels.map((level) => [level, row.units[level] as string])));
    }
    unitCodes[index] = code;
    groupMasks[index] = (row.groups ?? []).reduce((mask, id) => mask | (1 << groups.indexOf(id)), 0);
    let count = row.engagements ?? 0;
    if (row.engagedOn !== undefined && options.period !== undefined) {
      const start = dayOf(options.period.start);
      const end = dayOf(options.period.end);
      count = row.engagedOn.filter((date) => dayOf(date) >= start && dayOf(date) <= end).length;
    }
    engagements[index] = count;
    eligible[index] = row.eligible === false ? 0 : 1;
  });
  return { unitCodes, units, groupMasks, engagements, eligible, ids: rows.map((row) => row.id) };
}

/** Every number in a value is finite (no NaN, no ±Infinity). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(allFinite);
  return true;
}
