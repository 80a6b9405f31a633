import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import { StrategyId } from '../framework/strategies.js';

/**
 * Where a strategy stands in the set: `'planned'` (chosen, not started), `'active'`, `'paused'` (the
 * Carnegie framework: a team may pause a strategy when factors change) or `'removed'` (kept for the record).
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { STRATEGY_STATUSES } from 'scaling-navigator/strategies';
 * STRATEGY_STATUSES //=> ['planned', 'active', 'paused', 'removed']
 * ```
 */
export const STRATEGY_STATUSES = /* @__PURE__ */ deepFreeze(['planned', 'active', 'paused', 'removed'] as const);

/** One of {@link STRATEGY_STATUSES}. @category Strategy set */
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/**
 * What a pit stop decided about a strategy (Carnegie framework, Tool #3, "Revisiting and Revising the Strategy
 * Set": remove, keep or revise; plus pausing and resuming).
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { STRATEGY_CHANGE_KINDS } from 'scaling-navigator/strategies';
 * STRATEGY_CHANGE_KINDS //=> ['kept', 'revised', 'paused', 'resumed', 'removed']
 * ```
 */
export const STRATEGY_CHANGE_KINDS = /* @__PURE__ */ deepFreeze([
  'kept',
  'revised',
  'paused',
  'resumed',
  'removed',
] as const);

/**
 * Schema for one concrete step of a strategy (Carnegie framework, Tool #3 "Scaling Strategy Implementation":
 * what happens, with which team members, when, and who leads). `lead` and `when` may be left out
 * while planning — {@link reviewStrategySet} warns about them; `doneOn` marks it done.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { StrategySetStep } from 'scaling-navigator/strategies';
 * StrategySetStep.parse({ what: 'Write the observation protocol', lead: 'maria', when: '2025-10-15' }) //=> { what: 'Write the observation protocol', who: [], lead: 'maria', when: '2025-10-15' }
 * StrategySetStep.safeParse({ what: '' }).success //=> false
 * ```
 */
export const StrategySetStep = z.strictObject({
  /** What will happen. */
  what: z.string().check(z.minLength(1)),
  /** The team members (or partners) involved. */
  who: z._default(z.array(Id), []),
  /** Who leads the step. */
  lead: z.optional(Id),
  /** When it is due (ISO date). */
  when: z.optional(IsoDate),
  /** When it was done (ISO date). */
  doneOn: z.optional(IsoDate),
});
/** A step of a strategy. @category Strategy set */
export type StrategySetStep = z.output<typeof StrategySetStep>;

/**
 * Validates an untrusted step of a strategy (e.g. JSON from a form) against {@link StrategySetStep} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parseStrategySetStep } from 'scaling-navigator/strategies';
 * parseStrategySetStep({ what: 'Visit the demonstration school' }).who //=> []
 * parseStrategySetStep({ what: 'Visit', when: '2025-02-30' }) //=> throws INVALID_INPUT at ['when']
 * ```
 */
export const parseStrategySetStep: (input: unknown) => StrategySetStep =
  /* @__PURE__ */ schemaParsers(StrategySetStep).parse;

/**
 * Like {@link parseStrategySetStep}, but returns the error instead of throwing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { safeParseStrategySetStep } from 'scaling-navigator/strategies';
 * const result = safeParseStrategySetStep({ what: 'Visit', when: '2025-02-30' });
 * result.success ? null : result.error.path //=> ['when']
 * ```
 */
export const safeParseStrategySetStep: (input: unknown) => SafeParseResult<StrategySetStep> =
  /* @__PURE__ */ schemaParsers(StrategySetStep).safeParse;

/**
 * Schema for a strategy's theory of action (Carnegie framework, Component 2): the steps by which it is meant to
 * work, the change the team expects, the conditions it needs, and the people it is meant for (focal
 * group ids, e.g. `'el'`). Every field may start empty; {@link reviewStrategySet} says what is missing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { StrategyTheoryOfAction } from 'scaling-navigator/strategies';
 * StrategyTheoryOfAction.parse({ steps: ['visit-site'] }) //=> { steps: ['visit-site'], expectedChange: '', conditions: '', forWhom: [] }
 * ```
 */
export const StrategyTheoryOfAction = z.strictObject({
  /** The steps, in order; a catalog step id (e.g. `'observe-with-protocol'`) or the team's own words. */
  steps: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** What the team expects to change, and how it will see it. */
  expectedChange: z._default(z.string(), ''),
  /** Under which conditions the strategy should work. */
  conditions: z._default(z.string(), ''),
  /** Whom it is for: focal group ids from the trip ticket, or other groups. */
  forWhom: z._default(z.array(Id), []),
});
/** A strategy's theory of action. @category Strategy set */
export type StrategyTheoryOfAction = z.output<typeof StrategyTheoryOfAction>;

