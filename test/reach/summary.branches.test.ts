/**
 * The cross-field checks of a stored reach summary and suppressed report, the option checks of
 * periods and intersections, and a damaged accumulator state caught on `add`.
 */
import { describe, expect, it } from 'vitest';
import {
  parseReachState,
  parseReachSummary,
  parseSuppressedReachReport,
  reachAccumulator,
  serializeReachState,
  summarizeReach,
  suppressSmallCells,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el', 'swd'], unitLevels: ['district', 'school'], minEngagements: 2, histogramMax: 4 };
const rows = Array.from({ length: 30 }, (_, i) => ({
  id: `s${i}`,
  units: { district: `D${i % 2}`, school: `S${i % 3}` },
  groups: i % 2 === 1 ? ['el'] : [],
  engagements: i % 5,
}));
const summary = summarizeReach(rows, options);
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('parseReachSummary: cross-field checks', () => {
  it('reads its own summary back', () => {
    expect(parseReachSummary(json(summary))).toEqual(summary);
  });

  it('refuses a threshold above the histogram', () => {
    expectError(() => parseReachSummary({ ...json(summary), minEngagements: 9 }), 'INVALID_INPUT', ['minEngagements']);
  });

  it('refuses a unit of an undeclared level', () => {
    const units = json(summary).units.map((unit, index) => (index === 0 ? { ...unit, level: 'state' } : unit));
    expectError(() => parseReachSummary({ ...json(summary), units }), 'INVALID_INPUT', ['units', 0, 'level']);
  });

  it('refuses a focal group or unit level named twice, at the second', () => {
    expectError(() => parseReachSummary({ ...json(summary), focalGroups: ['el', 'el'] }), 'INVALID_INPUT', [
      'focalGroups',
      1,
    ]);
    expectError(() => parseReachSummary({ ...json(summary), unitLevels: ['district', 'district'] }), 'INVALID_INPUT', [
      'unitLevels',
      1,
    ]);
  });

  it('refuses a histogram without histogramMax + 1 bins', () => {
    const stored = json(summary);
    expectError(
      () =>
        parseReachSummary({ ...stored, overall: { ...stored.overall, histogram: stored.overall.histogram.slice(1) } }),
      'INVALID_INPUT',
      ['overall', 'histogram'],
    );
  });

  it('refuses a breakdown without one entry per focal group', () => {
    expectError(() => parseReachSummary({ ...json(summary), groups: summary.groups.slice(1) }), 'INVALID_INPUT', [
      'groups',
    ]);
  });
});

describe('parseSuppressedReachReport: cross-field checks', () => {
  it('refuses more reached than counted', () => {
    const report = json(suppressSmallCells(summary));
    expect(parseSuppressedReachReport(report)).toEqual(report);
    expectError(
      () => parseSuppressedReachReport({ ...report, overall: { ...report.overall, reached: 31 } }),
      'INVALID_INPUT',
      ['overall', 'reached'],
    );
  });
});

describe('summarizeReach: period and intersection options', () => {
  it('a period that ends before it starts', () => {
    expectError(
      () => summarizeReach(rows, { ...options, period: { start: '2024-05-01', end: '2024-04-01' } }),
      'INVALID_INPUT',
      ['options', 'period', 'end'],
    );
  });

  it('an intersection of one focal group, or of one named twice', () => {
    expectError(() => summarizeReach(rows, { ...options, intersections: [['el']] }), 'INVALID_INPUT', [
      'options',
      'intersections',
      0,
    ]);
    expectError(() => summarizeReach(rows, { ...options, intersections: [['el', 'el']] }), 'INVALID_INPUT', [
      'options',
      'intersections',
      0,
      1,
    ]);
  });

  it("a row's groups that are not an array", () => {
    expectError(() => summarizeReach([{ ...rows[0], groups: 'el' } as never], options), 'INVALID_INPUT', [
      'roster',
      0,
      'groups',
    ]);
  });
});

describe('reach states: damage', () => {
  const acc = reachAccumulator(options);
  it('add refuses a state whose excluded counts are the wrong size', () => {
    const state = acc.init();
    expectError(() => acc.add({ ...state, excluded: new Float64Array(0) }, rows[0] as never), 'INVALID_INPUT', [
      'state',
      'excluded',
    ]);
  });

  it('parseReachState refuses more unit paths than cells can hold, and a path of another depth', () => {
    const state = acc.init();
    for (const row of rows) acc.add(state, row);
    const serialized = json(serializeReachState(state));
    // A sparse array: its length is checked before any entry is read.
    expectError(() => parseReachState({ ...serialized, leafPaths: new Array(2 ** 25 + 1) }), 'LIMIT_EXCEEDED', [
      'json',
      'leafPaths',
    ]);
    const [first, second, ...rest] = serialized.leafPaths;
    expect(first).toHaveLength(2);
    expectError(
      () => parseReachState({ ...serialized, leafPaths: [first, [...(second ?? []), 'extra'], ...rest] }),
      'INVALID_INPUT',
      ['json', 'leafPaths', 1],
    );
  });

  it('parseReachState refuses unit paths that are not arrays', () => {
    const state = acc.init();
    for (const row of rows) acc.add(state, row);
    const serialized = json(serializeReachState(state));
    expectError(() => parseReachState({ ...serialized, leafPaths: 'x' }), 'INVALID_INPUT', ['json', 'leafPaths']);
    expectError(
      () => parseReachState({ ...serialized, leafPaths: ['x', ...serialized.leafPaths.slice(1)] }),
      'INVALID_INPUT',
      ['json', 'leafPaths', 0],
    );
  });
});
