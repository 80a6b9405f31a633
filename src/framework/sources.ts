import { deepFreeze } from '../_lib/deepFreeze.js';
/**
 * The source documents the library is built from (the project's `shared/seeds/`). Every catalog
 * entry and every decision reason cites one of them by id and section; no seed text is copied.
 *
 * @category Sources
 * @example
 * ```ts
 * import { SOURCES } from 'scaling-navigator/framework';
 * SOURCES.map((source) => source.id) //=> ['000', '001', '002', '003', '004']
 * SOURCES[4].license //=> 'CC BY 4.0'
 * ```
 */
export const SOURCES = /* @__PURE__ */ deepFreeze([
  {
    id: '000',
    file: '000_781fc081d675d2af.txt',
    title: 'Learning Before Going to Scale',
    author: 'Regional Educational Laboratory Appalachia',
    year: null,
    license: null,
    summary:
      'Pilot guidance: scale as depth, ownership and sustainability beyond spread; the cross-functional pilot team; the four kinds of pilot information; the pilot decision; spreading to a larger group; "tight" practices; institutionalization that survives leadership turnover.',
  },
  {
    id: '001',
    file: '001_3c4fcf39fc5f0ef9.txt',
    title: 'Deliberate, phased implementation',
    author: 'The Learning Accelerator',
    year: null,
    license: null,
    summary:
      'Pilot and refine, build capacity, integrate gradually; a survey in which most leaders put deliberateness before speed.',
  },
  {
    id: '002',
    file: '002_4b9cd2bd5c42bada.txt',
    title: 'Research Summary: "Scaling up" Education Reform Efforts',
    author: 'Research summary citing Coburn (2003), Horner et al. (2017) and SISEP',
    year: null,
    license: null,
    summary:
      'Three meanings of "at scale"; at scale differs from sustainable; essential components and minimum practice requirements; fidelity measures that correlate with outcomes; districts as the leverage unit.',
  },
  {
    id: '003',
    file: '003_a40f629b0f41b5f0.txt',
    title: 'Consider a Pilot Stage',
    author: 'Digital Promise',
    year: null,
    license: null,
    summary:
      'Start small, collect improvement and impact data during the pilot, and let the strongest pilot coach and principal lead the expansion.',
  },
  {
    id: '004',
    file: '004_39391133aaf5dd05.txt',
    title: 'A Framework for Scaling for Equity',
    author: 'Lora Cohen-Vogel, Jeanne Century and David Sherer (Carnegie Foundation for the Advancement of Teaching)',
    year: 2022,
    license: 'CC BY 4.0',
    summary:
      'The scaling-for-equity journey: the trip ticket, the typology of eight scaling strategies, the four categories of influential factors, pit stops, the learning system and the Navigator tools.',
  },
] as const);

/**
 * The id of a source document: `'000'` … `'004'`.
 *
 * @category Sources
 */
export type SourceId = (typeof SOURCES)[number]['id'];

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
