/**
 * The fourth checklist question: who is driving, who is navigating, who has been left behind.
 *
 * @internal
 * @module
 */
import { decide } from '../framework/_rules.js';
import type { ReachTargetEvaluation } from '../reach/evaluateReachTarget.js';
import type { ReachSummary } from '../reach/ReachSummary.js';
import { type Reason, reason } from './_course.js';
import type { ParsedPitStopInput } from './PitStopInput.js';
import type { FocalGroupStanding, LeftBehindAnswer } from './PitStopReport.js';
import type { PitStopPolicy } from './pitStopPolicy.js';
import type { PitStopRule } from './pitStopRules.js';

const difference = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b + 0;

function standings(
  summary: ReachSummary,
  previous: ReachSummary | undefined,
  check: ReachTargetEvaluation | null,
  policy: PitStopPolicy,
  reasons: Reason[],
): FocalGroupStanding[] {
  return summary.groups
    .filter((group) => group.kind === 'focal')
    .map((group) => {
      const before = previous?.groups.find((candidate) => candidate.id === group.id && candidate.kind === 'focal');
      const gap = difference(group.rate, group.rest.rate);
      const paceGap =
        before === undefined
          ? null
          : difference(difference(group.rate, before.rate), difference(group.rest.rate, before.rest.rate));
      const groupCheck = check?.groups.find((candidate) => candidate.id === group.id) ?? null;
      const met = groupCheck?.met ?? null;
      let behind = false;
      const evidence = { group: group.id, rate: group.rate, restRate: group.rest.rate, gap };
      // `met` is false only with a group check, whose target is a number.
      if (met === false && check?.overall.met === true) {
        behind = true;
        reasons.push(
          reason('pitstop/focal-below-target', {
            group: evidence.group,
            rate: evidence.rate,
            restRate: evidence.restRate,
            gap: evidence.gap,
            target: groupCheck?.target as number,
            overallMet: true,
          }),
        );
      }
      if (gap !== null && gap < -policy.maxReachGap) {
        behind = true;
        reasons.push(
          reason('pitstop/focal-gap', {
            group: evidence.group,
            rate: evidence.rate,
            restRate: evidence.restRate,
            gap: evidence.gap,
            maxReachGap: policy.maxReachGap,
          }),
        );
      }
      if (paceGap !== null && paceGap < -policy.maxPaceGap) {
        behind = true;
        reasons.push(
          reason('pitstop/focal-pace', {
            group: group.id,
            rate: group.rate,
            // A pace gap needs both earlier rates.
            previousRate: before?.rate as number,
            restRate: group.rest.rate,
            previousRestRate: before?.rest.rate as number,
            paceGap,
            maxPaceGap: policy.maxPaceGap,
          }),
        );
      }
      return { id: group.id, rate: group.rate, restRate: group.rest.rate, gap, paceGap, met, behind };
    });
}

export function answerLeftBehind(
  input: ParsedPitStopInput,
  reachChecks: readonly (ReachTargetEvaluation | null)[],
  policy: PitStopPolicy,
): LeftBehindAnswer {
  const missing: string[] = [];
  const reasons: Reason[] = [];
  let focalGroups: FocalGroupStanding[] = [];
  if (input.reach === undefined) missing.push('reach');
  else {
    focalGroups = standings(input.reach, input.previousReach, reachChecks[0] ?? null, policy, reasons);
    if (input.previousReach === undefined) missing.push('previousReach');
  }
  if (input.tripTicket.focalGroups.length > 0 && input.reach !== undefined) {
    const known = new Set(input.reach.focalGroups);
    for (const group of input.tripTicket.focalGroups) if (!known.has(group.id)) missing.push(`reach:${group.id}`);
  }

  const rolesAbsent: string[] = [];
  const team = input.team;
  if (team === undefined) missing.push('team');
  if (input.decisions === undefined) missing.push('decisions');
  if (team !== undefined && input.decisions !== undefined) {
    const rolesOf = new Map<string, string[]>();
    for (const member of team) rolesOf.set(member.id, member.roles);
    for (const partner of input.partners ?? []) {
      if (partner.role !== undefined) {
        const roles = rolesOf.get(partner.partnerId);
        rolesOf.set(partner.partnerId, roles === undefined ? [partner.role] : [...roles, partner.role]);
      }
    }
    const every = new Set<string>();
    for (const roles of rolesOf.values()) for (const role of roles) every.add(role);
    const allRoles = [...every].sort();
    const present = new Set<string>();
    for (const decision of input.decisions) {
      for (const id of decision.decidedBy) for (const role of rolesOf.get(id) ?? []) present.add(role);
    }
    for (const role of allRoles) {
      if (present.has(role)) continue;
      rolesAbsent.push(role);
      reasons.push(reason('pitstop/role-absent-from-decisions', { role, decisions: input.decisions.length }));
    }
  }
  const voicesMissing: string[] = [];
  if (input.promisedVoices === undefined) missing.push('promisedVoices');
  else if (team !== undefined) {
    const carried = new Set(team.flatMap((member) => member.voices));
    for (const voice of input.promisedVoices) {
      if (carried.has(voice) || voicesMissing.includes(voice)) continue;
      voicesMissing.push(voice);
      reasons.push(reason('pitstop/voice-missing', { voice, teamMembers: team.length }));
    }
  }
  let decision: LeftBehindAnswer['decision'];
  if (reasons.length > 0) decision = decide('left-behind', reasons, policy);
  else if (missing.length > 0) {
    decision = decide<'left-behind' | 'no-one-left-behind', PitStopRule, PitStopPolicy>(
      'undetermined',
      [reason('pitstop/left-behind-unknown', { missing: missing.join(', ') })],
      policy,
    );
  } else {
    decision = decide(
      'no-one-left-behind',
      [
        reason('pitstop/no-one-left-behind', {
          focalGroups: focalGroups.length,
          // Nothing missing: the team and the promised voices are both given.
          roles: team?.length as number,
          promisedVoices: input.promisedVoices?.length as number,
        }),
      ],
      policy,
    );
  }
  return { decision, focalGroups, rolesAbsent, voicesMissing, missing };
}
