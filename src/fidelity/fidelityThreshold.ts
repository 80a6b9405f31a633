import { invalid, limitExceeded } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { createRandom } from '../_lib/random.js';
import { sortOrder } from '../_lib/rank.js';
import { completeRows, readNanPolicy, type Series } from '../_lib/series.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { readConfidenceLevel, requireArray, requireNumber, requireOneOf, requireRecord } from '../_lib/validate.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import { cutDescriber } from './_describeCut.js';
import { divideByUnit, outcomeUnit } from './_finite.js';
import {
  type FidelityScale,
  MAX_SERIES_LENGTH,
  readFidelityScale,
  readFidelitySeries,
  readOutcomeSeries,
  requireLength,
} from './_readFidelity.js';
import { bootstrapCut, permutationExceedances } from './_thresholdResampling.js';
import type { FidelityThresholdResult, ThresholdCut, ThresholdNoteCode } from './_thresholdSchema.js';
import {
  best,
  binaryStatistics,
  continuousStatistics,
  defaultCandidates,
  type HingeFit,
  prepare,
  statisticOf,
} from './_thresholdStatistics.js';
import { type FidelityPolicy, resolveFidelityPolicy } from './fidelityPolicy.js';
import { THRESHOLD_RULES, type ThresholdRule } from './thresholdRules.js';

export {
  FidelityThresholdResult,
  parseFidelityThresholdResult,
  safeParseFidelityThresholdResult,
  type ThresholdCut,
  type ThresholdNoteCode,
} from './_thresholdSchema.js';

/**
 * The data of {@link fidelityThreshold}: one fidelity value and one outcome per observation.
 *
 * @category Fidelity
 */
export interface FidelityThresholdData {
  /** Fidelity of implementation, a proportion in [0, 1] (or on `options.fidelityScale`). */
  readonly fidelity: Series;
  /** The intended outcome: 0/1 or `true`/`false` (binary), or a score (continuous). */
  readonly outcome: Series | readonly (boolean | null | undefined)[];
}

/** The keys of {@link FidelityThresholdData}. */
const DATA_KEYS = keysOf<FidelityThresholdData>()('fidelity', 'outcome');

/** Keys callers pass believing the threshold adjusts for them: it does not, so they are refused. */
const DATA_HINTS = {
  baseline:
    'fidelityThreshold does not adjust for a baseline; use analyzeFidelityOutcome (its `partial` controls for one)',
  clusters:
    'fidelityThreshold does not adjust for clusters; use analyzeFidelityOutcome (its `clustering` adjusts the inference)',
};

/**
 * Options for {@link fidelityThreshold}.
 *
 * @category Fidelity
 */
export interface FidelityThresholdOptions {
  /** `'binary'` (0/1 outcomes) or `'continuous'`; default: binary when every outcome is 0 or 1. */
  readonly outcomeType?: 'binary' | 'continuous';
  /** Candidate cut-points in [0, 1] (rescaled); default the distinct observed fidelity values (the instrument's own scale points), or a 0.01 grid when there are more than 101. */
  readonly candidates?: readonly number[];
  /** Level of the bootstrap interval for the cut-point (default 0.95). */
  readonly confidenceLevel?: number;
  /** Seed of the permutation and bootstrap draws (default 1); echoed in the result. */
  readonly seed?: number;
  /** The instrument's scale, when fidelity is a rubric score (default `{ min: 0, max: 1 }`). */
  readonly fidelityScale?: FidelityScale;
  /** `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: 'raise' | 'omit';
  /** Overrides of {@link DEFAULT_FIDELITY_POLICY} (`minObservations`, `permutations`, `bootstrapDraws`, `alpha`, `tolerance`, `fixedGates`, `maxResampledObservations`). */
  readonly policy?: Partial<FidelityPolicy>;
}

/** The keys of {@link FidelityThresholdOptions}. */
const OPTION_KEYS = keysOf<FidelityThresholdOptions>()(
  'outcomeType',
  'candidates',
  'confidenceLevel',
  'seed',
  'fidelityScale',
  'nanPolicy',
  'policy',
);

