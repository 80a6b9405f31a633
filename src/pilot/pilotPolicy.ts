import * as z from 'zod/mini';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { policyDefinition } from '../_lib/policy.js';

/**
 * One row of an attrition boundary table (a WWC handbook's): for an overall attrition of
 * `overall` percent (a whole number, the row holds floor(overall %)), the boundary of differential
 * attrition, in percent, below which attrition is *low* under the cautious and the optimistic boundary
 * (`null` where the table gives none).
 *
 * @category Pilot
 */
export interface AttritionBoundaryRow {
  readonly overall: number;
  readonly cautious: number;
  readonly optimistic: number | null;
}

/**
 * The thresholds {@link summarizePilotEvidence} and {@link decidePilot} apply; see
 * {@link DEFAULT_PILOT_POLICY} for the defaults and their sources.
 *
 * @category Pilot
 */
export interface PilotPolicy {
  /** The smallest effect (in SD units, favourable direction) worth scaling for (> 0). */
  readonly minUsefulEffect: number;
  /** Two-sided significance level of every test (in (0, 0.5]). */
  readonly alpha: number;
  /** Level of every interval (in (0, 1)). */
  readonly confidenceLevel: number;
  /** Power of the minimum detectable effect and of the re-pilot size (in (0.5, 1)). */
  readonly power: number;
  /** ICC assumed for achievement outcomes assigned by cluster, unless the outcome gives its own ([0, 1)). */
  readonly iccAchievement: number;
  /** ICC assumed for behavioural and attitude outcomes ([0, 1)). */
  readonly iccBehavior: number;
  /** Which WWC attrition boundary applies. */
  readonly attritionBoundary: 'cautious' | 'optimistic';
  /** The attrition boundary table to follow; `null` is WWC Standards Handbook v4.0, Table II.1. */
  readonly attritionTable: readonly AttritionBoundaryRow[] | null;
  /** Baseline differences up to this |g| are equivalent. */
  readonly baselineSatisfied: number;
  /** Baseline differences up to this |g| are equivalent once adjusted for; beyond, not equivalent. */
  readonly baselineAdjustable: number;
  /** Fewest students in the analytic sample for ESSA tiers 1 and 2. */
  readonly minStudents: number;
  /** Fewest sites for ESSA tiers 1 and 2. */
  readonly minSites: number;
  /** Share of teachers at the fidelity level associated with outcomes below which the plan was not done ([0, 1]). */
  readonly minShareWithFidelity: number;
  /** Share of educators answering favourably below which teachers struggle ([0, 1]). */
  readonly minShareFavourable: number;
  /** Fewest students per arm for a focal group's own effect to tell anything (whole number ≥ 2). */
  readonly minFocalGroupSize: number;
  /** Whether local goals met without a comparison group can justify scaling up (not only expanding the pilot). */
  readonly acceptLocalGoalEvidence: boolean;
}

const share = z.number().check(z.gte(0), z.lte(1));
const AttritionRowSchema = z.strictObject({
  overall: z.int().check(z.gte(0), z.lte(100)),
  cautious: z.number().check(z.gte(0), z.lte(100)),
  optimistic: z.nullable(z.number().check(z.gte(0), z.lte(100))),
});

const fields = {
  minUsefulEffect: z.number().check(z.gt(0), z.lte(5)),
  alpha: z.number().check(z.gt(0), z.lte(0.5)),
  confidenceLevel: z.number().check(z.gt(0), z.lt(1)),
  power: z.number().check(z.gt(0.5), z.lt(1)),
  iccAchievement: z.number().check(z.gte(0), z.lt(1)),
  iccBehavior: z.number().check(z.gte(0), z.lt(1)),
  attritionBoundary: z.enum(['cautious', 'optimistic']),
  attritionTable: z.nullable(z.array(AttritionRowSchema).check(z.minLength(1), z.maxLength(101))),
  baselineSatisfied: z.number().check(z.gte(0), z.lte(5)),
  baselineAdjustable: z.number().check(z.gte(0), z.lte(5)),
  minStudents: z.int().check(z.gte(0)),
  minSites: z.int().check(z.gte(0)),
  minShareWithFidelity: share,
  minShareFavourable: share,
  minFocalGroupSize: z.int().check(z.gte(2)),
  acceptLocalGoalEvidence: z.boolean(),
};

/** The whole policy, as a result echoes it. @internal */
export const PilotPolicySchema = /* @__PURE__ */ z.strictObject(fields);

