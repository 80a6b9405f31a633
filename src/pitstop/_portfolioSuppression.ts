/**
 * Small-cell and complementary suppression of a portfolio's focal-group counts (NCES SLDS
 * Technical Brief 3). A portfolio publishes, for each focal group, one cell (students, reached) per
 * district and the group's state total. Different focal groups overlap and no district's "everyone"
 * count is published, so the only relation among published counts is, per group and per count,
 * total = Σ cells. What a reader can work out about the hidden cells of a group whose total is
 * shown is therefore: their sums of reached and of not-reached students (the total minus the shown
 * cells), that counts are whole numbers ≥ 0, and what the published reasons say — a
 * `'complementary'` cell was not small (at least `minCellSize` reached and not reached), a
 * `'small-cell'` one was.
 *
 * The hidden cells of a group are made safe when, beyond what the reasons give away, they hold
 * together at least `minCellSize` reached and at least `minCellSize` not-reached students:
 *
 *   for c in {reached, not reached}:  Σ_hidden c − minCellSize · (complementary cells) ≥ minCellSize,
 *
 * and at least two cells are hidden. Then no hidden count (students, reached, not reached) can be
 * worked out from the shown ones and the total: any unit of a count can move between two hidden
 * cells without contradicting a sum or a reason (test/pitstop/portfolioSuppression.test.ts checks
 * this against every assignment the published numbers allow), and the hidden cells together never
 * form a small cell. One cell hidden alone would be the total minus the shown cells (differencing),
 * and two small cells whose reached students sum to 0 would show that nobody in either was reached:
 * the rule the portfolio used before this let both through.
 *
 * Complementary cells are picked one at a time: the smallest (fewest students, ties by district
 * id) shown cell that makes the group safe by itself, else the one that closes most of the gap.
 * When even hiding every cell would not be safe, the state total is hidden instead (as
 * `'complementary'`) and no cell with it: without the total no sum of hidden cells is known.
 * A total under `minCellSize` is hidden (then every cell of the group is too: each is at most it).
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import { byText } from '../_lib/textOrder.js';
import type { PortfolioCell } from './PortfolioReport.js';

/** A district's focal-group cell while suppression decides it (`district`: the district's index). */
export interface Cell {
  readonly district: number;
  readonly id: string;
  readonly n: number;
  readonly reached: number;
  suppressed: PortfolioCell['suppressed'];
}

/** Whether a count (students, reached or not reached) is under the minimum. */
export const isSmallCell = (n: number, reached: number, minCell: number): boolean =>
  n < minCell || reached < minCell || n - reached < minCell;

/** A cell (or total) as the report shows it. */
export const shown = (cell: {
  id: string;
  n: number;
  reached: number;
  suppressed: PortfolioCell['suppressed'];
}): PortfolioCell =>
  cell.suppressed === null
    ? {
        id: cell.id,
        n: cell.n,
        reached: cell.reached,
        // Never 0 here: a cell (or total) under `minCellSize` (at least 1) is suppressed.
        rate: cell.reached / cell.n,
        suppressed: null,
      }
    : { id: cell.id, n: null, reached: null, rate: null, suppressed: cell.suppressed };

/**
 * Suppresses complementary cells of each focal group (marking them in `cells`) and returns the
 * groups' state totals, in id order, with a note for each group that needed complements.
 */
export function suppressComplementary(
  cells: readonly (readonly Cell[])[],
  districtIds: readonly string[],
  minCell: number,
): { totals: PortfolioCell[]; notes: Note<'COMPLEMENTARY_SUPPRESSION'>[] } {
  const byGroup = new Map<string, Cell[]>();
  for (const row of cells) {
    for (const cell of row) {
      const list = byGroup.get(cell.id);
      if (list === undefined) byGroup.set(cell.id, [cell]);
      else list.push(cell);
    }
  }
  const notes: Note<'COMPLEMENTARY_SUPPRESSION'>[] = [];
  const totals = [...byGroup.keys()].sort(byText).map((groupId) => {
    const inGroup = byGroup.get(groupId) as Cell[];
    let n = 0;
    let reached = 0;
    for (const cell of inGroup) {
      n += cell.n;
      reached += cell.reached;
    }
    const total = {
      id: groupId,
      n,
      reached,
      suppressed: (isSmallCell(n, reached, minCell) ? 'small-cell' : null) as PortfolioCell['suppressed'],
    };
    if (total.suppressed !== null) return shown(total);
    // The hidden cells' sums beyond what their reasons reveal, and how far each is from safe.
    let hidden = 0;
    let slackReached = 0;
    let slackNot = 0;
    for (const cell of inGroup) {
      if (cell.suppressed === null) continue;
      hidden += 1;
      slackReached += cell.reached;
      slackNot += cell.n - cell.reached;
    }
    if (hidden === 0) return shown(total);
    const open = inGroup
      .filter((cell) => cell.suppressed === null)
      .sort((a, b) => a.n - b.n || byText(districtIds[a.district] as string, districtIds[b.district] as string));
    const safe = (count: number, r: number, u: number) => count >= 2 && r >= minCell && u >= minCell;
    // A complementary cell adds its counts less the minimum its reason gives away (never less than 0).
    const gain = (cell: Cell) => [cell.reached - minCell, cell.n - cell.reached - minCell] as const;
    // Every open cell hidden too:
    let allReached = slackReached;
    let allNot = slackNot;
    for (const cell of open) {
      const [r, u] = gain(cell);
      allReached += r;
      allNot += u;
    }
    let added = 0;
    if (!safe(hidden + open.length, allReached, allNot)) {
      // Even every cell hidden would give too much away: the total goes instead, and with it every sum.
      total.suppressed = 'complementary';
    }
    // Gains are never negative and hiding every cell is safe, so this ends safe.
    while (total.suppressed === null && !safe(hidden, slackReached, slackNot)) {
      let pick = open.findIndex((cell) => {
        const [r, u] = gain(cell);
        return safe(hidden + 1, slackReached + r, slackNot + u);
      });
      if (pick < 0) {
        let best = -1;
        open.forEach((cell, index) => {
          const [r, u] = gain(cell);
          const progress =
            Math.min(r, Math.max(0, minCell - slackReached)) + Math.min(u, Math.max(0, minCell - slackNot));
          if (progress > best) {
            best = progress;
            pick = index;
          }
        });
      }
      const [cell] = open.splice(pick, 1) as [Cell];
      const [r, u] = gain(cell);
      cell.suppressed = 'complementary';
      hidden += 1;
      slackReached += r;
      slackNot += u;
      added += 1;
    }
    if (added > 0 || total.suppressed !== null) {
      const what =
        total.suppressed === null ? `${added} more district cell${added === 1 ? '' : 's'}` : 'the state total';
      notes.push(
        note(
          'COMPLEMENTARY_SUPPRESSION',
          `${groupId}: ${what} hidden, so that no hidden count can be worked out from the shown ones and the state total`,
          'districts',
        ),
      );
    }
    return shown(total);
  });
  return { totals, notes };
}
