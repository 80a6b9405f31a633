/**
 * The modular arithmetic (modulo the prime 33,554,393) and the incremental span of shown cells
 * behind complementary cell suppression; see `_span.ts` for the method.
 *
 * @internal
 * @module
 */

export const P = 33_554_393;

const INVERSE_P = 1 / P;

/**
 * `(a · b) mod P` for `a, b` in `[0, P)`, without the floating-point remainder (a call into the
 * runtime): the product is exact (< 2^50) and `q · P` stays below 2^53, so the subtraction is
 * exact. The quotient estimate needs no correction: `product · INVERSE_P` is within a relative
 * 2^-52 (two roundings) of `product / P` < 2^25, so within 2^-27 ≈ 7.5e-9 of it, while the exact
 * quotient is a whole number (a product of 0) or at least 1/P ≈ 3e-8 from one (P is prime and
 * a, b < P) — so the floor is exact and the rest lies in `[0, P)`.
 */
export function mulMod(a: number, b: number): number {
  const product = a * b;
  return product - Math.floor(product * INVERSE_P) * P;
}

/** `(a − b) mod P` for `a, b` in `[0, P)`. */
function subMod(a: number, b: number): number {
  const difference = a - b;
  return difference < 0 ? difference + P : difference;
}

/** `(a + b) mod P` for `a, b` in `[0, P)`. */
export function addMod(a: number, b: number): number {
  const sum = a + b;
  return sum >= P ? sum - P : sum;
}

export function inverse(a: number): number {
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
export class Span {
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
    // `reduce` subtracts each row at most once (its pivots strictly decrease), and `lambda` is all
    // zero between calls, so each step's row starts at 0.
    for (let k = 0; k < steps.length; k += 1) {
      const row = steps[k] as number;
      touched.push(row);
      lambda[row] = stepFactors[k] as number;
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
