/**
 * reachOverTime and reachTimeAccumulator at the edges the hand-worked and property tests leave:
 * damaged or foreign states (code and path), columnar rosters without the optional columns, bad
 * column shapes, a k-th engagement among many, unit codes and eligibility of the wrong type, and a
 * target whose own `period` or `by` sets the arrival deadline.
 */
import { describe, expect, it } from 'vitest';
import {
  parseReachTimeState,
  type ReachRow,
  reachOverTime,
  reachTimeAccumulator,
  serializeReachTimeState,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { dayOf, isoOf, toTimeColumns } from './_timeSupport.js';

const period = { start: '2024-09-02', end: '2025-06-30' };
const base = { focalGroups: ['el'], period, asOf: '2024-09-06', every: 1 };
const start = dayOf(period.start);
const row: ReachRow = { id: 'a', units: {}, groups: ['el'], engagedOn: ['2024-09-03'] };

describe('accumulator states: damaged, newer or foreign', () => {
  const acc = reachTimeAccumulator(base);
  const good = () => acc.add(acc.init(), row);
  const edited = (change: Record<string, unknown>) => ({ ...good(), ...change }) as never;
  it.each([
    [{ kind: 'reach-state' }, 'INVALID_INPUT', ['a', 'kind']],
    [{ schemaVersion: 2 }, 'INCOMPATIBLE', ['a', 'schemaVersion']],
    [{ schemaVersion: 0 }, 'INVALID_INPUT', ['a', 'schemaVersion']],
    [{ schemaVersion: '1' }, 'INVALID_INPUT', ['a', 'schemaVersion']],
    [{ masks: 4 }, 'INVALID_INPUT', ['a', 'bins']],
    [{ bins: 7 }, 'INVALID_INPUT', ['a', 'bins']],
    [{ entries: [0, 0] }, 'INVALID_INPUT', ['a', 'entries']],
    [{ censored: new Float64Array(3) }, 'INVALID_INPUT', ['a', 'censored']],
    [{ outside: new Float64Array([0, -1]) }, 'INVALID_INPUT', ['a', 'outside', 1]],
  ])('merge of %o', (change, code, path) => {
    expectError(() => acc.merge(edited(change), acc.init()), code, path);
  });
  it('a state this accumulator did not make is checked in full, then used', () => {
    const stored = parseReachTimeState(JSON.parse(JSON.stringify(serializeReachTimeState(good()))));
    const state = acc.add(stored, { id: 'b', units: {}, engagedOn: ['2024-09-02'] });
    expect(state).toBe(stored);
    const report = acc.finalize(state);
    expect([report.populations[0]?.n, report.populations[0]?.reached]).toEqual([2, 2]);
    expect([report.populations[1]?.n, report.populations[1]?.reached]).toEqual([1, 1]);
    expectError(() => acc.add({ ...stored, totals: [1] } as never, row), 'INVALID_INPUT', ['state', 'totals']);
  });
  it('a checked state whose fingerprint was changed is checked again (INCOMPATIBLE)', () => {
    const state = good() as { fingerprint: string };
    state.fingerprint = 'other';
    expectError(() => acc.add(state as never, row), 'INCOMPATIBLE', ['state', 'fingerprint']);
    expectError(() => acc.addColumns(state as never, toTimeColumns([row], ['el'])), 'INCOMPATIBLE', [
      'state',
      'fingerprint',
    ]);
  });
});

describe('rows', () => {
  it('the k-th engagement among more than 16 (the scratch buffer grows)', () => {
    // 20 engagements on days 1…20; the 18th is day 18 = 2024-09-19.
    const engagedOn = Array.from({ length: 20 }, (_, i) => isoOf(start + 19 - i));
    const options = { ...base, asOf: '2024-09-30', minEngagements: 18 };
    const report = reachOverTime([{ id: 'a', units: {}, engagedOn }], options);
    const everyone = report.populations[0];
    expect(everyone?.reached).toBe(1);
    expect(everyone?.quantiles[0]).toMatchObject({ reachedOn: '2024-09-19', day: 18 });
    expect(reachOverTime(toTimeColumns([{ id: 'a', units: {}, engagedOn }], ['el']), options).populations).toEqual(
      report.populations,
    );
  });
  it('unit levels: each level a non-empty code', () => {
    const options = { ...base, unitLevels: ['school'] };
    const ok = reachOverTime([{ id: 'a', units: { school: 'S1' }, engagedOn: ['2024-09-03'] }], options);
    expect(ok.populations[0]?.reached).toBe(1);
    expectError(() => reachOverTime([{ id: 'a', units: { school: 5 } } as never], options), 'INVALID_INPUT', [
      'roster',
      0,
      'units',
      'school',
    ]);
    expectError(() => reachOverTime([{ id: 'a', units: { school: '' } }], options), 'INVALID_INPUT', [
      'roster',
      0,
      'units',
      'school',
    ]);
  });
  it('groups: no holes', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const groups = [, 'el'] as string[];
    expectError(() => reachOverTime([{ id: 'a', units: {}, groups }], base), 'INVALID_INPUT', [
      'roster',
      0,
      'groups',
      0,
    ]);
  });
  it('eligible is true or false', () => {
    expectError(() => reachOverTime([{ id: 'a', units: {}, eligible: 'yes' } as never], base), 'INVALID_INPUT', [
      'roster',
      0,
      'eligible',
    ]);
    const report = reachOverTime(
      [
        { id: 'a', units: {}, eligible: true, engagedOn: ['2024-09-03'] },
        { id: 'b', units: {}, eligible: false, engagedOn: ['2024-09-03'] },
      ],
      base,
    );
    expect([report.populations[0]?.n, report.populations[0]?.reached]).toEqual([1, 1]);
  });
});

