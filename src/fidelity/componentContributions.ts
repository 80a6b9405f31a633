import { type ErrorPath, invalid } from '../_lib/errors.js';
import { isMissing, readNanPolicy, type Series } from '../_lib/series.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import {
  readConfidenceLevel,
  requireArray,
  requireNonEmptyId,
  requireOneOf,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { Decision, DecisionReason } from '../framework/Decision.js';
import { adjustPValues, correlate, partialCorrelation } from '../stats/index.js';
import { componentMixedModel } from './_componentMixedModel.js';
import type { ComponentContribution, ComponentContributionsResult } from './_contributionsSchema.js';
import {
  type FidelityScale,
  readFidelityScale,
  readFidelitySeries,
  readOutcomeSeries,
  requireLength,
} from './_readFidelity.js';
import { readDesignInputs } from './_thresholdDesign.js';
import { COMPONENT_RULES, type ComponentRule } from './componentRules.js';
import { type FidelityPolicy, resolveFidelityPolicy } from './fidelityPolicy.js';

export type { ComponentMixedModel } from './_componentMixedModel.js';
export {
  type ComponentContribution,
  ComponentContributionsResult,
  parseComponentContributionsResult,
  safeParseComponentContributionsResult,
} from './_contributionsSchema.js';

/**
 * One essential component's fidelity series, with a caller id.
 *
 * @category Fidelity
 */
export interface ComponentFidelity {
  readonly id: string;
  readonly fidelity: Series;
}

/** The keys of {@link ComponentFidelity}. */
const COMPONENT_KEYS = keysOf<ComponentFidelity>()('id', 'fidelity');

/**
 * The most components {@link componentContributions} takes (each costs a partial correlation on
 * all the others); more are `LIMIT_EXCEEDED` before any work.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { MAX_COMPONENTS } from 'scaling-navigator/fidelity';
 * MAX_COMPONENTS //=> 100
 * ```
 */
export const MAX_COMPONENTS = 100;

/**
 * The data of {@link componentContributions}: each essential component's fidelity series and the
 * outcome, one value per observation.
 *
 * @category Fidelity
 */
export interface ComponentContributionsData {
  readonly components: readonly ComponentFidelity[];
  /** The intended outcome: a score, or a yes/no (`true` / `false` read as 1 / 0). */
  readonly outcome: Series | readonly (boolean | null | undefined)[];
  /** Prior achievement to control for (optional; enters as the first covariate). */
  readonly baseline?: Series;
  /** Further confounders to control for, one series each (at most 50; optional). */
  readonly covariates?: readonly Series[];
  /** The cluster (e.g. school) of each observation: each component is then judged by its within-cluster effect in a mixed model. */
  readonly clusters?: readonly (string | number)[];
}

/** The keys of {@link ComponentContributionsData}. */
const DATA_KEYS = keysOf<ComponentContributionsData>()('components', 'outcome', 'baseline', 'covariates', 'clusters');

/**
 * Options for {@link componentContributions}.
 *
 * @category Fidelity
 */
export interface ComponentContributionsOptions {
  /** `'pearson'` (default) or `'spearman'`. */
  readonly method?: 'pearson' | 'spearman';
  /** Multiplicity adjustment across components: `'holm'` (default) or `'bh'`. */
  readonly adjust?: 'holm' | 'bh';
  /** Level of the correlations' intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** The instrument's scale, when fidelity is a rubric score (default `{ min: 0, max: 1 }`). */
  readonly fidelityScale?: FidelityScale;
  /** `'raise'` (default) or `'omit'` (NaN treated as missing). */
  readonly nanPolicy?: 'raise' | 'omit';
  /** Overrides of {@link DEFAULT_FIDELITY_POLICY} (`alpha`, `minimumMeaningfulEffect`). */
  readonly policy?: Partial<FidelityPolicy>;
}

/** The keys of {@link ComponentContributionsOptions}. */
const OPTION_KEYS = keysOf<ComponentContributionsOptions>()(
  'method',
  'adjust',
  'confidenceLevel',
  'fidelityScale',
  'nanPolicy',
  'policy',
);

