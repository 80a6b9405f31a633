/**
 * The second checklist question and the decision per strategy: what is broken, and keep, revise,
 * pause or remove each planned or active strategy.
 *
 * @internal
 * @module
 */

import type { RoadblockShifts } from '../factors/_roadblockShifts.js';
import type { StrategySuggestions } from '../factors/suggestStrategies.js';
import { decide } from '../framework/_rules.js';
import type { StrategyId } from '../framework/strategies.js';
import type { RunChartResult } from '../learning/RunChartResult.js';
import type { StrategySetEntry } from '../strategies/StrategySet.js';
import { type Reason, reason } from './_course.js';
import { dayOf } from './_days.js';
import type { ParsedPitStopInput } from './PitStopInput.js';
import type { BrokenAnswer, LeftBehindAnswer, StrategyVerdict } from './PitStopReport.js';
import type { PitStopPolicy } from './pitStopPolicy.js';
import type { PitStopRule } from './pitStopRules.js';

type Evidence = ParsedPitStopInput['strategyEvidence'][number];
type ChartEvidence = Evidence['runCharts'][number];

/**
 * Which way a run chart's signal points in its last phase: +1 up, −1 down, 0 none or unclear — for
 * a trend, its last value against its first; otherwise the side of the median the latest signalled
 * point lies on.
 */
function signalDirection(chart: RunChartResult): number {
  if (chart.signal !== true) return 0;
  const lastPhase = chart.phases.length - 1;
  const flagged = chart.points.filter(
    (point) =>
      point.phase === lastPhase &&
      point.value !== null &&
      point.rules.some((rule) => rule !== 'learning/anhoej-crossings'),
  );
  const latest = flagged[flagged.length - 1];
  const trend = flagged.filter((point) => point.rules.includes('learning/ihi-trend'));
  if (latest?.rules.includes('learning/ihi-trend') === true && trend.length >= 2) {
    const change = (trend[trend.length - 1]?.value as number) - (trend[0]?.value as number);
    return change > 0 ? 1 : change < 0 ? -1 : 0;
  }
  // A shift or long run: the side of the latest signalled point, where the signal leaves the measure now.
  for (let index = flagged.length - 1; index >= 0; index -= 1) {
    const side = flagged[index]?.side;
    if (side === 'above') return 1;
    if (side === 'below') return -1;
  }
  return 0;
}

function chartReasons(entry: ChartEvidence, strategyId: StrategyId): { good: Reason[]; bad: Reason[]; open: Reason[] } {
  const direction = signalDirection(entry.chart);
  const better = entry.direction === 'higherIsBetter' ? direction : -direction;
  const evidence = {
    strategy: strategyId,
    measure: entry.measure,
    kind: entry.kind,
    direction: entry.direction,
    signal: entry.chart.signal,
    median: entry.chart.median,
    movedUp: direction === 0 ? null : direction > 0,
  };
  if (better < 0) {
    const rule: PitStopRule =
      entry.kind === 'balancing' ? 'pitstop/balancing-worsening' : 'pitstop/run-chart-wrong-way';
    return { good: [], bad: [reason(rule, evidence)], open: [] };
  }
  if (better > 0 && entry.kind !== 'balancing')
    return { good: [reason('pitstop/contributes', evidence)], bad: [], open: [] };
  if (entry.kind === 'balancing') return { good: [], bad: [], open: [] };
  return { good: [], bad: [], open: [reason('pitstop/inconclusive-evidence', evidence)] };
}

interface Effect {
  readonly measure: string;
  readonly estimate: number | null;
  readonly interval: readonly [number, number] | null;
  readonly from: 'effect' | 'pdsa';
}

/** The effects of a strategy: the given ones, and each PDSA study's Hedges' g signed so positive is as predicted. */
function effectsOf(evidence: Evidence): Effect[] {
  // Built field by field: a spread of parsed objects is many times slower.
  const effects: Effect[] = evidence.effects.map((effect) => ({
    measure: effect.measure,
    estimate: effect.estimate,
    interval: effect.interval,
    from: 'effect' as const,
  }));
  for (const study of evidence.pdsa) {
    const sign = study.predictedChange < 0 ? -1 : 1;
    const g = study.effectSize.hedgesG ?? study.effectSize.estimate;
    const interval = study.effectSize.confidenceInterval;
    effects.push({
      measure: study.measure,
      estimate: g === null ? null : sign * g + 0,
      interval: interval === null ? null : sign > 0 ? [interval[0], interval[1]] : [-interval[1] + 0, -interval[0] + 0],
      from: 'pdsa',
    });
  }
  return effects;
}

