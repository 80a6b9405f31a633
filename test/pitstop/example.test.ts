import { describe, expect, it } from 'vitest';
import { pitStopReportText, projectedArrivalFromPace, riverbendPitStopInput } from '../../examples/pitStop.js';
import { evaluatePitStop } from '../../src/pitstop/index.js';

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

  it('takes a reach-over-time projection as the projected arrival of the reach target', () => {
    const late = projectedArrivalFromPace(
      {
        checks: [
          { status: 'on-pace', projectedOn: '2027-03-01', earliestOn: '2027-01-10', latestOn: '2027-05-01' },
          { status: 'not-at-this-pace', projectedOn: '2027-11-02', earliestOn: '2027-08-01', latestOn: null },
        ],
      },
      0,
      '2026-06-15',
    );
    expect(late).toEqual({
      target: 'reach:0',
      date: '2027-11-02',
      metByArriveBy: false,
      interval: ['2027-08-01', null],
    });
    const report = evaluatePitStop(riverbendPitStopInput([late]));
    expect(report.onCourse.targets.find((target) => target.id === 'reach:0')?.metByArriveBy).toBe(false);
    expect(report.onCourse.decision.action).toBe('off-course');
    expect(report.route.decision.action).toBe('recalibrate-destination');
  });
});
