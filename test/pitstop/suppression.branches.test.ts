/**
 * Complementary suppression when no single open cell makes the hidden ones safe: the cell that
 * gets closest goes first, then the search continues. Plus a rule id outside the pit stop catalog.
 */
import { describe, expect, it } from 'vitest';
import { reason } from '../../src/pitstop/_course.js';
import { type Cell, suppressComplementary } from '../../src/pitstop/_portfolioSuppression.js';
import { expectError } from '../_support/expectError.js';

describe('suppressComplementary: no single complement suffices', () => {
  it('hides the cell of most progress, then the first that makes it safe', () => {
    const minCell = 5;
    const cell = (district: number, n: number, reached: number, suppressed: Cell['suppressed'] = null): Cell => ({
      district,
      id: 'el',
      n,
      reached,
      suppressed,
    });
    // Hidden: 1 reached, 2 not. Each open cell gives (reached − 5, not − 5): a (2, 8), b (2, 8), c (3, 7).
    // Alone none reaches 5 and 5 (1 + 3 = 4 at best), so c (progress 3 + 3) goes first, then a.
    const cells = [[cell(0, 3, 1, 'small-cell')], [cell(1, 20, 7)], [cell(2, 20, 7)], [cell(3, 20, 8)]];
    const { totals, notes } = suppressComplementary(cells, ['x', 'a', 'b', 'c'], minCell);
    expect(cells.map((row) => row[0]?.suppressed)).toEqual(['small-cell', 'complementary', null, 'complementary']);
    expect(totals).toEqual([{ id: 'el', n: 63, reached: 23, rate: 23 / 63, suppressed: null }]);
    expect(notes.map((entry) => entry.code)).toEqual(['COMPLEMENTARY_SUPPRESSION']);
    expect(notes[0]?.message).toMatch(/^el: 2 more district cells hidden/);
  });
});

describe('pit stop reasons', () => {
  it('a rule id outside the catalog is refused', () => {
    expectError(() => reason('pitstop/no-such-rule' as never, {}), 'INVALID_INPUT', ['rule']);
  });
});
