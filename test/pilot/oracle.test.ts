/**
 * The pilot module's numbers against independent oracles:
 * - Hedges' g and its variance against R `metafor::escalc(measure = "SMD")`
 *   (test/fixtures/gen/pilot.R → pilotMetafor.json). metafor uses the exact small-sample factor
 *   J(m), the WWC the approximation ω = 1 − 3/(4N − 9): Cohen's d (metafor's yi / J) must agree to
 *   1e-12 relative, g to the relative gap between ω and J (< 2e-4 at N ≥ 17), and the variance
 *   to the same order.
 * - The WWC clustering correction, the minimum detectable effect and the re-pilot size, the
 *   attrition boundary, the baseline bands, the difference-in-differences and adjusted-means g:
 *   HAND COMPUTATION from the handbook formulas (test/fixtures/gen/gen_pilot.py, scipy for the t
 *   quantiles and tails → pilotWwc.json), not an implementation by the WWC itself. The clustering
 *   formulas were also read against two public R implementations (VIVECampbell's df_h, WWC v5.0
 *   eq. E.21; a WWC v4.0 reviewers' helper's declust / degclust) and the MDE against PowerUpR's
 *   mdes.cra2 source; the g_T factor and the attrition table's rounding stay second-hand.
 */
import { describe, expect, it } from 'vitest';
import {
  attritionIsLow,
  baselineBand,
  clusterCorrection,
  minimumDetectableEffect,
  unitsNeeded,
} from '../../src/pilot/_wwc.js';
import { summarizePilotEvidence, WWC_ATTRITION_BOUNDARIES_V4 } from '../../src/pilot/index.js';
import { effectSize } from '../../src/stats/index.js';
import metafor from '../fixtures/pilotMetafor.json' with { type: 'json' };
import wwc from '../fixtures/pilotWwc.json' with { type: 'json' };

const close = (actual: number | null | undefined, expected: number, relative: number, absolute = 1e-13) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    Math.max(absolute, relative * Math.abs(expected)),
  );
};

describe('Hedges g and its variance against metafor::escalc', () => {
  it.each(metafor.cases.map((entry, index) => [index, entry] as const))('case %i', (_index, entry) => {
    const result = effectSize({ treatment: entry.treatment, comparison: entry.comparison });
    close(result.cohensD, entry.cohensD, 1e-12);
    const N = entry.treatment.n + entry.comparison.n;
    const m = N - 2;
    // |ω − J(m)| / J(m) ≈ 3/(4m)² order: bound it by 1/N² (generous, and tight enough to catch a wrong factor).
    close(result.hedgesG, entry.yi, 1 / (N * N));
    close((result.se as number) ** 2, entry.vi, 2 / (N * N) + 1e-12);
    expect(m).toBeGreaterThan(0);
  });

  it('the pilot summary uses the same g for a student-level design (no correction)', () => {
    const entry = metafor.cases[0] as (typeof metafor.cases)[number];
    const summary = summarizePilotEvidence({
      id: 'p',
      design: 'rct',
      assignment: { unit: 'student' },
      outcomes: [{ id: 'o', treatment: entry.treatment, comparison: entry.comparison }],
    });
    const outcome = summary.outcomes[0];
    expect(outcome?.clusterCorrected).toBe(false);
    close(outcome?.estimate, entry.yi, 1e-6);
    close((outcome?.se as number) ** 2, entry.vi, 1e-6);
  });
});

describe('the WWC clustering correction (hand computation from the handbook formulas)', () => {
  it.each(wwc.clusters.map((entry, index) => [index, entry] as const))('case %i', (_index, entry) => {
    const N = entry.nTreatment + entry.nComparison;
    const se = Math.sqrt(N / (entry.nTreatment * entry.nComparison) + (entry.g * entry.g) / (2 * N));
    close(se, entry.se, 1e-14);
    const corrected = clusterCorrection(entry.g, se, N, entry.clusters, entry.icc);
    expect(corrected).not.toBeNull();
    close(corrected?.statistic, entry.statistic, 1e-12);
    close(corrected?.df, entry.df, 1e-12);
    close(corrected?.pValue, entry.pValue, 1e-9, 1e-15);
    close(corrected?.estimate, entry.estimate, 1e-12);
    close(corrected?.se, entry.correctedSe, 1e-12);
  });

  it('through the summary: the corrected interval is g_T ± t(h)·SE_T', () => {
    const entry = wwc.clusters[0] as (typeof wwc.clusters)[number];
    const summary = summarizePilotEvidence({
      id: 'p',
      design: 'rct',
      assignment: { unit: 'school', clusters: { treatment: 6, comparison: 6 } },
      outcomes: [
        { id: 'math', treatment: { mean: 52.4, sd: 9.8, n: 240 }, comparison: { mean: 49.9, sd: 10.3, n: 230 } },
      ],
    });
    const outcome = summary.outcomes[0];
    close(outcome?.uncorrectedEstimate, entry.g, 1e-14);
    close(outcome?.estimate, entry.estimate, 1e-12);
    close(outcome?.confidenceInterval?.[0], entry.lower, 1e-10);
    close(outcome?.confidenceInterval?.[1], entry.upper, 1e-10);
    close(outcome?.pValue, entry.pValue, 1e-9);
  });
});

