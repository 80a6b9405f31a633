/**
 * Linear (in)dependence of published counts, for complementary cell suppression. Every published
 * count is a sum of atoms (smallest published unit × focal-group combination); a hidden count can be
 * recomputed from the shown ones exactly when its atom vector lies in the span of theirs. Spans are
 * computed modulo the prime 33,554,393 (products stay below 2^53), exactly, with no rounding. A
 * rational combination carries over to the modular one unless one of its denominators (a minor of
 * a 0/1 matrix) is a multiple of that prime — for tables of publishable size vanishingly unlikely,
 * and the property test in test/reach/properties.test.ts checks the result over the rationals.
 * The opposite error (modular dependence without rational dependence) only hides more.
 *
 * Near-linear: a unit's atoms are the leaves under it, which — leaves in path order — are one run
 * `[start, end)`. In difference coordinates (leaf k's value minus leaf k − 1's, an invertible change
 * of basis) the run becomes `+1` at node `start` and `−1` at node `end` (nothing when `end` is the
 * last node), so every cell is a vector with at most 2 × (its focal-group combinations) entries.
 * Eliminating with the largest coordinate as pivot, a unit's cells reduce against its own cells and
 * only walk across its siblings where the counts really depend on each other (the last child of a
 * parent is the parent minus the others). What is computed does not depend on the coordinates:
 * the shown cells that enter the basis are those independent of the shown cells before them (in
 * cell order), and a hidden cell's recomputation is its unique combination of those — the same as
 * the dense elimination this replaced (kept as the reference in test/reach/_reference/), bit for
 * bit, over the same prime.
 *
 * @internal
 * @module
 */

const P = 33_554_393;

function mulMod(a: number, b: number): number {
  return (a * b) % P;
}

function inverse(a: number): number {
  let result = 1;
  let base = a % P;
  let exponent = P - 2;
  while (exponent > 0) {
    if (exponent & 1) result = mulMod(result, base);
    base = mulMod(base, base);
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** A published count as a vector: leaves `[start, end)` (in path order) × the focal-group `masks`. */
export interface SpanCell {
  readonly start: number;
  readonly end: number;
  /** The focal-group combinations (mask numbers, ascending) the population holds. */
  readonly masks: readonly number[];
  readonly value: number;
}

/** A max-heap of coordinates (numbers), with duplicates allowed. */
class MaxHeap {
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
  }

  push(value: number): void {
    const items = this.items;
    let index = items.length;
    items.push(value);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] as number;
      if (above >= value) break;
      items[index] = above;
      index = parent;
    }
    items[index] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    const length = items.length;
    if (length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= length) break;
        const right = left + 1;
        const child = right < length && (items[right] as number) > (items[left] as number) ? right : left;
        if ((items[child] as number) <= last) break;
        items[index] = items[child] as number;
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}

/**
 * The span of the shown cells, built in cell order. Basis row `r` is `scale[r] · (v(cell[r]) −
 * Σ factor · row)` over the rows it was reduced by, with its pivot (largest coordinate) scaled to 1.
 */
class Span {
  private readonly pivotRow = new Map<number, number>();
  private readonly coords: number[][] = [];
  private readonly values: number[][] = [];
  private readonly scale: number[] = [];
  private readonly cell: number[] = [];
  private readonly reducedBy: number[][] = [];
  private readonly factors: number[][] = [];
  private readonly work = new Map<number, number>();
  private readonly heap = new MaxHeap();

  constructor(
    private readonly nodes: number,
    private readonly masks: number,
  ) {}

  private load(cell: SpanCell): void {
    const work = this.work;
    const heap = this.heap;
    work.clear();
    heap.clear();
    if (cell.start >= cell.end) return;
    for (const mask of cell.masks) {
      const at = cell.start * this.masks + mask;
      work.set(at, 1);
      heap.push(at);
      if (cell.end < this.nodes) {
        const end = cell.end * this.masks + mask;
        work.set(end, P - 1);
        heap.push(end);
      }
    }
  }

