/**
 * The mixed model of {@link analyzeFidelityOutcome}: the Mundlak within/between split of fidelity,
 * the REML fit of src/_lib/lmm.ts and the Satterthwaite / Kenward–Roger inference of
 * src/_lib/lmmInference.ts, turned into finite, labelled effects.
 *
 * @internal
 * @module
 */
import { twoSidedT } from '../_lib/inference.js';
import { fitRandomIntercept } from '../_lib/lmm.js';
import { coefficientDf } from '../_lib/lmmInference.js';
import { type Note, note } from '../_lib/notes.js';
import { criticalT } from '../_lib/tQuantile.js';
import { divideByUnit, finiteMean, finiteSd, outcomeUnit } from './_finite.js';
import type { FidelityMixedModel, MixedModelEffect, MixedModelNoteCode, MixedModelTest } from './_mixedModelSchema.js';

/** Below this many clusters, Kenward–Roger inference is given beside Satterthwaite. */
export const KENWARD_ROGER_BELOW = 10;
/** lme4's `isSingular` tolerance on θ. */
const SINGULAR_THETA = 1e-4;

/** A named term of the model (baseline, covariates) with its values per observation. */
export interface ModelTerm {
  readonly term: string;
  readonly values: ArrayLike<number | null | undefined>;
}

/**
 * Why there is no mixed model: `EXACT_FIT` (reported as a `NOT_IDENTIFIED` note) when the fixed
 * effects reproduce the outcome, leaving σ² at rounding level and every test noise.
 */
export type NoModel = 'NOT_IDENTIFIED' | 'EXACT_FIT' | 'NOT_REPRESENTABLE';

