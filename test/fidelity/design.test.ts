/**
 * Fidelity analyses that respect the design (issue 13): the planted studies, and properties of the
 * design-aware resampling (canonical order, design effect).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeFidelityOutcome,
  componentContributions,
  fidelityThreshold,
  parseComponentContributionsResult,
  parseFidelityThresholdResult,
} from '../../src/fidelity/index.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';
import { plantedStudy } from './_plantedStudies.js';

/** The 99% two-sided band of a Binomial(n, p) count: [lower, upper] with ≤ 0.5% in each tail. */
function binomialBand(n: number, p: number): [number, number] {
  const pmf: number[] = [];
  let logC = 0;
  for (let k = 0; k <= n; k += 1) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    pmf.push(Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p)));
  }
  let lower = 0;
  let tail = 0;
  while (tail + (pmf[lower] as number) <= 0.005) tail += pmf[lower++] as number;
  let upper = n;
  tail = 0;
  while (tail + (pmf[upper] as number) <= 0.005) tail += pmf[upper--] as number;
  return [lower, upper];
}

const quick = { policy: { permutations: 99, bootstrapDraws: 99 } } as const;

describe('planted study (a): no teacher-level relation, clustered data', () => {
  it('over 200 seeded datasets the plain permutation test rejects at more than 2α; the within-cluster one stays in the 99% band of α', () => {
    const alpha = 0.05;
    let plain = 0;
    let aware = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const study = plantedStudy(seed, {
        schools: 10,
        sizes: [20, 30, 25, 15],
        schoolFidelitySd: 0.15,
        schoolOutcomeSd: 1.5,
      });
      const options = { seed, ...quick };
      const naive = fidelityThreshold({ fidelity: study.fidelity, outcome: study.outcome }, options);
      const clustered = fidelityThreshold(
        { fidelity: study.fidelity, outcome: study.outcome, clusters: study.clusters },
        options,
      );
      expect(clustered.test.scheme).toBe('freedman-lane-within-clusters');
      if ((naive.test.pValue as number) < alpha) plain += 1;
      if ((clustered.test.pValue as number) < alpha) aware += 1;
    }
    const [lower, upper] = binomialBand(200, alpha);
    expect(plain).toBeGreaterThan(2 * alpha * 200);
    expect(aware).toBeGreaterThanOrEqual(lower);
    expect(aware).toBeLessThanOrEqual(upper);
  }, 60_000);
});

describe('planted study (b): a school-level confound', () => {
  // Schools with more support have both higher fidelity and higher outcomes; no teacher-level relation.
  const study = plantedStudy(12, {
    schools: 30,
    sizes: [8, 12, 10],
    schoolFidelitySd: 0.03,
    schoolOutcomeSd: 0.5,
    confound: 3,
  });
  const result = analyzeFidelityOutcome({ fidelity: study.fidelity, outcome: study.outcome, clusters: study.clusters });
  it('only the within-cluster analysis is non-significant', () => {
    expect(result.correlation.pValue as number).toBeLessThan(0.05);
    expect(result.clustering?.adjusted?.pValue as number).toBeLessThan(0.05);
    expect(result.mixedModel?.within.pValue as number).toBeGreaterThan(0.05);
  });
  it('the between effect of the mixed model carries the association', () => {
    expect(result.mixedModel?.between.pValue as number).toBeLessThan(0.001);
    expect(result.mixedModel?.between.estimate as number).toBeGreaterThan(0);
    expect(result.mixedModel?.within.confidenceInterval?.[0] as number).toBeLessThan(0);
  });
});