/**
 * Validates an untrusted theory of action (e.g. JSON from a form) against {@link StrategyTheoryOfAction} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parseStrategyTheoryOfAction } from 'scaling-navigator/strategies';
 * parseStrategyTheoryOfAction({ forWhom: ['el'] }).steps //=> []
 * parseStrategyTheoryOfAction({ steps: [''] }) //=> throws INVALID_INPUT at ['steps', 0]
 * ```
 */
export const parseStrategyTheoryOfAction: (input: unknown) => StrategyTheoryOfAction =
  /* @__PURE__ */ schemaParsers(StrategyTheoryOfAction).parse;

/**
 * Like {@link parseStrategyTheoryOfAction}, but returns the error instead of throwing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { safeParseStrategyTheoryOfAction } from 'scaling-navigator/strategies';
 * const result = safeParseStrategyTheoryOfAction({ steps: [''] });
 * result.success ? null : result.error.path //=> ['steps', 0]
 * ```
 */
export const safeParseStrategyTheoryOfAction: (input: unknown) => SafeParseResult<StrategyTheoryOfAction> =
  /* @__PURE__ */ schemaParsers(StrategyTheoryOfAction).safeParse;

/**
 * Schema for a recorded decision about a strategy at a pit stop: the date, the kind
 * ({@link STRATEGY_CHANGE_KINDS}) and why.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { StrategySetChange } from 'scaling-navigator/strategies';
 * StrategySetChange.parse({ on: '2026-01-20', kind: 'revised', why: 'Visits alone did not change practice' }).kind //=> 'revised'
 * StrategySetChange.safeParse({ on: '2026-01-20', kind: 'dropped', why: '' }).success //=> false
 * ```
 */
export const StrategySetChange = z.strictObject({
  on: IsoDate,
  kind: z.enum(STRATEGY_CHANGE_KINDS),
  why: z.string(),
});
/** A recorded decision about a strategy. @category Strategy set */
export type StrategySetChange = z.infer<typeof StrategySetChange>;

/**
 * Validates an untrusted recorded change of a strategy (e.g. JSON from a form) against {@link StrategySetChange} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parseStrategySetChange } from 'scaling-navigator/strategies';
 * parseStrategySetChange({ on: '2026-01-20', kind: 'paused', why: 'Budget freeze' }).kind //=> 'paused'
 * parseStrategySetChange({ on: '2026-01-20', kind: 'dropped', why: '' }) //=> throws INVALID_INPUT at ['kind']
 * ```
 */
export const parseStrategySetChange: (input: unknown) => StrategySetChange =
  /* @__PURE__ */ schemaParsers(StrategySetChange).parse;

/**
 * Like {@link parseStrategySetChange}, but returns the error instead of throwing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { safeParseStrategySetChange } from 'scaling-navigator/strategies';
 * const result = safeParseStrategySetChange({ on: '2026-01-20', kind: 'dropped', why: '' });
 * result.success ? null : result.error.path //=> ['kind']
 * ```
 */
export const safeParseStrategySetChange: (input: unknown) => SafeParseResult<StrategySetChange> =
  /* @__PURE__ */ schemaParsers(StrategySetChange).safeParse;

/**
 * Schema for one strategy in a team's strategy set (Carnegie framework, Component 2 and Tool #3): a strategy
 * of the typology, its theory of action, its steps, the partners it involves, its status, the date it
 * was added and the changes made to it since.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { StrategySetEntry } from 'scaling-navigator/strategies';
 * const entry = StrategySetEntry.parse({ strategyId: 'local-champions', theoryOfAction: {}, addedOn: '2025-09-01' });
 * [entry.status, entry.steps, entry.partners, entry.changes] //=> ['active', [], [], []]
 * StrategySetEntry.safeParse({ strategyId: 'champions', theoryOfAction: {}, addedOn: '2025-09-01' }).success //=> false
 * ```
 */
export const StrategySetEntry = z.strictObject({
  strategyId: StrategyId,
  theoryOfAction: StrategyTheoryOfAction,
  steps: z._default(z.array(StrategySetStep), []),
  /** Partner ids (organizations or groups) the strategy involves. */
  partners: z._default(z.array(Id), []),
  status: z._default(z.enum(STRATEGY_STATUSES), 'active'),
  addedOn: IsoDate,
  changes: z._default(z.array(StrategySetChange), []),
});
/** One strategy of a strategy set. @category Strategy set */
export type StrategySetEntry = z.output<typeof StrategySetEntry>;
/** One strategy of a strategy set, as a caller may write it. @category Strategy set */
export type StrategySetEntryInput = z.input<typeof StrategySetEntry>;

/**
 * Validates an untrusted strategy-set entry (e.g. JSON from a form) against {@link StrategySetEntry} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parseStrategySetEntry } from 'scaling-navigator/strategies';
 * parseStrategySetEntry({ strategyId: 'proof-point', theoryOfAction: {}, addedOn: '2025-09-01' }).status //=> 'active'
 * parseStrategySetEntry({ strategyId: 'champions', theoryOfAction: {}, addedOn: '2025-09-01' }) //=> throws INVALID_INPUT at ['strategyId']
 * ```
 */
