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
      'The numeric kernel, exact against scipy and R: correlate (Pearson, Spearman, Kendall τ-b), partialCorrelation, adjustPValues, effectSize and coxIndex (WWC), proportionInterval (Wilson), rwg, rwgJ, icc1, designEffect.',
    sizeLimit: '42 kB',
  },
  {
    name: 'fidelity',
    summary:
      'Fidelity-to-outcome analysis: analyzeFidelityOutcome (plain, partial on a baseline, adjusted for clustering; outcomes by band), componentContributions (with multiplicity control), fidelityThreshold (the level associated with outcomes, with a permutation test and a bootstrap interval); THRESHOLD_RULES and COMPONENT_RULES.',
    sizeLimit: '68 kB',
  },
  {
    name: 'dimensions',
    summary:
      'How far along each dimension of scale: assessScale (scores against targets; at scale and sustainable as separate explained decisions) and detectSuperficialSpread (a decision when spread outruns depth); DIMENSIONS_RULES.',
    sizeLimit: '12 kB',
  },
  {
    name: 'learning',
    summary:
      'The learning system: runChart (Anhøj rules exactly as R qicharts2, IHI shift/trend, baselines and phases), anhoejLimits; PdsaCycle, studyPdsa, decidePdsa (abandon / revise / expand / undetermined, explained), pdsaSeries; PDSA_RULES and RUN_CHART_RULES.',
    sizeLimit: '53 kB',
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
      'Equity-targeted reach: summarizeReach (row or columnar rosters; everyone, each focal group, their union, the non-focal and each unit: rates with Wilson intervals, gaps, risk ratios under the n-size rule, representation), evaluateReachTarget (a decision per check and overall; REACH_RULES), suppressSmallCells (complementary), reachAccumulator (init/add/merge/finalize) and shardOf; reachOverTime (Kaplan–Meier with delayed entry, Aalen–Johansen with leaving as a competing event, quantiles, restricted means, the log-rank test, a pace-scenario arrival) and reachTimeAccumulator; compareSites (proof-point representativeness, a region-stratified permutation reference, coverage, resource parity; SITE_RULES).',
    // 29.3 kB with reach over time and proof-point sites (issue 15); a host that imports
    // summarizeReach alone ships neither (esbuild drops them: they pull no @stdlib code).
    sizeLimit: '32 kB',
  },
];

/**
 * Functions of a subpath that need none of its heavy dependencies, built as entries of their own so
 * that a bundler keeps them out of the shared chunk: esbuild puts modules reached by the same entry
 * points in one chunk, and a chunk that imports @stdlib (which declares no `sideEffects: false`) is
 * kept whole by a host's bundler. With these, `import { proportionInterval } from
 * 'scaling-navigator/stats'` bundles ≈ 3 kB instead of ≈ 145 kB. The files are not in `exports`.
 */
export const SPLIT_POINTS: readonly { readonly module: string; readonly file: string; readonly exportName: string }[] =
  [
    { module: 'stats', file: 'proportionInterval', exportName: 'proportionInterval' },
    { module: 'stats', file: 'adjustPValues', exportName: 'adjustPValues' },
  ];
