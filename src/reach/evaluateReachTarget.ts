import type { Note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { readStored } from '../_lib/stored.js';
import { requireNumber, requireOneOf } from '../_lib/validate.js';
import type { Decision } from '../framework/Decision.js';
import { ReachTarget, type ReachTargetInput } from '../framework/ReachTarget.js';
import { requireOptions } from './_config.js';
import { evaluateReachTargetParsed } from './_targetCheck.js';
import { REACH_SUMMARY_TYPE, type ReachSummary } from './ReachSummary.js';
import { policyOverSummary, type ReachPolicy } from './reachPolicy.js';
import type { ReachRule, ReachTargetAction } from './reachRules.js';

/**
 * Why a target check is undecided or worth a look:
 *
 * - `EMPTY_GROUP` — nobody (eligible) in the population: the decision is `'undetermined'`, never a
 *   silent pass (field `decision`).
 * - `POPULATION_SIZE_DIFFERS` — the target's `population.size` is not the summary's n (field
 *   `overall`).
 * - `PERIOD_NOT_CHECKED` — the target names a period but the summary counted plain engagements
 *   (field `decision`).
 *
 * @category Reach
 */
export type ReachTargetNoteCode = 'EMPTY_GROUP' | 'POPULATION_SIZE_DIFFERS' | 'PERIOD_NOT_CHECKED';

/**
 * One unit's part of a shortfall: how many more of the population it must reach for its own rate
 * to meet the target.
 *
 * @category Reach
 */
export interface ReachShortfallUnit {
  readonly id: string;
  readonly level: string;
  readonly n: number;
  readonly reached: number;
  readonly rate: number | null;
  readonly shortfall: number;
}

/**
 * A reach decision: `'met'`, `'not-met'` or `'undetermined'`, with reasons from
 * {@link REACH_RULES} and the effective {@link ReachPolicy}.
 *
 * @category Reach
 */
export type ReachDecision = Decision<ReachTargetAction, ReachRule, ReachPolicy>;

/**
 * A target checked for one population: `needed` is the smallest count whose rate meets the target
 * share (within the policy's tolerance); `shortfall` = max(0, needed − reached) people;
 * `decision` says whether the share is met (`'undetermined'` when the population is empty) and
 * `met` is the same as `true` / `false` / `null`. `units` lists the units (at the chosen level)
 * with the largest shortfalls of their own, largest first.
 *
 * @category Reach
 */
export interface ReachTargetCheck {
  readonly id: string;
  readonly members: readonly string[];
  readonly target: number;
  readonly n: number;
  readonly reached: number;
  readonly rate: number | null;
  readonly needed: number;
  readonly shortfall: number;
  readonly decision: ReachDecision;
  /** `decision.action` as a boolean: `true` for `'met'`, `false` for `'not-met'`, `null` for `'undetermined'`. */
  readonly met: boolean | null;
  readonly units: readonly ReachShortfallUnit[];
  readonly notes: readonly Note<ReachTargetNoteCode>[];
}

/**
 * The result of {@link evaluateReachTarget}.
 *
 * @category Reach
 */
export interface ReachTargetEvaluation {
  /**
   * Met for everyone and the focal students: `'not-met'` when any check misses (its reasons),
   * else `'undetermined'` when some check cannot be told (their reasons), else `'met'` (every
   * check's reason).
   */
  readonly decision: ReachDecision;
  /** `decision.action` as a boolean: `true` for `'met'`, `false` for `'not-met'`, `null` for `'undetermined'`. */
  readonly met: boolean | null;
  readonly minEngagements: number;
  readonly focalRule: 'each' | 'union';
  readonly overall: ReachTargetCheck;
  /** One check per focal group (`'each'`), or one for their union (`'union'`, id `'union'`). */
  readonly groups: readonly ReachTargetCheck[];
  /**
   * People still to reach: for everyone, and for the focal students under the rule (for `'each'`,
   * the largest group shortfall — groups overlap, so one student can close two).
   */
  readonly shortfall: { readonly overall: number; readonly focal: number };
  readonly level: string | null;
  readonly target: ReachTarget;
  /** The effective policy: the summary's, with `options.policy` on top. */
  readonly policy: ReachPolicy;
  readonly notes: readonly Note<ReachTargetNoteCode>[];
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['level', 'topUnits', 'policy']);

/**
 * Options of {@link evaluateReachTarget}.
 *
 * - `level`: the unit level whose units are ranked by shortfall (default the smallest, e.g.
 *   schools).
 * - `topUnits`: how many units are listed per population (default 10).
 * - `policy`: overrides of the summary's policy (its `tolerance` applies here).
 *
 * @category Reach
 */
export interface EvaluateReachTargetOptions {
  readonly level?: string;
  readonly topUnits?: number;
  readonly policy?: Partial<ReachPolicy>;
}

/**
 * Decides whether a reach summary meets a {@link ReachTarget} (the Carnegie framework's equity
 * destination for high-quality project-based learning: "80% of the students, including at least
 * 80% of those furthest from opportunity, in two projects a year").
 *
 * A population meets a target share t when reached ≥ needed = ⌈(t − tolerance) · n⌉, i.e. its rate
 * is at least t; the comparison is made in whole people, so a rate exactly on the boundary meets
 * it. `focalRule: 'each'` checks every focal group on its own; `'union'` checks the students in any
 * of them together. The target's `minEngagements` may differ from the summary's: reach is recounted
 * from the engagement histograms (up to the summary's `histogramMax`). `options.level` chooses the
 * unit level whose units are ranked by shortfall (default the smallest, e.g. schools) and
 * `options.topUnits` how many are listed per population (default 10). The decision's reasons cite
 * {@link REACH_RULES}; the tolerance is the summary's policy with `options.policy` on top.
 * O(units × groups).
 *
 * @category Reach
 * A summary this library made is used as it is (it is frozen); any other — stored, sent as JSON,
 * built by hand — is checked against the {@link ReachSummary} schema first.
 *
 * @throws ScalingNavigatorError `INVALID_INPUT` at the path of the damage for a summary that fails the
 *   {@link ReachSummary} schema (e.g. a missing `policy`, a rate of `Infinity`, reached above n);
 *   `INCOMPATIBLE` for a summary with a newer `schemaVersion`;
 *   `INVALID_INPUT` for a target that fails the `ReachTarget` schema, focal
 *   groups the summary does not have, a union of only some of the summary's focal groups (summarize
 *   with exactly those), a period other than the summary's, `minEngagements` above `histogramMax`,
 *   an unknown `level`, or a bad `options.policy`.
 * @example
 * ```ts
 * import { evaluateReachTarget, summarizeReach } from 'scaling-navigator/reach';
 * const roster = [
 *   ...Array.from({ length: 8 }, (_, i) => ({ id: `f${i}`, units: { school: 'A' }, groups: ['pov'], engagements: i < 6 ? 2 : 1 })),
 *   ...Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, units: { school: 'B' }, engagements: 2 })),
 * ];
 * const summary = summarizeReach(roster, { focalGroups: ['pov'], unitLevels: ['school'], minEngagements: 2 });
 * const result = evaluateReachTarget(summary, {
 *   population: { unit: 'students' }, minEngagements: 2, overall: 0.8, focal: 0.8, focalRule: 'union',
 * });
 * result.overall.decision.action //=> 'met'
 * result.groups[0].needed //=> 7
 * result.groups[0].shortfall //=> 1
 * result.decision.action //=> 'not-met'
 * result.decision.reasons.map((reason) => reason.rule) //=> ['reach/target-not-met']
 * result.met //=> false
 * result.groups[0].units[0].id //=> 'A'
 * ```
 */
export function evaluateReachTarget(
  summary: ReachSummary,
  target: ReachTargetInput,
  options: EvaluateReachTargetOptions = {},
): ReachTargetEvaluation {
  const report = readStored(summary, REACH_SUMMARY_TYPE, ['summary']);
  const parsed = parseOrThrow(ReachTarget, target, ['target']);
  const settings = requireOptions(options, OPTION_KEYS, ['options']);
  const level =
    settings.level === undefined
      ? (report.unitLevels[report.unitLevels.length - 1] ?? null)
      : requireOneOf(settings.level, report.unitLevels, ['options', 'level'], 'unit level');
  const topUnits =
    settings.topUnits === undefined
      ? 10
      : requireNumber(settings.topUnits, ['options', 'topUnits'], { min: 0, integer: true });
  return evaluateReachTargetParsed(report, parsed, level, topUnits, () =>
    policyOverSummary(report.policy, settings.policy, ['summary', 'policy'], ['options', 'policy']),
  );
}
