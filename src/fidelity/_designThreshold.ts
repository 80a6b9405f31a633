/**
 * {@link fidelityThreshold} with a design (covariates, clusters): the canonical layout of the rows,
 * the covariate-adjusted outcome, the choice of resampling schemes and their description.
 *
 * @internal
 * @module
 */
import { invalid } from '../_lib/errors.js';
import type { RandomSource } from '../_lib/random.js';
import {
  clusterBlocks,
  clusterBootstrap,
  covariateAdjuster,
  designPermutations,
  type PermutationRun,
  WEBB_BELOW,
  wildClusterBootstrap,
} from './_designResampling.js';
import { divideByUnit, outcomeUnit } from './_finite.js';
import { canonicalRows } from './_thresholdDesign.js';
import { type BootstrapSettings, bootstrapCut, type IntervalRun } from './_thresholdResampling.js';
import type { ThresholdDesign } from './_thresholdSchema.js';
import type { Prepared, ThresholdStatistic } from './_thresholdStatistics.js';

/** The rows in canonical order: covariates (each in a power-of-two unit), clusters and their blocks. */
export interface DesignLayout {
  readonly covariates: readonly Float64Array[];
  readonly cluster: Int32Array | null;
  readonly clusterCount: number;
  readonly blocks: readonly Int32Array[] | null;
}

/**
 * Lays the complete rows (`columns` = fidelity, outcome, covariates…, original row index) out in
 * canonical order — fidelity, outcome, cluster id, covariates — writing fidelity and outcome to
 * `f` and `y`.
 */
export function designLayout(
  columns: readonly Float64Array[],
  clusters: readonly (string | number)[] | null,
  f: Float64Array,
  y: Float64Array,
): DesignLayout {
  const n = f.length;
  const rowIndex = columns[columns.length - 1] as Float64Array;
  const keys = columns.slice(0, -1);
  const compactClusters = clusters === null ? null : Array.from(rowIndex, (row) => clusters[row] as string | number);
  const rows = Array.from({ length: n }, (_, k) => k);
  const { order, cluster, clusterCount } = canonicalRows(rows, keys, compactClusters);
  const sorted = keys.map((column) => Float64Array.from(order, (k) => column[k] as number));
  f.set(sorted[0] as Float64Array);
  y.set(sorted[1] as Float64Array);
  const covariates = sorted.slice(2);
  for (const column of covariates) divideByUnit(column, outcomeUnit(column));
  return {
    covariates,
    cluster,
    clusterCount,
    blocks: cluster === null ? null : clusterBlocks(cluster, clusterCount),
  };
}

/**
 * The outcome adjusted for the covariates (a copy, in the outcome's power-of-two `unit`); throws
 * when they are collinear with fidelity, or when the adjusted outcome lies beyond the largest double
 * in the caller's units (outcomes and covariates near ±1e308).
 */
export function adjustOutcome(f: Float64Array, y: Float64Array, layout: DesignLayout, unit = 1): Float64Array {
  if (layout.covariates.length === 0) return y;
  const adjust = covariateAdjuster(f, layout.covariates);
  if (adjust === null) {
    invalid(['data', 'covariates'], 'the baseline and covariates are collinear with fidelity (or constant): drop one');
  }
  const out = new Float64Array(y.length);
  adjust(y, out);
  if (!out.every((value) => Number.isFinite(value * unit))) {
    invalid(
      ['data', 'covariates'],
      'the outcome adjusted for the covariates lies beyond the largest double in these units: rescale the outcome',
    );
  }
  return out;
}

/** The permutation test's scheme. */
export function testScheme(
  outcomeType: 'binary' | 'continuous',
  layout: DesignLayout | null,
): 'permute-outcomes' | 'freedman-lane' | 'permute-within-clusters' | 'freedman-lane-within-clusters' {
  const within = layout !== null && layout.cluster !== null;
  if (outcomeType === 'binary') return within ? 'permute-within-clusters' : 'permute-outcomes';
  return within ? 'freedman-lane-within-clusters' : 'freedman-lane';
}

/** Which interval scheme runs. */
function intervalScheme(layout: DesignLayout, outcomeType: 'binary' | 'continuous'): ThresholdDesign['interval'] {
  if (layout.cluster === null) return 'pairs';
  if (outcomeType === 'binary') return 'cluster-pairs';
  return layout.clusterCount < WEBB_BELOW ? 'wild-cluster-webb' : 'wild-cluster-rademacher';
}

/** What the result says about the design and why each scheme ran. */
export function describeDesign(layout: DesignLayout, outcomeType: 'binary' | 'continuous'): ThresholdDesign {
  const interval = intervalScheme(layout, outcomeType);
  const clusters = layout.cluster === null ? null : layout.clusterCount;
  const parts: string[] = [];
  if (layout.covariates.length > 0) {
    parts.push(
      outcomeType === 'binary'
        ? `${layout.covariates.length} covariate(s) given, but a binary outcome has no residual form to adjust`
        : `the outcome is adjusted for ${layout.covariates.length} covariate(s) (their coefficients in outcome ~ fidelity + covariates) and residuals of that model are permuted (Freedman–Lane)`,
    );
  }
  if (clusters !== null) {
    parts.push(
      `observations are exchangeable only within their cluster, so permutations stay within each of the ${clusters} clusters (exchangeability blocks, valid for unequal cluster sizes)`,
    );
    parts.push(
      interval === 'cluster-pairs'
        ? 'the interval resamples whole clusters (a binary outcome has no residuals for a wild bootstrap)'
        : interval === 'wild-cluster-webb'
          ? `the interval is a wild cluster bootstrap with Webb's six-point weights (fewer than ${WEBB_BELOW} clusters: Rademacher weights would allow too few distinct draws)`
          : 'the interval is a wild cluster bootstrap with Rademacher weights (one weight per cluster)',
    );
  } else {
    parts.push('the interval resamples observations (pairs of fidelity and adjusted outcome)');
  }
  return {
    covariates: layout.covariates.length,
    clusters,
    permutation: clusters === null ? 'all-observations' : 'within-clusters',
    interval,
    reason: `${parts.join('; ')}.`,
  };
}

/** The permutation test and the interval for a design, run in blocks of draws. */
export function designRuns(
  layout: DesignLayout,
  raw: Prepared,
  adjusted: Prepared,
  compute: ThresholdStatistic,
  outcomeType: 'binary' | 'continuous',
  maxObserved: number,
  pointCut: number,
  policy: { readonly tolerance: number },
  settings: BootstrapSettings,
  random: RandomSource,
): { permutations: PermutationRun; interval: IntervalRun } {
  const permutations = designPermutations(
    raw,
    compute,
    outcomeType,
    layout.covariates,
    layout.blocks,
    maxObserved,
    policy.tolerance,
    random,
  );
  if (permutations === null) {
    invalid(['data', 'covariates'], 'the baseline and covariates are collinear with fidelity (or constant): drop one');
  }
  let interval: IntervalRun;
  if (layout.cluster === null) {
    let result: ReturnType<IntervalRun['finish']> | null = null;
    interval = {
      step() {},
      finish() {
        result ??= bootstrapCut(adjusted, compute, pointCut, settings, random);
        return result;
      },
    };
  } else if (outcomeType === 'binary') {
    interval = clusterBootstrap(adjusted, compute, pointCut, layout.cluster, layout.clusterCount, settings, random);
  } else {
    interval = wildClusterBootstrap(adjusted, compute, pointCut, layout.cluster, layout.clusterCount, settings, random);
  }
  return { permutations, interval };
}
