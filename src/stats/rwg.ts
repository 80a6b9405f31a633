import { mean, sampleVariance } from 'simple-statistics';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { note } from '../_lib/notes.js';
import { completeRows, isMissing, type NanPolicy, readNanPolicy, type Series } from '../_lib/series.js';
import { keysOf, readOptions, requireKnownKeys } from '../_lib/strict.js';
import { requireNumber, requireOneOf, requireRecord } from '../_lib/validate.js';
import { readList, readSeries, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * Why an agreement index has no estimate: `TOO_FEW_RATERS` — fewer than two raters with ratings.
 *
 * @category Agreement
 */
export type AgreementNoteCode = 'TOO_FEW_RATERS';

/**
 * The result of {@link rwg} and {@link rwgJ}: `estimate` truncated to [0, 1] as R's `multilevel`
 * does (observed variance above the uniform null's counts as no agreement), `raw` untruncated.
 *
 * @category Agreement
 */
export interface AgreementResult extends Estimate<AgreementNoteCode> {
  /** The index before truncation (can be negative; `null` with `estimate`). */
  readonly raw: number | null;
  /**
   * The null variance the index used: σ²_EU = (A² − 1)/12, the variance of ratings spread uniformly
   * over A points, or the caller's `nullVariance`.
   */
  readonly nullVariance: number;
}

/**
 * Options of {@link rwg}.
 *
 * @category Agreement
 */
export interface RwgOptions {
  /** `'raise'` (default): NaN is an error; `'omit'`: NaN is missing, like `null`. */
  readonly nanPolicy?: NanPolicy;
  /**
   * The variance expected when raters agree no more than chance, a finite number ≥ 1e-100 (R
   * `multilevel`'s `ranvar`). Default: the uniform null (A² − 1)/12. James, Demaree & Wolf (1984)
   * recommend a null that reflects the response bias one expects — e.g. the variance of a slightly
   * skewed distribution over the scale's points when raters lean towards agreeing.
   */
  readonly nullVariance?: number;
}

/**
 * Options of {@link rwgJ}: those of {@link rwg}, and how missing ratings are handled.
 *
 * @category Agreement
 */
export interface RwgJOptions extends RwgOptions {
  /**
   * `'listwise'` (default): a rater with any missing rating is dropped, as R `multilevel` 2.7's
   * `rwg.j` (Debian's); `'per-item'`: each item's variance comes from the raters who rated it, so a
   * rater missing one item still counts for the others. multilevel 2.8 changed `rwg.j`'s default
   * handling of missing ratings: on data with gaps, compare with the version you run.
   */
  readonly missing?: 'listwise' | 'per-item';
}

const RWG_OPTION_KEYS = keysOf<RwgOptions>()('nanPolicy', 'nullVariance');
const RWG_J_OPTION_KEYS = keysOf<RwgJOptions>()('nanPolicy', 'nullVariance', 'missing');

/**
 * The smallest null variance taken: below it s²/σ² could overflow (a rating variance is at most
 * ≈ 2·10³¹ on the widest scale), and no chance distribution over a rating scale is that narrow.
 */
const MIN_NULL_VARIANCE = 1e-100;

/** The caller's null variance (a finite number ≥ 1e-100), or the uniform null of the scale. */
function readNullVariance(value: unknown, points: number): number {
  if (value === undefined) return (points * points - 1) / 12;
  const variance = requireNumber(value, ['options', 'nullVariance']);
  if (!(variance >= MIN_NULL_VARIANCE)) {
    invalid(['options', 'nullVariance'], `a null variance is at least ${MIN_NULL_VARIANCE}, got ${variance}`);
  }
  return variance;
}

/**
 * A rating scale: A points coded 1…A (pass the number A), or any whole-number range such as CFIR's
 * −2…+2 (pass `{ min: -2, max: 2 }`, A = max − min + 1).
 *
 * @category Agreement
 */
export type RatingScale = number | { readonly min: number; readonly max: number };

const SCALE_RANGE_KEYS = keysOf<{ readonly min: number; readonly max: number }>()('min', 'max');

/** The most points a rating scale may have, 2⁵³ − 1 (its points are then exact integers). */
const MAX_SCALE_POINTS = Number.MAX_SAFE_INTEGER;

function readScale(value: unknown): { readonly min: number; readonly max: number; readonly points: number } {
  if (typeof value === 'object' && value !== null) {
    const record = requireRecord(value, ['scalePoints']);
    requireKnownKeys(record, SCALE_RANGE_KEYS, ['scalePoints']);
    const bound = { integer: true, min: -MAX_SCALE_POINTS, max: MAX_SCALE_POINTS };
    const min = requireNumber(record.min, ['scalePoints', 'min'], bound);
    const max = requireNumber(record.max, ['scalePoints', 'max'], { ...bound, min: min + 1 });
    if (max - min + 1 > MAX_SCALE_POINTS) {
      invalid(['scalePoints', 'max'], `a rating scale has at most ${MAX_SCALE_POINTS} points`);
    }
    return { min, max, points: max - min + 1 };
  }
  const points = requireNumber(value, ['scalePoints'], { min: 2, max: MAX_SCALE_POINTS, integer: true });
  return { min: 1, max: points, points };
}

function checkOnScale(
  values: Float64Array,
  scale: { readonly min: number; readonly max: number },
  path: (index: number) => ErrorPath,
): void {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (value < scale.min || value > scale.max) {
      invalid(path(i), `rating ${value} is off the ${scale.min}…${scale.max} scale`);
    }
  }
}