/**
 * The fidelity level *associated with* the intended outcome in a district's own data — never a
 * requirement — with a test of whether any such level stands out from chance, an interval for it,
 * and the field's fixed gates (0.7, 0.8) evaluated on the same data. The research summary on scaling up asks users to know
 * "the minimum practice requirements for producing intended outcomes"; this shows what the data
 * can and cannot say about it.
 *
 * - Candidates: the instrument's own scale points (the distinct observed values) or a grid; a cut c
 *   splits fidelity < c from ≥ c, and is eligible when both sides hold `policy.minObservations`
 *   observations — so a level is always inside the data's range.
 * - Binary outcome: the cut maximizing Youden's J (sensitivity + specificity − 1, "positive" = at
 *   or above the cut), with sensitivity, specificity and Wilson intervals for the outcome rate below
 *   and above.
 * - Continuous outcome: a hinge regression y = b₀ + b₁f + b₂·max(f − c, 0) at every candidate by
 *   exact search (least squares, O(1) per candidate from running sums); the statistic is the share
 *   of the straight line's residual sum of squares the hinge removes (monotone in the F test); the
 *   slopes on each side are reported.
 * - Test: a permutation test of the *maximal* statistic over candidates (so searching many cuts
 *   is paid for): outcomes shuffled (binary), or residuals of the straight-line fit shuffled
 *   (Freedman & Lane 1983; continuous: the null is "a straight line, no threshold"); p = (1 + #{max*
 *   ≥ max − tolerance})/(B + 1).
 * - Interval: a percentile bootstrap of the chosen cut (pairs resampled; inverse-CDF percentiles),
 *   with how often the draws agree with the data's cut — a wide interval or low agreement says the
 *   level is unstable.
 *
 * The `decision` says whether a level stands out (rules in {@link THRESHOLD_RULES}); a constant
 * outcome or a data set without an eligible candidate is `undetermined`, each under its own rule
 * and with a note.
 *
 * Draws come from the seeded generator (`seed`, default 1; echoed). O((B₁ + B₂)(n + K)) for B
 * draws and K candidates after one O(n log n) sort.
 *
 * It does not adjust for a baseline or clusters: `data.baseline` and `data.clusters` are refused
 * (use {@link analyzeFidelityOutcome} for an adjusted analysis), as is any other unknown key of
 * `data`, `options` or `options.fidelityScale`. A yes/no outcome (`true` / `false`) is read as
 * 1 / 0 and makes the outcome binary. Resampling is bounded by `policy.maxResampledObservations`
 * (default 10⁸): `permutations × (n + K)` and `bootstrapDraws × (n + K)` may not exceed it. Every
 * output number is finite: outcomes near ±1e308 are measured in a power-of-two unit, and a hinge
 * slope no double can hold is `null` with a `NOT_REPRESENTABLE` note. The result is frozen and
 * carries `schemaVersion: 1`; {@link parseFidelityThresholdResult} validates a stored one.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling, unequal
 *   lengths, non-0/1 outcomes with `outcomeType: 'binary'` (or a yes/no outcome with
 *   `outcomeType: 'continuous'`), candidates outside [0, 1], a `minObservations` larger than half
 *   the complete pairs, a hole in an array (at its index), or an unknown key (with a suggestion);
 *   `LIMIT_EXCEEDED` for a series longer than 2³¹ − 1 (checked before anything is allocated), or
 *   draws past the work limit (at `['options', 'policy', 'permutations']` or
 *   `['options', 'policy', 'bootstrapDraws']`).
 * @example
 * ```ts
 * import { fidelityThreshold } from 'scaling-navigator/fidelity';
 * // 40 teachers at fidelity 0.1 … 1.0; students meet the goal from 0.7 up (planted).
 * const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
 * const metGoal = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
 * const result = fidelityThreshold({ fidelity, outcome: metGoal }, { seed: 7, policy: { permutations: 199, bootstrapDraws: 199 } });
 * result.associatedLevel?.cut //=> 0.7
 * result.decision.action //=> 'threshold-found'
 * result.decision.reasons[0].rule //=> 'fidelity/permutation-significant'
 * result.fixedGates.map((gate) => gate.cut) //=> [0.7, 0.8]
 * result.notes //=> []
 * // Every student met the goal: no level can go with a better outcome.
 * const everyone = fidelityThreshold({ fidelity, outcome: fidelity.map(() => 1) });
 * everyone.decision.reasons[0].rule //=> 'fidelity/constant-outcome'
 * everyone.notes.map((entry) => entry.field) //=> ['associatedLevel']
 * // Not an adjusted analysis: a baseline is refused, pointing to analyzeFidelityOutcome.
 * fidelityThreshold({ fidelity, outcome: metGoal, baseline: fidelity } as never) //=> throws INVALID_INPUT at ['data', 'baseline']
 * // Past the work limit, the option that drives the work is named.
 * fidelityThreshold({ fidelity, outcome: metGoal }, { policy: { maxResampledObservations: 1000 } }) //=> throws LIMIT_EXCEEDED at ['options', 'policy', 'permutations']
 * ```
 */
