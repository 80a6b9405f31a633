/**
 * The statistical methods the analyses implement and cite: mixed models (lme4, lmerTest,
 * Kenward–Roger, Mundlak), resampling that respects the design (Winkler, Cameron–Gelbach–Miller,
 * Webb) and reach over time (Kaplan–Meier, Aalen–Johansen, the log-rank test, restricted means,
 * Garwood's Poisson interval). Part of {@link SOURCES}, which lists them in this order.
 *
 * @internal
 * @module
 */
export const METHOD_SOURCES = [
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
] as const;
