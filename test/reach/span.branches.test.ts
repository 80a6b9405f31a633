/**
 * The modular span behind complementary suppression, on cases small enough to work by hand: an
 * empty shown cell (in the span of nothing), a hidden cell with no atoms, and mulMod against
 * BigInt arithmetic at the edges of its range.
 */
import { describe, expect, it } from 'vitest';
import { complementCells } from '../../src/reach/_span.js';
import { mulMod, P, Span, type SpanCell } from '../../src/reach/_spanBasis.js';

describe('complementCells', () => {
  it('a hidden leaf is protected by hiding its smaller sibling; empty cells take no part', () => {
    const cells: SpanCell[] = [
      { start: 0, end: 2, masks: [0], value: 5 }, // the total
      { start: 0, end: 1, masks: [0], value: 2 }, // leaf 0 (hidden)
      { start: 1, end: 2, masks: [0], value: 3 }, // leaf 1 = total − leaf 0
      { start: 1, end: 1, masks: [0], value: 0 }, // no leaves
      { start: 0, end: 1, masks: [], value: 0 }, // no focal-group combination (hidden)
    ];
    const hidden = new Set([1, 4]);
    expect(complementCells(2, 1, cells, hidden)).toEqual([2]);
    expect([...hidden].sort()).toEqual([1, 2, 4]);
  });
  it('nothing hidden: nothing to protect', () => {
    expect(complementCells(1, 1, [{ start: 0, end: 1, masks: [0], value: 1 }], new Set())).toEqual([]);
  });
});

describe('Span', () => {
  it('an empty cell is the empty combination; a cell of the basis is itself', () => {
    const span = new Span(2, 1);
    expect(span.add(0, { start: 0, end: 2, masks: [0], value: 1 })).toBeNull();
    expect(span.add(1, { start: 1, end: 1, masks: [0], value: 0 })).toEqual(new Map());
    expect(span.representation({ start: 0, end: 2, masks: [0], value: 1 })).toEqual(new Map([[0, 1]]));
    expect(span.representation({ start: 0, end: 1, masks: [0], value: 1 })).toBeNull();
  });
});

describe('mulMod', () => {
  it('equals (a · b) mod P in BigInt arithmetic, over [0, P)', () => {
    const big = BigInt(P);
    const edge = [0, 1, 2, 3, P - 3, P - 2, P - 1, (P - 1) / 2, (P + 1) / 2, 2 ** 24, 2 ** 25 - 1];
    const values = [...edge];
    let seed = 12345;
    for (let i = 0; i < 2000; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      values.push(seed % P);
    }
    for (const a of edge) for (const b of values) expect(mulMod(a, b)).toBe(Number((BigInt(a) * BigInt(b)) % big));
    for (let i = 0; i + 1 < values.length; i += 1) {
      const a = values[i] as number;
      const b = values[i + 1] as number;
      expect(mulMod(a, b)).toBe(Number((BigInt(a) * BigInt(b)) % big));
    }
  });
});
