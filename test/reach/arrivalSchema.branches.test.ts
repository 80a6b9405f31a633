/** parseReachOverTimeReport's cross-checks of a projected arrival: remaining, status, projected dates. */
import { describe, expect, it } from 'vitest';
import { parseReachOverTimeReport, reachOverTime } from '../../src/reach/index.js';
import { expectError } from '../_support/expectError.js';
import { dayOf, isoOf, paceScenario } from './_timeSupport.js';

const period = { start: '2024-09-02', end: '2025-06-30' };
const start = dayOf(period.start);
// 100 students; 20 reached on days 1…20, 10 more on days 31…40; asOf = day 40.
const { rows, target } = paceScenario(period.start);
const report = reachOverTime(rows, {
  focalGroups: ['el'],
  period,
  every: 1,
  asOf: isoOf(start + 39),
  window: 10,
  target,
  arriveBy: '2024-12-31',
});
const json = () => JSON.parse(JSON.stringify(report));
const damaged = (edit: (check: Record<string, unknown>) => void) => {
  const copy = json();
  edit(copy.arrival.checks[0]);
  return copy;
};
const at = ['arrival', 'checks', 0];

describe('parseReachOverTimeReport: arrival checks', () => {
  it('reads the report back; its first check is on pace', () => {
    expect(parseReachOverTimeReport(json())).toEqual(report);
    expect(report.arrival?.checks[0]).toMatchObject({ remaining: 50, status: 'on-pace', projectedOn: '2024-11-30' });
  });

  it('refuses remaining that is not max(0, needed − reached)', () => {
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { remaining: 49 }))),
      'INVALID_INPUT',
      [...at, 'remaining'],
    );
  });

  it('refuses met with students remaining', () => {
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { status: 'met' }))),
      'INVALID_INPUT',
      [...at, 'status'],
    );
  });

  it('refuses a check not met with nobody remaining', () => {
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { reached: 80, remaining: 0 }))),
      'INVALID_INPUT',
      [...at, 'status'],
    );
  });

  it('refuses an on-pace check without a projected date, and a no-pace check with one', () => {
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { projectedOn: null }))),
      'INVALID_INPUT',
      [...at, 'projectedOn'],
    );
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { status: 'no-pace' }))),
      'INVALID_INPUT',
      [...at, 'projectedOn'],
    );
  });

  it('refuses a status that contradicts the projected date and the deadline', () => {
    expectError(
      () => parseReachOverTimeReport(damaged((check) => Object.assign(check, { status: 'not-at-this-pace' }))),
      'INVALID_INPUT',
      [...at, 'status'],
    );
  });
});
