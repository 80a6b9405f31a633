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

interface BasisRow {
  readonly pivot: number;
  readonly values: Float64Array;
  /** Coefficients over the shown rows that make up this basis row. */
  readonly combination: Float64Array;
}

/** A span of 0/1 row vectors over `size` atoms, with the combinations that build each basis row. */
export class Span {
  private readonly rows: BasisRow[] = [];

  constructor(
    private readonly size: number,
    private readonly count: number,
  ) {}

  /** Adds shown row `index` with atoms `atoms`. */
  add(index: number, atoms: readonly number[]): void {
    const values = new Float64Array(this.size);
    for (const atom of atoms) values[atom] = 1;
    const combination = new Float64Array(this.count);
    combination[index] = 1;
    this.reduce(values, combination);
    const pivot = values.findIndex((value) => value !== 0);
    if (pivot < 0) return;
    const scale = inverse(values[pivot] as number);
    for (let atom = pivot; atom < this.size; atom += 1) values[atom] = mulMod(values[atom] as number, scale);
    for (let row = 0; row < this.count; row += 1) combination[row] = mulMod(combination[row] as number, scale);
    this.rows.push({ pivot, values, combination });
  }

  private reduce(values: Float64Array, combination: Float64Array): void {
    for (const row of this.rows) {
      const factor = values[row.pivot] as number;
      if (factor === 0) continue;
      for (let atom = row.pivot; atom < this.size; atom += 1) {
        const b = row.values[atom] as number;
        if (b !== 0) values[atom] = ((values[atom] as number) - mulMod(factor, b) + P) % P;
      }
      for (let index = 0; index < this.count; index += 1) {
        const b = row.combination[index] as number;
        if (b !== 0) combination[index] = ((combination[index] as number) - mulMod(factor, b) + P) % P;
      }
    }
  }

  /**
   * The shown rows that combine to `atoms`, or `null` when `atoms` is not in the span (cannot be
   * recomputed).
   */
  representation(atoms: readonly number[]): number[] | null {
    const values = new Float64Array(this.size);
    for (const atom of atoms) values[atom] = 1;
    const combination = new Float64Array(this.count);
    this.reduce(values, combination);
    if (values.some((value) => value !== 0)) return null;
    const used: number[] = [];
    combination.forEach((value, index) => {
      if (value !== 0) used.push(index);
    });
    return used;
  }
}

/**
 * Complementary suppression: starting from `hidden`, hides further cells until no hidden cell's
 * atom vector is in the span of the shown ones. Each round builds the span of the shown cells once
 * and, for every hidden cell it can recompute, hides the smallest-valued shown cell that the
 * recomputation uses (a cell whose recomputation used a cell hidden in the same round waits for the
 * next round). Stops after a round that hides nothing. Returns the cells hidden as complements.
 */
export function complementCells(
  atomCount: number,
  cells: readonly { readonly atoms: readonly number[]; readonly value: number }[],
  hidden: Set<number>,
): number[] {
  const added: number[] = [];
  for (;;) {
    const span = new Span(atomCount, cells.length);
    cells.forEach((cell, index) => {
      if (!hidden.has(index)) span.add(index, cell.atoms);
    });
    const hiddenThisRound = new Set<number>();
    for (const index of [...hidden].sort((a, b) => a - b)) {
      const cell = cells[index] as (typeof cells)[number];
      const used = cell.atoms.length === 0 ? null : span.representation(cell.atoms);
      if (used === null || used.length === 0) continue;
      if (used.some((other) => hiddenThisRound.has(other))) continue; // stale: recheck next round
      let pick = used[0] as number;
      for (const other of used) {
        if ((cells[other] as (typeof cells)[number]).value < (cells[pick] as (typeof cells)[number]).value)
          pick = other;
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