export interface StrategyFindings {
  readonly verdicts: StrategyVerdict[];
  readonly broken: Reason[];
  readonly missing: string[];
}

const CHANGE_KIND = { keep: 'kept', revise: 'revised', pause: 'paused', remove: 'removed' } as const;

export function decideStrategies(
  input: ParsedPitStopInput,
  leftBehind: LeftBehindAnswer,
  comparison: RoadblockShifts | null,
  suggestions: StrategySuggestions<string> | null,
  policy: PitStopPolicy,
): StrategyFindings {
  const set = input.strategySet;
  const broken: Reason[] = [];
  const missing: string[] = [];
  if (set === undefined) return { verdicts: [], broken, missing: ['strategySet'] };
  const asOfDay = dayOf(input.asOf);
  const evidenceById = new Map(input.strategyEvidence.map((entry) => [entry.strategyId, entry]));
  const open = set.entries.filter((entry) => entry.status === 'planned' || entry.status === 'active');
  const behindGroups = leftBehind.focalGroups.filter((group) => group.behind).map((group) => group.id);
  const aimed = (entry: StrategySetEntry, group: string) => entry.theoryOfAction.forWhom.includes(group);
  const newRoadblocks = comparison === null ? [] : [...comparison.becameRoadblocks, ...comparison.worsenedRoadblocks];
  const since = comparison?.previousReviewedOn ?? null;
  const reviewedOn = comparison?.currentReviewedOn ?? null;
  const answering = new Map<string, Set<string>>();
  for (const suggestion of suggestions?.suggestions ?? []) {
    for (const answer of suggestion.answers) {
      if (answer.as !== 'roadblock') continue;
      const set = answering.get(answer.factorId) ?? new Set<string>();
      set.add(suggestion.id);
      answering.set(answer.factorId, set);
    }
  }

  const verdicts = open.map((entry): StrategyVerdict => {
    const id = entry.strategyId;
    const keep: Reason[] = [];
    const revise: Reason[] = [];
    const pause: Reason[] = [];
    const remove: Reason[] = [];
    const wait: Reason[] = [];
    let informed = false;

    // Steps past their date.
    for (const step of entry.steps) {
      if (step.doneOn !== undefined || step.when === undefined) continue;
      const late = asOfDay - dayOf(step.when);
      if (late > policy.overdueAfterDays) {
        const evidence = { strategy: id, step: step.what, when: step.when, daysLate: late };
        broken.push(reason('pitstop/step-overdue', evidence));
        revise.push(
          reason('pitstop/fix-broken-strategy', {
            strategy: id,
            step: step.what,
            when: step.when,
            daysLate: late,
            problem: 'step-overdue',
          }),
        );
      }
    }
    // Effects with intervals (given, or from PDSA studies).
    const evidence = evidenceById.get(id);
    let contributes = false;
    if (evidence !== undefined) {
      for (const effect of effectsOf(evidence)) {
        informed = true;
        const lower = effect.interval === null ? null : effect.interval[0];
        const upper = effect.interval === null ? null : effect.interval[1];
        const shown = {
          strategy: id,
          measure: effect.measure,
          from: effect.from,
          estimate: effect.estimate,
          lower,
          upper,
          minUsefulEffect: policy.minUsefulEffect,
        };
        if (upper !== null && upper < policy.minUsefulEffect) {
          broken.push(reason('pitstop/no-contribution', shown));
          remove.push(reason('pitstop/excludes-useful-effect', shown));
        } else if (lower !== null && lower > 0) {
          contributes = true;
          keep.push(reason('pitstop/contributes', shown));
        } else wait.push(reason('pitstop/inconclusive-evidence', shown));
      }
      for (const study of evidence.pdsa) {
        if (study.direction !== 'opposite') continue;
        const shown = {
          strategy: id,
          cycle: study.cycleId,
          measure: study.measure,
          predictedChange: study.predictedChange,
          observedChange: study.observedChange,
        };
        broken.push(reason('pitstop/pdsa-wrong-direction', shown));
        revise.push(reason('pitstop/fix-broken-strategy', { ...shown, problem: 'pdsa-wrong-direction' }));
      }
      for (const chart of evidence.runCharts) {
        informed = true;
        const found = chartReasons(chart, id);
        if (found.good.length > 0) contributes = true;
        keep.push(...found.good);
        wait.push(...found.open);
        for (const bad of found.bad) {
          broken.push(bad);
          revise.push(
            reason('pitstop/fix-broken-strategy', { ...bad.evidence, problem: bad.rule.slice('pitstop/'.length) }),
          );
        }
      }
    }
    if (!informed) missing.push(`strategyEvidence:${id}`);
    // Partners: acceptable and affordable for every one of them.
    for (const partner of input.partners ?? []) {
      const judgement = partner.judgements.find((candidate) => candidate.strategyId === id);
      if (judgement === undefined) continue;
      informed = true;
      const who = { strategy: id, partner: partner.partnerId, role: partner.role ?? null, why: judgement.why ?? null };
      if (judgement.acceptable === false) {
        if (contributes) revise.push(reason('pitstop/unacceptable-but-contributing', who));
        else remove.push(reason('pitstop/unacceptable-to-partner', who));
      }
      if (judgement.affordable === false) pause.push(reason('pitstop/unaffordable-for-partner', who));
    }
    // A focal group left behind: revise the strategies aimed at it (all of them when none is).
    for (const group of behindGroups) {
      const anyAimed = open.some((candidate) => aimed(candidate, group));
      if (!anyAimed || aimed(entry, group)) {
        revise.push(
          reason('pitstop/aim-at-left-behind-group', { strategy: id, group, aimedAtGroup: aimed(entry, group) }),
        );
      }
    }
    // Conditions changed: a new or worse roadblock the strategy does not answer.
    for (const factor of newRoadblocks) {
      if (answering.get(factor)?.has(id) === true) continue;
      revise.push(
        reason('pitstop/conditions-changed', {
          strategy: id,
          factor,
          since,
          reviewedOn,
        }),
      );
    }

    let decision: StrategyVerdict['decision'];
    if (remove.length > 0) decision = decide('remove', remove, policy);
    else if (pause.length > 0) decision = decide('pause', pause, policy);
    else if (revise.length > 0) decision = decide('revise', revise, policy);
    else if (keep.length > 0) decision = decide('keep', keep, policy);
    else {
      const reasons = wait.length > 0 ? wait : [reason('pitstop/no-strategy-evidence', { strategy: id })];
      decision = decide<'keep' | 'revise' | 'pause' | 'remove', PitStopRule, PitStopPolicy>(
        'undetermined',
        reasons,
        policy,
      );
    }
    const action = decision.action;
    const change =
      action === 'undetermined'
        ? null
        : {
            on: input.asOf,
            kind: CHANGE_KIND[action],
            why: decision.reasons.map((entry) => entry.rule.slice('pitstop/'.length)).join('; '),
          };
    return { id, status: entry.status, decision, change };
  });
  return { verdicts, broken, missing };
}

export function answerBroken(
  input: ParsedPitStopInput,
  findings: StrategyFindings,
  policy: PitStopPolicy,
): BrokenAnswer {
  const reasons = [...findings.broken];
  const missing = [...findings.missing];
  const spread = input.superficialSpread;
  if (spread === undefined) missing.push('superficialSpread');
  else if (spread.decision.action === 'superficial-spread') {
    reasons.push(reason('pitstop/superficial-spread', { flaggedIntervals: spread.flaggedCount }));
  } else if (spread.decision.action === 'undetermined') missing.push('superficialSpread');
  let decision: BrokenAnswer['decision'];
  if (reasons.length > 0) decision = decide('broken', reasons, policy);
  else if (missing.length > 0) {
    decision = decide<'broken' | 'not-broken', PitStopRule, PitStopPolicy>(
      'undetermined',
      [reason('pitstop/broken-unchecked', { missing: missing.join(', ') })],
      policy,
    );
  } else {
    decision = decide(
      'not-broken',
      [reason('pitstop/nothing-broken', { strategies: findings.verdicts.length })],
      policy,
    );
  }
  return { decision, missing };
}
