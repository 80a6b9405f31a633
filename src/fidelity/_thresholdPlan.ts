/**
 * The body of {@link fidelityThreshold} and {@link fidelityThresholdAsync}: validation, the
 * statistics at every candidate, and the resampling as a plan run in blocks of draws (so the async
 * variant can yield between blocks with the very same draws).
 *
 * @internal
 * @module
 */
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
import {
  adjustOutcome,
  type DesignLayout,
  describeDesign,
  designLayout,
  designRuns,
  testScheme,
} from './_designThreshold.js';
import { divideByUnit, outcomeUnit } from './_finite.js';
import {
  type FidelityScale,
  MAX_SERIES_LENGTH,
  readFidelityScale,
  readFidelitySeries,
  readOutcomeSeries,
  requireLength,
} from './_readFidelity.js';
import { readDesignInputs } from './_thresholdDesign.js';
import { bootstrapRun, permutationRun } from './_thresholdResampling.js';
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
  /** Prior achievement to adjust the outcome for (continuous outcomes; optional). */
  readonly baseline?: Series;
  /** Further confounders to adjust the outcome for, one series each (at most 50; optional). */
  readonly covariates?: readonly Series[];
  /** The cluster (e.g. school) of each observation: resampling then respects the clusters. */
  readonly clusters?: readonly (string | number)[];
}

/** The keys of {@link FidelityThresholdData}. */
const DATA_KEYS = keysOf<FidelityThresholdData>()('fidelity', 'outcome', 'baseline', 'covariates', 'clusters');

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

/** A threshold search ready to resample: `step` runs the next draws (permutations first), `finish` builds the result. */
export interface ThresholdPlan {
  /** Permutation draws and bootstrap draws to run (0 when there is nothing to resample). */
  readonly permutations: number;
  readonly bootstrapDraws: number;
  /** Observations and candidates one draw visits (for sizing blocks). */
  readonly workPerDraw: number;
  step(count: number): void;
  finish(): FidelityThresholdResult;
}

