import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riverbendTripTicket } from '../../examples/sampleDistrict.js';
import {
  FocalGroup,
  isScalingNavigatorError,
  Measure,
  MeasureDefinition,
  parseTripTicket,
  ReachTarget,
  ScaleTargets,
  ScalingNavigatorError,
  STRATEGY_IDS,
  safeParseTripTicket,
  TripTicket,
} from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

const hqpbl = {
  population: { unit: 'students', size: 29_284, description: 'Manchester SD and Pearl City-Waipahu Complex Area' },
  minEngagements: 2,
  overall: 0.8,
  focal: 0.8,
  focalRule: 'union',
  focalGroups: ['poverty', 'el', 'swd'],
  period: { start: '2021-08-01', end: '2022-07-31' },
} as const;

describe('schema round trips: parse → JSON → parse is a fixed point', () => {
  it.each([
    ['FocalGroup', FocalGroup, { id: 'el', label: 'English learners', definition: 'EL in the fall census' }],
    ['ReachTarget (004 HQPBL)', ReachTarget, hqpbl],
    ['ScaleTargets', ScaleTargets, { depth: 0.7, ownership: 0.5 }],
    [
      'MeasureDefinition',
      MeasureDefinition,
      { id: 'w', strategy: 'proof-point', scale: { min: 0, max: 5 }, instrument: 'log' },
    ],
    [
      'Measure',
      Measure,
      { id: 'w', dimension: 'depth', value: 2, scale: { min: 0, max: 5 }, collectedOn: '2026-02-01' },
    ],
    ['TripTicket (sample district)', TripTicket, riverbendTripTicket],
  ] as const)('%s', (_name, schema, input) => {
    const before = structuredClone(input);
    const parsed = (schema as typeof FocalGroup).parse(input);
    expect(input).toEqual(before); // not mutated
    const again = (schema as typeof FocalGroup).parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
  });

  it('applies documented defaults', () => {
    expect(ReachTarget.parse({ ...hqpbl, minEngagements: undefined }).minEngagements).toBe(1);
    expect(Measure.parse({ id: 'a', dimension: 'depth', value: 1, scale: { min: 0, max: 1 } })).toMatchObject({
      direction: 'higherIsBetter',
      weight: 1,
    });
    const ticket = parseTripTicket(riverbendTripTicket);
    expect(ticket.route).toEqual(['proof-point', 'local-champions', 'network-of-users', 'educate-policymakers']);
  });

  it('any valid measure survives a JSON round trip (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          min: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          span: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          strategy: fc.constantFrom(...STRATEGY_IDS),
        }),
        ({ min: rawMin, span, at, strategy }) => {
          const min = rawMin + 0; // JSON has no -0
          const max = min + span;
          const measure = Measure.parse({
            id: 'm',
            strategy,
            value: Math.min(max, min + at * span),
            scale: { min, max },
          });
          expect(Measure.parse(JSON.parse(JSON.stringify(measure)))).toEqual(measure);
        },
      ),
    );
  });
});

