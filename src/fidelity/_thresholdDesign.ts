/**
 * The design inputs of {@link fidelityThreshold} and {@link componentContributions} — a baseline,
 * covariates and clusters — read, validated, and put in canonical order.
 *
 * @internal
 * @module
 */
import { invalid } from '../_lib/errors.js';
import { isMissing, type NanPolicy, type Series } from '../_lib/series.js';
import { requireDenseArray } from '../_lib/strict.js';
import { requireArray } from '../_lib/validate.js';
import { MAX_SERIES_LENGTH, readSeries, requireLength } from './_readFidelity.js';

/** The most covariates the fidelity functions take. */
export const MAX_DESIGN_COVARIATES = 50;

/** The validated design inputs: covariate series (baseline first) and cluster ids, or none. */
export interface DesignInputs {
  readonly covariates: readonly Series[];
  readonly clusters: readonly (string | number)[] | null;
}

/** Reads `baseline`, `covariates` and `clusters` of `data` (each optional) for series of `length`. */
export function readDesignInputs(
  record: { baseline?: unknown; covariates?: unknown; clusters?: unknown },
  length: number,
  nanPolicy: NanPolicy,
  against: string,
): DesignInputs {
  const covariates: Series[] = [];
  const readOne = (value: unknown, path: (string | number)[]) => {
    const series = readSeries(value, path);
    requireLength(series, length, path, against);
    for (let i = 0; i < series.length; i += 1) isMissing(series[i], nanPolicy, path, i);
    return series;
  };
  if (record.baseline !== undefined) covariates.push(readOne(record.baseline, ['data', 'baseline']));
  if (record.covariates !== undefined) {
    const list = requireArray(record.covariates, ['data', 'covariates']);
    requireDenseArray(list, ['data', 'covariates'], MAX_DESIGN_COVARIATES);
    list.forEach((entry, index) => {
      covariates.push(readOne(entry, ['data', 'covariates', index]));
    });
  }
  let clusters: (string | number)[] | null = null;
  if (record.clusters !== undefined) {
    const list = requireArray(record.clusters, ['data', 'clusters']);
    requireDenseArray(list, ['data', 'clusters'], MAX_SERIES_LENGTH);
    requireLength(list, length, ['data', 'clusters'], against);
    list.forEach((id, index) => {
      const ok = (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
      if (!ok)
        invalid(['data', 'clusters', index], 'every observation needs a cluster id (a non-empty string or a number)');
    });
    clusters = list as (string | number)[];
  }
  return { covariates, clusters };
}

/** Orders cluster ids canonically: numbers before strings, numbers ascending, strings by code unit. */
export function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows in canonical order and cluster indices (clusters numbered in canonical id order). */
export interface CanonicalRows {
  readonly order: Int32Array;
  readonly cluster: Int32Array | null;
  readonly clusterCount: number;
}

/**
 * The canonical order of rows `rows` (indices into the inputs): by `primary` (fidelity), then the
 * outcome, then the cluster id, then each covariate — a total order on the values, so permuting
 * the input rows never changes it. Cluster indices follow the canonical order of the ids.
 */
export function canonicalRows(
  rows: readonly number[],
  keys: readonly ArrayLike<number>[],
  clusters: readonly (string | number)[] | null,
): CanonicalRows {
  const ids =
    clusters === null ? null : [...new Set(rows.map((row) => clusters[row] as string | number))].sort(compareIds);
  const rank = ids === null ? null : new Map(ids.map((id, index) => [id, index]));
  const clusterOf = (row: number) =>
    rank === null ? 0 : (rank.get((clusters as (string | number)[])[row] as string | number) as number);
  const order = Int32Array.from(rows).sort((a, b) => {
    for (const key of keys.slice(0, 2)) {
      const difference = (key[a] as number) - (key[b] as number);
      if (difference !== 0) return difference;
    }
    const byCluster = clusterOf(a) - clusterOf(b);
    if (byCluster !== 0) return byCluster;
    for (const key of keys.slice(2)) {
      const difference = (key[a] as number) - (key[b] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return {
    order,
    cluster: rank === null ? null : Int32Array.from(order, (row) => clusterOf(row)),
    clusterCount: ids === null ? 0 : ids.length,
  };
}
