import { deepFreeze } from '../_lib/deepFreeze.js';
import { findEntry } from '../_lib/validate.js';

/**
 * The publications and standards the library is built from and cites: the framework documents its
 * concepts come from, and the standards its numbers and rules follow (What Works Clearinghouse,
 * ESSA evidence tiers, IDEA's significant-disproportionality rule, CFIR, run-chart rules, r_wg,
 * NCES small-cell guidance, RE-AIM). Every catalog entry and every decision reason cites one by
 * `id` and section; no source text is copied into the package.
 *
 * `year` is `null` where the source itself is unsure or undated (the Carnegie framework is dated
 * March 2022 but asks to be cited as 2021); `url` is `null` where the library knows no stable
 * address; `license` is the source's own licence where it states one.
 *
 * @category Sources
 * @example
 * ```ts
 * import { SOURCES, getSource } from 'scaling-navigator/framework';
 * SOURCES[0].id //=> 'carnegie-2022-scaling-for-equity'
 * getSource('carnegie-2022-scaling-for-equity').license //=> 'CC BY 4.0'
 * getSource('idea-34-cfr-300-647').kind //=> 'standard'
 * SOURCES.every((source) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(source.id)) //=> true
 * ```
 */
export const SOURCES = /* @__PURE__ */ deepFreeze([
  {
    id: 'carnegie-2022-scaling-for-equity',
    kind: 'framework',
    title: 'A Framework for Scaling for Equity',
    authors: ['Lora Cohen-Vogel', 'Jeanne Century', 'David Sherer'],
    publisher: 'Carnegie Foundation for the Advancement of Teaching',
    year: null,
    url: 'https://www.carnegiefoundation.org/a-framework-for-scaling-for-equity',
    license: 'CC BY 4.0',
    summary:
      'The scaling-for-equity journey: the trip ticket, the typology of eight scaling strategies, the four categories of influential factors, pit stops, the learning system and the Navigator tools. Dated March 2022; its suggested citation gives 2021.',
  },
  {
    id: 'rel-appalachia-pilot',
    kind: 'framework',
    title: 'Learning Before Going to Scale',
    authors: [],
    publisher: 'Regional Educational Laboratory Appalachia (Institute of Education Sciences)',
    year: null,
    url: null,
    license: null,
    summary:
      'Pilot guidance: scale as depth, ownership and sustainability beyond spread; the cross-functional pilot team; the four kinds of pilot information; the pilot decision; spreading to a larger group; "tight" practices; institutionalization that survives leadership turnover.',
  },
  {
    id: 'tla-phased-implementation',
    kind: 'framework',
    title: 'Deliberate, phased implementation',
    authors: [],
    publisher: 'The Learning Accelerator',
    year: null,
    url: null,
    license: null,
    summary:
      'Pilot and refine, build capacity, integrate gradually; a survey in which most leaders put deliberateness before speed.',
  },
  {
    id: 'scaling-up-research-summary',
    kind: 'framework',
    title: 'Research Summary: "Scaling up" Education Reform Efforts',
    authors: [],
    publisher: null,
    year: null,
    url: null,
    license: null,
    summary:
      'A research summary drawing on Coburn (2003), Horner et al. (2017) and SISEP: three meanings of "at scale"; at scale differs from sustainable; essential components and minimum practice requirements; fidelity measures that correlate with outcomes; districts as the leverage unit.',
  },
  {
    id: 'digital-promise-pilot-stage',
    kind: 'framework',
    title: 'Consider a Pilot Stage',
    authors: [],
    publisher: 'Digital Promise',
    year: null,
    url: null,
    license: null,
    summary:
      'Start small, collect improvement and impact data during the pilot, and let the strongest pilot coach and principal lead the expansion.',
  },
  {
    id: 'coburn-2003-rethinking-scale',
    kind: 'research',
    title: 'Rethinking Scale: Moving Beyond Numbers to Deep and Lasting Change',
    authors: ['Cynthia E. Coburn'],
    publisher: 'Educational Researcher 32(6), 3–12',
    year: 2003,
    url: 'https://doi.org/10.3102/0013189X032006003',
    license: null,
    summary: 'Scale as four dimensions: depth, sustainability, spread and shift in reform ownership.',
  },
  {
    id: 'nirn-fixsen-2005',
    kind: 'research',
    title: 'Implementation Research: A Synthesis of the Literature',
    authors: ['Dean L. Fixsen', 'Sandra F. Naoom', 'Karen A. Blase', 'Robert M. Friedman', 'Frances Wallace'],
    publisher:
      'University of South Florida, Louis de la Parte Florida Mental Health Institute, The National Implementation Research Network (FMHI Publication #231)',
    year: 2005,
    url: 'https://nirn.fpg.unc.edu/resources/implementation-research-synthesis-literature',
    license: null,
    summary:
      'The stages of implementation; "full implementation" when at least half of the intended practitioners use an innovation with fidelity.',
  },
  {
    id: 'wwc-procedures-handbook-v5',
    kind: 'standard',
    title: 'What Works Clearinghouse Procedures and Standards Handbook, Version 5.0',
    authors: [],
    publisher: 'Institute of Education Sciences, U.S. Department of Education',
    year: 2022,
    url: 'https://ies.ed.gov/ncee/wwc/Handbooks',
    license: null,
    summary:
      "Effect sizes for group designs (Hedges' g, the Cox index, the improvement index), baseline equivalence, attrition boundaries and the correction for clustering.",
  },
  {
    id: 'wwc-standards-handbook-v4',
    kind: 'standard',
    title: 'What Works Clearinghouse Standards Handbook, Version 4.0',
    authors: [],
    publisher: 'Institute of Education Sciences, U.S. Department of Education',
    year: 2017,
    url: 'https://ies.ed.gov/ncee/wwc/Handbooks',
    license: null,
    summary:
      'Group-design standards: the attrition boundaries (Table II.1, cautious and optimistic), baseline equivalence, and the rules for cluster designs.',
  },
  {
    id: 'hedges-2007-cluster-effect-sizes',
    kind: 'research',
    title: 'Effect Sizes in Cluster-Randomized Designs',
    authors: ['Larry V. Hedges'],
    publisher: 'Journal of Educational and Behavioral Statistics 32(4), 341–370',
    year: 2007,
    url: 'https://doi.org/10.3102/1076998606298043',
    license: null,
    summary:
      'Effect sizes and their sampling distributions when clusters are assigned and students analysed: the corrections the WWC applies to a mismatched analysis.',
  },
  {
    id: 'bloom-1995-mde',
    kind: 'research',
    title: 'Minimum Detectable Effects: A Simple Way to Report the Statistical Power of Experimental Designs',
    authors: ['Howard S. Bloom'],
    publisher: 'Evaluation Review 19(5), 547–556',
    year: 1995,
    url: 'https://doi.org/10.1177/0193841X9501900504',
    license: null,
    summary:
      'The minimum detectable effect of a design: the multiplier t(1 − α/2) + t(power) times the standard error.',
  },
  {
    id: 'dong-maynard-2013-powerup',
    kind: 'research',
    title:
      'PowerUp!: A Tool for Calculating Minimum Detectable Effect Sizes and Minimum Required Sample Sizes for Experimental and Quasi-Experimental Design Studies',
    authors: ['Nianbo Dong', 'Rebecca Maynard'],
    publisher: 'Journal of Research on Educational Effectiveness 6(1), 24–67',
    year: 2013,
    url: 'https://doi.org/10.1080/19345747.2012.673143',
    license: null,
    summary:
      'Minimum detectable effect sizes for individual and cluster random assignment designs, with the degrees of freedom of each.',
  },
  {
    id: 'essa-evidence-guidance-2016',
    kind: 'standard',
    title: 'Non-Regulatory Guidance: Using Evidence to Strengthen Education Investments',
    authors: [],
    publisher: 'U.S. Department of Education',
    year: 2016,
    url: 'https://www2.ed.gov/policy/elsec/leg/essa/guidanceuseseinvestment.pdf',
    license: null,
    summary:
      'The four ESSA evidence tiers (strong, moderate, promising, demonstrates a rationale) of ESEA section 8101(21), and what a study needs for each.',
  },
  {
    id: 'idea-34-cfr-300-647',
    kind: 'standard',
    title: 'Determining significant disproportionality (34 CFR 300.647)',
    authors: [],
    publisher: 'U.S. Department of Education (Individuals with Disabilities Education Act regulations)',
    year: 2016,
    url: 'https://www.ecfr.gov/current/title-34/section-300.647',
    license: null,
    summary:
      'Risk and risk ratios for a group against everyone else in the same unit, the alternate risk ratio, and the minimum cell and n-sizes below which a ratio is not computed.',
  },
  {
    id: 'cfir-2009',
    kind: 'standard',
    title:
      'Fostering implementation of health services research findings into practice: a consolidated framework for advancing implementation science',
    authors: [
      'Laura J. Damschroder',
      'David C. Aron',
      'Rosalind E. Keith',
      'Susan R. Kirsh',
      'Jeffery A. Alexander',
      'Julie C. Lowery',
    ],
    publisher: 'Implementation Science 4, 50',
    year: 2009,
    url: 'https://doi.org/10.1186/1748-5908-4-50',
    license: 'CC BY 2.0',
    summary:
      'The Consolidated Framework for Implementation Research (CFIR): constructs that help or hinder implementation.',
  },
  {
    id: 'cfir-rating-2013',
    kind: 'standard',
    title:
      'Evaluation of a large-scale weight management program using the consolidated framework for implementation research (CFIR)',
    authors: ['Laura J. Damschroder', 'Julie C. Lowery'],
    publisher: 'Implementation Science 8, 51',
    year: 2013,
    url: 'https://doi.org/10.1186/1748-5908-8-51',
    license: 'CC BY 2.0',
    summary:
      'The CFIR rating scale: −2 to +2 for how a construct bears on implementation, and "missing" when data are too thin.',
  },
  {
    id: 'waltz-2019-cfir-eric',
    kind: 'research',
    title:
      'Choosing implementation strategies to address contextual barriers: diversity in recommendations and future directions',
    authors: ['Thomas J. Waltz', 'Byron J. Powell', 'María E. Fernández', 'Brenton Abadie', 'Laura J. Damschroder'],
    publisher: 'Implementation Science 14, 42',
    year: 2019,
    url: 'https://doi.org/10.1186/s13012-019-0892-4',
    license: 'CC BY 4.0',
    summary: 'The CFIR–ERIC matching: implementation strategies that experts endorse for each kind of barrier.',
  },
  {
    id: 'anhoej-2014-run-charts',
    kind: 'standard',
    title:
      'Run charts revisited: a simulation study of run chart rules for detection of non-random variation in health care processes',
    authors: ['Jacob Anhøj', 'Anne Vingaard Olesen'],
    publisher: 'PLoS ONE 9(11), e113825',
    year: 2014,
    url: 'https://doi.org/10.1371/journal.pone.0113825',
    license: 'CC BY 4.0',
    summary:
      'The Anhøj run-chart rules (an unusually long run, unusually few crossings of the median), as the R package qicharts2 applies them.',
  },
  {
    id: 'ihi-run-chart-2011',
    kind: 'standard',
    title: 'The run chart: a simple analytical tool for learning from variation in healthcare processes',
    authors: ['Rocco J. Perla', 'Lloyd P. Provost', 'Sandy K. Murray'],
    publisher: 'BMJ Quality & Safety 20(1), 46–51',
    year: 2011,
    url: 'https://doi.org/10.1136/bmjqs.2009.037895',
    license: null,
    summary: 'The IHI run-chart rules: shift, trend, too few or too many runs, and an astronomical point.',
  },
  {
    id: 'james-1984-rwg',
    kind: 'standard',
    title: 'Estimating within-group interrater reliability with and without response bias',
    authors: ['Lawrence R. James', 'Robert G. Demaree', 'Gerrit Wolf'],
    publisher: 'Journal of Applied Psychology 69(1), 85–98',
    year: 1984,
    url: 'https://doi.org/10.1037/0021-9010.69.1.85',
    license: null,
    summary: 'The r_wg index of agreement among raters against a uniform "no agreement" distribution.',
  },
  {
    id: 'nces-slds-brief-3',
    kind: 'standard',
    title:
      'SLDS Technical Brief 3: Statistical Methods for Protecting Personally Identifiable Information in Aggregate Reporting (NCES 2011-603)',
    authors: [],
    publisher: 'National Center for Education Statistics, U.S. Department of Education',
    year: 2010,
    url: 'https://nces.ed.gov/pubs2011/2011603.pdf',
    license: null,
    summary:
      'Small-cell suppression in aggregate education reports: minimum reporting sizes (most often 10), complementary suppression, and top and bottom coding of rates.',
  },
  {
    id: 're-aim-1999',
    kind: 'standard',
    title: 'Evaluating the public health impact of health promotion interventions: the RE-AIM framework',
    authors: ['Russell E. Glasgow', 'Thomas M. Vogt', 'Shawn M. Boles'],
    publisher: 'American Journal of Public Health 89(9), 1322–1327',
    year: 1999,
    url: 'https://doi.org/10.2105/AJPH.89.9.1322',
    license: null,
    summary:
      'Reach, effectiveness, adoption, implementation and maintenance; reach as participants among the eligible, with their representativeness.',
  },
  {
    id: 'bates-2015-lme4',
    kind: 'research',
    title: 'Fitting Linear Mixed-Effects Models Using lme4',
    authors: ['Douglas Bates', 'Martin Mächler', 'Ben Bolker', 'Steve Walker'],
    publisher: 'Journal of Statistical Software 67(1), 1–48',
    year: 2015,
    url: 'https://doi.org/10.18637/jss.v067.i01',
    license: null,
    summary:
      'The profiled REML deviance of a linear mixed model as a function of the relative covariance parameter θ alone, as R lme4 optimizes it.',
  },
  {
    id: 'kuznetsova-2017-lmertest',
    kind: 'research',
    title: 'lmerTest Package: Tests in Linear Mixed Effects Models',
    authors: ['Alexandra Kuznetsova', 'Per B. Brockhoff', 'Rune H. B. Christensen'],
    publisher: 'Journal of Statistical Software 82(13), 1–26',
    year: 2017,
    url: 'https://doi.org/10.18637/jss.v082.i13',
    license: null,
    summary: "Satterthwaite's degrees of freedom for t tests of the fixed effects of a linear mixed model.",
  },
  {
    id: 'kenward-roger-1997',
    kind: 'research',
    title: 'Small Sample Inference for Fixed Effects from Restricted Maximum Likelihood',
    authors: ['Michael G. Kenward', 'James H. Roger'],
    publisher: 'Biometrics 53(3), 983–997',
    year: 1997,
    url: 'https://doi.org/10.2307/2533558',
    license: null,
    summary:
      'The adjusted covariance of the fixed effects and the approximate F test with few clusters, as R pbkrtest computes them (Halekoh & Højsgaard 2014).',
  },
  {
    id: 'mundlak-1978',
    kind: 'research',
    title: 'On the Pooling of Time Series and Cross Section Data',
    authors: ['Yair Mundlak'],
    publisher: 'Econometrica 46(1), 69–85',
    year: 1978,
    url: 'https://doi.org/10.2307/1913646',
    license: null,
    summary:
      'Adding the cluster mean of a predictor separates its within-cluster effect from its between-cluster effect in a random-effects model.',
  },
  {
    id: 'winkler-2014-permutation',
    kind: 'research',
    title: 'Permutation inference for the general linear model',
    authors: [
      'Anderson M. Winkler',
      'Gerard R. Ridgway',
      'Matthew A. Webster',
      'Stephen M. Smith',
      'Thomas E. Nichols',
    ],
    publisher: 'NeuroImage 92, 381–397',
    year: 2014,
    url: 'https://doi.org/10.1016/j.neuroimage.2014.01.060',
    license: 'CC BY 3.0',
    summary:
      'Freedman–Lane permutation of residuals under nuisance covariates, and exchangeability blocks: permuting only within blocks (clusters) when observations are exchangeable only there.',
  },
  {
    id: 'cameron-gelbach-miller-2008',
    kind: 'research',
    title: 'Bootstrap-Based Improvements for Inference with Clustered Errors',
    authors: ['A. Colin Cameron', 'Jonah B. Gelbach', 'Douglas L. Miller'],
    publisher: 'The Review of Economics and Statistics 90(3), 414–427',
    year: 2008,
    url: 'https://doi.org/10.1162/rest.90.3.414',
    license: null,
    summary:
      'The wild cluster bootstrap: one random weight per cluster multiplies all of its residuals, valid with few and unequal clusters.',
  },
  {
    id: 'webb-2014-wild-bootstrap',
    kind: 'research',
    title: 'Reworking Wild Bootstrap Based Inference for Clustered Errors',
    authors: ['Matthew D. Webb'],
    publisher: "Queen's Economics Department Working Paper 1315 (later Canadian Journal of Economics 56(3), 2023)",
    year: 2014,
    url: 'https://www.econ.queensu.ca/research/working-papers/1315',
    license: null,
    summary:
      'A six-point weight distribution (±√0.5, ±1, ±√1.5) for the wild cluster bootstrap when there are too few clusters for Rademacher weights.',
  },
  {
    id: 'kaplan-meier-1958',
    kind: 'research',
    title: 'Nonparametric estimation from incomplete observations',
    authors: ['Edward L. Kaplan', 'Paul Meier'],
    publisher: 'Journal of the American Statistical Association 53(282), 457–481',
    year: 1958,
    url: 'https://doi.org/10.1080/01621459.1958.10501452',
    license: null,
    summary:
      'The product-limit estimate of a survival curve from censored observations: reach over time as 1 − S(t), with students who leave or are not yet reached censored.',
  },
  {
    id: 'aalen-johansen-1978',
    kind: 'research',
    title: 'An empirical transition matrix for non-homogeneous Markov chains based on censored observations',
    authors: ['Odd O. Aalen', 'Søren Johansen'],
    publisher: 'Scandinavian Journal of Statistics 5(3), 141–150',
    year: 1978,
    url: 'https://www.jstor.org/stable/4615704',
    license: null,
    summary:
      'The cumulative incidence of one event when another competes with it: the share of students actually reached when leaving the district is a competing event.',
  },
  {
    id: 'mantel-1966-log-rank',
    kind: 'research',
    title: 'Evaluation of survival data and two new rank order statistics arising in its consideration',
    authors: ['Nathan Mantel'],
    publisher: 'Cancer Chemotherapy Reports 50(3), 163–170',
    year: 1966,
    url: null,
    license: null,
    summary:
      'The log-rank test: observed against expected events in a group summed over the event times, with the hypergeometric variance; computed over risk sets with delayed entry.',
  },
  {
    id: 'royston-parmar-2013-rmst',
    kind: 'research',
    title:
      'Restricted mean survival time: an alternative to the hazard ratio for the design and analysis of randomized trials with a time-to-event outcome',
    authors: ['Patrick Royston', 'Mahesh K. B. Parmar'],
    publisher: 'BMC Medical Research Methodology 13, 152',
    year: 2013,
    url: 'https://doi.org/10.1186/1471-2288-13-152',
    license: 'CC BY 2.0',
    summary:
      'The restricted mean survival time and the difference between groups: the mean days a group waited to be reached within the window, and how much longer focal students waited.',
  },
  {
    id: 'garwood-1936-poisson',
    kind: 'research',
    title: 'Fiducial limits for the Poisson distribution',
    authors: ['Frank Garwood'],
    publisher: 'Biometrika 28(3/4), 437–442',
    year: 1936,
    url: 'https://doi.org/10.1093/biomet/28.3-4.437',
    license: null,
    summary: 'The exact interval for a Poisson count, from χ² quantiles: the interval of the recent pace of reach.',
  },
] as const);

/**
 * One entry of {@link SOURCES}.
 *
 * @category Sources
 */
export type Source = (typeof SOURCES)[number];

/**
 * The id of a source: a stable slug such as `'carnegie-2022-scaling-for-equity'`.
 *
 * @category Sources
 */
export type SourceId = Source['id'];

/**
 * Where a catalog entry or a decision reason comes from: a source id and the section within it.
 *
 * @category Sources
 */
export interface SourceCitation {
  /** One of the {@link SOURCES} ids. */
  readonly source: SourceId;
  /** The section or heading of the source the entry is drawn from. */
  readonly section: string;
}

/**
 * The source with this id.
 *
 * @category Sources
 * @throws ScalingNavigatorError `INVALID_INPUT` for an id not in {@link SOURCES}.
 * @example
 * ```ts
 * import { getSource } from 'scaling-navigator/framework';
 * getSource('james-1984-rwg').year //=> 1984
 * getSource('the research summary on scaling up' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getSource(id: SourceId): Source {
  return findEntry(SOURCES, id, 'source');
}
