/** reviewStrategySet: an overdue step with no lead, and more than one strategy added after asOf. */
import { describe, expect, it } from 'vitest';
import { reviewStrategySet, type StrategySetEntryInput } from '../../src/strategies/index.js';

const focalGroups = [{ id: 'el', label: 'English learners', definition: 'EL in the fall census' }];
const entry = (
  strategyId: string,
  addedOn: string,
  steps: StrategySetEntryInput['steps'] = [],
): StrategySetEntryInput =>
  ({
    strategyId,
    theoryOfAction: {
      steps: ['recruit-and-engage-stakeholders', 'co-creation-mindset', 'Co-design project templates with teachers'],
      expectedChange: 'Teachers in every school use the co-designed project templates',
      conditions: 'Design sessions in paid summer time',
      forWhom: ['el'],
    },
    steps,
    addedOn,
  }) as StrategySetEntryInput;
const options = { asOf: '2025-11-01', focalGroups };

describe('reviewStrategySet: branches', () => {
  it('an overdue step without a lead is flagged twice, its evidence naming no lead', () => {
    const review = reviewStrategySet(
      { entries: [entry('co-design', '2025-09-01', [{ what: 'Run the design day', when: '2025-10-01' }])] },
      options,
    );
    const steps = review.warnings.filter((warning) => warning.step !== null);
    expect(steps.map((warning) => warning.rule)).toEqual(['strategies/step-without-lead', 'strategies/step-overdue']);
    expect(steps[1]?.evidence).toEqual({ what: 'Run the design day', when: '2025-10-01', daysLate: 31, lead: null });
  });

  it('two strategies added after asOf are left out, with one note in the plural', () => {
    const review = reviewStrategySet(
      {
        entries: [
          entry('co-design', '2025-09-01'),
          entry('proof-point', '2025-11-02'),
          entry('shape-policy', '2025-12-01'),
        ],
      },
      options,
    );
    expect(review.strategies.map((strategy) => strategy.id)).toEqual(['co-design']);
    const added = review.notes.filter((note) => note.code === 'ADDED_AFTER_AS_OF');
    expect(added).toEqual([
      {
        code: 'ADDED_AFTER_AS_OF',
        message: '2 strategies were added after 2025-11-01 and are left out',
        field: 'strategies',
      },
    ]);
  });
});
