import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../src/framework/index.js';
import { DEFAULT_RUN_CHART_POLICY, RUN_CHART_RULES, runChart } from '../../src/learning/index.js';

const ruleIds = (result: ReturnType<typeof runChart>, index: number) => result.points[index]?.rules;

describe('runChart: phases and baselines, computed by hand', () => {
  // Eight alternating points, then eight rising in pairs.
  const values = [1, 2, 1, 2, 1, 2, 1, 2, 5, 5, 6, 6, 7, 7, 8, 8];

  it('one phase: the whole series against one median signals', () => {
    // Median of all 16 = (2 + 5)/2 = 3.5: eight below, then eight above. n = 16 → longest run
    // limit round(log2 16) + 3 = 7 (8 > 7) and crossings limit qbinom(0.05, 15, 0.5) = 4 (1 < 4).
    // IHI: a run of 8 ≥ 6 is a shift; 1, 2, 5, 6, 7, 8 (points 6–15) is a rising trend of 6 steps
    // (the equal pairs count once).
    const result = runChart(values);
    expect(result).toMatchObject({
      median: 3.5,
      nUseful: 16,
      longestRun: 8,
      longestRunMax: 7,
      crossings: 1,
      crossingsMin: 4,
      runsSignal: true,
      shift: true,
      longestTrend: 6,
      trend: true,
      runs: 2,
      signal: true,
    });
    expect(result.phases).toHaveLength(1);
    expect(ruleIds(result, 0)).toEqual([
      'learning/anhoej-longest-run',
      'learning/anhoej-crossings',
      'learning/ihi-shift',
    ]);
    expect(ruleIds(result, 6)).toEqual([
      'learning/anhoej-longest-run',
      'learning/anhoej-crossings',
      'learning/ihi-shift',
      'learning/ihi-trend',
    ]);
    expect(
      result.points.filter((point) => point.rules.includes('learning/ihi-trend')).map((point) => point.index),
    ).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('a phase change at 8 resets every rule: each phase has its own median, runs and trends', () => {
    // Phase 0: median 1.5, eight runs of one (longest 1, 7 crossings; n = 8 → limits 6 and
    // qbinom(0.05, 7, 0.5) = 1). Phase 1: median (6 + 7)/2 = 6.5, four below then four above
    // (longest 4 ≤ 6, 1 crossing ≥ 1); its trend 5, 6, 7, 8 has 4 steps < 5.
    const result = runChart(values, { part: [8] });
    expect(result.phases.map((phase) => [phase.start, phase.end, phase.median])).toEqual([
      [0, 8, 1.5],
      [8, 16, 6.5],
    ]);
    expect(result.phases[0]).toMatchObject({
      nUseful: 8,
      longestRun: 1,
      longestRunMax: 6,
      crossings: 7,
      crossingsMin: 1,
      runsSignal: false,
      shift: false,
      longestTrend: 2,
      trend: false,
      signal: false,
    });
    expect(result.phases[1]).toMatchObject({
      nUseful: 8,
      longestRun: 4,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 1,
      runsSignal: false,
      shift: false,
      longestTrend: 4,
      trend: false,
      signal: false,
    });
    // The top level is the last phase.
    expect(result).toMatchObject({ median: 6.5, longestRun: 4, signal: false });
    expect(result.points.every((point) => point.rules.length === 0)).toBe(true);
    expect(result.points.map((point) => point.phase)).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
    expect(result.points[8]?.median).toBe(6.5);
  });

  it('a frozen baseline sets the centre from the first k points and judges all points against it', () => {
    // Baseline [10, 11, 9, 10, 12] → median 10. Points 0 and 3 sit on it and are dropped, leaving
    // a, b, a, a, a, a, a, a: runs of 1, 1 and 6. n = 8 → limits 6 and 1: 6 is not > 6 and 2 ≥ 1,
    // so no Anhøj signal — but 6 in a row is an IHI shift. 9, 10, 12, 15, 16 is a rising trend.
    const result = runChart([10, 11, 9, 10, 12, 15, 16, 15, 17, 16], { freeze: 5 });
    expect(result).toMatchObject({
      median: 10,
      nUseful: 8,
      longestRun: 6,
      longestRunMax: 6,
      crossings: 2,
      crossingsMin: 1,
      runsSignal: false,
      shift: true,
      longestTrend: 5,
      trend: true,
      signal: true,
    });
    expect(result.phases[0]?.baselineEnd).toBe(5);
    expect(result.points.map((point) => point.baseline)).toEqual([...Array(5).fill(true), ...Array(5).fill(false)]);
    expect(result.points.map((point) => point.side)).toEqual([
      'on',
      'above',
      'below',
      'on',
      'above',
      'above',
      'above',
      'above',
      'above',
      'above',
    ]);
    expect(
      result.points.filter((point) => point.rules.includes('learning/ihi-shift')).map((point) => point.index),
    ).toEqual([4, 5, 6, 7, 8, 9]);
    // Without the freeze the median of all ten, (12 + 15)/2 = 13.5, splits the series 5 | 5.
    expect(runChart([10, 11, 9, 10, 12, 15, 16, 15, 17, 16]).median).toBe(13.5);
  });

  it('a frozen baseline inside each phase, with missing and excluded points (what qicharts2 refuses)', () => {
    // Phase 0 = points 0–5: [4, 6, missing, 5, 9 (excluded), 7], whole phase as baseline → median
    // of 4, 6, 5, 7 = 5.5; b, a, b, a: longest 1, 3 crossings; n = 4 → limits 5 and 0.
    // Phase 1 = points 6–11: [8, 8, 3, 9, 9, 10], baseline its first 3 → median 8; the two 8s are on
    // it: b, a, a, a → longest 3, 1 crossing. Trend: 8, 3, 9, 10 (9, 9 once) → 3, 9, 10 is 3 steps.
    const result = runChart([4, 6, null, 5, 9, 7, 8, 8, 3, 9, 9, 10], {
      part: [6],
      freeze: [null, 3],
      exclude: [4],
    });
    expect(result.phases.map((phase) => [phase.start, phase.end, phase.baselineEnd])).toEqual([
      [0, 6, 6],
      [6, 12, 9],
    ]);
    expect(result.phases[0]).toMatchObject({
      median: 5.5,
      n: 6,
      nMissing: 1,
      nExcluded: 1,
      nUseful: 4,
      longestRun: 1,
      crossings: 3,
      longestRunMax: 5,
      crossingsMin: 0,
      runsSignal: false,
    });
    expect(result.phases[1]).toMatchObject({
      median: 8,
      nUseful: 4,
      longestRun: 3,
      crossings: 1,
      longestTrend: 3,
      runsSignal: false,
    });
    expect(result).toMatchObject({ n: 12, nMissing: 1, nExcluded: 1 });
    expect(result.points[2]).toMatchObject({ value: null, side: null, excluded: false });
    expect(result.points[4]).toMatchObject({ value: 9, side: null, excluded: true, rules: [] });
  });

  it('a number freeze with phases applies to every phase', () => {
    const result = runChart([1, 2, 3, 4, 5, 6, 7, 8, 9], { part: [3, 6], freeze: 2 });
    expect(result.phases.map((phase) => [phase.baselineEnd, phase.median])).toEqual([
      [2, 1.5],
      [5, 4.5],
      [8, 7.5],
    ]);
  });
});

describe('runChart: rule sets, rules and flags', () => {
  const shifted = [10, 11, 9, 10, 12, 15, 16, 15, 17, 16];

  it("'anhoej' leaves the IHI fields null and flags no IHI rule", () => {
    const result = runChart(shifted, { freeze: 5, rules: 'anhoej' });
    expect(result).toMatchObject({
      ruleSet: 'anhoej',
      runsSignal: false,
      shift: null,
      trend: null,
      longestTrend: null,
      signal: false,
    });
    expect(result.points.every((point) => point.rules.length === 0)).toBe(true);
  });

  it("'ihi' leaves the Anhøj limits null but still counts runs and crossings", () => {
    const result = runChart(shifted, { freeze: 5, rules: 'ihi' });
    expect(result).toMatchObject({
      ruleSet: 'ihi',
      longestRun: 6,
      crossings: 2,
      runs: 3,
      longestRunMax: null,
      crossingsMin: null,
      runsSignal: null,
      shift: true,
      signal: true,
    });
  });

  it('flags every point of a phase with too few crossings', () => {
    // Median (15 + 16)/2 = 15.5: six below, six above; n = 12 → limits 7 and 3; 1 crossing < 3.
    const result = runChart([12, 14, 13, 15, 11, 13, 16, 18, 17, 19, 18, 20]);
    expect(result.runsSignal).toBe(true);
    expect(result.points.every((point) => point.rules.includes('learning/anhoej-crossings'))).toBe(true);
    expect(result.points.some((point) => point.rules.includes('learning/anhoej-longest-run'))).toBe(false);
  });

  it('counts runs against a caller-given runs table (the confirmed row: 16 useful points → 5–12 runs)', () => {
    // Alternating 1, 3: median 2, 16 runs of one — more than 12, too many runs.
    const alternating = Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? 1 : 3));
    const policy = { runsTable: [{ nUseful: 16, min: 5, max: 12 }] };
    const result = runChart(alternating, { policy });
    expect(result).toMatchObject({
      runs: 16,
      runsRange: { min: 5, max: 12 },
      runsCountSignal: true,
      runsSignal: false,
      signal: true,
    });
    expect(result.points.every((point) => point.rules.includes('learning/ihi-runs'))).toBe(true);
    expect(result.policy.runsTable).toEqual(policy.runsTable);
    expect(Object.isFrozen(result.policy.runsTable) && Object.isFrozen(result.policy.runsTable[0])).toBe(true);
    // Without a row for this n the rule cannot judge: null with a note, and so is the overall signal.
    const missing = runChart(alternating, { policy: { runsTable: [{ nUseful: 15, min: 5, max: 11 }] } });
    expect(missing).toMatchObject({ runsRange: null, runsCountSignal: null, signal: null });
    expect(missing.notes.map((entry) => entry.code)).toEqual(['NOT_IN_RUNS_TABLE']);
  });

  it('ships no runs table: the rule is off by default and does not affect the signal', () => {
    const result = runChart(Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? 1 : 3)));
    expect(DEFAULT_RUN_CHART_POLICY.runsTable).toEqual([]);
    expect(result).toMatchObject({ runsRange: null, runsCountSignal: null, signal: false, notes: [] });
  });

  it('flags astronomical points beyond the lines the caller sets', () => {
    const values = [5, 6, 5, 7, 30, 6, 5];
    const above = runChart(values, { astronomical: { above: 20 } });
    expect(above).toMatchObject({ astronomical: 1, signal: true });
    expect(ruleIds(above, 4)).toEqual(['learning/ihi-astronomical']);
    expect(runChart(values, { astronomical: { below: 5.5 } }).astronomical).toBe(3);
    expect(runChart(values).astronomical).toBeNull();
    expect(runChart(values, { astronomical: { above: 20 }, rules: 'anhoej' }).astronomical).toBeNull();
  });

  it('applies the policy lengths', () => {
    // Rising 1…5 (5 points), then falling 5…0 (6 points).
    const values = [1, 2, 3, 4, 5, 4, 3, 2, 1, 0];
    expect(runChart(values).longestTrend).toBe(6);
    expect(runChart(values, { policy: { trendLength: 6 } }).trend).toBe(true);
    expect(runChart(values, { policy: { trendLength: 7 } }).trend).toBe(false);
    expect(runChart([1, 1, 1, 1, 1, 9, 9, 9, 9, 9], { policy: { shiftLength: 5 } }).shift).toBe(true);
    expect(runChart([1, 1, 1, 1, 1, 9, 9, 9, 9, 9]).shift).toBe(false);
  });

  it('lists the rules in catalog order', () => {
    expect(Object.isFrozen(RUN_CHART_RULES)).toBe(true);
    expect(Object.isFrozen(RUN_CHART_RULES[0])).toBe(true);
    expect(RUN_CHART_RULES.every((rule) => rule.module === 'learning' && rule.id.startsWith('learning/'))).toBe(true);
    expect(new Set(RUN_CHART_RULES.map((rule) => rule.id)).size).toBe(RUN_CHART_RULES.length);
    for (const rule of RUN_CHART_RULES) {
      expect(['anhoej-2014-run-charts', 'ihi-run-chart-2011']).toContain(rule.guidance.source);
      expect(rule.guidance.section.length).toBeGreaterThan(0);
    }
  });
});

