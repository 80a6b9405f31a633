import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { isMissing, readNanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { criticalT } from '../_lib/tQuantile.js';
import { readConfidenceLevel, requireArray, requireOneOf, requireRecord } from '../_lib/validate.js';
import {
  type CorrelationMethod,
  type CorrelationResult,
  correlate,
  type Icc1Result,
  type PartialCorrelationResult,
  partialCorrelation,
} from '../stats/index.js';
import { clustered } from './_clusteredInference.js';
import { type FidelityScale, readFidelityScale, readFidelitySeries, requireLength } from './_readFidelity.js';
import { type FidelityPolicy, resolveFidelityPolicy } from './fidelityPolicy.js';

/**
 * The data of {@link analyzeFidelityOutcome}: one entry per observation (e.g. per teacher).
 *
 * @category Fidelity
 */
export interface FidelityOutcomeData {
  /** Fidelity of implementation, a proportion in [0, 1] (or on `options.fidelityScale`). */
  readonly fidelity: Series;
  /** The intended outcome. */
  readonly outcome: Series;
  /** Prior achievement or another confounder to partial out (optional). */
  readonly baseline?: Series;
  /** The cluster (e.g. school) of each observation; every observation needs one. */
  readonly clusters?: readonly (string | number)[];
}

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

/**
 * Why part of a fidelity analysis is missing.
 *
 * - `EMPTY_BAND` / `ONE_OBSERVATION`: a band has no observation, or one (no SD or interval).
 * - `NO_BASELINE` / `NO_CLUSTERS`: the optional input was not given.
 * - `TOO_FEW_CLUSTERS`: fewer clusters than `policy.minClusters`, so no clustered inference.
 * - `NO_ICC`: an ICC(1) could not be estimated, so no design effect.
 * - `NO_CORRELATION`: the correlation itself has no estimate (see its note).
 *
 * @category Fidelity
 */
export type FidelityNoteCode =
  | 'EMPTY_BAND'
  | 'ONE_OBSERVATION'
  | 'NO_BASELINE'
  | 'NO_CLUSTERS'
  | 'TOO_FEW_CLUSTERS'
  | 'NO_ICC'
  | 'NO_CORRELATION';

/**
 * Outcomes of the observations whose fidelity lies in `[lower, upper)` (the top band includes 1).
 *
 * @category Fidelity
 */
export interface FidelityBandSummary {
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  readonly mean: number | null;
  /** Sample SD (n − 1). */
  readonly sd: number | null;
  /** Student-t interval for the mean. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** Why a statistic is absent (`EMPTY_BAND`, `ONE_OBSERVATION`); empty when none is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
}

/**
 * The clustered view of {@link FidelityOutcomeAnalysis}: ICCs, the Scott–Holt design effect, the
 * correlation's test and interval at the effective sample size, and the cluster-level correlation.
 *
 * @category Fidelity
 */
export interface ClusteredFidelityInference {
  /** Clusters with at least one complete pair. */
  readonly clusterCount: number;
  /** n₀, the unbalanced cluster size. */
  readonly n0: number | null;
  readonly iccFidelity: Icc1Result | null;
  readonly iccOutcome: Icc1Result | null;
  /** 1 + (n₀ − 1)·ρ_x·ρ_y with negative ICCs taken as 0 (never below 1). */
  readonly designEffect: number | null;
  /** n / design effect. */
  readonly effectiveN: number | null;
  /** The correlation's statistic, df, p and interval recomputed at the effective n. */
  readonly adjusted: {
    readonly statistic: number | null;
    readonly df: number | null;
    readonly pValue: number | null;
    readonly confidenceInterval: readonly [number, number] | null;
  } | null;
  /** The correlation of cluster means (a second view: between clusters). */
  readonly clusterLevel: CorrelationResult | null;
  /** Why part of the clustered view is absent (`TOO_FEW_CLUSTERS`, `NO_ICC`, `NO_CORRELATION`); empty when nothing is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
}

/**
 * The result of {@link analyzeFidelityOutcome}.
 *
 * @category Fidelity
 */
export interface FidelityOutcomeAnalysis {
  readonly correlation: CorrelationResult;
  /** Controlling for `baseline`; `null` without one (see `notes`). */
  readonly partial: PartialCorrelationResult | null;
  readonly bands: readonly FidelityBandSummary[];
  /** `null` without `clusters` (see `notes`). */
  readonly clustering: ClusteredFidelityInference | null;
  /** Why a part is absent (`NO_BASELINE`, `NO_CLUSTERS`); empty when nothing is. */
  readonly notes: readonly Note<FidelityNoteCode>[];
  /** The effective policy. */
  readonly policy: FidelityPolicy;
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
    let band = cuts.findIndex((cut) => f < cut);
    if (band < 0) band = cuts.length;
    (buckets[band] as number[]).push(y);
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
    let sum = 0;
    for (const value of values) sum += value;
    const mean = sum / n;
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
    let squares = 0;
    for (const value of values) squares += (value - mean) ** 2;
    const sd = Math.sqrt(squares / (n - 1));
    const half = criticalT(level, n - 1) * (sd / Math.sqrt(n));
    return { lower, upper, n, mean, sd, confidenceInterval: [mean - half, mean + half], notes: [] };
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
 *
 * O(n log n). Inputs are not mutated.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling,
 *   series of unequal length, an observation without a cluster id, NaN (unless `nanPolicy: 'omit'`)
 *   or a bad option.
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
 * ```
 */
export function analyzeFidelityOutcome(
  data: FidelityOutcomeData,
  options: AnalyzeFidelityOutcomeOptions = {},
): FidelityOutcomeAnalysis {
  const record = requireRecord(data, ['data']);
  const settings = requireRecord(options, ['options']);
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

  const fidelity = readFidelitySeries(record.fidelity, scale, nanPolicy, ['data', 'fidelity']);
  const outcome = requireSeries(record.outcome, ['data', 'outcome']);
  requireLength(outcome, fidelity.length, ['data', 'outcome'], 'fidelity');
  const baseline = record.baseline === undefined ? undefined : requireSeries(record.baseline, ['data', 'baseline']);
  if (baseline !== undefined) requireLength(baseline, fidelity.length, ['data', 'baseline'], 'fidelity');
  let clusters: readonly (string | number)[] | undefined;
  if (record.clusters !== undefined) {
    const list = requireArray(record.clusters, ['data', 'clusters']);
    requireLength(list as Series, fidelity.length, ['data', 'clusters'], 'fidelity');
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
  const partial =
    baseline === undefined
      ? null
      : partialCorrelation(fidelity, outcomeValues, [baseline], {
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
  return {
    correlation,
    partial,
    bands: summarizeBands(fidelity, outcomeValues, policy.bands, confidenceLevel),
    clustering,
    notes,
    policy,
  };
}