describe('parseTripTicket: cross-field rules and error paths', () => {
  const base = structuredClone(riverbendTripTicket);
  const withChange = (change: (ticket: Record<string, unknown> & typeof base) => void) => {
    const ticket = structuredClone(base) as Record<string, unknown> & typeof base;
    change(ticket);
    return ticket;
  };

  it.each([
    ['a route strategy outside the typology', (t) => (t.route = ['proof-point', 'teleport' as never]), ['route', 1]],
    ['a strategy twice in the route', (t) => (t.route = ['proof-point', 'proof-point']), ['route', 1]],
    [
      'duplicate focal group ids',
      (t) => t.focalGroups.push({ id: 'el', label: 'again', definition: '' }),
      ['focalGroups', 3, 'id'],
    ],
    [
      'a reach target naming an unknown focal group',
      (t) => ((t.destination.reach?.[0] as { focalGroups?: string[] }).focalGroups = ['el', 'homeless']),
      ['destination', 'reach', 0, 'focalGroups', 1],
    ],
    [
      'a dimension target above 1',
      (t) => (t.destination.dimensions = { depth: 70 }),
      ['destination', 'dimensions', 'depth'],
    ],
    [
      'an unknown dimension in the destination',
      (t) => (t.destination.dimensions = { reach: 0.8 } as never),
      ['destination', 'dimensions', 'reach'],
    ],
    ['pit stops out of date order', (t) => t.pitStops?.reverse(), ['pitStops', 1, 'date']],
    ['a pit stop after arriveBy', (t) => (t.arriveBy = '2026-12-31'), ['pitStops', 2, 'date']],
    ['a non-ISO date', (t) => (t.arriveBy = '06/30/2027'), ['arriveBy']],
    ['an impossible date', (t) => (t.arriveBy = '2027-02-29'), ['arriveBy']],
    [
      'an unknown equity configuration',
      (t) => (t.equityConfigurations = ['all-of-the-above' as never]),
      ['equityConfigurations', 0],
    ],
    [
      'duplicate arrival measure ids',
      (t) => t.arrival.measures?.push({ id: 'walkthrough-depth', dimension: 'depth', scale: { min: 0, max: 1 } }),
      ['arrival', 'measures', 2, 'id'],
    ],
    ['a missing title', (t) => delete (t as Record<string, unknown>).title, ['title']],
    ['a typo in a key', (t) => ((t as Record<string, unknown>).arriveby = '2027-06-30'), ['arriveby']],
  ] as [string, (ticket: typeof base) => void, (string | number)[]][])(
    '%s → INVALID_INPUT at the path',
    (_label, change, path) => {
      const ticket = withChange(change as never);
      expectError(() => parseTripTicket(ticket), 'INVALID_INPUT', path);
      const safe = safeParseTripTicket(ticket);
      expect(safe.success).toBe(false);
      if (!safe.success) expect(safe.error.path).toEqual(path);
    },
  );

  it('accepts the sample district and never mutates its input', () => {
    const input = structuredClone(riverbendTripTicket);
    const frozen = Object.freeze(input);
    expect(safeParseTripTicket(frozen).success).toBe(true);
    expect(frozen).toEqual(riverbendTripTicket);
  });

  it('throws only ScalingNavigatorError for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = safeParseTripTicket(value);
        if (!result.success) expect(isScalingNavigatorError(result.error)).toBe(true);
      }),
    );
  });
});

describe('ScalingNavigatorError', () => {
  it('carries name, code, a frozen path and a message that names the path', () => {
    const error = new ScalingNavigatorError(
      'INVALID_INPUT',
      ['measures', 3, 'scale', 'max'],
      'scale.min must be below scale.max',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScalingNavigatorError');
    expect(error.message).toBe('measures[3].scale.max: scale.min must be below scale.max');
    expect(Object.isFrozen(error.path)).toBe(true);
    expect(new ScalingNavigatorError('INVALID_INPUT', [], 'nothing to go on').message).toBe('nothing to go on');
  });

  it('isScalingNavigatorError checks name and a known code, not the class', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'ScalingNavigatorError', code: 'INVALID_INPUT', path: [] });
    expect(isScalingNavigatorError(lookalike)).toBe(true);
    expect(isScalingNavigatorError({ name: 'ScalingNavigatorError', code: 'SOMETHING_ELSE', path: [] })).toBe(false);
    expect(isScalingNavigatorError({ name: 'ScalingNavigatorError', code: 'INVALID_INPUT' })).toBe(false);
    expect(isScalingNavigatorError(null)).toBe(false);
    expect(isScalingNavigatorError('ScalingNavigatorError')).toBe(false);
  });
});

describe('catalogs are shared and cannot be changed by a host', () => {
  it('every exported catalog is deeply frozen', async () => {
    const framework = await import('../../src/framework/index.js');
    const catalogs = Object.entries(framework).filter(
      ([name, value]) => /^[A-Z][A-Z0-9_]+$/.test(name) && Array.isArray(value),
    );
    expect(catalogs.length).toBeGreaterThanOrEqual(20);
    const isDeepFrozen = (value: unknown): boolean =>
      typeof value !== 'object' ||
      value === null ||
      (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));
    for (const [name, value] of catalogs) expect(isDeepFrozen(value), name).toBe(true);
    const strategy = framework.getStrategy('proof-point') as { label: string };
    expect(() => {
      strategy.label = 'changed';
    }).toThrow(TypeError);
  });
});
