import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { findEntry } from '../_lib/validate.js';
import type { SourceCitation } from './sources.js';

/**
 * The four dimensions of scale (Coburn 2003, as used by the Carnegie framework): scale is more than spread.
 * Each entry says what the dimension means in our words and the question a team answers to know
 * how far along it is (the Carnegie framework, "How will we know when we have arrived?").
 *
 * @category Scale dimensions
 * @example
 * ```ts
 * import { SCALE_DIMENSIONS } from 'scaling-navigator/framework';
 * SCALE_DIMENSIONS.map((dimension) => dimension.id) //=> ['depth', 'sustainability', 'spread', 'ownership']
 * ```
 */
export const SCALE_DIMENSIONS = /* @__PURE__ */ deepFreeze([
  {
    id: 'depth',
    label: 'Depth',
    description:
      'Practice itself changes: the innovation shows up in what educators do in classrooms and in what they believe students can do, not only on paper.',
    question: 'How will we know that educators have taken the innovation into their everyday practice?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: How will we know when we have arrived?',
    },
  },
  {
    id: 'sustainability',
    label: 'Sustainability',
    description:
      'The change lasts: it is built into structures, routines, budgets and policies so that it survives the end of a grant and a change of leaders.',
    question: 'What has to be in place for the change to last?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
  {
    id: 'spread',
    label: 'Spread',
    description:
      'The innovation reaches more students, classrooms and schools — and, for equity, first and fully the students furthest from opportunity.',
    question:
      'How many students, classrooms or schools will we reach, and are they the ones furthest from opportunity?',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 1: Where are we headed on our scaling-for-equity journey?',
    },
  },
  {
    id: 'ownership',
    label: 'Shift in ownership',
    description:
      'Authority and knowledge move from outside experts to local leaders and teachers, who can then deepen, sustain and spread the change themselves.',
    question: 'How far do the school leaders and teachers who can sustain and spread the innovation own the work?',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction; Component 1: Where are we headed?' },
  },
] as const satisfies readonly ScaleDimensionEntry[]);

/**
 * The shape of one entry of {@link SCALE_DIMENSIONS}.
 *
 * @category Scale dimensions
 */
export interface ScaleDimensionEntry {
  /** Stable id used across the library. */
  readonly id: (typeof SCALE_DIMENSION_IDS)[number];
  /** A short display label. */
  readonly label: string;
  /** What the dimension means, in our words. */
  readonly description: string;
  /** The question a team answers to judge progress on this dimension. */
  readonly question: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The scale dimension ids in catalog order.
 *
 * @category Scale dimensions
 * @example
 * ```ts
 * import { SCALE_DIMENSION_IDS } from 'scaling-navigator/framework';
 * SCALE_DIMENSION_IDS //=> ['depth', 'sustainability', 'spread', 'ownership']
 * ```
 */
export const SCALE_DIMENSION_IDS = /* @__PURE__ */ deepFreeze([
  'depth',
  'sustainability',
  'spread',
  'ownership',
] as const);

/**
 * Schema for a scale dimension id: `'depth' | 'sustainability' | 'spread' | 'ownership'`.
 *
 * @category Scale dimensions
 * @example
 * ```ts
 * import { ScaleDimensionId } from 'scaling-navigator/framework';
 * ScaleDimensionId.safeParse('spread').success //=> true
 * ScaleDimensionId.safeParse('reach').success //=> false
 * ```
 */
export const ScaleDimensionId = z.enum(SCALE_DIMENSION_IDS);
/** A scale dimension id. @category Scale dimensions */
export type ScaleDimensionId = z.infer<typeof ScaleDimensionId>;

const scaleDimensionIdParsers = /* @__PURE__ */ schemaParsers(ScaleDimensionId);

/**
 * Checks that an untrusted value is a scale dimension id (one of {@link SCALE_DIMENSION_IDS}) and returns it, typed.
 *
 * @category Scale dimensions
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseScaleDimensionId } from 'scaling-navigator/framework';
 * parseScaleDimensionId('spread') //=> 'spread'
 * parseScaleDimensionId('reach') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseScaleDimensionId(input: unknown): ScaleDimensionId {
  return scaleDimensionIdParsers.parse(input);
}

/**
 * Like {@link parseScaleDimensionId}, but returns the error instead of throwing.
 *
 * @category Scale dimensions
 * @example
 * ```ts
 * import { safeParseScaleDimensionId } from 'scaling-navigator/framework';
 * safeParseScaleDimensionId('spread') //=> { success: true, data: 'spread' }
 * safeParseScaleDimensionId('reach').success //=> false
 * ```
 */
export function safeParseScaleDimensionId(input: unknown): SafeParseResult<ScaleDimensionId> {
  return scaleDimensionIdParsers.safeParse(input);
}

/**
 * Looks up a scale dimension by id.
 *
 * @category Scale dimensions
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getScaleDimension } from 'scaling-navigator/framework';
 * getScaleDimension('ownership').label //=> 'Shift in ownership'
 * getScaleDimension('reach' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getScaleDimension(id: ScaleDimensionId): (typeof SCALE_DIMENSIONS)[number] {
  return findEntry(SCALE_DIMENSIONS, id, 'scale dimension');
}
