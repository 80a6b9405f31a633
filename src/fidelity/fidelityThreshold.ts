import { deepFreeze } from '../_lib/deepFreeze.js';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { createRandom, type RandomSource } from '../_lib/random.js';
import { sortOrder } from '../_lib/rank.js';
import { completeRows, readNanPolicy, requireSeries, type Series } from '../_lib/series.js';
import { readConfidenceLevel, requireArray, requireNumber, requireOneOf, requireRecord } from '../_lib/validate.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { type ProportionResult, proportionInterval } from '../stats/index.js';
import { type FidelityPolicy, resolveFidelityPolicy } from './fidelityPolicy.js';
import { type FidelityScale, readFidelityScale, readFidelitySeries, requireLength } from './readFidelity.js';

/**
 * The rules behind {@link fidelityThreshold}'s decision, each with its source.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { THRESHOLD_RULES } from 'scaling-navigator/fidelity';
 * THRESHOLD_RULES.map((rule) => rule.id) //=> ['permutation-significant', 'permutation-not-significant', 'no-eligible-cut']
 * ```
 */
export const THRESHOLD_RULES = /* @__PURE__ */ deepFreeze([
  {
    id: 'permutation-significant',
    action: 'threshold-found',
    guidance: {
      source: 'scaling-up-research-summary',
      section: 'Several steps should be considered (Horner et al., 2017)',
      summary:
        'Users need to know the minimum practice that produces the intended outcomes; the data show a fidelity level that outcomes change at, beyond what chance would give.',
    },
  },
  {
    id: 'permutation-not-significant',
    action: 'no-threshold-found',
    guidance: {
      source: 'scaling-up-research-summary',
      section: 'Several steps should be considered (Horner et al., 2017)',
      summary:
        'No fidelity level stands out from what shuffled data would give; do not set a gate from these data (absence of evidence, not evidence of absence).',
    },
  },
  {
    id: 'no-eligible-cut',
    action: 'undetermined',
    guidance: {
      source: 'scaling-up-research-summary',
      section: 'Several steps should be considered (Horner et al., 2017)',
      summary: 'Too few observations on either side of every candidate level to compare outcomes.',
    },
  },
] as const);

/** The id of a threshold rule. @category Fidelity */
export type ThresholdRule = (typeof THRESHOLD_RULES)[number]['id'];

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
  readonly fidelityScale?: FidelityScale;
  readonly nanPolicy?: 'raise' | 'omit';
  /** Overrides of `minGroupSize`, `permutations`, `bootstrapDraws`, `alpha`, `fixedGates`. */
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
  /** Both sides have at least `policy.minGroupSize` observations. */
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
  readonly note: Note<'CONSTANT_OUTCOME'> | null;
  readonly policy: FidelityPolicy;
}

