/**
 * The standards the numbers and rules follow: What Works Clearinghouse handbooks and the methods
 * they rest on (cluster correction, minimum detectable effects), ESSA evidence tiers, IDEA's
 * significant-disproportionality rule, CFIR and its rating scale, run-chart rules, r_wg, NCES
 * small-cell guidance and RE-AIM. Part of {@link SOURCES}, which lists them in this order.
 *
 * @internal
 * @module
 */
export const STANDARD_SOURCES = [
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
] as const;
