/**
 * The units of a reach state, numbered for the roll-up: leaves sorted by path, then each level's
 * units in path order, each unit with its parent and composite id.
 *
 * @internal
 * @module
 */
import type { ReachConfig } from './_config.js';
import type { ReachState } from './_state.js';

/** Escapes a unit code for use inside a composite unit id. */
export function escapeCode(code: string): string {
  return code.replaceAll('%', '%25').replaceAll('/', '%2F');
}

/** The units of a state: one scope per unit (index 0 is everyone), parents before children. */
export interface Scopes {
  /** Unit id per scope (null for the whole roster). */
  readonly ids: (string | null)[];
  /** Parent scope per scope (−1 for the whole roster). */
  readonly parent: Int32Array;
  /** Level index per scope (−1 for the whole roster). */
  readonly level: Int32Array;
  /** Unit path per scope (empty for the whole roster). */
  readonly paths: string[][];
  /** Scope of each leaf at each level: `leafScope[leaf * depth + level]`. */
  readonly leafScope: Int32Array;
}

/**
 * Numbers the units: leaves sorted by path, then every level's units in path order, so units come
 * out level by level (districts, then schools) and each unit's parent has a smaller index.
 */
export function scopesOf(config: ReachConfig, state: ReachState): Scopes {
  const depth = config.unitLevels.length;
  const leafPaths = state.leafPaths;
  const used = new Uint8Array(leafPaths.length);
  for (let cell = 0; cell < state.cells; cell += 1) used[state.cellLeaf[cell] as number] = 1;
  const leaves: number[] = [];
  for (let leaf = 0; leaf < leafPaths.length; leaf += 1) if (used[leaf] === 1) leaves.push(leaf);
  const usedLeaves = sortLeaves(leafPaths, leaves, depth);
  // Per level: the units in path order. Leaves are sorted, so a unit is new when its code or an
  // ancestor's differs from the previous leaf's.
  const levelIds: string[][] = Array.from({ length: depth }, () => []);
  const levelPaths: string[][][] = Array.from({ length: depth }, () => []);
  const localIndex = new Int32Array(leafPaths.length * depth);
  const currentId: string[] = new Array(depth).fill('');
  let previous: readonly string[] | null = null;
  for (const leaf of usedLeaves) {
    const path = leafPaths[leaf] as string[];
    let changed = previous === null;
    for (let level = 0; level < depth; level += 1) {
      const code = path[level] as string;
      const unitsAtLevel = levelIds[level] as string[];
      if (!changed && code !== (previous as readonly string[])[level]) changed = true;
      if (changed) {
        const id = level === 0 ? escapeCode(code) : `${currentId[level - 1]}/${escapeCode(code)}`;
        currentId[level] = id;
        unitsAtLevel.push(id);
        (levelPaths[level] as string[][]).push(path.slice(0, level + 1));
      }
      localIndex[leaf * depth + level] = unitsAtLevel.length - 1;
    }
    previous = path;
  }
  const offsets = new Int32Array(depth + 1);
  offsets[0] = 1;
  for (let level = 0; level < depth; level += 1) {
    offsets[level + 1] = (offsets[level] as number) + (levelIds[level] as string[]).length;
  }
  const count = offsets[depth] as number;
  const ids: (string | null)[] = [null];
  const paths: string[][] = [[]];
  const parent = new Int32Array(count);
  const levelOf = new Int32Array(count);
  parent[0] = -1;
  levelOf[0] = -1;
  for (let level = 0; level < depth; level += 1) {
    levelOf.fill(level, offsets[level] as number, offsets[level + 1] as number);
    for (const id of levelIds[level] as string[]) ids.push(id);
    for (const path of levelPaths[level] as string[][]) paths.push(path);
  }
  const leafScope = new Int32Array(leafPaths.length * depth);
  for (const leaf of usedLeaves) {
    for (let level = 0; level < depth; level += 1) {
      const scope = (offsets[level] as number) + (localIndex[leaf * depth + level] as number);
      leafScope[leaf * depth + level] = scope;
      parent[scope] = level === 0 ? 0 : (leafScope[leaf * depth + level - 1] as number);
    }
  }
  return { ids, parent, level: levelOf, paths, leafScope };
}

/**
 * Sorts leaves by path (each level's code in string order): codes are ranked per level once, so
 * the sort compares numbers, not strings.
 */
function sortLeaves(leafPaths: readonly string[][], leaves: number[], depth: number): number[] {
  let key: Float64Array | null = new Float64Array(leafPaths.length);
  let scale = 1;
  for (let level = depth - 1; level >= 0 && key !== null; level -= 1) {
    const codes = [...new Set(leaves.map((leaf) => (leafPaths[leaf] as string[])[level] as string))].sort();
    const rank = new Map(codes.map((code, index) => [code, index]));
    for (const leaf of leaves) {
      key[leaf] = (key[leaf] as number) + (rank.get((leafPaths[leaf] as string[])[level] as string) as number) * scale;
    }
    scale *= codes.length;
    // Past 2^53 the packed key would round: compare the paths themselves instead.
    if (scale > Number.MAX_SAFE_INTEGER) key = null;
  }
  if (key === null) return leaves.sort((a, b) => comparePaths(leafPaths[a] as string[], leafPaths[b] as string[]));
  const packed = key;
  return leaves.sort((a, b) => (packed[a] as number) - (packed[b] as number));
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index] as string;
    const y = b[index] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