export const parseStrategySetEntry: (input: unknown) => StrategySetEntry =
  /* @__PURE__ */ schemaParsers(StrategySetEntry).parse;

/**
 * Like {@link parseStrategySetEntry}, but returns the error instead of throwing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { safeParseStrategySetEntry } from 'scaling-navigator/strategies';
 * const result = safeParseStrategySetEntry({ strategyId: 'champions', theoryOfAction: {}, addedOn: '2025-09-01' });
 * result.success ? null : result.error.path //=> ['strategyId']
 * ```
 */
export const safeParseStrategySetEntry: (input: unknown) => SafeParseResult<StrategySetEntry> =
  /* @__PURE__ */ schemaParsers(StrategySetEntry).safeParse;

/**
 * Schema for a team's strategy set (Carnegie framework, Component 2; Navigator Tool #3, the strategy set
 * tracker). Cross-field rules: each strategy appears once; no step is due or done, and no change is
 * recorded, before the strategy was added; changes are in date order. Use {@link parseStrategySet}
 * for a `ScalingNavigatorError` with a path.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { StrategySet } from 'scaling-navigator/strategies';
 * const set = StrategySet.parse({
 *   title: 'Riverbend PBL',
 *   entries: [{ strategyId: 'proof-point', theoryOfAction: { forWhom: ['el'] }, addedOn: '2025-09-01' }],
 * });
 * set.entries[0].theoryOfAction.forWhom //=> ['el']
 * StrategySet.safeParse({ entries: [{ strategyId: 'proof-point', theoryOfAction: {}, addedOn: '2025-09-01', steps: [{ what: 'Visit', when: '2025-08-01' }] }] }).success //=> false
 * ```
 */
export const StrategySet = z
  .strictObject({
    id: z.optional(Id),
    title: z.optional(z.string()),
    entries: z.array(StrategySetEntry),
  })
  .check(
    crossCheck((set, context) => {
      const issue = (path: (string | number)[], message: string) =>
        context.issues.push({ code: 'custom', input: set, path, message });
      const seen = new Set<string>();
      set.entries.forEach((entry, index) => {
        if (seen.has(entry.strategyId)) {
          issue(
            ['entries', index, 'strategyId'],
            `strategy "${entry.strategyId}" appears twice; record a change on the existing entry instead`,
          );
        }
        seen.add(entry.strategyId);
        entry.steps.forEach((step, stepIndex) => {
          for (const key of ['when', 'doneOn'] as const) {
            const date = step[key];
            if (date !== undefined && date < entry.addedOn) {
              issue(
                ['entries', index, 'steps', stepIndex, key],
                `${date} is before the strategy was added (${entry.addedOn})`,
              );
            }
          }
        });
        entry.changes.forEach((change, changeIndex) => {
          if (change.on < entry.addedOn) {
            issue(
              ['entries', index, 'changes', changeIndex, 'on'],
              `${change.on} is before the strategy was added (${entry.addedOn})`,
            );
          }
          const previous = entry.changes[changeIndex - 1];
          if (previous !== undefined && change.on < previous.on) {
            issue(
              ['entries', index, 'changes', changeIndex, 'on'],
              `changes must be in date order; ${change.on} comes before ${previous.on}`,
            );
          }
        });
      });
    }),
  );
/** A strategy set as the library holds it (defaults applied). @category Strategy set */
export type StrategySet = z.output<typeof StrategySet>;
/** A strategy set as a caller may write it. @category Strategy set */
export type StrategySetInput = z.input<typeof StrategySet>;

/**
 * Validates an untrusted strategy set (e.g. JSON from a form) and returns it with defaults applied;
 * the input is not mutated.
 *
 * @category Strategy set
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path from the set.
 * @example
 * ```ts
 * import { parseStrategySet } from 'scaling-navigator/strategies';
 * parseStrategySet({ entries: [] }).entries //=> []
 * parseStrategySet({ entries: [{ strategyId: 'teleport', theoryOfAction: {}, addedOn: '2025-09-01' }] }) //=> throws INVALID_INPUT at ['entries', 0, 'strategyId']
 * ```
 */
export const parseStrategySet: (input: unknown) => StrategySet = /* @__PURE__ */ schemaParsers(StrategySet).parse;

/**
 * Like {@link parseStrategySet}, but returns the error instead of throwing.
 *
 * @category Strategy set
 * @example
 * ```ts
 * import { safeParseStrategySet } from 'scaling-navigator/strategies';
 * const result = safeParseStrategySet({ entries: [{ strategyId: 'teleport', theoryOfAction: {}, addedOn: '2025-09-01' }] });
 * result.success ? null : result.error.path //=> ['entries', 0, 'strategyId']
 * ```
 */
export const safeParseStrategySet: (input: unknown) => SafeParseResult<StrategySet> =
  /* @__PURE__ */ schemaParsers(StrategySet).safeParse;
