/** Reach over time: a row without units when there are no unit levels, groups that are not an array, a newer serialized state. */
import { describe, expect, it } from 'vitest';
import {
  parseReachTimeState,
  type ReachRow,
  reachOverTime,
  reachTimeAccumulator,
  serializeReachTimeState,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const period = { start: '2024-09-02', end: '2025-06-30' };
const base = { focalGroups: ['el'], period, asOf: '2024-09-06', every: 1 };
const row: ReachRow = { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-03'] };

describe('reach over time: rows', () => {
  it('a row may leave out units when there are no unit levels: the same report as units {}', () => {
    const { units: _units, ...bare } = row;
    expect(reachOverTime([bare as ReachRow], base)).toEqual(reachOverTime([row], base));
  });

  it("a row's groups that are not an array are refused at the row's groups", () => {
    expectError(() => reachOverTime([{ ...row, groups: 'el' } as never], base), 'INVALID_INPUT', [
      'roster',
      0,
      'groups',
    ]);
  });
});

describe('parseReachTimeState', () => {
  it('a serialized state from a newer version is INCOMPATIBLE at its schemaVersion', () => {
    const acc = reachTimeAccumulator(base);
    const json = JSON.parse(JSON.stringify(serializeReachTimeState(acc.add(acc.init(), row))));
    expect(acc.finalize(parseReachTimeState(json))).toEqual(reachOverTime([row], base));
    expectError(() => parseReachTimeState({ ...json, schemaVersion: 2 }), 'INCOMPATIBLE', ['json', 'schemaVersion']);
  });
});