describe('planted study (c): a teacher-level hinge at 0.6, school intercepts unrelated to fidelity', () => {
  const study = plantedStudy(11, {
    schools: 24,
    sizes: [8, 12, 10, 14],
    schoolFidelitySd: 0,
    schoolOutcomeSd: 2,
    hingeSlope: 20,
    hingeAt: 0.6,
  });
  const result = fidelityThreshold(
    { fidelity: study.fidelity, outcome: study.outcome, baseline: study.baseline, clusters: study.clusters },
    { seed: 4, policy: { permutations: 199, bootstrapDraws: 199 } },
  );
  it('is found near 0.6, significant, with the 0.6 level inside the wild-cluster interval', () => {
    expect(Math.abs((result.associatedLevel?.cut as number) - 0.6)).toBeLessThanOrEqual(0.05 + 1e-12);
    expect(result.decision.action).toBe('threshold-found');
    expect(result.interval?.lower as number).toBeLessThanOrEqual(0.6);
    expect(result.interval?.upper as number).toBeGreaterThanOrEqual(0.6);
    expect(result.design).toMatchObject({
      covariates: 1,
      clusters: 24,
      permutation: 'within-clusters',
      interval: 'wild-cluster-rademacher',
    });
    expect(parseFidelityThresholdResult(JSON.parse(JSON.stringify(result))).design?.clusters).toBe(24);
  });
  it('uses Webb weights below 12 clusters', () => {
    const few = plantedStudy(3, {
      schools: 8,
      sizes: [12, 9],
      schoolFidelitySd: 0.05,
      schoolOutcomeSd: 1,
      hingeSlope: 10,
    });
    const fewResult = fidelityThreshold(
      { fidelity: few.fidelity, outcome: few.outcome, clusters: few.clusters },
      { seed: 2, ...quick },
    );
    expect(fewResult.design?.interval).toBe('wild-cluster-webb');
    expect(fewResult.design?.reason).toMatch(/Webb/);
  });
});

describe('fidelityThreshold with a design', () => {
  const study = plantedStudy(5, {
    schools: 12,
    sizes: [6, 9, 7],
    schoolFidelitySd: 0.1,
    schoolOutcomeSd: 1,
    hingeSlope: 8,
  });
  it('a binary outcome with covariates gives no level, with a note and its own rule', () => {
    const metGoal = study.outcome.map((value) => (value > 0.5 ? 1 : 0));
    const result = fidelityThreshold({ fidelity: study.fidelity, outcome: metGoal, baseline: study.baseline }, quick);
    expect(result.associatedLevel).toBeNull();
    expect(result.test.pValue).toBeNull();
    expect(result.interval).toBeNull();
    expect(result.notes.map((entry) => entry.code)).toEqual(['NO_RESIDUAL_FORM']);
    expect(result.decision.reasons[0]?.rule).toBe('fidelity/no-residual-form');
  });
  it('validates the design inputs at their paths', () => {
    expectError(
      () => fidelityThreshold({ fidelity: study.fidelity, outcome: study.outcome, clusters: study.clusters.slice(1) }),
      'INVALID_INPUT',
      ['data', 'clusters'],
    );
    expectError(
      () =>
        fidelityThreshold({
          fidelity: study.fidelity,
          outcome: study.outcome,
          clusters: study.clusters.map((id, i) => (i === 3 ? '' : id)),
        }),
      'INVALID_INPUT',
      ['data', 'clusters', 3],
    );
    expectError(
      () =>
        fidelityThreshold({
          fidelity: study.fidelity,
          outcome: study.outcome,
          covariates: [study.baseline.map((value, i) => (i === 2 ? Number.NaN : value))],
        }),
      'INVALID_INPUT',
      ['data', 'covariates', 0, 2],
    );
    expectError(
      () =>
        fidelityThreshold({
          fidelity: study.fidelity,
          outcome: study.outcome,
          covariates: [study.fidelity.map(() => 1)],
        }),
      'INVALID_INPUT',
      ['data', 'covariates'],
    );
  });
  it('a seeded result is unchanged by reordering the rows (canonical order)', () => {
    const n = study.fidelity.length;
    const reference = fidelityThreshold(
      { fidelity: study.fidelity, outcome: study.outcome, baseline: study.baseline, clusters: study.clusters },
      { seed: 9, ...quick },
    );
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: n, maxLength: n }), (keys) => {
        const order = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
        );
        const pick = <T>(values: readonly T[]) => order.map((i) => values[i] as T);
        const shuffled = fidelityThreshold(
          {
            fidelity: pick(study.fidelity),
            outcome: pick(study.outcome),
            baseline: pick(study.baseline),
            clusters: pick(study.clusters),
          },
          { seed: 9, ...quick },
        );
        expect(shuffled).toEqual(reference);
      }),
      { numRuns: 10 },
    );
  });
});

