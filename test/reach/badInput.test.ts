import { describe, expect, it } from 'vitest';
import {
  defineReachPolicy,
  evaluateReachTarget,
  type ReachRow,
  reachAccumulator,
  shardOf,
  summarizeReach,
  suppressSmallCells,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['district', 'school'] };
const row = (extra: Partial<ReachRow> = {}): ReachRow => ({
  id: 'a',
  units: { district: 'D1', school: 'S1' },
  groups: ['el'],
  engagements: 1,
  ...extra,
});
const columns = () => ({
  unitCodes: new Uint16Array([0, 0]),
  units: [{ district: 'D1', school: 'S1' }],
  groupMasks: new Uint8Array([1, 0]),
  engagements: new Uint8Array([1, 2]),
});

describe('bad input throws INVALID_INPUT with a path', () => {
  it('engagements that are negative, fractional or not numbers', () => {
    expectError(() => summarizeReach([row({ engagements: -1 })], options), 'INVALID_INPUT', [
      'roster',
      0,
      'engagements',
    ]);
    expectError(() => summarizeReach([row(), row({ id: 'b', engagements: 1.5 })], options), 'INVALID_INPUT', [
      'roster',
      1,
      'engagements',
    ]);
    expectError(() => summarizeReach([row({ engagements: Number.NaN })], options), 'INVALID_INPUT', [
      'roster',
      0,
      'engagements',
    ]);
    expectError(
      () => summarizeReach({ ...columns(), engagements: new Int32Array([1, -2]) }, options),
      'INVALID_INPUT',
      ['roster', 'engagements', 1],
    );
    expectError(
      () => summarizeReach({ ...columns(), engagements: new Float64Array([1, 0.5]) as never }, options),
      'INVALID_INPUT',
      ['roster', 'engagements'],
    );
  });

  it('a hole in the units table', () => {
    const units: { district: string; school: string }[] = [];
    units[1] = { district: 'D1', school: 'S1' };
    expectError(
      () => summarizeReach({ ...columns(), unitCodes: new Uint16Array([1, 1]), units }, options),
      'INVALID_INPUT',
      ['roster', 'units', 0],
    );
  });

  it('duplicate ids', () => {
    expectError(() => summarizeReach([row(), row()], options), 'INVALID_INPUT', ['roster', 1, 'id']);
    expectError(() => summarizeReach({ ...columns(), ids: ['x', 'x'] }, options), 'INVALID_INPUT', [
      'roster',
      'ids',
      1,
    ]);
  });

  it('unknown focal-group ids, in rows, masks, options and targets', () => {
    expectError(() => summarizeReach([row({ groups: ['ell'] })], options), 'INVALID_INPUT', ['roster', 0, 'groups', 0]);
    expectError(() => summarizeReach({ ...columns(), groupMasks: new Uint8Array([2, 0]) }, options), 'INVALID_INPUT', [
      'roster',
      'groupMasks',
      0,
    ]);
    expectError(() => summarizeReach([row()], { ...options, intersections: [['el', 'x']] }), 'INVALID_INPUT', [
      'options',
      'intersections',
      0,
      1,
    ]);
    expectError(() => summarizeReach([row()], { ...options, focalGroups: ['el', 'el'] }), 'INVALID_INPUT', [
      'options',
      'focalGroups',
      1,
    ]);
    const summary = summarizeReach([row()], options);
    expectError(
      () =>
        evaluateReachTarget(summary, {
          population: { unit: 'students' },
          overall: 0.8,
          focal: 0.8,
          focalRule: 'each',
          focalGroups: ['swd'],
        }),
      'INVALID_INPUT',
      ['target', 'focalGroups', 0],
    );
  });

  it('unequal column lengths and unit codes outside the table', () => {
    expectError(() => summarizeReach({ ...columns(), groupMasks: new Uint8Array([1]) }, options), 'INVALID_INPUT', [
      'roster',
      'groupMasks',
    ]);
    expectError(() => summarizeReach({ ...columns(), engagements: new Uint8Array(3) }, options), 'INVALID_INPUT', [
      'roster',
      'engagements',
    ]);
    expectError(() => summarizeReach({ ...columns(), eligible: new Uint8Array(1) }, options), 'INVALID_INPUT', [
      'roster',
      'eligible',
    ]);
    expectError(() => summarizeReach({ ...columns(), unitCodes: new Uint16Array([0, 1]) }, options), 'INVALID_INPUT', [
      'roster',
      'unitCodes',
      1,
    ]);
  });

  it('dates that are not ISO calendar dates, and dated engagements without a period', () => {
    const period = { start: '2024-08-01', end: '2025-07-31' };
    const dated = (engagedOn: string[]): ReachRow => ({ id: 'a', units: { district: 'D1', school: 'S1' }, engagedOn });
    expectError(() => summarizeReach([dated(['2024-09-01', '2024-13-01'])], { ...options, period }), 'INVALID_INPUT', [
      'roster',
      0,
      'engagedOn',
      1,
    ]);
    expectError(() => summarizeReach([dated(['2024-09-01'])], options), 'INVALID_INPUT', ['roster', 0, 'engagedOn']);
    expectError(
      () => summarizeReach([row()], { ...options, period: { start: '2024-8-1', end: '2025-07-31' } }),
      'INVALID_INPUT',
      ['options', 'period', 'start'],
    );
    expectError(() => summarizeReach([row({ engagedOn: ['2024-09-01'] })], { ...options, period }), 'INVALID_INPUT', [
      'roster',
      0,
      'engagedOn',
    ]);
  });

  it('a unit missing a declared level', () => {
    expectError(() => summarizeReach([row({ units: { district: 'D1' } })], options), 'INVALID_INPUT', [
      'roster',
      0,
      'units',
      'school',
    ]);
    expectError(() => summarizeReach({ ...columns(), units: [{ school: 'S1' }] }, options), 'INVALID_INPUT', [
      'roster',
      'units',
      0,
      'district',
    ]);
  });

  it('other shapes: options, rows, eligibility, policy, states, suppression options', () => {
    expectError(() => summarizeReach('roster' as never, options), 'INVALID_INPUT', ['roster']);
    expectError(() => summarizeReach([null as never], options), 'INVALID_INPUT', ['roster', 0]);
    expectError(() => summarizeReach([row({ eligible: 'no' as never })], options), 'INVALID_INPUT', [
      'roster',
      0,
      'eligible',
    ]);
    expectError(() => summarizeReach([row()], { ...options, minEngagements: 0 }), 'INVALID_INPUT', [
      'options',
      'minEngagements',
    ]);
    expectError(() => summarizeReach([row()], { ...options, extra: 1 } as never), 'INVALID_INPUT', [
      'options',
      'extra',
    ]);
    expectError(
      () => summarizeReach([row()], { ...options, focalGroups: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }),
      'LIMIT_EXCEEDED',
      ['options', 'focalGroups'],
    );
    expectError(() => summarizeReach([row()], { ...options, policy: { minPeople: 0 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minPeople',
    ]);
    expectError(() => defineReachPolicy({ tolerance: 1 }), 'INVALID_INPUT', ['policy', 'tolerance']);
    const acc = reachAccumulator(options);
    const other = reachAccumulator({ ...options, focalGroups: ['swd'] });
    expectError(() => acc.merge(acc.init(), other.init()), 'INCOMPATIBLE', ['b', 'fingerprint']);
    expectError(() => acc.add({} as never, row()), 'INVALID_INPUT', ['state', 'kind']);
    // A state whose arrays do not fit together (e.g. from an older version, or cut in transit).
    const state = acc.add(acc.init(), row());
    const { cellTable: _, ...withoutTable } = state;
    expectError(() => acc.finalize(withoutTable as never), 'INVALID_INPUT', ['state', 'cellTable']);
    expectError(() => acc.merge(acc.init(), { ...state, cells: 99 }), 'INVALID_INPUT', ['b', 'cells']);
    expectError(() => acc.add({ ...state, histogram: new Float64Array(3) }, row({ id: 'b' })), 'INVALID_INPUT', [
      'state',
      'histogram',
    ]);
    expectError(() => acc.add(acc.init(), row({ id: '' })), 'INVALID_INPUT', ['row', 'id']);
    expectError(() => shardOf(3 as never, 2), 'INVALID_INPUT', ['id']);
    const summary = summarizeReach([row()], options);
    const target = { population: { unit: 'students' as const }, overall: 0.8, focal: 0.8, focalRule: 'union' as const };
    expectError(() => suppressSmallCells(summary, { policy: { minCellSize: 0 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minCellSize',
    ]);
    // The old option name is refused, never ignored (a silent default of 10 would change the report).
    expectError(() => suppressSmallCells(summary, { minCell: 5 } as never), 'INVALID_INPUT', ['options', 'minCell']);
    expectError(() => evaluateReachTarget(summary, target, { minN: 5 } as never), 'INVALID_INPUT', ['options', 'minN']);
    expectError(() => evaluateReachTarget(summary, target, { policy: { tolerance: 1 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'tolerance',
    ]);
    expectError(() => suppressSmallCells(summary, { hierarchy: ['zone'] }), 'INVALID_INPUT', [
      'options',
      'hierarchy',
      0,
    ]);
    expectError(() => evaluateReachTarget(summary, { ...target, minEngagements: 11 }), 'INVALID_INPUT', [
      'target',
      'minEngagements',
    ]);
    expectError(() => evaluateReachTarget(summary, { ...target, overall: 2 }), 'INVALID_INPUT', ['target', 'overall']);
    expectError(() => evaluateReachTarget(summary, target, { level: 'zone' }), 'INVALID_INPUT', ['options', 'level']);
  });

  it('never lets a TypeError escape', () => {
    for (const bad of [undefined, null, 1, 'x', [], {}, [1], [{}], [{ id: 'a' }], [{ id: 'a', units: null }]]) {
      try {
        summarizeReach(bad as never, options);
      } catch (error) {
        expect((error as Error).name).toBe('ScalingNavigatorError');
      }
    }
  });
});

describe('degenerate but valid data', () => {
  it('an empty roster and an empty group are reported, not passed', () => {
    const empty = summarizeReach([], options);
    expect(empty.overall).toMatchObject({
      n: 0,
      rate: null,
      interval: null,
      notes: [{ code: 'EMPTY', field: 'rate' }],
    });
    expect(empty.units).toEqual([]);
    const result = evaluateReachTarget(empty, {
      population: { unit: 'students' },
      overall: 0.8,
      focal: 0.8,
      focalRule: 'union',
    });
    expect(result.met).toBeNull();
    expect(result.decision.action).toBe('undetermined');
    expect(result.decision.reasons.map((reason) => reason.rule)).toEqual(['reach/no-eligible', 'reach/no-eligible']);
    expect(result.overall.notes.map((note) => [note.code, note.field])).toEqual([['EMPTY_GROUP', 'decision']]);
  });

  it('a comparison rate of 0 gives no ratio, with a note', () => {
    const rows: ReachRow[] = Array.from({ length: 80 }, (_, index) => ({
      id: `p${index}`,
      units: { district: 'D1', school: 'S1' },
      groups: index < 40 ? ['el'] : [],
      engagements: index < 40 ? 1 : 0,
    }));
    const el = summarizeReach(rows, options).groups[0];
    expect(el?.riskRatio).toBeNull();
    expect(el?.notes.map((note) => note.code)).toContain('ZERO_COMPARISON_RATE');
    expect(el?.gap).toBe(1);
  });
});
