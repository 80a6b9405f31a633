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
import { addMod, inverse, mulMod, P, Span, type SpanCell } from './_spanBasis.js';

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
  // Every live combination uses only basis cells, so a cell picked to hide is a basis cell, and
  // the combination it was picked from is among its users.
  const hide = (i: number) => {
    hidden.add(i);
    isHidden[i] = 1;
    const using = users[i] as Set<number>;
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
        // Coefficients kept are never 0 and P is prime, so `next` is 0 only when `previous` was set.
        if (next === 0) {
          combination.delete(basis);
          users[basis]?.delete(user);
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
      // Not stale: no cell of the combination, `pick` included, was picked yet this round.
      inRound[pick] = 1;
      hiddenThisRound.push(pick);
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