/** An agreement result: estimate and raw value (both `null` with a note when there are too few raters). */
function agreement(
  estimate: number | null,
  raw: number | null,
  rows: { readonly n: number; readonly nDropped: number },
  nullVariance: number,
): AgreementResult {
  return withoutNegativeZero({
    estimate,
    raw,
    statistic: null,
    df: null,
    pValue: null,
    confidenceInterval: null,
    confidenceLevel: null,
    n: rows.n,
    nDropped: rows.nDropped,
    nullVariance,
    notes: rows.n < 2 ? [note('TOO_FEW_RATERS', 'agreement needs ratings from at least two raters', 'estimate')] : [],
  });
}

/**
 * Within-group agreement of raters on one item, r_wg (James, Demaree & Wolf 1984):
 * 1 − s²/σ²_EU with s² the sample variance of the ratings and
 * σ²_EU = (A² − 1)/12 for an A-point scale — 1 is full agreement, 0 no more than random.
 * The scale is A points coded 1…A, or a range such as CFIR's `{ min: -2, max: 2 }`.
 * `estimate` matches R's `multilevel::rwg` (variance capped at σ²_EU, so in [0, 1]); `raw` is
 * uncapped. `nullVariance` replaces σ²_EU by the caller's null (R's `ranvar`). `null` is missing.
 * O(n).
 *
 * @category Agreement
 * @throws ScalingNavigatorError `INVALID_INPUT` for a rating off the scale, a scale of fewer than 2
 *   or more than 2⁵³ − 1 points, an unknown key in a `{ min, max }` scale or in `options`, a hole in
 *   the array, NaN (unless `nanPolicy: 'omit'`), or a null variance that is not a finite number ≥ 1e-100.
 *   `LIMIT_EXCEEDED` for more than 2³¹ − 1 ratings.
 * @example
 * ```ts
 * import { rwg } from 'scaling-navigator/stats';
 * rwg([4, 4, 5, 4, 3], 5).estimate //=> 0.75
 * rwg([1, 5, 1, 5], 5).raw //≈ -1.6666666666666665
 * rwg([1, 5, 1, 5], 5).estimate //=> 0
 * rwg([4], 5).notes[0]?.code //=> 'TOO_FEW_RATERS'
 * rwg([-1, 0, 1, 2, 1, -2], { min: -2, max: 2 }).raw //≈ -0.08333333333333326
 * rwg([0, 4], 5) //=> throws INVALID_INPUT at ['ratings', 0]
 * rwg([1, 2], { min: 1, max: 5, step: 1 } as never) //=> throws INVALID_INPUT at ['scalePoints', 'step']
 * rwg([4, 4, 5, 4, 3], 5, { nullVariance: 1.5 }).estimate //≈ 0.6666666666666667
 * ```
 */
