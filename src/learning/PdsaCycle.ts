import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type ErrorPath, ScalingNavigatorError } from '../_lib/errors.js';
import { parseOrThrow, type SafeParseResult } from '../_lib/parse.js';
import { requireDenseArray } from '../_lib/strict.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import { FactorId } from '../framework/factors.js';
import { StrategyId } from '../framework/strategies.js';

/**
 * How a PDSA test collects its data: the same units before and after the change (`'before-after'`),
 * or units that got the change against units that did not (`'comparison'`).
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_DESIGNS } from 'scaling-navigator/learning';
 * PDSA_DESIGNS //=> ['before-after', 'comparison']
 * ```
 */
export const PDSA_DESIGNS = /* @__PURE__ */ deepFreeze(['before-after', 'comparison'] as const);

/**
 * One of {@link PDSA_DESIGNS}.
 *
 * @category PDSA cycles
 */
export type PdsaDesign = (typeof PDSA_DESIGNS)[number];

/**
 * The group an observation belongs to: `before`/`after` in a before-after design,
 * `comparison`/`treatment` in a comparison design.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_GROUPS } from 'scaling-navigator/learning';
 * PDSA_GROUPS //=> ['before', 'after', 'comparison', 'treatment']
 * ```
 */
export const PDSA_GROUPS = /* @__PURE__ */ deepFreeze(['before', 'after', 'comparison', 'treatment'] as const);

/**
 * One of {@link PDSA_GROUPS}.
 *
 * @category PDSA cycles
 */
export type PdsaGroup = (typeof PDSA_GROUPS)[number];

/**
 * The three acts that close a cycle (Carnegie framework): drop the strategy, revise it, or try it with more
 * users. A decision can also be `'undetermined'`.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_ACTIONS } from 'scaling-navigator/learning';
 * PDSA_ACTIONS //=> ['abandon', 'revise', 'expand']
 * ```
 */
export const PDSA_ACTIONS = /* @__PURE__ */ deepFreeze(['abandon', 'revise', 'expand'] as const);

/**
 * One of {@link PDSA_ACTIONS}.
 *
 * @category PDSA cycles
 */
export type PdsaAction = (typeof PDSA_ACTIONS)[number];

/**
 * Which way the plan predicts the measure will move.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_PREDICTION_DIRECTIONS } from 'scaling-navigator/learning';
 * PDSA_PREDICTION_DIRECTIONS //=> ['increase', 'decrease']
 * ```
 */
export const PDSA_PREDICTION_DIRECTIONS = /* @__PURE__ */ deepFreeze(['increase', 'decrease'] as const);

const Text = z.string().check(z.minLength(1));

/**
 * The most observations one cycle holds, and the most factors its study lists; longer arrays are
 * refused (`LIMIT_EXCEEDED`) before anything is parsed.
 */
const MAX_PDSA_OBSERVATIONS = 10_000_000;
const MAX_STUDY_FACTORS = 1000;

/** An outcome: a finite number, or a yes/no (`true` is 1, `false` is 0) for a binary outcome; −0 is 0. */
const Outcome = /* @__PURE__ */ z.union([
  z.pipe(
    z.number(),
    z.transform((value: number) => (value === 0 ? 0 : value)),
  ),
  z.pipe(
    z.boolean(),
    z.transform((value: boolean) => (value ? 1 : 0)),
  ),
]);

const Observation = z.strictObject({
  /** The unit observed (a classroom, teacher, school…), the same id across its observations. */
  unit: Id,
  group: z.enum(PDSA_GROUPS),
  date: IsoDate,
  value: Outcome,
});

const BEFORE_AFTER: readonly string[] = ['before', 'after'];
const COMPARISON: readonly string[] = ['comparison', 'treatment'];