describe('analyzeFidelityOutcome: the design-effect route', () => {
  it('never gives a smaller p than the plain correlation when the outcome varies only between clusters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 14 }),
        fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 14, maxLength: 14 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 14, maxLength: 14 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 84, maxLength: 84 }),
        (schools, sizes, schoolOutcome, fidelityPoints) => {
          const fidelity: number[] = [];
          const outcome: number[] = [];
          const clusters: number[] = [];
          let k = 0;
          for (let j = 0; j < schools; j += 1) {
            for (let i = 0; i < (sizes[j] as number); i += 1) {
              fidelity.push((fidelityPoints[k++] as number) / 20);
              outcome.push(schoolOutcome[j] as number);
              clusters.push(j);
            }
          }
          const result = analyzeFidelityOutcome({ fidelity, outcome, clusters });
          const plain = result.correlation.pValue;
          const adjusted = result.clustering?.adjusted?.pValue;
          if (plain === null || adjusted === null || adjusted === undefined) return;
          expect(adjusted).toBeGreaterThanOrEqual(plain);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('componentContributions with a design', () => {
  // Component a drives outcomes within schools; component b follows school support only, and support
  // raises outcomes: a school-level confound that a plain analysis credits to b.
  const study = plantedStudy(21, { schools: 20, sizes: [8, 12, 10], schoolFidelitySd: 0.1, schoolOutcomeSd: 1 });
  const a = study.fidelity;
  const b = study.fidelity.map((_, i) =>
    Math.min(1, Math.max(0, 0.5 + (study.support[i] as number) * 0.1 + ((i * 7919) % 13) / 60)),
  );
  const outcome = study.outcome.map((value, i) => value + 4 * (a[i] as number) + 2 * (study.support[i] as number));
  const components = [
    { id: 'a', fidelity: a },
    { id: 'b', fidelity: b },
  ];
  it('the plain analysis supports the confounded component; the clustered one judges it by its within effect', () => {
    const plain = componentContributions({ components, outcome });
    expect(plain.components.map((entry) => entry.decision.action)).toEqual(['supported', 'supported']);
    expect(plain.design).toBeUndefined();
    const clustered = componentContributions({
      components,
      outcome,
      clusters: study.clusters,
      baseline: study.baseline,
    });
    expect(clustered.design).toEqual({ covariates: 1, clusters: 20, judgedOn: 'mixed-model-within' });
    expect(clustered.components.map((entry) => entry.decision.action)).toEqual(['supported', 'not-supported']);
    const confounded = clustered.components[1];
    expect(confounded?.mixedModel?.between.pValue as number).toBeLessThan(0.001);
    expect(confounded?.mixedModel?.within.term).toBe('fidelity_within');
    expect(clustered.components[0]?.mixedModel?.within.estimate as number).toBeGreaterThan(0);
    expect(parseComponentContributionsResult(JSON.parse(JSON.stringify(clustered))).design?.clusters).toBe(20);
  });
});

describe('the design inputs under extreme values', () => {
  const dirty = (value: unknown): boolean => {
    if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
    if (Array.isArray(value)) return value.some(dirty);
    if (value !== null && typeof value === 'object') return Object.values(value).some(dirty);
    return false;
  };
  const extreme = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e308, -1e308, 1e-308, 0, 5e-324),
  );
  it('property: finite outputs or a ScalingNavigatorError, in all three functions with baseline, covariates and clusters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(extreme, extreme, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 })), {
          minLength: 4,
          maxLength: 30,
        }),
        (rows) => {
          const outcome = rows.map((row) => row[0]);
          const covariate = rows.map((row) => row[1]);
          const clusters = rows.map((row) => row[2]);
          const fidelity = rows.map((row) => row[3] / 10);
          const tight = { policy: { permutations: 99, bootstrapDraws: 99, minObservations: 1 } };
          const calls = [
            () => fidelityThreshold({ fidelity, outcome, baseline: covariate, clusters }, tight),
            () => fidelityThreshold({ fidelity, outcome, clusters }, tight),
            () => analyzeFidelityOutcome({ fidelity, outcome, covariates: [covariate], clusters }),
            () =>
              componentContributions({
                components: [
                  { id: 'a', fidelity },
                  { id: 'b', fidelity: fidelity.map((value, i) => (value + (i % 3) / 10) / 1.3) },
                ],
                outcome,
                covariates: [covariate],
                clusters,
              }),
          ];
          for (const call of calls) {
            let result: unknown;
            try {
              result = call();
            } catch (error) {
              expect(isScalingNavigatorError(error)).toBe(true);
              continue;
            }
            expect(dirty(result)).toBe(false);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
