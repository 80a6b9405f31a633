import { deepFreeze } from '../_lib/deepFreeze.js';

/**
 * The rule sets {@link runChart} can apply: Anhøj's (as R qicharts2 computes them), the IHI's, or
 * both (the default).
 *
 * @category Run charts
 * @example
 * ```ts
 * import { RUN_CHART_RULE_SETS } from 'scaling-navigator/learning';
 * RUN_CHART_RULE_SETS //=> ['anhoej', 'ihi', 'both']
 * ```
 */
export const RUN_CHART_RULE_SETS = /* @__PURE__ */ deepFreeze(['anhoej', 'ihi', 'both'] as const);

/**
 * One of {@link RUN_CHART_RULE_SETS}.
 *
 * @category Run charts
 */
export type RunChartRuleSet = (typeof RUN_CHART_RULE_SETS)[number];

/**
 * The shape of one entry of {@link RUN_CHART_RULES}.
 *
 * @category Run charts
 */
export interface RunChartRuleEntry {
  /** Stable id, used in each point's `rules`. */
  readonly id: string;
  /** The rule set it belongs to. */
  readonly ruleSet: 'anhoej' | 'ihi';
  /** A short name. */
  readonly label: string;
  /** What makes it fire, in our words. */
  readonly summary: string;
  /** The published source. */
  readonly reference: string;
}

const ANHOEJ =
  'Anhøj J, Olesen AV (2014). Run charts revisited: a simulation study of run chart rules for detection of non-random variation in health care processes. PLoS ONE 9(11): e113825; as computed by R qicharts2 (runs.analysis).';
const IHI =
  'Perla RJ, Provost LP, Murray SK (2011). The run chart: a simple analytical tool for learning from variation in healthcare processes. BMJ Quality & Safety 20(1): 46–51.';

/**
 * The run-chart rules, each with what makes it fire and its source. A point's `rules` in
 * {@link runChart} lists the ids of the rules that flag it, in this order.
 *
 * - `anhoej-longest-run`: a run (consecutive useful points on one side of the centre line) longer
 *   than `round(log2 n) + 3` (Schilling 2012); the points of every such run are flagged.
 * - `anhoej-crossings`: fewer crossings than `qbinom(0.05, n − 1, 0.5)` (Chen 2010); the whole phase
 *   is flagged, since too few crossings is a property of all its points.
 * - `ihi-shift`: `shiftLength` (6) or more consecutive points on one side of the median.
 * - `ihi-trend`: `trendLength` (5) or more consecutive points all rising or all falling.
 * - `ihi-runs`: too few or too many runs for the number of useful points, from a table the caller
 *   supplies (`RunChartPolicy.runsTable`); the library ships no table (see there why).
 * - `ihi-astronomical`: a point beyond lines the caller sets (`options.astronomical`): IHI leaves
 *   "astronomical" to the team's judgement.
 *
 * @category Run charts
 * @example
 * ```ts
 * import { RUN_CHART_RULES } from 'scaling-navigator/learning';
 * RUN_CHART_RULES.map((rule) => rule.id)
 * //=> ['anhoej-longest-run', 'anhoej-crossings', 'ihi-shift', 'ihi-trend', 'ihi-runs', 'ihi-astronomical']
 * RUN_CHART_RULES.filter((rule) => rule.ruleSet === 'anhoej').length //=> 2
 * ```
 */
export const RUN_CHART_RULES = /* @__PURE__ */ deepFreeze([
  {
    id: 'anhoej-longest-run',
    ruleSet: 'anhoej',
    label: 'Unusually long run',
    summary:
      'A run of points on one side of the median that is longer than round(log2 n) + 3, for n points off the median, points to a shift in the process.',
    reference: `${ANHOEJ} Limit: Schilling MF (2012), The surprising predictability of long runs, Mathematics Magazine 85(2): 141–149.`,
  },
  {
    id: 'anhoej-crossings',
    ruleSet: 'anhoej',
    label: 'Unusually few crossings',
    summary:
      'The data cross the median fewer times than the lower 5% quantile of a Binomial(n − 1, ½) count, so they do not vary randomly around it.',
    reference: `${ANHOEJ} Limit: Chen Z (2010), A note on the runs test, Model Assisted Statistics and Applications 5: 73–77.`,
  },
  {
    id: 'ihi-shift',
    ruleSet: 'ihi',
    label: 'Shift',
    summary:
      'Six or more consecutive points all above or all below the median; points on the median neither count nor break the sequence.',
    reference: IHI,
  },
  {
    id: 'ihi-trend',
    ruleSet: 'ihi',
    label: 'Trend',
    summary:
      'Five or more consecutive points all going up or all going down; neighbours with the same value count as one point.',
    reference: IHI,
  },
  {
    id: 'ihi-runs',
    ruleSet: 'ihi',
    label: 'Too few or too many runs',
    summary:
      'The number of runs lies outside the range a table gives for the number of points off the median; the table must come from the caller.',
    reference: `${IHI} Table based on Swed F, Eisenhart C (1943).`,
  },
  {
    id: 'ihi-astronomical',
    ruleSet: 'ihi',
    label: 'Astronomical data point',
    summary:
      'A point obviously different from the rest, by the team’s judgement; here, a point beyond the lines the caller sets.',
    reference: IHI,
  },
] as const satisfies readonly RunChartRuleEntry[]);

/**
 * The id of a run-chart rule in {@link RUN_CHART_RULES}.
 *
 * @category Run charts
 */
export type RunChartRuleId = (typeof RUN_CHART_RULES)[number]['id'];
