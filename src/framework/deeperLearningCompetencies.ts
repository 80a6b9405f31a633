import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the six deeper learning competencies, in the source's order.
 *
 * @category Deeper learning
 * @example
 * ```ts
 * import { DEEPER_LEARNING_COMPETENCY_IDS } from 'scaling-navigator/framework';
 * DEEPER_LEARNING_COMPETENCY_IDS //=> ['core-academic-content', 'critical-thinking', 'collaboration', 'communication', 'learning-to-learn', 'academic-mindsets']
 * ```
 */
export const DEEPER_LEARNING_COMPETENCY_IDS = /* @__PURE__ */ deepFreeze([
  'core-academic-content',
  'critical-thinking',
  'collaboration',
  'communication',
  'learning-to-learn',
  'academic-mindsets',
] as const);

/**
 * Schema for a deeper learning competency id: one of {@link DEEPER_LEARNING_COMPETENCY_IDS}.
 *
 * @category Deeper learning
 * @example
 * ```ts
 * import { DeeperLearningCompetencyId } from 'scaling-navigator/framework';
 * DeeperLearningCompetencyId.safeParse('collaboration').success //=> true
 * DeeperLearningCompetencyId.safeParse('creativity').success //=> false
 * ```
 */
export const DeeperLearningCompetencyId = z.enum(DEEPER_LEARNING_COMPETENCY_IDS);
/** A deeper learning competency id. @category Deeper learning */
export type DeeperLearningCompetencyId = z.infer<typeof DeeperLearningCompetencyId>;

const deeperLearningCompetencyIdParsers = /* @__PURE__ */ schemaParsers(DeeperLearningCompetencyId);

/**
 * Checks that an untrusted value is a deeper-learning competency id (one of {@link DEEPER_LEARNING_COMPETENCY_IDS}) and returns it, typed.
 *
 * @category Deeper learning
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseDeeperLearningCompetencyId } from 'scaling-navigator/framework';
 * parseDeeperLearningCompetencyId('collaboration') //=> 'collaboration'
 * parseDeeperLearningCompetencyId('creativity') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseDeeperLearningCompetencyId(input: unknown): DeeperLearningCompetencyId {
  return deeperLearningCompetencyIdParsers.parse(input);
}

/**
 * Like {@link parseDeeperLearningCompetencyId}, but returns the error instead of throwing.
 *
 * @category Deeper learning
 * @example
 * ```ts
 * import { safeParseDeeperLearningCompetencyId } from 'scaling-navigator/framework';
 * safeParseDeeperLearningCompetencyId('collaboration') //=> { success: true, data: 'collaboration' }
 * safeParseDeeperLearningCompetencyId('creativity').success //=> false
 * ```
 */
export function safeParseDeeperLearningCompetencyId(input: unknown): SafeParseResult<DeeperLearningCompetencyId> {
  return deeperLearningCompetencyIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link DEEPER_LEARNING_COMPETENCIES}.
 *
 * @category Deeper learning
 */
export interface DeeperLearningCompetencyEntry {
  /** Stable id used across the library. */
  readonly id: DeeperLearningCompetencyId;
  /** The competency's name in the Carnegie framework's list. */
  readonly label: string;
  /** What students can do with it, in our words. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The six deeper learning competencies that the Carnegie framework takes from the Hewlett Foundation's definition; a
 * deeper learning innovation is any effort that makes students more likely to develop one or more of them.
 *
 * @category Deeper learning
 * @example
 * ```ts
 * import { DEEPER_LEARNING_COMPETENCIES } from 'scaling-navigator/framework';
 * DEEPER_LEARNING_COMPETENCIES.length //=> 6
 * DEEPER_LEARNING_COMPETENCIES[4].label //=> 'Learn how to learn'
 * ```
 */
export const DEEPER_LEARNING_COMPETENCIES = /* @__PURE__ */ deepFreeze([
  {
    id: 'core-academic-content',
    label: 'Master core academic content',
    description: 'Build a firm grasp of the central ideas of the academic subjects.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
  {
    id: 'critical-thinking',
    label: 'Think critically and solve complex problems',
    description: 'Reason carefully about evidence and ideas, and work through hard, unfamiliar problems.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
  {
    id: 'collaboration',
    label: 'Work collaboratively',
    description: 'Work well with other people toward a shared goal.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
  {
    id: 'communication',
    label: 'Communicate effectively',
    description: 'Get ideas across clearly to others.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
  {
    id: 'learning-to-learn',
    label: 'Learn how to learn',
    description: 'Reflect on one’s own learning and keep improving it, without waiting to be taught.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
  {
    id: 'academic-mindsets',
    label: 'Develop academic mindsets',
    description:
      'Hold the inner dispositions and self-knowledge, such as confidence that effort leads to growth, that keep a learner going.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Introduction: A note on deeper learning' },
  },
] as const satisfies readonly DeeperLearningCompetencyEntry[]);
