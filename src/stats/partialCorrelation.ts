import { invalid } from '../_lib/errors.js';
import {
  type Alternative,
  correlationT,
  fisherIntervalFor,
  pValueAtInfinity,
  readAlternative,
  tPValue,
} from '../_lib/inference.js';
import { note } from '../_lib/notes.js';
import { pairMoments, pearsonR } from '../_lib/pearson.js';
import { averageRanks } from '../_lib/rank.js';
import { completeRows, type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { readConfidenceLevel, requireOneOf } from '../_lib/validate.js';
import { readList, readSeries, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * Options for {@link partialCorrelation}.
 *
 * @category Correlation
 */
export interface PartialCorrelationOptions {
  /** `'pearson'` (default) or `'spearman'` (every variable ranked first, as R's `ppcor`). */
  readonly method?: 'pearson' | 'spearman';
  /** Level of the confidence interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
  /** `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: NanPolicy;
  /**
   * `'two-sided'` (default), `'less'` or `'greater'`: the t test's tail and the interval's side, as
   * in {@link correlate}.
   */
  readonly alternative?: Alternative;
}

const PARTIAL_OPTION_KEYS = keysOf<PartialCorrelationOptions>()(
  'method',
  'confidenceLevel',
  'nanPolicy',
  'alternative',
);

/**
 * Why a partial correlation has no estimate.
 *
 * - `TOO_FEW_ROWS`: fewer than k + 3 complete rows (the test needs n − 2 − k ≥ 1).
 * - `CONSTANT_INPUT`: a variable takes a single value.
 * - `SINGULAR_COVARIATES`: the variables are linearly dependent (e.g. a covariate duplicates
 *   another), so the correlation matrix cannot be inverted.
 * - `PERFECT_CORRELATION`: |estimate| = 1, so `statistic` is infinite and `pValue` is 0.
 *
 * @category Correlation
 */
export type PartialCorrelationNoteCode =
  | 'TOO_FEW_ROWS'
  | 'CONSTANT_INPUT'
  | 'SINGULAR_COVARIATES'
  | 'PERFECT_CORRELATION';

/**
 * The result of {@link partialCorrelation}.
 *
 * @category Correlation
 */
export interface PartialCorrelationResult extends Estimate<PartialCorrelationNoteCode> {
  readonly method: 'pearson' | 'spearman';
  /** k, the number of covariates controlled for. */
  readonly covariateCount: number;
}

/** Inverts a small symmetric matrix by Gauss–Jordan elimination with partial pivoting; `null` if singular. */
function invert(matrix: readonly Float64Array[]): Float64Array[] | null {
  const size = matrix.length;
  const a: Float64Array[] = matrix.map((row) => Float64Array.from(row));
  const inverse: Float64Array[] = matrix.map((_, i) => {
    const row = new Float64Array(size);
    row[i] = 1;
    return row;
  });
  for (let col = 0; col < size; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < size; row += 1) {
      if (Math.abs((a[row] as Float64Array)[col] as number) > Math.abs((a[pivot] as Float64Array)[col] as number))
        pivot = row;
    }
    const pivotValue = (a[pivot] as Float64Array)[col] as number;
    if (Math.abs(pivotValue) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot] as Float64Array, a[col] as Float64Array];
    [inverse[col], inverse[pivot]] = [inverse[pivot] as Float64Array, inverse[col] as Float64Array];
    const pivotRow = a[col] as Float64Array;
    const pivotInverse = inverse[col] as Float64Array;
    for (let k = 0; k < size; k += 1) {
      pivotRow[k] = (pivotRow[k] as number) / pivotValue;
      pivotInverse[k] = (pivotInverse[k] as number) / pivotValue;
    }
    for (let row = 0; row < size; row += 1) {
      if (row === col) continue;
      const factor = (a[row] as Float64Array)[col] as number;
      if (factor === 0) continue;
      const target = a[row] as Float64Array;
      const targetInverse = inverse[row] as Float64Array;
      for (let k = 0; k < size; k += 1) {
        target[k] = (target[k] as number) - factor * (pivotRow[k] as number);
        targetInverse[k] = (targetInverse[k] as number) - factor * (pivotInverse[k] as number);
      }
    }
  }
  return inverse;
}