function present(value: number | null | undefined): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function waldTest(estimate: number, variance: number, df: number | null, level: number): MixedModelTest {
  const standardError = Math.sqrt(variance);
  if (!(standardError > 0) || df === null) {
    return {
      standardError: standardError + 0,
      df,
      statistic: null,
      pValue: null,
      confidenceInterval: null,
    };
  }
  const statistic = estimate / standardError;
  const half = criticalT(level, df) * standardError;
  return {
    standardError,
    df,
    statistic: statistic + 0,
    pValue: twoSidedT(statistic, df),
    confidenceInterval: [estimate - half + 0, estimate + half + 0],
  };
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/**
 * The REML fit of outcome ~ fidelity_within + fidelity_clusterMean + terms + (1 | cluster) over
 * the rows where every value is present, or why there is none.
 */
export function fitMixedModel(
  fidelity: readonly (number | null)[],
  outcome: readonly (number | null)[],
  terms: readonly ModelTerm[],
  clusters: readonly (string | number)[],
  level: number,
): { model: FidelityMixedModel } | { why: NoModel } {
  const rows: number[] = [];
  for (let i = 0; i < fidelity.length; i += 1) {
    if (present(fidelity[i]) && present(outcome[i]) && terms.every((term) => present(term.values[i]))) rows.push(i);
  }
  const n = rows.length;
  const index = new Map<string | number, number>();
  const cluster = new Int32Array(n);
  rows.forEach((row, k) => {
    const id = clusters[row] as string | number;
    let j = index.get(id);
    if (j === undefined) {
      j = index.size;
      index.set(id, j);
    }
    cluster[k] = j;
  });
  const J = index.size;
  const f = Float64Array.from(rows, (row) => fidelity[row] as number);
  const y = Float64Array.from(rows, (row) => outcome[row] as number);
  const sums = new Float64Array(J);
  const sizes = new Float64Array(J);
  for (let k = 0; k < n; k += 1) {
    sums[cluster[k] as number] = (sums[cluster[k] as number] as number) + (f[k] as number);
    sizes[cluster[k] as number] = (sizes[cluster[k] as number] as number) + 1;
  }
  const clusterMean = Float64Array.from(cluster, (j) => (sums[j] as number) / (sizes[j] as number));
  const within = Float64Array.from(f, (value, k) => value - (clusterMean[k] as number));
  // Outcomes and covariates past 2²⁵⁶ (or below 2⁻²⁵⁶) are fitted in a power-of-two unit.
  const yUnit = outcomeUnit(y);
  divideByUnit(y, yUnit);
  const covariateColumns = terms.map((term) => {
    const column = Float64Array.from(rows, (row) => term.values[row] as number);
    const unit = outcomeUnit(column);
    divideByUnit(column, unit);
    return { term: term.term, column, unit };
  });
  const columns = [within, clusterMean, ...covariateColumns.map((entry) => entry.column)];
  if (n < 3 || J < 2) return { why: 'NOT_IDENTIFIED' };
  const fit = fitRandomIntercept({ y, columns, cluster, clusterCount: J });
  if (fit === 'RANK_DEFICIENT') return { why: 'NOT_IDENTIFIED' };
  if (fit === 'EXACT_FIT') return { why: 'EXACT_FIT' };
  const p = fit.statistics.p;
  const coefficients = Array.from({ length: p - 1 }, (_, k) => k + 1);
  const dfs = coefficientDf(fit, coefficients, J < KENWARD_ROGER_BELOW);
  const sdY = finiteSd(y, finiteMean(y));
  const sdF = finiteSd(f, finiteMean(f));
  const notes: Note<MixedModelNoteCode>[] = [];
  let missingSe = false;
  // By coefficient: the intercept, the two fidelity terms, then the covariates.
  const units = [1, 1, 1, ...covariateColumns.map((entry) => entry.unit)];
  const names = ['fidelity_within', 'fidelity_clusterMean', ...covariateColumns.map((entry) => entry.term)];
  const effects = coefficients.map((k, position): MixedModelEffect => {
    const scale = yUnit / (units[k] as number);
    const estimate = (fit.beta[k] as number) * scale;
    const inference = dfs[position] as (typeof dfs)[number];
    const test = waldTest(estimate, inference.variance * scale * scale, inference.satterthwaite, level);
    if (test.statistic === null) missingSe = true;
    const sdTerm = k <= 2 ? sdF : finiteSd(columns[k - 1] as Float64Array, finiteMean(columns[k - 1] as Float64Array));
    const standardized =
      sdY === null || sdTerm === null || !(sdY > 0) ? null : ((fit.beta[k] as number) * sdTerm) / sdY + 0;
    const kr = inference.kenwardRoger;
    return {
      term: names[k - 1] as string,
      estimate: estimate + 0,
      standardized: standardized !== null && Number.isFinite(standardized) ? standardized : null,
      ...test,
      kenwardRoger: kr === null ? null : waldTest(estimate, kr.variance * scale * scale, kr.df, level),
    };
  });
  const singular = fit.theta < SINGULAR_THETA;
  if (singular) {
    notes.push(
      note(
        'SINGULAR_FIT',
        `the cluster variance is estimated at ${fit.tau2 === 0 ? '0' : 'almost 0'} (θ = τ/σ = ${fit.theta.toPrecision(3)}): the clusters differ no more than chance allows given the fixed effects, and the model reduces to ordinary least squares`,
        'varianceComponents',
      ),
    );
  }
  if (J < KENWARD_ROGER_BELOW) {
    notes.push(
      note(
        'FEW_CLUSTERS',
        `only ${J} clusters: the between-cluster effect rests on ${J} cluster means; Kenward–Roger inference (kenwardRoger) is given beside Satterthwaite${singular ? ' except at a singular fit' : ''}`,
        'between',
      ),
    );
  }
  if (missingSe) {
    notes.push(note('NO_STANDARD_ERROR', 'an estimate has no usable standard error, so no test or interval', null));
  }
  const sigma2 = fit.sigma2 * yUnit * yUnit;
  const tau2 = fit.tau2 * yUnit * yUnit;
  let logUnits = 2 * (n - p) * Math.log(yUnit);
  for (const entry of covariateColumns) logUnits += 2 * Math.log(entry.unit);
  const model: FidelityMixedModel = {
    n,
    clusterCount: J,
    within: effects[0] as MixedModelEffect,
    between: effects[1] as MixedModelEffect,
    covariates: effects.slice(2),
    varianceComponents: { cluster: tau2 + 0, residual: sigma2 },
    theta: fit.theta + 0,
    conditionalIcc: fit.tau2 / (fit.tau2 + fit.sigma2) + 0,
    singular,
    remlCriterion: fit.remlCriterion + logUnits,
    notes,
  };
  if (!allFinite(model) || !(sigma2 > 0)) return { why: 'NOT_REPRESENTABLE' };
  return { model };
}
