/**
 * The cross-field checks of a stored run chart (RunChartResult): each damaged phase or count is refused
 * at its own path.
 */
import { describe, expect, it } from 'vitest';
import { parseRunChartResult, runChart } from '../../src/learning/index.js';
import { expectError } from '../_support/expectError.js';

// Two phases of 8 (the second from index 8), each with a 4-point baseline; index 2 missing, index 10 excluded.
const chart = runChart([5, 6, null, 5, 6, 5, 4, 6, 8, 9, 8, 10, 9, 8, 10, 9], { part: [8], freeze: 4, exclude: [10] });
const stored = () => JSON.parse(JSON.stringify(chart));
/** The chart as read back from JSON (untyped, for damaging). */
type Stored = ReturnType<typeof stored>;

describe('parseRunChartResult: cross-checks of a damaged run chart', () => {
  it('reads the undamaged chart back as it was', () => {
    expect(chart.phases.map((p) => [p.phase, p.start, p.end, p.baselineEnd, p.nMissing, p.nExcluded])).toEqual([
      [0, 0, 8, 4, 1, 0],
      [1, 8, 16, 12, 0, 1],
    ]);
    expect(parseRunChartResult(stored())).toEqual(chart);
  });

  it.each([
    [
      'a phase numbered out of order',
      (r: Stored) => {
        r.phases[1].phase = 2;
      },
      ['phases', 1, 'phase'],
    ],
    [
      'a phase that does not start where the last ended',
      (r: Stored) => {
        r.phases[1].start = 7;
        r.phases[1].n = 9;
      },
      ['phases', 1, 'start'],
    ],
    [
      'a phase whose n is not end − start',
      (r: Stored) => {
        r.phases[0].n = 7;
      },
      ['phases', 0, 'n'],
    ],
    [
      'an empty phase (end ≤ start)',
      (r: Stored) => {
        r.phases[0].end = 0;
      },
      ['phases', 0, 'n'],
    ],
    [
      'a baseline ending at the phase start',
      (r: Stored) => {
        r.phases[1].baselineEnd = 8;
      },
      ['phases', 1, 'baselineEnd'],
    ],
    [
      'a baseline ending past the phase',
      (r: Stored) => {
        r.phases[0].baselineEnd = 9;
      },
      ['phases', 0, 'baselineEnd'],
    ],
    [
      'a phase counting more points than it has',
      (r: Stored) => {
        r.phases[0].nUseful = 8;
      },
      ['phases', 0, 'nUseful'],
    ],
    [
      'missing points the phases do not count',
      (r: Stored) => {
        r.nMissing = 2;
      },
      ['nMissing'],
    ],
    [
      'excluded points the phases do not count',
      (r: Stored) => {
        r.nExcluded = 0;
      },
      ['nExcluded'],
    ],
    [
      'a point out of place',
      (r: Stored) => {
        r.points[3].index = 4;
      },
      ['points', 3, 'index'],
    ],
  ] as const)('refuses %s', (_name, damage, path) => {
    const damaged = stored();
    damage(damaged);
    expectError(() => parseRunChartResult(damaged), 'INVALID_INPUT', [...path]);
  });
});
