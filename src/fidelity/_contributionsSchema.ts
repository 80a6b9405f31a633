/**
 * The result of {@link componentContributions}: its types, the schema of a stored one and its
 * parsers.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import type { Decision } from '../framework/Decision.js';
import type { CorrelationResult, PartialCorrelationResult } from '../stats/index.js';
import type { ComponentMixedModel } from './_componentMixedModel.js';
import { MixedModelEffectSchema } from './_mixedModelSchema.js';
import {
  CorrelationResultSchema,
  Count,
  decisionSchema,
  Finite,
  Interval,
  PartialCorrelationResultSchema,
  PValue,
  SchemaVersion1,
} from './_schemas.js';
import { COMPONENT_RULES, type ComponentRule } from './componentRules.js';
import { type FidelityPolicy, FidelityPolicySchema } from './fidelityPolicy.js';

/**
 * One component's contribution.
 *
 * @category Fidelity
 */
export interface ComponentContribution {
  readonly id: string;
  /** 1 = strongest unique association (components without an estimate rank last). */
  readonly rank: number;
  /** The plain correlation with the outcome. */
  readonly correlation: CorrelationResult;
  /** Controlling for the other components (`null` with a single component). */
  readonly partial: PartialCorrelationResult | null;
  /** The p-value judged: the partial's, or the plain correlation's for a single component. */
  readonly pValue: number | null;
  /** `pValue` adjusted across components. */
  readonly adjustedPValue: number | null;
  /** The interval at level 1 − α/m (Bonferroni-widened) used for `not-supported` (standardized within effect with clusters). */
  readonly widenedInterval: readonly [number, number] | null;
  /**
   * With `clusters`: the component's within- and between-cluster effects in the mixed model
   * outcome ~ component_within + component_clusterMean + other components + covariates + (1 | cluster)
   * (REML; see {@link analyzeFidelityOutcome}); the decision then judges the standardized within
   * effect. `null` when the model cannot be fitted; absent without clusters.
   */
  readonly mixedModel?: ComponentMixedModel | null;
  /** Whether the data support the component's contribution, with the rule that decided it (see {@link COMPONENT_RULES}). */
  readonly decision: Decision<'supported' | 'not-supported', ComponentRule, FidelityPolicy>;
}

/**
 * The result of {@link componentContributions}.
 *
 * @category Fidelity
 */
export interface ComponentContributionsResult {
  /** The version of this result's shape (1); see {@link parseComponentContributionsResult}. */
  readonly schemaVersion: 1;
  /** In input order; see `rank`. */
  readonly components: readonly ComponentContribution[];
  readonly adjust: 'holm' | 'bh';
  /** With a baseline, covariates or clusters: what was controlled for and what the decisions judge (absent otherwise). */
  readonly design?: {
    readonly covariates: number;
    readonly clusters: number | null;
    /** `'partial-correlation'` (controlling for the other components and the covariates) or `'mixed-model-within'` (the standardized within-cluster effect). */
    readonly judgedOn: 'partial-correlation' | 'mixed-model-within';
  };
  /** The effective policy. */
  readonly policy: FidelityPolicy;
}

/** The rule for a component without an estimate, from the note of the correlation judged. */
const ComponentContributionSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  rank: z.int().check(z.gte(1)),
  correlation: CorrelationResultSchema,
  partial: z.nullable(PartialCorrelationResultSchema),
  pValue: PValue,
  adjustedPValue: PValue,
  widenedInterval: Interval,
  mixedModel: z.exactOptional(
    z.nullable(
      z.strictObject({
        within: MixedModelEffectSchema,
        between: MixedModelEffectSchema,
        n: Count,
        clusterCount: Count,
        conditionalIcc: Finite.check(z.gte(0), z.lte(1)),
        singular: z.boolean(),
      }),
    ),
  ),
  decision: decisionSchema(['supported', 'not-supported'], COMPONENT_RULES),
});

/**
 * The schema of a stored {@link ComponentContributionsResult} (`schemaVersion: 1`): strict,
 * finite numbers only, unique component ids ranked 1 … m, and every decision citing a rule of
 * {@link COMPONENT_RULES} with its guidance. Validate with {@link parseComponentContributionsResult}
 * / {@link safeParseComponentContributionsResult}.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { ComponentContributionsResult } from 'scaling-navigator/fidelity';
 * ComponentContributionsResult.safeParse({ schemaVersion: 1, components: [], adjust: 'holm' }).success //=> false
 * ```
 */
export const ComponentContributionsResult: z.ZodMiniType<ComponentContributionsResult> = /* @__PURE__ */ z
  .strictObject({
    schemaVersion: SchemaVersion1,
    components: z.readonly(z.array(ComponentContributionSchema).check(z.minLength(1))),
    adjust: z.enum(['holm', 'bh']),
    design: z.exactOptional(
      z.strictObject({
        covariates: Count,
        clusters: z.nullable(Count),
        judgedOn: z.enum(['partial-correlation', 'mixed-model-within']),
      }),
    ),
    policy: FidelityPolicySchema,
  })
  .check(
    z.refine(
      (result) => new Set(result.components.map((component) => component.id)).size === result.components.length,
      {
        message: 'component ids repeat',
        path: ['components'],
      },
    ),
    z.refine(
      (result) => {
        const ranks = result.components.map((component) => component.rank).sort((a, b) => a - b);
        return ranks.every((rank, index) => rank === index + 1);
      },
      { message: 'the ranks are not 1 … m', path: ['components'] },
    ),
  );

const contributionsParsers = /* @__PURE__ */ schemaParsers(ComponentContributionsResult);

/**
 * Validates a stored {@link ComponentContributionsResult} (e.g. read back from JSON).
 *
 * @category Fidelity
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first damaged field (an unknown key, a
 *   missing `policy`, a non-finite number, repeated ids or ranks, a rule not in the catalog).
 * @example
 * ```ts
 * import { componentContributions, parseComponentContributionsResult } from 'scaling-navigator/fidelity';
 * const result = componentContributions({
 *   components: [{ id: 'launch', fidelity: [0.2, 0.4, 0.5, 0.7, 0.9] }],
 *   outcome: [41, 45, 52, 55, 63],
 * });
 * const stored = JSON.parse(JSON.stringify(result));
 * parseComponentContributionsResult(stored).components[0].id //=> 'launch'
 * parseComponentContributionsResult({ ...stored, adjust: 'fdr' }) //=> throws INVALID_INPUT at ['adjust']
 * ```
 */
export function parseComponentContributionsResult(input: unknown): ComponentContributionsResult {
  return contributionsParsers.parse(input);
}

/**
 * {@link parseComponentContributionsResult} without throwing: `{ success, data }` or `{ success, error }`.
 *
 * @category Fidelity
 * @example
 * ```ts
 * import { safeParseComponentContributionsResult } from 'scaling-navigator/fidelity';
 * safeParseComponentContributionsResult({ schemaVersion: 1 }).success //=> false
 * ```
 */
export function safeParseComponentContributionsResult(input: unknown): SafeParseResult<ComponentContributionsResult> {
  return contributionsParsers.safeParse(input);
}
