/**
 * A reference `GROUP BY` in plain JS (what an engine returns for reachCountsQuery's SQL): count rows
 * of a columnar roster, keyed by unit path × mask × eligible × LEAST(engagements, histogramMax).
 */
import type { ReachColumns, ReachCountRow } from '../../src/reach/index.js';

export function countsOf(
  columns: ReachColumns,
  unitLevels: readonly string[],
  histogramMax: number,
  as: 'number' | 'bigint' | 'string' = 'number',
): ReachCountRow[] {
  const groups = new Map<string, { row: Record<string, unknown>; people: number; sum: number }>();
  const n = columns.unitCodes.length;
  for (let i = 0; i < n; i += 1) {
    const units = columns.units[columns.unitCodes[i] as number] as Record<string, string>;
    const eligible = columns.eligible === undefined || columns.eligible[i] !== 0;
    const engagements = columns.engagements[i] as number;
    const bin = Math.min(engagements, histogramMax);
    const mask = columns.groupMasks[i] as number;
    const key = JSON.stringify([unitLevels.map((level) => units[level]), mask, eligible, bin]);
    let group = groups.get(key);
    if (group === undefined) {
      const row: Record<string, unknown> = {};
      for (const level of unitLevels) row[level] = units[level];
      Object.assign(row, { group_mask: mask, eligible, engagements: bin });
      group = { row, people: 0, sum: 0 };
      groups.set(key, group);
    }
    group.people += 1;
    group.sum += engagements;
  }
  const cast = (value: number) => (as === 'bigint' ? BigInt(value) : as === 'string' ? String(value) : value);
  return [...groups.values()].map(({ row, people, sum }) => ({
    ...row,
    people: cast(people),
    engagement_sum: cast(sum),
  })) as ReachCountRow[];
}
