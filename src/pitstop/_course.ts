/**
 * The first and third checklist questions: on course, and fuel.
 *
 * @internal
 * @module
 */
import { ScalingNavigatorError } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import { SCALE_DIMENSION_IDS } from '../framework/scaleDimensions.js';
import { evaluateReachTargetParsed } from '../reach/_targetCheck.js';
import type { ReachTargetEvaluation } from '../reach/evaluateReachTarget.js';
import { policyOfReadSummary, type ReachPolicy } from '../reach/reachPolicy.js';
import { addDays, dayOf } from './_days.js';
import type { ParsedPitStopInput } from './PitStopInput.js';
import type { BigPush, FuelAnswer, OnCourseAnswer, PitStopNoteCode, TargetStatus } from './PitStopReport.js';
import type { PitStopPolicy } from './pitStopPolicy.js';
import { PIT_STOP_RULES, type PitStopRule } from './pitStopRules.js';

export type Reason = DecisionReason<PitStopRule>;
export const reason = (rule: PitStopRule, evidence: Reason['evidence']): Reason =>
  ruleReason(PIT_STOP_RULES, rule, evidence);

/** The last day an ISO date can name (9999-12-31). */
const LAST_DAY = 2_932_896;

/** The reach target evaluations of the ticket, by index (`null` where the summary cannot check one). */
export function evaluateReachTargets(
  input: ParsedPitStopInput,
  notes: Note<PitStopNoteCode>[],
): readonly (ReachTargetEvaluation | null)[] {
  const summary = input.reach;
  if (summary === undefined) return input.tripTicket.destination.reach.map(() => null);
  // The summary was read (readStored, its policy included) and each target parsed with the ticket:
  // checked once, not per target. The policy is taken once, when the first target's checks reach it.
  const level = summary.unitLevels[summary.unitLevels.length - 1] ?? null;
  let policy: ReachPolicy | undefined;
  const resolvePolicy = () => {
    policy ??= policyOfReadSummary(summary.policy);
    return policy;
  };
  return input.tripTicket.destination.reach.map((target, index) => {
    try {
      return evaluateReachTargetParsed(summary, target, level, 10, resolvePolicy);
    } catch (error) {
      if (!(error instanceof ScalingNavigatorError)) throw error;
      notes.push(
        note(
          'REACH_TARGET_NOT_CHECKED',
          `the reach summary cannot check reach target ${index}: ${error.message}`,
          'onCourse',
        ),
      );
      return null;
    }
  });
}

export function answerOnCourse(
  input: ParsedPitStopInput,
  reachChecks: readonly (ReachTargetEvaluation | null)[],
  policy: PitStopPolicy,
  notes: Note<PitStopNoteCode>[],
): OnCourseAnswer {
  const ticket = input.tripTicket;
  const projections = new Map(input.projectedArrivals.map((entry) => [entry.target, entry]));
  const targets: TargetStatus[] = [];
  const withProjection = (status: Omit<TargetStatus, 'projectedOn' | 'metByArriveBy'>): TargetStatus => {
    const projection = projections.get(status.id);
    // Field by field (a spread here costs more than the rest of the target's check).
    return {
      id: status.id,
      kind: status.kind,
      target: status.target,
      value: status.value,
      met: status.met,
      shortfall: status.shortfall,
      projectedOn: projection?.date ?? null,
      metByArriveBy: projection?.metByArriveBy ?? null,
    };
  };
  for (const dimension of SCALE_DIMENSION_IDS) {
    const target = ticket.destination.dimensions[dimension];
    if (target === undefined) continue;
    const entry = input.scale?.dimensions.find((candidate) => candidate.dimension === dimension);
    const score = entry?.score ?? null;
    const tolerance = input.scale?.policy.tolerance ?? 0;
    targets.push(
      withProjection({
        id: `dimension:${dimension}`,
        kind: 'dimension',
        target,
        value: score,
        met: score === null ? null : score >= target - tolerance,
        shortfall: score === null ? null : Math.max(0, target - score),
      }),
    );
  }
  ticket.destination.reach.forEach((target, index) => {
    const check = reachChecks[index] ?? null;
    const rate = check?.overall.rate ?? null;
    targets.push(
      withProjection({
        id: `reach:${index}`,
        kind: 'reach',
        target: target.overall,
        value: rate,
        met: check === null ? null : check.met,
        shortfall: rate === null ? null : Math.max(0, target.overall - rate),
      }),
    );
  });
  for (const projection of input.projectedArrivals) {
    if (!targets.some((target) => target.id === projection.target)) {
      notes.push(
        note(
          'PROJECTION_UNKNOWN_TARGET',
          `a projected arrival names ${projection.target}, which is not a target of the trip ticket; it is left out`,
          'onCourse',
        ),
      );
    }
  }

  const late: Reason[] = [];
  const unknown: Reason[] = [];
  const onTime: Reason[] = [];
  const pastArriveBy = input.asOf > ticket.arriveBy;
  for (const target of targets) {
    const evidence = {
      target: target.id,
      share: target.target,
      value: target.value,
      shortfall: target.shortfall,
      arriveBy: ticket.arriveBy,
      projectedOn: target.projectedOn,
      metByArriveBy: target.metByArriveBy,
    };
    // Without the current value a projection alone decides nothing (removing evidence never decides more).
    if (target.met === true) continue;
    if (target.met === null) unknown.push(reason('pitstop/target-unmeasured', evidence));
    else if (pastArriveBy) late.push(reason('pitstop/past-arrive-by', { ...evidence, asOf: input.asOf }));
    else if (target.metByArriveBy === false) late.push(reason('pitstop/projected-late', evidence));
    else if (target.metByArriveBy === true) onTime.push(reason('pitstop/projected-on-time', evidence));
    else unknown.push(reason('pitstop/no-projection', evidence));
  }
  let decision: OnCourseAnswer['decision'];
  if (late.length > 0) decision = decide('off-course', late, policy);
  else if (unknown.length > 0)
    decision = decide<'on-course' | 'off-course', PitStopRule, PitStopPolicy>('undetermined', unknown, policy);
  else if (onTime.length > 0) decision = decide('on-course', onTime, policy);
  else {
    const met = targets.length;
    decision =
      met === 0
        ? decide<'on-course' | 'off-course', PitStopRule, PitStopPolicy>(
            'undetermined',
            [reason('pitstop/target-unmeasured', { targets: 0, arriveBy: ticket.arriveBy })],
            policy,
          )
        : decide(
            'on-course',
            [reason('pitstop/destination-reached', { targets: met, arriveBy: ticket.arriveBy })],
            policy,
          );
  }
  return { decision, arriveBy: ticket.arriveBy, targets };
}