describe('the minimum detectable effect and the re-pilot size (hand computation, PowerUp! formulas)', () => {
  it.each(wwc.mde.map((entry, index) => [index, entry] as const))('MDE case %i', (_index, entry) => {
    close(minimumDetectableEffect(entry), entry.mde, 1e-12);
  });
  it.each(wwc.unitsNeeded.map((entry, index) => [index, entry] as const))('units needed case %i', (_index, entry) => {
    expect(unitsNeeded(entry.target, entry.clusterSize, entry.icc, entry.alpha, entry.power)).toBe(entry.units);
  });
});

describe('attrition against the WWC v4.0 boundary (hand computation with exact fractions)', () => {
  it.each(wwc.attrition.map((entry, index) => [index, entry] as const))('case %i', (_index, entry) => {
    const rate = (arm: { assigned: number; analyzed: number }) => (arm.assigned - arm.analyzed) / arm.assigned;
    const differential = Math.abs(rate(entry.treatment) - rate(entry.comparison));
    close(differential, entry.differential, 1e-12);
    expect(attritionIsLow(entry.overall, differential, WWC_ATTRITION_BOUNDARIES_V4, 'cautious').low).toBe(
      entry.cautious,
    );
    expect(attritionIsLow(entry.overall, differential, WWC_ATTRITION_BOUNDARIES_V4, 'optimistic').low).toBe(
      entry.optimistic,
    );
    const summary = summarizePilotEvidence({
      id: 'p',
      design: 'rct',
      assignment: { unit: 'student' },
      outcomes: [],
      attrition: { students: { treatment: entry.treatment, comparison: entry.comparison } },
    });
    close(summary.attrition.students?.overall, entry.overall, 1e-12);
    expect(summary.attrition.students?.low).toBe(entry.cautious);
  });

  it('the interior rows on which both transcriptions agree are the built-in table', () => {
    expect(WWC_ATTRITION_BOUNDARIES_V4[0]).toEqual({ overall: 0, cautious: 5.7, optimistic: 10 });
    expect(WWC_ATTRITION_BOUNDARIES_V4[30]).toEqual({ overall: 30, cautious: 4.1, optimistic: 8.4 });
    expect(WWC_ATTRITION_BOUNDARIES_V4[56]).toEqual({ overall: 56, cautious: 0.2, optimistic: 2.6 });
  });
});

describe('baseline bands, difference-in-differences and adjusted means (hand computation)', () => {
  it.each(wwc.baselines.map((entry) => [entry.g, entry.band] as const))('|g| = %s is %s', (g, band) => {
    expect(baselineBand(g, 0.05, 0.25)).toBe(band);
  });

  it.each(wwc.differenceInDifferences.map((entry, index) => [index, entry] as const))(
    'DiD case %i',
    (_index, entry) => {
      const [mt, st, nt, mc, sc, nc] = entry.post as [number, number, number, number, number, number];
      const [pmt, pst, pnt, pmc, psc, pnc] = entry.pre as [number, number, number, number, number, number];
      const summary = summarizePilotEvidence({
        id: 'p',
        design: 'qed',
        assignment: { unit: 'student' },
        outcomes: [
          {
            id: 'o',
            treatment: { mean: mt, sd: st, n: nt },
            comparison: { mean: mc, sd: sc, n: nc },
            baseline: { treatment: { mean: pmt, sd: pst, n: pnt }, comparison: { mean: pmc, sd: psc, n: pnc } },
          },
        ],
      });
      expect(summary.outcomes[0]?.method).toBe('difference-in-differences');
      close(summary.outcomes[0]?.estimate, entry.estimate, 1e-12);
      close(summary.outcomes[0]?.baseline?.estimate, entry.gPre, 1e-12);
      expect(summary.notes.map((entry) => entry.code)).toContain('DIFFERENCE_IN_DIFFERENCES');
    },
  );

  it.each(wwc.adjustedMeans.map((entry, index) => [index, entry] as const))(
    'adjusted means case %i',
    (_index, entry) => {
      const [mt, st, nt, mc, sc, nc] = entry.groups as [number, number, number, number, number, number];
      const [at, ac] = entry.adjusted as [number, number];
      const summary = summarizePilotEvidence({
        id: 'p',
        design: 'rct',
        assignment: { unit: 'student' },
        outcomes: [
          {
            id: 'o',
            treatment: { mean: mt, sd: st, n: nt },
            comparison: { mean: mc, sd: sc, n: nc },
            adjustedMeans: { treatment: at, comparison: ac },
          },
        ],
      });
      expect(summary.outcomes[0]?.method).toBe('adjusted-means');
      close(summary.outcomes[0]?.estimate, entry.estimate, 1e-12);
    },
  );
});