  /**
   * Reduces the loaded vector from its largest coordinate down, calling `step(row, factor)` for
   * every row subtracted. Returns the first coordinate no row pivots on (the vector is then
   * independent), or −1 when it reduced to zero.
   */
  private reduce(rows: number[] | null, factors: number[] | null): number {
    const work = this.work;
    const heap = this.heap;
    while (heap.size > 0) {
      const at = heap.pop();
      const value = work.get(at);
      if (value === undefined) continue;
      const row = this.pivotRow.get(at);
      if (row === undefined) {
        heap.push(at);
        return at;
      }
      const rowCoords = this.coords[row] as number[];
      const rowValues = this.values[row] as number[];
      work.delete(at);
      for (let k = 1; k < rowCoords.length; k += 1) {
        const coord = rowCoords[k] as number;
        const previous = work.get(coord);
        const next = ((previous ?? 0) - mulMod(value, rowValues[k] as number) + P) % P;
        if (next === 0) {
          if (previous !== undefined) work.delete(coord);
        } else {
          if (previous === undefined) heap.push(coord);
          work.set(coord, next);
        }
      }
      rows?.push(row);
      factors?.push(value);
    }
    return -1;
  }

  /** Adds shown cell `index`; a cell in the span of the earlier ones adds nothing. */
  add(index: number, cell: SpanCell): void {
    this.load(cell);
    const rows: number[] = [];
    const factors: number[] = [];
    const pivot = this.reduce(rows, factors);
    if (pivot < 0) return;
    const entries = [...this.work.entries()].sort((a, b) => b[0] - a[0]);
    const scale = inverse(this.work.get(pivot) as number);
    const row = this.coords.length;
    this.coords.push(entries.map((entry) => entry[0]));
    this.values.push(entries.map((entry) => mulMod(entry[1], scale)));
    this.scale.push(scale);
    this.cell.push(index);
    this.reducedBy.push(rows);
    this.factors.push(factors);
    this.pivotRow.set(pivot, row);
  }

  /**
   * The shown cells that combine to `cell` (ascending), or `null` when it is not in the span
   * (cannot be recomputed).
   */
  representation(cell: SpanCell): number[] | null {
    this.load(cell);
    const rows: number[] = [];
    const factors: number[] = [];
    if (this.reduce(rows, factors) >= 0) return null;
    // cell = Σ λ_r · row_r; each row_r = scale_r · (v(cell_r) − Σ factor · earlier rows): substitute
    // from the latest row down.
    const lambda = new Map<number, number>();
    const pending = new MaxHeap();
    for (let k = 0; k < rows.length; k += 1) {
      const row = rows[k] as number;
      const previous = lambda.get(row);
      if (previous === undefined) pending.push(row);
      lambda.set(row, ((previous ?? 0) + (factors[k] as number)) % P);
    }
    const used: number[] = [];
    while (pending.size > 0) {
      const row = pending.pop();
      const coefficient = lambda.get(row) as number;
      if (coefficient === 0) continue;
      const onCell = mulMod(coefficient, this.scale[row] as number);
      used.push(this.cell[row] as number);
      const below = this.reducedBy[row] as number[];
      const by = this.factors[row] as number[];
      for (let k = 0; k < below.length; k += 1) {
        const earlier = below[k] as number;
        const previous = lambda.get(earlier);
        if (previous === undefined) pending.push(earlier);
        lambda.set(earlier, ((previous ?? 0) - mulMod(onCell, by[k] as number) + P) % P);
      }
    }
    return used.sort((a, b) => a - b);
  }
}

/**
 * Complementary suppression: starting from `hidden`, hides further cells until no hidden cell's
 * atom vector is in the span of the shown ones. Each round builds the span of the shown cells once
 * and, for every hidden cell it can recompute, hides the smallest-valued shown cell that the
 * recomputation uses (a cell whose recomputation used a cell hidden in the same round waits for the
 * next round). Stops after a round that hides nothing. Returns the cells hidden as complements.
 * `nodes` is the number of leaves, `masks` the number of focal-group combinations.
 */
export function complementCells(
  nodes: number,
  masks: number,
  cells: readonly SpanCell[],
  hidden: Set<number>,
): number[] {
  const added: number[] = [];
  for (;;) {
    const span = new Span(nodes, masks);
    cells.forEach((cell, index) => {
      if (!hidden.has(index)) span.add(index, cell);
    });
    const hiddenThisRound = new Set<number>();
    for (const index of [...hidden].sort((a, b) => a - b)) {
      const cell = cells[index] as SpanCell;
      const used = cell.start >= cell.end || cell.masks.length === 0 ? null : span.representation(cell);
      if (used === null || used.length === 0) continue;
      if (used.some((other) => hiddenThisRound.has(other))) continue; // stale: recheck next round
      let pick = used[0] as number;
      for (const other of used) {
        if ((cells[other] as SpanCell).value < (cells[pick] as SpanCell).value) pick = other;
      }
      hiddenThisRound.add(pick);
    }
    if (hiddenThisRound.size === 0) return added;
    for (const index of hiddenThisRound) {
      hidden.add(index);
      added.push(index);
    }
  }
}