/** Validates the inputs and prepares the search; throws as {@link fidelityThreshold} documents. */
export function planThreshold(data: FidelityThresholdData, options: FidelityThresholdOptions = {}): ThresholdPlan {
  const record = requireRecord(data, ['data']);
  requireKnownKeys(record, DATA_KEYS, ['data']);
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
  const design = readDesignInputs(record, fidelity.length, nanPolicy, 'fidelity');
  const designed = design.covariates.length > 0 || design.clusters !== null;
  const rows = designed
    ? completeRows(
        [fidelity, outcome, ...design.covariates, Float64Array.from(fidelity, (_, i) => i)],
        [['data', 'fidelity'], ['data', 'outcome'], ...design.covariates.map((_, k) => ['data', 'covariates', k])],
        nanPolicy,
      )
    : completeRows(
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
  // teachers never changes a draw; with a design, then by cluster and covariates.
  const f = new Float64Array(n);
  const y = new Float64Array(n);
  let layout: DesignLayout | null = null;
  if (designed) {
    layout = designLayout(rows.columns, design.clusters, f, y);
  } else {
    const byOutcome = sortOrder(rawY);
    const fByOutcome = Float64Array.from(byOutcome, (index) => rawF[index] as number);
    const byFidelity = sortOrder(fByOutcome);
    for (let k = 0; k < n; k += 1) {
      const index = byOutcome[byFidelity[k] as number] as number;
      f[k] = rawF[index] as number;
      y[k] = rawY[index] as number;
    }
  }
  // Outcomes so large (or small) that sums of squares would overflow (or underflow) are measured
  // in a power-of-two unit (exact); statistics are unit-free, means and slopes are scaled back.
  const unit = outcomeType === 'binary' ? 1 : outcomeUnit(y);
  divideByUnit(y, unit);
  // With covariates, the outcome adjusted for them (continuous only); `y` stays the raw outcome.
  const adjusted = layout === null || outcomeType === 'binary' ? y : adjustOutcome(f, y, layout, unit);
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
    const work = policy[key] * (n * (1 + (layout?.covariates.length ?? 0)) + cuts.length);
    if (work > policy.maxResampledObservations) {
      limitExceeded(
        ['options', 'policy', key],
        `${policy[key]} draws × (${n} pairs + ${cuts.length} candidates) = ${work} resampled observations, past policy.maxResampledObservations (${policy.maxResampledObservations}); use fewer draws or raise the limit`,
      );
    }
  }
  const prepared = prepare(f, adjusted, cuts, policy.minObservations);
  const compute = statisticOf(outcomeType);
  // Every candidate's statistic (and hinge fits), then the whole description of each.
  const statistics = (at: readonly number[]) => {
    const values = new Float64Array(at.length);
    const fits: HingeFit[] = [];
    const single = at === cuts ? prepared : prepare(f, adjusted, at, policy.minObservations);
    if (outcomeType === 'binary') binaryStatistics(single, adjusted, values);
    else continuousStatistics(single, adjusted, values, fits);
    return { values, fits };
  };
  const describeCut = cutDescriber(f, adjusted, outcomeType, policy.minObservations, unit);
  const observed = statistics(cuts);
  // A binary outcome has no residual form to adjust for covariates: no level rather than a wrong one.
  const noResidualForm = layout !== null && outcomeType === 'binary' && layout.covariates.length > 0;
  const bestIndex = noResidualForm ? -1 : best(observed.values, prepared.positions);
  const constant = y.every((value) => value === y[0]);
  const candidates = cuts.map((cut, c) => describeCut(cut, observed.values[c] as number, observed.fits[c]));

  // The permutation test of the maximal statistic, then the bootstrap of the cut (one generator).
  const random = createRandom(seed, ['options', 'seed']);
  const maxObserved = bestIndex < 0 ? null : (observed.values[bestIndex] as number);
  const pointCut = bestIndex < 0 || constant ? null : (cuts[bestIndex] as number);
  const intervalSettings = {
    draws: policy.bootstrapDraws,
    confidenceLevel,
    seed,
    minObservations: policy.minObservations,
  };
  let permutations: { step(count: number): number } | null = null;
  let bootstrap: { step(count: number): void; finish(): NonNullable<FidelityThresholdResult['interval']> } | null =
    null;
  if (layout === null) {
    if (maxObserved !== null && !constant) {
      permutations = permutationRun(prepared, compute, outcomeType, maxObserved, policy, random);
    }
    if (pointCut !== null) bootstrap = bootstrapRun(prepared, compute, pointCut, intervalSettings, random);
  } else if (maxObserved !== null && pointCut !== null) {
    const run = designRuns(
      layout,
      { ...prepared, y },
      prepared,
      compute,
      outcomeType,
      maxObserved,
      pointCut,
      policy,
      intervalSettings,
      random,
    );
    permutations = run.permutations;
    bootstrap = run.interval;
  }
  let exceed = 0;
  let permuted = 0;
  let drawn = 0;
  const finish = (): FidelityThresholdResult => {
    const pValue = permutations === null ? null : (1 + exceed) / (policy.permutations + 1);
    const interval = bootstrap === null ? null : bootstrap.finish();

    const fixedGates = policy.fixedGates.map((gate) => {
      const single = statistics([gate]);
      return describeCut(gate, single.values[0] as number, single.fits[0]);
    });

    const notes: Note<ThresholdNoteCode>[] = [];
    let why: DecisionReason<ThresholdRule>;
    let action: 'threshold-found' | 'no-threshold-found' | 'undetermined';
    if (noResidualForm) {
      action = 'undetermined';
      why = ruleReason(THRESHOLD_RULES, 'fidelity/no-residual-form', { n, covariates: layout?.covariates.length ?? 0 });
      notes.push(
        note(
          'NO_RESIDUAL_FORM',
          "Youden's J of a binary outcome has no residual form to adjust for covariates, so no level is given: drop the covariates, or use a continuous outcome",
          'associatedLevel',
        ),
      );
    } else if (constant) {
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

    return sealResult(
      {
        schemaVersion: 1,
        outcomeType,
        n,
        nDropped: rows.nDropped,
        candidates,
        associatedLevel: pointCut === null ? null : (candidates[bestIndex] as ThresholdCut),
        test: {
          statistic: noResidualForm ? null : maxObserved,
          pValue,
          scheme: testScheme(outcomeType, layout),
          permutations: policy.permutations,
          seed,
        },
        decision: decide(action, [why], policy),
        interval,
        fixedGates,
        ...(layout === null ? {} : { design: describeDesign(layout, outcomeType) }),
        notes,
        policy,
      },
      'fidelity threshold',
    );
  };
  return {
    permutations: permutations === null ? 0 : policy.permutations,
    bootstrapDraws: bootstrap === null ? 0 : policy.bootstrapDraws,
    workPerDraw: n * (1 + (layout?.covariates.length ?? 0)) + cuts.length,
    step(count) {
      let left = count;
      if (permutations !== null && permuted < policy.permutations) {
        const take = Math.min(left, policy.permutations - permuted);
        exceed = permutations.step(take);
        permuted += take;
        left -= take;
      }
      if (bootstrap !== null && left > 0 && drawn < policy.bootstrapDraws) {
        const take = Math.min(left, policy.bootstrapDraws - drawn);
        bootstrap.step(take);
        drawn += take;
      }
    },
    finish,
  };
}
