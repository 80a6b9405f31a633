/** Issue 12: accumulator states survive JSON, and a damaged or foreign state is an error in bounded time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseReachState,
  type ReachRow,
  type ReachState,
  reachAccumulator,
  serializeReachState,
  shardOf,
  summarizeReach,
} from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { toColumns } from './_support.js';

const GROUPS = ['poverty', 'el', 'swd'];
const options = { focalGroups: GROUPS, unitLevels: ['district', 'school'], minEngagements: 2, histogramMax: 4 };
const acc = reachAccumulator(options);

/** 40 students in 5 schools of 2 districts, every flag combination, 0–6 engagements. */
const forty: ReachRow[] = Array.from({ length: 40 }, (_, index) => ({
  id: `s${index}`,
  units: { district: `D${index % 2}`, school: `S${index % 5}` },
  groups: GROUPS.filter((_, bit) => ((index >> bit) & 1) === 1),
  engagements: index % 7,
  ...(index % 11 === 0 ? { eligible: false } : {}),
}));

/** A state counted from columns (cells appended, never indexed) and one from rows (indexed). */
const fromColumns = (): ReachState => acc.addColumns(acc.init(), toColumns(forty, options));
const fromRows = (): ReachState => {
  const state = acc.init();
  for (const row of forty) acc.add(state, row);
  return state;
};

describe('serializeReachState / parseReachState', () => {
  it('a state survives JSON: same summary, compact plain arrays', () => {
    for (const state of [fromColumns(), fromRows(), acc.init()]) {
      const json = JSON.stringify(serializeReachState(state));
      const back = parseReachState(JSON.parse(json));
      expect(acc.finalize(back)).toEqual(acc.finalize(state));
      expect(back.schemaVersion).toBe(1);
    }
    const serialized = serializeReachState(fromColumns());
    expect(serialized.cellLeaf).toHaveLength(serialized.cells);
    expect(serialized.histogram).toHaveLength(serialized.cells * serialized.bins);
    expect(Object.keys(serialized)).not.toContain('cellTable');
  });

  it('a parsed state takes more rows and merges like the original', () => {
    const back = parseReachState(JSON.parse(JSON.stringify(serializeReachState(fromColumns()))));
    const more: ReachRow = { id: 'x', units: { district: 'D9', school: 'S1' }, groups: ['el'], engagements: 3 };
    acc.add(back, more);
    expect(acc.finalize(acc.merge(back, fromRows()))).toEqual(
      summarizeReach([...forty, more, ...forty.map((row) => ({ ...row, id: `${row.id}b` }))], options),
    );
  });

  it('damage in a serialized state is an error with its path', () => {
    const good = JSON.parse(JSON.stringify(serializeReachState(fromColumns())));
    expectError(() => parseReachState({ ...good, schemaVersion: 2 }), 'INCOMPATIBLE', ['json', 'schemaVersion']);
    expectError(() => parseReachState({ ...good, schemaVersion: undefined }), 'INVALID_INPUT', [
      'json',
      'schemaVersion',
    ]);
    expectError(() => parseReachState({ ...good, cellTable: [] }), 'INVALID_INPUT', ['json', 'cellTable']);
    expectError(() => parseReachState({ ...good, rows: good.rows + 1 }), 'INVALID_INPUT', ['json', 'rows']);
    const histogram = [...good.histogram];
    histogram[5] = 0.5;
    expectError(() => parseReachState({ ...good, histogram }), 'INVALID_INPUT', ['json', 'histogram', 5]);
    const holed = [...good.sum];
    delete holed[1];
    expectError(() => parseReachState({ ...good, sum: holed }), 'INVALID_INPUT', ['json', 'sum', 1]);
    const leaves = [...good.cellLeaf];
    leaves[3] = 99;
    expectError(() => parseReachState({ ...good, cellLeaf: leaves }), 'INVALID_INPUT', ['json', 'cellLeaf', 3]);
    expectError(() => parseReachState({ ...good, cells: 2 ** 25 + 1 }), 'LIMIT_EXCEEDED', ['json', 'cells']);
    expectError(() => parseReachState({ ...good, cellLeaf: good.cellLeaf.slice(1) }), 'INVALID_INPUT', [
      'json',
      'cellLeaf',
    ]);
    expectError(() => parseReachState('{}'), 'INVALID_INPUT', ['json']);
  });

  it('serializing a damaged state is refused', () => {
    const state = structuredClone(fromRows());
    state.excluded[0] = -1;
    expectError(() => serializeReachState(state), 'INVALID_INPUT', ['state', 'excluded', 0]);
  });
});

