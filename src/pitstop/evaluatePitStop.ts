import type { Note } from '../_lib/notes.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { roadblockShifts } from '../factors/_roadblockShifts.js';
import { suggestParsed } from '../factors/_suggest.js';
import { type FactorReviewPolicy, resolveFactorReviewPolicy } from '../factors/factorReviewPolicy.js';
import type { StrategySuggestions } from '../factors/suggestStrategies.js';
import { decide } from '../framework/_rules.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { screenParsed } from '../strategies/_screen.js';
import { answerFuel, answerOnCourse, evaluateReachTargets, type Reason, reason } from './_course.js';
import { addDays } from './_days.js';
import { answerLeftBehind } from './_leftBehind.js';
import { answerBroken, decideStrategies } from './_strategies.js';
import { type ParsedPitStopInput, type PitStopInput, readPitStopInput } from './PitStopInput.js';
import type { AdditionVerdict, NextPitStop, PitStopNoteCode, PitStopReport } from './PitStopReport.js';
import { type PitStopPolicy, pitStopPolicyDefinition } from './pitStopPolicy.js';
import type { PitStopRule } from './pitStopRules.js';

/**
 * Options for {@link evaluatePitStop}.
 *
 * @category Pit stops
 */
export interface EvaluatePitStopOptions {
  /** Overrides of {@link DEFAULT_PIT_STOP_POLICY}. */
  readonly policy?: Partial<PitStopPolicy>;
}

const OPTION_KEYS = keysOf<EvaluatePitStopOptions>()('policy');

function additionsFor(
  input: ParsedPitStopInput,
  policy: PitStopPolicy,
  suggestions: StrategySuggestions<string> | null,
): AdditionVerdict[] {
  if (suggestions === null || policy.maxAdditions === 0) return [];
  const inSet = new Set(
    (input.strategySet?.entries ?? [])
      .filter((entry) => entry.status === 'planned' || entry.status === 'active')
      .map((entry) => entry.strategyId),
  );
  const candidates = suggestions.suggestions
    .filter((suggestion) => suggestion.score > 0 && !inSet.has(suggestion.id))
    .slice(0, policy.maxAdditions);
  if (candidates.length === 0) return [];
  // The partners were parsed with the input, and the candidates are distinct typology ids.
  const screening = screenParsed(
    candidates.map((candidate) => candidate.id),
    input.partners ?? [],
  );
  return candidates.map((candidate, index) => {
    const screened = screening.strategies[index] as (typeof screening.strategies)[number];
    const answers = candidate.answers.filter((answer) => answer.as !== 'support').map((answer) => answer.factorId);
    const evidence = {
      strategy: candidate.id,
      score: candidate.score,
      answers: answers.join(', '),
      blockedBy: screened.blockedBy.map((partner) => partner.id).join(', ') || null,
      awaiting: screened.awaiting.join(', ') || null,
    };
    const action = screened.decision.action;
    const decision =
      action === 'pass'
        ? decide('add', [reason('pitstop/addition-passes-screening', evidence)], policy)
        : action === 'fail'
          ? decide('do-not-add', [reason('pitstop/addition-fails-screening', evidence)], policy)
          : decide<'add' | 'do-not-add', PitStopRule, PitStopPolicy>(
              'undetermined',
              [reason('pitstop/addition-awaiting-partners', evidence)],
              policy,
            );
    return {
      id: candidate.id,
      score: candidate.score,
      answers,
      screening: action,
      blockedBy: screened.blockedBy.map((partner) => partner.id),
      awaiting: [...screened.awaiting],
      decision,
    };
  });
}

function nextStop(input: ParsedPitStopInput, policy: PitStopPolicy): NextPitStop {
  const latest = addDays(input.asOf, policy.maxDaysBetweenStops);
  const planned = input.tripTicket.pitStops.find((stop) => stop.date > input.asOf);
  if (planned !== undefined && planned.date <= latest) return { date: planned.date, planned: true, why: planned.why };
  return { date: latest, planned: false, why: null };
}

