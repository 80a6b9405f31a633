import { deepFreeze } from '../_lib/deepFreeze.js';
import { findEntry } from '../_lib/validate.js';
import { FRAMEWORK_SOURCES } from './_sourcesFramework.js';
import { METHOD_SOURCES } from './_sourcesMethods.js';
import { STANDARD_SOURCES } from './_sourcesStandards.js';

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
  ...FRAMEWORK_SOURCES,
  ...STANDARD_SOURCES,
  ...METHOD_SOURCES,
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
