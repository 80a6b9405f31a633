import { invalid } from '../_lib/errors.js';
import { upperF } from '../_lib/inference.js';
import { type Note, note } from '../_lib/notes.js';
import { completeRows, type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { requireNumber } from '../_lib/validate.js';
import { maxAbs, plusZero, powerOfTwoScale, readList, readSeries, TINY, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * The one-way ANOVA table behind {@link icc1}.
 *
 * @category Agreement
 */
export interface OneWayAnova {
  readonly dfBetween: number;
  readonly dfWithin: number;
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly msBetween: number;
  readonly msWithin: number;
  /** F = MSB/MSW, or `null` when MSW is 0. */
  readonly f: number | null;
  /** P(F > f), or `null` with `f`. */
  readonly pValue: number | null;
}

/**
 * Options of {@link icc1}.
 *
 * @category Agreement
 */
export interface Icc1Options {
  /** `'raise'` (default): NaN is an error; `'omit'`: NaN is missing, like `null`. */
  readonly nanPolicy?: NanPolicy;
}

const ICC1_OPTION_KEYS = keysOf<Icc1Options>()('nanPolicy');

/**
 * Why ICC(1) has no estimate.
 *
 * - `TOO_FEW_GROUPS`: fewer than two groups with observations.
 * - `TOO_FEW_OBSERVATIONS`: no group has a second observation (no within-group variance).
 * - `NO_VARIANCE`: every observation is the same.
 * - `NOT_REPRESENTABLE`: the ANOVA table's sums of squares in the data's units exceed the largest
 *   double (field `anova`, which is then `null`; the estimate, F and p come from the scaled table),
 *   or F does (field `statistic`: `null`, with `pValue` 0).
 *
 * @category Agreement
 */
export type Icc1NoteCode = 'TOO_FEW_GROUPS' | 'TOO_FEW_OBSERVATIONS' | 'NO_VARIANCE' | 'NOT_REPRESENTABLE';

/**
 * The result of {@link icc1}: `statistic` and `pValue` are the ANOVA's F test; `n0` the
 * unbalanced-groups size.
 *
 * @category Agreement
 */
export interface Icc1Result extends Estimate<Icc1NoteCode> {
  /** n₀ = (N − Σn_j²/N)/(J − 1), the effective group size for unbalanced groups. */
  readonly n0: number | null;
  /** The mean group size N/J, which ICC(1) uses (as R's `multilevel::ICC1`). */
  readonly meanGroupSize: number | null;
  /** Groups with at least one observation. */
  readonly groupCount: number;
  readonly anova: OneWayAnova | null;
}

/**
 * ICC(1), the share of variance that lies between groups (e.g. how much of teachers' ratings is
 * about their school), from a one-way ANOVA: (MSB − MSW)/(MSB + (k − 1)·MSW) with k the mean
 * group size N/J — R's `multilevel::ICC1(aov(y ~ group))` (Bliese 2000). Also reports n₀ for
 * unbalanced groups and the ANOVA table with its F test. `null` entries are missing. O(N).
 *
 * @category Agreement
 * @param groups - One series of observations per group.
 * Values of any finite magnitude give finite results: when the sums of squares overflow (values
 * near 1e155 and beyond) or underflow, they are taken on the values divided by a power of two (an
 * exact scaling, so the estimate is the one of the same data at ordinary magnitude); a constant
 * group's mean is its value exactly.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` for a group that is not a series, a hole in `groups`
 *   or in a group, NaN (unless `nanPolicy: 'omit'`), ±Infinity, or an unknown option key.
 *   `LIMIT_EXCEEDED` for more than 2³¹ − 1 groups or a group longer than that.
 * @example
 * ```ts
 * import { icc1 } from 'scaling-navigator/stats';
 * const bySchool = [
 *   [3, 4, 4, 5],
 *   [2, 2, 3, 3],
 *   [4, 5, 5, 5],
 * ];
 * icc1(bySchool).estimate //≈ 0.74358974358974383
 * icc1(bySchool).anova?.dfWithin //=> 9
 * ```
 */
export function icc1(groups: readonly Series[], options: Icc1Options = {}): Icc1Result {
  return oneWay(groups, options).result;
}

/**
 * ICC(1)'s result and the mean squares it came from (divided by the square of the scaling power of
 * two when the sums of squares overflowed, which leaves ratios of them exact); `null` mean squares
 * when there is no table.
 */
function oneWay(
  groups: readonly Series[],
  options: Icc1Options,
): { readonly result: Icc1Result; readonly msBetween: number | null; readonly msWithin: number | null } {
  const list = readList(groups, ['groups']);
  const settings = readOptions<Icc1Options>(options, ICC1_OPTION_KEYS, ['options']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  let nDropped = 0;
  const columns: Float64Array[] = [];
  list.forEach((group, index) => {
    const rows = completeRows([readSeries(group, ['groups', index])], [['groups', index]], nanPolicy);
    nDropped += rows.nDropped;
    if (rows.n > 0) columns.push(rows.columns[0] as Float64Array);
  });
  const groupCount = columns.length;
  const total = columns.reduce((sum, column) => sum + column.length, 0);
  const base = { confidenceInterval: null, confidenceLevel: null, df: null, n: total, nDropped, groupCount };
  const none = (code: Icc1NoteCode, message: string, anova: OneWayAnova | null = null): Icc1Result => ({
    ...base,
    estimate: null,
    statistic: anova?.f ?? null,
    pValue: anova?.pValue ?? null,
    n0: null,
    meanGroupSize: groupCount > 0 ? total / groupCount : null,
    anova,
    notes: [note(code, message, 'estimate')],
  });
  const bare = (result: Icc1Result) => ({ result, msBetween: null, msWithin: null });
  if (groupCount < 2) return bare(none('TOO_FEW_GROUPS', 'ICC(1) needs at least two groups with observations'));
  if (total - groupCount < 1) return bare(none('TOO_FEW_OBSERVATIONS', 'no group has more than one observation'));

  let sums = sumsOfSquares(columns, total, 1);
  let scale = 1;
  if (!Number.isFinite(sums.ssBetween + sums.ssWithin) || sums.ssBetween + sums.ssWithin < TINY) {
    // Overflow (values near 1e155 and beyond) or underflow: the same sums on values divided by a
    // power of two, where they are exact images of the true ones.
    let max = 0;
    for (const column of columns) max = Math.max(max, maxAbs(column));
    scale = powerOfTwoScale(max);
    sums = sumsOfSquares(columns, total, scale);
  }
  const { ssBetween, ssWithin, sumSquaredSizes } = sums;
  const dfBetween = groupCount - 1;
  const dfWithin = total - groupCount;
  const msBetween = ssBetween / dfBetween;
  const msWithin = ssWithin / dfWithin;
  const rawF = msWithin === 0 ? null : msBetween / msWithin;
  const f = rawF !== null && Number.isFinite(rawF) ? rawF : null;
  const notes: Note<Icc1NoteCode>[] = [];
  if (rawF !== null && f === null) {
    notes.push(note('NOT_REPRESENTABLE', 'the F statistic exceeds the largest floating-point number', 'statistic'));
  }
  const pValue = f === null ? (rawF === null ? null : 0) : upperF(f, dfBetween, dfWithin);
  // The table in the data's units: sums of squares grow with the square of the scale.
  const square = scale * scale;
  const table = { ssBetween: ssBetween * square, ssWithin: ssWithin * square };
  const anova: OneWayAnova | null =
    Number.isFinite(table.ssBetween + table.ssWithin) && Number.isFinite(square)
      ? {
          dfBetween,
          dfWithin,
          ...table,
          msBetween: msBetween * square,
          msWithin: msWithin * square,
          f,
          pValue,
        }
      : null;
  if (anova === null) {
    notes.push(note('NOT_REPRESENTABLE', 'the sums of squares exceed the largest floating-point number', 'anova'));
  }
  const meanGroupSize = total / groupCount;
  const denominator = msBetween + (meanGroupSize - 1) * msWithin;
  if (denominator === 0) {
    const result = none('NO_VARIANCE', 'every observation has the same value', anova);
    return {
      result: withoutNegativeZero({ ...result, statistic: f, pValue, notes: [...result.notes, ...notes] }),
      msBetween,
      msWithin,
    };
  }
  const result = withoutNegativeZero({
    ...base,
    estimate: (msBetween - msWithin) / denominator,
    statistic: f,
    pValue,
    n0: (total - sumSquaredSizes / total) / dfBetween,
    meanGroupSize,
    anova,
    notes,
  });
  return { result, msBetween, msWithin };
}

/**
 * Options of {@link icc2}: those of {@link icc1}.
 *
 * @category Agreement
 */
export type Icc2Options = Icc1Options;

/**
 * Why ICC(2) has no estimate: ICC(1)'s reasons (`TOO_FEW_GROUPS`, `TOO_FEW_OBSERVATIONS`,
 * `NO_VARIANCE` — here also when the group means are all equal, MSB = 0 — and `NOT_REPRESENTABLE`).
 *
 * @category Agreement
 */
export type Icc2NoteCode = Icc1NoteCode;

/**
 * The result of {@link icc2}: the same fields as {@link Icc1Result} (the ANOVA table, its F test,
 * n₀, the mean group size), with ICC(2) as `estimate`.
 *
 * @category Agreement
 */
export type Icc2Result = Icc1Result;

/**
 * ICC(2), the reliability of the group means (how well a school's mean rating stands for its
 * teachers' ratings), from the same one-way ANOVA as {@link icc1}: (MSB − MSW)/MSB — R's
 * `multilevel::ICC2(aov(y ~ group))` (Bliese 2000). It equals the Spearman–Brown step-up of ICC(1)
 * to the mean group size k: k·ICC(1)/(1 + (k − 1)·ICC(1)). Negative when the groups differ less
 * than chance would make them (MSB < MSW), as R reports it; 1 when every group is internally
 * constant. `null` entries are missing. O(N).
 *
 * @category Agreement
 * @param groups - One series of observations per group.
 * @throws ScalingNavigatorError As {@link icc1}: `INVALID_INPUT` for a group that is not a series, a
 *   hole, NaN (unless `nanPolicy: 'omit'`), ±Infinity, or an unknown option key; `LIMIT_EXCEEDED`
 *   for more than 2³¹ − 1 groups or a group longer than that.
 * @example
 * ```ts
 * import { icc2 } from 'scaling-navigator/stats';
 * const bySchool = [
 *   [3, 4, 4, 5],
 *   [2, 2, 3, 3],
 *   [4, 5, 5, 5],
 * ];
 * icc2(bySchool).estimate //≈ 0.9206349206349206
 * icc2([[3, 4], [4, 3]]).notes[0]?.code //=> 'NO_VARIANCE'
 * ```
 */
export function icc2(groups: readonly Series[], options: Icc2Options = {}): Icc2Result {
  const { result, msBetween, msWithin } = oneWay(groups, options);
  if (msBetween === null || msWithin === null || result.estimate === null) {
    // No table, or no variance at all: ICC(1)'s reasons hold for ICC(2) too.
    return { ...result, estimate: null };
  }
  if (msBetween === 0) {
    const why = note('NO_VARIANCE', 'the group means are all equal (MSB = 0), so ICC(2) is undefined', 'estimate');
    return { ...result, estimate: null, notes: [why, ...result.notes] };
  }
  return { ...result, estimate: plusZero((msBetween - msWithin) / msBetween) };
}

/** Between- and within-group sums of squares of the values divided by `scale` (a power of two). */
function sumsOfSquares(
  columns: readonly Float64Array[],
  total: number,
  scale: number,
): { ssBetween: number; ssWithin: number; sumSquaredSizes: number } {
  let grandSum = 0;
  let allEqual = true;
  const firstValue = (columns[0] as Float64Array)[0] as number;
  const means = columns.map((column) => {
    const first = column[0] as number;
    let sum = 0;
    let constant = true;
    for (let i = 0; i < column.length; i += 1) {
      const value = column[i] as number;
      sum += value / scale;
      if (value !== first) constant = false;
    }
    if (first !== firstValue || !constant) allEqual = false;
    grandSum += sum;
    // A constant group's mean is its value, exactly (a sum divided by n may be an ulp off).
    return constant ? first / scale : sum / column.length;
  });
  const grandMean = allEqual ? firstValue / scale : grandSum / total;
  let ssBetween = 0;
  let ssWithin = 0;
  let sumSquaredSizes = 0;
  columns.forEach((column, j) => {
    const groupMean = means[j] as number;
    ssBetween += column.length * (groupMean - grandMean) ** 2;
    sumSquaredSizes += column.length * column.length;
    for (let i = 0; i < column.length; i += 1) ssWithin += ((column[i] as number) / scale - groupMean) ** 2;
  });
  return { ssBetween, ssWithin, sumSquaredSizes };
}

/**
 * Kish's design effect for a mean from clustered data, 1 + (m − 1)·ρ: how many times larger the
 * variance is than under simple random sampling (effective n = n / design effect). For a
 * correlation between two clustered variables, pass ρ_x·ρ_y as `icc` (Scott & Holt 1982).
 *
 * @category Agreement
 * @param icc - The intraclass correlation, in [−1, 1].
 * @param clusterSize - The (mean) cluster size m, ≥ 1.
 * @throws ScalingNavigatorError `INVALID_INPUT` for an ICC outside [−1, 1] or a cluster size below 1.
 * @example
 * ```ts
 * import { designEffect } from 'scaling-navigator/stats';
 * designEffect(0.2, 25) //≈ 5.8
 * designEffect(0, 25) //=> 1
 * designEffect(1.2, 25) //=> throws INVALID_INPUT at ['icc']
 * ```
 */
export function designEffect(icc: number, clusterSize: number): number {
  const rho = requireNumber(icc, ['icc'], { min: -1, max: 1 });
  const m = requireNumber(clusterSize, ['clusterSize'], { min: 1 });
  const effect = 1 + (m - 1) * rho;
  if (effect <= 0) {
    invalid(['icc'], `an ICC of ${rho} with clusters of ${m} gives a design effect of ${effect}, which is impossible`);
  }
  return effect;
}
