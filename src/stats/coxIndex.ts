import type { ErrorPath } from '../_lib/errors.js';
import { invalid } from '../_lib/errors.js';
import { standardNormalCdf, twoSidedZ } from '../_lib/inference.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { note } from '../_lib/notes.js';
import { keysOf, readOptions, requireKnownKeys } from '../_lib/strict.js';
import { readConfidenceLevel, requireNumber, requireRecord } from '../_lib/validate.js';
import { MAX_COUNT, withoutNegativeZero } from './_finite.js';
import type { Estimate } from './Estimate.js';

/**
 * A group's binary outcome: how many of `n` succeeded.
 *
 * @category Effect sizes
 */
export interface ProportionGroup {
  /** Whole number in [0, n]. */
  readonly successes: number;
  /** Whole number ≥ 1. */
  readonly n: number;
}

/**
 * The two groups {@link coxIndex} compares.
 *
 * @category Effect sizes
 */
export interface CoxIndexGroups {
  /** The group that received the intervention. */
  readonly treatment: ProportionGroup;
  /** The comparison group. */
  readonly comparison: ProportionGroup;
}

/**
 * Options of {@link coxIndex}.
 *
 * @category Effect sizes
 */
export interface CoxIndexOptions {
  /** Level of the confidence interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number;
}

/**
 * Why a Cox index has no estimate: `EXTREME_PROPORTION` — a group's proportion is 0% or 100%, where
 * the log odds are infinite.
 *
 * @category Effect sizes
 */
export type CoxIndexNoteCode = 'EXTREME_PROPORTION';

/**
 * The result of {@link coxIndex}. `statistic`, `pValue` and `confidenceInterval` come from the
 * Wald test of the log odds ratio (SE √(1/a + 1/b + 1/c + 1/d)), carried to the Cox scale.
 *
 * @category Effect sizes
 */
export interface CoxIndexResult extends Estimate<CoxIndexNoteCode> {
  /** ln(p_T/(1 − p_T)) − ln(p_C/(1 − p_C)). */
  readonly logOddsRatio: number | null;
  /** ω = 1 − 3/(4N − 9). */
  readonly omega: number;
  /** 100·Φ(estimate) − 50. */
  readonly improvementIndex: number | null;
  /** Standard error of the log odds ratio. */
  readonly se: number | null;
}

const GROUPS_KEYS = keysOf<CoxIndexGroups>()('treatment', 'comparison');
const PROPORTION_KEYS = keysOf<ProportionGroup>()('successes', 'n');
const COX_OPTION_KEYS = keysOf<CoxIndexOptions>()('confidenceLevel');

function readProportion(value: unknown, path: ErrorPath): ProportionGroup {
  const record = requireRecord(value, path);
  requireKnownKeys(record, PROPORTION_KEYS, path);
  const n = requireNumber(record.n, [...path, 'n'], { min: 1, max: MAX_COUNT, integer: true });
  const successes = requireNumber(record.successes, [...path, 'successes'], { min: 0, integer: true });
  if (successes > n) invalid([...path, 'successes'], `cannot exceed n (${n})`);
  return { successes, n };
}

/**
 * The Cox index: the WWC's effect size for a binary outcome (Procedures and Standards Handbook
 * v5.0), d_Cox = ω·[logit p_T − logit p_C]/1.65 with
 * ω = 1 − 3/(4N − 9), on the same scale as Hedges' g; improvement index 100·Φ(d) − 50.
 * At a proportion of 0% or 100% the log odds are infinite: `estimate: null` with a note.
 *
 * @category Effect sizes
 * @throws ScalingNavigatorError `INVALID_INPUT` for counts that are not whole numbers, n < 1 or
 *   above 2⁵³ − 1, successes above n, or an unknown key in `groups`, a group or `options` (with a
 *   suggestion).
 * @example
 * ```ts
 * import { coxIndex } from 'scaling-navigator/stats';
 * const result = coxIndex({ treatment: { successes: 60, n: 100 }, comparison: { successes: 45, n: 100 } });
 * result.logOddsRatio //≈ 0.6061358035703155
 * result.estimate //≈ 0.36596177697077625
 * coxIndex({ treatment: { successes: 10, n: 10 }, comparison: { successes: 5, n: 10 } }).estimate //=> null
 * coxIndex({ treatment: { success: 6, n: 10 }, comparison: { successes: 5, n: 10 } } as never) //=> throws INVALID_INPUT at ['groups', 'treatment', 'success']
 * ```
 */
export function coxIndex(groups: CoxIndexGroups, options: CoxIndexOptions = {}): CoxIndexResult {
  const record = requireRecord(groups, ['groups']);
  requireKnownKeys(record, GROUPS_KEYS, ['groups']);
  const settings = readOptions<CoxIndexOptions>(options, COX_OPTION_KEYS, ['options']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const t = readProportion(record.treatment, ['groups', 'treatment']);
  const c = readProportion(record.comparison, ['groups', 'comparison']);
  const total = t.n + c.n;
  const omega = 1 - 3 / (4 * total - 9);
  const base = { confidenceLevel, n: total, nDropped: 0, omega, df: null };
  const extreme = [t, c].some((group) => group.successes === 0 || group.successes === group.n);
  if (extreme) {
    return withoutNegativeZero({
      ...base,
      estimate: null,
      statistic: null,
      pValue: null,
      confidenceInterval: null,
      logOddsRatio: null,
      improvementIndex: null,
      se: null,
      notes: [
        note(
          'EXTREME_PROPORTION',
          'a group succeeded 0% or 100% of the time, where the log odds are infinite',
          'estimate',
        ),
      ],
    });
  }
  const logit = (group: ProportionGroup) => Math.log(group.successes / (group.n - group.successes));
  const logOddsRatio = logit(t) - logit(c);
  const estimate = (omega * logOddsRatio) / 1.65;
  const se = Math.sqrt(1 / t.successes + 1 / (t.n - t.successes) + 1 / c.successes + 1 / (c.n - c.successes));
  const statistic = logOddsRatio / se;
  const half = (omega * criticalZ(confidenceLevel) * se) / 1.65;
  return withoutNegativeZero({
    ...base,
    estimate,
    statistic,
    pValue: twoSidedZ(statistic),
    confidenceInterval: [estimate - half, estimate + half],
    logOddsRatio,
    improvementIndex: 100 * standardNormalCdf(estimate) - 50,
    se,
    notes: [],
  });
}