/**
 * Answers the pit-stop checklist from data (Carnegie framework, Figure 2 and Navigator Tool #2)
 * and decides, strategy by strategy, what to keep, revise, pause or remove, what to add, and
 * whether to stay the course, adjust the route or recalibrate the destination.
 *
 * - **On course**: each dimension target against the scale assessment and each reach target
 *   (`evaluateReachTarget` on the reach summary); a target not met needs a projected arrival
 *   (`projectedArrivals`): on or before `arriveBy` is on course, later is off course, none is
 *   undetermined.
 * - **Broken**: effects whose interval excludes the policy's `minUsefulEffect`, overdue steps,
 *   superficial spread, a run chart signalling on the worse side, a worsening balancing measure, a
 *   PDSA change opposite to its prediction.
 * - **Fuel**: runway in days = budget ÷ (monthly burn × 12 / 365.25); the money runs out on `asOf`
 *   + ⌊runway⌋ UTC calendar days, against the journey's end; hours needed against the people's
 *   hours; the "big push" warning (research summary on scaling up) for one-time money or a
 *   one-off event ending before `arriveBy` with nothing named to carry the work.
 * - **Left behind**: focal groups short of the target while everyone else meets it, trailing the
 *   rest by more than `maxReachGap`, or gaining less than the rest by more than `maxPaceGap`;
 *   roles absent from every decision (`decidedBy`); promised voices no one on the team carries.
 * - **Per strategy**: remove only when an effect interval lies wholly below `minUsefulEffect` or a
 *   partner finds it unacceptable (revise instead when its data show a contribution); pause when a
 *   partner cannot afford it; revise what is broken, strategies aimed at a group left behind, and
 *   strategies that do not answer a roadblock new since the previous factor review; keep with a
 *   shown contribution; otherwise undetermined (inconclusive data ask for more data, never removal).
 * - **Additions**: the factor review's suggestions for roadblocks (`suggestStrategies`) not in the
 *   set, the strongest `maxAdditions`, each screened for every partner (`screenStrategies`).
 * - **Route**: `recalibrate-destination` when a target misses `arriveBy` and low fuel or a roadblock
 *   no strategy answers rules out catching up; `adjust-route` when a strategy changes or is added
 *   (or the team is off course); `stay-the-course` when on course with nothing changed; else
 *   undetermined.
 *
 * Every missing part makes the answer that needs it `'undetermined'` with a reason naming it.
 * Same input, same report. O(s·e + g + f) for s strategies with e pieces of evidence, g focal
 * groups and f factors; the input is not mutated.
 *
 * @category Pit stops
 * @param input - The pit-stop evidence ({@link PitStopInput}); results this library made pass as they are.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a malformed input (at its path), an unknown
 * option or a policy out of range; `INCOMPATIBLE` for a stored result of a newer version.
 * @returns A sealed (deep-frozen) {@link PitStopReport}.
 * @example
 * ```ts
 * import { evaluatePitStop } from 'scaling-navigator/pitstop';
 * const tripTicket = {
 *   title: 'PBL for all', equityDefinition: 'Every student', scalingForEquityDefinition: 'Most students, focal first',
 *   focalGroups: [], destination: {}, arriveBy: '2027-06-30', route: ['proof-point'],
 *   arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
 * };
 * const report = evaluatePitStop({
 *   asOf: '2026-01-20', tripTicket,
 *   resources: { budgetLeft: 100000, monthlyBurn: 10000, people: [{ id: 'coach', hoursAvailable: 200 }], hoursNeeded: 120 },
 * });
 * report.fuel.decision.action //=> 'fuel-low'
 * report.fuel.moneyRunsOutOn //=> '2026-11-20'
 * report.broken.decision.action //=> 'undetermined'
 * report.nextPitStop //=> { date: '2026-04-20', planned: false, why: null }
 * evaluatePitStop({ asOf: '2026-01-20', tripTicket, fuel: 'low' } as never) //=> throws INVALID_INPUT at ['input', 'fuel']
 * ```
 */
export function evaluatePitStop(input: PitStopInput, options: EvaluatePitStopOptions = {}): PitStopReport {
  const given = readOptions<EvaluatePitStopOptions>(options, OPTION_KEYS, ['options']);
  const policy = pitStopPolicyDefinition.resolve(given.policy, ['options', 'policy']);
  const parsed = readPitStopInput(input, ['input']);
  return sealResult(evaluateParsed(parsed, policy), 'pit-stop report');
}

