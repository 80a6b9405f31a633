/**
 * Schema parts of the fidelity results: finite numbers (never −0), notes, the stats estimates the
 * results embed, and decisions citing a rule catalog.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { RuleEntry } from '../framework/rules.js';
import { SOURCES, type SourceId } from '../framework/sources.js';
import { FidelityPolicySchema } from './fidelityPolicy.js';

/** A finite number other than −0. */
export const Finite = z.number().check(z.refine((value) => !Object.is(value, -0), 'expected a number other than -0'));
/** A count: a whole number ≥ 0. */
export const Count = z.int().check(z.gte(0));
/** A share in [0, 1]. */
export const Share = z.number().check(z.gte(0), z.lte(1));
/** A p-value in [0, 1], or `null`. */
export const PValue = z.nullable(Share);
/** `[lower, upper]` with lower ≤ upper, or `null`. */
export const Interval = z.nullable(
  z.readonly(z.tuple([Finite, Finite]).check(z.refine(([lower, upper]) => lower <= upper, 'lower above upper'))),
);

/** `Note<Code>` for the given codes. */
export function noteSchema<const Code extends string>(codes: readonly Code[]) {
  return z.strictObject({
    code: z.enum(codes as unknown as [Code, ...Code[]]),
    message: z.string(),
    field: z.nullable(z.string()),
  });
}

function estimateShape<const Code extends string>(codes: readonly Code[]) {
  return {
    estimate: z.nullable(Finite),
    statistic: z.nullable(Finite),
    df: z.nullable(Finite),
    pValue: PValue,
    confidenceInterval: Interval,
    confidenceLevel: z.nullable(z.number().check(z.gt(0), z.lt(1))),
    n: Count,
    nDropped: Count,
    notes: z.readonly(z.array(noteSchema(codes))),
  };
}

/** A correlation from `correlate`. */
export const CorrelationResultSchema = z.strictObject({
  ...estimateShape(['TOO_FEW_PAIRS', 'CONSTANT_INPUT', 'PERFECT_CORRELATION']),
  method: z.enum(['pearson', 'spearman', 'kendall']),
  pMethod: z.nullable(z.enum(['t', 'exact', 'asymptotic'])),
});

/** A partial correlation from `partialCorrelation`. */
export const PartialCorrelationResultSchema = z.strictObject({
  ...estimateShape(['TOO_FEW_ROWS', 'CONSTANT_INPUT', 'SINGULAR_COVARIATES', 'PERFECT_CORRELATION']),
  method: z.enum(['pearson', 'spearman']),
  covariateCount: Count,
});

/** An ICC(1) from `icc1`. */
export const Icc1ResultSchema = z.strictObject({
  ...estimateShape(['TOO_FEW_GROUPS', 'TOO_FEW_OBSERVATIONS', 'NO_VARIANCE']),
  n0: z.nullable(Finite),
  meanGroupSize: z.nullable(Finite),
  groupCount: Count,
  anova: z.nullable(
    z.strictObject({
      dfBetween: Finite,
      dfWithin: Finite,
      ssBetween: Finite,
      ssWithin: Finite,
      msBetween: Finite,
      msWithin: Finite,
      f: z.nullable(Finite),
      pValue: PValue,
    }),
  ),
});

/** A proportion from `proportionInterval`. */
export const ProportionResultSchema = z.strictObject({
  ...estimateShape(['EMPTY']),
  successes: Count,
});

const SourceIdSchema = z.enum(SOURCES.map((source) => source.id) as [SourceId, ...SourceId[]]);

/**
 * A `Decision` whose actions are `actions` (plus `'undetermined'`), whose reasons cite rules of
 * `catalog` with that rule's guidance, and whose policy is a whole fidelity policy.
 */
export function decisionSchema<const Action extends string, Rule extends string>(
  actions: readonly Action[],
  catalog: readonly RuleEntry<Rule, string>[],
) {
  const ids = catalog.map((rule) => rule.id);
  return z.strictObject({
    action: z.enum([...actions, 'undetermined'] as unknown as [
      Action | 'undetermined',
      ...(Action | 'undetermined')[],
    ]),
    reasons: z.readonly(
      z
        .array(
          z
            .strictObject({
              rule: z.enum(ids as [Rule, ...Rule[]]),
              evidence: z.record(z.string(), z.union([Finite, z.string(), z.boolean(), z.null()])),
              guidance: z.strictObject({ source: SourceIdSchema, section: z.string(), summary: z.string() }),
            })
            .check(
              z.refine((reason) => {
                const guidance = catalog.find((rule) => rule.id === reason.rule)?.guidance;
                return (
                  guidance !== undefined &&
                  guidance.source === reason.guidance.source &&
                  guidance.section === reason.guidance.section &&
                  guidance.summary === reason.guidance.summary
                );
              }, "the guidance is not the rule's"),
            ),
        )
        .check(z.minLength(1)),
    ),
    policy: FidelityPolicySchema,
    version: z.string().check(z.minLength(1)),
  });
}

/** The literal `schemaVersion: 1`. */
export const SchemaVersion1 = z.literal(1);
