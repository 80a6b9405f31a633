import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { findEntry } from '../_lib/validate.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the four stages an intervention passes through on its way to scale (REL Appalachia), in order.
 *
 * @category Scaling stages
 * @example
 * ```ts
 * import { SCALING_STAGE_IDS } from 'scaling-navigator/framework';
 * SCALING_STAGE_IDS //=> ['pilot', 'expansion', 'tight', 'institutionalized']
 * ```
 */
export const SCALING_STAGE_IDS = /* @__PURE__ */ deepFreeze([
  'pilot',
  'expansion',
  'tight',
  'institutionalized',
] as const);

/**
 * Schema for a scaling stage id: one of {@link SCALING_STAGE_IDS}.
 *
 * @category Scaling stages
 * @example
 * ```ts
 * import { ScalingStageId } from 'scaling-navigator/framework';
 * ScalingStageId.safeParse('tight').success //=> true
 * ScalingStageId.safeParse('loose').success //=> false
 * ```
 */
export const ScalingStageId = z.enum(SCALING_STAGE_IDS);
/** A scaling stage id. @category Scaling stages */
export type ScalingStageId = z.infer<typeof ScalingStageId>;

const scalingStageIdParsers = /* @__PURE__ */ schemaParsers(ScalingStageId);

/**
 * Checks that an untrusted value is a scaling stage id (one of {@link SCALING_STAGE_IDS}) and returns it, typed.
 *
 * @category Scaling stages
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseScalingStageId } from 'scaling-navigator/framework';
 * parseScalingStageId('tight') //=> 'tight'
 * parseScalingStageId('loose') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseScalingStageId(input: unknown): ScalingStageId {
  return scalingStageIdParsers.parse(input);
}

/**
 * Like {@link parseScalingStageId}, but returns the error instead of throwing.
 *
 * @category Scaling stages
 * @example
 * ```ts
 * import { safeParseScalingStageId } from 'scaling-navigator/framework';
 * safeParseScalingStageId('tight') //=> { success: true, data: 'tight' }
 * safeParseScalingStageId('loose').success //=> false
 * ```
 */
export function safeParseScalingStageId(input: unknown): SafeParseResult<ScalingStageId> {
  return scalingStageIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link SCALING_STAGES}.
 *
 * @category Scaling stages
 */
export interface ScalingStageEntry {
  /** Position in the sequence, 1 (pilot) to 4 (institutionalized). */
  readonly order: 1 | 2 | 3 | 4;
  /** Stable id used across the library. */
  readonly id: ScalingStageId;
  /** A short display label. */
  readonly label: string;
  /** What the stage involves, in our words. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The stages from a first pilot to an intervention that is simply how the district works (REL Appalachia): pilot,
 * expansion to a larger group, a "tight" practice everyone must implement, and institutionalization.
 *
 * @category Scaling stages
 * @example
 * ```ts
 * import { SCALING_STAGES } from 'scaling-navigator/framework';
 * SCALING_STAGES.map((stage) => [stage.order, stage.id]) //=> [[1, 'pilot'], [2, 'expansion'], [3, 'tight'], [4, 'institutionalized']]
 * ```
 */
export const SCALING_STAGES = /* @__PURE__ */ deepFreeze([
  {
    order: 1,
    id: 'pilot',
    label: 'Pilot',
    description:
      'A cross-functional team has a small, balanced group of educators (willing veterans as well as early adopters) try the intervention, to learn how it is used, what support it needs and whether students benefit, and to build ownership among its future users.',
    source: { source: 'rel-appalachia-pilot', section: 'Conducting a successful pilot' },
  },
  {
    order: 2,
    id: 'expansion',
    label: 'Expansion',
    description:
      'The intervention moves beyond the pilot group, either to more volunteers or through a district structure such as a department, grade level or school; pilot champions win over hesitant colleagues while leaders watch that quality does not thin out as numbers grow.',
    source: { source: 'rel-appalachia-pilot', section: 'Spread the intervention to a larger group' },
  },
  {
    order: 3,
    id: 'tight',
    label: 'Tight',
    description:
      'The practice becomes "tight": everyone in the organization is required to implement it with fidelity, instead of leaving it "loose", to each teacher’s discretion.',
    source: { source: 'rel-appalachia-pilot', section: 'Spread the intervention to a larger group' },
  },
  {
    order: 4,
    id: 'institutionalized',
    label: 'Institutionalized',
    description:
      'The intervention is built into structures and processes and owned by educators, so that it is "the way things are done" and outlasts a change of leaders; only then is scaling complete.',
    source: { source: 'rel-appalachia-pilot', section: 'Institutionalizing change for sustainability' },
  },
] as const satisfies readonly ScalingStageEntry[]);

/**
 * Looks up a scaling stage by id.
 *
 * @category Scaling stages
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getScalingStage } from 'scaling-navigator/framework';
 * getScalingStage('institutionalized').order //=> 4
 * getScalingStage('loose' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getScalingStage(id: ScalingStageId): (typeof SCALING_STAGES)[number] {
  return findEntry(SCALING_STAGES, id, 'scaling stage');
}
