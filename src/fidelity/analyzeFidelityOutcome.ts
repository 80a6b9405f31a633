import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { isMissing, readNanPolicy, type Series } from '../_lib/series.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { criticalT } from '../_lib/tQuantile.js';
import { readConfidenceLevel, requireArray, requireOneOf, requireRecord } from '../_lib/validate.js';
import { type CorrelationMethod, correlate, partialCorrelation } from '../stats/index.js';
import { clustered } from './_clusteredInference.js';
import { finiteMean, finiteSd } from './_finite.js';
import { fitMixedModel, type ModelTerm } from './_mixedModel.js';
import type { FidelityMixedModel } from './_mixedModelSchema.js';
import type { FidelityBandSummary, FidelityNoteCode, FidelityOutcomeAnalysis } from './_outcomeSchema.js';
import {
  type FidelityScale,
  MAX_SERIES_LENGTH,
  readFidelityScale,
  readFidelitySeries,
  readOutcomeSeries,
  readSeries,
  requireLength,
} from './_readFidelity.js';
import { type FidelityPolicy, resolveFidelityPolicy } from './fidelityPolicy.js';

export type {
  FidelityMixedModel,
  MixedModelEffect,
  MixedModelNoteCode,
  MixedModelTest,
} from './_mixedModelSchema.js';
export {
  type ClusteredFidelityInference,
  type FidelityBandSummary,
  type FidelityNoteCode,
  FidelityOutcomeAnalysis,
  parseFidelityOutcomeAnalysis,
  safeParseFidelityOutcomeAnalysis,
} from './_outcomeSchema.js';

/**
 * The data of {@link analyzeFidelityOutcome}: one entry per observation (e.g. per teacher).
 *
 * @category Fidelity
 */
export interface FidelityOutcomeData {
  /** Fidelity of implementation, a proportion in [0, 1] (or on `options.fidelityScale`). */
  readonly fidelity: Series;
  /** The intended outcome: a score, or a yes/no (`true` / `false` read as 1 / 0). */
  readonly outcome: Series | readonly (boolean | null | undefined)[];
  /** Prior achievement or another confounder to partial out (optional). */
  readonly baseline?: Series;
  /** Further confounders (e.g. an English-learner flag, prior attendance), one series each, at most {@link MAX_COVARIATES}. */
  readonly covariates?: readonly Series[];
  /** The cluster (e.g. school) of each observation; every observation needs one. */
  readonly clusters?: readonly (string | number)[];
}

/** The keys of {@link FidelityOutcomeData}. */
const DATA_KEYS = keysOf<FidelityOutcomeData>()('fidelity', 'outcome', 'baseline', 'covariates', 'clusters');

/**
 * The most `covariates` {@link analyzeFidelityOutcome} takes; more are `LIMIT_EXCEEDED` before any work.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { MAX_COVARIATES } from 'scaling-navigator/fidelity';
 * MAX_COVARIATES //=> 50
 * ```
 */
export const MAX_COVARIATES = 50;

/**
 * Options for {@link analyzeFidelityOutcome}.
 *
 * @category Fidelity
 */
export interface AnalyzeFidelityOutcomeOptions {
  /** Correlation method (default `'pearson'`); the partial correlation uses Spearman for rank methods. */
  readonly method?: CorrelationMethod;
  /** Level of every interval (default 0.95). */
  readonly confidenceLevel?: number;
  /** The instrument's scale, when fidelity is a rubric score (default `{ min: 0, max: 1 }`). */
  readonly fidelityScale?: FidelityScale;
  /** `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: 'raise' | 'omit';
  /** Overrides of {@link DEFAULT_FIDELITY_POLICY} (`bands`, `minClusters`). */
  readonly policy?: Partial<FidelityPolicy>;
}

/** The keys of {@link AnalyzeFidelityOutcomeOptions}. */
const OPTION_KEYS = keysOf<AnalyzeFidelityOutcomeOptions>()(
  'method',
  'confidenceLevel',
  'fidelityScale',
  'nanPolicy',
  'policy',
);

