import * as z from 'zod/mini';
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { parseOrThrow } from '../_lib/parse.js';
import { RESULT_KINDS, sealResult } from '../_lib/stored.js';
import { requireArray } from '../_lib/validate.js';
import { requireDenseIfArray } from '../factors/_resultParts.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import { STRATEGY_IDS, StrategyId } from '../framework/strategies.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { PartnerJudgement, type PartnerJudgementInput } from './PartnerJudgement.js';
import type {
  BlockingPartner,
  PowerDisagreement,
  PowerSide,
  ScreeningDecision,
  ScreeningNoteCode,
  ScreeningReport,
  StrategyScreening,
} from './ScreeningReport.js';
import { SCREENING_RULES, type ScreeningRule } from './screeningRules.js';

const reason = (rule: ScreeningRule, evidence: DecisionReason['evidence']) =>
  ruleReason(SCREENING_RULES, rule, evidence);

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
  const seenPartners = new Set<string>();
  partners.forEach((partner, index) => {
    if (seenPartners.has(partner.partnerId)) {
      invalid(['partnerJudgements', index, 'partnerId'], `partner "${partner.partnerId}" is listed twice`);
    }
    seenPartners.add(partner.partnerId);
  });

  const judgementOf = (partner: PartnerJudgement, id: StrategyId) =>
    partner.judgements.find((judgement) => judgement.strategyId === id);
  const passes = (partner: PartnerJudgement, id: StrategyId): boolean | null => {
    const judgement = judgementOf(partner, id);
    if (judgement === undefined) return null;
    if (judgement.acceptable === false || judgement.affordable === false) return false;
    if (judgement.acceptable === null || judgement.affordable === null) return null;
    return true;
  };

  const strategies: StrategyScreening[] = strategyIds.map((id) => {
    const blockedBy: BlockingPartner[] = [];
    const awaiting: string[] = [];
    const approvedBy: string[] = [];
    const failReasons: DecisionReason<ScreeningRule>[] = [];
    const waitReasons: DecisionReason<ScreeningRule>[] = [];
    for (const partner of partners) {
      const judgement = judgementOf(partner, id);
      const who = { partnerId: partner.partnerId, role: partner.role ?? null, power: partner.power ?? null };
      if (judgement === undefined) {
        awaiting.push(partner.partnerId);
        waitReasons.push(reason('strategies/partner-has-not-judged', { ...who, acceptable: null, affordable: null }));
        continue;
      }
      const notAcceptable = judgement.acceptable === false;
      const notAffordable = judgement.affordable === false;
      if (notAcceptable || notAffordable) {
        blockedBy.push({
          id: partner.partnerId,
          role: who.role,
          power: who.power,
          notAcceptable,
          notAffordable,
          why: judgement.why ?? null,
        });
        const evidence = { ...who, why: judgement.why ?? null };
        if (notAcceptable) failReasons.push(reason('strategies/not-acceptable-to-partner', evidence));
        if (notAffordable) failReasons.push(reason('strategies/not-affordable-for-partner', evidence));
      } else if (judgement.acceptable === null || judgement.affordable === null) {
        awaiting.push(partner.partnerId);
        waitReasons.push(
          reason('strategies/partner-has-not-judged', {
            ...who,
            acceptable: judgement.acceptable,
            affordable: judgement.affordable,
          }),
        );
      } else {
        approvedBy.push(partner.partnerId);
      }
    }
    let decision: ScreeningDecision;
    if (failReasons.length > 0) decision = decide('fail', failReasons, null);
    else if (partners.length === 0) {
      decision = decide<'pass' | 'fail', ScreeningRule, null>(
        'undetermined',
        [reason('strategies/no-partners', { partners: 0 })],
        null,
      );
    } else if (waitReasons.length > 0) {
      decision = decide<'pass' | 'fail', ScreeningRule, null>('undetermined', waitReasons, null);
    } else {
      const evidence = { partners: partners.length };
      decision = decide('pass', [reason('strategies/acceptable-and-affordable-for-all', evidence)], null);
    }
    return { id, decision, blockedBy, awaiting, approvedBy };
  });

  const notes: Note<ScreeningNoteCode>[] = [];
  if (partners.length === 0) {
    notes.push(note('NO_PARTNERS', 'no partner judgements were given, so no strategy can pass', 'strategies'));
  }
  const ranked = partners.filter((partner) => partner.power !== undefined);
  if (ranked.length < partners.length) {
    const missing = partners.filter((partner) => partner.power === undefined).map((partner) => partner.partnerId);
    const message = `no power given for ${missing.join(', ')}; left out of the power comparison`;
    notes.push(note('POWER_NOT_GIVEN', message, 'powerDisagreements'));
  }
  // A loop, not Math.min(...powers): a spread of many partners overflows the stack.
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  for (const partner of ranked) {
    const power = partner.power as number;
    if (power < least) least = power;
    if (power > most) most = power;
  }
  const powerDisagreements: PowerDisagreement[] = [];
  if (partners.length > 0 && !(ranked.length >= 2 && least < most)) {
    notes.push(
      note(
        'POWER_NOT_COMPARABLE',
        'the partners do not span two different power levels, so the least and most powerful cannot be compared',
        'powerDisagreements',
      ),
    );
  } else if (ranked.length >= 2) {
    for (const id of strategyIds) {
      const side = (level: number): PowerSide => {
        const atLevel = ranked.filter((partner) => partner.power === level);
        return {
          power: level,
          pass: atLevel.filter((partner) => passes(partner, id) === true).map((partner) => partner.partnerId),
          fail: atLevel.filter((partner) => passes(partner, id) === false).map((partner) => partner.partnerId),
        };
      };
      const leastPowerful = side(least);
      const mostPowerful = side(most);
      const disagree =
        (leastPowerful.fail.length > 0 && mostPowerful.pass.length > 0) ||
        (leastPowerful.pass.length > 0 && mostPowerful.fail.length > 0);
      if (!disagree) continue;
      let kind: PowerDisagreement['kind'] = 'split';
      if (leastPowerful.pass.length === 0 && mostPowerful.fail.length === 0) kind = 'least-powerful-object';
      else if (leastPowerful.fail.length === 0 && mostPowerful.pass.length === 0) kind = 'most-powerful-object';
      powerDisagreements.push({ id, kind, leastPowerful, mostPowerful });
    }
  }

  const withAction = (action: 'pass' | 'fail' | 'undetermined') =>
    strategies.filter((entry) => entry.decision.action === action).map((entry) => entry.id);
  return sealResult(
    {
      schemaVersion: 1,
      strategies,
      passed: withAction('pass'),
      failed: withAction('fail'),
      undetermined: withAction('undetermined'),
      powerDisagreements,
      notes,
      version: LIBRARY_VERSION,
    },
    RESULT_KINDS.strategyScreening,
  );
}