export function answerFuel(
  input: ParsedPitStopInput,
  policy: PitStopPolicy,
  notes: Note<PitStopNoteCode>[],
): FuelAnswer {
  const resources = input.resources;
  const journeyEndsOn = input.journeyEndsOn ?? input.tripTicket.arriveBy;
  const missing: string[] = [];
  const low: Reason[] = [];
  const ok: Reason['evidence'][] = [];
  let runwayDays: number | null = null;
  let moneyRunsOutOn: string | null = null;
  const budget = resources?.budgetLeft;
  const burn = resources?.monthlyBurn;
  if (budget === undefined) missing.push('resources.budgetLeft');
  if (burn === undefined) missing.push('resources.monthlyBurn');
  if (budget !== undefined && burn !== undefined) {
    if (burn === 0) {
      notes.push(note('NO_BURN', 'the monthly burn is 0: at this rate the money does not run out', 'fuel'));
      ok.push({ budgetLeft: budget, monthlyBurn: 0 });
    } else {
      // budget × 365.25 / (burn × 12): exact for whole-dollar amounts; the other order when that overflows.
      const scaled = budget * 365.25;
      const days = Number.isFinite(scaled) ? scaled / (burn * 12) : budget / ((burn * 12) / 365.25);
      const outDay = dayOf(input.asOf) + Math.floor(days);
      if (Number.isFinite(days)) runwayDays = days + 0;
      if (!Number.isFinite(days) || outDay > LAST_DAY) {
        notes.push(note('RUNWAY_BEYOND_CALENDAR', 'the money lasts past the year 9999', 'fuel'));
        ok.push({ budgetLeft: budget, monthlyBurn: burn, runwayDays });
      } else {
        moneyRunsOutOn = addDays(input.asOf, Math.floor(days));
        const evidence = { budgetLeft: budget, monthlyBurn: burn, runwayDays, moneyRunsOutOn, journeyEndsOn };
        if (moneyRunsOutOn < journeyEndsOn) low.push(reason('pitstop/money-runs-out', evidence));
        else ok.push(evidence);
      }
    }
  }
  const hoursNeeded = resources?.hoursNeeded ?? null;
  let hoursAvailable: number | null = null;
  if (resources?.people !== undefined) {
    hoursAvailable = 0;
    for (const person of resources.people) hoursAvailable += person.hoursAvailable;
    if (!Number.isFinite(hoursAvailable)) hoursAvailable = Number.MAX_VALUE;
  } else missing.push('resources.people');
  if (hoursNeeded === null) missing.push('resources.hoursNeeded');
  if (hoursNeeded !== null && hoursAvailable !== null) {
    const evidence = { hoursNeeded, hoursAvailable };
    if (hoursNeeded > hoursAvailable) low.push(reason('pitstop/hours-short', evidence));
    else ok.push(evidence);
  }
  const bigPush: BigPush[] = [];
  for (const support of resources?.oneTimeSupports ?? []) {
    if (support.endsOn < input.tripTicket.arriveBy && (support.carriedBy === null || support.carriedBy.trim() === '')) {
      bigPush.push({ id: support.id, kind: support.kind, endsOn: support.endsOn });
      low.push(
        reason('pitstop/big-push', {
          support: support.id,
          kind: support.kind,
          endsOn: support.endsOn,
          arriveBy: input.tripTicket.arriveBy,
          carriedBy: null,
        }),
      );
    }
  }
  let decision: FuelAnswer['decision'];
  if (low.length > 0) decision = decide('fuel-low', low, policy);
  else if (missing.length > 0) {
    decision = decide<'fuel-low' | 'fuel-ok', PitStopRule, PitStopPolicy>(
      'undetermined',
      [reason('pitstop/fuel-unknown', { missing: missing.join(', ') })],
      policy,
    );
  } else {
    decision = decide(
      'fuel-ok',
      ok.map((evidence) => reason('pitstop/fuel-sufficient', evidence)),
      policy,
    );
  }
  return { decision, runwayDays, moneyRunsOutOn, journeyEndsOn, hoursNeeded, hoursAvailable, bigPush, missing };
}
