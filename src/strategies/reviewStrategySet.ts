import { isoDateToDay, requireIsoDate } from '../_lib/dates.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { requireArray } from '../_lib/validate.js';
import { requireDenseIfArray } from '../factors/_resultParts.js';
import { ruleReason } from '../framework/_rules.js';
import { FocalGroup } from '../framework/FocalGroup.js';
import { Measure, MeasureDefinition, type MeasureDefinitionInput, type MeasureInput } from '../framework/Measure.js';
import { STRATEGIES, STRATEGY_APPROACH_IDS, type StrategyId } from '../framework/strategies.js';
import { TripTicket, type TripTicketInput } from '../framework/TripTicket.js';
import { StrategySet, type StrategySetEntry, type StrategySetInput, type StrategyStatus } from './StrategySet.js';
import type {
  ApproachCoverage,
  StrategySetEntryReview,
  StrategySetNoteCode,
  StrategySetReview,
  StrategySetWarning,
} from './StrategySetReview.js';
import { type StrategySetPolicy, strategySetPolicyDefinition } from './strategySetPolicy.js';
import { STRATEGY_SET_RULES, type StrategySetRule } from './strategySetRules.js';

/**
 * Options for {@link reviewStrategySet}.
 *
 * @category Strategy set
 */
export interface ReviewStrategySetOptions {
  /** The ISO date to review the set as of (steps due before it and not done are overdue). */
  readonly asOf: string;
  /** The trip ticket: its focal groups, its arrival measures and its route are checked against the set. */
  readonly tripTicket?: TripTicketInput;
  /** Focal groups (in addition to the ticket's). */
  readonly focalGroups?: readonly FocalGroup[];
  /** Measures or planned measures (in addition to the ticket's arrival measures); `strategy` links them. */
  readonly measures?: readonly (MeasureInput | MeasureDefinitionInput)[];
  /** Overrides of {@link DEFAULT_STRATEGY_SET_POLICY}. */
  readonly policy?: Partial<StrategySetPolicy>;
}

const REVIEW_STRATEGY_SET_OPTION_KEYS = keysOf<ReviewStrategySetOptions>()(
  'asOf',
  'tripTicket',
  'focalGroups',
  'measures',
  'policy',
);

const IN_PLAY: ReadonlySet<StrategyStatus> = new Set(['planned', 'active']);

function strategyOf(id: StrategyId) {
  return STRATEGIES.find((strategy) => strategy.id === id) as (typeof STRATEGIES)[number];
}

function readMeasures(value: unknown): { id: string; strategy: StrategyId | undefined }[] {
  requireDenseIfArray(value, ['options', 'measures']);
  const list = requireArray(value, ['options', 'measures']);
  return list.map((entry, index) => {
    const path = ['options', 'measures', index];
    const hasValue = typeof entry === 'object' && entry !== null && 'value' in entry;
    const measure = hasValue ? parseOrThrow(Measure, entry, path) : parseOrThrow(MeasureDefinition, entry, path);
    return { id: measure.id, strategy: measure.strategy };
  });
}

