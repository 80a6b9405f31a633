import type { Note } from '../_lib/notes.js';
import { keysOf } from '../_lib/strict.js';
import type { SiteDecision, SitePolicy } from './siteRules.js';

/**
 * A school that proof-point sites are chosen from (and should represent): its `region` (a
 * sub-region of the district), `values` for every covariate (shares in poverty, English
 * learners, students with disabilities, prior achievement…, one finite number each), optionally its
 * `enrollment` (needed for `weight: 'enrollment'`) and, for the sites, `extraPerPupil`: the extra
 * per-pupil resources it gets as a proof point (grants, coaching, staff), in any currency unit.
 *
 * @category Reach
 */
export interface SiteSchool {
  readonly id: string;
  readonly region: string;
  readonly values: Readonly<Record<string, number>>;
  readonly enrollment?: number;
  readonly extraPerPupil?: number;
}

/**
 * A covariate of {@link compareSites}: `intended` says which way the team chose to depart from the
 * population on purpose (`'lower'`: e.g. among the lower-scoring schools, as a Broward partnership
 * did), or `'similar'` (default): the sites should look like the population.
 *
 * @category Reach
 */
export interface SiteCovariate {
  readonly id: string;
  readonly label?: string;
  readonly intended?: 'similar' | 'lower' | 'higher';
}

/**
 * Options of {@link compareSites}.
 *
 * - `weight`: `'none'` (default: every school counts once) or `'enrollment'`.
 * - `similarBand`: |standardized difference| at most this is `'similar'` (default 0.25 — a choice
 *   for the caller to make, not a standard: the WWC bands are for impact studies).
 * - `exactLimit`: the permutation reference enumerates every choice of as many schools per region
 *   as the sites hold when there are at most this many (default 100,000); otherwise it draws
 *   `draws` random choices (default 10,000) from `seed` (default 1).
 * - `scaleUpPerPupil`: the extra per-pupil resources the scale-up schools will get (default: no
 *   resource comparison); `parityTolerance`: how far above it the sites' mean may be and still be
 *   at parity (default 0.1, i.e. 10%).
 *
 * @category Reach
 */
export interface CompareSitesOptions {
  readonly weight?: 'none' | 'enrollment';
  readonly similarBand?: number;
  readonly exactLimit?: number;
  readonly draws?: number;
  readonly seed?: number;
  readonly scaleUpPerPupil?: number;
  readonly parityTolerance?: number;
}

/**
 * One covariate: the sites' mean against the population's, the standardized difference on the
 * population's SD, the decision on it ({@link SITE_RULES}), and where it falls among the region-stratified random choices:
 * `atOrBelow` is the share of choices whose difference is at most the sites' (a percentile),
 * `atLeastAsFar` the share at least as far from 0 (a two-sided p-value).
 *
 * @category Reach
 */
export interface SiteCovariateComparison {
  readonly id: string;
  readonly label: string | null;
  readonly intended: 'similar' | 'lower' | 'higher';
  readonly siteMean: number;
  readonly populationMean: number;
  readonly populationSd: number;
  readonly standardizedDifference: number | null;
  readonly decision: SiteDecision<'similar' | 'as-intended' | 'unrepresentative'>;
  readonly atOrBelow: number | null;
  readonly atLeastAsFar: number | null;
}

/**
 * The result of {@link compareSites}.
 *
 * - `reference`: how the permutation reference was built (`'exact'`: every one of `choices`;
 *   `'monte-carlo'`: `draws` from `seed`, shares as (b + 1)/(draws + 1); `choices` is `null` past
 *   10⁷).
 * - `regions`: schools and sites per region; `coverage`: the regions with at least one site.
 * - `resources`: the sites' extra per pupil against the scale-up schools' (`null` without
 *   `scaleUpPerPupil`); its decision `'parity'` or `'propped-up'`, `'undetermined'` when a site's
 *   extra is unknown.
 * - `policy`: the bands judged by (echoed in every decision).
 *
 * @category Reach
 */
export interface SiteComparison {
  readonly schemaVersion: 1;
  readonly weight: 'none' | 'enrollment';
  readonly policy: SitePolicy;
  readonly sites: readonly string[];
  readonly covariates: readonly SiteCovariateComparison[];
  readonly reference: {
    readonly method: 'exact' | 'monte-carlo';
    readonly choices: number | null;
    readonly draws: number;
    readonly seed: number | null;
  };
  readonly regions: readonly { readonly id: string; readonly schools: number; readonly sites: number }[];
  readonly coverage: { readonly regions: number; readonly covered: number; readonly uncovered: readonly string[] };
  readonly resources: {
    readonly perSite: readonly { readonly id: string; readonly extraPerPupil: number | null }[];
    readonly siteMean: number | null;
    readonly scaleUpPerPupil: number;
    readonly difference: number | null;
    readonly decision: SiteDecision<'parity' | 'propped-up'>;
  } | null;
  readonly notes: readonly Note<SiteComparisonNoteCode>[];
}

/**
 * Notes of {@link compareSites}: `CONSTANT_COVARIATE` (the population's SD is 0: no standardized
 * difference), `UNCOVERED_REGIONS` (regions without a site), `RESOURCES_UNKNOWN` (a site without
 * `extraPerPupil`), `ONE_CHOICE` (every region's sites are all its schools: the reference has one
 * choice).
 *
 * @category Reach
 */
export type SiteComparisonNoteCode = 'CONSTANT_COVARIATE' | 'UNCOVERED_REGIONS' | 'RESOURCES_UNKNOWN' | 'ONE_CHOICE';

/** @internal */
export const SITE_SCHOOL_KEYS = /* @__PURE__ */ keysOf<SiteSchool>()(
  'id',
  'region',
  'values',
  'enrollment',
  'extraPerPupil',
);
/** @internal */
export const SITE_COVARIATE_KEYS = /* @__PURE__ */ keysOf<SiteCovariate>()('id', 'label', 'intended');
/** @internal */
export const COMPARE_SITES_KEYS = /* @__PURE__ */ keysOf<CompareSitesOptions>()(
  'weight',
  'similarBand',
  'exactLimit',
  'draws',
  'seed',
  'scaleUpPerPupil',
  'parityTolerance',
);
