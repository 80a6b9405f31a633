/**
 * The pilot decision tree of {@link decidePilot}, on a summary: the first deciding rule that
 * applies, and the advisory reasons beside it.
 *
 * @internal
 * @module
 */
import { ruleReason } from '../framework/_rules.js';
import type { DecisionReason } from '../framework/Decision.js';
import type { PilotEvidence } from './PilotEvidence.js';
import type { PilotEvidenceSummary } from './PilotEvidenceSummary.js';
import { PILOT_RULES, type PilotRule } from './pilotRules.js';

type Evidence = DecisionReason['evidence'];
type Reason = DecisionReason<PilotRule>;

const reason = (rule: PilotRule, evidence: Evidence): Reason => ruleReason(PILOT_RULES, rule, evidence);

const list = (ids: readonly string[]) => ids.join(', ');

/** The smallest value (the list is never empty where it is used); a loop, not a spread, for long lists. */
function minOf(values: readonly number[]): number {
  let low = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < low) low = value;
  return low;
}

/** The largest value. */
function maxOf(values: readonly number[]): number {
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > high) high = value;
  return high;
}

/** The sum of the costs, or `null` when one is unknown or the sum exceeds the largest number. */
function total(costs: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const cost of costs) {
    if (cost === null) return null;
    sum += cost;
  }
  return Number.isFinite(sum) ? sum : null;
}

/** The advisory reasons: what the evidence lacks or records beside the deciding rule. */
export function advisoryReasons(summary: PilotEvidenceSummary, evidence: PilotEvidence, forward: boolean): Reason[] {
  const out: Reason[] = [];
  if (summary.fidelity === null) out.push(reason('pilot/fidelity-unknown', {}));
  if (summary.educatorExperience.length === 0) out.push(reason('pilot/experience-unknown', {}));
  const changed = summary.adaptations?.coreChanged ?? [];
  // Core changes are listed only with logged adaptations, so `adaptations` is there when any are.
  if (changed.length > 0) {
    out.push(
      reason('pilot/core-adapted', { adaptations: list(changed), logged: summary.adaptations?.logged as number }),
    );
  }
  if (summary.supportsLacking.length > 0) {
    const costs = summary.supportsLacking.map((support) => support.cost);
    out.push(
      reason('pilot/supports-lacking', {
        supports: list(summary.supportsLacking.map((support) => support.id)),
        totalCost: total(costs),
      }),
    );
  }
  const team = summary.team;
  if (team === null) out.push(reason('pilot/team-not-described', {}));
  else {
    if (team.seniorLeaders === 0) out.push(reason('pilot/team-lacks-senior-leaders', { members: team.members }));
    if (team.veteranTeachers === 0)
      out.push(reason('pilot/team-lacks-veterans', { teachers: team.teachers, veteranTeachers: 0 }));
  }
  if (summary.balancingMeasures.length === 0) out.push(reason('pilot/no-balancing-measures', {}));
  if (forward && summary.champions.length > 0) {
    out.push(
      reason('pilot/champions', {
        champions: list(summary.champions.map((member) => member.id)),
        sites: list((summary.localGoals as NonNullable<PilotEvidenceSummary['localGoals']>).bestSites),
      }),
    );
  }
  for (const prior of evidence.priorEvidence ?? []) {
    out.push(reason('pilot/prior-evidence', { id: prior.id, tier: prior.tier, effect: prior.effect ?? null }));
  }
  return out;
}

