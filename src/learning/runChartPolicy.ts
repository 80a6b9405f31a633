import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { policyDefinition } from '../_lib/policy.js';

/**
 * One row of an IHI runs table: for `nUseful` points off the median, fewer than `min` or more than
 * `max` runs signal non-random variation.
 *
 * @category Run charts
 */
export interface RunsTableRow {
  /** Points not on the median (a whole number ≥ 1). */
  readonly nUseful: number;
  /** The fewest runs that are not a signal. */
  readonly min: number;
  /** The most runs that are not a signal. */
  readonly max: number;
}

/**
 * The thresholds {@link runChart} applies for the IHI rules; see {@link DEFAULT_RUN_CHART_POLICY}.
 *
 * @category Run charts
 */
export interface RunChartPolicy {
  /** Consecutive points on one side of the median that make a shift (whole number ≥ 2). */
  readonly shiftLength: number;
  /** Consecutive rising or falling points that make a trend (whole number ≥ 3). */
  readonly trendLength: number;
  /** The runs table for the `learning/ihi-runs` rule, one row per `nUseful`; empty turns the rule off. */
  readonly runsTable: readonly RunsTableRow[];
}

const Count = z.int().check(z.gte(0));

const fields = {
  shiftLength: z.int().check(z.gte(2)),
  trendLength: z.int().check(z.gte(3)),
  runsTable: z.array(z.strictObject({ nUseful: z.int().check(z.gte(1)), min: Count, max: Count })),
};

/** The whole policy, as a result echoes it (every field present). @internal */
export const RunChartPolicySchema = /* @__PURE__ */ z.strictObject(fields);

const definition = /* @__PURE__ */ policyDefinition<RunChartPolicy>({
  defaults: { shiftLength: 6, trendLength: 5, runsTable: Object.freeze([]) },
  fields,
  check(policy, _given, path) {
    const seen = new Set<number>();
    policy.runsTable.forEach((row, index) => {
      const at = [...path, 'runsTable', index];
      if (seen.has(row.nUseful)) invalid([...at, 'nUseful'], `duplicate row for nUseful ${row.nUseful}`);
      seen.add(row.nUseful);
      if (row.min > row.max) invalid([...at, 'min'], `min (${row.min}) cannot exceed max (${row.max})`);
      if (row.max > row.nUseful) {
        invalid([...at, 'max'], `${row.nUseful} useful points make at most ${row.nUseful} runs, got max ${row.max}`);
      }
    });
  },
});

/**
 * The default IHI thresholds of {@link runChart}, with their sources. The Anhøj limits are not
 * policy: they are computed from the number of useful points as qicharts2 computes them.
 *
 * - `shiftLength: 6` — six or more consecutive points on one side of the median (Perla, Provost &
 *   Murray 2011, rule 1).
 * - `trendLength: 5` — five or more consecutive points all going up or all going down (rule 2).
 * - `runsTable: []` — no table, so the `learning/ihi-runs` rule is off. Perla et al. read "too few or too
 *   many runs" from a table derived from Swed & Eisenhart (1943); the project could confirm only one
 *   of its entries (16 useful points: 5 to 12 runs), and an invented or half-remembered table would
 *   raise false alarms with an air of authority. Supply the table you use
 *   (`{ runsTable: [{ nUseful: 16, min: 5, max: 12 }, …] }`) to turn the rule on.
 *
 * @category Run charts
 * @example
 * ```ts
 * import { DEFAULT_RUN_CHART_POLICY } from 'scaling-navigator/learning';
 * DEFAULT_RUN_CHART_POLICY //=> { shiftLength: 6, trendLength: 5, runsTable: [] }
 * ```
 */
export const DEFAULT_RUN_CHART_POLICY: RunChartPolicy = definition.defaults;

/** The run-chart policy with `overrides` merged in, errors reported under `path`. @internal */
export function resolveRunChartPolicy(overrides: unknown, path: ErrorPath): RunChartPolicy {
  const policy = definition.resolve(overrides, path);
  deepFreeze(policy.runsTable);
  return policy;
}

/**
 * Validates overrides and merges them over {@link DEFAULT_RUN_CHART_POLICY}.
 *
 * @category Run charts
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, lengths that are not whole numbers
 *   in range, or a runs table with a duplicate `nUseful`, `min > max` or `max > nUseful`.
 * @example
 * ```ts
 * import { defineRunChartPolicy } from 'scaling-navigator/learning';
 * defineRunChartPolicy({ shiftLength: 8 }).shiftLength //=> 8
 * defineRunChartPolicy({ runsTable: [{ nUseful: 16, min: 5, max: 12 }] }).runsTable.length //=> 1
 * defineRunChartPolicy({ trendLength: 2 }) //=> throws INVALID_INPUT at ['policy', 'trendLength']
 * ```
 */
export function defineRunChartPolicy(overrides: Partial<RunChartPolicy> = {}): RunChartPolicy {
  return resolveRunChartPolicy(overrides, ['policy']);
}
