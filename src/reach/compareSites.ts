import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { plusZero } from '../_lib/plusZero.js';
import { createRandom } from '../_lib/random.js';
import { sealResult } from '../_lib/stored.js';
import { readOptions, requireDenseArray } from '../_lib/strict.js';
import { requireArray, requireNonEmptyId, requireNumber, requireOneOf, requireUniqueId } from '../_lib/validate.js';
import {
  choose,
  MAX_DRAWS,
  MAX_SCHOOLS,
  MAX_VALUE,
  means,
  readCovariates,
  readSchools,
  type School,
  subsetSums,
} from './_sites.js';
import {
  COMPARE_SITES_KEYS,
  type CompareSitesOptions,
  type SiteComparison,
  type SiteComparisonNoteCode,
  type SiteCovariate,
  type SiteCovariateComparison,
  type SiteSchool,
} from './SiteComparison.js';
import { type SitePolicy, siteDecision } from './siteRules.js';

/**
 * Are the proof-point sites like the schools the practice should reach? School-level standardized
 * differences between the sites and all the schools (the population), with an intended direction
 * per covariate (choosing lower-scoring schools is a choice to report, not a failure), how unusual
 * the choice is among random choices of as many schools per region (a region-stratified
 * permutation reference), the regions covered, and resource parity: the sites' extra per-pupil
 * resources against what scale-up schools will get (the Carnegie framework's proof points;
 * representativeness as in the research summary on scaling up).
 *
 * d = (m_sites − μ) / σ, with μ and σ the population's mean and SD over every school (divisor N —
 * the schools are the whole population, not a sample), unweighted or weighted by enrollment.
 * Decision per covariate ({@link SITE_RULES}): `'similar'` when |d| ≤ `similarBand`; else
 * `'as-intended'` when d has the intended sign; else `'unrepresentative'` (`'undetermined'` when
 * the schools do not differ). The result is the same whatever order the schools are listed
 * in (they are taken in order of region and id).
 *
 * O(schools × covariates) plus O(choices × covariates) for the reference (at most `exactLimit`
 * choices, or `draws`).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys (in a school, its `values`, a
 *   covariate or the options), a missing or non-finite value, duplicate or unknown ids, no sites,
 *   values or resources past 10¹² in size, or weighting by an enrollment that is missing or 0; `LIMIT_EXCEEDED` past 100,000 schools, 64
 *   covariates or 1,000,000 draws.
 * @example
 * ```ts
 * import { compareSites } from 'scaling-navigator/reach';
 * const schools = [
 *   { id: 'N1', region: 'north', values: { proficient: 0.30 } },
 *   { id: 'N2', region: 'north', values: { proficient: 0.50 } },
 *   { id: 'S1', region: 'south', values: { proficient: 0.40 } },
 *   { id: 'S2', region: 'south', values: { proficient: 0.60 } },
 * ];
 * const result = compareSites(['N1', 'S1'], schools, [{ id: 'proficient', intended: 'lower' }]);
 * result.covariates[0].standardizedDifference.toFixed(3) //=> '-0.894'
 * result.covariates[0].decision.action //=> 'as-intended'
 * result.covariates[0].atOrBelow //=> 0.25
 * result.coverage.uncovered //=> []
 * compareSites(['X9'], schools, [{ id: 'proficient' }]) //=> throws INVALID_INPUT at ['sites', 0]
 * ```
 */
