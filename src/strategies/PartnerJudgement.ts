import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import { StrategyId } from '../framework/strategies.js';

/**
 * Schema for one partner's judgement of one strategy (Carnegie framework, Component 1: is it acceptable to all
 * our partners, not just the most powerful; is it affordable for all of them): `acceptable` and
 * `affordable` are `true`, `false`, or `null` while the partner has not decided.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { StrategyJudgement } from 'scaling-navigator/strategies';
 * StrategyJudgement.parse({ strategyId: 'proof-point', acceptable: true, affordable: null }).affordable //=> null
 * StrategyJudgement.safeParse({ strategyId: 'proof-point', acceptable: 'yes', affordable: true }).success //=> false
 * ```
 */
export const StrategyJudgement = z.strictObject({
  strategyId: StrategyId,
  acceptable: z.nullable(z.boolean()),
  affordable: z.nullable(z.boolean()),
  /** The partner's reasons (shown when it blocks a strategy). */
  why: z.optional(z.string()),
  judgedOn: z.optional(IsoDate),
});
/** One partner's judgement of one strategy. @category Strategy screening */
export type StrategyJudgement = z.infer<typeof StrategyJudgement>;

/**
 * Validates an untrusted partner's judgement of a strategy (e.g. JSON from a form) against {@link StrategyJudgement} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy screening
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parseStrategyJudgement } from 'scaling-navigator/strategies';
 * parseStrategyJudgement({ strategyId: 'proof-point', acceptable: true, affordable: null }).affordable //=> null
 * parseStrategyJudgement({ strategyId: 'proof-point', acceptable: 'yes', affordable: true }) //=> throws INVALID_INPUT at ['acceptable']
 * ```
 */
export const parseStrategyJudgement: (input: unknown) => StrategyJudgement =
  /* @__PURE__ */ schemaParsers(StrategyJudgement).parse;

/**
 * Like {@link parseStrategyJudgement}, but returns the error instead of throwing.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { safeParseStrategyJudgement } from 'scaling-navigator/strategies';
 * const result = safeParseStrategyJudgement({ strategyId: 'proof-point', acceptable: 'yes', affordable: true });
 * result.success ? null : result.error.path //=> ['acceptable']
 * ```
 */
export const safeParseStrategyJudgement: (input: unknown) => SafeParseResult<StrategyJudgement> =
  /* @__PURE__ */ schemaParsers(StrategyJudgement).safeParse;

/**
 * Schema for one partner and its judgements of candidate strategies. `power` is the partner's relative
 * say in decisions (any finite number, higher means more; only the order matters), used to show
 * where the least powerful partners disagree with the most powerful. Each strategy is judged at most
 * once per partner.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { PartnerJudgement } from 'scaling-navigator/strategies';
 * const families = PartnerJudgement.parse({ partnerId: 'families', role: 'community', power: 1 });
 * families.judgements //=> []
 * const twice = {
 *   partnerId: 'district', judgements: [
 *     { strategyId: 'proof-point', acceptable: true, affordable: true },
 *     { strategyId: 'proof-point', acceptable: false, affordable: true },
 *   ],
 * };
 * PartnerJudgement.safeParse(twice).success //=> false
 * ```
 */
export const PartnerJudgement = z
  .strictObject({
    partnerId: Id,
    label: z.optional(z.string()),
    role: z.optional(Id),
    power: z.optional(z.number()),
    judgements: z._default(z.array(StrategyJudgement), []),
  })
  .check(
    crossCheck((partner, context) => {
      const seen = new Set<string>();
      partner.judgements.forEach((judgement, index) => {
        if (seen.has(judgement.strategyId)) {
          context.issues.push({
            code: 'custom',
            input: partner,
            path: ['judgements', index, 'strategyId'],
            message: `${partner.partnerId} already judged "${judgement.strategyId}"; keep one judgement per strategy`,
          });
        }
        seen.add(judgement.strategyId);
      });
    }),
  );
/** A partner and its judgements. @category Strategy screening */
export type PartnerJudgement = z.output<typeof PartnerJudgement>;
/** A partner and its judgements, as a caller may write them. @category Strategy screening */
export type PartnerJudgementInput = z.input<typeof PartnerJudgement>;

/**
 * Validates an untrusted partner with its judgements (e.g. JSON from a form) against {@link PartnerJudgement} and returns it
 * with defaults applied; the input is not mutated.
 *
 * @category Strategy screening
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem (every problem in `issues`), with its path.
 * @example
 * ```ts
 * import { parsePartnerJudgement } from 'scaling-navigator/strategies';
 * parsePartnerJudgement({ partnerId: 'families', power: 1 }).judgements //=> []
 * parsePartnerJudgement({ partnerId: 'families', power: 'low' }) //=> throws INVALID_INPUT at ['power']
 * ```
 */
export const parsePartnerJudgement: (input: unknown) => PartnerJudgement =
  /* @__PURE__ */ schemaParsers(PartnerJudgement).parse;

/**
 * Like {@link parsePartnerJudgement}, but returns the error instead of throwing.
 *
 * @category Strategy screening
 * @example
 * ```ts
 * import { safeParsePartnerJudgement } from 'scaling-navigator/strategies';
 * const result = safeParsePartnerJudgement({ partnerId: 'families', power: 'low' });
 * result.success ? null : result.error.path //=> ['power']
 * ```
 */
export const safeParsePartnerJudgement: (input: unknown) => SafeParseResult<PartnerJudgement> =
  /* @__PURE__ */ schemaParsers(PartnerJudgement).safeParse;
