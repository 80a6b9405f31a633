/**
 * The fidelity module against R (test/fixtures/gen/fidelity.R: cor.test, the inverse correlation
 * matrix, t.test, multilevel::ICC1, lm) and planted, hand-checkable cases.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import {
  analyzeFidelityOutcome,
  componentContributions,
  DEFAULT_FIDELITY_POLICY,
  fidelityThreshold,
} from '../../src/fidelity/index.js';
import { expectClose, expectCloseInterval, P_TOLERANCE } from '../_support/close.js';
import { expectError } from '../_support/expectError.js';

type Num = number | null;
const fixture = JSON.parse(readFileSync(new URL('../fixtures/fidelity.json', import.meta.url), 'utf8')) as {
  analyses: {
    name: string;
    fidelity: number[];
    outcome: number[];
    baseline: number[];
    clusters: number[];
    expected: {
      correlation: { estimate: number; statistic: number; pValue: number; confidenceInterval: [number, number] };
      partial: {
        estimate: number;
        statistic: number;
        df: number;
        pValue: number;
        confidenceInterval: [number, number];
      };
      bands: { n: number; mean: Num; sd: Num; confidenceInterval: [number, number] | null }[];
      clustering: {
        clusterCount: number;
        n0: number;
        iccFidelity: number;
        iccOutcome: number;
        designEffect: number;
        effectiveN: number;
        adjusted: { statistic: number; df: number; pValue: number; confidenceInterval: [number, number] };
        clusterLevel: { estimate: number; pValue: number; n: number };
      };
    };
  }[];
  components: {
    name: string;
    ids: string[];
    components: number[][];
    outcome: number[];
    expected: Record<
      'partial' | 'statistic' | 'pValue' | 'correlation' | 'correlationPValue' | 'holm' | 'bh' | 'widenedUpper',
      number[]
    >;
  }[];
  thresholds: {
    name: string;
    type: 'binary' | 'continuous';
    fidelity: number[];
    outcome: number[];
    cuts: number[];
    minGroupSize: number;
    expected: { statistic: Num[]; slopeBelow: Num[]; slopeAbove: Num[] };
  }[];
};

describe('analyzeFidelityOutcome against R', () => {
  it.each(fixture.analyses.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = analyzeFidelityOutcome({
      fidelity: c.fidelity,
      outcome: c.outcome,
      baseline: c.baseline,
      clusters: c.clusters,
    });
    const e = c.expected;
    expectClose(result.correlation.estimate, e.correlation.estimate, 'r');
    expectClose(result.correlation.statistic, e.correlation.statistic, 't');
    expectClose(result.correlation.pValue, e.correlation.pValue, 'p', P_TOLERANCE);
    expectCloseInterval(result.correlation.confidenceInterval, e.correlation.confidenceInterval, 'CI');
    expectClose(result.partial?.estimate, e.partial.estimate, 'partial r');
    expectClose(result.partial?.pValue, e.partial.pValue, 'partial p', P_TOLERANCE);
    expectCloseInterval(result.partial?.confidenceInterval, e.partial.confidenceInterval, 'partial CI');
    expect(result.bands.map((band) => band.n)).toEqual(e.bands.map((band) => band.n));
    result.bands.forEach((band, index) => {
      const expected = e.bands[index];
      expectClose(band.mean, expected?.mean, `band ${index} mean`);
      expectClose(band.sd, expected?.sd, `band ${index} sd`);
      expectCloseInterval(band.confidenceInterval, expected?.confidenceInterval, `band ${index} CI`);
    });
    const clustering = result.clustering;
    expect(clustering?.clusterCount).toBe(e.clustering.clusterCount);
    expectClose(clustering?.n0, e.clustering.n0, 'n0');
    expectClose(clustering?.iccFidelity?.estimate, e.clustering.iccFidelity, 'ICC fidelity');
    expectClose(clustering?.iccOutcome?.estimate, e.clustering.iccOutcome, 'ICC outcome');
    expectClose(clustering?.designEffect, e.clustering.designEffect, 'deff');
    expectClose(clustering?.effectiveN, e.clustering.effectiveN, 'effective n');
    expectClose(clustering?.adjusted?.statistic, e.clustering.adjusted.statistic, 'adjusted t');
    expectClose(clustering?.adjusted?.pValue, e.clustering.adjusted.pValue, 'adjusted p', P_TOLERANCE);
    expectCloseInterval(
      clustering?.adjusted?.confidenceInterval,
      e.clustering.adjusted.confidenceInterval,
      'adjusted CI',
    );
    expectClose(clustering?.clusterLevel?.estimate, e.clustering.clusterLevel.estimate, 'cluster-level r');
    expectClose(clustering?.clusterLevel?.pValue, e.clustering.clusterLevel.pValue, 'cluster-level p', P_TOLERANCE);
  });

  it('shrinks the effective n as the ICCs grow', () => {
    const effective = fixture.analyses.map(
      (c) =>
        analyzeFidelityOutcome({ fidelity: c.fidelity, outcome: c.outcome, clusters: c.clusters }).clustering
          ?.effectiveN,
    );
    expect(effective[0] as number).toBeGreaterThan(effective[1] as number);
    expect(effective[1] as number).toBeGreaterThan(effective[2] as number);
  });

  it('says plainly when clusters are too few', () => {
    const c = fixture.analyses[2];
    if (!c) throw new Error('fixture');
    const result = analyzeFidelityOutcome(
      { fidelity: c.fidelity, outcome: c.outcome, clusters: c.clusters },
      { policy: { minClusters: 20 } },
    );
    expect(result.clustering).toMatchObject({
      clusterCount: 15,
      designEffect: null,
      adjusted: null,
      notes: [{ code: 'TOO_FEW_CLUSTERS', field: 'adjusted' }],
    });
  });

  it('rescales a rubric, drops missing pairs and reports empty bands', () => {
    const result = analyzeFidelityOutcome(
      { fidelity: [1, 2, 4, 4, null, 4], outcome: [10, 12, 15, 18, 20, null] },
      { fidelityScale: { min: 0, max: 4 } },
    );
    expect(result.correlation.n).toBe(4);
    expect(result.correlation.nDropped).toBe(2);
    expect(result.bands.map((band) => [band.lower, band.upper, band.n])).toEqual([
      [0, 0.4, 1],
      [0.4, 0.6, 1],
      [0.6, 0.8, 0],
      [0.8, 1, 2],
    ]);
    expect(result.bands[2]?.notes.map((entry) => entry.code)).toEqual(['EMPTY_BAND']);
    expect(result.bands[0]?.notes.map((entry) => [entry.code, entry.field])).toEqual([['ONE_OBSERVATION', 'sd']]);
    expect(result.bands[3]?.notes).toEqual([]);
    expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([
      ['NO_BASELINE', 'partial'],
      ['NO_CLUSTERS', 'clustering'],
    ]);
  });
});

describe('componentContributions against R', () => {
  it.each(fixture.components.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const components = c.ids.map((id, index) => ({ id, fidelity: c.components[index] as number[] }));
    const holm = componentContributions({ components, outcome: c.outcome });
    const bh = componentContributions({ components, outcome: c.outcome }, { adjust: 'bh' });
    holm.components.forEach((component, index) => {
      expectClose(component.partial?.estimate, c.expected.partial[index], `${component.id} partial`);
      expectClose(component.partial?.statistic, c.expected.statistic[index], `${component.id} t`);
      expectClose(component.pValue, c.expected.pValue[index], `${component.id} p`, P_TOLERANCE);
      expectClose(component.correlation.estimate, c.expected.correlation[index], `${component.id} r`);
      expectClose(component.adjustedPValue, c.expected.holm[index], `${component.id} holm`, P_TOLERANCE);
      expectClose(bh.components[index]?.adjustedPValue, c.expected.bh[index], `${component.id} bh`, P_TOLERANCE);
      expectClose(component.widenedInterval?.[1], c.expected.widenedUpper[index], `${component.id} widened upper`);
    });
    const byId = Object.fromEntries(holm.components.map((component) => [component.id, component]));
    // The truly related component is supported and ranked first; its collinear twin correlates
    // strongly on its own but is never called supported once the truth is controlled for.
    expect(byId.truth?.decision.action).toBe('supported');
    expect(byId.truth?.rank).toBe(1);
    expect((byId.twin?.correlation.pValue as number) < 0.001).toBe(true);
    expect(byId.twin?.decision.action).not.toBe('supported');
  });

  it('never says not-supported from non-significance alone', () => {
    const random = createRandom(3);
    const truth = Array.from({ length: 25 }, () => random.nextFloat());
    const noisy = truth.map(() => random.nextFloat());
    const outcome = truth.map((value) => 10 * value + 8 * random.nextFloat());
    const result = componentContributions({
      components: [
        { id: 'noisy', fidelity: noisy },
        { id: 'truth', fidelity: truth },
      ],
      outcome,
    });
    const noisyDecision = result.components[0]?.decision;
    if (noisyDecision?.action === 'not-supported') {
      expect(result.components[0]?.widenedInterval?.[1] as number).toBeLessThan(
        DEFAULT_FIDELITY_POLICY.minimumMeaningfulEffect,
      );
    } else {
      expect(noisyDecision?.reasons[0]?.rule).toMatch(/inconclusive|contributes/);
    }
    expect(result.components[0]?.decision.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('fidelityThreshold', () => {
  it.each(fixture.thresholds.map((c) => [c.name, c] as const))('per-candidate statistics match R: %s', (_name, c) => {
    const result = fidelityThreshold(
      { fidelity: c.fidelity, outcome: c.outcome },
      {
        outcomeType: c.type,
        candidates: c.cuts,
        policy: { minObservations: c.minGroupSize, permutations: 99, bootstrapDraws: 99 },
      },
    );
    result.candidates.forEach((candidate, index) => {
      expectClose(candidate.statistic, c.expected.statistic[index], `statistic at ${candidate.cut}`);
      if (c.type === 'continuous' && candidate.eligible) {
        expectClose(candidate.continuous?.slopeBelow, c.expected.slopeBelow[index], `slope below ${candidate.cut}`, {
          relative: 1e-8,
          absolute: 1e-8,
        });
        expectClose(candidate.continuous?.slopeAbove, c.expected.slopeAbove[index], `slope above ${candidate.cut}`, {
          relative: 1e-8,
          absolute: 1e-8,
        });
      }
    });
  });

  it('finds a planted jump at 0.7 (binary) and a planted slope change at 0.6 (continuous)', () => {
    const [binary, continuous, noiseContinuous, noiseBinary] = fixture.thresholds;
    if (!binary || !continuous || !noiseContinuous || !noiseBinary) throw new Error('fixture');
    const jump = fidelityThreshold(
      { fidelity: binary.fidelity, outcome: binary.outcome },
      { seed: 11, policy: { minObservations: 8 } },
    );
    expect(jump.associatedLevel?.cut).toBeCloseTo(0.7, 12);
    expect(jump.decision.action).toBe('threshold-found');
    expect(jump.associatedLevel?.binary?.rateAbove.estimate as number).toBeGreaterThan(
      jump.associatedLevel?.binary?.rateBelow.estimate as number,
    );
    const hinge = fidelityThreshold({ fidelity: continuous.fidelity, outcome: continuous.outcome }, { seed: 11 });
    expect(hinge.associatedLevel?.cut).toBeCloseTo(0.6, 12);
    expect(hinge.decision.action).toBe('threshold-found');
    expect(hinge.test.scheme).toBe('freedman-lane');
    expect(hinge.associatedLevel?.continuous?.slopeAbove as number).toBeGreaterThan(40);
    expect(Math.abs(hinge.associatedLevel?.continuous?.slopeBelow as number)).toBeLessThan(5);
    expect(hinge.interval?.lower as number).toBeLessThanOrEqual(0.6);
    expect(hinge.interval?.upper as number).toBeGreaterThanOrEqual(0.6);
    for (const noise of [noiseContinuous, noiseBinary]) {
      const none = fidelityThreshold({ fidelity: noise.fidelity, outcome: noise.outcome }, { seed: 11 });
      expect(none.decision.action).toBe('no-threshold-found');
      expect(none.decision.reasons[0]?.rule).toBe('fidelity/permutation-not-significant');
    }
  });

  it('uses the observed scale points as candidates, or a 0.01 grid when there are more than 101', () => {
    const random = createRandom(9);
    const continuous = Array.from({ length: 300 }, () => random.nextFloat());
    const outcome = continuous.map((value) => 10 * value + random.nextFloat());
    const grid = fidelityThreshold(
      { fidelity: continuous, outcome },
      { policy: { permutations: 99, bootstrapDraws: 99 } },
    );
    expect(grid.candidates.map((candidate) => candidate.cut)).toEqual(
      Array.from({ length: 100 }, (_, k) => (k + 1) / 100),
    );
    const points = continuous.map((value) => Math.round(value * 4) / 4);
    const scale = fidelityThreshold(
      { fidelity: points, outcome },
      { policy: { permutations: 99, bootstrapDraws: 99 } },
    );
    expect(scale.candidates.map((candidate) => candidate.cut)).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('shows the fixed gates on the same data and echoes seed and draws', () => {
    const [binary] = fixture.thresholds;
    if (!binary) throw new Error('fixture');
    const result = fidelityThreshold(
      { fidelity: binary.fidelity, outcome: binary.outcome },
      { seed: 5, policy: { minObservations: 8, permutations: 199, bootstrapDraws: 299 } },
    );
    expect(result.fixedGates.map((gate) => gate.cut)).toEqual([0.7, 0.8]);
    expect(result.test).toMatchObject({ seed: 5, permutations: 199 });
    expect(result.interval).toMatchObject({ seed: 5, draws: 299 });
  });

  it('properties: same seed same answer; the level lies inside the data; teacher order never matters; inputs untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ f: fc.integer({ min: 0, max: 10 }), y: fc.integer({ min: 0, max: 1 }) }), {
          minLength: 8,
          maxLength: 60,
        }),
        fc.nat(1000),
        (rows, seed) => {
          const fidelity = rows.map((row) => row.f / 10);
          const outcome = rows.map((row) => row.y);
          const options = { seed, policy: { minObservations: 3, permutations: 99, bootstrapDraws: 99 } };
          const before = structuredClone({ fidelity, outcome });
          const first = fidelityThreshold({ fidelity, outcome }, options);
          expect({ fidelity, outcome }).toEqual(before);
          expect(fidelityThreshold({ fidelity, outcome }, options)).toEqual(first);
          const reversed = fidelityThreshold(
            { fidelity: [...fidelity].reverse(), outcome: [...outcome].reverse() },
            options,
          );
          expect(reversed).toEqual(first);
          if (first.associatedLevel !== null) {
            expect(first.associatedLevel.cut).toBeGreaterThan(Math.min(...fidelity));
            expect(first.associatedLevel.cut).toBeLessThanOrEqual(Math.max(...fidelity));
          }
          for (const bound of [first.interval?.lower, first.interval?.upper]) {
            if (bound !== null && bound !== undefined) {
              expect(bound).toBeGreaterThan(Math.min(...fidelity));
              expect(bound).toBeLessThanOrEqual(Math.max(...fidelity));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('analysis results do not depend on the order of teachers (up to rounding)', () => {
    const c = fixture.analyses[1];
    if (!c) throw new Error('fixture');
    const order = c.fidelity.map((_, index) => index).reverse();
    const pick = <T>(values: readonly T[]) => order.map((index) => values[index] as T);
    const a = analyzeFidelityOutcome({
      fidelity: c.fidelity,
      outcome: c.outcome,
      baseline: c.baseline,
      clusters: c.clusters,
    });
    const b = analyzeFidelityOutcome({
      fidelity: pick(c.fidelity),
      outcome: pick(c.outcome),
      baseline: pick(c.baseline),
      clusters: pick(c.clusters),
    });
    expectClose(b.correlation.estimate, a.correlation.estimate, 'r');
    expectClose(b.partial?.estimate, a.partial?.estimate, 'partial');
    expectClose(b.clustering?.effectiveN, a.clustering?.effectiveN, 'effective n');
    expect(b.bands.map((band) => band.n)).toEqual(a.bands.map((band) => band.n));
  });
});

describe('fidelity: bad input', () => {
  const f = [0.2, 0.4, 0.6, 0.8];
  const y = [1, 2, 3, 4];
  it.each([
    [
      'fidelity above 1',
      () => analyzeFidelityOutcome({ fidelity: [0.2, 1.2, 0.4, 0.5], outcome: y }),
      ['data', 'fidelity', 1],
    ],
    [
      'a rubric value off its scale',
      () => analyzeFidelityOutcome({ fidelity: [1, 2, 5, 3], outcome: y }, { fidelityScale: { min: 0, max: 4 } }),
      ['data', 'fidelity', 2],
    ],
    [
      'a scale with max below min',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: y }, { fidelityScale: { min: 4, max: 0 } }),
      ['options', 'fidelityScale', 'max'],
    ],
    ['unequal lengths', () => analyzeFidelityOutcome({ fidelity: f, outcome: [1, 2, 3] }), ['data', 'outcome']],
    [
      'a baseline of the wrong length',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: y, baseline: [1] }),
      ['data', 'baseline'],
    ],
    [
      'an observation without a cluster',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: y, clusters: ['a', 'b', null as never, 'a'] }),
      ['data', 'clusters', 2],
    ],
    [
      'clusters of the wrong length',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: y, clusters: ['a'] }),
      ['data', 'clusters'],
    ],
    [
      'bands out of order',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: y }, { policy: { bands: [0.6, 0.4] } }),
      ['options', 'policy', 'bands', 1],
    ],
    [
      'NaN outcome',
      () => analyzeFidelityOutcome({ fidelity: f, outcome: [1, Number.NaN, 3, 4] }),
      ['data', 'outcome', 1],
    ],
    ['no components', () => componentContributions({ components: [], outcome: y }), ['data', 'components']],
    [
      'duplicate component ids',
      () =>
        componentContributions({
          components: [
            { id: 'a', fidelity: f },
            { id: 'a', fidelity: f },
          ],
          outcome: y,
        }),
      ['data', 'components', 1, 'id'],
    ],
    [
      'a component of the wrong length',
      () => componentContributions({ components: [{ id: 'a', fidelity: [0.1] }], outcome: y }),
      ['data', 'components', 0, 'fidelity'],
    ],
    [
      'a minimum group larger than the data',
      () => fidelityThreshold({ fidelity: f, outcome: [0, 1, 0, 1] }, { policy: { minObservations: 3 } }),
      ['options', 'policy', 'minObservations'],
    ],
    [
      'a binary outcome that is not 0/1',
      () =>
        fidelityThreshold(
          { fidelity: f, outcome: [0, 1, 2, 1] },
          { outcomeType: 'binary', policy: { minObservations: 1 } },
        ),
      ['data', 'outcome', 2],
    ],
    [
      'a candidate outside [0, 1]',
      () => fidelityThreshold({ fidelity: f, outcome: y }, { candidates: [0.5, 1.5], policy: { minObservations: 1 } }),
      ['options', 'candidates', 1],
    ],
    [
      'a negative seed',
      () => fidelityThreshold({ fidelity: f, outcome: y }, { seed: -1, policy: { minObservations: 1 } }),
      ['options', 'seed'],
    ],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });
});