/** The deciding reason. */
export function decidingReason(summary: PilotEvidenceSummary, evidence: PilotEvidence): Reason {
  const { policy } = summary;
  const useful = policy.minUsefulEffect;
  const fidelity = summary.fidelity;
  if (fidelity !== null && !fidelity.adequate) {
    return reason('pilot/plan-not-done', {
      shareAtLevel: fidelity.shareAtLevel,
      minShareWithFidelity: policy.minShareWithFidelity,
      level: fidelity.level,
      supportsLacking: list(summary.supportsLacking.map((support) => support.id)),
    });
  }
  const struggling = summary.educatorExperience.filter((item) => item.struggling);
  const worse = summary.balancingMeasures.filter((measure) => measure.clearlyWorse);
  const strugglingReason = () =>
    reason('pilot/teachers-struggle', {
      items: list(struggling.map((item) => item.id)),
      lowestShare: minOf(struggling.map((item) => item.share)),
      minShareFavourable: policy.minShareFavourable,
    });
  const worseReason = () =>
    reason('pilot/balancing-worse', {
      measures: list(worse.map((measure) => measure.id)),
      estimate: (worse[0] as (typeof worse)[number]).estimate,
      harmMargin: (worse[0] as (typeof worse)[number]).harmMargin,
    });
  const declared = (evidence.focalGroups ?? []).map((group) => group.id);
  const primary = summary.outcomes.filter((outcome) => outcome.primary);

  if (primary.length === 0) {
    const goals = summary.localGoals;
    if (goals === null) return reason('pilot/no-outcome-evidence', { primaryOutcomes: 0, localGoals: 0 });
    if (struggling.length > 0) return strugglingReason();
    if (worse.length > 0) return worseReason();
    const evidenceOf = {
      goals: goals.goals.length,
      pilotSites: summary.sites?.pilot ?? 0,
      totalSites: summary.sites?.total ?? null,
    };
    if (!goals.allMet) return reason('pilot/local-goals-not-met', evidenceOf);
    if (declared.length > 0) {
      return reason('pilot/focal-groups-too-small', { focalGroups: list(declared), outcome: null });
    }
    return policy.acceptLocalGoalEvidence
      ? reason('pilot/local-goals-met-accepted', { ...evidenceOf, acceptLocalGoalEvidence: true })
      : reason('pilot/local-goals-met', { ...evidenceOf, acceptLocalGoalEvidence: false });
  }
  const unusable = primary.find(
    (outcome) => outcome.estimate === null || outcome.confidenceInterval === null || outcome.finding === null,
  );
  if (unusable !== undefined) {
    return reason('pilot/no-outcome-evidence', { primaryOutcomes: primary.length, outcome: unusable.id });
  }
  const upper = (entry: { confidenceInterval: readonly [number, number] | null }) =>
    (entry.confidenceInterval as readonly [number, number])[1];
  // Each declared focal group on each primary outcome: measured, or not (too small, missing).
  const focalUnknown: string[] = [];
  const focalMeasured: { id: string; outcome: string; estimate: number; upper: number }[] = [];
  for (const outcome of primary) {
    const byId = new Map(outcome.focalGroups.map((group) => [group.focalGroupId, group] as const));
    for (const id of declared) {
      const entry = byId.get(id);
      if (entry === undefined || entry.tooSmall || entry.estimate === null || entry.confidenceInterval === null) {
        focalUnknown.push(`${id} (${outcome.id})`);
      } else focalMeasured.push({ id, outcome: outcome.id, estimate: entry.estimate, upper: upper(entry) });
    }
  }
  const focalTooSmall = () =>
    reason('pilot/focal-groups-too-small', {
      focalGroups: list(focalUnknown),
      minFocalGroupSize: policy.minFocalGroupSize,
    });
  const highestUpper = maxOf(primary.map(upper));
  const fails = highestUpper < useful && focalMeasured.every((entry) => entry.upper < useful);
  if (fails) {
    const evidenceOf = {
      highestUpper,
      minUsefulEffect: useful,
      focalGroupsMeasured: focalMeasured.length,
    };
    if (focalUnknown.length > 0) return focalTooSmall();
    if (fidelity === null) return reason('pilot/fidelity-needed-to-abandon', evidenceOf);
    if (evidence.leadersSeePromise === true) return reason('pilot/fails-but-promise-seen', evidenceOf);
    return reason('pilot/fails-to-benefit', { ...evidenceOf, shareAtLevel: fidelity.shareAtLevel });
  }
  if (struggling.length > 0) return strugglingReason();
  if (worse.length > 0) return worseReason();
  const notBenefiting = focalMeasured.filter((entry) => entry.estimate <= 0);
  if (notBenefiting.length > 0) {
    return reason('pilot/focal-groups-not-benefiting', {
      focalGroups: list(notBenefiting.map((entry) => `${entry.id} (${entry.outcome})`)),
      lowestEstimate: minOf(notBenefiting.map((entry) => entry.estimate)),
    });
  }
  const weak = primary.filter((outcome) => outcome.finding !== 'favourable' && (outcome.estimate as number) < useful);
  if (weak.length > 0) {
    const mde = summary.minimumDetectableEffect;
    return reason('pilot/inconclusive', {
      outcomes: list(weak.map((outcome) => outcome.id)),
      estimate: weak[0]?.estimate ?? null,
      minUsefulEffect: useful,
      minimumDetectableEffect: mde?.mde ?? null,
      unit: mde?.unit ?? null,
      unitsForUsefulEffect: mde?.unitsForUsefulEffect ?? null,
    });
  }
  if (focalUnknown.length > 0) return focalTooSmall();
  const notShown = primary.filter((outcome) => outcome.finding !== 'favourable');
  if (notShown.length > 0) {
    const mde = summary.minimumDetectableEffect;
    return reason('pilot/promising', {
      outcomes: list(notShown.map((outcome) => outcome.id)),
      lowestEstimate: minOf(notShown.map((outcome) => outcome.estimate as number)),
      minUsefulEffect: useful,
      unitsForUsefulEffect: mde?.unitsForUsefulEffect ?? null,
    });
  }
  const design = summary.design;
  const randomizedLow = design === 'rct' && summary.attrition.low === true;
  const equivalent = primary.every((outcome) => outcome.baselineEquivalent === true);
  if (design === 'pre-post' || !(randomizedLow || equivalent)) {
    return reason('pilot/design-not-credible', {
      design,
      attritionLow: summary.attrition.low,
      baselineEquivalent: equivalent,
    });
  }
  return reason('pilot/benefit-shown', {
    outcomes: list(primary.map((outcome) => outcome.id)),
    lowestEstimate: minOf(primary.map((outcome) => outcome.estimate as number)),
    essaTier: summary.essaTier.tier,
  });
}