/**
 * Reviews a strategy set as of a date and lists what a team can act on (Carnegie framework, Component 2 and
 * Tools #1, #3 and #5), each warning with the source passage behind it:
 *
 * - per planned or active strategy: a vague theory of action (fewer than `minTheorySteps` steps — the
 *   Carnegie framework's proof point "if they visit, it will spread"), no expected change, no conditions, no
 *   "for whom", no steps, steps without a lead or a date, steps overdue at `asOf` (not done more than
 *   `overdueAfterDays` after their date), no measure informing it (trip ticket arrival measures plus
 *   `options.measures`, linked by `strategy`);
 * - for the set: a focal group (from the trip ticket or `options.focalGroups`) that no strategy names
 *   in `forWhom`; every strategy in one approach; no planned or active strategy; a strategy of the
 *   ticket's route that the set does not carry out.
 *
 * Paused and removed strategies are listed but not checked. Strategies added after `asOf` are left out
 * with a note. O(s + m) for s steps and m measures. The inputs are not mutated.
 *
 * @category Strategy set
 * @param set - A {@link StrategySet}.
 * @param options - `asOf` (required), `tripTicket`, `focalGroups`, `measures`, `policy`.
 * @throws ScalingNavigatorError `INVALID_INPUT` for a set that fails the schema (unknown strategy id,
 *   duplicate strategy, steps or changes dated before the strategy was added, …), a missing or
 *   non-ISO `asOf`, an invalid trip ticket, focal group or measure, bad policy values, an unknown key
 *   in `options` or in any object it holds (at the key, with a suggestion; options are read once),
 *   and a hole in `focalGroups`, `measures` or the set's arrays (at its index).
 * @returns A sealed (deep-frozen) {@link StrategySetReview} with `schemaVersion: 1`; read a stored
 *   one back with {@link parseStrategySetReview}.
 * @example
 * ```ts
 * import { reviewStrategySet } from 'scaling-navigator/strategies';
 * const review = reviewStrategySet(
 *   {
 *     entries: [
 *       {
 *         strategyId: 'proof-point',
 *         theoryOfAction: { steps: ['visit-site'], expectedChange: 'Visitors run projects', conditions: 'Release time', forWhom: ['el'] },
 *         steps: [{ what: 'Visit the demonstration school', lead: 'maria', when: '2025-10-01' }],
 *         addedOn: '2025-09-01',
 *       },
 *     ],
 *   },
 *   { asOf: '2025-11-01', focalGroups: [{ id: 'el', label: 'English learners', definition: 'EL census' }], measures: [] },
 * );
 * review.warnings.map((warning) => [warning.rule, warning.action])
 * //=> [['strategies/vague-theory-of-action', 'revise'], ['strategies/step-overdue', 'revise'], ['strategies/no-measure', 'revise'], ['strategies/single-approach', 'add']]
 * review.strategies[0].stepsOverdue //=> 1
 * reviewStrategySet({ entries: [] }, { asOf: '2025-13-01' }) //=> throws INVALID_INPUT at ['options', 'asOf']
 * reviewStrategySet({ entries: [] }, { asOf: '2025-11-01', focalGroup: [] } as never) //=> throws INVALID_INPUT at ['options', 'focalGroup']
 * ```
 */
