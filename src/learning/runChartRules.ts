import { deepFreeze } from '../_lib/deepFreeze.js';
import { defineRules } from '../framework/_rules.js';

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

const ANHOEJ_SECTION = 'Methods: the run chart rules tested';

/**
 * The run-chart rules by which {@link runChart} decides whether a phase shows non-random
 * variation (`'signal'`), shows none (`'no-signal'`), or cannot be judged (`'undetermined'`).
 * The six signal rules flag points, and a point's `rules` lists the ids of those that flag it,
 * in this order; a phase's decision gives one reason per signal rule that fired.
 *
 * - `learning/anhoej-longest-run`: a run (consecutive useful points on one side of the centre
 *   line) longer than round(log₂ n) + 3 (Schilling 2012); the points of every such run are flagged.
 * - `learning/anhoej-crossings`: fewer crossings than `qbinom(0.05, n − 1, 0.5)` (Chen 2010); the
 *   whole phase is flagged, since too few crossings is a property of all its points.
 * - `learning/ihi-shift`: `shiftLength` (6) or more consecutive points on one side of the median.
 * - `learning/ihi-trend`: `trendLength` (5) or more consecutive points all rising or all falling.
 * - `learning/ihi-runs`: too few or too many runs for the number of useful points, from a table the
 *   caller supplies (`RunChartPolicy.runsTable`); the library ships no table (see there why).
 * - `learning/ihi-astronomical`: a point beyond lines the caller sets (`options.astronomical`): IHI
 *   leaves "astronomical" to the team's judgement.
 * - `learning/random-variation`: every selected rule was judged and none fired.
 * - `learning/no-median`, `learning/all-on-median`, `learning/not-in-runs-table`: a selected rule
 *   could not be judged (no baseline value, no point off the median, no row in the runs table) and
 *   none fired.
 *
 * @category Run charts
 * @example
 * ```ts
 * import { RUN_CHART_RULES } from 'scaling-navigator/learning';
 * RUN_CHART_RULES.filter((rule) => rule.action === 'signal').map((rule) => rule.id)
 * //=> ['learning/anhoej-longest-run', 'learning/anhoej-crossings', 'learning/ihi-shift', 'learning/ihi-trend', 'learning/ihi-runs', 'learning/ihi-astronomical']
 * RUN_CHART_RULES.filter((rule) => rule.action === 'undetermined').map((rule) => rule.id)
 * //=> ['learning/no-median', 'learning/all-on-median', 'learning/not-in-runs-table']
 * ```
 */
export const RUN_CHART_RULES = /* @__PURE__ */ defineRules('learning', [
  {
    id: 'learning/anhoej-longest-run',
    action: 'signal',
    description:
      'The longest run of useful points on one side of the centre line exceeds longestRunMax = round(log2 nUseful) + 3 (Schilling 2012, The surprising predictability of long runs).',
    guidance: {
      source: 'anhoej-2014-run-charts',
      section: ANHOEJ_SECTION,
      summary:
        'An unusually long run of points on one side of the median, longer than the limit for the number of points off it, points to a shift in the process.',
    },
  },
  {
    id: 'learning/anhoej-crossings',
    action: 'signal',
    description:
      'The data cross the centre line fewer than crossingsMin = qbinom(0.05, nUseful − 1, 0.5) times (Chen 2010, A note on the runs test).',
    guidance: {
      source: 'anhoej-2014-run-charts',
      section: ANHOEJ_SECTION,
      summary:
        'Too few crossings of the median — below the lower 5% quantile of a Binomial(n − 1, ½) count — mean the data do not vary randomly around it.',
    },
  },
  {
    id: 'learning/ihi-shift',
    action: 'signal',
    description: 'A run of at least policy.shiftLength useful points on one side of the median.',
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Rule 1: shift',
      summary:
        'Six or more consecutive points all above or all below the median signal a shift; points on the median neither count nor break the sequence.',
    },
  },
  {
    id: 'learning/ihi-trend',
    action: 'signal',
    description:
      'At least policy.trendLength consecutive points all rising or all falling, equal neighbours counted once.',
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Rule 2: trend',
      summary:
        'Five or more consecutive points all going up or all going down signal a trend; neighbours with the same value count as one point.',
    },
  },
  {
    id: 'learning/ihi-runs',
    action: 'signal',
    description:
      "The number of runs lies outside the range of the policy's runs table for the number of useful points.",
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Rule 3: too many or too few runs',
      summary:
        'Too few or too many runs for the number of points off the median, read from a table based on Swed and Eisenhart (1943), signal non-random variation.',
    },
  },
  {
    id: 'learning/ihi-astronomical',
    action: 'signal',
    description: 'A point lies beyond the astronomical lines the caller set (options.astronomical).',
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Rule 4: astronomical data point',
      summary:
        'A point obviously different from the rest, by the judgement of people who know the process, is a signal.',
    },
  },
  {
    id: 'learning/random-variation',
    action: 'no-signal',
    description: 'Every selected rule could be judged, and none fired.',
    guidance: {
      source: 'anhoej-2014-run-charts',
      section: ANHOEJ_SECTION,
      summary: 'When no run-chart rule fires, the data are read as random variation around the median.',
    },
  },
  {
    id: 'learning/no-median',
    action: 'undetermined',
    description:
      'The baseline holds no value (all missing or excluded), so there is no centre line to judge runs against, and no rule that could be judged fired.',
    guidance: {
      source: 'anhoej-2014-run-charts',
      section: ANHOEJ_SECTION,
      summary: 'The run chart rules read the data against the median; without a median they cannot be applied.',
    },
  },
  {
    id: 'learning/all-on-median',
    action: 'undetermined',
    description:
      'Every value lies on the median, so there are no runs to judge, and no rule that could be judged fired.',
    guidance: {
      source: 'anhoej-2014-run-charts',
      section: ANHOEJ_SECTION,
      summary: 'Points on the median are ignored by the run rules; with only such points there is nothing to read.',
    },
  },
  {
    id: 'learning/not-in-runs-table',
    action: 'undetermined',
    description:
      "The policy's runs table has no row for this number of useful points, so the IHI runs rule cannot be judged, and no other rule fired.",
    guidance: {
      source: 'ihi-run-chart-2011',
      section: 'Rule 3: too many or too few runs',
      summary:
        'The runs rule is read from a table by the number of points off the median; without a row it cannot be read.',
    },
  },
]);

/**
 * The id of a run-chart rule in {@link RUN_CHART_RULES}.
 *
 * @category Run charts
 */
export type RunChartRule = (typeof RUN_CHART_RULES)[number]['id'];

/**
 * The rules of {@link RUN_CHART_RULES} that signal, and so flag points.
 *
 * @category Run charts
 */
export type RunChartSignalRule =
  | 'learning/anhoej-longest-run'
  | 'learning/anhoej-crossings'
  | 'learning/ihi-shift'
  | 'learning/ihi-trend'
  | 'learning/ihi-runs'
  | 'learning/ihi-astronomical';

/**
 * The outcome of a run chart's decision, besides `'undetermined'`.
 *
 * @category Run charts
 */
export type RunChartAction = 'signal' | 'no-signal';