/**
 * Schema for a plan-do-study-act cycle (Carnegie framework, "Tracking Progress During the Scaling Journey: A
 * Learning System"): the team plans a test of a change, does it, studies the data against the
 * prediction, and acts.
 *
 * - `plan`: the change tested; the strategy of the typology it serves (`strategyId`); the measure;
 *   the predicted change as a direction and an amount in the measure's units (the change in the
 *   mean, tested minus reference); the instrument that measures it; the planned sample (unit and
 *   size); optionally the date planned.
 * - `do`: the design and the dated observations, one row per unit, group and occasion (several rows
 *   of one unit in one group are averaged when studied).
 * - `study` (optional): the team's reflection, with the influential factors it noticed.
 * - `act` (optional): the decision the team recorded.
 *
 * Cross-field rules: groups fit the design; in a comparison no unit is in both groups; in a
 * before-after test no unit has a `before` dated after one of its `after`s; `plannedOn` is not after
 * the first observation and `act.decidedOn` not before the last. Use {@link parsePdsaCycle} for a
 * `ScalingNavigatorError` with a path.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PdsaCycle } from 'scaling-navigator/learning';
 * const cycle = PdsaCycle.parse({
 *   id: 'demo-classroom-1',
 *   plan: {
 *     change: 'Two visits to a demonstration classroom',
 *     strategyId: 'proof-point',
 *     measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
 *     prediction: { direction: 'decrease', amount: 1 },
 *     instrument: 'Classroom observation protocol',
 *     sample: { unit: 'classroom', size: 1 },
 *   },
 *   do: {
 *     design: 'before-after',
 *     observations: [
 *       { unit: 'room-1', group: 'before', date: '2025-09-10', value: 3.2 },
 *       { unit: 'room-1', group: 'after', date: '2025-10-15', value: 2.1 },
 *     ],
 *   },
 * });
 * cycle.do.observations.length //=> 2
 * PdsaCycle.safeParse({ ...cycle, plan: { ...cycle.plan, strategyId: 'pilot' } }).success //=> false
 * ```
 */
export const PdsaCycle = z
  .strictObject({
    id: Id,
    plan: z.strictObject({
      change: Text,
      strategyId: StrategyId,
      measure: Text,
      prediction: z.strictObject({
        direction: z.enum(PDSA_PREDICTION_DIRECTIONS),
        amount: z.number().check(z.gt(0)),
      }),
      instrument: Text,
      sample: z.strictObject({
        unit: Text,
        size: z.int().check(z.gte(1)),
        description: z.optional(z.string()),
      }),
      plannedOn: z.optional(IsoDate),
    }),
    do: z.strictObject({
      design: z.enum(PDSA_DESIGNS),
      observations: z.array(Observation),
      notes: z.optional(z.string()),
    }),
    study: z.optional(
      z.strictObject({
        notes: z.optional(z.string()),
        factors: z.optional(z.array(FactorId)),
      }),
    ),
    act: z.optional(
      z.strictObject({
        decision: z.enum(PDSA_ACTIONS),
        decidedOn: z.optional(IsoDate),
        rationale: z.optional(z.string()),
      }),
    ),
  })
  .check(
    crossCheck((cycle, context) => {
      const issue = (path: (string | number)[], message: string) =>
        context.issues.push({ code: 'custom', input: cycle, path, message });
      const observations = cycle.do.observations;
      const allowed = cycle.do.design === 'before-after' ? BEFORE_AFTER : COMPARISON;
      const latestBefore = new Map<string, string>();
      const comparisonGroup = new Map<string, string>();
      let first: string | undefined;
      let last: string | undefined;
      observations.forEach((observation, index) => {
        if (!allowed.includes(observation.group)) {
          issue(
            ['do', 'observations', index, 'group'],
            `a ${cycle.do.design} design has the groups ${allowed.join(' and ')}, got "${observation.group}"`,
          );
        }
        if (first === undefined || observation.date < first) first = observation.date;
        if (last === undefined || observation.date > last) last = observation.date;
        if (observation.group === 'before') {
          const previous = latestBefore.get(observation.unit);
          if (previous === undefined || observation.date > previous)
            latestBefore.set(observation.unit, observation.date);
        }
        if (cycle.do.design === 'comparison') {
          const seen = comparisonGroup.get(observation.unit);
          if (seen !== undefined && seen !== observation.group) {
            issue(['do', 'observations', index, 'unit'], `unit "${observation.unit}" is in both groups`);
          }
          comparisonGroup.set(observation.unit, observation.group);
        }
      });
      observations.forEach((observation, index) => {
        const before = latestBefore.get(observation.unit);
        if (observation.group === 'after' && before !== undefined && observation.date < before) {
          issue(
            ['do', 'observations', index, 'date'],
            `dates out of order: unit "${observation.unit}" has a before observation on ${before}, after this after observation`,
          );
        }
      });
      if (cycle.plan.plannedOn !== undefined && first !== undefined && cycle.plan.plannedOn > first) {
        issue(['plan', 'plannedOn'], `dates out of order: planned after the first observation (${first})`);
      }
      if (cycle.act?.decidedOn !== undefined && last !== undefined && cycle.act.decidedOn < last) {
        issue(['act', 'decidedOn'], `dates out of order: decided before the last observation (${last})`);
      }
    }),
  );