export function reviewStrategySet(set: StrategySetInput, options: ReviewStrategySetOptions): StrategySetReview {
  const parsed = parseOrThrow(StrategySet, set, ['set']);
  if (options === undefined) invalid(['options'], 'expected an options object with `asOf` (the review date)');
  const optionRecord = readOptions<ReviewStrategySetOptions>(options, REVIEW_STRATEGY_SET_OPTION_KEYS, ['options']);
  const asOfDay = requireIsoDate(optionRecord.asOf, ['options', 'asOf']);
  const asOf = optionRecord.asOf as string;
  const policy = strategySetPolicyDefinition.resolve(optionRecord.policy, ['options', 'policy']);
  const ticket =
    optionRecord.tripTicket === undefined
      ? undefined
      : parseOrThrow(TripTicket, optionRecord.tripTicket, ['options', 'tripTicket']);

  let focalGroupIds: string[] | null = null;
  if (ticket !== undefined || optionRecord.focalGroups !== undefined) {
    requireDenseIfArray(optionRecord.focalGroups, ['options', 'focalGroups']);
    const extra =
      optionRecord.focalGroups === undefined
        ? []
        : requireArray(optionRecord.focalGroups, ['options', 'focalGroups']).map(
            (group, index) => parseOrThrow(FocalGroup, group, ['options', 'focalGroups', index]).id,
          );
    focalGroupIds = [...new Set([...(ticket?.focalGroups.map((group) => group.id) ?? []), ...extra])];
  }
  let measures: { id: string; strategy: StrategyId | undefined }[] | null = null;
  if (ticket !== undefined || optionRecord.measures !== undefined) {
    measures = [
      ...(ticket?.arrival.measures.map((measure) => ({ id: measure.id, strategy: measure.strategy })) ?? []),
      ...(optionRecord.measures === undefined ? [] : readMeasures(optionRecord.measures)),
    ];
  }

  const notes: Note<StrategySetNoteCode>[] = [];
  if (focalGroupIds === null) {
    notes.push(
      note(
        'FOCAL_GROUPS_NOT_GIVEN',
        'pass the trip ticket or focal groups to check that every focal group is named by a strategy',
        'warnings',
      ),
    );
  }
  if (measures === null) {
    notes.push(
      note(
        'MEASURES_NOT_GIVEN',
        'pass the trip ticket or measures to check that a measure informs each strategy',
        'warnings',
      ),
    );
  }
  const entries = parsed.entries.filter((entry) => entry.addedOn <= asOf);
  if (entries.length < parsed.entries.length) {
    const later = parsed.entries.length - entries.length;
    const message = `${later} strateg${later === 1 ? 'y was' : 'ies were'} added after ${asOf} and ${later === 1 ? 'is' : 'are'} left out`;
    notes.push(note('ADDED_AFTER_AS_OF', message, 'strategies'));
  }

  const warnings: StrategySetWarning[] = [];
  const warn = (
    rule: StrategySetRule,
    strategyId: StrategyId | null,
    step: number | null,
    message: string,
    evidence: StrategySetWarning['evidence'],
  ) => {
    const { action } = STRATEGY_SET_RULES.find((entry) => entry.id === rule) as (typeof STRATEGY_SET_RULES)[number];
    warnings.push({ ...ruleReason(STRATEGY_SET_RULES, rule, evidence), action, strategyId, step, message });
  };

  const strategies: StrategySetEntryReview[] = entries.map((entry: StrategySetEntry) => {
    const id = entry.strategyId;
    const strategy = strategyOf(id);
    const before = warnings.length;
    const theory = entry.theoryOfAction;
    const checked = IN_PLAY.has(entry.status);
    let stepsOverdue = 0;
    let stepsDone = 0;
    const named = focalGroupIds === null ? null : theory.forWhom.filter((group) => focalGroupIds.includes(group));
    const informing = measures === null ? null : measures.filter((m) => m.strategy === id).map((m) => m.id);
    if (checked) {
      if (theory.steps.length < policy.minTheorySteps) {
        const catalogSteps = strategy.theoryOfAction.map((step) => step.id);
        const cited = theory.steps.filter((step) => (catalogSteps as readonly string[]).includes(step));
        const missing = catalogSteps.filter((step) => !theory.steps.includes(step));
        warn(
          'strategies/vague-theory-of-action',
          id,
          null,
          `the theory of action for ${id} names ${theory.steps.length} step${theory.steps.length === 1 ? '' : 's'} (fewer than ${policy.minTheorySteps}); say how exposure turns into practice — the typology's steps not yet named: ${missing.join(', ') || '(none)'}`,
          {
            steps: theory.steps.length,
            minTheorySteps: policy.minTheorySteps,
            catalogSteps: catalogSteps.length,
            catalogStepsNamed: cited.length,
          },
        );
      }
      if (theory.expectedChange.trim() === '') {
        warn(
          'strategies/no-expected-change',
          id,
          null,
          `the theory of action for ${id} does not say what change to expect`,
          {},
        );
      }
      if (theory.conditions.trim() === '') {
        warn(
          'strategies/no-conditions',
          id,
          null,
          `the theory of action for ${id} does not say under which conditions it holds`,
          {},
        );
      }
      if (theory.forWhom.length === 0) {
        warn(
          'strategies/no-for-whom',
          id,
          null,
          `the theory of action for ${id} does not say for whom it is meant`,
          {},
        );
      }
      if (entry.steps.length === 0) {
        warn('strategies/no-steps', id, null, `${id} has no concrete steps (what, when, with whom, who leads)`, {});
      }
    }
    entry.steps.forEach((step, index) => {
      const done = step.doneOn !== undefined && step.doneOn <= asOf;
      if (done) stepsDone += 1;
      const daysLate = step.when === undefined || done ? null : asOfDay - (isoDateToDay(step.when) as number);
      const overdue = daysLate !== null && daysLate > policy.overdueAfterDays;
      if (overdue) stepsOverdue += 1;
      if (!checked) return;
      if (step.lead === undefined) {
        warn('strategies/step-without-lead', id, index, `step ${index + 1} of ${id} ("${step.what}") has no lead`, {
          what: step.what,
        });
      }
      if (step.when === undefined) {
        warn('strategies/step-without-date', id, index, `step ${index + 1} of ${id} ("${step.what}") has no date`, {
          what: step.what,
        });
      }
      if (overdue) {
        warn(
          'strategies/step-overdue',
          id,
          index,
          `step ${index + 1} of ${id} ("${step.what}") was due ${step.when} and is not done (${daysLate} days late)`,
          { what: step.what, when: step.when ?? null, daysLate, lead: step.lead ?? null },
        );
      }
    });
    if (checked && informing !== null && informing.length === 0) {
      warn(
        'strategies/no-measure',
        id,
        null,
        `no measure informs ${id}; add one (set the measure's strategy to "${id}")`,
        {},
      );
    }
    return {
      id,
      approach: strategy.approach,
      status: entry.status,
      addedOn: entry.addedOn,
      steps: entry.steps.length,
      stepsDone,
      stepsOverdue,
      measures: informing,
      focalGroups: named,
      warnings: warnings.length - before,
    };
  });

  const inPlay = strategies.filter((entry) => IN_PLAY.has(entry.status));
  const approaches: ApproachCoverage[] = STRATEGY_APPROACH_IDS.map((approach) => ({
    id: approach,
    strategies: inPlay.filter((entry) => entry.approach === approach).map((entry) => entry.id),
  }));

  if (focalGroupIds !== null) {
    for (const group of focalGroupIds) {
      if (!inPlay.some((entry) => entry.focalGroups?.includes(group))) {
        warn(
          'strategies/focal-group-not-named',
          null,
          null,
          `no planned or active strategy names the focal group "${group}" in its theory of action's forWhom`,
          { focalGroup: group },
        );
      }
    }
  }
  const used = approaches.filter((approach) => approach.strategies.length > 0);
  if (used.length === 1) {
    const only = used[0] as ApproachCoverage;
    warn(
      'strategies/single-approach',
      null,
      null,
      `every planned or active strategy belongs to one approach (${only.id}); consider one from another approach`,
      { approach: only.id, strategies: only.strategies.length },
    );
  }
  if (inPlay.length === 0) {
    warn('strategies/no-active-strategies', null, null, 'no strategy in the set is planned or active', {
      strategies: strategies.length,
    });
  }
  if (ticket !== undefined) {
    for (const id of ticket.route) {
      const entry = strategies.find((candidate) => candidate.id === id);
      if (entry === undefined || !IN_PLAY.has(entry.status)) {
        warn(
          'strategies/route-strategy-missing',
          id,
          null,
          entry === undefined
            ? `the trip ticket's route names ${id}, which the strategy set does not hold`
            : `the trip ticket's route names ${id}, which is ${entry.status} in the strategy set`,
          { status: entry?.status ?? null },
        );
      }
    }
  }

  // Set-wide warnings come last; within strategies, in the set's order.
  return sealResult({ schemaVersion: 1, asOf, strategies, approaches, warnings, notes, policy }, 'strategy-set review');
}