describe('every state is checked before use', () => {
  it('a cell table altered in place: add stops with an error instead of looping forever', () => {
    const state = fromRows();
    state.cellTable.fill(1);
    const row: ReachRow = { id: 'new', units: { district: 'D7', school: 'S7' }, engagements: 1 };
    expectError(() => acc.add(state, row), 'INVALID_INPUT', ['state', 'cellTable']);
    expectError(() => acc.finalize(state), 'INVALID_INPUT', ['state', 'cellTable']);
  });

  it('a cell table altered in a copy (storage, a worker): every method refuses it', () => {
    const state = structuredClone(fromRows());
    state.cellTable.fill(1);
    const row: ReachRow = { id: 'new', units: { district: 'D7', school: 'S7' }, engagements: 1 };
    expectError(() => acc.add(state, row), 'INVALID_INPUT', ['state', 'cellTable']);
    expectError(() => acc.addColumns(state, toColumns([row], options)), 'INVALID_INPUT', ['state', 'cellTable']);
    expectError(() => acc.merge(acc.init(), state), 'INVALID_INPUT', ['b', 'cellTable']);
  });

  it('a cell table pointing at the wrong cells', () => {
    const state = structuredClone(fromRows());
    const slots = [...state.cellTable.keys()].filter((at) => state.cellTable[at] !== 0);
    // The first and the last entry: far apart, so neither is where its lookup starts looking.
    const first = slots[0] as number;
    const second = slots[slots.length - 1] as number;
    [state.cellTable[first], state.cellTable[second]] = [
      state.cellTable[second] as number,
      state.cellTable[first] as number,
    ];
    expectError(() => acc.finalize(state), 'INVALID_INPUT', ['state', 'cellTable']);
  });

  it('a leaf index altered: an error, not 7 of 40 students lost', () => {
    // Cells counted from columns are not in the cell table yet; cells added row by row are.
    for (const [make, twinPath] of [
      [fromColumns, 'cellLeaf'],
      [fromRows, 'cellTable'],
    ] as const) {
      const outOfRange = structuredClone(make());
      outOfRange.cellLeaf[2] = 99;
      expectError(() => acc.finalize(outOfRange), 'INVALID_INPUT', ['state', 'cellLeaf', 2]);
      // Pointing at another real unit makes two cells of one (unit, focal groups) pair.
      const duplicate = structuredClone(make());
      const twin = [...duplicate.cellLeaf.keys()].find(
        (cell) => cell > 0 && cell < duplicate.cells && duplicate.cellMask[cell] === duplicate.cellMask[0],
      ) as number;
      duplicate.cellLeaf[twin] = duplicate.cellLeaf[0] as number;
      expectError(
        () => acc.finalize(duplicate),
        'INVALID_INPUT',
        twinPath === 'cellLeaf' ? ['state', 'cellLeaf', twin] : ['state', 'cellTable'],
      );
    }
  });

  it('a mask past the focal groups', () => {
    const state = structuredClone(fromColumns());
    state.cellMask[1] = 8;
    expectError(() => acc.merge(state, acc.init()), 'INVALID_INPUT', ['a', 'cellMask', 1]);
  });

  it('histograms that do not add up to the rows, or are not whole counts', () => {
    const extra = structuredClone(fromColumns());
    extra.histogram[0] = (extra.histogram[0] as number) + 1;
    expectError(() => acc.finalize(extra), 'INVALID_INPUT', ['state', 'rows']);
    const fraction = structuredClone(fromColumns());
    fraction.histogram[1] = 0.5;
    expectError(() => acc.finalize(fraction), 'INVALID_INPUT', ['state', 'histogram', 1]);
    const nan = structuredClone(fromColumns());
    nan.excluded[0] = Number.NaN;
    expectError(() => acc.finalize(nan), 'INVALID_INPUT', ['state', 'excluded', 0]);
  });

  it('a sum that cannot be the engagements of the top bin', () => {
    const state = structuredClone(fromColumns());
    const cell = [...state.sum.keys()].find((at) => (state.sum[at] as number) > 0) as number;
    state.sum[cell] = 1;
    expectError(() => acc.finalize(state), 'INVALID_INPUT', ['state', 'sum', cell]);
  });

  it('counts past the cells in use', () => {
    const state = structuredClone(fromRows());
    expect(state.histogram.length).toBeGreaterThan(state.cells * state.bins);
    const at = state.cells * state.bins;
    state.histogram[at] = 1;
    expectError(() => acc.finalize(state), 'INVALID_INPUT', ['state', 'histogram', at]);
  });

  it('a repeated or missing unit path', () => {
    const repeated = structuredClone(fromColumns());
    repeated.leafPaths[1] = [...(repeated.leafPaths[0] as string[])];
    expectError(() => acc.finalize(repeated), 'INVALID_INPUT', ['state', 'leafPaths', 0]);
    const short = structuredClone(fromColumns());
    short.leafPaths[2] = ['D1'];
    expectError(() => acc.finalize(short), 'INVALID_INPUT', ['state', 'leafPaths', 2]);
    const inPlace = fromRows();
    inPlace.leafPaths.pop();
    expectError(() => acc.finalize(inPlace), 'INVALID_INPUT', ['state', 'leafPaths']);
  });

  it('a newer schemaVersion, or none', () => {
    expectError(() => acc.finalize({ ...fromRows(), schemaVersion: 2 }), 'INCOMPATIBLE', ['state', 'schemaVersion']);
    const { schemaVersion: _, ...none } = fromRows();
    expectError(() => acc.finalize(none as never), 'INVALID_INPUT', ['state', 'schemaVersion']);
  });

  it('states built with other options are INCOMPATIBLE', () => {
    const state = fromRows();
    for (const other of [
      { ...options, focalGroups: ['poverty', 'el'] },
      { ...options, unitLevels: ['school'] },
      { ...options, histogramMax: 5 },
      { ...options, period: { start: '2024-08-01', end: '2025-07-31' } },
    ]) {
      const foreign = reachAccumulator(other).init();
      expectError(() => acc.merge(state, foreign), 'INCOMPATIBLE', ['b', 'fingerprint']);
      expectError(() => acc.add(foreign, forty[0] as ReachRow), 'INCOMPATIBLE', ['state', 'fingerprint']);
      const stored = JSON.parse(JSON.stringify(serializeReachState(foreign)));
      expectError(() => acc.finalize(parseReachState(stored)), 'INCOMPATIBLE', ['state', 'fingerprint']);
    }
  });
});

