/** pdsaSeries names every plan field that changed from the previous cycle (changedFromPrevious). */
import { describe, expect, it } from 'vitest';
import { type PdsaCycleInput, pdsaSeries } from '../../src/learning/index.js';

type Plan = PdsaCycleInput['plan'];

function cycle(
  id: string,
  date: string,
  plan: Partial<Plan> = {},
  design: 'before-after' | 'comparison' = 'before-after',
): PdsaCycleInput {
  const [reference, tested] =
    design === 'before-after' ? (['before', 'after'] as const) : (['comparison', 'treatment'] as const);
  const unit = (side: string, i: number) => (design === 'before-after' ? `r${i}` : `${side}${i}`);
  return {
    id,
    plan: {
      change: 'Two visits to a demonstration classroom',
      strategyId: 'proof-point',
      measure: 'Ratio of minutes',
      prediction: { direction: 'decrease', amount: 1 },
      instrument: 'Classroom observation protocol',
      sample: { unit: 'classroom', size: 4 },
      ...plan,
    },
    do: {
      design,
      observations: [
        ...[3, 3.2, 2.8, 3.1].map((value, i) => ({ unit: unit('c', i), group: reference, date, value })),
        ...[2, 2.1, 1.9, 2.2].map((value, i) => ({ unit: unit('t', i), group: tested, date, value })),
      ],
    },
  };
}

describe('pdsaSeries: changedFromPrevious', () => {
  it('names each changed field, in the order of the plan, and nothing for an unchanged cycle', () => {
    const series = pdsaSeries([
      cycle('c0', '2025-01-10'),
      cycle('c1', '2025-02-10'),
      cycle('c2', '2025-03-10', { measure: 'Share of student talk' }),
      cycle('c3', '2025-04-10', { measure: 'Share of student talk', instrument: 'Video coding' }),
      cycle('c4', '2025-05-10', {
        measure: 'Share of student talk',
        instrument: 'Video coding',
        sample: { unit: 'teacher', size: 4 },
      }),
      cycle(
        'c5',
        '2025-06-10',
        { measure: 'Share of student talk', instrument: 'Video coding', sample: { unit: 'teacher', size: 4 } },
        'comparison',
      ),
      cycle('c6', '2025-07-10', {
        change: 'Three visits',
        prediction: { direction: 'decrease', amount: 2 },
        sample: { unit: 'classroom', size: 5 },
      }),
    ]);
    expect(series.cycles.map((entry) => entry.changedFromPrevious)).toEqual([
      [],
      [],
      ['measure'],
      ['instrument'],
      ['sample-unit'],
      ['design'],
      ['change', 'measure', 'instrument', 'prediction', 'sample-unit', 'sample-size', 'design'],
    ]);
  });
});