export function fidelityThreshold(
  data: FidelityThresholdData,
  options: FidelityThresholdOptions = {},
): FidelityThresholdResult {
  const record = requireRecord(data, ['data']);
  requireKnownKeys(record, DATA_KEYS, ['data'], DATA_HINTS);
  const { fidelity: fidelityInput, outcome: outcomeInput } = record;
  const settings = readOptions<FidelityThresholdOptions>(options, OPTION_KEYS, ['options']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const scale = readFidelityScale(settings.fidelityScale, ['options', 'fidelityScale']);
  const policy = resolveFidelityPolicy(settings.policy, ['options', 'policy']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const seed =
    settings.seed === undefined ? 1 : requireNumber(settings.seed, ['options', 'seed'], { min: 0, integer: true }) + 0; // −0 as 0
  const requestedType =
    settings.outcomeType === undefined
      ? undefined
      : requireOneOf(
          settings.outcomeType,
          ['binary', 'continuous'] as const,
          ['options', 'outcomeType'],
          'outcome type',
        );
  let candidatesInput: readonly unknown[] | undefined;
  if (settings.candidates !== undefined) {
    candidatesInput = requireArray(settings.candidates, ['options', 'candidates']);
    requireDenseArray(candidatesInput, ['options', 'candidates'], MAX_SERIES_LENGTH);
  }
  const fidelity = readFidelitySeries(fidelityInput, scale, nanPolicy, ['data', 'fidelity']);
  const outcome = readOutcomeSeries(outcomeInput, ['data', 'outcome']);
  const yesNo = outcome !== outcomeInput;
  requireLength(outcome, fidelity.length, ['data', 'outcome'], 'fidelity');
  const rows = completeRows(
    [fidelity, outcome],
    [
      ['data', 'fidelity'],
      ['data', 'outcome'],
    ],
    nanPolicy,
  );
  const n = rows.n;
  const rawF = rows.columns[0] as Float64Array;
  const rawY = rows.columns[1] as Float64Array;

  const allBinary = rawY.every((value) => value === 0 || value === 1);
  if (yesNo && requestedType === 'continuous') {
    invalid(['options', 'outcomeType'], "a yes/no (true/false) outcome is binary: drop outcomeType: 'continuous'");
  }
  const outcomeType = requestedType ?? (allBinary ? 'binary' : 'continuous');
  if (outcomeType === 'binary' && !allBinary) {
    const index = Array.from(rawY).findIndex((value) => value !== 0 && value !== 1);
    invalid(['data', 'outcome', index], 'a binary outcome is coded 0 or 1');
  }
  if (2 * policy.minObservations > n) {
    invalid(
      ['options', 'policy', 'minObservations'],
      `${policy.minObservations} on each side needs at least ${2 * policy.minObservations} complete pairs; there are ${n}`,
    );
  }

  // Canonical order: by fidelity, ties by outcome (two stable radix sorts), so the input order of
  // teachers never changes a draw.
  const byOutcome = sortOrder(rawY);
  const fByOutcome = Float64Array.from(byOutcome, (index) => rawF[index] as number);
  const byFidelity = sortOrder(fByOutcome);
  const f = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    const index = byOutcome[byFidelity[k] as number] as number;
    f[k] = rawF[index] as number;
    y[k] = rawY[index] as number;
  }
  // Outcomes so large (or small) that sums of squares would overflow (or underflow) are measured
  // in a power-of-two unit (exact); statistics are unit-free, means and slopes are scaled back.
  const unit = outcomeType === 'binary' ? 1 : outcomeUnit(y);
  divideByUnit(y, unit);
  let cuts: number[];
  if (candidatesInput === undefined) {
    cuts = defaultCandidates(f);
  } else {
    cuts = candidatesInput.map((value, index) => {
      const cut = requireNumber(value, ['options', 'candidates', index]);
      if (!(cut >= 0 && cut <= 1)) invalid(['options', 'candidates', index], `a cut-point lies in [0, 1], got ${cut}`);
      return cut + 0;
    });
    cuts = [...new Set(cuts)].sort((a, b) => a - b);
  }
  // The work limit: every draw visits the n pairs and the K candidates.
  for (const key of ['permutations', 'bootstrapDraws'] as const) {
    const work = policy[key] * (n + cuts.length);
    if (work > policy.maxResampledObservations) {
      limitExceeded(
        ['options', 'policy', key],
        `${policy[key]} draws × (${n} pairs + ${cuts.length} candidates) = ${work} resampled observations, past policy.maxResampledObservations (${policy.maxResampledObservations}); use fewer draws or raise the limit`,
      );
    }
  }
  const prepared = prepare(f, y, cuts, policy.minObservations);
  const compute = statisticOf(outcomeType);
  // Every candidate's statistic (and hinge fits), then the whole description of each.
  const statistics = (at: readonly number[]) => {
    const values = new Float64Array(at.length);
    const fits: HingeFit[] = [];
    const single = at === cuts ? prepared : prepare(f, y, at, policy.minObservations);
    if (outcomeType === 'binary') binaryStatistics(single, y, values);
    else continuousStatistics(single, y, values, fits);
    return { values, fits };
  };
  const describeCut = cutDescriber(f, y, outcomeType, policy.minObservations, unit);
  const observed = statistics(cuts);
  const bestIndex = best(observed.values, prepared.positions);
  const constant = y.every((value) => value === y[0]);
  const candidates = cuts.map((cut, c) => describeCut(cut, observed.values[c] as number, observed.fits[c]));

  // The permutation test of the maximal statistic, then the bootstrap of the cut (one generator).
  const random = createRandom(seed, ['options', 'seed']);
  const maxObserved = bestIndex < 0 ? null : (observed.values[bestIndex] as number);
  const pValue =
    maxObserved === null || constant
      ? null
      : (1 + permutationExceedances(prepared, compute, outcomeType, maxObserved, policy, random)) /
        (policy.permutations + 1);
  const pointCut = bestIndex < 0 || constant ? null : (cuts[bestIndex] as number);
  const interval =
    pointCut === null
      ? null
      : bootstrapCut(
          prepared,
          compute,
          pointCut,
          { draws: policy.bootstrapDraws, confidenceLevel, seed, minObservations: policy.minObservations },
          random,
        );

  const fixedGates = policy.fixedGates.map((gate) => {
    const single = statistics([gate]);
    return describeCut(gate, single.values[0] as number, single.fits[0]);
  });

  const notes: Note<ThresholdNoteCode>[] = [];
  let why: DecisionReason<ThresholdRule>;
  let action: 'threshold-found' | 'no-threshold-found' | 'undetermined';
  if (constant) {
    action = 'undetermined';
    why = ruleReason(THRESHOLD_RULES, 'fidelity/constant-outcome', { n, outcome: (y[0] as number) * unit });
    notes.push(
      note(
        'CONSTANT_OUTCOME',
        'every outcome is the same, so no level of fidelity goes with a better one',
        'associatedLevel',
      ),
    );
  } else if (pValue === null) {
    action = 'undetermined';
    why = ruleReason(THRESHOLD_RULES, 'fidelity/no-eligible-cut', {
      n,
      candidates: cuts.length,
      minObservations: policy.minObservations,
    });
    notes.push(
      note(
        'NO_ELIGIBLE_CUT',
        `no candidate level has ${policy.minObservations} observations with both outcomes compared on each side`,
        'associatedLevel',
      ),
    );
  } else if (pValue < policy.alpha) {
    action = 'threshold-found';
    why = ruleReason(THRESHOLD_RULES, 'fidelity/permutation-significant', {
      cut: cuts[bestIndex] as number,
      statistic: maxObserved,
      pValue,
      alpha: policy.alpha,
      permutations: policy.permutations,
    });
  } else {
    action = 'no-threshold-found';
    why = ruleReason(THRESHOLD_RULES, 'fidelity/permutation-not-significant', {
      statistic: maxObserved,
      pValue,
      alpha: policy.alpha,
      permutations: policy.permutations,
    });
  }

  if (describeCut.unrepresentable()) {
    notes.push(
      note(
        'NOT_REPRESENTABLE',
        'some hinge slopes or F statistics lie beyond the largest double (fidelity values almost equal under huge outcomes), so they are null',
        'candidates',
      ),
    );
  }

  return sealResult({
    schemaVersion: 1,
    outcomeType,
    n,
    nDropped: rows.nDropped,
    candidates,
    associatedLevel: pointCut === null ? null : (candidates[bestIndex] as ThresholdCut),
    test: {
      statistic: maxObserved,
      pValue,
      scheme: outcomeType === 'binary' ? 'permute-outcomes' : 'freedman-lane',
      permutations: policy.permutations,
      seed,
    },
    decision: decide(action, [why], policy),
    interval,
    fixedGates,
    notes,
    policy,
  });
}
