import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the Navigator's six tools, in the source's numbering (tool 1 first).
 *
 * @category Navigator tools
 * @example
 * ```ts
 * import { NAVIGATOR_TOOL_IDS } from 'scaling-navigator/framework';
 * NAVIGATOR_TOOL_IDS //=> ['trip-ticket', 'pit-stop-checklist', 'strategy-set-tracker', 'factor-review', 'data-collection', 'travel-log']
 * ```
 */
export const NAVIGATOR_TOOL_IDS = /* @__PURE__ */ deepFreeze([
  'trip-ticket',
  'pit-stop-checklist',
  'strategy-set-tracker',
  'factor-review',
  'data-collection',
  'travel-log',
] as const);

/**
 * Schema for a Navigator tool id: one of {@link NAVIGATOR_TOOL_IDS}.
 *
 * @category Navigator tools
 * @example
 * ```ts
 * import { NavigatorToolId } from 'scaling-navigator/framework';
 * NavigatorToolId.safeParse('travel-log').success //=> true
 * NavigatorToolId.safeParse('road-map').success //=> false
 * ```
 */
export const NavigatorToolId = z.enum(NAVIGATOR_TOOL_IDS);
/** A Navigator tool id. @category Navigator tools */
export type NavigatorToolId = z.infer<typeof NavigatorToolId>;

const navigatorToolIdParsers = /* @__PURE__ */ schemaParsers(NavigatorToolId);

/**
 * Checks that an untrusted value is a Navigator tool id (one of {@link NAVIGATOR_TOOL_IDS}) and returns it, typed.
 *
 * @category Navigator tools
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseNavigatorToolId } from 'scaling-navigator/framework';
 * parseNavigatorToolId('travel-log') //=> 'travel-log'
 * parseNavigatorToolId('road-map') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseNavigatorToolId(input: unknown): NavigatorToolId {
  return navigatorToolIdParsers.parse(input);
}

/**
 * Like {@link parseNavigatorToolId}, but returns the error instead of throwing.
 *
 * @category Navigator tools
 * @example
 * ```ts
 * import { safeParseNavigatorToolId } from 'scaling-navigator/framework';
 * safeParseNavigatorToolId('travel-log') //=> { success: true, data: 'travel-log' }
 * safeParseNavigatorToolId('road-map').success //=> false
 * ```
 */
export function safeParseNavigatorToolId(input: unknown): SafeParseResult<NavigatorToolId> {
  return navigatorToolIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link NAVIGATOR_TOOLS}.
 *
 * @category Navigator tools
 */
export interface NavigatorToolEntry {
  /** The tool's number in the Navigator (1–6). */
  readonly number: 1 | 2 | 3 | 4 | 5 | 6;
  /** Stable id used across the library. */
  readonly id: NavigatorToolId;
  /** The tool's name in the Navigator. */
  readonly label: string;
  /** What the team uses the tool for, in our words. */
  readonly purpose: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The six tools of the Navigator, the appendix of the Carnegie framework that puts the scaling-for-equity framework
 * to work; teams use them again and again at every pit stop.
 *
 * @category Navigator tools
 * @example
 * ```ts
 * import { NAVIGATOR_TOOLS } from 'scaling-navigator/framework';
 * NAVIGATOR_TOOLS.map((tool) => tool.number) //=> [1, 2, 3, 4, 5, 6]
 * NAVIGATOR_TOOLS[3].label //=> 'Factor review'
 * ```
 */
export const NAVIGATOR_TOOLS = /* @__PURE__ */ deepFreeze([
  {
    number: 1,
    id: 'trip-ticket',
    label: 'Trip ticket',
    purpose:
      'Set down the team’s scaling-for-equity intentions by answering the four trip-ticket questions together, and come back to them at each pit stop.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #1: Trip Ticket' },
  },
  {
    number: 2,
    id: 'pit-stop-checklist',
    label: 'Pit stop checklist',
    purpose:
      'Structure the reflection at each pit stop around four questions (direction, breakdowns, resources, who is included) that lead to data-based decisions about the strategies.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #2: Pit Stop Checklist' },
  },
  {
    number: 3,
    id: 'strategy-set-tracker',
    label: 'Strategy set tracker',
    purpose:
      'Record who carries out each strategy in the set, with which steps and when, and at each pit stop judge whether each strategy is still acceptable, affordable and contributing before keeping, revising, removing or adding strategies.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Appendix: Scaling Strategy Implementation; Revisiting and Revising the Strategy Set',
    },
  },
  {
    number: 4,
    id: 'factor-review',
    label: 'Factor review',
    purpose:
      'Name the factors in each of the four categories that could become roadblocks or supports for the strategies, the interactions to watch and the actions to take, and revisit them at every pit stop.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #4: Factor Review' },
  },
  {
    number: 5,
    id: 'data-collection',
    label: 'Data collection and measures',
    purpose:
      'Plan the measures, schedule and people for gathering evidence on progress toward the scaling-for-equity goal and on how well each strategy works, and record what is found.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: Tool #5: Data Collection and Measures' },
  },
  {
    number: 6,
    id: 'travel-log',
    label: 'Travel log',
    purpose:
      'Keep a running, real-time record of encounters, decisions and actions: which strategies the team used, with whom, at what time and place, and for how long.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Tracking Progress During the Scaling Journey: A Learning System',
    },
  },
] as const satisfies readonly NavigatorToolEntry[]);

/**
 * The shape of one entry of {@link NAVIGATOR_TASKS}.
 *
 * @category Navigator tools
 */
export interface NavigatorTaskEntry {
  /** Stable id used across the library. */
  readonly id: 'set-intentions' | 'calibrate-strategy-set' | 'activate-learning-system' | 'account-for-factors';
  /** A short display label. */
  readonly label: string;
  /** The tools the task mainly relies on. */
  readonly tools: readonly NavigatorToolId[];
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The four central tasks the Navigator pivots around (Carnegie framework, Introduction and Appendix), each with the
 * tools it mainly uses. The framework draws the link between tasks and tools only as a figure; the mapping
 * here follows the tools' descriptions.
 *
 * @category Navigator tools
 * @example
 * ```ts
 * import { NAVIGATOR_TASKS } from 'scaling-navigator/framework';
 * NAVIGATOR_TASKS.map((task) => task.id) //=> ['set-intentions', 'calibrate-strategy-set', 'activate-learning-system', 'account-for-factors']
 * NAVIGATOR_TASKS[2].tools //=> ['data-collection', 'travel-log']
 * ```
 */
export const NAVIGATOR_TASKS = /* @__PURE__ */ deepFreeze([
  {
    id: 'set-intentions',
    label: 'Setting and revisiting scaling intentions',
    tools: ['trip-ticket', 'pit-stop-checklist'],
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: The Navigator' },
  },
  {
    id: 'calibrate-strategy-set',
    label: 'Developing and calibrating the strategy set',
    tools: ['strategy-set-tracker', 'pit-stop-checklist'],
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: The Navigator' },
  },
  {
    id: 'activate-learning-system',
    label: 'Activating the learning system',
    tools: ['data-collection', 'travel-log'],
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: The Navigator' },
  },
  {
    id: 'account-for-factors',
    label: 'Accounting for factors that condition the team’s progress',
    tools: ['factor-review'],
    source: { source: 'carnegie-2022-scaling-for-equity', section: 'Appendix: The Navigator' },
  },
] as const satisfies readonly NavigatorTaskEntry[]);
