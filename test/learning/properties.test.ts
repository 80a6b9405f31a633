import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anhoejLimits,
  decidePdsa,
  type PdsaCycleInput,
  pdsaSeries,
  type RunChartOptions,
  type RunChartResult,
  runChart,
  studyPdsa,
} from '../../src/learning/index.js';

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

/** Paths of `undefined` values: every result field is always present (`null` when it does not apply). */
function undefinedIn(value: unknown, path = ''): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => undefinedIn(entry, `${path}.${key}`));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** A series and valid options: phase cut points, a freeze (number or per phase), excluded points. */
const seriesWithOptions = (value: fc.Arbitrary<number | null>) =>
  fc.integer({ min: 0, max: 60 }).chain((n) =>
    fc
      .tuple(
        fc.array(value, { minLength: n, maxLength: n }),
        n < 2 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: 3 }),
        n === 0 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 5 }),
        fc.constantFrom('none', 'number', 'per-phase'),
        fc.constantFrom('anhoej', 'ihi', 'both') as fc.Arbitrary<'anhoej' | 'ihi' | 'both'>,
        fc.nat(),
      )
      .map(([values, rawCuts, exclude, freezeKind, rules, seed]) => {
        const part = [...rawCuts].sort((a, b) => a - b);
        const edges = [0, ...part, n];
        const lengths = edges.slice(1).map((end, k) => end - (edges[k] as number));
        const options: RunChartOptions & { part?: number[]; exclude?: number[] } = { rules, exclude };
        if (part.length > 0) options.part = part;
        const shortest = Math.min(...lengths);
        if (freezeKind === 'number' && shortest >= 1) {
          (options as { freeze?: number }).freeze = 1 + (seed % shortest);
        } else if (freezeKind === 'per-phase' && n > 0) {
          (options as { freeze?: (number | null)[] }).freeze = lengths.map((length, k) =>
            (seed + k) % 3 === 0 ? null : 1 + ((seed + k) % length),
          );
        }
        return { values, options };
      }),
  );

/** Everything a signal depends on: the phases without their medians, and each point's side and rules. */
function signals(result: RunChartResult) {
  return {
    phases: result.phases.map(({ median: _median, ...rest }) => rest),
    points: result.points.map((point) => [point.side, point.rules, point.baseline, point.excluded, point.phase]),
    notes: result.notes.map((entry) => entry.code),
  };
}

describe('runChart: invariants', () => {
  it('a constant shift of every value never changes the signals', () => {
    // Integers and quarter values shifted by whole numbers are exact in binary floating point, so
    // "on the median" means the same before and after the shift.
    const value = fc.oneof(
      fc.integer({ min: -50, max: 50 }),
      fc.integer({ min: -200, max: 200 }).map((k) => k / 4),
      fc.constant(null),
    );
    fc.assert(
      fc.property(seriesWithOptions(value), fc.integer({ min: -1_000_000, max: 1_000_000 }), (input, shift) => {
        const before = runChart(input.values, input.options);
        const after = runChart(
          input.values.map((entry) => (entry === null ? null : entry + shift)),
          input.options,
        );
        expect(signals(after)).toEqual(signals(before));
        after.phases.forEach((phase, k) => {
          const median = before.phases[k]?.median ?? null;
          expect(phase.median).toBe(median === null ? null : median + shift);
        });
      }),
    );
  });

  it('reversing a series keeps the median, the longest run, the crossings and the trends', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constant(null)), { maxLength: 80 }), (values) => {
        const forward = runChart(values);
        const backward = runChart([...values].reverse());
        for (const key of [
          'median',
          'nUseful',
          'longestRun',
          'crossings',
          'runsSignal',
          'shift',
          'longestTrend',
          'trend',
        ] as const) {
          expect(backward[key], key).toEqual(forward[key]);
        }
      }),
    );
  });

  it('gives finite numbers only, even for extreme values, and never mutates its input', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0, -0),
      fc.constant(null),
    );
    fc.assert(
      fc.property(seriesWithOptions(value), (input) => {
        const copy = structuredClone(input);
        const frozen = deepFreeze(input);
        const result = runChart(frozen.values, { ...frozen.options, astronomical: { above: 1e300, below: -1e300 } });
        expect(numbersIn(result).every(Number.isFinite)).toBe(true);
        expect(input).toEqual(copy);
        expect(undefinedIn(result)).toEqual([]);
      }),
    );
  });

  it('counts are consistent: useful ≤ present, longest run ≤ useful, crossings < useful, flags only on useful points', () => {
    fc.assert(
      fc.property(seriesWithOptions(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null))), (input) => {
        const result = runChart(input.values, input.options);
        for (const phase of result.phases) {
          expect(phase.nUseful + phase.nMissing + phase.nExcluded).toBeLessThanOrEqual(phase.n);
          if (phase.longestRun !== null) {
            expect(phase.longestRun).toBeLessThanOrEqual(phase.nUseful);
            expect(phase.crossings).toBeLessThan(phase.nUseful);
          }
        }
        for (const point of result.points) {
          const runRule = point.rules.some(
            (rule) => rule.startsWith('learning/anhoej') || rule === 'learning/ihi-shift',
          );
          if (runRule) expect(point.side === 'above' || point.side === 'below').toBe(true);
        }
      }),
    );
  });

  it("each phase's decision names every rule that flags one of its points, and signal follows the decision", () => {
    fc.assert(
      fc.property(seriesWithOptions(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null))), (input) => {
        const result = runChart(input.values, input.options);
        for (const phase of result.phases) {
          const { action, reasons } = phase.decision;
          expect(reasons.length).toBeGreaterThan(0);
          expect(phase.signal).toBe(action === 'signal' ? true : action === 'no-signal' ? false : null);
          const cited = new Set<string>(reasons.map((reason) => reason.rule));
          const flagged = result.points.filter((point) => point.phase === phase.phase).flatMap((point) => point.rules);
          for (const rule of flagged) expect(cited.has(rule)).toBe(true);
          if (action !== 'signal') expect(flagged).toEqual([]);
        }
        expect(result.decision).toEqual(result.phases.at(-1)?.decision);
      }),
    );
  });
});

