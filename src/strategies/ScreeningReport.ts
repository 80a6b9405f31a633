import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import type { Note } from '../_lib/notes.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { decisionSchema, noteSchema } from '../factors/_resultParts.js';
import { Id } from '../framework/_schemaParts.js';
import type { Decision } from '../framework/Decision.js';
import { StrategyId } from '../framework/strategies.js';
import { SCREENING_RULES, type ScreeningRule } from './screeningRules.js';

/**
 * A screening decision: its reasons name {@link SCREENING_RULES}; `policy` is `null` (the rule
 * has no thresholds).
 *
 * @category Strategy screening
 */
export type ScreeningDecision = Decision<'pass' | 'fail', ScreeningRule, null>;

/**
 * Why part of a screening could not be done.
 *
 * - `NO_PARTNERS` (field `strategies`): no partner judgements were given; every strategy is undetermined.
 * - `POWER_NOT_GIVEN` (field `powerDisagreements`): some partners have no `power`; they are left
 *   out of the power comparison.
 * - `POWER_NOT_COMPARABLE` (field `powerDisagreements`): fewer than two different power levels among the partners, so there are
 *   no "least" and "most" powerful to compare.
 *
 * @category Strategy screening
 */
export type ScreeningNoteCode = 'NO_PARTNERS' | 'POWER_NOT_GIVEN' | 'POWER_NOT_COMPARABLE';

/**
 * A partner that blocks a strategy, and on which criteria.
 *
 * @category Strategy screening
 */
export interface BlockingPartner {
  /** The partner id. */
  readonly id: string;
  readonly role: string | null;
  readonly power: number | null;
  readonly notAcceptable: boolean;
  readonly notAffordable: boolean;
  /** The partner's reasons, or `null`. */
  readonly why: string | null;
}

/**
 * One candidate strategy's screening.
 *
 * @category Strategy screening
 */
export interface StrategyScreening {
  /** The strategy id. */
  readonly id: StrategyId;
  /** `'pass'` only when every partner finds it acceptable and affordable. */
  readonly decision: ScreeningDecision;
  /** Partners who find it unacceptable or unaffordable, in the order given. */
  readonly blockedBy: readonly BlockingPartner[];
  /** Partners who have not judged it (or one of its criteria) yet. */
  readonly awaiting: readonly string[];
  /** Partners who find it acceptable and affordable. */
  readonly approvedBy: readonly string[];
}

/**
 * The partners at one end of the power scale, split by how they judged a strategy.
 *
 * @category Strategy screening
 */
export interface PowerSide {
  /** Their power level. */
  readonly power: number;
  /** Partners at that level who find the strategy acceptable and affordable. */
  readonly pass: readonly string[];
  /** Partners at that level who find it unacceptable or unaffordable. */
  readonly fail: readonly string[];
}

/**
 * A strategy on which the least and the most powerful partners disagree.
 *
 * - `'least-powerful-object'`: all of the least powerful who judged reject it, all of the most
 *   powerful accept it — the case the Carnegie framework warns about.
 * - `'most-powerful-object'`: the reverse.
 * - `'split'`: the two ends disagree, but neither end is unanimous.
 *
 * @category Strategy screening
 */
export interface PowerDisagreement {
  /** The strategy id. */
  readonly id: StrategyId;
  readonly kind: 'least-powerful-object' | 'most-powerful-object' | 'split';
  readonly leastPowerful: PowerSide;
  readonly mostPowerful: PowerSide;
}

/**
 * The result of {@link screenStrategies}.
 *
 * @category Strategy screening
 */
export interface ScreeningReport {
  /** The version of this result's shape (1); a stored report with a newer one is `INCOMPATIBLE`. */
  readonly schemaVersion: 1;
  /** One entry per candidate, in the order given. */
  readonly strategies: readonly StrategyScreening[];
  readonly passed: readonly StrategyId[];
  readonly failed: readonly StrategyId[];
  readonly undetermined: readonly StrategyId[];
  /** Candidates on which the least and the most powerful partners disagree, in candidate order. */
  readonly powerDisagreements: readonly PowerDisagreement[];
  readonly notes: readonly Note<ScreeningNoteCode>[];
  /** The `scaling-navigator` version that screened. */
  readonly version: string;
}

const SCREENING_NOTE_CODES = [
  'NO_PARTNERS',
  'POWER_NOT_GIVEN',
  'POWER_NOT_COMPARABLE',
] as const satisfies readonly ScreeningNoteCode[];
const Power = z
  .number()
  .check(z.refine<number>((value) => !Object.is(value, -0), { message: 'expected a number other than −0' }));
