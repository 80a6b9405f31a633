import type { Note } from '../_lib/notes.js';

/**
 * The shape every estimate of the stats module shares, so apps can handle them alike: every field
 * is always present, `null` when it does not apply or cannot be computed (then `notes` says why).
 *
 * @category Estimates
 */
export interface Estimate<Code extends string = string> {
  /** The point estimate, or `null` (see `notes`). */
  readonly estimate: number | null;
  /** The test statistic (t or z), or `null`. */
  readonly statistic: number | null;
  /** Degrees of freedom of `statistic`, or `null` for a normal statistic. */
  readonly df: number | null;
  /** p-value, two-sided unless the function's `alternative` option asks for one side; or `null`. */
  readonly pValue: number | null;
  /** `[lower, upper]` at `confidenceLevel` (one-sided ones end at a bound such as ±1), or `null`. */
  readonly confidenceInterval: readonly [number, number] | null;
  /** The confidence level of `confidenceInterval`; `null` for estimates that have no interval. */
  readonly confidenceLevel: number | null;
  /** Observations (or pairs) used. */
  readonly n: number;
  /** Observations (or pairs) dropped as missing. */
  readonly nDropped: number;
  /** Why a field is `null` (each note names the field it explains); empty when every field has a value. */
  readonly notes: readonly Note<Code>[];
}