describe('columns', () => {
  const columns = toTimeColumns(
    [row, { id: 'b', units: {}, engagedOn: ['2024-09-02', '2024-09-04'] }, { id: 'c', units: {} }],
    ['el'],
  );
  it('without enrolledOn, exitedOn and eligible: everyone enrolled throughout, eligible', () => {
    const { enrolledOn: _e, exitedOn: _x, eligible: _g, ...bare } = columns;
    const report = reachOverTime(bare, base);
    expect(report.populations.map((p) => [p.id, p.n, p.reached])).toEqual([
      ['everyone', 3, 2],
      ['el', 1, 1],
      ['union', 1, 1],
      ['none', 2, 1],
    ]);
    expect(report.populations).toEqual(reachOverTime(columns, base).populations);
  });
  it.each([
    [{ enrolledOn: new Int32Array(2) }, ['roster', 'enrolledOn']],
    [{ exitedOn: new Int32Array(4) }, ['roster', 'exitedOn']],
    [{ eligible: new Uint8Array(1) }, ['roster', 'eligible']],
    [{ eligible: [1, 1, 1] }, ['roster', 'eligible']],
    [{ engagementOffsets: new Uint32Array([0, 1, 3]) }, ['roster', 'engagementOffsets']],
    [{ engagementOffsets: new Int32Array([1, 1, 3, 3]) }, ['roster', 'engagementOffsets', 0]],
    [{ engagementOffsets: new Int32Array([0, 2, 1, 3]) }, ['roster', 'engagementOffsets', 2]],
    [{ engagementDays: [0, 1, 2] }, ['roster', 'engagementDays']],
    [
      { enrolledOn: new Int32Array([start + 3, 0, 0]), exitedOn: new Int32Array([start + 2, 0, 0]) },
      ['roster', 'exitedOn', 0],
    ],
  ])('%o', (change, path) => {
    expectError(() => reachOverTime({ ...columns, ...change } as never, base), 'INVALID_INPUT', path);
  });
});

describe('options', () => {
  it.each([
    [{ focalGroups: ['el&swd'] }, ['options', 'focalGroups', 0]],
    [{ focalGroups: [{ id: 'a&b' }] }, ['options', 'focalGroups', 0, 'id']],
    [{ period: { start: '2024-09-02', end: '2024-09-01' } }, ['options', 'period', 'end']],
  ])('%o', (change, path) => {
    expectError(() => reachOverTime([row], { ...base, ...change } as never), 'INVALID_INPUT', path);
  });
  it('a whole number past its limit', () => {
    expectError(() => reachOverTime([row], { ...base, every: 367 }), 'LIMIT_EXCEEDED', ['options', 'every']);
    expect(reachOverTime([row], { ...base, every: 366 }).populations[0]?.reached).toBe(1);
  });
});

describe('arrival deadline: the earliest of period.end, the target’s period.end and by, and arriveBy', () => {
  // 100 students; one reached a day on days 1…30; asOf day 40, window 20 (pace 0.5 a day).
  const rows: ReachRow[] = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i}`,
    units: {},
    groups: i % 2 === 0 ? ['el'] : [],
    engagedOn: i < 30 ? [isoOf(start + i)] : [],
  }));
  const target = {
    population: { unit: 'students' as const },
    overall: 0.8,
    focal: 0.5,
    focalRule: 'each' as const,
    focalGroups: ['el'],
  };
  const options = { ...base, asOf: isoOf(start + 39), window: 20 };
  it('the target’s by', () => {
    const report = reachOverTime(rows, { ...options, target: { ...target, by: '2024-11-15' } });
    expect(report.arrival).toMatchObject({ deadline: '2024-11-15', focalRule: 'each' });
    expect(report.arrival?.checks.map((check) => check.population)).toEqual(['everyone', 'el']);
  });
  it('the target’s period end, before by and arriveBy', () => {
    const report = reachOverTime(rows, {
      ...options,
      arriveBy: '2025-01-31',
      target: { ...target, period: { start: '2024-09-02', end: '2024-12-20' }, by: '2025-02-01' },
    });
    expect(report.arrival?.deadline).toBe('2024-12-20');
  });
});

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