interface Prepared {
  readonly f: Float64Array; // sorted ascending
  readonly y: Float64Array; // in the same order
  readonly cuts: readonly number[];
  readonly positions: Int32Array; // index of the first f ≥ cut
  readonly minGroupSize: number;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Youden's J at every candidate for outcomes `y` in fidelity order. */
function binaryStatistics(prepared: Prepared, y: Float64Array, out: Float64Array): void {
  const n = y.length;
  let positives = 0;
  for (let i = 0; i < n; i += 1) positives += y[i] as number;
  const negatives = n - positives;
  // positives below each position: prefix sums read at candidate positions (ascending).
  let index = 0;
  let below = 0;
  for (let c = 0; c < prepared.cuts.length; c += 1) {
    const position = prepared.positions[c] as number;
    while (index < position) {
      below += y[index] as number;
      index += 1;
    }
    const nAbove = n - position;
    if (position < prepared.minGroupSize || nAbove < prepared.minGroupSize || positives === 0 || negatives === 0) {
      out[c] = Number.NaN;
      continue;
    }
    const truePositives = positives - below;
    const falsePositives = nAbove - truePositives;
    out[c] = truePositives / positives + (negatives - falsePositives) / negatives - 1;
  }
}

interface HingeFit {
  readonly improvement: number;
  readonly rssHinge: number;
  readonly rssLinear: number;
  readonly slopeBelow: number | null;
  readonly slopeAbove: number | null;
}

/** Means and centred sums of squares and products of f and y (two passes): the straight-line fit. */
function straightLine(
  f: Float64Array,
  y: Float64Array,
): { meanF: number; meanY: number; cff: number; cfy: number; cyy: number } {
  const n = f.length;
  let meanF = 0;
  let meanY = 0;
  for (let i = 0; i < n; i += 1) {
    meanF += f[i] as number;
    meanY += y[i] as number;
  }
  meanF /= n;
  meanY /= n;
  let cff = 0;
  let cfy = 0;
  let cyy = 0;
  for (let i = 0; i < n; i += 1) {
    const u = (f[i] as number) - meanF;
    const v = (y[i] as number) - meanY;
    cff += u * u;
    cfy += u * v;
    cyy += v * v;
  }
  return { meanF, meanY, cff, cfy, cyy };
}

/**
 * Hinge-regression improvement over a straight line at every candidate, for outcomes `y` in
 * fidelity order: y = b0 + b1·f + b2·max(f − c, 0). Sums over the part above each cut come from
 * running suffix sums, so all candidates cost O(n + K).
 */
function continuousStatistics(prepared: Prepared, y: Float64Array, out: Float64Array, fits: HingeFit[] | null): void {
  const { f, cuts, positions } = prepared;
  const n = f.length;
  const { meanF, meanY, cff, cfy, cyy } = straightLine(f, y);
  const rssLinear = cff > 0 ? Math.max(0, cyy - (cfy * cfy) / cff) : cyy;
  // Suffix sums (centred) from the top down, read at candidate positions in descending order.
  let index = n;
  let s1 = 0; // Σ u
  let s2 = 0; // Σ u²
  let t1 = 0; // Σ v
  let t2 = 0; // Σ u v
  for (let c = cuts.length - 1; c >= 0; c -= 1) {
    const position = positions[c] as number;
    while (index > position) {
      index -= 1;
      const u = (f[index] as number) - meanF;
      const v = (y[index] as number) - meanY;
      s1 += u;
      s2 += u * u;
      t1 += v;
      t2 += u * v;
    }
    const count = n - position;
    if (position < prepared.minGroupSize || count < prepared.minGroupSize) {
      out[c] = Number.NaN;
      if (fits)
        fits[c] = { improvement: Number.NaN, rssHinge: Number.NaN, rssLinear, slopeBelow: null, slopeAbove: null };
      continue;
    }
    const k = (cuts[c] as number) - meanF;
    // h = u − k above the cut (0 below): centred cross-products with h.
    const sh = s1 - k * count;
    const shh = s2 - 2 * k * s1 + k * k * count;
    const sfh = s2 - k * s1;
    const shy = t2 - k * t1;
    // Centred cross-products (u and v are centred, so Σu = Σv = 0 and only Σh needs a correction).
    const chh = shh - (sh * sh) / n;
    const cfh = sfh;
    const chy = shy;
    const determinant = cff * chh - cfh * cfh;
    if (!(determinant > 1e-12 * cff * Math.max(chh, 1e-300)) || rssLinear <= 0) {
      // The hinge adds nothing the straight line lacks (no observation lies above the cut by more
      // than 0, or the line already fits exactly): no improvement, as lm() reports.
      out[c] = 0;
      if (fits) {
        fits[c] = {
          improvement: 0,
          rssHinge: rssLinear,
          rssLinear,
          slopeBelow: cff > 0 ? cfy / cff : null,
          slopeAbove: null,
        };
      }
      continue;
    }
    const b1 = (chh * cfy - cfh * chy) / determinant;
    const b2 = (cff * chy - cfh * cfy) / determinant;
    const rssHinge = Math.max(0, cyy - b1 * cfy - b2 * chy);
    const improvement = Math.min(1, Math.max(0, (rssLinear - rssHinge) / rssLinear));
    out[c] = improvement;
    if (fits) fits[c] = { improvement, rssHinge, rssLinear, slopeBelow: b1, slopeAbove: b1 + b2 };
  }
}

/**
 * The candidate with the largest statistic (NaN = ineligible). Ties between cuts that split the
 * data at the same place go to the larger cut — the one nearest the lowest fidelity actually
 * observed at or above it (a resample without any 0.6 cannot tell 0.6 from 0.7) — and other ties
 * to the lower cut.
 */
function best(values: Float64Array, positions: Int32Array): number {
  let bestIndex = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < values.length; c += 1) {
    const value = values[c] as number;
    if (value > bestValue) {
      bestValue = value;
      bestIndex = c;
    } else if (value === bestValue && positions[c] === positions[bestIndex]) {
      bestIndex = c;
    }
  }
  return bestIndex;
}

