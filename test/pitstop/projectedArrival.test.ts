/** projectedArrivalsFromReach: a reach-over-time arrival as the pit stop's projected arrival. */
import { describe, expect, it } from 'vitest';
import type { TripTicketInput } from '../../src/framework/index.js';
import { evaluatePitStop, type PitStopInput, projectedArrivalsFromReach } from '../../src/pitstop/index.js';
import { type ReachArrival, type ReachOverTimeReport, reachOverTime } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { healthyInput, reachOf, ticket } from './_support.js';

type Check = ReachOverTimeReport['arrival'] extends infer A
  ? A extends { checks: readonly (infer C)[] }
    ? C
    : never
  : never;

/** A check as reachOverTime writes one (the pace numbers do not enter the mapping). */
const check = (population: string, focalGroups: string[], fields: Partial<Check>): Check => ({
  population,
  focalGroups,
  share: 0.8,
  n: 100,
  reached: 50,
  needed: 80,
  remaining: 30,
  paceDays: 28,
  paceEvents: 14,
  perDay: 0.5,
  perDayLower: 0.27,
  perDayUpper: 0.84,
  projectedOn: null,
  earliestOn: null,
  latestOn: null,
  status: 'no-pace',
  ...fields,
});

/** A hand-made (stored) report for the ticket's 80/80 target (focal rule `each`), deadline 2027-06-30. */
const handMade = (checks: Check[], extra: Partial<ReachOverTimeReport> = {}): ReachOverTimeReport => ({
  schemaVersion: 1 as const,
  period: { start: '2026-08-01', end: '2027-07-31' },
  asOf: '2026-11-30',
  lastDay: '2026-11-30',
  minEngagements: 2,
  every: 7,
  confidenceLevel: 0.95,
  rows: 300,
  excluded: 0,
  populations: [],
  comparisons: [],
  notes: [],
  arrival: { basis: 'pace-scenario' as const, window: 28, deadline: '2027-06-30', focalRule: 'each' as const, checks },
  ...extra,
});

const onPace = check('everyone', [], {
  status: 'on-pace',
  projectedOn: '2027-03-01',
  earliestOn: '2027-01-10',
  latestOn: '2027-05-01',
});
const elLate = check('el', ['el'], {
  status: 'not-at-this-pace',
  projectedOn: '2027-08-15',
  earliestOn: '2027-04-02',
  latestOn: null,
});
const povertyMet = check('poverty', ['poverty'], { reached: 85, remaining: 0, status: 'met' });

/** A pit stop where the reach target is measured and not met yet (60% of 80%): the projection decides. */
const shortOfTarget = (projectedArrivals: PitStopInput['projectedArrivals'], tripTicket: TripTicketInput = ticket) => {
  const input = healthyInput();
  return evaluatePitStop({
    ...input,
    tripTicket,
    reach: reachOf({ poverty: 0.6, el: 0.6, other: 0.6 }),
    ...(projectedArrivals === undefined ? {} : { projectedArrivals }),
  });
};
const reachReasons = (report: ReturnType<typeof evaluatePitStop>) =>
  report.onCourse.decision.reasons
    .filter((reason) => reason.evidence.target === 'reach:0')
    .map((reason) => reason.rule);

