/** completeRows' pairing check when the caller names no series, and reserveCells' limit (internal helpers). */
import { describe, expect, it } from 'vitest';
import { completeRows } from '../../src/_lib/series.js';
import { MAX_CELLS, reserveCells } from '../../src/reach/_state.js';
import { reachAccumulator } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

describe('completeRows: series of different lengths', () => {
  it('names the first series generically when the caller gives no names, at the empty path', () => {
    let message = '';
    try {
      completeRows(
        [
          [1, 2, 3],
          [1, 2],
        ],
        [],
        'raise',
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('has 2 values but the first series has 3; series must be paired');
    expectError(
      () =>
        completeRows(
          [
            [1, 2, 3],
            [1, 2],
          ],
          [],
          'raise',
        ),
      'INVALID_INPUT',
      [],
    );
  });
});

describe('reserveCells', () => {
  it('refuses to grow past MAX_CELLS cells, before allocating', () => {
    const state = reachAccumulator({ focalGroups: ['el'], unitLevels: ['school'] }).init();
    expectError(() => reserveCells(state, MAX_CELLS + 1), 'LIMIT_EXCEEDED', ['state']);
    expect(state.cells).toBe(0);
  });
});