describe('anhoejLimits: invariants', () => {
  it('both limits grow with n, and the crossings limit stays below half the possible crossings', () => {
    let previous = anhoejLimits(1);
    for (let n = 2; n <= 3000; n += 1) {
      const limits = anhoejLimits(n);
      expect(limits.longestRunMax as number).toBeGreaterThanOrEqual(previous.longestRunMax as number);
      expect(limits.crossingsMin as number).toBeGreaterThanOrEqual(previous.crossingsMin as number);
      expect(limits.crossingsMin as number).toBeLessThanOrEqual((n - 1) / 2);
      previous = limits;
    }
  });
});

const observations = (before: readonly number[], after: readonly number[]) => [
  ...before.map((value, i) => ({ unit: `u${i}`, group: 'before' as const, date: '2025-03-01', value })),
  ...after.map((value, i) => ({ unit: `u${i}`, group: 'after' as const, date: '2025-04-01', value })),
];

const cycleArbitrary = fc
  .tuple(
    fc.integer({ min: 0, max: 8 }),
    fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 8, maxLength: 8 }),
    fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 8, maxLength: 8 }),
    fc.integer({ min: 1, max: 10 }),
    fc.constantFrom('increase', 'decrease') as fc.Arbitrary<'increase' | 'decrease'>,
  )
  .map(
    ([units, before, after, amount, direction]): PdsaCycleInput => ({
      id: 'cycle',
      plan: {
        change: 'Demonstration classroom visits',
        strategyId: 'proof-point',
        measure: 'Ratio',
        prediction: { direction, amount },
        instrument: 'Observation protocol',
        sample: { unit: 'classroom', size: 5 },
      },
      do: { design: 'before-after', observations: observations(before.slice(0, units), after.slice(0, units)) },
    }),
  );

describe('PDSA: invariants', () => {
  it('a constant shift of every observation changes neither the study nor the decision', () => {
    fc.assert(
      fc.property(cycleArbitrary, fc.integer({ min: -1000, max: 1000 }), (cycle, shift) => {
        const shifted = {
          ...cycle,
          do: {
            ...cycle.do,
            observations: cycle.do.observations.map((entry) => ({ ...entry, value: Number(entry.value) + shift })),
          },
        };
        const a = decidePdsa(cycle);
        const b = decidePdsa(shifted);
        expect(b.decision.action).toBe(a.decision.action);
        expect(b.decision.reasons[0]?.rule).toBe(a.decision.reasons[0]?.rule);
        expect(b.predictionHeld).toBe(a.predictionHeld);
        expect(b.study.unitsImproved).toEqual(a.study.unitsImproved);
      }),
    );
  });

  it('the act follows the attainment bands of the policy, outputs are finite, and the cycle is not mutated', () => {
    fc.assert(
      fc.property(cycleArbitrary, (cycle) => {
        const copy = structuredClone(cycle);
        const decision = decidePdsa(deepFreeze(cycle));
        expect(cycle).toEqual(copy);
        expect(numbersIn(decision).every(Number.isFinite)).toBe(true);
        expect(undefinedIn(decision)).toEqual([]);
        const { attainment, tested, reference } = decision.study;
        if (tested.units < 3 || reference.units < 3) expect(decision.decision.action).toBe('undetermined');
        else if ((attainment as number) >= 1 - 1e-9) expect(decision.decision.action).toBe('expand');
        else if ((attainment as number) >= 0.25 - 1e-9) expect(decision.decision.action).toBe('revise');
        else expect(decision.decision.action).toBe('abandon');
        expect(studyPdsa(cycle)).toEqual(decision.study);
      }),
    );
  });

  it('a series never mutates its cycles and reports one entry per cycle', () => {
    fc.assert(
      fc.property(fc.array(cycleArbitrary, { maxLength: 4 }), (cycles) => {
        const list = cycles.map((cycle, index) => ({ ...cycle, id: `c${index}` }));
        const copy = structuredClone(list);
        const report = pdsaSeries(deepFreeze(list));
        expect(list).toEqual(copy);
        expect(report.cycles.map((entry) => entry.id)).toEqual(list.map((cycle) => cycle.id));
        expect(numbersIn(report).every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
