import { keysOf, readOptions } from '../_lib/strict.js';
import { type AbortSignalLike, type ProgressCallback, readYieldControl, runInBlocks } from '../_lib/yieldControl.js';
import { type FidelityThresholdData, type FidelityThresholdOptions, planThreshold } from './_thresholdPlan.js';
import type { FidelityThresholdResult } from './_thresholdSchema.js';

export type { AbortSignalLike, ProgressCallback } from '../_lib/yieldControl.js';
export type { FidelityThresholdData, FidelityThresholdOptions } from './_thresholdPlan.js';
export {
  FidelityThresholdResult,
  parseFidelityThresholdResult,
  safeParseFidelityThresholdResult,
  type ThresholdCut,
  type ThresholdDesign,
  type ThresholdNoteCode,
} from './_thresholdSchema.js';

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
 * The design, when given (the result's `design` says which schemes ran and why):
 * - `baseline` / `covariates` (continuous outcomes): the hinge search runs on the outcome adjusted
 *   for them (y − Z_c·γ̂, γ̂ from outcome ~ fidelity + covariates, so the overall mean is kept), and
 *   the test permutes residuals of that model and adjusts every shuffle again (Freedman–Lane with
 *   nuisance covariates, Winkler et al. 2014). Means beside each cut are of the adjusted outcome.
 *   For a binary outcome Youden's J has no residual form: `associatedLevel: null` with a
 *   `NO_RESIDUAL_FORM` note and the rule `fidelity/no-residual-form`, not a wrong answer.
 * - `clusters`: permutations stay within clusters (exchangeability blocks; valid for unequal
 *   cluster sizes), which answers the teacher-level question without treating teachers in one school
 *   as independent; the interval is a wild cluster bootstrap of the hinge fit at the chosen cut (one
 *   weight per cluster; Cameron, Gelbach & Miller 2008), with Webb's six-point weights below 12
 *   clusters (Webb 2014); a binary outcome resamples whole clusters.
 * - Draws run on a canonical order — fidelity, outcome, cluster id, covariates — so permuting the
 *   input rows never changes a seeded result.
 *
 * Any unknown key of `data`, `options` or `options.fidelityScale` is refused. A yes/no outcome
 * (`true` / `false`) is read as 1 / 0 and makes the outcome binary. Resampling is bounded by
 * `policy.maxResampledObservations` (default 10⁸): `permutations × (n·(1 + q) + K)` and
 * `bootstrapDraws × (n·(1 + q) + K)` (q covariates) may not exceed it. An outcome adjusted for
 * covariates that no double can hold (outcomes and covariates near ±1e308) is `INVALID_INPUT` at
 * `['data', 'covariates']`, as are covariates collinear with fidelity. Every
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
 * // A yes/no outcome has no residual form to adjust for a baseline: no level, with a note.
 * const adjusted = fidelityThreshold({ fidelity, outcome: metGoal, baseline: fidelity.map((f, i) => 40 + 10 * f + (i % 3)) });
 * adjusted.associatedLevel //=> null
 * adjusted.notes.map((entry) => entry.code) //=> ['NO_RESIDUAL_FORM']
 * // Teachers in 8 schools: shuffles stay within schools, and the interval is a wild cluster bootstrap.
 * const schools = fidelityThreshold(
 *   { fidelity, outcome: metGoal, clusters: fidelity.map((_, i) => `school-${i % 8}`) },
 *   { seed: 7, policy: { permutations: 199, bootstrapDraws: 199 } },
 * );
 * schools.test.scheme //=> 'permute-within-clusters'
 * schools.design?.interval //=> 'cluster-pairs'
 * schools.associatedLevel?.cut //=> 0.7
 * // Past the work limit, the option that drives the work is named.
 * fidelityThreshold({ fidelity, outcome: metGoal }, { policy: { maxResampledObservations: 1000 } }) //=> throws LIMIT_EXCEEDED at ['options', 'policy', 'permutations']
 * ```
 */ export function fidelityThreshold(
  data: FidelityThresholdData,
  options: FidelityThresholdOptions = {},
): FidelityThresholdResult {
  const plan = planThreshold(data, options);
  plan.step(plan.permutations + plan.bootstrapDraws);
  return plan.finish();
}

/**
 * Options for {@link fidelityThresholdAsync}: those of {@link fidelityThreshold}, plus a signal and
 * a progress callback.
 *
 * @category Fidelity
 */
export interface FidelityThresholdAsyncOptions extends FidelityThresholdOptions {
  /** An `AbortSignal` (or any object with a boolean `aborted`): once it fires, the call rejects with `ABORTED`. */
  readonly signal?: AbortSignalLike;
  /** Called with (draws done, draws in all) before the first block, after each block and at the end. */
  readonly onProgress?: ProgressCallback;
}

const ASYNC_KEYS = keysOf<FidelityThresholdAsyncOptions>()(
  'outcomeType',
  'candidates',
  'confidenceLevel',
  'seed',
  'fidelityScale',
  'nanPolicy',
  'policy',
  'signal',
  'onProgress',
);

/** Roughly how many resampled observations one block visits before the host gets a turn. */
const BLOCK_WORK = 2_000_000;

/**
 * {@link fidelityThreshold} for long runs, with the same result for the same inputs and seed: the
 * permutation and bootstrap draws run in blocks (about 2·10⁶ resampled observations each), and
 * between blocks it yields to the host (a `setTimeout(0)` turn, so a page can repaint), checks
 * `signal` and calls `onProgress(done, total)` so a host can show a progress bar. Validation errors
 * reject the promise as the synchronous function throws them.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError (the promise rejects) as {@link fidelityThreshold}, plus `ABORTED` at
 *   `['options', 'signal']` once the signal has fired, and `INVALID_INPUT` for a `signal` without a
 *   boolean `aborted` or an `onProgress` that is not a function.
 * @example
 * ```ts
 * import { fidelityThreshold, fidelityThresholdAsync } from 'scaling-navigator/fidelity';
 * const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
 * const metGoal = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
 * const options = { seed: 7, policy: { permutations: 199, bootstrapDraws: 199 } };
 * const seen: number[] = [];
 * const result = await fidelityThresholdAsync({ fidelity, outcome: metGoal }, { ...options, onProgress: (done) => seen.push(done) });
 * result.associatedLevel?.cut //=> 0.7
 * JSON.stringify(result) === JSON.stringify(fidelityThreshold({ fidelity, outcome: metGoal }, options)) //=> true
 * seen.at(-1) //=> 398
 * const controller = new AbortController();
 * controller.abort();
 * const stopped = await fidelityThresholdAsync({ fidelity, outcome: metGoal }, { signal: controller.signal }).catch((error) => [error.code, error.path]);
 * stopped //=> ['ABORTED', ['options', 'signal']]
 * ```
 */
export async function fidelityThresholdAsync(
  data: FidelityThresholdData,
  options: FidelityThresholdAsyncOptions = {},
): Promise<FidelityThresholdResult> {
  const settings = readOptions<FidelityThresholdAsyncOptions>(options, ASYNC_KEYS, ['options']);
  const { signal, onProgress, ...rest } = settings;
  const control = readYieldControl(signal, onProgress, ['options']);
  const plan = planThreshold(data, rest);
  const total = plan.permutations + plan.bootstrapDraws;
  const block = Math.max(1, Math.floor(BLOCK_WORK / Math.max(1, plan.workPerDraw)));
  await runInBlocks(total, block, (count) => plan.step(count), control, ['options']);
  return plan.finish();
}
