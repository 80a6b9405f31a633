import { describe, expect, it } from 'vitest';
import { evaluatePitStop } from '../../src/pitstop/index.js';
import { summarizeReach } from '../../src/reach/index.js';
import { focalGroups, healthyInput, roster } from './_support.js';

const codes = (notes: readonly { code: string }[]) => notes.map((entry) => entry.code);

describe('evaluatePitStop: on-course, fuel and left-behind branches', () => {
  it('a reach summary without a ticket focal group leaves that group missing', () => {
    const rows = roster({ poverty: 0.85, el: 0.84, other: 0.86 }).map((row) => ({
      ...row,
      groups: (row.groups ?? []).filter((group) => group === 'poverty'),
    }));
    const povertyOnly = summarizeReach(rows, {
      focalGroups: ['poverty'],
      unitLevels: ['district'],
      minEngagements: 2,
    });
    const report = evaluatePitStop({ ...healthyInput(), reach: povertyOnly, previousReach: povertyOnly });
    expect(report.leftBehind.missing).toEqual(['reach:el']);
    expect(report.leftBehind.decision.action).toBe('undetermined');
  });

  it('a target the reach summary cannot check (engagements past its histogram) is unmeasured, with a note', () => {
    const ticket = healthyInput().tripTicket;
    const target = (ticket.destination.reach ?? [])[0];
    const report = evaluatePitStop({
      ...healthyInput(),
      tripTicket: {
        ...ticket,
        destination: {
          ...ticket.destination,
          reach: [{ ...target, minEngagements: 1000 }],
        } as typeof ticket.destination,
      },
    });
    expect(codes(report.notes)).toContain('REACH_TARGET_NOT_CHECKED');
    expect(report.onCourse.targets.find((entry) => entry.id === 'reach:0')?.met).toBeNull();
    expect(report.onCourse.decision.action).toBe('undetermined');
    // Without a check of the target, no focal group is judged against it.
    expect(report.leftBehind.focalGroups.map((group) => group.met)).toEqual([null, null]);
  });

  it('a projection of a target the ticket does not have is left out with a note', () => {
    const report = evaluatePitStop({
      ...healthyInput(),
      projectedArrivals: [{ target: 'reach:7', date: '2026-05-01', metByArriveBy: true, interval: null }],
    });
    expect(codes(report.notes)).toContain('PROJECTION_UNKNOWN_TARGET');
    expect(report.onCourse.targets.some((target) => target.id === 'reach:7')).toBe(false);
  });

  it('a runway past the calendar: a note, and the runway is null when it overflows', () => {
    const base = healthyInput();
    const far = evaluatePitStop({ ...base, resources: { ...base.resources, budgetLeft: 1e12, monthlyBurn: 1 } });
    expect(codes(far.notes)).toContain('RUNWAY_BEYOND_CALENDAR');
    expect(far.fuel.runwayDays).toBe((1e12 * 365.25) / 12);
    expect(far.fuel.moneyRunsOutOn).toBeNull();
    const overflow = evaluatePitStop({ ...base, resources: { ...base.resources, budgetLeft: 1e308, monthlyBurn: 1 } });
    expect(codes(overflow.notes)).toContain('RUNWAY_BEYOND_CALENDAR');
    expect(overflow.fuel.runwayDays).toBeNull();
    expect(overflow.fuel.decision.action).toBe('fuel-ok');
  });

  it('hours that overflow when summed count as the largest number', () => {
    const base = healthyInput();
    const report = evaluatePitStop({
      ...base,
      resources: {
        ...base.resources,
        people: [
          { id: 'coach', hoursAvailable: 1e308 },
          { id: 'principal', hoursAvailable: 1e308 },
        ],
        hoursNeeded: 1e308,
      },
    });
    expect(report.fuel.hoursAvailable).toBe(Number.MAX_VALUE);
  });

  it('a focal group no one belongs to has no rate and no gap; a partner without a role brings no role to a decision', () => {
    const reach = summarizeReach(roster({ poverty: 0.85, el: 0.84, other: 0.86 }), {
      focalGroups: ['poverty', 'el', 'migrant'],
      unitLevels: ['district'],
      minEngagements: 2,
    });
    const report = evaluatePitStop({
      ...healthyInput(),
      tripTicket: { ...healthyInput().tripTicket, focalGroups },
      reach,
      previousReach: reach,
      partners: [...(healthyInput().partners ?? []), { partnerId: 'visitor', judgements: [] }],
      decisions: [{ id: 'set-route', on: '2026-01-20', decidedBy: ['asst-super', 'coach', 'liaison', 'visitor'] }],
    });
    const migrant = report.leftBehind.focalGroups.find((group) => group.id === 'migrant');
    expect(migrant).toMatchObject({ rate: null, gap: null, paceGap: null, behind: false });
    expect(report.leftBehind.rolesAbsent).toEqual([]);
  });
});
