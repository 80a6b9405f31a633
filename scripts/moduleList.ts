/**
 * The one list of public modules. `scripts/modules.ts` generates the barrel (`src/index.ts`), the
 * `exports` and `typesVersions` maps of package.json, typedoc's entry points and the size-limit
 * budgets from it; tsup and vitest read it directly. Add a module here and run `npm run modules`.
 */
export interface ModuleSpec {
  /** Folder under `src/` and subpath under `scaling-navigator/`. */
  readonly name: string;
  /** One line for the README's module table. */
  readonly summary: string;
  /** size-limit budget for the whole subpath (minified + brotli). */
  readonly sizeLimit: string;
}

export const MODULES: readonly ModuleSpec[] = [
  {
    name: 'framework',
    summary:
      'The vocabulary as data: scale dimensions, the strategy typology, influential factors, pit-stop questions, stages, tools; the shared models (FocalGroup, ReachTarget, Measure, TripTicket) with parse / safeParse wrappers, SOURCES (the publications and standards cited), the Decision and RuleEntry shapes, and the error type.',
    sizeLimit: '20 kB',
  },
  {
    name: 'stats',
    summary:
      'The numeric kernel, exact against scipy and R: correlate (Pearson, Spearman, Kendall τ-b; one- or two-sided), partialCorrelation, adjustPValues, effectSize and coxIndex (WWC), proportionInterval(Beta), rwg, rwgJ, icc1, icc2, designEffect; tCdf, tQuantile, normalCdf, normalQuantile, chiSquareCdf.',
    // 42 kB before the inverse incomplete beta (tQuantile, proportionIntervalBeta) joined the subpath.
    sizeLimit: '58 kB',
  },
  {
    name: 'fidelity',
    summary:
      'Fidelity-to-outcome analysis: analyzeFidelityOutcome (plain, partial, clustered, a REML mixed model with the within/between split; bands), componentContributions, fidelityThreshold / fidelityThresholdAsync (the level associated with outcomes; resampling that respects covariates and clusters); THRESHOLD_RULES, COMPONENT_RULES.',
    // +10 kB for the mixed model, its inference and the design-aware resampling (issue 13).
    sizeLimit: '78 kB',
  },
  {
    name: 'dimensions',
    summary:
      'How far along each dimension of scale: assessScale (scores against targets; at scale and sustainable as separate explained decisions) and detectSuperficialSpread (a decision when spread outruns depth); DIMENSIONS_RULES.',
    // 12 kB until the shared inference helpers learned one-sided tests (statistics options).
    sizeLimit: '14 kB',
  },
  {
    name: 'learning',
    summary:
      'The learning system: runChart (Anhøj rules exactly as R qicharts2, IHI shift/trend, baselines and phases), anhoejLimits; PdsaCycle, studyPdsa, decidePdsa (abandon / revise / expand / undetermined, explained), pdsaSeries; PDSA_RULES and RUN_CHART_RULES.',
    // 53 kB until SOURCES was assembled from three concept files (+0.06 kB of spreads).
    sizeLimit: '54 kB',
  },
  {
    name: 'factors',
    summary:
      'Influential-factor reviews from several raters (CFIR −2…+2): reviewFactors (means, r_wg agreement, a support / roadblock / neutral / mixed decision per factor, category forces, role disagreements, interactions), compareReviews, and suggestStrategies from one reviewed factor→strategy table; FACTOR_VERDICT_RULES.',
    sizeLimit: '22 kB',
  },
  {
    name: 'strategies',
    summary:
      'The strategy set: the StrategySet model (theories of action, steps with lead and date, status, changes), reviewStrategySet (warnings a team can act on, each a rule with the pit-stop action it points to) and screenStrategies (a decision per strategy: acceptable and affordable for every partner; power gaps); SCREENING_RULES and STRATEGY_SET_RULES.',
    sizeLimit: '14 kB',
  },
  {
    name: 'reach',
    summary:
      'Equity-targeted reach: summarizeReach (row or columnar rosters; everyone, each focal group, their union, the non-focal and each unit: rates with Wilson intervals, gaps, risk ratios under the n-size rule, representation), evaluateReachTarget (a decision per check and overall; REACH_RULES), suppressSmallCells (complementary), reachAccumulator (init/add/merge/finalize) and shardOf; reachOverTime (Kaplan–Meier with delayed entry, Aalen–Johansen with leaving as a competing event, quantiles, restricted means, the log-rank test, a pace-scenario arrival) and reachTimeAccumulator; compareSites (proof-point representativeness, a region-stratified permutation reference, coverage, resource parity; SITE_RULES); at any scale in the engines you run: reachCountsQuery + reachFromCounts (DuckDB, PostgreSQL, BigQuery, Spark SQL, Snowflake), a BigQuery aggregate function and reachColumnsFromArrow (docs/scaling-out.md).',
    // 22 kB before the scale-out functions (counts, SQL, Arrow: ≈ 3.5 kB brotli together) and reach
    // over time with proof-point sites (≈ 7 kB); a host that imports summarizeReach alone ships
    // neither (esbuild drops them: they pull no @stdlib code).
    sizeLimit: '38 kB',
  },
  {
    name: 'pilot',
    summary:
      'The pilot decision engine: PilotEvidence (design, clusters, outcomes with baselines and focal groups, attrition, fidelity, educator experience, supports, team, sites, balancing measures, local goals, prior evidence), summarizePilotEvidence (WWC effect sizes with the clustering correction, baseline equivalence, attrition boundaries, minimum detectable effect, an indicative ESSA tier) and decidePilot (scale-up / expand-pilot / pilot-again / abandon / undetermined, explained); PILOT_RULES.',
    sizeLimit: '68 kB',
  },
  {
    name: 'pitstop',
    summary:
      "The pit stop: evaluatePitStop (the four checklist questions answered from data, keep / revise / pause / remove per strategy, additions screened for every partner, the route and the next stop), projectedArrivalsFromReach (a reach-over-time projection as the pit stop's projected arrival), assessStage (pilot → expansion → tight → institutionalized, with the evidence for the next stage) and evaluatePortfolio (a state's districts ordered by a need score, small cells suppressed with complementary cells so no hidden count can be worked out); stored-result schemas PitStopReport, StageAssessment and PortfolioReport with parse / safeParse; PIT_STOP_RULES.",
    sizeLimit: '60 kB',
  },
];

