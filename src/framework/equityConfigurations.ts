import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the three configurations that scaling for equity can take, in the source's order. A team may
 * choose several; the source's "all of the above" is all three ids.
 *
 * @category Equity configurations
 * @example
 * ```ts
 * import { EQUITY_CONFIGURATION_IDS } from 'scaling-navigator/framework';
 * EQUITY_CONFIGURATION_IDS //=> ['serve-underserved-schools', 'reach-focal-groups-first', 'share-ownership']
 * ```
 */
export const EQUITY_CONFIGURATION_IDS = /* @__PURE__ */ deepFreeze([
  'serve-underserved-schools',
  'reach-focal-groups-first',
  'share-ownership',
] as const);

/**
 * Schema for an equity configuration id: one of {@link EQUITY_CONFIGURATION_IDS}.
 *
 * @category Equity configurations
 * @example
 * ```ts
 * import { EquityConfigurationId } from 'scaling-navigator/framework';
 * EquityConfigurationId.safeParse('share-ownership').success //=> true
 * EquityConfigurationId.safeParse('all-of-the-above').success //=> false
 * ```
 */
export const EquityConfigurationId = z.enum(EQUITY_CONFIGURATION_IDS);
/** An equity configuration id. @category Equity configurations */
export type EquityConfigurationId = z.infer<typeof EquityConfigurationId>;

const equityConfigurationIdParsers = /* @__PURE__ */ schemaParsers(EquityConfigurationId);

/**
 * Checks that an untrusted value is a equity configuration id (one of {@link EQUITY_CONFIGURATION_IDS}) and returns it, typed.
 *
 * @category Equity configurations
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseEquityConfigurationId } from 'scaling-navigator/framework';
 * parseEquityConfigurationId('share-ownership') //=> 'share-ownership'
 * parseEquityConfigurationId('all-of-the-above') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseEquityConfigurationId(input: unknown): EquityConfigurationId {
  return equityConfigurationIdParsers.parse(input);
}

/**
 * Like {@link parseEquityConfigurationId}, but returns the error instead of throwing.
 *
 * @category Equity configurations
 * @example
 * ```ts
 * import { safeParseEquityConfigurationId } from 'scaling-navigator/framework';
 * safeParseEquityConfigurationId('share-ownership') //=> { success: true, data: 'share-ownership' }
 * safeParseEquityConfigurationId('all-of-the-above').success //=> false
 * ```
 */
export function safeParseEquityConfigurationId(input: unknown): SafeParseResult<EquityConfigurationId> {
  return equityConfigurationIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link EQUITY_CONFIGURATIONS}.
 *
 * @category Equity configurations
 */
export interface EquityConfigurationEntry {
  /** Stable id used across the library. */
  readonly id: EquityConfigurationId;
  /** A short display label. */
  readonly label: string;
  /** What the configuration means in practice, in our words. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The configurations that scaling for equity can take (Carnegie framework, Component 1): where the team works, whom
 * it reaches first, and who owns the decisions. They are not exclusive; a team may adopt any combination,
 * and the source's "all of the above" means adopting all three.
 *
 * @category Equity configurations
 * @example
 * ```ts
 * import { EQUITY_CONFIGURATIONS } from 'scaling-navigator/framework';
 * EQUITY_CONFIGURATIONS.map((configuration) => configuration.label) //=> ['Serve underserved schools', 'Reach focal groups first', 'Share ownership']
 * ```
 */
export const EQUITY_CONFIGURATIONS = /* @__PURE__ */ deepFreeze([
  {
    id: 'serve-underserved-schools',
    label: 'Serve underserved schools',
    description:
      'Do the work in schools and school systems whose enrolment includes large shares of students the system has historically underserved.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
  {
    id: 'reach-focal-groups-first',
    label: 'Reach focal groups first',
    description:
      'Sequence and tune how the innovation is delivered so that chosen groups of students are reached before others.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
  {
    id: 'share-ownership',
    label: 'Share ownership',
    description:
      'Make sure the decision-makers who own the work include educators, students and community members of color, and that their voices count.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
] as const satisfies readonly EquityConfigurationEntry[]);
