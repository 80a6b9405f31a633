import { invalid } from '../_lib/errors.js';
import type { Note } from '../_lib/notes.js';
import { readOptions, requireDenseArray } from '../_lib/strict.js';
import { requireArray, requireUniqueId } from '../_lib/validate.js';
import type { StrategyId } from '../framework/strategies.js';
import { decideFromStudy, type PdsaDecision } from './decidePdsa.js';
import { type PdsaAction, type PdsaCycle, type PdsaCycleInput, parseCycleAt } from './PdsaCycle.js';
import { type PdsaPolicy, resolvePdsaPolicy } from './pdsaPolicy.js';
import { PDSA_OPTION_KEYS, studyParsedPdsa } from './studyPdsa.js';

/** The most cycles one series takes. */
const MAX_PDSA_CYCLES = 100_000;

/**
 * The parts of a plan {@link pdsaSeries} compares between consecutive cycles.
 *
 * @category PDSA cycles
 * @example
 * ```ts
 * import { PDSA_PLAN_FIELDS } from 'scaling-navigator/learning';
 * PDSA_PLAN_FIELDS //=> ['change', 'measure', 'instrument', 'prediction', 'sample-unit', 'sample-size', 'design']
 * ```
 */
export const PDSA_PLAN_FIELDS = /* @__PURE__ */ Object.freeze([
  'change',
  'measure',
  'instrument',
  'prediction',
  'sample-unit',
  'sample-size',
  'design',
] as const);

/**
 * One of {@link PDSA_PLAN_FIELDS}.
 *
 * @category PDSA cycles
 */
export type PdsaPlanField = (typeof PDSA_PLAN_FIELDS)[number];

/**
 * One cycle in a {@link PdsaSeriesReport}.
 *
 * @category PDSA cycles
 */
export interface PdsaSeriesCycle {
  readonly id: string;
  /** Position in the series, from 0. */
  readonly index: number;
  /** `plan.plannedOn`, else the first observation's date, else `null`. */
  readonly startedOn: string | null;
  /** The change tested. */
  readonly change: string;
  /** The plan's sample unit and size. */
  readonly sampleUnit: string;
  readonly samplePlanned: number;
  /** Units actually tested (after or treatment). */
  readonly unitsTested: number;
  /** `samplePlanned` over the previous cycle's; `null` for the first cycle. */
  readonly sampleGrowth: number | null;
  /** What the plan changed from the previous cycle's (empty for the first). */
  readonly changedFromPrevious: readonly PdsaPlanField[];
  readonly predictedChange: number;
  readonly observedChange: number | null;
  readonly attainment: number | null;
  /** Whether the prediction held, read off `decision` (as {@link decidePdsa} reports it). */
  readonly predictionHeld: boolean | null;
  /** What {@link decidePdsa} decides for the cycle's data, explained. */
  readonly decision: PdsaDecision;
  /** The act the team recorded, or `null`. */
  readonly recorded: PdsaAction | null;
  /** Whether the recorded act is `decision.action`; `null` when either is missing or undetermined. */
  readonly followedRecommendation: boolean | null;
}

/**
 * The result of {@link pdsaSeries}.
 *
 * @category PDSA cycles
 */
export interface PdsaSeriesReport {
  /** The strategy every cycle tests; `null` for an empty series. */
  readonly strategyId: StrategyId | null;
  /** The cycles in the order given. */
  readonly cycles: readonly PdsaSeriesCycle[];
  /** Last cycle's planned sample over the first's; `null` with fewer than two cycles. */
  readonly sampleGrowth: number | null;
  /** Cycles whose prediction held, and cycles where it could be judged. */
  readonly predictionsHeld: number;
  readonly predictionsJudged: number;
  /** The latest cycle's `decision.action`; `null` for an empty series. */
  readonly latestAction: PdsaAction | 'undetermined' | null;
  /** Nothing to add at the series level today; empty (each cycle's study has its own notes). */
  readonly notes: readonly Note[];
  /** The effective policy. */
  readonly policy: PdsaPolicy;
}

/**
 * Options for {@link pdsaSeries}.
 *
 * @category PDSA cycles
 */
export interface PdsaSeriesOptions {
  /** Overrides of {@link DEFAULT_PDSA_POLICY}, applied to every cycle. */
  readonly policy?: Partial<PdsaPolicy>;
}

function changedFields(previous: PdsaCycle, current: PdsaCycle): PdsaPlanField[] {
  const a = previous.plan;
  const b = current.plan;
  const changed: PdsaPlanField[] = [];
  if (a.change !== b.change) changed.push('change');
  if (a.measure !== b.measure) changed.push('measure');
  if (a.instrument !== b.instrument) changed.push('instrument');
  if (a.prediction.direction !== b.prediction.direction || a.prediction.amount !== b.prediction.amount) {
    changed.push('prediction');
  }
  if (a.sample.unit !== b.sample.unit) changed.push('sample-unit');
  if (a.sample.size !== b.sample.size) changed.push('sample-size');
  if (previous.do.design !== current.do.design) changed.push('design');
  return changed;
}

function startOf(cycle: PdsaCycle): string | null {
  if (cycle.plan.plannedOn !== undefined) return cycle.plan.plannedOn;
  let first: string | null = null;
  for (const observation of cycle.do.observations) {
    if (first === null || observation.date < first) first = observation.date;
  }
  return first;
}

