import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { createRandom } from '../_lib/random.js';
import { sortOrder } from '../_lib/rank.js';
import { completeRows, readNanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { readConfidenceLevel, requireArray, requireNumber, requireOneOf, requireRecord } from '../_lib/validate.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import type { ProportionResult } from '../stats/index.js';
import { cutDescriber } from './_describeCut.js';
import { type FidelityScale, readFidelityScale, readFidelitySeries, requireLength } from './_readFidelity.js';
import { bootstrapCut, permutationExceedances } from './_thresholdResampling.js';
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

/**
 * The data of {@link fidelityThreshold}: one fidelity value and one outcome per observation.
 *
 * @category Fidelity
 */
export interface FidelityThresholdData {
  /** Fidelity of implementation, a proportion in [0, 1] (or on `options.fidelityScale`). */
  readonly fidelity: Series;
  /** The intended outcome: 0/1 (binary) or a score (continuous). */
  readonly outcome: Series;
}

/**
 * Why part of a {@link fidelityThreshold} result is absent.
 *
 * - `CONSTANT_OUTCOME`: every outcome is the same, so there is no level, test or interval.
 * - `NO_ELIGIBLE_CUT`: no candidate has `policy.minObservations` observations on both sides.
 *
 * @category Fidelity
 */
export type ThresholdNoteCode = 'CONSTANT_OUTCOME' | 'NO_ELIGIBLE_CUT';

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
  /** Overrides of {@link DEFAULT_FIDELITY_POLICY} (`minObservations`, `permutations`, `bootstrapDraws`, `alpha`, `tolerance`, `fixedGates`). */
  readonly policy?: Partial<FidelityPolicy>;
}

/**
 * Outcomes on either side of one cut-point (below = fidelity < cut).
 *
 * @category Fidelity
 */
export interface ThresholdCut {
  readonly cut: number;
  readonly nBelow: number;
  readonly nAbove: number;
  /** Both sides have at least `policy.minObservations` observations. */
  readonly eligible: boolean;
  /** Youden's J (binary) or the share of the linear fit's residual sum of squares the hinge removes (continuous); `null` when not eligible. */
  readonly statistic: number | null;
  /** Binary outcomes: sensitivity, specificity and outcome rates below and above, with Wilson intervals. */
  readonly binary: {
    readonly sensitivity: number;
    readonly specificity: number;
    readonly rateBelow: ProportionResult;
    readonly rateAbove: ProportionResult;
  } | null;
  /** Continuous outcomes: hinge-regression slopes on each side, outcome means, and the F statistic against a straight line. */
  readonly continuous: {
    readonly slopeBelow: number | null;
    readonly slopeAbove: number | null;
    readonly meanBelow: number;
    readonly meanAbove: number;
    readonly f: number | null;
  } | null;
}

/**
 * The result of {@link fidelityThreshold}.
 *
 * @category Fidelity
 */
export interface FidelityThresholdResult {
  readonly outcomeType: 'binary' | 'continuous';
  /** Complete pairs used, and pairs dropped as missing. */
  readonly n: number;
  readonly nDropped: number;
  /** Every candidate, ascending. */
  readonly candidates: readonly ThresholdCut[];
  /** The fidelity level most strongly associated with the outcome (an association, never a requirement); `null` without an eligible candidate. */
  readonly associatedLevel: ThresholdCut | null;
  /** The permutation test of the maximal statistic over candidates. */
  readonly test: {
    readonly statistic: number | null;
    readonly pValue: number | null;
    /** `'permute-outcomes'` (binary) or `'freedman-lane'` (residuals of the straight-line fit, continuous). */
    readonly scheme: 'permute-outcomes' | 'freedman-lane';
    readonly permutations: number;
    readonly seed: number;
  };
  /** Whether a level stands out from chance, with the rule that decided it (see {@link THRESHOLD_RULES}). */
  readonly decision: Decision<'threshold-found' | 'no-threshold-found', ThresholdRule, FidelityPolicy>;
  /** Percentile bootstrap interval of the cut-point and how stable it is. */
  readonly interval: {
    readonly lower: number | null;
    readonly upper: number | null;
    readonly confidenceLevel: number;
    readonly draws: number;
    readonly seed: number;
    /** Share of draws that chose the same cut as the data. */
    readonly agreement: number;
    /** Share of draws with no eligible cut. */
    readonly noCutShare: number;
    /** How many different cuts the draws chose. */
    readonly distinctCuts: number;
  } | null;
  /** The field's fixed gates evaluated on the same data, for comparison. */
  readonly fixedGates: readonly ThresholdCut[];
  /** Why a part is absent (empty when nothing is). */
  readonly notes: readonly Note<ThresholdNoteCode>[];
  /** The effective policy. */
  readonly policy: FidelityPolicy;
}

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
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling, unequal
 *   lengths, non-0/1 outcomes with `outcomeType: 'binary'`, candidates outside [0, 1], or a
 *   `minObservations` larger than half the complete pairs.
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
 * ```
 */
export function fidelityThreshold(
  data: FidelityThresholdData,
  options: FidelityThresholdOptions = {},
): FidelityThresholdResult {
  const record = requireRecord(data, ['data']);
  const settings = requireRecord(options, ['options']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const scale = readFidelityScale(settings.fidelityScale, ['options', 'fidelityScale']);
  const policy = resolveFidelityPolicy(settings.policy, ['options', 'policy']);
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const seed =
    settings.seed === undefined ? 1 : requireNumber(settings.seed, ['options', 'seed'], { min: 0, integer: true });
  const fidelity = readFidelitySeries(record.fidelity, scale, nanPolicy, ['data', 'fidelity']);
  const outcome = requireSeries(record.outcome, ['data', 'outcome']);
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
  const outcomeType =
    settings.outcomeType === undefined
      ? allBinary
        ? 'binary'
        : 'continuous'
      : requireOneOf(
          settings.outcomeType,
          ['binary', 'continuous'] as const,
          ['options', 'outcomeType'],
          'outcome type',
        );
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
  let cuts: number[];
  if (settings.candidates === undefined) {
    cuts = defaultCandidates(f);
  } else {
    cuts = requireArray(settings.candidates, ['options', 'candidates']).map((value, index) => {
      const cut = requireNumber(value, ['options', 'candidates', index]);
      if (!(cut >= 0 && cut <= 1)) invalid(['options', 'candidates', index], `a cut-point lies in [0, 1], got ${cut}`);
      return cut;
    });
    cuts = [...new Set(cuts)].sort((a, b) => a - b);
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
  const describeCut = cutDescriber(f, y, outcomeType, policy.minObservations);
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
    why = ruleReason(THRESHOLD_RULES, 'fidelity/constant-outcome', { n, outcome: y[0] as number });
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

  return {
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
  };
}