export function compareSites(
  sites: readonly string[],
  schools: readonly SiteSchool[],
  covariates: readonly SiteCovariate[],
  options?: CompareSitesOptions,
): SiteComparison {
  const read = readOptions<CompareSitesOptions>(options, COMPARE_SITES_KEYS, ['options']);
  const weight =
    read.weight === undefined
      ? 'none'
      : requireOneOf(read.weight, ['none', 'enrollment'] as const, ['options', 'weight'], 'weight');
  const similarBand =
    read.similarBand === undefined ? 0.25 : requireNumber(read.similarBand, ['options', 'similarBand'], { min: 0 });
  const exactLimit =
    read.exactLimit === undefined
      ? 100_000
      : requireNumber(read.exactLimit, ['options', 'exactLimit'], { min: 1, max: MAX_DRAWS, integer: true });
  const draws =
    read.draws === undefined ? 10_000 : requireNumber(read.draws, ['options', 'draws'], { min: 1, integer: true });
  if (draws > MAX_DRAWS) invalid(['options', 'draws'], `at most ${MAX_DRAWS} draws`);
  const seed = read.seed === undefined ? 1 : read.seed;
  const scaleUp =
    read.scaleUpPerPupil === undefined
      ? null
      : requireNumber(read.scaleUpPerPupil, ['options', 'scaleUpPerPupil'], { min: 0, max: MAX_VALUE });
  const tolerance =
    read.parityTolerance === undefined
      ? 0.1
      : requireNumber(read.parityTolerance, ['options', 'parityTolerance'], { min: 0 });
  const policy: SitePolicy = { similarBand, parityTolerance: tolerance };
  const covariateList = readCovariates(covariates);
  const ids = covariateList.map((covariate) => covariate.id);
  const count = ids.length;
  const all = readSchools(schools, ids, weight === 'enrollment').sort((a, b) =>
    a.region === b.region ? (a.id < b.id ? -1 : 1) : a.region < b.region ? -1 : 1,
  );
  const byId = new Map(all.map((school) => [school.id, school] as const));
  const siteList = requireArray(sites, ['sites']);
  requireDenseArray(siteList, ['sites'], MAX_SCHOOLS);
  if (siteList.length === 0) invalid(['sites'], 'name at least one site');
  const siteIds = new Set<string>();
  for (const [index, site] of siteList.entries()) {
    const id = requireNonEmptyId(site, ['sites', index]);
    if (!byId.has(id)) invalid(['sites', index], `unknown school ${JSON.stringify(id)}`);
    requireUniqueId(siteIds, id, ['sites', index], 'site');
  }
  const notes: Note<SiteComparisonNoteCode>[] = [];
  const chosen = all.filter((school) => siteIds.has(school.id));
  // The population: mean and SD (divisor Σw) per covariate.
  const mu = means(all, count);
  const totalWeight = all.reduce((total, school) => total + school.weight, 0);
  const sd = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    let squares = 0;
    let constant = true;
    const first = all[0]?.values[k] as number;
    for (const school of all) {
      squares += school.weight * ((school.values[k] as number) - (mu[k] as number)) ** 2;
      if (school.values[k] !== first) constant = false;
    }
    // Every school the same: SD 0 exactly (rounding in the mean would leave a tiny one).
    sd[k] = constant ? 0 : Math.sqrt(squares / totalWeight);
  }
  const observed = means(chosen, count);
  const d = (meanValue: number, k: number) =>
    (sd[k] as number) > 0 ? (meanValue - (mu[k] as number)) / (sd[k] as number) : null;
  // Regions, in id order, with their schools and sites.
  const regionIds = [...new Set(all.map((school) => school.region))];
  const regions = regionIds.map((id) => {
    const members = all.filter((school) => school.region === id);
    return { id, members, k: members.filter((school) => siteIds.has(school.id)).length };
  });
  let choices = 1;
  for (const region of regions) choices *= choose(region.members.length, region.k, MAX_DRAWS * 10);
  // The reference: every choice, or draws.
  const below = new Float64Array(count);
  const far = new Float64Array(count);
  const dObserved = Array.from({ length: count }, (_, k) => d(observed[k] as number, k));
  const tally = (sums: Float64Array, totalW: number) => {
    for (let k = 0; k < count; k += 1) {
      const value = dObserved[k];
      if (value === null || value === undefined) continue;
      const drawn = d((sums[k] as number) / totalW, k) as number;
      const slack = 1e-10 * Math.max(1, Math.abs(value));
      if (drawn <= value + slack) below[k] = (below[k] as number) + 1;
      if (Math.abs(drawn) >= Math.abs(value) - slack) far[k] = (far[k] as number) + 1;
    }
  };
  const exact = choices <= exactLimit;
  const sums = new Float64Array(count);
  if (exact) {
    const tables = regions.map((region) => subsetSums(region.members, region.k, count));
    const position = new Int32Array(tables.length);
    for (let done = 0; done < choices; done += 1) {
      sums.fill(0);
      let totalW = 0;
      for (let r = 0; r < tables.length; r += 1) {
        const entry = (tables[r] as Float64Array[])[position[r] as number] as Float64Array;
        totalW += entry[0] as number;
        for (let k = 0; k < count; k += 1) sums[k] = (sums[k] as number) + (entry[k + 1] as number);
      }
      tally(sums, totalW);
      for (let r = tables.length - 1; r >= 0; r -= 1) {
        position[r] = (position[r] as number) + 1;
        if ((position[r] as number) < (tables[r] as Float64Array[]).length) break;
        position[r] = 0;
      }
    }
  } else {
    const random = createRandom(seed as number, ['options', 'seed']);
    const scratch = regions.map((region) => region.members.map((_, index) => index));
    for (let draw = 0; draw < draws; draw += 1) {
      sums.fill(0);
      let totalW = 0;
      regions.forEach((region, r) => {
        const order = scratch[r] as number[];
        for (let i = 0; i < region.k; i += 1) {
          const j = i + Math.floor(random.nextFloat() * (order.length - i));
          const swap = order[i] as number;
          order[i] = order[j] as number;
          order[j] = swap;
          const school = region.members[order[i] as number] as School;
          totalW += school.weight;
          for (let k = 0; k < count; k += 1)
            sums[k] = (sums[k] as number) + school.weight * (school.values[k] as number);
        }
      });
      tally(sums, totalW);
    }
  }
  const share = (hits: number) => (exact ? hits / choices : (hits + 1) / (draws + 1));
  const compared: SiteCovariateComparison[] = covariateList.map((covariate, k) => {
    const value = dObserved[k] ?? null;
    if (value === null) {
      notes.push(
        note(
          'CONSTANT_COVARIATE',
          `every school has the same ${covariate.id}: no standardized difference`,
          `covariates.${covariate.id}`,
        ),
      );
    }
    const intended = covariate.intended;
    const evidence = { d: value, similarBand, intended };
    const decision =
      value === null
        ? siteDecision<'similar'>('reach/site-no-spread', { sd: 0 }, policy)
        : Math.abs(value) <= similarBand
          ? siteDecision<'similar'>('reach/site-similar', evidence, policy)
          : (intended === 'lower' && value < 0) || (intended === 'higher' && value > 0)
            ? siteDecision<'as-intended'>('reach/site-as-intended', evidence, policy)
            : siteDecision<'unrepresentative'>('reach/site-unrepresentative', evidence, policy);
    return {
      id: covariate.id,
      label: covariate.label ?? null,
      intended,
      siteMean: observed[k] as number,
      populationMean: mu[k] as number,
      populationSd: sd[k] as number,
      standardizedDifference: value === null ? null : plusZero(value),
      decision,
      atOrBelow: value === null ? null : share(below[k] as number),
      atLeastAsFar: value === null ? null : share(far[k] as number),
    };
  });
  if (choices === 1)
    notes.push(
      note('ONE_CHOICE', 'every region’s sites are all its schools: the reference has one choice', 'reference'),
    );
  const uncovered = regions.filter((region) => region.k === 0).map((region) => region.id);
  if (uncovered.length > 0) {
    notes.push(note('UNCOVERED_REGIONS', `no site in ${uncovered.join(', ')}`, 'coverage'));
  }
  let resources: SiteComparison['resources'] = null;
  if (scaleUp !== null) {
    const perSite = chosen.map((school) => ({ id: school.id, extraPerPupil: school.extra }));
    const known = chosen.every((school) => school.extra !== null);
    if (!known)
      notes.push(note('RESOURCES_UNKNOWN', 'a site has no extraPerPupil: resource parity is not judged', 'resources'));
    const siteWeight = chosen.reduce((total, school) => total + school.weight, 0);
    const siteMean = known
      ? chosen.reduce((total, school) => total + school.weight * (school.extra as number), 0) / siteWeight
      : null;
    resources = {
      perSite,
      siteMean,
      scaleUpPerPupil: scaleUp,
      difference: siteMean === null ? null : plusZero(siteMean - scaleUp),
      decision:
        siteMean === null
          ? siteDecision<'parity'>(
              'reach/resources-unknown',
              { sitesWithout: chosen.filter((school) => school.extra === null).length },
              policy,
            )
          : siteMean <= scaleUp * (1 + tolerance)
            ? siteDecision<'parity'>(
                'reach/resources-parity',
                { siteMean, scaleUpPerPupil: scaleUp, parityTolerance: tolerance },
                policy,
              )
            : siteDecision<'propped-up'>(
                'reach/resources-propped-up',
                { siteMean, scaleUpPerPupil: scaleUp, parityTolerance: tolerance },
                policy,
              ),
    };
  }
  return sealResult(
    {
      schemaVersion: 1,
      weight,
      policy,
      sites: [...(siteList as string[])],
      covariates: compared,
      reference: {
        method: exact ? 'exact' : 'monte-carlo',
        choices: Number.isFinite(choices) ? choices : null,
        draws: exact ? choices : draws,
        seed: exact ? null : (seed as number),
      },
      regions: regions.map((region) => ({ id: region.id, schools: region.members.length, sites: region.k })),
      coverage: { regions: regions.length, covered: regions.length - uncovered.length, uncovered },
      resources,
      notes,
    },
    'site comparison',
  );
}
