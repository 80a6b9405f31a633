/**
 * The scopes of small-cell suppression: the summary and its published units, their populations,
 * and the leaves under each as one run of the leaves sorted by path.
 *
 * @internal
 * @module
 */
import type { ReachBreakdown, ReachGroupStats } from './ReachSummary.js';

/** The summary or one of its units, with its id (null for the summary) and unit path. */
export type Breakdown = ReachBreakdown & { readonly id: string | null; readonly path: readonly string[] };

/** The populations of a scope: its focal groups, union, none and intersections, in that order. */
export function groupsOf(scope: Breakdown): ReachGroupStats[] {
  return [...scope.groups, scope.union, scope.none, ...scope.intersections];
}

export function comparePaths(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a[index] as string;
    const y = b[index] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * In sorted `paths`, the first index whose path does not come before `prefix` (`past` false), or
 * the first past every path that starts with `prefix` (`past` true).
 */
export function lowerBound(paths: readonly (readonly string[])[], prefix: readonly string[], past: boolean): number {
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const path = paths[middle] as readonly string[];
    const order = comparePaths(path.length > prefix.length ? path.slice(0, prefix.length) : path, prefix);
    if (order < 0 || (past && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}