/**
 * A PDSA cycle as the library holds it.
 *
 * @category PDSA cycles
 */
export type PdsaCycle = z.output<typeof PdsaCycle>;

/**
 * A PDSA cycle as a caller may write it.
 *
 * @category PDSA cycles
 */
export type PdsaCycleInput = z.input<typeof PdsaCycle>;

/**
 * Validates a PDSA cycle that arrived as JSON (see {@link PdsaCycle}).
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path under `['cycle']`
 *   (e.g. `['cycle', 'do', 'observations', 3, 'value']` for a NaN, `['cycle', 'plan', 'strategyId']`
 *   for a strategy outside the typology, `['cycle', 'plan', 'prediction', 'amout']` for an unknown
 *   key, `['cycle', 'do', 'observations', 2]` for a hole); `LIMIT_EXCEEDED` at
 *   `['cycle', 'do', 'observations']` past 10⁷ observations, or `['cycle', 'study', 'factors']` past
 *   1,000 factors. An observation's `value` may be a yes/no (`true` is 1, `false` is 0) for a
 *   binary outcome.
 * @example
 * ```ts
 * import { parsePdsaCycle } from 'scaling-navigator/learning';
 * parsePdsaCycle({ id: 'c1' }) //=> throws INVALID_INPUT at ['cycle', 'plan']
 * ```
 */
export function parsePdsaCycle(input: unknown): PdsaCycle {
  return parseCycleAt(input, ['cycle']);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Refuses, before the schema walks them, observation and factor lists that are too long
 * (`LIMIT_EXCEEDED`) or have holes (`INVALID_INPUT` at the index), then parses the cycle with its
 * errors under `path`. @internal
 */
export function parseCycleAt(input: unknown, path: ErrorPath): PdsaCycle {
  if (isRecord(input)) {
    const run = input.do;
    if (isRecord(run) && Array.isArray(run.observations)) {
      requireDenseArray(run.observations, [...path, 'do', 'observations'], MAX_PDSA_OBSERVATIONS);
    }
    const study = input.study;
    if (isRecord(study) && Array.isArray(study.factors)) {
      requireDenseArray(study.factors, [...path, 'study', 'factors'], MAX_STUDY_FACTORS);
    }
  }
  return parseOrThrow(PdsaCycle, input, path);
}

/**
 * Validates a PDSA cycle like {@link parsePdsaCycle}, but returns the error instead of throwing it.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { safeParsePdsaCycle } from 'scaling-navigator/learning';
 * const result = safeParsePdsaCycle({ id: 'c1' });
 * result.success //=> false
 * result.success ? null : result.error.code //=> 'INVALID_INPUT'
 * result.success ? null : result.error.path[0] //=> 'cycle'
 * ```
 */
export function safeParsePdsaCycle(input: unknown): SafeParseResult<PdsaCycle> {
  try {
    return { success: true, data: parseCycleAt(input, ['cycle']) };
  } catch (error) {
    if (error instanceof ScalingNavigatorError) return { success: false, error };
    throw error;
  }
}