/**
 * The ramp of PDSA cycles that test one strategy, in the order the team ran them: how the planned
 * sample grew, what each plan changed from the one before, where the predictions held, and what
 * each cycle's data recommend (by {@link decidePdsa}) beside what the team recorded.
 *
 * The Carnegie framework pictures cycles that move from a few users to more as predictions hold; the series
 * makes that ramp visible. O(m) over all observations.
 *
 * @category PDSA cycles
 * @throws ScalingNavigatorError `INVALID_INPUT` for a cycle that fails the {@link PdsaCycle} schema
 *   (path `['cycles', i, …]`), duplicate cycle ids, cycles of different strategies
 *   (`['cycles', i, 'plan', 'strategyId']`), cycles out of date order (`['cycles', i]`), or an
 *   invalid policy (`['options', 'policy', …]`), an unknown option (`['options', key]`) or a hole in
 *   `cycles` (`['cycles', i]`); `LIMIT_EXCEEDED` at `['cycles']` past 10⁵ cycles and at
 *   `['cycles', i, 'do', 'observations']` past 10⁷ observations in a cycle.
 * @example
 * ```ts
 * import { pdsaSeries } from 'scaling-navigator/learning';
 * const cycle = (id: string, size: number, date: string, before: number[], after: number[]) => ({
 *   id,
 *   plan: {
 *     change: 'Two visits to a demonstration classroom',
 *     strategyId: 'proof-point' as const,
 *     measure: 'Teacher-directed to student-directed learning (ratio of minutes)',
 *     prediction: { direction: 'decrease' as const, amount: 1 },
 *     instrument: 'Classroom observation protocol',
 *     sample: { unit: 'classroom', size },
 *   },
 *   do: {
 *     design: 'before-after' as const,
 *     observations: [
 *       ...before.map((value, i) => ({ unit: `room-${i}`, group: 'before' as const, date, value })),
 *       ...after.map((value, i) => ({ unit: `room-${i}`, group: 'after' as const, date, value })),
 *     ],
 *   },
 * });
 * const series = pdsaSeries([
 *   cycle('fall', 5, '2025-10-01', [3.2, 2.8, 3.5, 2.9, 3.1], [1.9, 1.8, 2.3, 1.7, 2.0]),
 *   cycle('winter', 10, '2026-01-15', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], [2.5, 2.4, 2.6, 2.5, 2.5, 2.4, 2.6, 2.5, 2.5, 2.5]),
 * ]);
 * series.cycles.map((entry) => [entry.id, entry.sampleGrowth, entry.decision.action])
 * //=> [['fall', null, 'expand'], ['winter', 2, 'revise']]
 * series.cycles[1].changedFromPrevious //=> ['sample-size']
 * [series.predictionsHeld, series.predictionsJudged] //=> [1, 2]
 * pdsaSeries([], { policy: {}, strict: true } as never) //=> throws INVALID_INPUT at ['options', 'strict']
 * ```
 */
export function pdsaSeries(cycles: readonly PdsaCycleInput[], options: PdsaSeriesOptions = {}): PdsaSeriesReport {
  const list = requireArray(cycles, ['cycles']);
  requireDenseArray(list, ['cycles'], MAX_PDSA_CYCLES);
  const settings = readOptions<PdsaSeriesOptions>(options, PDSA_OPTION_KEYS, ['options']);
  const resolved = resolvePdsaPolicy(settings.policy, ['options', 'policy']);
  const seen = new Set<string>();
  const parsed = list.map((input, index) => {
    const cycle = parseCycleAt(input, ['cycles', index]);
    requireUniqueId(seen, cycle.id, ['cycles', index, 'id'], 'cycle id');
    return cycle;
  });
  const strategyId = parsed[0]?.plan.strategyId ?? null;
  let previousStart: string | null = null;
  parsed.forEach((cycle, index) => {
    if (cycle.plan.strategyId !== strategyId) {
      invalid(
        ['cycles', index, 'plan', 'strategyId'],
        `a series follows one strategy ("${strategyId}"), got "${cycle.plan.strategyId}"`,
      );
    }
    const start = startOf(cycle);
    if (start !== null && previousStart !== null && start < previousStart) {
      invalid(
        ['cycles', index],
        `cycles out of order: this one starts on ${start}, before the previous (${previousStart})`,
      );
    }
    if (start !== null) previousStart = start;
  });

  const entries = parsed.map((cycle, index): PdsaSeriesCycle => {
    const study = studyParsedPdsa(cycle, resolved);
    const { decision, predictionHeld } = decideFromStudy(study, resolved);
    const previous = parsed[index - 1];
    const recorded = cycle.act?.decision ?? null;
    return {
      id: cycle.id,
      index,
      startedOn: startOf(cycle),
      change: cycle.plan.change,
      sampleUnit: cycle.plan.sample.unit,
      samplePlanned: cycle.plan.sample.size,
      unitsTested: study.tested.units,
      sampleGrowth: previous === undefined ? null : cycle.plan.sample.size / previous.plan.sample.size,
      changedFromPrevious: previous === undefined ? [] : changedFields(previous, cycle),
      predictedChange: study.predictedChange,
      observedChange: study.observedChange,
      attainment: study.attainment,
      predictionHeld,
      decision,
      recorded,
      followedRecommendation:
        recorded === null || decision.action === 'undetermined' ? null : recorded === decision.action,
    };
  });

  const first = parsed[0];
  const last = parsed.at(-1);
  return {
    strategyId,
    cycles: entries,
    sampleGrowth:
      first === undefined || last === undefined || parsed.length < 2
        ? null
        : last.plan.sample.size / first.plan.sample.size,
    predictionsHeld: entries.filter((entry) => entry.predictionHeld === true).length,
    predictionsJudged: entries.filter((entry) => entry.predictionHeld !== null).length,
    latestAction: entries.at(-1)?.decision.action ?? null,
    notes: [],
    policy: resolved,
  };
}