export function rwg(ratings: Series, scalePoints: RatingScale, options: RwgOptions = {}): AgreementResult {
  const series = readSeries(ratings, ['ratings']);
  const scale = readScale(scalePoints);
  const settings = readOptions<RwgOptions>(options, RWG_OPTION_KEYS, ['options']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const nullVariance = readNullVariance(settings.nullVariance, scale.points);
  const rows = completeRows([series], [['ratings']], nanPolicy);
  const values = rows.columns[0] as Float64Array;
  checkOnScale(values, scale, (i) => ['ratings', i]);
  if (rows.n < 2) return agreement(null, null, rows, nullVariance);
  const variance = sampleVariance(Array.from(values));
  return agreement(
    1 - Math.min(variance, nullVariance) / nullVariance,
    1 - variance / nullVariance,
    rows,
    nullVariance,
  );
}

/**
 * Agreement of raters across J parallel items, r_wg(J) (James, Demaree & Wolf 1984):
 *
 * $$\frac{J(1 - \bar s^2/\sigma^2_{EU})}{J(1 - \bar s^2/\sigma^2_{EU}) + \bar s^2/\sigma^2_{EU}}$$
 *
 * with s̄² the mean of the items' sample variances. Rows are raters, columns items. As R's
 * `multilevel::rwg.j` (2.7), a rater with any missing rating is dropped (`nDropped` counts raters)
 * and `estimate` caps s̄² at σ²_EU; `raw` is uncapped (`null` where its denominator is 0).
 * `missing: 'per-item'` takes each item's variance over the raters who rated it instead (`n` counts
 * raters with at least one rating, `nDropped` those with none; an item with fewer than two ratings
 * leaves no estimate). multilevel 2.8 changed the default handling of missing ratings; this
 * function's default stays 2.7's. `nullVariance` replaces σ²_EU (R's `ranvar`).
 * O(raters × items).
 *
 * @category Agreement
 * @throws ScalingNavigatorError `INVALID_INPUT` for rows of different lengths, no items, a rating
 *   off the scale, a hole in the list or a row, an unknown option key, an unknown `missing`, a null
 *   variance that is not a finite number ≥ 1e-100, or NaN (unless `nanPolicy: 'omit'`). `LIMIT_EXCEEDED`
 *   for more than 2³¹ − 1 raters or items.
 * @example
 * ```ts
 * import { rwgJ } from 'scaling-navigator/stats';
 * const review = [
 *   [4, 5, 4],
 *   [4, 4, 4],
 *   [5, 4, 3],
 * ];
 * rwgJ(review, 5).estimate //≈ 0.9375
 * const gaps = [
 *   [4, 5, null],
 *   [4, 4, 4],
 *   [5, 4, 3],
 * ];
 * rwgJ(gaps, 5).n //=> 2
 * rwgJ(gaps, 5, { missing: 'per-item' }).n //=> 3
 * ```
 */
export function rwgJ(
  ratingsByRater: readonly Series[],
  scalePoints: RatingScale,
  options: RwgJOptions = {},
): AgreementResult {
  const raters = readList(ratingsByRater, ['ratingsByRater']).map((row, index) =>
    readSeries(row, ['ratingsByRater', index]),
  );
  const scale = readScale(scalePoints);
  const settings = readOptions<RwgJOptions>(options, RWG_J_OPTION_KEYS, ['options']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const nullVariance = readNullVariance(settings.nullVariance, scale.points);
  const missing =
    settings.missing === undefined
      ? 'listwise'
      : requireOneOf(
          settings.missing,
          ['listwise', 'per-item'] as const,
          ['options', 'missing'],
          'missing-ratings rule',
        );
  const items = raters[0]?.length ?? 0;
  if (raters.length > 0 && items === 0) invalid(['ratingsByRater', 0], 'each rater needs at least one item');
  raters.forEach((row, index) => {
    if (row.length !== items) {
      invalid(['ratingsByRater', index], `has ${row.length} items but the first rater has ${items}; rows must align`);
    }
  });
  if (missing === 'per-item') return perItem(raters, items, scale, nanPolicy, nullVariance);
  // Columns are items; complete rows are raters who rated every item.
  const itemColumns: Series[] = Array.from({ length: items }, (_, item) => raters.map((row) => row[item]));
  const rows = completeRows(
    itemColumns,
    itemColumns.map((_, item) => ['items', item]),
    nanPolicy,
  );
  rows.columns.forEach((column, item) => {
    checkOnScale(column, scale, () => {
      const rater = raters.findIndex((row) => {
        const value = row[item];
        return typeof value === 'number' && (value < scale.min || value > scale.max);
      });
      return ['ratingsByRater', rater, item];
    });
  });
  if (rows.n < 2) return agreement(null, null, rows, nullVariance);
  const meanVariance = mean(rows.columns.map((column) => sampleVariance(Array.from(column))));
  return rwgJFromVariance(meanVariance, items, rows, nullVariance);
}

/** r_wg(J) (capped and raw) from the mean item variance. */
function rwgJFromVariance(
  meanVariance: number,
  items: number,
  rows: { readonly n: number; readonly nDropped: number },
  nullVariance: number,
): AgreementResult {
  const index = (ratio: number): number | null => {
    const numerator = items * (1 - ratio);
    const denominator = numerator + ratio;
    return denominator === 0 ? null : numerator / denominator;
  };
  return agreement(
    index(Math.min(meanVariance, nullVariance) / nullVariance),
    index(meanVariance / nullVariance),
    rows,
    nullVariance,
  );
}

/** r_wg(J) with each item's variance over the raters who rated it (R's `var(…, na.rm = TRUE)`). */
function perItem(
  raters: readonly Series[],
  items: number,
  scale: { readonly min: number; readonly max: number },
  nanPolicy: NanPolicy,
  nullVariance: number,
): AgreementResult {
  const rated = new Uint8Array(raters.length);
  const variances: number[] = [];
  let tooFew = false;
  for (let item = 0; item < items; item += 1) {
    const column: number[] = [];
    raters.forEach((row, rater) => {
      const value = row[item];
      if (isMissing(value, nanPolicy, ['ratingsByRater', rater], item)) return;
      const rating = value as number;
      if (rating < scale.min || rating > scale.max) {
        invalid(['ratingsByRater', rater, item], `rating ${rating} is off the ${scale.min}…${scale.max} scale`);
      }
      rated[rater] = 1;
      column.push(rating);
    });
    if (column.length < 2) tooFew = true;
    else variances.push(sampleVariance(column));
  }
  let n = 0;
  for (const flag of rated) n += flag;
  const rows = { n, nDropped: raters.length - n };
  if (tooFew || n < 2) {
    const result = agreement(null, null, rows, nullVariance);
    return {
      ...result,
      notes: [note('TOO_FEW_RATERS', 'every item needs ratings from at least two raters', 'estimate')],
    };
  }
  return rwgJFromVariance(mean(variances), items, rows, nullVariance);
}
