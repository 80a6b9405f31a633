import { describe, expect, it } from 'vitest';
import { pitStopReportText, riverbendPitStopInput, riverbendProjectedArrivals } from '../../examples/pitStop.js';
import { riverbendReachRows, riverbendTripTicket } from '../../examples/sampleDistrict.js';
import { parseTripTicket } from '../../src/framework/index.js';
import { evaluatePitStop } from '../../src/pitstop/index.js';
import { reachOverTime } from '../../src/reach/index.js';

describe('examples/pitStop.ts: the sample district pit stop', () => {
  it('is the engine’s report, with reach for the focal groups', () => {
    const text = pitStopReportText();
    expect(text).toContain('Pit stop 2026-06-15 (planned)');
    expect(text).toContain('2. Is anything broken? broken');
    expect(text).toContain('3. Is our fuel running low? fuel-low');
    expect(text).toMatch(/English learners\s+reached\s+51%/);
    expect(text).toContain('Route: adjust-route');
    expect(text).toContain('Stage: expansion; tight: not-ready');
    expect(pitStopReportText()).toBe(text);
  });

  it('passes no projection: the reach target is counted over 2026–27, after the June 2026 pit stop', () => {
    const report = evaluatePitStop(riverbendPitStopInput());
    const reach = report.onCourse.targets.find((target) => target.id === 'reach:0');
    expect([reach?.projectedOn, reach?.metByArriveBy]).toEqual([null, null]);
    expect(report.onCourse.decision.action).toBe('undetermined');
    expect(
      report.onCourse.decision.reasons
        .filter((entry) => entry.evidence.target === 'reach:0')
        .map((entry) => entry.rule),
    ).toEqual(['pitstop/no-projection']);
  });

  it('takes a reach-over-time projection of the target’s own period as the projected arrival', () => {
    // A what-if 2026–27 roster to January 2027: the same students, a third reached in the autumn
    // and a trickle since, so the pace of the last 28 days cannot reach 80% by 2027-06-30.
    const roster = riverbendReachRows.map((row, i) => ({
      id: row.id,
      units: row.units,
      groups: row.groups,
      engagedOn: i % 3 === 0 ? ['2026-09-15', '2026-10-20'] : i % 50 === 1 ? ['2026-11-10', '2027-01-05'] : [],
    }));
    const ticket = parseTripTicket(riverbendTripTicket);
    const target = ticket.destination.reach[0];
    const projection = reachOverTime(roster, {
      focalGroups: ticket.focalGroups,
      unitLevels: ['district', 'school'],
      period: { start: '2026-08-01', end: '2027-07-31' },
      asOf: '2027-01-20',
      ...(target === undefined ? {} : { target }),
      arriveBy: ticket.arriveBy,
    });
    const arrivals = riverbendProjectedArrivals(projection);
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]?.metByArriveBy).toBe(false);
    const report = evaluatePitStop(riverbendPitStopInput(arrivals));
    expect(report.onCourse.targets.find((entry) => entry.id === 'reach:0')?.metByArriveBy).toBe(false);
    expect(report.onCourse.decision.action).toBe('off-course');
    expect(report.route.decision.action).toBe('recalibrate-destination');

    // A projection of the 2025–26 year says nothing of the 2026–27 target.
    const lastYear = reachOverTime(
      roster.map((row) => ({
        ...row,
        engagedOn: row.engagedOn.map((day) => day.replace(/^2026|^2027/, (y) => String(Number(y) - 1))),
      })),
      {
        focalGroups: ticket.focalGroups,
        unitLevels: ['district', 'school'],
        period: { start: '2025-08-01', end: '2026-07-31' },
        asOf: '2026-06-10',
        ...(target === undefined
          ? {}
          : { target: { ...target, period: { start: '2025-08-01', end: '2026-07-31' }, by: '2026-06-30' } }),
      },
    );
    expect(riverbendProjectedArrivals(lastYear)).toEqual([
      { target: 'reach:0', date: null, metByArriveBy: null, interval: null },
    ]);
  });
});
