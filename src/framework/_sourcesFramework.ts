/**
 * The framework and implementation documents the library's concepts come from: the Carnegie
 * framework, the pilot, phased-implementation and pilot-stage guides, the research summary on scaling
 * up, Coburn on scale and the implementation-research synthesis. Part of {@link SOURCES}, which lists them in this order.
 *
 * @internal
 * @module
 */
export const FRAMEWORK_SOURCES = [
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
] as const;