function noEstimateRule(code: string | null): ComponentRule {
  if (code === 'CONSTANT_INPUT') return 'fidelity/constant-series';
  if (code === 'SINGULAR_COVARIATES') return 'fidelity/collinear-components';
  return 'fidelity/too-few-observations';
}

/**
 * Which essential components go with the outcome? For each component's fidelity series: its
 * correlation with the outcome, and its partial correlation controlling for the other components
 * (components are implemented together, so their plain correlations overlap), with raw and
 * multiplicity-adjusted p-values (Holm by default, Benjamini–Hochberg on request), ranked — the research summary on scaling up
 * asks that essential components be assessed by their contribution to outcomes.
 *
 * Each component's `decision` (an explained {@link Decision}; rules in {@link COMPONENT_RULES}):
 * `supported` when the unique association is positive and the adjusted p is below `alpha`;
 * `not-supported` only when the Bonferroni-widened interval (level 1 − α/m) lies wholly below
 * `minimumMeaningfulEffect`; otherwise `undetermined` — non-significance alone never says "no
 * contribution". O(n·k² + k³) for k components.
 *
 * The design, when given (the result's `design` says what was done): `baseline` and `covariates`
 * join the other components in every partial correlation; with `clusters`, each component is
 * judged by its within-cluster effect in a random-intercept mixed model (REML, as in
 * {@link analyzeFidelityOutcome}): outcome ~ component_within + component_clusterMean + the other
 * components + covariates + (1 | cluster). The estimate ranked and judged is then the standardized
 * within effect β·SD_component / SD_outcome, its p-value Satterthwaite's, and `not-supported` needs
 * the Bonferroni-widened interval of that standardized effect below `minimumMeaningfulEffect`; each
 * component's `mixedModel` also shows the between-cluster effect, where a school-level confound
 * shows up.
 *
 * @category Fidelity
 * A yes/no outcome (`true` / `false`) is read as 1 / 0. The result is frozen and carries
 * `schemaVersion: 1`; {@link parseComponentContributionsResult} validates a stored one.
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` for no components, duplicate or empty ids, series of
 *   unequal length, fidelity outside [0, 1] after rescaling, holes in an array (at the index), an
 *   unknown key in the data, a component or the options (with a suggestion), or a bad option;
 *   `LIMIT_EXCEEDED` for more than {@link MAX_COMPONENTS} (100) components or a series longer than
 *   2³¹ − 1.
 * @example
 * ```ts
 * import { componentContributions } from 'scaling-navigator/fidelity';
 * // 30 teachers: student outcomes follow the launch routine; the critique routine varies independently.
 * const launch = [0.3, 0.6, 0.68, 0.22, 0.32, 0.94, 0.26, 0.3, 0.96, 0.7, 0.5, 0.61, 0.73, 0.42, 0.31,
 *   0.83, 0.74, 0.61, 0.85, 0.64, 0.98, 0.36, 0.64, 0.59, 0.48, 0.67, 0.39, 0.84, 0.89, 0.3];
 * const critique = [0.57, 0.42, 0.27, 0.92, 0.54, 0.32, 0.74, 0.36, 0.92, 0.37, 0.23, 0.36, 0.48, 0.58, 0.92,
 *   0.76, 0.47, 0.21, 0.33, 1, 0.57, 0.75, 0.24, 0.23, 0.88, 0.67, 0.45, 0.45, 0.27, 0.34];
 * const outcome = [48, 61, 59, 47, 51, 65, 50, 49, 71, 59, 59, 61, 61, 55, 54,
 *   72, 56, 62, 67, 59, 65, 56, 54, 60, 60, 54, 50, 60, 68, 55];
 * const result = componentContributions({
 *   components: [{ id: 'critique', fidelity: critique }, { id: 'launch', fidelity: launch }],
 *   outcome,
 * });
 * result.components.map((component) => [component.id, component.rank, component.decision.action])
 * //=> [['critique', 2, 'undetermined'], ['launch', 1, 'supported']]
 * result.components[1].decision.reasons[0].rule //=> 'fidelity/contributes'
 * result.components[1].partial?.estimate //≈ 0.8524871885672737
 * // Covariates join the partial correlations; the result says what was controlled for.
 * const adjusted = componentContributions({
 *   components: [{ id: 'critique', fidelity: critique }, { id: 'launch', fidelity: launch }],
 *   outcome,
 *   covariates: [outcome.map((_, i) => i % 2)],
 * });
 * adjusted.design //=> { covariates: 1, clusters: null, judgedOn: 'partial-correlation' }
 * adjusted.components[1].partial?.covariateCount //=> 2
 * ```
 */
