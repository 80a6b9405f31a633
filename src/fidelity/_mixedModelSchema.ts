/**
 * The mixed-model part of {@link analyzeFidelityOutcome}'s result: its types and schema.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { Note } from '../_lib/notes.js';
import { Count, Finite, Interval, noteSchema, PValue } from './_schemas.js';

/**
 * Why part of the mixed model is absent or to be read with care.
 *
 * - `SINGULAR_FIT`: the cluster variance is estimated at (or next to) 0 — θ = τ/σ below 10⁻⁴, lme4's
 *   `isSingular` tolerance; the model then equals ordinary least squares.
 * - `FEW_CLUSTERS`: fewer than 10 clusters; Kenward–Roger inference is given beside Satterthwaite.
 * - `NO_STANDARD_ERROR`: an estimate has a zero standard error, so no test or interval.
 *
 * @category Fidelity
 */
export type MixedModelNoteCode = 'SINGULAR_FIT' | 'FEW_CLUSTERS' | 'NO_STANDARD_ERROR';

/** The codes of {@link MixedModelNoteCode}. @internal */
export const MIXED_MODEL_NOTE_CODES = [
  'SINGULAR_FIT',
  'FEW_CLUSTERS',
  'NO_STANDARD_ERROR',
] as const satisfies readonly MixedModelNoteCode[];

/**
 * A Wald test of one fixed effect with its df: t = β̂ / SE, two-sided p from Student's t, and the
 * interval β̂ ± t_{df}·SE.
 *
 * @category Fidelity
 */
export interface MixedModelTest {
  readonly standardError: number;
  readonly df: number | null;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly confidenceInterval: readonly [number, number] | null;
}

/**
 * One fixed effect of the mixed model.
 *
 * @category Fidelity
 */
export interface MixedModelEffect extends MixedModelTest {
  /** `'fidelity_within'`, `'fidelity_clusterMean'`, `'baseline'` or `'covariates.<index>'`. */
  readonly term: string;
  readonly estimate: number;
  /** β̂·SD(term) / SD(outcome), the SDs over the rows fitted (SD of fidelity for both fidelity terms). */
  readonly standardized: number | null;
  /** With fewer than 10 clusters: the Kenward–Roger SE, df, test and interval (R `pbkrtest`). */
  readonly kenwardRoger: MixedModelTest | null;
}

/**
 * The random-intercept mixed model of {@link analyzeFidelityOutcome}, fitted by REML:
 * `outcome ~ fidelity_within + fidelity_clusterMean + baseline + covariates + (1 | cluster)`.
 *
 * @category Fidelity
 */
export interface FidelityMixedModel {
  /** Rows fitted (every term present) and clusters holding them. */
  readonly n: number;
  readonly clusterCount: number;
  /** Teachers who implement better than their school's mean: the within-cluster effect. */
  readonly within: MixedModelEffect;
  /** Schools with higher mean fidelity: the between-cluster effect. */
  readonly between: MixedModelEffect;
  /** The baseline (first, when given) and the covariates, in order. */
  readonly covariates: readonly MixedModelEffect[];
  /** τ² (between clusters) and σ² (residual), REML. */
  readonly varianceComponents: { readonly cluster: number; readonly residual: number };
  /** θ = τ / σ, the parameter REML optimizes. */
  readonly theta: number;
  /** τ² / (τ² + σ²) given the fixed effects — not the unconditional ICC(1) of `clustering`. */
  readonly conditionalIcc: number;
  /** θ below 10⁻⁴ (lme4's `isSingular` tolerance): see the `SINGULAR_FIT` note. */
  readonly singular: boolean;
  /** The REML criterion at the optimum (R `REMLcrit`). */
  readonly remlCriterion: number;
  readonly notes: readonly Note<MixedModelNoteCode>[];
}

const MixedModelNote = noteSchema(MIXED_MODEL_NOTE_CODES);

const testShape = {
  standardError: Finite.check(z.gte(0)),
  df: z.nullable(Finite.check(z.gt(0))),
  statistic: z.nullable(Finite),
  pValue: PValue,
  confidenceInterval: Interval,
};

/** The schema of a {@link MixedModelEffect}. @internal */
export const MixedModelEffectSchema = z.strictObject({
  term: z.string(),
  estimate: Finite,
  standardized: z.nullable(Finite),
  ...testShape,
  kenwardRoger: z.nullable(z.strictObject(testShape)),
});

/** The schema of a {@link FidelityMixedModel}. @internal */
export const FidelityMixedModelSchema = z.strictObject({
  n: Count,
  clusterCount: Count,
  within: MixedModelEffectSchema,
  between: MixedModelEffectSchema,
  covariates: z.readonly(z.array(MixedModelEffectSchema)),
  varianceComponents: z.strictObject({ cluster: Finite.check(z.gte(0)), residual: Finite.check(z.gt(0)) }),
  theta: Finite.check(z.gte(0)),
  conditionalIcc: Finite.check(z.gte(0), z.lte(1)),
  singular: z.boolean(),
  remlCriterion: Finite,
  notes: z.readonly(z.array(MixedModelNote)),
});