/**
 * The correlation of x and y after removing what k ≥ 1 covariates explain of each (e.g. fidelity
 * and outcome, controlling for prior achievement).
 *
 * The estimate is −P_xy/√(P_xx·P_yy) with P the inverse of the correlation matrix of
 * (x, y, covariates) — R `ppcor::pcor`'s method; with one covariate it equals
 * (r_xy − r_xz·r_yz)/√((1 − r_xz²)(1 − r_yz²)). Test: t = r·√((n − 2 − k)/(1 − r²)) on
 * n − 2 − k df; CI by Fisher's z with standard error 1/√(n − 3 − k) (`[−1, 1]` when that is not
 * finite). `alternative: 'less' | 'greater'` makes the test and the interval one-sided, as in
 * {@link correlate} (the interval then [−1, tanh(z + Φ⁻¹(level)·se)] or
 * [tanh(z − Φ⁻¹(level)·se), 1]). Spearman ranks every variable (average ranks) first. Rows with any missing value are
 * dropped (`nDropped`). O(n·k² + k³).
 *
 * @category Correlation
 * @param covariates - One series per covariate, each paired with x and y.
 * @throws ScalingNavigatorError `INVALID_INPUT` for no covariates, unequal lengths, NaN (unless
 *   `nanPolicy: 'omit'`), ±Infinity, a hole in an array, a confidence level outside (0, 1), an
 *   unknown method or alternative, or an unknown option key. `LIMIT_EXCEEDED` for a series (or a list of
 *   covariates) longer than 2³¹ − 1.
 * @example
 * ```ts
 * import { partialCorrelation } from 'scaling-navigator/stats';
 * const fidelity = [0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9];
 * const outcome = [48, 55, 50, 61, 66, 63, 70, 78];
 * const prior = [50, 52, 49, 58, 60, 57, 62, 66];
 * const result = partialCorrelation(fidelity, outcome, [prior]);
 * result.df //=> 5
 * result.covariateCount //=> 1
 * result.estimate //≈ 0.7894508886547047
 * partialCorrelation(fidelity, outcome, [prior], { alternative: 'less' }).confidenceInterval?.[0] //=> -1
 * partialCorrelation(fidelity, outcome, [prior], { methods: 'spearman' } as never) //=> throws INVALID_INPUT at ['options', 'methods']
 * ```
 */
export function partialCorrelation(
  x: Series,
  y: Series,
  covariates: readonly Series[],
  options: PartialCorrelationOptions = {},
): PartialCorrelationResult {
  const xs = readSeries(x, ['x']);
  const ys = readSeries(y, ['y']);
  const list = readList(covariates, ['covariates']);
  if (list.length === 0) invalid(['covariates'], 'give at least one covariate (one series per covariate)');
  const covs = list.map((covariate, index) => readSeries(covariate, ['covariates', index]));
  const record = readOptions<PartialCorrelationOptions>(options, PARTIAL_OPTION_KEYS, ['options']);
  const method =
    record.method === undefined
      ? 'pearson'
      : requireOneOf(
          record.method,
          ['pearson', 'spearman'] as const,
          ['options', 'method'],
          'partial correlation method',
        );
  const confidenceLevel = readConfidenceLevel(record.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(record.nanPolicy, ['options', 'nanPolicy']);
  const alternative = readAlternative(record.alternative, ['options', 'alternative']);
  const k = covs.length;
  const rows = completeRows(
    [xs, ys, ...covs],
    [['x'], ['y'], ...covs.map((_, index) => ['covariates', index])],
    nanPolicy,
  );
  const base = { method, covariateCount: k, confidenceLevel, n: rows.n, nDropped: rows.nDropped };
  const empty = { estimate: null, statistic: null, df: null, pValue: null, confidenceInterval: null };
  if (rows.n < k + 3) {
    const why = note(
      'TOO_FEW_ROWS',
      `with ${k} covariate(s) at least ${k + 3} complete rows are needed; there are ${rows.n}`,
      'estimate',
    );
    return { ...base, ...empty, notes: [why] };
  }
  const columns = method === 'spearman' ? rows.columns.map((column) => averageRanks(column)) : rows.columns;
  const size = columns.length;
  const matrix = columns.map(() => new Float64Array(size));
  for (let i = 0; i < size; i += 1) {
    (matrix[i] as Float64Array)[i] = 1;
    for (let j = i + 1; j < size; j += 1) {
      const r = pearsonR(pairMoments(columns[i] as Float64Array, columns[j] as Float64Array, 'raise', [['x'], ['y']]));
      if (r === null) {
        const why = note('CONSTANT_INPUT', 'a variable has the same value in every complete row', 'estimate');
        return { ...base, ...empty, notes: [why] };
      }
      (matrix[i] as Float64Array)[j] = r;
      (matrix[j] as Float64Array)[i] = r;
    }
  }
  const inverse = invert(matrix);
  if (inverse === null) {
    const why = note(
      'SINGULAR_COVARIATES',
      'the variables are linearly dependent, so nothing is left to correlate',
      'estimate',
    );
    return { ...base, ...empty, notes: [why] };
  }
  const pxy = (inverse[0] as Float64Array)[1] as number;
  const pxx = (inverse[0] as Float64Array)[0] as number;
  const pyy = (inverse[1] as Float64Array)[1] as number;
  const estimate = Math.min(1, Math.max(-1, -pxy / Math.sqrt(pxx * pyy)));
  const df = rows.n - 2 - k;
  const statistic = correlationT(estimate, df);
  return withoutNegativeZero({
    ...base,
    estimate,
    statistic,
    df,
    pValue: statistic === null ? pValueAtInfinity(estimate, alternative) : tPValue(statistic, df, alternative),
    confidenceInterval: fisherIntervalFor(estimate, 1 / Math.sqrt(rows.n - 3 - k), confidenceLevel, alternative),
    notes:
      statistic === null
        ? [note('PERFECT_CORRELATION', '|partial r| = 1: the t statistic is infinite', 'statistic')]
        : [],
  });
}
