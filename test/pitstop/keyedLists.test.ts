/**
 * The pit stop's keyed lists name each entry once, and its two factor reviews come in time order:
 * a repeated partner or a second evidence entry for one strategy would otherwise be read as one of
 * them, the other silently dropped. Every error carries the argument's path.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluatePitStop,
  evaluatePortfolio,
  type PitStopInput,
  parsePitStopInput,
  safeParsePitStopInput,
} from '../../src/pitstop/index.js';
import { expectError } from '../_support/expectError.js';
import { healthyInput, review } from './_support.js';

// biome-ignore lint/suspicious/noExplicitAny: inputs are edited freely to repeat an entry
type Loose = Record<string, any>;
const edited = (edit: (input: Loose) => void): PitStopInput => {
  const input = healthyInput() as Loose;
  edit(input);
  return input as PitStopInput;
};

const CASES: readonly {
  readonly name: string;
  readonly edit: (input: Loose) => void;
  readonly at: (string | number)[];
}[] = [
  {
    name: 'a team member',
    edit: (input) => (input.team = [...input.team, { ...input.team[0] }]),
    at: ['team', 3, 'id'],
  },
  {
    name: 'a decision',
    edit: (input) => (input.decisions = [...input.decisions, { ...input.decisions[0] }]),
    at: ['decisions', 1, 'id'],
  },
  {
    name: 'a projected arrival of one target',
    edit: (input) => {
      const arrival = { target: 'reach:0', date: '2027-05-01', metByArriveBy: true, interval: null };
      input.projectedArrivals = [arrival, { ...arrival, date: '2027-09-01', metByArriveBy: false }];
    },
    at: ['projectedArrivals', 1, 'target'],
  },
  {
    name: 'a partner',
    edit: (input) => (input.partners = [...input.partners, { ...input.partners[0], judgements: [] }]),
    at: ['partners', (healthyInput().partners ?? []).length, 'partnerId'],
  },
  {
    name: 'the evidence for one strategy',
    edit: (input) =>
      (input.strategyEvidence = [...input.strategyEvidence, { ...input.strategyEvidence[0], effects: [] }]),
    at: ['strategyEvidence', (healthyInput().strategyEvidence ?? []).length, 'strategyId'],
  },
  {
    name: 'a one-time support',
    edit: (input) => {
      const support = { id: 'esser', kind: 'funds', amount: 1000, endsOn: '2026-09-30', carriedBy: null };
      input.resources = { ...input.resources, oneTimeSupports: [support, { ...support }] };
    },
    at: ['resources', 'oneTimeSupports', 1, 'id'],
  },
  {
    name: 'a person',
    edit: (input) =>
      (input.resources = {
        ...input.resources,
        people: [...input.resources.people, { id: 'coach', hoursAvailable: 10 }],
      }),
    at: ['resources', 'people', 1, 'id'],
  },
];

describe('keyed lists of the pit stop', () => {
  it('accept the healthy input, whose lists name each entry once', () => {
    expect(safeParsePitStopInput(healthyInput()).success).toBe(true);
  });

  for (const { name, edit, at } of CASES) {
    it(`refuse ${name} listed twice, at the repeat (parse, evaluatePitStop, evaluatePortfolio)`, () => {
      const repeated = edited(edit);
      expectError(() => parsePitStopInput(repeated), 'INVALID_INPUT', at);
      expectError(() => evaluatePitStop(repeated), 'INVALID_INPUT', ['input', ...at]);
      expectError(
        () =>
          evaluatePortfolio([
            { id: 'north', pitStop: healthyInput() },
            { id: 'south', pitStop: repeated },
          ]),
        'INVALID_INPUT',
        ['districts', 1, 'pitStop', ...at],
      );
      const result = safeParsePitStopInput(JSON.parse(JSON.stringify(repeated)));
      expect(result.success ? null : result.error.message).toMatch(/listed twice/);
    });
  }
});

describe('decisions', () => {
  it('name people of the team or partners, when the team is given', () => {
    const unknown = edited((input) => {
      input.decisions = [{ id: 'route', on: '2026-01-20', decidedBy: ['coach', 'nobody'] }];
    });
    expectError(() => evaluatePitStop(unknown), 'INVALID_INPUT', ['input', 'decisions', 0, 'decidedBy', 1]);
    // A partner id counts as a person (partners have roles too).
    const byPartner = edited((input) => {
      input.decisions = [{ id: 'route', on: '2026-01-20', decidedBy: [input.partners[0].partnerId] }];
    });
    expect(safeParsePitStopInput(byPartner).success).toBe(true);
    // Without a team there is no one to check against: the question is undetermined instead.
    const noTeam = edited((input) => {
      input.team = undefined;
      input.decisions = [{ id: 'route', on: '2026-01-20', decidedBy: ['nobody'] }];
    });
    expect(evaluatePitStop(noTeam).leftBehind.missing).toContain('team');
  });

  it('are not dated after the pit stop', () => {
    const later = edited((input) => {
      input.decisions = [{ id: 'route', on: '2026-02-02', decidedBy: ['coach'] }];
    });
    expectError(() => evaluatePitStop(later), 'INVALID_INPUT', ['input', 'decisions', 0, 'on']);
    const sameDay = edited((input) => {
      input.decisions = [{ id: 'route', on: input.asOf, decidedBy: ['coach'] }];
    });
    expect(safeParsePitStopInput(sameDay).success).toBe(true);
  });
});

describe('the two factor reviews', () => {
  const current = review('2026-01-25', -2);
  const previous = review('2025-10-01', 2);

  it('are read in time order: leadership, a roadblock since the previous review, asks both strategies to change', () => {
    const report = evaluatePitStop({ ...healthyInput(), factorReview: current, previousFactorReview: previous });
    expect(report.strategies.map((entry) => [entry.id, entry.decision.action])).toEqual([
      ['proof-point', 'revise'],
      ['local-champions', 'revise'],
    ]);
    for (const entry of report.strategies) {
      expect(entry.decision.reasons).toEqual([
        expect.objectContaining({
          rule: 'pitstop/conditions-changed',
          evidence: { strategy: entry.id, factor: 'leadership', since: '2025-10-01', reviewedOn: '2026-01-25' },
        }),
      ]);
    }
  });

  it('refuse a current review dated before the previous one, at the current review, with the argument path', () => {
    const swapped = { ...healthyInput(), factorReview: previous, previousFactorReview: current };
    expectError(() => evaluatePitStop(swapped), 'INVALID_INPUT', ['input', 'factorReview', 'reviewedOn']);
    expectError(() => evaluatePortfolio([{ id: 'north', pitStop: swapped }]), 'INVALID_INPUT', [
      'districts',
      0,
      'pitStop',
      'factorReview',
      'reviewedOn',
    ]);
    // Stored as JSON, the same.
    expectError(() => parsePitStopInput(JSON.parse(JSON.stringify(swapped))), 'INVALID_INPUT', [
      'factorReview',
      'reviewedOn',
    ]);
  });
});