/** One split point of {@link SPLIT_POINTS}. */
export interface SplitPoint {
  readonly module: string;
  /** File under `src/<module>/`, without `.ts`. */
  readonly file: string;
  readonly exportName: string;
  /** size-limit budget for a host importing only this export (default `'6 kB'`). */
  readonly sizeLimit?: string;
  /**
   * The @stdlib packages (without `@stdlib/`) this point exists to ship, when it is a distribution
   * function; none for the light points. test/stats/bundle.test.ts checks that importing the export
   * alone ships no other @stdlib entry package.
   */
  readonly stdlib?: readonly string[];
}

/**
 * Functions of a subpath that need none of its heavy dependencies, built as entries of their own so
 * that a bundler keeps them out of the shared chunk: esbuild puts modules reached by the same entry
 * points in one chunk, and a chunk that imports @stdlib (which declares no `sideEffects: false`) is
 * kept whole by a host's bundler. With these, `import { proportionInterval } from
 * 'scaling-navigator/stats'` bundles ≈ 3 kB instead of ≈ 145 kB. The files are not in `exports`.
 */
export const SPLIT_POINTS: readonly SplitPoint[] = [
  { module: 'stats', file: 'proportionInterval', exportName: 'proportionInterval' },
  { module: 'stats', file: 'adjustPValues', exportName: 'adjustPValues' },
  // The distribution helpers: each ships its own @stdlib function and nothing else of the kernel.
  { module: 'stats', file: 'tCdf', exportName: 'tCdf', sizeLimit: '33 kB', stdlib: ['stats-base-dists-t-cdf'] },
  {
    module: 'stats',
    file: 'tQuantile',
    exportName: 'tQuantile',
    sizeLimit: '45 kB',
    stdlib: ['stats-base-dists-t-quantile'],
  },
  {
    module: 'stats',
    file: 'normalCdf',
    exportName: 'normalCdf',
    sizeLimit: '11 kB',
    stdlib: ['stats-base-dists-normal-cdf'],
  },
  { module: 'stats', file: 'normalQuantile', exportName: 'normalQuantile' },
  {
    module: 'stats',
    file: 'proportionIntervalBeta',
    exportName: 'proportionIntervalBeta',
    sizeLimit: '46 kB',
    stdlib: ['math-base-special-kernel-betaincinv'],
  },
  {
    module: 'stats',
    file: 'chiSquareCdf',
    exportName: 'chiSquareCdf',
    sizeLimit: '26 kB',
    stdlib: ['math-base-special-gammainc'],
  },
];