function shuffle(values: Float64Array, random: RandomSource): void {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.nextFloat() * (i + 1));
    const swap = values[i] as number;
    values[i] = values[j] as number;
    values[j] = swap;
  }
}

function defaultCandidates(sortedF: Float64Array): number[] {
  const distinct: number[] = [];
  for (let i = 0; i < sortedF.length; i += 1) {
    const value = sortedF[i] as number;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== value) distinct.push(value);
  }
  if (distinct.length <= 101) return distinct.filter((value) => value > 0);
  return Array.from({ length: 100 }, (_, k) => (k + 1) / 100);
}

/**
 * The fidelity level *associated with* the intended outcome in a district's own data — never a
 * requirement — with a test of whether any such level stands out from chance, an interval for it,
 * and the field's fixed gates (0.7, 0.8) evaluated on the same data. The research summary on scaling up asks users to know
 * "the minimum practice requirements for producing intended outcomes"; this shows what the data
 * can and cannot say about it.
 *
 * - Candidates: the instrument's own scale points (the distinct observed values) or a grid; a cut c
 *   splits fidelity < c from ≥ c, and is eligible when both sides hold `policy.minGroupSize`
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
 *   ≥ max})/(B + 1).
 * - Interval: a percentile bootstrap of the chosen cut (pairs resampled; inverse-CDF percentiles),
 *   with how often the draws agree with the data's cut — a wide interval or low agreement says the
 *   level is unstable.
 *
 * Draws come from the seeded generator (`seed`, default 1; echoed). O((B₁ + B₂)(n + K)) for B
 * draws and K candidates after one O(n log n) sort.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for fidelity outside [0, 1] after rescaling, unequal
 *   lengths, non-0/1 outcomes with `outcomeType: 'binary'`, candidates outside [0, 1], or a
 *   `minGroupSize` larger than half the complete pairs.
 * @example
 * ```ts
 * import { fidelityThreshold } from 'scaling-navigator/fidelity';
 * // 40 teachers at fidelity 0.1 … 1.0; students meet the goal from 0.7 up (planted).
 * const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
 * const metGoal = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
 * const result = fidelityThreshold({ fidelity, outcome: metGoal }, { seed: 7, policy: { permutations: 199, bootstrapDraws: 199 } });
 * result.associatedLevel?.cut //=> 0.7
 * result.decision.action //=> 'threshold-found'
 * result.fixedGates.map((gate) => gate.cut) //=> [0.7, 0.8]
 * ```
 */