/** The default factor-review policy (suggestions and comparisons of the reviews), resolved on first use. */
let factorPolicy: FactorReviewPolicy | undefined;
const NO_STRATEGIES: ReadonlySet<string> = new Set();

/** The report of an input already read. @internal */
export function evaluateParsed(parsed: ParsedPitStopInput, policy: PitStopPolicy): PitStopReport {
  const notes: Note<PitStopNoteCode>[] = [];
  const reachChecks = evaluateReachTargets(parsed, notes);
  const onCourse = answerOnCourse(parsed, reachChecks, policy, notes);
  const fuel = answerFuel(parsed, policy, notes);
  const leftBehind = answerLeftBehind(parsed, reachChecks, policy);
  const review = parsed.factorReview;
  // The reviews were read with the input; the factor-review policy is the default one, resolved once.
  // Which suggestions the set already holds is worked out in additionsFor (planned or active only).
  factorPolicy ??= resolveFactorReviewPolicy(undefined, ['options', 'policy']);
  const suggestions = review === undefined ? null : suggestParsed(review, factorPolicy, undefined, NO_STRATEGIES);
  const comparison =
    review === undefined || parsed.previousFactorReview === undefined
      ? null
      : roadblockShifts(parsed.previousFactorReview, review, factorPolicy);
  const findings = decideStrategies(parsed, leftBehind, comparison, suggestions, policy);
  if (parsed.strategySet === undefined) {
    notes.push({
      code: 'NO_STRATEGY_SET',
      message: 'no strategy set was given, so no strategy is decided',
      field: 'strategies',
    });
  }
  const broken = answerBroken(parsed, findings, policy);
  const additions = additionsFor(parsed, policy, suggestions);

  const changes: Reason[] = [];
  for (const verdict of findings.verdicts) {
    const action = verdict.decision.action;
    if (action === 'revise' || action === 'pause' || action === 'remove') {
      changes.push(reason('pitstop/strategies-change', { strategy: verdict.id, action }));
    }
  }
  for (const addition of additions) {
    if (addition.decision.action === 'add')
      changes.push(reason('pitstop/strategies-change', { strategy: addition.id, action: 'add' }));
  }
  const offCourse = onCourse.decision.action === 'off-course';
  const unanswered = (suggestions?.unanswered ?? []).filter((factor) => factor.action === 'roadblock');
  let route: PitStopReport['route']['decision'];
  if (offCourse && (fuel.decision.action === 'fuel-low' || unanswered.length > 0)) {
    route = decide(
      'recalibrate-destination',
      [
        reason('pitstop/recalibrate-destination', {
          offCourse: true,
          fuelLow: fuel.decision.action === 'fuel-low',
          moneyRunsOutOn: fuel.moneyRunsOutOn,
          unansweredRoadblocks: unanswered.map((factor) => factor.id).join(', ') || null,
          arriveBy: parsed.tripTicket.arriveBy,
        }),
      ],
      policy,
    );
  } else if (changes.length > 0) route = decide('adjust-route', changes, policy);
  else if (offCourse) {
    route = decide(
      'adjust-route',
      [reason('pitstop/off-course-catch-up', { arriveBy: parsed.tripTicket.arriveBy })],
      policy,
    );
  } else if (onCourse.decision.action === 'on-course') {
    route = decide(
      'stay-the-course',
      [reason('pitstop/stay-the-course', { strategies: findings.verdicts.length })],
      policy,
    );
  } else {
    route = decide<'stay-the-course' | 'adjust-route' | 'recalibrate-destination', PitStopRule, PitStopPolicy>(
      'undetermined',
      [reason('pitstop/route-unknown', { onCourse: 'undetermined' })],
      policy,
    );
  }
  return {
    schemaVersion: 1,
    asOf: parsed.asOf,
    kind: parsed.kind,
    trigger: parsed.trigger ?? null,
    onCourse,
    broken,
    fuel,
    leftBehind,
    strategies: findings.verdicts,
    additions,
    route: { decision: route },
    nextPitStop: nextStop(parsed, policy),
    notes,
    policy,
    version: LIBRARY_VERSION,
  };
}
