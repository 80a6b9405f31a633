/**
 * {@link componentContributions} with clusters: each component's within-cluster effect in the
 * mixed model outcome ~ component_within + component_clusterMean + other components + covariates
 * + (1 | cluster), on the standardized scale (β·SD_component / SD_outcome), with the
 * Bonferroni-widened interval on the same scale.
 *
 * @internal
 * @module
 */
import type { Series } from '../_lib/series.js';
import { fitMixedModel } from './_mixedModel.js';
import type { MixedModelEffect } from './_mixedModelSchema.js';

/** The mixed-model view of one component. */
export interface ComponentMixedModel {
  readonly within: MixedModelEffect;
  readonly between: MixedModelEffect;
  /** Rows fitted, clusters, and the cluster variance's share given the fixed effects. */
  readonly n: number;
  readonly clusterCount: number;
  readonly conditionalIcc: number;
  readonly singular: boolean;
}

function nullable(series: Series): (number | null)[] {
  return Array.from({ length: series.length }, (_, i) => {
    const value = series[i];
    return typeof value === 'number' && !Number.isNaN(value) ? value : null;
  });
}

/** What the decision judges, from the within effect; `why` is set when the model cannot be fitted. */
export function componentMixedModel(
  fidelity: readonly (number | null)[],
  outcome: readonly (number | null)[],
  terms: readonly { readonly term: string; readonly values: Series }[],
  clusters: readonly (string | number)[],
  level: number,
  widenedLevel: number,
): {
  mixedModel: ComponentMixedModel | null;
  estimate: number | null;
  pValue: number | null;
  widened: readonly [number, number] | null;
  why: string | null;
} {
  const modelTerms = terms.map((term) => ({ term: term.term, values: nullable(term.values) }));
  const fit = fitMixedModel(fidelity, outcome, modelTerms, clusters, level);
  if (!('model' in fit)) {
    return { mixedModel: null, estimate: null, pValue: null, widened: null, why: 'SINGULAR_COVARIATES' };
  }
  const { model } = fit;
  const within = model.within;
  const ratio = within.estimate === 0 || within.standardized === null ? null : within.standardized / within.estimate;
  let widened: readonly [number, number] | null = null;
  if (ratio !== null) {
    const wide = fitMixedModel(fidelity, outcome, modelTerms, clusters, widenedLevel);
    const interval = 'model' in wide ? wide.model.within.confidenceInterval : null;
    if (interval !== null) {
      const a = interval[0] * ratio;
      const b = interval[1] * ratio;
      widened = [Math.min(a, b) + 0, Math.max(a, b) + 0];
    }
  }
  return {
    mixedModel: {
      within,
      between: model.between,
      n: model.n,
      clusterCount: model.clusterCount,
      conditionalIcc: model.conditionalIcc,
      singular: model.singular,
    },
    estimate: within.standardized,
    pValue: within.pValue,
    widened,
    why: within.pValue === null ? 'SINGULAR_COVARIATES' : null,
  };
}
