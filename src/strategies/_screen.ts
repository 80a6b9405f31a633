/**
 * The screening of {@link screenStrategies} for candidates and partners already parsed, so a caller
 * that validated them (the pit stop) does not validate them again.
 *
 * @internal
 * @module
 */
import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { decide, ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import type { StrategyId } from '../framework/strategies.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import type { PartnerJudgement } from './PartnerJudgement.js';
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
 * `screenStrategies` of candidates and partners already parsed (unique strategy ids; each
 * partner by the {@link PartnerJudgement} schema, no power −0): the report, not sealed.
 *
 * @internal
 */
export function screenParsed(
  strategyIds: readonly StrategyId[],
  partners: readonly PartnerJudgement[],
): ScreeningReport {
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
  return {
    schemaVersion: 1,
    strategies,
    passed: withAction('pass'),
    failed: withAction('fail'),
    undetermined: withAction('undetermined'),
    powerDisagreements,
    notes,
    version: LIBRARY_VERSION,
  };
}
