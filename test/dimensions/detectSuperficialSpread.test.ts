import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUPERFICIAL_SPREAD_POLICY,
  defineSuperficialSpreadPolicy,
  detectSuperficialSpread,
} from '../../src/dimensions/index.js';
import { expectError } from '../_support/expectError.js';

describe('detectSuperficialSpread', () => {
  it('flags the interval where spread rose while depth fell, with both changes (REL Appalachia pitfall)', () => {
    const report = detectSuperficialSpread([
      { date: '2023-06-01', depth: 0.5, spread: 0.1 },
      { date: '2024-06-01', depth: 0.7, spread: 0.2 }, // both rose: healthy
      { date: '2025-06-01', depth: 0.5, spread: 0.6 }, // spread up, depth down: superficial
      { date: '2026-06-01', depth: 0.4, spread: 0.5 }, // both fell: not this pitfall
    ]);
    expect(report.intervals.map((interval) => interval.superficial)).toEqual([false, true, false]);
    expect(report.flaggedCount).toBe(1);
    const flagged = report.intervals[1];
    expect(flagged).toMatchObject({ from: '2024-06-01', to: '2025-06-01', days: 365, notes: [] });
    expect(flagged?.spreadChange).toBeCloseTo(0.4, 15);
    expect(flagged?.depthChange).toBeCloseTo(-0.2, 15);
    expect(report.intervals[0]?.days).toBe(366); // 2024 is a leap year
    expect(report.notes).toEqual([]);
    expect(report.decision).toMatchObject({
      action: 'superficial-spread',
      reasons: [
        {
          rule: 'dimensions/spread-rose-depth-fell',
          evidence: { from: '2024-06-01', to: '2025-06-01', days: 365, tolerance: 0 },
          guidance: { source: 'rel-appalachia-pilot' },
        },
      ],
      policy: { tolerance: 0 },
    });
    expect(report.decision.reasons[0]?.evidence.spreadChange).toBeCloseTo(0.4, 15);
    expect(report.decision.reasons[0]?.evidence.depthChange).toBeCloseTo(-0.2, 15);
    expect(report.policy).toEqual({ tolerance: 0 });
  });

  it('works in the caller’s units (a count of schools and a rubric mean)', () => {
    const report = detectSuperficialSpread([
      { date: '2025-01-10', depth: 3.2, spread: 4 },
      { date: '2025-05-10', depth: 2.6, spread: 11 },
    ]);
    expect(report.intervals[0]).toMatchObject({ spreadChange: 7, superficial: true });
  });

  it('ignores changes no larger than the policy tolerance', () => {
    const history = [
      { date: '2025-01-10', depth: 0.5, spread: 0.5 },
      { date: '2025-05-10', depth: 0.48, spread: 0.6 },
    ];
    expect(detectSuperficialSpread(history).flaggedCount).toBe(1);
    expect(DEFAULT_SUPERFICIAL_SPREAD_POLICY).toEqual({ tolerance: 0 });
    const tolerant = detectSuperficialSpread(history, { policy: { tolerance: 0.05 } });
    expect(tolerant).toMatchObject({ flaggedCount: 0, policy: { tolerance: 0.05 } });
    expect(tolerant.decision).toMatchObject({
      action: 'no-superficial-spread',
      reasons: [
        {
          rule: 'dimensions/no-superficial-interval',
          evidence: { assessments: 2, intervals: 1, unknownIntervals: 0, judgedIntervals: 1, tolerance: 0.05 },
        },
      ],
      policy: { tolerance: 0.05 },
    });
  });

  it('leaves an interval undetermined when depth or spread is unknown at either end', () => {
    const report = detectSuperficialSpread([
      { date: '2025-01-10', depth: null, spread: 0.2 },
      { date: '2025-05-10', depth: 0.4, spread: undefined },
      { date: '2025-09-10', depth: 0.3, spread: 0.5 },
    ]);
    expect(
      report.intervals.map((interval) => [interval.superficial, ...interval.notes.map((n) => [n.code, n.field])]),
    ).toEqual([
      [null, ['DEPTH_UNKNOWN', 'superficial']],
      [null, ['SPREAD_UNKNOWN', 'superficial']],
    ]);
    expect(report.flaggedCount).toBe(0);
    expect(report.decision).toMatchObject({
      action: 'undetermined',
      reasons: [{ rule: 'dimensions/no-interval-judged', evidence: { intervals: 2, unknownIntervals: 2 } }],
    });
    const partly = detectSuperficialSpread([
      { date: '2025-01-10', depth: null, spread: 0.2 },
      { date: '2025-05-10', depth: 0.4, spread: 0.3 },
      { date: '2025-09-10', depth: 0.5, spread: 0.5 },
    ]);
    expect(partly.decision.action).toBe('no-superficial-spread');
    expect(partly.decision.reasons[0]?.evidence).toMatchObject({ unknownIntervals: 1, judgedIntervals: 1 });
  });

  it('says why when there are fewer than two assessments', () => {
    expect(detectSuperficialSpread([])).toMatchObject({
      intervals: [],
      flaggedCount: 0,
      notes: [{ code: 'TOO_FEW_ASSESSMENTS', field: 'decision' }],
      decision: { action: 'undetermined', reasons: [{ rule: 'dimensions/too-few-assessments' }] },
    });
    const one = detectSuperficialSpread([{ date: '2025-01-01', depth: 1, spread: 1 }]);
    expect(one.notes.map((entry) => entry.code)).toEqual(['TOO_FEW_ASSESSMENTS']);
    expect(one.decision.reasons[0]?.evidence).toEqual({ assessments: 1, intervals: 0, unknownIntervals: 0 });
  });

  it('rejects dates out of order or not ISO, non-finite values and a negative tolerance', () => {
    const point = { date: '2025-01-10', depth: 0.5, spread: 0.5 };
    expectError(() => detectSuperficialSpread([point, point]), 'INVALID_INPUT', ['history', 1, 'date']);
    expectError(() => detectSuperficialSpread([point, { ...point, date: '2024-12-31' }]), 'INVALID_INPUT', [
      'history',
      1,
      'date',
    ]);
    expectError(() => detectSuperficialSpread([{ ...point, date: '2025-02-30' }]), 'INVALID_INPUT', [
      'history',
      0,
      'date',
    ]);
    expectError(() => detectSuperficialSpread([{ ...point, date: '01/10/2025' }]), 'INVALID_INPUT', [
      'history',
      0,
      'date',
    ]);
    expectError(() => detectSuperficialSpread([{ ...point, depth: Number.NaN }]), 'INVALID_INPUT', [
      'history',
      0,
      'depth',
    ]);
    expectError(() => detectSuperficialSpread([point], { policy: { tolerance: -1 } }), 'INVALID_INPUT', [
      'options',
      'policy',
      'tolerance',
    ]);
    expectError(() => detectSuperficialSpread([point], { policy: { minChange: 1 } as never }), 'INVALID_INPUT', [
      'options',
      'policy',
      'minChange',
    ]);
    expectError(() => defineSuperficialSpreadPolicy({ tolerance: Number.NaN }), 'INVALID_INPUT', [
      'policy',
      'tolerance',
    ]);
    expectError(() => detectSuperficialSpread('x' as never), 'INVALID_INPUT', ['history']);
  });

  it('sees a change of the smallest subnormal (halving it would round it to 0)', () => {
    const report = detectSuperficialSpread([
      { date: '2025-01-01', depth: 5e-324, spread: 0 },
      { date: '2025-01-02', depth: 0, spread: 5e-324 },
    ]);
    expect(report.intervals[0]?.superficial).toBe(true);
    expect(report.intervals[0]?.spreadChange).toBe(5e-324);
    expect(report.decision.action).toBe('superficial-spread');
  });

  it('properties: one interval per consecutive pair; flagged exactly when spread rose and depth fell; input untouched', () => {
    const pointArbitrary = fc.record({
      depth: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
      spread: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(pointArbitrary, { maxLength: 20 }), (points) => {
        const history = points.map((point, index) => ({
          ...point,
          date: `2025-${String(1 + Math.floor(index / 28)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
        }));
        const before = structuredClone(history);
        const report = detectSuperficialSpread(history);
        expect(history).toEqual(before);
        expect(report.intervals).toHaveLength(Math.max(0, history.length - 1));
        report.intervals.forEach((interval, index) => {
          const a = history[index];
          const b = history[index + 1];
          if (!a || !b) throw new Error('unreachable');
          if (a.depth === null || b.depth === null || a.spread === null || b.spread === null) {
            expect(interval.superficial).toBeNull();
          } else {
            expect(interval.superficial).toBe(b.spread > a.spread && b.depth < a.depth);
          }
        });
        const flagged = report.intervals.filter((interval) => interval.superficial === true).length;
        expect(report.decision.action === 'superficial-spread').toBe(flagged > 0);
        if (flagged > 0) expect(report.decision.reasons).toHaveLength(flagged);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
    );
  });
});
