/**
 * The REML search when the profiled deviance has holes: an outcome fitted exactly by a covariate
 * leaves a residual sum of squares that is 0 in floating point at some θ and a few ulps at others,
 * so Brent's root search steps onto θ where the deviance is undefined (its slope is read as NaN).
 */
import { describe, expect, it } from 'vitest';
import { fitProfiled, lmmStatistics, profiledDeviance } from '../../src/_lib/lmm.js';
import { analyzeFidelityOutcome } from '../../src/fidelity/index.js';

// Five schools (one of three teachers), the outcome a 0/1 copy of the only covariate.
const fidelity = [0.8, 0, 0, 0.2, 0.5, 0.3, 0.1];
const outcome = [0, 0, 0, 0, 1, 0, 0];
const clusters = [0, 1, 1, 1, 2, 3, 4];

/** The design fitMixedModel builds: fidelity within schools, the school mean, the covariate. */
function statistics() {
  const cluster = Int32Array.from(clusters);
  const sums = [0.8, 0.2, 0.5, 0.3, 0.1];
  const sizes = [1, 3, 1, 1, 1];
  const mean = Float64Array.from(cluster, (j) => (sums[j] as number) / (sizes[j] as number));
  const within = Float64Array.from(fidelity, (value, k) => value - (mean[k] as number));
  return lmmStatistics({
    y: Float64Array.from(outcome),
    columns: [within, mean, Float64Array.from(outcome)],
    cluster,
    clusterCount: 5,
  });
}

describe('fitProfiled: a deviance undefined at some θ', () => {
  it('still returns the least deviance it saw, never worse than the best grid point', () => {
    const s = statistics();
    const grid = [0, ...Array.from({ length: 81 }, (_, k) => 10 ** (-4 + k / 10))].map((theta) =>
      profiledDeviance(s, theta * theta),
    );
    // The holes: some grid points have no deviance (rss exactly 0), most have one.
    expect(grid.filter((fit) => fit === null).length).toBeGreaterThan(0);
    expect(grid.filter((fit) => fit !== null).length).toBeGreaterThan(40);
    const fit = fitProfiled(s);
    expect(fit).not.toBeNull();
    const least = Math.min(...grid.map((entry) => entry?.deviance ?? Number.POSITIVE_INFINITY));
    expect(fit?.deviance as number).toBeLessThanOrEqual(least);
    expect(Number.isFinite(fit?.phi)).toBe(true);
    expect(fit?.rss as number).toBeGreaterThan(0);
  });

  it('the public analysis reads it as an exact fit: no mixed model, a NOT_IDENTIFIED note', () => {
    // The residual sum of squares here is ≈ 1e-76 (R's lme4: σ² = 0, and no covariance at all);
    // see test/fidelity/mixedModel.exactFit.test.ts.
    const result = analyzeFidelityOutcome({ fidelity, outcome, covariates: [outcome], clusters });
    expect(result.mixedModel).toBeNull();
    expect(result.notes.map((entry) => entry.code)).toContain('NOT_IDENTIFIED');
  });
});

/** The design fitMixedModel builds from fidelity, an outcome copied as the covariate, and clusters. */
function exactFitStatistics(f: number[], y: number[], clusterOf: number[], clusterCount: number) {
  const cluster = Int32Array.from(clusterOf);
  const sums = new Float64Array(clusterCount);
  const sizes = new Float64Array(clusterCount);
  clusterOf.forEach((j, i) => {
    sums[j] = (sums[j] as number) + (f[i] as number);
    sizes[j] = (sizes[j] as number) + 1;
  });
  const mean = Float64Array.from(cluster, (j) => (sums[j] as number) / (sizes[j] as number));
  const within = Float64Array.from(f, (value, k) => value - (mean[k] as number));
  return lmmStatistics({
    y: Float64Array.from(y),
    columns: [within, mean, Float64Array.from(y)],
    cluster,
    clusterCount,
  });
}

describe('fitProfiled: the golden-section fallback', () => {
  // Two exact fits found by a seeded search: in the first the grid point below the best has no
  // deviance (the bracket has no lower end); in the second the golden search meets θ without one.
  it.each([
    ['no lower neighbour', [0, 0.2, 0.1, 0, 1, 0.3], [0.5, 1, 4, 2, 0.5, 0], [0, 1, 2, 1, 0, 2], 3],
    ['a hole inside the search', [0.7, 1, 0.2, 0.9, 0.5, 0.1, 0.4], [0.5, 1, 0, 4, 0, -3, 2], [0, 1, 2, 3, 0, 3, 1], 4],
  ])('%s: still the least deviance seen, never worse than the grid', (_, f, y, clusterOf, clusterCount) => {
    const s = exactFitStatistics(f, y, clusterOf, clusterCount);
    const grid = [0, ...Array.from({ length: 81 }, (_, k) => 10 ** (-4 + k / 10))].map((theta) =>
      profiledDeviance(s, theta * theta),
    );
    const fit = fitProfiled(s);
    expect(fit).not.toBeNull();
    const least = Math.min(...grid.map((entry) => entry?.deviance ?? Number.POSITIVE_INFINITY));
    expect(fit?.deviance as number).toBeLessThanOrEqual(least);
    expect(Number.isFinite(fit?.phi) && (fit?.phi as number) >= 0).toBe(true);
  });
});
