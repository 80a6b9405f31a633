import * as z from 'zod/mini';
import { invalid } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';
import { sealResult } from '../_lib/stored.js';
import { requireArray } from '../_lib/validate.js';
import { requireDenseIfArray } from '../factors/_resultParts.js';
import { STRATEGY_IDS, StrategyId } from '../framework/strategies.js';
import { screenParsed } from './_screen.js';
import { PartnerJudgement, type PartnerJudgementInput } from './PartnerJudgement.js';
import type { ScreeningReport } from './ScreeningReport.js';

/**
 * Screens candidate strategies by acceptability and affordability for **every** partner (Carnegie framework,
 * Component 1 and Tool #3): a strategy passes only if each partner finds it both acceptable and
 * affordable — the minimum over partners, not the mean; one partner's "no" fails it (the decision
 * names the blocking partners and their reasons); a partner who has not judged it yet makes it
 * `'undetermined'`, never a pass. A rejection decides even while others are still to judge.
 *
 * It also reports where the least powerful partners (lowest `power`) and the most powerful (highest
 * `power`) disagree on a strategy, so a team can see whose view a decision would override.
 * Decisions are {@link framework!Decision}s with `policy: null` (the rule has no thresholds) and the library
 * version. O(c + j) for c candidates and j judgements. The inputs are not mutated.
 *
 * @category Strategy screening
 * @param candidates - Strategy ids to screen (unique, from the typology).
 * @param partnerJudgements - Each partner with its power, role and judgements ({@link PartnerJudgement}).
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown or repeated strategy id, a repeated
 *   partner, a strategy judged twice by one partner, a non-boolean judgement, a non-finite or boolean
 *   power, an unknown key in a partner or a judgement (at the key), and a hole in `candidates`,
 *   `partnerJudgements` or a partner's `judgements` (at its index); `LIMIT_EXCEEDED`, before any
 *   work, for more candidates than the typology has strategies.
 * @returns A sealed (deep-frozen) {@link ScreeningReport} with `schemaVersion: 1` (a power of −0 is
 *   reported as 0); read a stored one back with {@link parseScreeningReport}.
 * @example
 * ```ts
 * import { screenStrategies } from 'scaling-navigator/strategies';
 * const report = screenStrategies(['proof-point', 'shape-policy', 'local-champions'], [
 *   { partnerId: 'district', power: 3, judgements: [
 *     { strategyId: 'proof-point', acceptable: true, affordable: true },
 *     { strategyId: 'shape-policy', acceptable: true, affordable: true },
 *     { strategyId: 'local-champions', acceptable: true, affordable: true },
 *   ] },
 *   { partnerId: 'teachers-union', power: 1, judgements: [
 *     { strategyId: 'proof-point', acceptable: true, affordable: true },
 *     { strategyId: 'shape-policy', acceptable: false, affordable: true, why: 'Adds evaluation pressure' },
 *   ] },
 * ]);
 * report.passed //=> ['proof-point']
 * report.failed //=> ['shape-policy']
 * report.undetermined //=> ['local-champions']
 * report.strategies[1].blockedBy.map((partner) => [partner.id, partner.why]) //=> [['teachers-union', 'Adds evaluation pressure']]
 * report.powerDisagreements.map((entry) => [entry.id, entry.kind]) //=> [['shape-policy', 'least-powerful-object']]
 * screenStrategies(['teleport' as never], []) //=> throws INVALID_INPUT at ['candidates', 0]
 * ```
 */
export function screenStrategies(
  candidates: readonly StrategyId[],
  partnerJudgements: readonly PartnerJudgementInput[],
): ScreeningReport {
  requireDenseIfArray(candidates, ['candidates'], STRATEGY_IDS.length);
  const strategyIds = parseOrThrow(z.array(StrategyId), candidates, ['candidates']);
  const seenStrategies = new Set<string>();
  strategyIds.forEach((id, index) => {
    if (seenStrategies.has(id)) invalid(['candidates', index], `strategy "${id}" is listed twice`);
    seenStrategies.add(id);
  });
  requireDenseIfArray(partnerJudgements, ['partnerJudgements']);
  const partners = requireArray(partnerJudgements, ['partnerJudgements']).map((partner, index) => {
    const parsed = parseOrThrow(PartnerJudgement, partner, ['partnerJudgements', index]);
    // A power of −0 is 0: no output field is ever −0.
    return parsed.power === undefined ? parsed : { ...parsed, power: parsed.power + 0 };
  });
  return sealResult(screenParsed(strategyIds, partners), 'strategy screening');
}