describe('runChart: the decision', () => {
  const reasonsOf = (result: ReturnType<typeof runChart>) => result.decision.reasons.map((reason) => reason.rule);

  it('signal: one reason per rule that fired, in catalog order, with its evidence and guidance', () => {
    const result = runChart([1, 2, 1, 2, 1, 2, 1, 2, 5, 5, 6, 6, 7, 7, 8, 8]);
    expect(result.decision).toMatchObject({
      action: 'signal',
      policy: DEFAULT_RUN_CHART_POLICY,
      version: LIBRARY_VERSION,
    });
    expect(reasonsOf(result)).toEqual([
      'learning/anhoej-longest-run',
      'learning/anhoej-crossings',
      'learning/ihi-shift',
      'learning/ihi-trend',
    ]);
    expect(result.decision.reasons[0]).toEqual({
      rule: 'learning/anhoej-longest-run',
      evidence: { phase: 0, nUseful: 16, longestRun: 8, longestRunMax: 7 },
      guidance: RUN_CHART_RULES[0]?.guidance,
    });
    expect(result.decision.reasons[2]?.evidence).toEqual({ phase: 0, longestRun: 8, shiftLength: 6 });
    expect(result.decision.reasons[3]?.evidence).toEqual({ phase: 0, longestTrend: 6, trendLength: 5 });
    // Every rule a point names is among the decision's reasons.
    const named = new Set(result.points.flatMap((point) => point.rules));
    expect([...named].every((rule) => reasonsOf(result).includes(rule))).toBe(true);
    expect(JSON.parse(JSON.stringify(result.decision))).toEqual(result.decision);
  });

  it('no signal: random variation, judged by every selected rule', () => {
    const result = runChart([1, 2, 1, 2, 1, 2, 1, 2, 5, 5, 6, 6, 7, 7, 8, 8], { part: [8] });
    expect(result.phases.map((phase) => phase.decision.action)).toEqual(['no-signal', 'no-signal']);
    expect(reasonsOf(result)).toEqual(['learning/random-variation']);
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ phase: 1, nUseful: 8, longestRun: 4, crossings: 1 });
  });

  it('the runs table and the astronomical lines add their rules', () => {
    const alternating = Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? 1 : 3));
    const runs = runChart(alternating, { policy: { runsTable: [{ nUseful: 16, min: 5, max: 12 }] } });
    expect(reasonsOf(runs)).toEqual(['learning/ihi-runs']);
    expect(runs.decision.reasons[0]?.evidence).toEqual({ phase: 0, nUseful: 16, runs: 16, min: 5, max: 12 });
    const far = runChart([5, 6, 5, 7, 30, 6, 5], { astronomical: { above: 20 } });
    expect(reasonsOf(far)).toEqual(['learning/ihi-astronomical']);
    expect(far.decision.reasons[0]?.evidence).toEqual({ phase: 0, astronomical: 1, above: 20, below: null });
  });

  it('undetermined: each degenerate case has its own rule', () => {
    const flat = runChart([7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
    expect(flat.decision.action).toBe('undetermined');
    expect(reasonsOf(flat)).toEqual(['learning/all-on-median']);
    expect(flat.notes[0]).toMatchObject({ code: 'NO_USEFUL_POINTS', field: 'decision' });
    const empty = runChart([null, null, null]);
    expect(reasonsOf(empty)).toEqual(['learning/no-median']);
    expect(empty.notes[0]).toMatchObject({ code: 'NO_BASELINE_VALUES', field: 'median' });
    const alternating = Array.from({ length: 16 }, (_, index) => (index % 2 === 0 ? 1 : 3));
    const missing = runChart(alternating, { policy: { runsTable: [{ nUseful: 15, min: 5, max: 11 }] } });
    expect(reasonsOf(missing)).toEqual(['learning/not-in-runs-table']);
    expect(missing.notes[0]).toMatchObject({ code: 'NOT_IN_RUNS_TABLE', field: 'runsRange' });
    // A rule that fires still decides, even when another cannot judge.
    const withLines = runChart(alternating, {
      policy: { runsTable: [{ nUseful: 15, min: 5, max: 11 }] },
      astronomical: { above: 2.5 },
    });
    expect(withLines.runsCountSignal).toBeNull();
    expect(reasonsOf(withLines)).toEqual(['learning/ihi-astronomical']);
    expect(withLines.decision.action).toBe('signal');
  });

  it('every rule the decisions cite is in the catalog', () => {
    const ids = new Set<string>(RUN_CHART_RULES.map((rule) => rule.id));
    const charts = [
      runChart([1, 2, 1, 2, 1, 2, 1, 2, 5, 5, 6, 6, 7, 7, 8, 8]),
      runChart([7, 7, 7]),
      runChart([]),
      runChart([5, 6, 5, 7, 30, 6, 5], { astronomical: { below: 5.5 } }),
    ];
    for (const chart of charts) {
      for (const phase of chart.phases) {
        expect(phase.decision.reasons.length).toBeGreaterThan(0);
        for (const reason of phase.decision.reasons) expect(ids.has(reason.rule)).toBe(true);
      }
    }
  });
});

