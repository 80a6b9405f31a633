import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import {
  anhoejLimits,
  decidePdsa,
  definePdsaPolicy,
  defineRunChartPolicy,
  type PdsaCycleInput,
  parsePdsaCycle,
  pdsaSeries,
  runChart,
  studyPdsa,
} from '../../src/learning/index.js';
import { expectError } from '../_support/expectError.js';

const series = [3, 5, 4, 6, 5, 7, 6, 8];

describe('runChart: bad input → INVALID_INPUT with the path to the value', () => {
  it.each([
    ['NaN in values', () => runChart([1, Number.NaN, 3]), ['values', 1]],
    ['NaN in a Float64Array', () => runChart(Float64Array.of(1, 2, Number.NaN)), ['values', 2]],
    ['Infinity in values', () => runChart([1, 2, Number.POSITIVE_INFINITY]), ['values', 2]],
    [
      '-Infinity even with omit',
      () => runChart(Float64Array.of(1, Number.NEGATIVE_INFINITY), { nanPolicy: 'omit' }),
      ['values', 1],
    ],
    ['a string in values', () => runChart([1, '2' as never, 3]), ['values', 1]],
    ['values not an array', () => runChart('1,2,3' as never), ['values']],
    ['a dated value after numbers', () => runChart([1, { date: '2025-01-01', value: 2 }] as never), ['values', 1]],
    ['a number after dated values', () => runChart([{ date: '2025-01-01', value: 2 }, 3] as never), ['values', 1]],
    [
      'NaN in a dated value',
      () =>
        runChart([
          { date: '2025-01-01', value: 2 },
          { date: '2025-01-02', value: Number.NaN },
        ]),
      ['values', 1, 'value'],
    ],
    ['a date that is not ISO', () => runChart([{ date: '2025-02-30', value: 2 }]), ['values', 0, 'date']],
    [
      'dates out of order',
      () =>
        runChart([
          { date: '2025-01-01', value: 2 },
          { date: '2025-01-08', value: 3 },
          { date: '2025-01-05', value: 4 },
        ]),
      ['values', 2, 'date'],
    ],
    [
      'a repeated date',
      () =>
        runChart([
          { date: '2025-01-01', value: 2 },
          { date: '2025-01-01', value: 3 },
        ]),
      ['values', 1, 'date'],
    ],
    ['freeze longer than the series', () => runChart(series, { freeze: 9 }), ['options', 'freeze']],
    ['freeze of 0', () => runChart(series, { freeze: 0 }), ['options', 'freeze']],
    ['freeze not whole', () => runChart(series, { freeze: 2.5 }), ['options', 'freeze']],
    ['freeze longer than a phase', () => runChart(series, { part: [6], freeze: 3 }), ['options', 'freeze']],
    ['freeze per phase: wrong count', () => runChart(series, { part: [4], freeze: [2] }), ['options', 'freeze']],
    ['freeze per phase: too long', () => runChart(series, { part: [4], freeze: [2, 5] }), ['options', 'freeze', 1]],
    ['overlapping phases', () => runChart(series, { part: [5, 3] }), ['options', 'part', 1]],
    ['a repeated phase boundary', () => runChart(series, { part: [3, 3] }), ['options', 'part', 1]],
    ['a phase boundary at 0', () => runChart(series, { part: [0] }), ['options', 'part', 0]],
    ['a phase boundary past the end', () => runChart(series, { part: [8] }), ['options', 'part', 0]],
    ['part not an array', () => runChart(series, { part: 4 as never }), ['options', 'part']],
    ['exclude out of range', () => runChart(series, { exclude: [8] }), ['options', 'exclude', 0]],
    ['exclude negative', () => runChart(series, { exclude: [-1] }), ['options', 'exclude', 0]],
    ['exclude repeated', () => runChart(series, { exclude: [2, 2] }), ['options', 'exclude', 1]],
    ['unknown rule set', () => runChart(series, { rules: 'nelson' as never }), ['options', 'rules']],
    ['unknown nanPolicy', () => runChart(series, { nanPolicy: 'skip' as never }), ['options', 'nanPolicy']],
    ['options not an object', () => runChart(series, 3 as never), ['options']],
    ['astronomical without lines', () => runChart(series, { astronomical: {} }), ['options', 'astronomical']],
    [
      'astronomical lines crossed',
      () => runChart(series, { astronomical: { above: 1, below: 2 } }),
      ['options', 'astronomical', 'below'],
    ],
    [
      'astronomical unknown key',
      () => runChart(series, { astronomical: { above: 1, sigma: 3 } as never }),
      ['options', 'astronomical', 'sigma'],
    ],
    [
      'astronomical NaN',
      () => runChart(series, { astronomical: { above: Number.NaN } }),
      ['options', 'astronomical', 'above'],
    ],
    [
      'policy shift length 1',
      () => runChart(series, { policy: { shiftLength: 1 } }),
      ['options', 'policy', 'shiftLength'],
    ],
    ['policy unknown key', () => runChart(series, { policy: { sigma: 3 } as never }), ['options', 'policy', 'sigma']],
    [
      'runs table min above max',
      () => runChart(series, { policy: { runsTable: [{ nUseful: 16, min: 13, max: 12 }] } }),
      ['options', 'policy', 'runsTable', 0, 'min'],
    ],
    [
      'runs table max above n',
      () => runChart(series, { policy: { runsTable: [{ nUseful: 16, min: 5, max: 17 }] } }),
      ['options', 'policy', 'runsTable', 0, 'max'],
    ],
    [
      'runs table duplicate row',
      () =>
        runChart(series, {
          policy: {
            runsTable: [
              { nUseful: 16, min: 5, max: 12 },
              { nUseful: 16, min: 4, max: 13 },
            ],
          },
        }),
      ['options', 'policy', 'runsTable', 1, 'nUseful'],
    ],
  ] as const)('%s', (_name, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('policies and limits validate on their own', () => {
    expectError(() => defineRunChartPolicy({ trendLength: 2 }), 'INVALID_INPUT', ['policy', 'trendLength']);
    expectError(() => anhoejLimits(-1), 'INVALID_INPUT', ['nUseful']);
    expectError(() => anhoejLimits(Number.NaN), 'INVALID_INPUT', ['nUseful']);
  });

  it('never throws anything but a ScalingNavigatorError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (values, options) => {
        try {
          runChart(values as never, options as never);
        } catch (error) {
          expect(isScalingNavigatorError(error)).toBe(true);
        }
      }),
    );
  });
});