export function componentContributions(
  data: ComponentContributionsData,
  options: ComponentContributionsOptions = {},
): ComponentContributionsResult {
  const record = requireRecord(data, ['data']);
  requireKnownKeys(record, DATA_KEYS, ['data']);
  const { components: componentsInput, outcome: outcomeInput } = record;
  const settings = readOptions<ComponentContributionsOptions>(options, OPTION_KEYS, ['options']);
  const method =
    settings.method === undefined
      ? 'pearson'
      : requireOneOf(settings.method, ['pearson', 'spearman'] as const, ['options', 'method'], 'correlation method');
  const adjust =
    settings.adjust === undefined
      ? 'holm'
      : requireOneOf(settings.adjust, ['holm', 'bh'] as const, ['options', 'adjust'], 'adjustment');
  const confidenceLevel = readConfidenceLevel(settings.confidenceLevel, ['options', 'confidenceLevel']);
  const nanPolicy = readNanPolicy(settings.nanPolicy, ['options', 'nanPolicy']);
  const scale = readFidelityScale(settings.fidelityScale, ['options', 'fidelityScale']);
  const policy = resolveFidelityPolicy(settings.policy, ['options', 'policy']);
  const outcome = readOutcomeSeries(outcomeInput, ['data', 'outcome']);
  // Checked here so a bad entry is reported at its own path.
  for (let i = 0; i < outcome.length; i += 1) isMissing(outcome[i], nanPolicy, ['data', 'outcome'], i);
  const list = requireArray(componentsInput, ['data', 'components']);
  requireDenseArray(list, ['data', 'components'], MAX_COMPONENTS);
  if (list.length === 0) invalid(['data', 'components'], 'give at least one component');
  const seen = new Set<string>();
  const components = list.map((entry, index) => {
    const path: ErrorPath = ['data', 'components', index];
    const component = requireRecord(entry, path);
    requireKnownKeys(component, COMPONENT_KEYS, path);
    const { id: idInput, fidelity: fidelityInput } = component;
    const id = requireNonEmptyId(idInput, [...path, 'id']);
    requireUniqueId(seen, id, [...path, 'id'], 'component id');
    const fidelity = readFidelitySeries(fidelityInput, scale, nanPolicy, [...path, 'fidelity']);
    requireLength(fidelity, outcome.length, [...path, 'fidelity'], 'outcome');
    return { id, fidelity };
  });
  const design = readDesignInputs(record, outcome.length, nanPolicy, 'outcome');
  const outcomeValues = Array.from({ length: outcome.length }, (_, i) => {
    const value = outcome[i];
    return typeof value === 'number' && !Number.isNaN(value) ? value : null;
  });
  const asNullable = (series: Series) =>
    Array.from({ length: series.length }, (_, i) => {
      const value = series[i];
      return typeof value === 'number' && !Number.isNaN(value) ? value : null;
    });
  const covariateTerms = design.covariates.map((values, index) => ({
    term:
      index === 0 && record.baseline !== undefined
        ? 'baseline'
        : `covariates.${record.baseline !== undefined ? index - 1 : index}`,
    values: asNullable(values),
  }));

  const m = components.length;
  const widenedLevel = 1 - policy.alpha / m;
  const analyses = components.map((component, index) => {
    const others = [
      ...components.filter((_, other) => other !== index).map((other) => other.fidelity),
      ...design.covariates,
    ];
    const correlation = correlate(component.fidelity, outcome, { method, confidenceLevel, nanPolicy });
    const partial =
      others.length === 0
        ? null
        : partialCorrelation(component.fidelity, outcome, others, { method, confidenceLevel, nanPolicy });
    const judged: { estimate: number | null; pValue: number | null } = partial ?? correlation;
    const widened =
      judged.estimate === null
        ? null
        : partial === null
          ? correlate(component.fidelity, outcome, { method, confidenceLevel: widenedLevel, nanPolicy })
              .confidenceInterval
          : partialCorrelation(component.fidelity, outcome, others, {
              method,
              confidenceLevel: widenedLevel,
              nanPolicy,
            }).confidenceInterval;
    const why = (partial ?? correlation).notes[0]?.code ?? null;
    if (design.clusters === null) {
      return { component, correlation, partial, estimate: judged.estimate, pValue: judged.pValue, widened, why };
    }
    // With clusters: the component's within-cluster effect, controlling for the others and the covariates.
    const terms = [
      ...components.filter((_, other) => other !== index).map((other) => ({ term: other.id, values: other.fidelity })),
      ...covariateTerms,
    ];
    const clustered = componentMixedModel(
      component.fidelity,
      outcomeValues,
      terms,
      design.clusters,
      confidenceLevel,
      widenedLevel,
    );
    return { component, correlation, partial, ...clustered, why: clustered.why ?? why };
  });
  const adjusted = adjustPValues(
    analyses.map((analysis) => analysis.pValue),
    adjust,
  );
  const order = analyses
    .map((analysis, index) => ({ index, estimate: analysis.estimate }))
    .sort((a, b) => {
      if (a.estimate === null || b.estimate === null)
        return (a.estimate === null ? 1 : 0) - (b.estimate === null ? 1 : 0) || a.index - b.index;
      return b.estimate - a.estimate || a.index - b.index;
    });
  const ranks = new Map(order.map((entry, position) => [entry.index, position + 1]));

  return sealResult(
    {
      schemaVersion: 1,
      adjust,
      policy,
      components: analyses.map((analysis, index): ComponentContribution => {
        const adjustedPValue = adjusted[index] ?? null;
        const { estimate, widened } = analysis;
        let action: 'supported' | 'not-supported' | 'undetermined';
        let why: DecisionReason<ComponentRule>;
        if (estimate === null || adjustedPValue === null || widened === null) {
          action = 'undetermined';
          why = ruleReason(COMPONENT_RULES, noEstimateRule(analysis.why), {
            n: analysis.correlation.n,
            note: analysis.why,
          });
        } else if (estimate > 0 && adjustedPValue < policy.alpha) {
          action = 'supported';
          why = ruleReason(COMPONENT_RULES, 'fidelity/contributes', {
            estimate,
            adjustedPValue,
            alpha: policy.alpha,
            adjust,
          });
        } else if (widened[1] < policy.minimumMeaningfulEffect) {
          action = 'not-supported';
          why = ruleReason(COMPONENT_RULES, 'fidelity/below-minimum-effect', {
            estimate,
            upperBound: widened[1],
            intervalLevel: widenedLevel,
            minimumMeaningfulEffect: policy.minimumMeaningfulEffect,
          });
        } else {
          action = 'undetermined';
          why = ruleReason(COMPONENT_RULES, 'fidelity/inconclusive', {
            estimate,
            adjustedPValue,
            upperBound: widened[1],
            minimumMeaningfulEffect: policy.minimumMeaningfulEffect,
          });
        }
        return {
          id: analysis.component.id,
          rank: ranks.get(index) as number,
          correlation: analysis.correlation,
          partial: analysis.partial,
          pValue: analysis.pValue,
          adjustedPValue,
          widenedInterval: widened,
          ...('mixedModel' in analysis ? { mixedModel: analysis.mixedModel } : {}),
          decision: decide(action, [why], policy),
        };
      }),
      ...(design.covariates.length > 0 || design.clusters !== null
        ? {
            design: {
              covariates: design.covariates.length,
              clusters: design.clusters === null ? null : new Set(design.clusters).size,
              judgedOn: design.clusters === null ? ('partial-correlation' as const) : ('mixed-model-within' as const),
            },
          }
        : {}),
    },
    'component contributions',
  );
}
