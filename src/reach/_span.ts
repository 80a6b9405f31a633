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

const INVERSE_P = 1 / P;

/**
 * `(a · b) mod P` for `a, b` in `[0, P)`, without the floating-point remainder (a call into the
 * runtime): the product is exact (< 2^50), the quotient estimate is off by at most one, and
 * `q · P` stays below 2^53, so the subtraction is exact and one correction lands in `[0, P)`.
 */
function mulMod(a: number, b: number): number {
  const product = a * b;
  const rest = product - Math.floor(product * INVERSE_P) * P;
  return rest < 0 ? rest + P : rest >= P ? rest - P : rest;
}

/** `(a − b) mod P` for `a, b` in `[0, P)`. */
function subMod(a: number, b: number): number {
  const difference = a - b;
  return difference < 0 ? difference + P : difference;
}

/** `(a + b) mod P` for `a, b` in `[0, P)`. */
function addMod(a: number, b: number): number {
  const sum = a + b;
  return sum >= P ? sum - P : sum;
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
 * Rows live in flat pools; the vector being reduced is dense (one slot per coordinate, 0 = absent).
 */
class Span {
  private readonly pivotRow: Int32Array;
  private readonly work: Float64Array;
  private readonly heap = new MaxHeap();
  private readonly rowStart: number[] = [0];
  private readonly coords: number[] = [];
  private readonly values: number[] = [];
  private readonly reducedStart: number[] = [0];
  private readonly reducedBy: number[] = [];
  private readonly factors: number[] = [];
  private readonly scale: number[] = [];
  private readonly cell: number[] = [];
  /** Scratch of `reduce` and `combination`. */
  private readonly steps: number[] = [];
  private readonly stepFactors: number[] = [];
  private lambda = new Float64Array(64);
  private readonly touched = new MaxHeap();

  constructor(
    private readonly nodes: number,
    private readonly masks: number,
  ) {
    this.pivotRow = new Int32Array(nodes * masks).fill(-1);
    this.work = new Float64Array(nodes * masks);
  }

  private load(cell: SpanCell): void {
    const work = this.work;
    const heap = this.heap;
    heap.clear();
    if (cell.start >= cell.end) return;
    const masks = this.masks;
    for (const mask of cell.masks) {
      const at = cell.start * masks + mask;
      work[at] = 1;
      heap.push(at);
      if (cell.end < this.nodes) {
        const end = cell.end * masks + mask;
        work[end] = P - 1;
        heap.push(end);
      }
    }
  }

  /**
   * Reduces the loaded vector from its largest coordinate down, recording in `steps` every row
   * subtracted and its factor. Returns the first coordinate no row pivots on (the vector is then
   * independent; its entries stay in `work` and `heap`), or −1 when it reduced to zero.
   */
  private reduce(): number {
    const { work, heap, pivotRow, coords, values, rowStart, steps, stepFactors } = this;
    steps.length = 0;
    stepFactors.length = 0;
    while (heap.size > 0) {
      const at = heap.pop();
      const value = work[at] as number;
      if (value === 0) continue;
      const row = pivotRow[at] as number;
      if (row < 0) {
        heap.push(at);
        return at;
      }
      work[at] = 0;
      const last = rowStart[row + 1] as number;
      for (let k = (rowStart[row] as number) + 1; k < last; k += 1) {
        const coord = coords[k] as number;
        const previous = work[coord] as number;
        if (previous === 0) heap.push(coord);
        work[coord] = subMod(previous, mulMod(value, values[k] as number));
      }
      steps.push(row);
      stepFactors.push(value);
    }
    return -1;
  }

  /** Empties `work` of what is left of the loaded vector, returning its entries (largest coordinate first). */
  private drain(keep: boolean): void {
    const { work, heap, coords, values } = this;
    let previous = -1;
    while (heap.size > 0) {
      const at = heap.pop();
      if (at === previous) continue;
      previous = at;
      const value = work[at] as number;
      if (value === 0) continue;
      work[at] = 0;
      if (keep) {
        coords.push(at);
        values.push(value);
      }
    }
  }

  /**
   * Adds shown cell `index`: it enters the basis when it is not in the span of the earlier ones
   * (returns `null`); otherwise returns its combination of the basis cells.
   */
  add(index: number, cell: SpanCell): Map<number, number> | null {
    this.load(cell);
    const pivot = this.reduce();
    if (pivot < 0) return this.combination();
    const row = this.cell.length;
    const from = this.coords.length;
    this.drain(true);
    const values = this.values;
    const scale = inverse(values[from] as number);
    for (let k = from; k < values.length; k += 1) values[k] = mulMod(values[k] as number, scale);
    this.rowStart.push(this.coords.length);
    for (let k = 0; k < this.steps.length; k += 1) {
      this.reducedBy.push(this.steps[k] as number);
      this.factors.push(this.stepFactors[k] as number);
    }
    this.reducedStart.push(this.reducedBy.length);
    this.scale.push(scale);
    this.cell.push(index);
    this.pivotRow[pivot] = row;
    return null;
  }

  /** The combination of basis cells that makes `cell`, or `null` when it is not in the span. */
  representation(cell: SpanCell): Map<number, number> | null {
    this.load(cell);
    if (this.reduce() >= 0) {
      this.drain(false);
      return null;
    }
    return this.combination();
  }

  /**
   * Σ factor · row over the rows the vector reduced by (`steps`), as coefficients of basis cells:
   * each row_r = scale_r · (v(cell_r) − Σ factor · earlier rows), substituted from the latest row down.
   */
  private combination(): Map<number, number> {
    const { steps, stepFactors, touched } = this;
    if (this.lambda.length < this.cell.length) this.lambda = new Float64Array(2 * this.cell.length);
    const lambda = this.lambda;
    touched.clear();
    for (let k = 0; k < steps.length; k += 1) {
      const row = steps[k] as number;
      const previous = lambda[row] as number;
      if (previous === 0) touched.push(row);
      lambda[row] = addMod(previous, stepFactors[k] as number);
    }
    const used = new Map<number, number>();
    let last = -1;
    while (touched.size > 0) {
      const row = touched.pop();
      if (row === last) continue;
      last = row;
      const coefficient = lambda[row] as number;
      if (coefficient === 0) continue;
      lambda[row] = 0;
      const onCell = mulMod(coefficient, this.scale[row] as number);
      used.set(this.cell[row] as number, onCell);
      const end = this.reducedStart[row + 1] as number;
      for (let k = this.reducedStart[row] as number; k < end; k += 1) {
        const earlier = this.reducedBy[k] as number;
        const previous = lambda[earlier] as number;
        if (previous === 0) touched.push(earlier);
        lambda[earlier] = subMod(previous, mulMod(onCell, this.factors[k] as number));
      }
    }
    return used;
  }
}

/**
 * Complementary suppression: starting from `hidden`, hides further cells until no hidden cell's
 * atom vector is in the span of the shown ones. Each round takes the span of the shown cells and,
 * for every hidden cell it can recompute, hides the smallest-valued shown cell that the
 * recomputation uses (a cell whose recomputation used a cell hidden in the same round waits for the
 * next round). Stops after a round that hides nothing. Returns the cells hidden as complements.
 * `nodes` is the number of leaves, `masks` the number of focal-group combinations.
 *
 * The span is eliminated once. After that, every cell not in the basis keeps its combination of
 * basis cells, and hiding a basis cell `i` is a basis exchange: the first shown cell `j` after `i`
 * whose combination uses `i` takes its place (the first-in-order basis of what remains is the old
 * one minus `i` plus `j`), and every combination that used `i` has `i` replaced by `j`'s (or, with
 * no such `j`, cannot be made any more).
 */
export function complementCells(
  nodes: number,
  masks: number,
  cells: readonly SpanCell[],
  hidden: Set<number>,
): number[] {
  // Nothing hidden: nothing to protect, and the first round would hide nothing.
  if (hidden.size === 0) return [];
  const count = cells.length;
  // Hidden cells as flags (the set stays the caller's record; these are read in the loops).
  const isHidden = new Uint8Array(count);
  for (const index of hidden) isHidden[index] = 1;
  const combinations: (Map<number, number> | null | undefined)[] = new Array(count);
  const users: (Set<number> | undefined)[] = new Array(count);
  const span = new Span(nodes, masks);
  const inBasis = new Uint8Array(count);
  const link = (cell: number, combination: Map<number, number>) => {
    for (const basis of combination.keys()) {
      let set = users[basis];
      if (set === undefined) {
        set = new Set();
        users[basis] = set;
      }
      set.add(cell);
    }
  };
  const unlink = (cell: number, combination: Map<number, number>) => {
    for (const basis of combination.keys()) users[basis]?.delete(cell);
  };
  for (let index = 0; index < count; index += 1) {
    if (isHidden[index] === 1) continue;
    const combination = span.add(index, cells[index] as SpanCell);
    combinations[index] = combination ?? undefined;
    if (combination === null) inBasis[index] = 1;
    else link(index, combination);
  }
  for (const index of hidden) {
    const cell = cells[index] as SpanCell;
    const combination = cell.start >= cell.end || cell.masks.length === 0 ? null : span.representation(cell);
    combinations[index] = combination;
    if (combination !== null) link(index, combination);
  }
  const hide = (i: number) => {
    hidden.add(i);
    isHidden[i] = 1;
    if (inBasis[i] === 0) return; // not a basis cell: its combination stays as it is
    const using = users[i] ?? new Set<number>();
    inBasis[i] = 0;
    users[i] = undefined;
    let j = -1;
    for (const user of using) if (isHidden[user] === 0 && (j < 0 || user < j)) j = user;
    if (j < 0) {
      for (const user of using) {
        unlink(user, combinations[user] as Map<number, number>);
        combinations[user] = null;
      }
      combinations[i] = null;
      return;
    }
    // i = (j − Σ_{b ≠ i} α_jb · b) / α_ji, in the new basis.
    const ofJ = combinations[j] as Map<number, number>;
    unlink(j, ofJ);
    using.delete(j);
    combinations[j] = undefined;
    inBasis[j] = 1;
    const scale = inverse(ofJ.get(i) as number);
    const substitute = new Map<number, number>([[j, scale]]);
    for (const [basis, coefficient] of ofJ) if (basis !== i) substitute.set(basis, P - mulMod(scale, coefficient));
    for (const user of using) {
      const combination = combinations[user] as Map<number, number>;
      const times = combination.get(i) as number;
      combination.delete(i);
      for (const [basis, coefficient] of substitute) {
        const previous = combination.get(basis);
        const next = addMod(previous ?? 0, mulMod(times, coefficient));
        if (next === 0) {
          if (previous !== undefined) {
            combination.delete(basis);
            users[basis]?.delete(user);
          }
        } else {
          if (previous === undefined) {
            let set = users[basis];
            if (set === undefined) {
              set = new Set();
              users[basis] = set;
            }
            set.add(user);
          }
          combination.set(basis, next);
        }
      }
    }
    combinations[i] = substitute;
    link(i, substitute);
  };
  const added: number[] = [];
  // The cells hidden in a round, in the order they were picked (flags for the lookups).
  const inRound = new Uint8Array(count);
  const hiddenThisRound: number[] = [];
  // The hidden cells that can still be recomputed, ascending. A hidden cell that cannot (no
  // combination, or an empty one) never can again: hiding only shrinks the span, and an empty
  // combination uses no basis cell, so no exchange touches it. So it leaves the list for good.
  let active = Int32Array.from(hidden).sort();
  for (;;) {
    for (const index of hiddenThisRound) inRound[index] = 0;
    hiddenThisRound.length = 0;
    let kept = 0;
    for (const index of active) {
      const combination = combinations[index];
      if (combination === null || combination === undefined || combination.size === 0) continue;
      active[kept] = index;
      kept += 1;
      let stale = false;
      let pick = -1;
      for (const other of combination.keys()) {
        if (inRound[other] === 1) {
          stale = true; // recheck next round
          break;
        }
        const value = (cells[other] as SpanCell).value;
        const best = pick < 0 ? 0 : (cells[pick] as SpanCell).value;
        if (pick < 0 || value < best || (value === best && other < pick)) pick = other;
      }
      if (stale) continue;
      if (inRound[pick] === 0) {
        inRound[pick] = 1;
        hiddenThisRound.push(pick);
      }
    }
    if (hiddenThisRound.length === 0) return added;
    for (const index of hiddenThisRound) {
      hide(index);
      added.push(index);
    }
    // The cells hidden this round join the list, in order.
    const joined = Int32Array.from(hiddenThisRound).sort();
    const merged = new Int32Array(kept + joined.length);
    let a = 0;
    let b = 0;
    for (let k = 0; k < merged.length; k += 1) {
      if (b >= joined.length || (a < kept && (active[a] as number) < (joined[b] as number))) {
        merged[k] = active[a] as number;
        a += 1;
      } else {
        merged[k] = joined[b] as number;
        b += 1;
      }
    }
    active = merged;
  }
}