const rowArbitrary = fc.record({
  district: fc.constantFrom('D1', 'D2', 'D3'),
  school: fc.constantFrom('S1', 'S2', 'S/3'),
  groups: fc.subarray(GROUPS),
  eligible: fc.boolean(),
  engagements: fc.nat({ max: 9 }),
});
const rosterArbitrary = fc.array(rowArbitrary, { maxLength: 80 }).map((rows) =>
  rows.map(
    (row, index): ReachRow => ({
      id: `p${index}`,
      units: { district: row.district, school: row.school },
      groups: row.groups,
      engagements: row.engagements,
      ...(row.eligible ? {} : { eligible: false }),
    }),
  ),
);
const throughJson = (state: ReachState): ReachState =>
  parseReachState(JSON.parse(JSON.stringify(serializeReachState(state))));

describe('properties', () => {
  it('serialize → JSON → parse → finalize equals finalize of the original', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.boolean(), (roster, columnar) => {
        const state = acc.init();
        if (columnar) acc.addColumns(state, toColumns(roster, options));
        else for (const row of roster) acc.add(state, row);
        expect(acc.finalize(throughJson(state))).toEqual(acc.finalize(state));
      }),
    );
  });

  it('shards stored as JSON and merged still equal one pass', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.integer({ min: 1, max: 4 }), (roster, k) => {
        const shards = Array.from({ length: k }, () => acc.init());
        for (const row of roster) acc.add(shards[shardOf(row.id, k)] as ReachState, row);
        const merged = shards.map(throughJson).reduce((a, b) => acc.merge(a, b), acc.init());
        expect(acc.finalize(merged)).toEqual(summarizeReach(roster, options));
      }),
    );
  });
});
