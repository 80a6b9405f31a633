/**
 * The check of `evaluateReachTarget` for a summary already read and a target already parsed, so a
 * caller that validated them (the pit stop, with the trip ticket) does not validate them again.
 *
 * @internal
 * @module
 */
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { decide } from '../framework/_rules.js';
import type { ReachTarget } from '../framework/ReachTarget.js';
import type {
  ReachDecision,
  ReachTargetCheck,
  ReachTargetEvaluation,
  ReachTargetNoteCode,
} from './evaluateReachTarget.js';
import type { ReachBreakdown, ReachStats, ReachSummary } from './ReachSummary.js';
import type { ReachPolicy } from './reachPolicy.js';
import { type ReachRule, ruleDecision } from './reachRules.js';

/** `true` for `'met'`, `false` for `'not-met'`, `null` for `'undetermined'`. */
function metOf(decision: ReachDecision): boolean | null {
  return decision.action === 'met' ? true : decision.action === 'not-met' ? false : null;
}

/** All checks together: any miss → not met (its reasons); else any undetermined → undetermined; else met. */
function combined(checks: readonly ReachTargetCheck[], policy: ReachPolicy): ReachDecision {
  for (const action of ['not-met', 'undetermined'] as const) {
    const matching = checks.filter((check) => check.decision.action === action);
    if (matching.length > 0)
      return decide(
        action,
        matching.flatMap((check) => check.decision.reasons),
        policy,
      );
  }
  return decide(
    'met',
    checks.flatMap((check) => check.decision.reasons),
    policy,
  );
}

/**
 * `evaluateReachTarget` of a summary already read (`readStored`) and a target already parsed
 * (e.g. by the trip ticket's schema), with the unit level and the number of units chosen;
 * `resolvePolicy` gives the effective policy (called once, where the checks need it, so errors come
 * in the same order).
 *
 * @internal
 */
export function evaluateReachTargetParsed(
  report: ReachSummary,
  parsed: ReachTarget,
  level: string | null,
  topUnits: number,
  resolvePolicy: () => ReachPolicy,
): ReachTargetEvaluation {
  const minEngagements = parsed.minEngagements;
  if (minEngagements > report.histogramMax) {
    invalid(
      ['target', 'minEngagements'],
      `the summary's histogram stops at ${report.histogramMax}: summarize with histogramMax ≥ ${minEngagements}`,
    );
  }
  const notes: Note<ReachTargetNoteCode>[] = [];
  if (parsed.period !== undefined) {
    if (report.period === null) {
      notes.push(
        note('PERIOD_NOT_CHECKED', 'the summary counted plain engagements, taken as already per period', 'decision'),
      );
    } else if (report.period.start !== parsed.period.start || report.period.end !== parsed.period.end) {
      invalid(['target', 'period'], `the summary counted ${report.period.start} … ${report.period.end}`);
    }
  }
  const focalIds = parsed.focalGroups ?? [...report.focalGroups];
  focalIds.forEach((id, index) => {
    if (!report.focalGroups.includes(id)) {
      invalid(['target', 'focalGroups', index], `the summary has no focal group ${JSON.stringify(id)}`);
    }
  });
  if (
    parsed.focalRule === 'union' &&
    (new Set(focalIds).size !== report.focalGroups.length || focalIds.length !== report.focalGroups.length)
  ) {
    invalid(['target', 'focalGroups'], 'a union target needs the summary made with exactly these focal groups');
  }
  const policy = resolvePolicy();
  const tolerance = policy.tolerance;
  const reachedAt = (stats: ReachStats): number => {
    let reached = 0;
    for (let bin = minEngagements; bin < stats.histogram.length; bin += 1) reached += stats.histogram[bin] as number;
    return reached;
  };
  const neededFor = (share: number, n: number): number => Math.max(0, Math.ceil((share - tolerance) * n));
  const units = report.units.filter((unit) => unit.level === level);
  const check = (
    id: string,
    members: readonly string[],
    share: number,
    pick: (breakdown: ReachBreakdown) => ReachStats,
  ): ReachTargetCheck => {
    const stats = pick(report);
    const reached = reachedAt(stats);
    const needed = neededFor(share, stats.n);
    const shortfall = Math.max(0, needed - reached);
    const unitShortfalls = units
      .map((unit) => {
        const own = pick(unit);
        const unitReached = reachedAt(own);
        return {
          id: unit.id,
          level: unit.level,
          n: own.n,
          reached: unitReached,
          rate: own.n === 0 ? null : unitReached / own.n,
          shortfall: Math.max(0, neededFor(share, own.n) - unitReached),
        };
      })
      .filter((unit) => unit.shortfall > 0)
      // Unit ids are distinct (the summary schema rejects repeats), so ties on shortfall order by id alone.
      .sort((a, b) => b.shortfall - a.shortfall || (a.id < b.id ? -1 : 1))
      .slice(0, topUnits);
    const rate = stats.n === 0 ? null : reached / stats.n;
    const rule: ReachRule =
      stats.n === 0 ? 'reach/no-eligible' : reached >= needed ? 'reach/target-met' : 'reach/target-not-met';
    const evidence = { population: id, target: share, minEngagements, n: stats.n, reached, rate, needed, shortfall };
    const decision = ruleDecision(rule, evidence, policy);
    return {
      id,
      members,
      target: share,
      n: stats.n,
      reached,
      rate,
      needed,
      shortfall,
      decision,
      met: metOf(decision),
      units: unitShortfalls,
      notes:
        stats.n === 0
          ? [note('EMPTY_GROUP', `nobody eligible in ${id}: the target cannot be checked`, 'decision')]
          : [],
    };
  };
  const overall = check('everyone', [], parsed.overall, (breakdown) => breakdown.overall);
  const groups =
    parsed.focalRule === 'union'
      ? [check('union', [...report.focalGroups], parsed.focal, (breakdown) => breakdown.union)]
      : focalIds.map((id) => {
          const index = report.focalGroups.indexOf(id);
          return check(id, [id], parsed.focal, (breakdown) => breakdown.groups[index] as ReachStats);
        });
  const size = parsed.population.size;
  if (size !== undefined && size !== overall.n) {
    notes.push(
      note('POPULATION_SIZE_DIFFERS', `the target names ${size}; the summary has ${overall.n} eligible`, 'overall'),
    );
  }
  const decision = combined([overall, ...groups], policy);
  return {
    decision,
    met: metOf(decision),
    minEngagements,
    focalRule: parsed.focalRule,
    overall,
    groups,
    shortfall: {
      overall: overall.shortfall,
      focal:
        parsed.focalRule === 'union'
          ? (groups[0] as ReachTargetCheck).shortfall
          : groups.reduce((largest, group) => Math.max(largest, group.shortfall), 0),
    },
    level,
    target: parsed,
    policy,
    notes,
  };
}