const valid = (): PdsaCycleInput => ({
  id: 'demo-classroom-1',
  plan: {
    change: 'Two visits to a demonstration classroom',
    strategyId: 'proof-point',
    measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
    prediction: { direction: 'decrease', amount: 1 },
    instrument: 'Classroom observation protocol',
    sample: { unit: 'classroom', size: 2 },
    plannedOn: '2025-09-01',
  },
  do: {
    design: 'before-after',
    observations: [
      { unit: 'room-1', group: 'before', date: '2025-09-10', value: 3.2 },
      { unit: 'room-2', group: 'before', date: '2025-09-10', value: 2.8 },
      { unit: 'room-1', group: 'after', date: '2025-10-15', value: 2.1 },
      { unit: 'room-2', group: 'after', date: '2025-10-15', value: 1.9 },
    ],
  },
});

const withObservation = (index: number, change: Record<string, unknown>): PdsaCycleInput => {
  const cycle = valid();
  const observations = cycle.do.observations.map((entry, i) => (i === index ? { ...entry, ...change } : entry));
  return { ...cycle, do: { ...cycle.do, observations } as never };
};

describe('PDSA: bad input → INVALID_INPUT with the path to the value', () => {
  it.each([
    [
      'NaN observation',
      () => studyPdsa(withObservation(3, { value: Number.NaN })),
      ['cycle', 'do', 'observations', 3, 'value'],
    ],
    [
      'Infinity observation',
      () => decidePdsa(withObservation(0, { value: Number.POSITIVE_INFINITY })),
      ['cycle', 'do', 'observations', 0, 'value'],
    ],
    [
      'an observation date that is not ISO',
      () => studyPdsa(withObservation(1, { date: '10/09/2025' })),
      ['cycle', 'do', 'observations', 1, 'date'],
    ],
    [
      'dates out of order within a unit',
      () => studyPdsa(withObservation(2, { date: '2025-09-01' })),
      ['cycle', 'do', 'observations', 2, 'date'],
    ],
    [
      'a group that does not fit the design',
      () => studyPdsa(withObservation(2, { group: 'treatment' })),
      ['cycle', 'do', 'observations', 2, 'group'],
    ],
    [
      'a unit in both groups of a comparison',
      () => {
        const cycle = valid();
        return studyPdsa({
          ...cycle,
          do: {
            design: 'comparison',
            observations: [
              { unit: 'room-1', group: 'comparison', date: '2025-10-15', value: 3 },
              { unit: 'room-1', group: 'treatment', date: '2025-10-15', value: 2 },
            ],
          },
        });
      },
      ['cycle', 'do', 'observations', 1, 'unit'],
    ],
    [
      'planned after the first observation',
      () => studyPdsa({ ...valid(), plan: { ...valid().plan, plannedOn: '2025-09-20' } }),
      ['cycle', 'plan', 'plannedOn'],
    ],
    [
      'decided before the last observation',
      () => studyPdsa({ ...valid(), act: { decision: 'expand', decidedOn: '2025-10-01' } }),
      ['cycle', 'act', 'decidedOn'],
    ],
    [
      'a strategy outside the typology',
      () => decidePdsa({ ...valid(), plan: { ...valid().plan, strategyId: 'pilot' as never } }),
      ['cycle', 'plan', 'strategyId'],
    ],
    [
      'a predicted change of 0',
      () => decidePdsa({ ...valid(), plan: { ...valid().plan, prediction: { direction: 'increase', amount: 0 } } }),
      ['cycle', 'plan', 'prediction', 'amount'],
    ],
    [
      'an unknown direction',
      () => decidePdsa({ ...valid(), plan: { ...valid().plan, prediction: { direction: 'up' as never, amount: 1 } } }),
      ['cycle', 'plan', 'prediction', 'direction'],
    ],
    [
      'a sample that is not whole',
      () => decidePdsa({ ...valid(), plan: { ...valid().plan, sample: { unit: 'classroom', size: 2.5 } } }),
      ['cycle', 'plan', 'sample', 'size'],
    ],
    [
      'an unknown key',
      () => parsePdsaCycle({ ...valid(), plan: { ...valid().plan, owner: 'Ms. Diaz' } }),
      ['cycle', 'plan', 'owner'],
    ],
    [
      'an unknown influential factor',
      () => parsePdsaCycle({ ...valid(), study: { factors: ['weather' as never] } }),
      ['cycle', 'study', 'factors', 0],
    ],
    ['not an object', () => decidePdsa(null as never), ['cycle']],
    [
      'policy: movedAt above heldAt',
      () => decidePdsa(valid(), { policy: { movedAt: 0.9, heldAt: 0.5 } }),
      ['options', 'policy', 'movedAt'],
    ],
    ['policy: heldAt below default movedAt', () => definePdsaPolicy({ heldAt: 0.2 }), ['policy', 'heldAt']],
    [
      'policy: confidence level 1',
      () => studyPdsa(valid(), { policy: { confidenceLevel: 1 } }),
      ['options', 'policy', 'confidenceLevel'],
    ],
    ['policy: unknown key', () => definePdsaPolicy({ alpha: 0.05 } as never), ['policy', 'alpha']],
    ['policy: minUnits 0', () => definePdsaPolicy({ minUnits: 0 }), ['policy', 'minUnits']],
    ['policy: tolerance above movedAt', () => definePdsaPolicy({ tolerance: 0.3 }), ['policy', 'tolerance']],
    ['policy: negative tolerance', () => definePdsaPolicy({ tolerance: -1 }), ['policy', 'tolerance']],
    ['options: not an object', () => decidePdsa(valid(), 'strict' as never), ['options']],
  ] as const)('%s', (_name, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('pdsaSeries validates every cycle, ids, the strategy and the order', () => {
    const second = (change: Partial<PdsaCycleInput>) => ({ ...valid(), id: 'second', ...change });
    expectError(() => pdsaSeries('cycles' as never), 'INVALID_INPUT', ['cycles']);
    expectError(() => pdsaSeries([valid(), valid()]), 'INVALID_INPUT', ['cycles', 1, 'id']);
    expectError(() => pdsaSeries([valid(), withObservation(0, { value: Number.NaN })]), 'INVALID_INPUT', [
      'cycles',
      1,
      'do',
      'observations',
      0,
      'value',
    ]);
    expectError(
      () => pdsaSeries([valid(), second({ plan: { ...valid().plan, strategyId: 'local-champions' } })]),
      'INVALID_INPUT',
      ['cycles', 1, 'plan', 'strategyId'],
    );
    expectError(
      () => pdsaSeries([valid(), second({ plan: { ...valid().plan, plannedOn: '2025-08-01' } })]),
      'INVALID_INPUT',
      ['cycles', 1],
    );
    expectError(() => pdsaSeries([valid()], { policy: { heldAt: -1 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'heldAt',
    ]);
  });

  it('never throws anything but a ScalingNavigatorError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (cycle, options) => {
        for (const run of [
          () => decidePdsa(cycle as never, options as never),
          () => pdsaSeries([cycle] as never, options as never),
        ]) {
          try {
            run();
          } catch (error) {
            expect(isScalingNavigatorError(error)).toBe(true);
          }
        }
      }),
    );
  });
});