describe('projectedArrivalsFromReach', () => {
  it('hand-computed: every check must arrive; the date and interval are the latest of theirs', () => {
    // Everyone on pace for 2027-03-01, English learners not until 2027-08-15 (after 2027-06-30),
    // students in poverty met already (on the last day analysed, 2026-11-30).
    const [arrival] = projectedArrivalsFromReach(handMade([onPace, povertyMet, elLate]), { tripTicket: ticket });
    expect(arrival).toEqual({
      target: 'reach:0',
      date: '2027-08-15',
      metByArriveBy: false,
      // max(2027-01-10, 2026-11-30, 2027-04-02); the English learners' lower rate is 0: open.
      interval: ['2027-04-02', null],
    });
    const report = shortOfTarget([arrival as never]);
    expect(report.onCourse.decision.action).toBe('off-course');
    expect(reachReasons(report)).toEqual(['pitstop/projected-late']);

    // Without the late group: on time, on 2027-03-01.
    const onTime = projectedArrivalsFromReach(handMade([onPace, povertyMet]), { tripTicket: ticket });
    expect(onTime).toEqual([
      { target: 'reach:0', date: '2027-03-01', metByArriveBy: true, interval: ['2027-01-10', '2027-05-01'] },
    ]);
    expect(reachReasons(shortOfTarget(onTime))).toEqual(['pitstop/projected-on-time']);
    // A ticket arriving earlier than the projection's deadline is the deadline: 2027-03-01 > 2027-02-28.
    const early = { ...ticket, arriveBy: '2027-02-28', pitStops: [] };
    expect(projectedArrivalsFromReach(handMade([onPace]), { tripTicket: early })[0]?.metByArriveBy).toBe(false);
    // No pace (nobody reached in the window): never at this pace.
    expect(projectedArrivalsFromReach(handMade([onPace, check('el', ['el'], {})]))[0]).toEqual({
      target: 'reach:0',
      date: null,
      metByArriveBy: false,
      interval: [null, null],
    });
  });

  it('a real reachOverTime report: 6 students remain at 10 per 28 days → ⌈6 ÷ (10/28)⌉ = ⌈16.8⌉ = 17 days after 2026-09-30', () => {
    const roster = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      units: {},
      groups: i < 10 ? ['el'] : [],
      engagedOn: i % 2 === 0 ? [`2026-09-${String(10 + i).padStart(2, '0')}`] : [],
    }));
    const target = {
      population: { unit: 'students' as const },
      overall: 0.8,
      focal: 0.8,
      focalRule: 'union' as const,
      minEngagements: 1,
    };
    const report = reachOverTime(roster, {
      focalGroups: ['el'],
      period: { start: '2026-08-01', end: '2027-07-31' },
      asOf: '2026-09-30',
      target,
      window: 28,
    });
    // Everyone: 10 of 20 reached, 16 needed; English learners 5 of 10, 8 needed: 3 at 5 per 28 days → ⌈16.8⌉ too.
    expect(report.arrival?.checks.map((entry) => [entry.remaining, entry.paceEvents, entry.projectedOn])).toEqual([
      [6, 10, '2026-10-17'],
      [3, 5, '2026-10-17'],
    ]);
    const [arrival] = projectedArrivalsFromReach(report);
    expect(arrival?.date).toBe('2026-10-17');
    expect(arrival?.metByArriveBy).toBe(true);
    // The stored copy maps the same.
    expect(projectedArrivalsFromReach(JSON.parse(JSON.stringify(report)))).toEqual([arrival]);
  });

  it('a target counted over a period the projection does not cover: it cannot tell, and on course stays undetermined', () => {
    const nextYear = { start: '2027-08-01', end: '2028-07-31' };
    const reachTarget = ticket.destination.reach?.[0] as NonNullable<TripTicketInput['destination']['reach']>[number];
    const later: TripTicketInput = {
      ...ticket,
      destination: { ...ticket.destination, reach: [{ ...reachTarget, period: nextYear }] },
      arriveBy: '2028-06-30',
    };
    const arrivals = projectedArrivalsFromReach(handMade([onPace, povertyMet]), { tripTicket: later });
    expect(arrivals).toEqual([{ target: 'reach:0', date: null, metByArriveBy: null, interval: null }]);
    const report = shortOfTarget(arrivals, later);
    expect(report.onCourse.decision.action).toBe('undetermined');
    expect(reachReasons(report)).toEqual(['pitstop/no-projection']);
    // The same period: projected.
    const same: TripTicketInput = {
      ...ticket,
      destination: {
        ...ticket.destination,
        reach: [{ ...reachTarget, period: { start: '2026-08-01', end: '2027-07-31' } }],
      },
    };
    expect(projectedArrivalsFromReach(handMade([onPace]), { tripTicket: same })[0]?.metByArriveBy).toBe(true);
  });

  it('no arrival, or an empty population: nothing confident, and on course stays undetermined with its reason', () => {
    expect(projectedArrivalsFromReach(handMade([], { arrival: null }))).toEqual([]);
    const none = shortOfTarget([]);
    expect(none.onCourse.decision.action).toBe('undetermined');
    expect(reachReasons(none)).toEqual(['pitstop/no-projection']);

    // Nobody in the English-learner population: "met" (0 of 0 needed) says nothing.
    const empty = check('el', ['el'], { n: 0, reached: 0, needed: 0, remaining: 0, status: 'met' });
    const arrivals = projectedArrivalsFromReach(handMade([onPace, empty]));
    expect(arrivals).toEqual([{ target: 'reach:0', date: null, metByArriveBy: null, interval: null }]);
    expect(shortOfTarget(arrivals).onCourse.decision.action).toBe('undetermined');
    // …but a late check stays late whatever the empty one would say.
    expect(projectedArrivalsFromReach(handMade([elLate, empty]))[0]?.metByArriveBy).toBe(false);
    // Met by the last day analysed, which is after the deadline: whether by the deadline, it cannot say.
    const afterDeadline = handMade([povertyMet], { lastDay: '2027-07-15' });
    expect(projectedArrivalsFromReach(afterDeadline)[0]?.metByArriveBy).toBeNull();
  });

  it('a damaged or hand-made report, or a report for another target, is INVALID_INPUT with its path', () => {
    expectError(
      () => projectedArrivalsFromReach({ ...handMade([onPace]), lastDay: undefined } as never),
      'INVALID_INPUT',
      ['report', 'lastDay'],
    );
    expectError(
      () => projectedArrivalsFromReach(handMade([onPace, { ...elLate, status: 'on-pace' }])),
      'INVALID_INPUT',
      ['report', 'arrival', 'checks', 1, 'status'],
    );
    expectError(() => projectedArrivalsFromReach(handMade([{ ...onPace, projectedOn: null }])), 'INVALID_INPUT', [
      'report',
      'arrival',
      'checks',
      0,
      'projectedOn',
    ]);
    expectError(() => projectedArrivalsFromReach(handMade([{ ...onPace, remaining: 3 }])), 'INVALID_INPUT', [
      'report',
      'arrival',
      'checks',
      0,
      'remaining',
    ]);
    expectError(() => projectedArrivalsFromReach(handMade([])), 'INVALID_INPUT', ['report', 'arrival', 'checks']);
    expectError(
      () => projectedArrivalsFromReach({ ...handMade([onPace]), schemaVersion: 2 } as never),
      'INCOMPATIBLE',
      ['report', 'schemaVersion'],
    );
    expectError(() => projectedArrivalsFromReach(null as never), 'INVALID_INPUT', ['report']);
    // For another target of the ticket.
    expectError(
      () => projectedArrivalsFromReach(handMade([{ ...onPace, share: 0.7 }]), { tripTicket: ticket }),
      'INVALID_INPUT',
      ['report', 'arrival', 'checks', 0, 'share'],
    );
    expectError(
      () => projectedArrivalsFromReach(handMade([onPace], { minEngagements: 1 }), { tripTicket: ticket }),
      'INVALID_INPUT',
      ['report', 'minEngagements'],
    );
    expectError(
      () =>
        projectedArrivalsFromReach(
          { ...handMade([onPace]), arrival: { ...(handMade([onPace]).arrival as ReachArrival), focalRule: 'union' } },
          { tripTicket: ticket },
        ),
      'INVALID_INPUT',
      ['report', 'arrival', 'focalRule'],
    );
    expectError(
      () => projectedArrivalsFromReach(handMade([onPace]), { tripTicket: ticket, target: 1 }),
      'INVALID_INPUT',
      ['options', 'target'],
    );
    expectError(() => projectedArrivalsFromReach(handMade([onPace]), { target: -1 }), 'INVALID_INPUT', [
      'options',
      'target',
    ]);
    expectError(() => projectedArrivalsFromReach(handMade([onPace]), { tagret: 0 } as never), 'INVALID_INPUT', [
      'options',
      'tagret',
    ]);
    expectError(() => projectedArrivalsFromReach(handMade([onPace]), { tripTicket: {} as never }), 'INVALID_INPUT', [
      'options',
      'tripTicket',
      'title',
    ]);
    // Another target index names its own target.
    expect(projectedArrivalsFromReach(handMade([onPace]), { target: 2 })[0]?.target).toBe('reach:2');
  });
});