/** The band of fidelity `f`: the number of cut-points at or below it (binary search, O(log B)). */
function bandOf(f: number, cuts: readonly number[]): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f < (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function summarizeBands(
  fidelity: readonly (number | null)[],
  outcome: readonly (number | null)[],
  cuts: readonly number[],
  level: number,
): FidelityBandSummary[] {
  const edges = [0, ...cuts, 1];
  const buckets = edges.slice(1).map(() => [] as number[]);
  for (let i = 0; i < fidelity.length; i += 1) {
    const f = fidelity[i];
    const y = outcome[i];
    if (f === null || f === undefined || y === null || y === undefined) continue;
    (buckets[bandOf(f, cuts)] as number[]).push(y);
  }
  return buckets.map((values, index) => {
    const lower = edges[index] as number;
    const upper = edges[index + 1] as number;
    const n = values.length;
    if (n === 0) {
      return {
        lower,
        upper,
        n,
        mean: null,
        sd: null,
        confidenceInterval: null,
        notes: [note('EMPTY_BAND', `no observation has fidelity in [${lower}, ${upper})`, null)],
      };
    }
    const mean = finiteMean(values);
    if (n === 1) {
      return {
        lower,
        upper,
        n,
        mean,
        sd: null,
        confidenceInterval: null,
        notes: [note('ONE_OBSERVATION', 'one observation: no SD or interval', 'sd')],
      };
    }
    const sd = finiteSd(values, mean);
    const half = sd === null ? Number.NaN : criticalT(level, n - 1) * (sd / Math.sqrt(n));
    const interval: [number, number] = [mean - half + 0, mean + half + 0];
    if (sd === null || !Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) {
      return {
        lower,
        upper,
        n,
        mean,
        sd,
        confidenceInterval: null,
        notes: [
          note(
            'NOT_REPRESENTABLE',
            `the outcomes in this band span more than the largest double (≈ 1.8e308), so its ${sd === null ? 'SD and interval are' : 'interval is'} not representable`,
            sd === null ? 'sd' : 'confidenceInterval',
          ),
        ],
      };
    }
    return { lower, upper, n, mean, sd, confidenceInterval: interval, notes: [] };
  });
}

/**
 * Does doing it well go with better outcomes? The correlation of fidelity with an outcome, with
 * inference, seen three ways: plainly; controlling for a baseline (the usual confounder: stronger
 * teachers may both implement more faithfully and get better results); and, when observations are
 * clustered in schools, with the test and interval at the effective sample size — the research summary on scaling up asks
 * for fidelity measures "correlated with intended outcomes". Also the outcome by fidelity band.
 *
 * - Correlation: `correlate` (Pearson by default), pairs with a missing value dropped.
 * - Partial: `partialCorrelation` on `baseline` (Spearman for rank methods).
 * - Bands: half-open `[lo, hi)` bands from `policy.bands` (default 0.4 / 0.6 / 0.8; the top band
 *   includes 1), each with n, mean, SD and a Student-t interval.
 * - Clusters: ICC(1) of fidelity and of the outcome (`icc1`), the Scott & Holt (1982) design effect
 *   for a correlation, 1 + (n₀ − 1)·ρ_x·ρ_y (negative ICCs taken as 0), the correlation's test
 *   and Fisher-z interval at n_eff = n / deff, and the correlation of cluster means.
 *   With fewer than `policy.minClusters` clusters the result says so instead of estimating.
 * - Mixed model (with `clusters`): a random-intercept linear mixed model fitted by REML,
 *   `outcome ~ fidelity_within + fidelity_clusterMean + baseline + covariates + (1 | cluster)`,
 *   with fidelity split into its deviation from the cluster mean and the cluster mean (Mundlak
 *   1978), so "teachers who implement better, within a school, get better outcomes" (`within`) is
 *   told apart from "schools with higher fidelity have better outcomes" (`between`). The profiled
 *   REML deviance of lme4 (Bates et al. 2015) is minimized exactly over θ = τ/σ; each effect has its
 *   SE, Satterthwaite df as R `lmerTest` (Kuznetsova et al. 2017), t, p and interval, and the
 *   standardized effect β·SD_fidelity / SD_outcome; then the variance components, the conditional
 *   ICC τ²/(τ² + σ²) (given the fixed effects — not `clustering.iccOutcome`) and a singular fit
 *   (τ² ≈ 0), reported with a note. Below 10 clusters, Kenward–Roger inference (Kenward & Roger
 *   1997, as R `pbkrtest`) is given beside it. Terms that reproduce the outcome exactly (residual
 *   sum of squares at most 10⁻¹⁰ of its total) leave no model and a `NOT_IDENTIFIED` note. Checked against R lme4 + lmerTest + pbkrtest:
 *   fixed effects to 1e-7, variance components to 1e-6, df to 1e-5. O(n·p² + J·p²) per evaluation
 *   for p terms and J clusters; 10,000 teachers in 500 schools take a few milliseconds.
 *
 * O(n log n) without clusters. Inputs are not mutated.
 *
 * A yes/no outcome (`true` / `false`) is read as 1 / 0 (a point-biserial correlation); a boolean
 * anywhere else (fidelity, baseline) is an error. Every output number is finite: band means and
 * SDs of outcomes near ±1e308 take a scaled route, and what no double can hold is `null` with a
 * `NOT_REPRESENTABLE` note. The result is frozen and carries `schemaVersion: 1`;
 * {@link parseFidelityOutcomeAnalysis} validates a stored one.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling,
 *   series (baseline and covariates included) of unequal length, an observation without a cluster id, NaN (unless `nanPolicy: 'omit'`),
 *   a hole in an array (at its index), an unknown key in `data`, `options` or
 *   `options.fidelityScale` (with a suggestion), or a bad option; `LIMIT_EXCEEDED` for a series
 *   longer than 2³¹ − 1, more than {@link MAX_COVARIATES} covariates or more than 1000 `policy.bands`.
 * @example
 * ```ts
 * import { analyzeFidelityOutcome } from 'scaling-navigator/fidelity';
 * const result = analyzeFidelityOutcome({
 *   fidelity: [0.35, 0.5, 0.55, 0.62, 0.7, 0.78, 0.85, 0.9],
 *   outcome: [41, 47, 45, 52, 55, 54, 61, 63],
 *   baseline: [44, 46, 43, 50, 49, 48, 55, 54],
 * });
 * // scipy.stats.pearsonr gives 0.9681906232564608
 * result.correlation.estimate //≈ 0.9681906232564608
 * result.partial?.covariateCount //=> 1
 * result.bands.map((band) => band.n) //=> [1, 2, 3, 2]
 * result.notes.map((entry) => entry.code) //=> ['NO_CLUSTERS']
 * // A yes/no outcome is read as 1 / 0; a typo in a key is refused with a suggestion.
 * analyzeFidelityOutcome({ fidelity: [0.2, 0.4, 0.6, 0.8], outcome: [false, false, true, true] }).correlation.n //=> 4
 * analyzeFidelityOutcome({ fidelity: [0.2, 0.4], outcome: [1, 2], baselines: [3, 4] } as never) //=> throws INVALID_INPUT at ['data', 'baselines']
 * // Teachers in five schools: within a school, better implementers get better outcomes; the
 * // school-level association rests on five school means (df 3) and is not significant.
 * const schools = analyzeFidelityOutcome({
 *   fidelity: [0.4, 0.5, 0.6, 0.7, 0.5, 0.6, 0.7, 0.8, 0.3, 0.45, 0.5, 0.6, 0.6, 0.7, 0.8, 0.9, 0.35, 0.5, 0.55, 0.65],
 *   outcome: [48, 50, 53, 55, 58, 61, 60, 64, 44, 47, 47, 51, 52, 54, 57, 57, 49, 50, 52, 55],
 *   clusters: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'D', 'D', 'D', 'D', 'E', 'E', 'E', 'E'],
 * });
 * schools.mixedModel?.within.estimate //≈ 20.15384615384615
 * schools.mixedModel?.within.df //≈ 14
 * schools.mixedModel?.between.df //≈ 3
 * (schools.mixedModel?.between.pValue ?? 0) > 0.05 //=> true
 * schools.mixedModel?.notes.map((entry) => entry.code) //=> ['FEW_CLUSTERS']
 * analyzeFidelityOutcome({ fidelity: [0.2, 0.4], outcome: [1, 2] }, { methd: 'kendall' } as never) //=> throws INVALID_INPUT at ['options', 'methd']
 * ```
 */
export function analyzeFidelityOutcome(
  data: FidelityOutcomeData,
  options: AnalyzeFidelityOutcomeOptions = {},
): FidelityOutcomeAnalysis {
  const record = requireRecord(data, ['data']);
  requireKnownKeys(record, DATA_KEYS, ['data']);
  const {
    fidelity: fidelityInput,
    outcome: outcomeInput,
    baseline: baselineInput,
    covariates: covariatesInput,
    clusters: clustersInput,
  } = record;
  const settings = readOptions<AnalyzeFidelityOutcomeOptions>(options, OPTION_KEYS, ['options']);
  const method =
    settings.method === undefined
      ? 'pearson'
      : requireOneOf(
          settings.method,
          ['pearson', 'spearman', 'kendall'] as const,
          ['options', 'method'],
          'correlation method',
        );
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const scale = readFidelityScale(settings.fidelityScale, ['options', 'fidelityScale']);
  const policy = resolveFidelityPolicy(settings.policy, ['options', 'policy']);

  const fidelity = readFidelitySeries(fidelityInput, scale, nanPolicy, ['data', 'fidelity']);
  const outcome = readOutcomeSeries(outcomeInput, ['data', 'outcome']);
  requireLength(outcome, fidelity.length, ['data', 'outcome'], 'fidelity');
  const baseline = baselineInput === undefined ? undefined : readSeries(baselineInput, ['data', 'baseline']);
  if (baseline !== undefined) {
    requireLength(baseline, fidelity.length, ['data', 'baseline'], 'fidelity');
    // Checked here so a bad entry is reported at its own path (a boolean is no baseline score).
    for (let i = 0; i < baseline.length; i += 1) isMissing(baseline[i], nanPolicy, ['data', 'baseline'], i);
  }
  let covariates: Series[] = [];
  if (covariatesInput !== undefined) {
    const list = requireArray(covariatesInput, ['data', 'covariates']);
    requireDenseArray(list, ['data', 'covariates'], MAX_COVARIATES);
    covariates = list.map((entry, index) => {
      const path = ['data', 'covariates', index];
      const series = readSeries(entry, path);
      requireLength(series, fidelity.length, path, 'fidelity');
      for (let i = 0; i < series.length; i += 1) isMissing(series[i], nanPolicy, path, i);
      return series;
    });
  }
  let clusters: readonly (string | number)[] | undefined;
  if (clustersInput !== undefined) {
    const list = requireArray(clustersInput, ['data', 'clusters']);
    requireDenseArray(list, ['data', 'clusters'], MAX_SERIES_LENGTH);
    requireLength(list, fidelity.length, ['data', 'clusters'], 'fidelity');
    list.forEach((id, index) => {
      const ok = (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
      if (!ok)
        invalid(['data', 'clusters', index], 'every observation needs a cluster id (a non-empty string or a number)');
    });
    clusters = list as readonly (string | number)[];
  }
  // Validate outcomes once (paths under data.outcome), NaN handling included.
  const outcomeValues = Array.from({ length: outcome.length }, (_, i) =>
    isMissing(outcome[i], nanPolicy, ['data', 'outcome'], i) ? null : (outcome[i] as number),
  );

  const correlation = correlate(fidelity, outcomeValues, { method, confidenceLevel });
  const notes: Note<FidelityNoteCode>[] = [];
  const controls = baseline === undefined ? covariates : [baseline, ...covariates];
  const partial =
    controls.length === 0
      ? null
      : partialCorrelation(fidelity, outcomeValues, controls, {
          method: method === 'pearson' ? 'pearson' : 'spearman',
          confidenceLevel,
          nanPolicy,
        });
  if (partial === null)
    notes.push(note('NO_BASELINE', 'no baseline was given, so nothing is partialled out', 'partial'));
  const clustering =
    clusters === undefined
      ? null
      : clustered(fidelity, outcomeValues, clusters, correlation, method, confidenceLevel, policy);
  if (clustering === null) {
    notes.push(
      note('NO_CLUSTERS', 'no clusters were given: the inference assumes independent observations', 'clustering'),
    );
  }
  let mixedModel: FidelityMixedModel | null = null;
  if (clusters !== undefined) {
    const terms: ModelTerm[] = covariates.map((values, index) => ({ term: `covariates.${index}`, values }));
    if (baseline !== undefined) terms.unshift({ term: 'baseline', values: baseline });
    const nullable = (series: Series) =>
      Array.from({ length: series.length }, (_, i) => {
        const value = series[i];
        return typeof value === 'number' && !Number.isNaN(value) ? value : null;
      });
    const fit = fitMixedModel(
      fidelity,
      outcomeValues,
      terms.map((term) => ({ term: term.term, values: nullable(term.values) })),
      clusters,
      confidenceLevel,
    );
    if ('model' in fit) mixedModel = fit.model;
    else if (fit.why === 'EXACT_FIT') {
      notes.push(
        note(
          'NOT_IDENTIFIED',
          'the mixed model cannot be fitted: its terms reproduce the outcome exactly (an outcome that does not vary, or one the baseline or covariates determine), leaving no residual variance to test against',
          'mixedModel',
        ),
      );
    } else if (fit.why === 'NOT_IDENTIFIED') {
      notes.push(
        note(
          'NOT_IDENTIFIED',
          'the mixed model cannot be fitted: fidelity must vary within clusters and the cluster means, baseline and covariates must not be collinear, with rows to spare',
          'mixedModel',
        ),
      );
    } else {
      notes.push(
        note('NOT_REPRESENTABLE', 'an estimate of the mixed model lies beyond the largest double', 'mixedModel'),
      );
    }
  }
  return sealResult(
    {
      schemaVersion: 1,
      correlation,
      partial,
      bands: summarizeBands(fidelity, outcomeValues, policy.bands, confidenceLevel),
      clustering,
      ...(clusters === undefined ? {} : { mixedModel }),
      notes,
      policy,
    },
    'fidelity outcome analysis',
  );
}
