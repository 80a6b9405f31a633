/**
 * The mixed model when its terms reproduce the outcome exactly, against R (test/fixtures/gen/
 * lmmExactFit.R, lme4 1.1.31, lmerTest 3.1.3, pbkrtest 0.5.2).
 *
 * What R does on an exact fit (a covariate equal to the outcome): lme4::lmer warns ("unable to
 * evaluate scaled gradient", "Problem with Hessian check") and returns σ² = 0 exactly with the
 * covariate's slope 1; vcov() then fails ("not a positive definite matrix", an NA matrix), so
 * lmerTest::lmer (Satterthwaite) and pbkrtest's vcovAdj (Kenward–Roger) stop with that error: R
 * gives no standard error, df, test or interval. Here the residual sum of squares is rounding
 * noise (≈ 1e-76 where R has 0), and the library gives no mixed model and a NOT_IDENTIFIED note
 * instead of Kenward–Roger statistics computed from that noise.
 *
 * A fit that is almost exact but genuine (noise of 1e-3 or 1e-4 added to the outcome: residual
 * share 2e-6 and 2e-8, far above the 1e-10 cut) is still fitted and agrees with R: fixed effects
 * and SEs to 1e-6 relative, df and p to 1e-5 (the fixture holds R's 15 significant digits, and at
 * these residual sizes a few digits go to cancellation).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXACT_FIT_SHARE, fitRandomIntercept } from '../../src/_lib/lmm.js';
import { analyzeFidelityOutcome, componentContributions } from '../../src/fidelity/index.js';
import { expectClose } from '../_support/close.js';

interface RCoefficient {
  estimate: number;
  standardError: number;
  df: number;
  pValue: number;
}
interface ExactCase {
  name: string;
  data: { fidelity: number[]; outcome: number[]; clusters: number[] };
  totalSumOfSquares: number;
  lme4: { sigma2: number; fixef: number[]; warnings: string[]; vcovError: string | null };
  lmerTestError: string | null;
  pbkrtestError: string | null;
}
interface NoisyCase {
  name: string;
  data: { fidelity: number[]; outcome: number[]; covariate: number[]; clusters: number[] };
  residualShare: number;
  sigma2: number;
  tau2: number;
  singular: boolean;
  within: RCoefficient;
  between: RCoefficient;
  covariate: RCoefficient;
  kenwardRoger?: { within: RCoefficient; between: RCoefficient; covariate: RCoefficient };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/lmmExactFit.json', import.meta.url), 'utf8')) as {
  exact: ExactCase[];
  noisy: NoisyCase[];
};

const FIXED = { relative: 1e-6, absolute: 0 } as const;
const DF = { relative: 1e-5, absolute: 0 } as const;
const P = { relative: 1e-5, absolute: 1e-12 } as const;

type Analysis = ReturnType<typeof analyzeFidelityOutcome>;

function expectNoModel(result: Analysis) {
  expect(result.mixedModel).toBeNull();
  const why = result.notes.filter((entry) => entry.field === 'mixedModel');
  expect(why.map((entry) => entry.code)).toEqual(['NOT_IDENTIFIED']);
  expect(why[0]?.message).toMatch(/reproduce the outcome exactly/);
}

describe('analyzeFidelityOutcome: terms that reproduce the outcome exactly', () => {
  it('R has no inference on these fits (the fixture records it)', () => {
    expect(fixture.exact.length).toBe(3);
    for (const c of fixture.exact) {
      expect(c.lme4.sigma2).toBe(0);
      expect(c.lme4.fixef).toEqual([0, 0, 0, 1]);
      expect(c.lme4.vcovError).toMatch(/not a positive definite matrix/);
      expect(c.lmerTestError).toMatch(/not a positive definite matrix/);
      expect(c.pbkrtestError).toMatch(/not a positive definite matrix/);
    }
  });

  it.each(fixture.exact.map((c) => [c.name, c] as const))(
    '%s: no model, a NOT_IDENTIFIED note, neither Satterthwaite nor Kenward–Roger',
    (_, c) => {
      const { fidelity, outcome, clusters } = c.data;
      expectNoModel(analyzeFidelityOutcome({ fidelity, outcome, covariates: [outcome], clusters }));
      // The same with the copy given as the baseline.
      expectNoModel(analyzeFidelityOutcome({ fidelity, outcome, baseline: outcome, clusters }));
    },
  );

  it('the cut is relative: the exact fit rescaled by 3, 1e-200 or 1e200 is still no model', () => {
    const { fidelity, outcome, clusters } = (fixture.exact[0] as ExactCase).data;
    for (const factor of [3, 1e-200, 1e200]) {
      const scaled = outcome.map((value) => value * factor);
      expectNoModel(analyzeFidelityOutcome({ fidelity, outcome: scaled, covariates: [scaled], clusters }));
    }
  });

  it('an outcome that does not vary (residuals exactly 0 at every θ), and one two covariates reproduce', () => {
    const fidelity = [0.2, 0.4, 0.5, 0.1, 0.9, 0.6, 0.3, 0.8];
    const clusters = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    expectNoModel(analyzeFidelityOutcome({ fidelity, outcome: fidelity.map(() => 7), clusters }));
    const outcome = [1, 2, 4, 8, 16, 32, 64, 128];
    expectNoModel(analyzeFidelityOutcome({ fidelity, outcome, covariates: [outcome], clusters }));
    // outcome = 2·first − second, neither alone fits it.
    const first = [3, 1, 4, 1, 5, 9, 2, 6];
    const second = first.map((value, i) => 2 * value - (outcome[i] as number));
    expectNoModel(analyzeFidelityOutcome({ fidelity, outcome, covariates: [first, second], clusters }));
  });

  it('the kernel tells an exact fit from collinear terms', () => {
    const y = Float64Array.from([1, 2, 4, 8, 16, 32, 64, 128]);
    const f = Float64Array.from([0.2, 0.4, 0.5, 0.1, 0.9, 0.6, 0.3, 0.8]);
    const cluster = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(fitRandomIntercept({ y, columns: [f, y], cluster, clusterCount: 4 })).toBe('EXACT_FIT');
    const flat = y.map(() => 7);
    expect(fitRandomIntercept({ y: flat, columns: [f], cluster, clusterCount: 4 })).toBe('EXACT_FIT');
    expect(fitRandomIntercept({ y: flat, columns: [f, f], cluster, clusterCount: 4 })).toBe('RANK_DEFICIENT');
    expect(fitRandomIntercept({ y, columns: [f, f], cluster, clusterCount: 4 })).toBe('RANK_DEFICIENT');
    const fit = fitRandomIntercept({ y, columns: [f], cluster, clusterCount: 4 });
    expect(typeof fit).toBe('object');
  });

  it('component contributions: no mixed model for a component when the baseline copies the outcome', () => {
    const { fidelity, outcome, clusters } = (fixture.exact[0] as ExactCase).data;
    const result = componentContributions({
      components: [
        { id: 'a', fidelity },
        { id: 'b', fidelity: [0.1, 0.4, 0.2, 0.9, 0.3, 0.6, 0.5] },
      ],
      outcome,
      baseline: outcome,
      clusters,
    });
    for (const entry of result.components) expect(entry.mixedModel).toBeNull();
  });
});

describe('the cut is about the outcome’s mean, not about zero', () => {
  it('a genuine fit shifted by 10⁶ is still fitted, with the same slopes; the exact fit shifted is still no model', () => {
    const c = fixture.noisy[fixture.noisy.length - 1] as NoisyCase;
    const { fidelity, outcome, covariate, clusters } = c.data;
    const base = analyzeFidelityOutcome({ fidelity, outcome, covariates: [covariate], clusters }).mixedModel;
    const shifted = analyzeFidelityOutcome({
      fidelity,
      outcome: outcome.map((value) => value + 1e6),
      covariates: [covariate],
      clusters,
    }).mixedModel;
    if (base === null || base === undefined || shifted === null || shifted === undefined) throw new Error('no model');
    const pairs = [
      [shifted.within, base.within],
      [shifted.between, base.between],
      [shifted.covariates[0], base.covariates[0]],
    ] as const;
    for (const [moved, original] of pairs) {
      if (moved === undefined || original === undefined) throw new Error('a term is missing');
      expectClose(moved.estimate, original.estimate, original.term, { relative: 1e-4, absolute: 1e-9 });
      expectClose(moved.standardError, original.standardError, `${original.term} SE`, { relative: 1e-3, absolute: 0 });
    }
    const exact = (fixture.exact[0] as ExactCase).data;
    const lifted = exact.outcome.map((value) => value + 1e6);
    expectNoModel(
      analyzeFidelityOutcome({
        fidelity: exact.fidelity,
        outcome: lifted,
        covariates: [lifted],
        clusters: exact.clusters,
      }),
    );
  });
});

describe('analyzeFidelityOutcome: an almost exact but genuine fit is still fitted', () => {
  it.each(fixture.noisy.map((c) => [c.name, c] as const))('%s: agrees with R', (_, c) => {
    expect(c.residualShare).toBeGreaterThan(100 * EXACT_FIT_SHARE);
    const { fidelity, outcome, covariate, clusters } = c.data;
    const result = analyzeFidelityOutcome({ fidelity, outcome, covariates: [covariate], clusters });
    const model = result.mixedModel;
    if (model === null || model === undefined) throw new Error(`${c.name}: no model`);
    expect(result.notes.map((entry) => entry.code)).not.toContain('NOT_IDENTIFIED');
    expect(model.notes.map((entry) => entry.code)).not.toContain('NO_STANDARD_ERROR');
    expect(model.singular).toBe(c.singular);
    const scale = c.sigma2 + c.tau2;
    expectClose(model.varianceComponents.residual, c.sigma2, `${c.name} σ²`, { relative: 0, absolute: 1e-6 * scale });
    expectClose(model.varianceComponents.cluster, c.tau2, `${c.name} τ²`, { relative: 0, absolute: 1e-6 * scale });
    const effects = [
      [model.within, c.within, c.kenwardRoger?.within],
      [model.between, c.between, c.kenwardRoger?.between],
      [model.covariates[0], c.covariate, c.kenwardRoger?.covariate],
    ] as const;
    for (const [actual, expected, kr] of effects) {
      if (actual === undefined) throw new Error('missing effect');
      const label = `${c.name} ${actual.term}`;
      expectClose(actual.estimate, expected.estimate, `${label} estimate`, FIXED);
      expectClose(actual.standardError, expected.standardError, `${label} SE`, FIXED);
      expectClose(actual.df, expected.df, `${label} df`, DF);
      expectClose(actual.pValue, expected.pValue, `${label} p`, P);
      expect(actual.confidenceInterval).not.toBeNull();
      if (kr === undefined) {
        // R's fit is singular: no Kenward–Roger there, nor here.
        expect(actual.kenwardRoger).toBeNull();
      } else {
        const ours = actual.kenwardRoger;
        if (ours === null) throw new Error(`${label}: no Kenward–Roger`);
        expectClose(ours.standardError, kr.standardError, `${label} KR SE`, FIXED);
        expectClose(ours.df, kr.df, `${label} KR df`, DF);
        expectClose(ours.pValue, kr.pValue, `${label} KR p`, P);
      }
    }
  });

  it('a fixture case reaches Kenward–Roger (a fit with school variance)', () => {
    expect(fixture.noisy.some((c) => c.kenwardRoger !== undefined)).toBe(true);
  });
});
