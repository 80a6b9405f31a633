/** Issue 12, input side of reach: unknown keys, holes, size limits, reserved ids, options read once. */
import { describe, expect, it } from 'vitest';
import { type ReachRow, reachAccumulator, summarizeReach } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';

const options = { focalGroups: ['el'], unitLevels: ['district', 'school'] };
const row = (extra: Record<string, unknown> = {}): ReachRow =>
  ({ id: 'a', units: { district: 'D1', school: 'S1' }, groups: ['el'], engagements: 1, ...extra }) as ReachRow;
const columns = (extra: Record<string, unknown> = {}) => ({
  unitCodes: new Uint16Array([0, 0]),
  units: [{ district: 'D1', school: 'S1' }],
  groupMasks: new Uint8Array([1, 0]),
  engagements: new Uint8Array([1, 2]),
  ...extra,
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('unknown keys are refused with a suggestion', () => {
  it('a yes/no `reached` column on a row', () => {
    const rows = [row(), { id: 'b', units: { district: 'D1', school: 'S1' }, groups: [], reached: true }];
    expectError(() => summarizeReach(rows as never, options), 'INVALID_INPUT', ['roster', 1, 'reached']);
    expect(messageOf(() => summarizeReach(rows as never, options))).toContain(
      'did you mean `engagements`? a yes/no becomes 1 or 0',
    );
  });

  it('a typo `group` on a row', () => {
    const rows = [{ id: 'a', units: { district: 'D1', school: 'S1' }, group: ['el'] }];
    expectError(() => summarizeReach(rows as never, options), 'INVALID_INPUT', ['roster', 0, 'group']);
    expect(messageOf(() => summarizeReach(rows as never, options))).toContain('did you mean `groups`?');
  });

  it('a key of `units` that is not a declared level', () => {
    const rows = [row({ units: { district: 'D1', school: 'S1', schol: 'S2' } })];
    expectError(() => summarizeReach(rows, options), 'INVALID_INPUT', ['roster', 0, 'units', 'schol']);
    expect(messageOf(() => summarizeReach(rows, options))).toContain('did you mean `school`?');
  });

  it('a row of a class whose fields are prototype getters is still checked key by key', () => {
    class Row {
      readonly reached = true;
      get id() {
        return 'a';
      }
      get units() {
        return { district: 'D1', school: 'S1' };
      }
      get engagements() {
        return 1;
      }
    }
    expectError(() => summarizeReach([new Row()] as never, options), 'INVALID_INPUT', ['roster', 0, 'reached']);
  });

  it('an explicit undefined is a known key left out, not an unknown key', () => {
    const summary = summarizeReach([row({ engagements: undefined, eligible: undefined })], options);
    expect(summary.overall).toMatchObject({ n: 1, reached: 0 });
  });

  it('rows given to the accumulator', () => {
    const acc = reachAccumulator(options);
    expectError(() => acc.add(acc.init(), row({ reached: true })), 'INVALID_INPUT', ['row', 'reached']);
    expectError(() => acc.add(acc.init(), row({ units: { district: 'D1', school: 'S1', x: 'y' } })), 'INVALID_INPUT', [
      'row',
      'units',
      'x',
    ]);
  });

  it('columnar rosters and their unit tables', () => {
    expectError(() => summarizeReach(columns({ masks: new Uint8Array(2) }) as never, options), 'INVALID_INPUT', [
      'roster',
      'masks',
    ]);
    expectError(
      () => summarizeReach(columns({ units: [{ district: 'D1', school: 'S1', zone: 'Z' }] }), options),
      'INVALID_INPUT',
      ['roster', 'units', 0, 'zone'],
    );
    const acc = reachAccumulator(options);
    expectError(() => acc.addColumns(acc.init(), columns({ reached: new Uint8Array(2) }) as never), 'INVALID_INPUT', [
      'columns',
      'reached',
    ]);
  });

  it('options, the period and focal-group objects', () => {
    expectError(() => summarizeReach([row()], { ...options, minEngagement: 2 } as never), 'INVALID_INPUT', [
      'options',
      'minEngagement',
    ]);
    expect(messageOf(() => summarizeReach([row()], { ...options, minEngagement: 2 } as never))).toContain(
      'did you mean `minEngagements`?',
    );
    expectError(
      () =>
        summarizeReach([row()], {
          ...options,
          period: { start: '2024-08-01', end: '2025-07-31', until: 'x' },
        } as never),
      'INVALID_INPUT',
      ['options', 'period', 'until'],
    );
    expectError(
      () =>
        summarizeReach([row()], {
          ...options,
          focalGroups: [{ id: 'el', label: 'EL', definition: '', size: 3 }],
        } as never),
      'INVALID_INPUT',
      ['options', 'focalGroups', 0, 'size'],
    );
    expectError(() => reachAccumulator({ ...options, unitLevel: ['school'] } as never), 'INVALID_INPUT', [
      'options',
      'unitLevel',
    ]);
  });
});

describe('holes and lengths', () => {
  it('a hole in the rows is an error at its index; an explicit null is a bad row there too', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const rows = [row(), , row({ id: 'c' })] as ReachRow[];
    expectError(() => summarizeReach(rows, options), 'INVALID_INPUT', ['roster', 1]);
    expectError(() => summarizeReach([row(), null as never], options), 'INVALID_INPUT', ['roster', 1]);
  });

  it('holes in a row’s groups and dates', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const groups = [, 'el'] as string[];
    expectError(() => summarizeReach([row({ groups })], options), 'INVALID_INPUT', ['roster', 0, 'groups', 0]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const engagedOn = ['2024-09-01', , '2024-09-03'] as string[];
    const dated = { ...options, period: { start: '2024-08-01', end: '2025-07-31' } };
    expectError(() => summarizeReach([row({ engagements: undefined, engagedOn })], dated), 'INVALID_INPUT', [
      'roster',
      0,
      'engagedOn',
      1,
    ]);
  });

  it('holes in the option lists', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const focalGroups = ['el', , 'swd'] as string[];
    expectError(() => summarizeReach([row()], { ...options, focalGroups }), 'INVALID_INPUT', [
      'options',
      'focalGroups',
      1,
    ]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const unitLevels = ['district', , 'school'] as string[];
    expectError(() => summarizeReach([row()], { ...options, unitLevels }), 'INVALID_INPUT', [
      'options',
      'unitLevels',
      1,
    ]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const intersections = [['el', , 'swd']] as string[][];
    expectError(
      () => summarizeReach([row()], { ...options, focalGroups: ['el', 'swd'], intersections }),
      'INVALID_INPUT',
      ['options', 'intersections', 0, 1],
    );
  });

  it('holes in a columnar unit table and ids', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const units = [{ district: 'D1', school: 'S1' }, , { district: 'D1', school: 'S2' }];
    expectError(() => summarizeReach(columns({ units }) as never, options), 'INVALID_INPUT', ['roster', 'units', 1]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const ids = ['a', ,] as string[];
    expectError(() => summarizeReach(columns({ ids }), options), 'INVALID_INPUT', ['roster', 'ids', 1]);
  });

  it('array-likes past the documented maximum are LIMIT_EXCEEDED before anything is allocated', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    expectError(() => summarizeReach(huge as never, options), 'LIMIT_EXCEEDED', ['roster']);
    expectError(() => summarizeReach(columns({ units: huge }) as never, options), 'LIMIT_EXCEEDED', [
      'roster',
      'units',
    ]);
    expectError(() => summarizeReach([row()], { ...options, unitLevels: huge as string[] }), 'LIMIT_EXCEEDED', [
      'options',
      'unitLevels',
    ]);
    expectError(
      () => summarizeReach([row()], { ...options, focalGroups: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }),
      'LIMIT_EXCEEDED',
      ['options', 'focalGroups'],
    );
  });
});

describe('focal-group ids that collide with the built-in populations', () => {
  for (const id of ['everyone', 'union', 'none']) {
    it(`"${id}" is refused`, () => {
      expectError(() => summarizeReach([], { ...options, focalGroups: [id] }), 'INVALID_INPUT', [
        'options',
        'focalGroups',
        0,
      ]);
    });
  }

  it('an id containing the intersection separator is refused, also inside a FocalGroup object', () => {
    expectError(() => summarizeReach([], { ...options, focalGroups: ['el', 'poverty&el'] }), 'INVALID_INPUT', [
      'options',
      'focalGroups',
      1,
    ]);
    expectError(
      () => reachAccumulator({ ...options, focalGroups: [{ id: 'none', label: 'None', definition: '' }] }),
      'INVALID_INPUT',
      ['options', 'focalGroups', 0, 'id'],
    );
  });
});

describe('caps on sizes an option controls', () => {
  it('minEngagements: 2 ** 27 is LIMIT_EXCEEDED, not a RangeError', () => {
    expectError(() => summarizeReach([row()], { ...options, minEngagements: 2 ** 27 }), 'LIMIT_EXCEEDED', [
      'options',
      'minEngagements',
    ]);
    expectError(() => reachAccumulator({ ...options, minEngagements: 1001 }), 'LIMIT_EXCEEDED', [
      'options',
      'minEngagements',
    ]);
  });

  it('histogramMax past 1000 is LIMIT_EXCEEDED; 1000 works', () => {
    expectError(() => summarizeReach([row()], { ...options, histogramMax: 1001 }), 'LIMIT_EXCEEDED', [
      'options',
      'histogramMax',
    ]);
    const summary = summarizeReach([row()], { ...options, minEngagements: 1000, histogramMax: 1000 });
    expect(summary.overall.histogram).toHaveLength(1001);
  });
});

describe('options are read once', () => {
  it('a getter that answers differently the second time changes nothing', () => {
    let reads = 0;
    const tricky = {
      unitLevels: ['district', 'school'],
      get focalGroups() {
        reads += 1;
        return reads === 1 ? ['el'] : ['swd'];
      },
    };
    const summary = summarizeReach([row()], tricky);
    expect(reads).toBe(1);
    expect(summary.focalGroups).toEqual(['el']);
    let periodReads = 0;
    const period = {
      end: '2025-07-31',
      get start() {
        periodReads += 1;
        return periodReads === 1 ? '2024-08-01' : 'not a date';
      },
    };
    const dated = summarizeReach([row({ engagements: undefined, engagedOn: ['2024-09-01'] })], { ...options, period });
    expect(periodReads).toBe(1);
    expect(dated.overall.reached).toBe(1);
  });
});