const definition = /* @__PURE__ */ policyDefinition<PilotPolicy>({
  defaults: {
    minUsefulEffect: 0.25,
    alpha: 0.05,
    confidenceLevel: 0.95,
    power: 0.8,
    iccAchievement: 0.2,
    iccBehavior: 0.1,
    attritionBoundary: 'cautious',
    attritionTable: null,
    baselineSatisfied: 0.05,
    baselineAdjustable: 0.25,
    minStudents: 350,
    minSites: 2,
    minShareWithFidelity: 0.5,
    minShareFavourable: 0.5,
    minFocalGroupSize: 10,
    acceptLocalGoalEvidence: false,
  },
  fields,
  check(policy, given, path: ErrorPath) {
    if (policy.baselineSatisfied > policy.baselineAdjustable) {
      invalid(
        [...path, given.baselineSatisfied === undefined ? 'baselineAdjustable' : 'baselineSatisfied'],
        `baselineSatisfied (${policy.baselineSatisfied}) must not exceed baselineAdjustable (${policy.baselineAdjustable})`,
      );
    }
    const table = policy.attritionTable;
    if (table !== null) {
      table.forEach((row, index) => {
        const previous = table[index - 1];
        if (previous !== undefined && row.overall <= previous.overall) {
          invalid(
            [...path, 'attritionTable', index, 'overall'],
            'rows must be in increasing order of overall attrition',
          );
        }
      });
    }
  },
});

/**
 * The default pilot thresholds, with their sources.
 *
 * - `minUsefulEffect: 0.25` — the WWC calls an effect of a quarter of a standard deviation
 *   substantively important (Procedures and Standards Handbook v5.0); a pilot whose effects' upper
 *   bounds all fall below it fails to benefit students.
 * - `alpha: 0.05`, `confidenceLevel: 0.95` — the WWC's significance level and the matching interval.
 * - `power: 0.8` — the conventional power of a minimum detectable effect (Bloom 1995).
 * - `iccAchievement: 0.2`, `iccBehavior: 0.1` — the WWC's default intraclass correlations for the
 *   clustering correction (handbook v5.0; transcribed second-hand, so overridable here and per
 *   outcome).
 * - `attritionBoundary: 'cautious'`, `attritionTable: null` — the WWC's cautious boundary and its
 *   Standards Handbook v4.0 table (Table II.1, 0–57% overall, transcribed second-hand; two
 *   transcriptions disagree at 57%, so pass the table of the handbook version you follow).
 * - `baselineSatisfied: 0.05`, `baselineAdjustable: 0.25` — the WWC's baseline-equivalence bands.
 * - `minStudents: 350`, `minSites: 2` — the ED's non-regulatory guidance on ESSA tiers 1 and 2 (2016).
 * - `minShareWithFidelity: 0.5` — NIRN's "full implementation": at least half of the intended
 *   practitioners use the practice with fidelity (Fixsen et al. 2005).
 * - `minShareFavourable: 0.5` — the library's convention: when fewer than half of the pilot
 *   educators answer an experience item favourably, teachers struggle (REL Appalachia's guide
 *   gives no number).
 * - `minFocalGroupSize: 10` — per arm; below it a focal group's own effect tells nothing (the
 *   library's convention, the most common minimum reporting size of NCES SLDS Technical Brief 3).
 * - `acceptLocalGoalEvidence: false` — local goals met without a comparison group (all three pilot
 *   schools certified) justify a larger pilot, not a district-wide scale-up (REL Appalachia: expand
 *   to a larger group of testers first); a district may accept them.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { DEFAULT_PILOT_POLICY } from 'scaling-navigator/pilot';
 * DEFAULT_PILOT_POLICY.minUsefulEffect //=> 0.25
 * DEFAULT_PILOT_POLICY.attritionBoundary //=> 'cautious'
 * ```
 */
export const DEFAULT_PILOT_POLICY: PilotPolicy = definition.defaults;

/** The pilot policy with `overrides` merged in, errors under `path`. @internal */
export function resolvePilotPolicy(overrides: unknown, path: ErrorPath): PilotPolicy {
  return definition.resolve(overrides, path);
}

/**
 * Validates overrides and merges them over {@link DEFAULT_PILOT_POLICY}.
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` for unknown keys, values out of range,
 *   `baselineSatisfied` above `baselineAdjustable`, or table rows out of order.
 * @example
 * ```ts
 * import { definePilotPolicy } from 'scaling-navigator/pilot';
 * definePilotPolicy({ acceptLocalGoalEvidence: true }).acceptLocalGoalEvidence //=> true
 * definePilotPolicy({ alpha: 0 }) //=> throws INVALID_INPUT at ['policy', 'alpha']
 * definePilotPolicy({ minUsefullEffect: 0.2 } as never) //=> throws INVALID_INPUT at ['policy', 'minUsefullEffect']
 * ```
 */
export function definePilotPolicy(overrides: Partial<PilotPolicy> = {}): PilotPolicy {
  return definition.resolve(overrides, ['policy']);
}
