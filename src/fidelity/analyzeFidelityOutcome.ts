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
  /** The cluster (e.g. school) of each observation; every observation needs one. */
  readonly clusters?: readonly (string | number)[];
}

/** The keys of {@link FidelityOutcomeData}. */
const DATA_KEYS = keysOf<FidelityOutcomeData>()('fidelity', 'outcome', 'baseline', 'clusters');

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
 *
 * O(n log n). Inputs are not mutated.
 *
 * A yes/no outcome (`true` / `false`) is read as 1 / 0 (a point-biserial correlation); a boolean
 * anywhere else (fidelity, baseline) is an error. Every output number is finite: band means and
 * SDs of outcomes near ±1e308 take a scaled route, and what no double can hold is `null` with a
 * `NOT_REPRESENTABLE` note. The result is frozen and carries `schemaVersion: 1`;
 * {@link parseFidelityOutcomeAnalysis} validates a stored one.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling,
 *   series of unequal length, an observation without a cluster id, NaN (unless `nanPolicy: 'omit'`),
 *   a hole in an array (at its index), an unknown key in `data`, `options` or
 *   `options.fidelityScale` (with a suggestion), or a bad option; `LIMIT_EXCEEDED` for a series
 *   longer than 2³¹ − 1 or more than 1000 `policy.bands`.
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
 * analyzeFidelityOutcome({ fidelity: [0.2, 0.4], outcome: [1, 2] }, { methd: 'kendall' } as never) //=> throws INVALID_INPUT at ['options', 'methd']
 * ```
 */
export function analyzeFidelityOutcome(
  data: FidelityOutcomeData,
  options: AnalyzeFidelityOutcomeOptions = {},
): FidelityOutcomeAnalysis {
  const record = requireRecord(data, ['data']);
  requireKnownKeys(record, DATA_KEYS, ['data']);
  const { fidelity: fidelityInput, outcome: outcomeInput, baseline: baselineInput, clusters: clustersInput } = record;
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
  return sealResult({
    schemaVersion: 1,
    correlation,
    partial,
    bands: summarizeBands(fidelity, outcomeValues, policy.bands, confidenceLevel),
    clustering,
    notes,
    policy,
  });
}