const PowerSideSchema = z.strictObject({ power: Power, pass: z.array(Id), fail: z.array(Id) });

const ScreeningReportShape = z.strictObject({
  schemaVersion: z.literal(1),
  strategies: z.array(
    z.strictObject({
      id: StrategyId,
      decision: decisionSchema(
        ['pass', 'fail'] as const,
        SCREENING_RULES.map((rule) => rule.id),
        z.null(),
      ),
      blockedBy: z.array(
        z.strictObject({
          id: Id,
          role: z.nullable(Id),
          power: z.nullable(Power),
          notAcceptable: z.boolean(),
          notAffordable: z.boolean(),
          why: z.nullable(z.string()),
        }),
      ),
      awaiting: z.array(Id),
      approvedBy: z.array(Id),
    }),
  ),
  passed: z.array(StrategyId),
  failed: z.array(StrategyId),
  undetermined: z.array(StrategyId),
  powerDisagreements: z.array(
    z.strictObject({
      id: StrategyId,
      kind: z.enum(['least-powerful-object', 'most-powerful-object', 'split']),
      leastPowerful: PowerSideSchema,
      mostPowerful: PowerSideSchema,
    }),
  ),
  notes: z.array(noteSchema(SCREENING_NOTE_CODES)),
  version: z.string(),
});

/** Cheap consistency check: every screened strategy is passed, failed or undetermined, once. */
function checkScreening(report: z.output<typeof ScreeningReportShape>, context: { issues: z.core.$ZodRawIssue[] }) {
  const listed = report.passed.length + report.failed.length + report.undetermined.length;
  if (listed !== report.strategies.length) {
    context.issues.push({
      code: 'custom',
      input: report,
      path: ['strategies'],
      message: `${report.strategies.length} strategies screened, but ${listed} listed as passed, failed or undetermined`,
    });
  }
}

/**
 * Schema for a {@link ScreeningReport} as {@link screenStrategies} returns it (for instance read back
 * from JSON storage): every field, strict objects, rules of {@link SCREENING_RULES}, `schemaVersion: 1`,
 * and every screened strategy passed, failed or undetermined.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { ScreeningReport, screenStrategies } from 'scaling-navigator/strategies';
 * const report = screenStrategies(['proof-point'], [{ partnerId: 'district', judgements: [{ strategyId: 'proof-point', acceptable: true, affordable: true }] }]);
 * ScreeningReport.safeParse(JSON.parse(JSON.stringify(report))).success //=> true
 * ScreeningReport.safeParse({ ...report, passed: [] }).success //=> false
 * ```
 */
export const ScreeningReport = /* @__PURE__ */ ScreeningReportShape.check(
  crossCheck(checkScreening),
) as unknown as z.ZodMiniType<ScreeningReport>;

/**
 * Parses a stored {@link ScreeningReport}, throwing `ScalingNavigatorError` at the first problem
 * (with every problem in `issues`).
 *
 * @category Strategy screening
 * @throws ScalingNavigatorError `INVALID_INPUT` when `input` is not a screening report (a missing or
 *   damaged field, an unknown key, strategies not all listed, a `schemaVersion` other than 1).
 * @example
 * ```ts
 * import { parseScreeningReport, screenStrategies } from 'scaling-navigator/strategies';
 * const report = screenStrategies(['proof-point'], []);
 * parseScreeningReport(JSON.parse(JSON.stringify(report))).undetermined //=> ['proof-point']
 * parseScreeningReport({ ...report, schemaVersion: 2 }) //=> throws INVALID_INPUT at ['schemaVersion']
 * ```
 */
export const parseScreeningReport: (input: unknown) => ScreeningReport =
  /* @__PURE__ */ schemaParsers(ScreeningReport).parse;

/**
 * Parses a stored {@link ScreeningReport} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { safeParseScreeningReport, screenStrategies } from 'scaling-navigator/strategies';
 * const report = screenStrategies(['proof-point'], []);
 * const damaged = safeParseScreeningReport({ ...report, strategies: [{ ...report.strategies[0], id: 'teleport' }] });
 * damaged.success ? null : damaged.error.path //=> ['strategies', 0, 'id']
 * ```
 */
export const safeParseScreeningReport: (input: unknown) => SafeParseResult<ScreeningReport> =
  /* @__PURE__ */ schemaParsers(ScreeningReport).safeParse;