export function fidelityThreshold(
  data: { readonly fidelity: Series; readonly outcome: Series },
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
  if (2 * policy.minGroupSize > n) {
    invalid(
      ['options', 'policy', 'minGroupSize'],
      `${policy.minGroupSize} on each side needs at least ${2 * policy.minGroupSize} complete pairs; there are ${n}`,
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
  const prepare = (fs: Float64Array, ys: Float64Array, cutList: readonly number[]): Prepared => ({
    f: fs,
    y: ys,
    cuts: cutList,
    positions: Int32Array.from(cutList, (cut) => lowerBound(fs, cut)),
    minGroupSize: policy.minGroupSize,
  });
  const prepared = prepare(f, y, cuts);
  const compute =
    outcomeType === 'binary'
      ? binaryStatistics
      : (p: Prepared, ys: Float64Array, out: Float64Array) => continuousStatistics(p, ys, out, null);

  const observed = new Float64Array(cuts.length);
  const fits: HingeFit[] = [];
  if (outcomeType === 'binary') binaryStatistics(prepared, y, observed);
  else continuousStatistics(prepared, y, observed, fits);
  const bestIndex = best(observed, prepared.positions);
  const constant = y.every((value) => value === y[0]);

  // Outcome sums below each position, once, for every cut described.
  const outcomePrefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) outcomePrefix[i + 1] = (outcomePrefix[i] as number) + (y[i] as number);
  const describeCut = (cut: number, statistic: number, fit: HingeFit | undefined): ThresholdCut => {
    const position = lowerBound(f, cut);
    const nBelow = position;
    const nAbove = n - position;
    const eligible = nBelow >= policy.minGroupSize && nAbove >= policy.minGroupSize && !Number.isNaN(statistic);
    const sumBelow = outcomePrefix[position] as number;
    const sumAbove = (outcomePrefix[n] as number) - sumBelow;
    const base = { cut, nBelow, nAbove, eligible, statistic: eligible ? statistic : null };
    if (outcomeType === 'binary') {
      const positives = sumBelow + sumAbove;
      const negatives = n - positives;
      return {
        ...base,
        continuous: null,
        binary:
          nBelow > 0 && nAbove > 0 && positives > 0 && negatives > 0
            ? {
                sensitivity: sumAbove / positives,
                specificity: (nBelow - sumBelow) / negatives,
                rateBelow: proportionInterval(sumBelow, nBelow),
                rateAbove: proportionInterval(sumAbove, nAbove),
              }
            : null,
      };
    }
    const rss = fit;
    const degreesOfFreedom = n - 3;
    const fStatistic =
      rss && rss.rssHinge > 0 && degreesOfFreedom > 0 && Number.isFinite(rss.improvement)
        ? (rss.rssLinear - rss.rssHinge) / (rss.rssHinge / degreesOfFreedom)
        : null;
    return {
      ...base,
      binary: null,
      continuous:
        nBelow > 0 && nAbove > 0
          ? {
              slopeBelow: rss?.slopeBelow ?? null,
              slopeAbove: rss?.slopeAbove ?? null,
              meanBelow: sumBelow / nBelow,
              meanAbove: sumAbove / nAbove,
              f: fStatistic,
            }
          : null,
    };
  };
  const candidates = cuts.map((cut, c) => describeCut(cut, observed[c] as number, fits[c]));

  // Permutation test of the maximal statistic.
  const random = createRandom(seed, ['options', 'seed']);
  const maxObserved = bestIndex < 0 ? null : (observed[bestIndex] as number);
  let exceed = 0;
  const scratch = new Float64Array(cuts.length);
  if (maxObserved !== null && !constant) {
    let permuted: Float64Array;
    let fitted: Float64Array | null = null;
    let residuals: Float64Array | null = null;
    if (outcomeType === 'binary') {
      permuted = y.slice();
    } else {
      const { meanF, meanY, cff, cfy } = straightLine(f, y);
      const slope = cff > 0 ? cfy / cff : 0;
      const line = Float64Array.from(f, (value) => meanY + slope * (value - meanF));
      fitted = line;
      residuals = Float64Array.from(y, (value, i) => value - (line[i] as number));
      permuted = new Float64Array(n);
    }
    const tolerance = 1e-12 * Math.max(1, Math.abs(maxObserved));
    for (let draw = 0; draw < policy.permutations; draw += 1) {
      if (fitted !== null && residuals !== null) {
        shuffle(residuals, random);
        for (let i = 0; i < n; i += 1) permuted[i] = (fitted[i] as number) + (residuals[i] as number);
      } else {
        shuffle(permuted, random);
      }
      compute(prepared, permuted, scratch);
      const index = best(scratch, prepared.positions);
      if (index >= 0 && (scratch[index] as number) >= maxObserved - tolerance) exceed += 1;
    }
  }
  const pValue = maxObserved === null || constant ? null : (1 + exceed) / (policy.permutations + 1);

  // Bootstrap interval of the cut.
  let interval: FidelityThresholdResult['interval'] = null;
  if (bestIndex >= 0 && !constant) {
    const counts = new Int32Array(n);
    const sampleF = new Float64Array(n);
    const sampleY = new Float64Array(n);
    const chosen: number[] = [];
    let noCut = 0;
    const pointCut = cuts[bestIndex] as number;
    for (let draw = 0; draw < policy.bootstrapDraws; draw += 1) {
      counts.fill(0);
      for (let i = 0; i < n; i += 1) {
        const pick = Math.floor(random.nextFloat() * n);
        counts[pick] = (counts[pick] as number) + 1;
      }
      // Indices into the sorted data, taken in order, keep the resample sorted by fidelity.
      let k = 0;
      for (let i = 0; i < n; i += 1) {
        for (let copies = counts[i] as number; copies > 0; copies -= 1) {
          sampleF[k] = f[i] as number;
          sampleY[k] = y[i] as number;
          k += 1;
        }
      }
      const resample = prepare(sampleF, sampleY, cuts);
      compute(resample, sampleY, scratch);
      const index = best(scratch, resample.positions);
      if (index < 0) noCut += 1;
      else chosen.push(cuts[index] as number);
    }
    chosen.sort((a, b) => a - b);
    const m = chosen.length;
    const tail = (1 - confidenceLevel) / 2;
    const quantile = (p: number) =>
      m === 0 ? null : (chosen[Math.min(m - 1, Math.max(0, Math.ceil(p * m) - 1))] as number);
    interval = {
      lower: quantile(tail),
      upper: quantile(1 - tail),
      confidenceLevel,
      draws: policy.bootstrapDraws,
      seed,
      agreement: chosen.filter((cut) => cut === pointCut).length / policy.bootstrapDraws,
      noCutShare: noCut / policy.bootstrapDraws,
      distinctCuts: new Set(chosen).size,
    };
  }

  const fixedGates = policy.fixedGates.map((gate) => {
    const single = prepare(f, y, [gate]);
    const value = new Float64Array(1);
    const gateFits: HingeFit[] = [];
    if (outcomeType === 'binary') binaryStatistics(single, y, value);
    else continuousStatistics(single, y, value, gateFits);
    return describeCut(gate, value[0] as number, gateFits[0]);
  });

  let action: 'threshold-found' | 'no-threshold-found' | 'undetermined';
  let why: DecisionReason<ThresholdRule>;
  const guidanceOf = (rule: ThresholdRule) =>
    (THRESHOLD_RULES.find((entry) => entry.id === rule) as (typeof THRESHOLD_RULES)[number]).guidance;
  if (pValue === null) {
    action = 'undetermined';
    why = {
      rule: 'no-eligible-cut',
      evidence: { n, candidates: cuts.length, minGroupSize: policy.minGroupSize, constantOutcome: constant },
      guidance: guidanceOf('no-eligible-cut'),
    };
  } else if (pValue < policy.alpha) {
    action = 'threshold-found';
    why = {
      rule: 'permutation-significant',
      evidence: {
        cut: cuts[bestIndex] as number,
        statistic: maxObserved,
        pValue,
        alpha: policy.alpha,
        permutations: policy.permutations,
      },
      guidance: guidanceOf('permutation-significant'),
    };
  } else {
    action = 'no-threshold-found';
    why = {
      rule: 'permutation-not-significant',
      evidence: { statistic: maxObserved, pValue, alpha: policy.alpha, permutations: policy.permutations },
      guidance: guidanceOf('permutation-not-significant'),
    };
  }

  return {
    outcomeType,
    n,
    nDropped: rows.nDropped,
    candidates,
    associatedLevel: bestIndex < 0 || constant ? null : (candidates[bestIndex] as ThresholdCut),
    test: {
      statistic: maxObserved,
      pValue,
      scheme: outcomeType === 'binary' ? 'permute-outcomes' : 'freedman-lane',
      permutations: policy.permutations,
      seed,
    },
    decision: { action, reasons: [why], policy, version: LIBRARY_VERSION },
    interval,
    fixedGates,
    note: constant
      ? note('CONSTANT_OUTCOME', 'every outcome is the same, so no level of fidelity goes with a better one')
      : null,
    policy,
  };
}