describe('runChart: degenerate data is null with a note, not an error', () => {
  it('all equal: every point on the median, so no runs to judge', () => {
    const result = runChart([7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
    expect(result).toMatchObject({
      median: 7,
      nUseful: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      runsSignal: null,
      shift: null,
      longestTrend: 1,
      trend: false,
      runs: null,
      signal: null,
    });
    expect(result.notes.map((entry) => entry.code)).toEqual(['NO_USEFUL_POINTS']);
    expect(result.points.every((point) => point.side === 'on')).toBe(true);
  });

  it('no value at all', () => {
    const result = runChart([null, undefined, null]);
    expect(result).toMatchObject({ n: 3, nMissing: 3, median: null, trend: null, signal: null });
    expect(result.notes.map((entry) => entry.code)).toEqual(['NO_BASELINE_VALUES']);
  });

  it('an empty series', () => {
    const result = runChart([]);
    expect(result).toMatchObject({ n: 0, median: null, points: [] });
    expect(result.phases).toHaveLength(1);
  });

  it('a phase whose baseline is all missing says which phase', () => {
    const result = runChart([1, 2, 3, null, null, 4, 5, 6], { part: [3], freeze: [null, 2] });
    expect(result.phases[1]?.median).toBeNull();
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]?.code).toBe('NO_BASELINE_VALUES');
    expect(result.notes[0]?.message).toMatch(/^phase 1 /);
  });
});

describe('runChart: inputs', () => {
  it('takes dated values and echoes the dates', () => {
    const result = runChart([
      { date: '2025-01-06', value: 3 },
      { date: '2025-01-13', value: null },
      { date: '2025-01-20', value: 5 },
      { date: '2025-01-27', value: 4 },
    ]);
    expect(result.points.map((point) => [point.date, point.value])).toEqual([
      ['2025-01-06', 3],
      ['2025-01-13', null],
      ['2025-01-20', 5],
      ['2025-01-27', 4],
    ]);
    expect(result).toMatchObject({ nMissing: 1, median: 4 });
  });

  it("takes typed arrays, with NaN as missing under nanPolicy: 'omit'", () => {
    const result = runChart(Float64Array.of(1, Number.NaN, 3, 2), { nanPolicy: 'omit' });
    expect(result).toMatchObject({ n: 4, nMissing: 1, median: 2 });
    expect(runChart(Int16Array.of(1, 5, 3)).median).toBe(3);
  });

  it('keeps finite medians of huge values', () => {
    expect(runChart([Number.MAX_VALUE, Number.MAX_VALUE]).median).toBe(Number.MAX_VALUE);
  });
});
