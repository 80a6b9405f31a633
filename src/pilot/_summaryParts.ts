/**
 * The parts of a pilot summary besides the effect sizes: attrition against the WWC boundary, the
 * indicative ESSA tier, the minimum detectable effect, and the plain summaries (fidelity,
 * educator experience, supports, balancing measures, team, sites, local goals, champions).
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import { plusZero } from '../_lib/plusZero.js';
import { proportionInterval } from '../stats/proportionInterval.js';
import { attritionIsLow, minimumDetectableEffect, unitsNeeded } from './_wwc.js';
import type { PilotEvidence } from './PilotEvidence.js';
import type {
  EssaReasonCode,
  PilotEvidenceSummary,
  PilotNoteCode,
  PilotOutcomeEffect,
} from './PilotEvidenceSummary.js';
import type { PilotPolicy } from './pilotPolicy.js';
import { WWC_ATTRITION_BOUNDARIES_V4 } from './wwcAttritionBoundaries.js';

type Summary = PilotEvidenceSummary;
type Level = NonNullable<Summary['attrition']['students']>;
type LevelCounts = NonNullable<NonNullable<PilotEvidence['attrition']>['students']>;

function levelAttrition(
  counts: LevelCounts | undefined,
  policy: PilotPolicy,
  notes: Note<PilotNoteCode>[],
  field: string,
): Level | null {
  if (counts === undefined) return null;
  const rate = (arm: LevelCounts['treatment']) => (arm.assigned - (arm.analyzed - arm.joiners)) / arm.assigned;
  const assigned = counts.treatment.assigned + counts.comparison.assigned;
  const stayed =
    counts.treatment.analyzed - counts.treatment.joiners + counts.comparison.analyzed - counts.comparison.joiners;
  const overall = (assigned - stayed) / assigned;
  const treatment = rate(counts.treatment);
  const comparison = rate(counts.comparison);
  const differential = Math.abs(treatment - comparison);
  const table = policy.attritionTable ?? WWC_ATTRITION_BOUNDARIES_V4;
  const { low, maxDifferential } = attritionIsLow(overall, differential, table, policy.attritionBoundary);
  const joiners = counts.treatment.joiners + counts.comparison.joiners;
  if (low === null) {
    notes.push(
      note(
        'ATTRITION_BOUNDARY_UNKNOWN',
        `the boundary table has no ${policy.attritionBoundary} value for ${Math.floor(overall * 100)}% overall attrition`,
        field,
      ),
    );
  }
  if (joiners > 0) {
    notes.push(note('JOINERS_PRESENT', `${joiners} joined after assignment; they do not offset those who left`, field));
  }
  return {
    overall: plusZero(overall),
    treatment: plusZero(treatment),
    comparison: plusZero(comparison),
    differential: plusZero(differential),
    maxDifferential,
    low,
    joiners,
  };
}

/** Attrition at the cluster and the student level, and whether it is low where it must be. */
export function summarizeAttrition(
  evidence: PilotEvidence,
  clusterAssigned: boolean,
  policy: PilotPolicy,
  notes: Note<PilotNoteCode>[],
): Summary['attrition'] {
  const clusters = levelAttrition(evidence.attrition?.clusters, policy, notes, 'attrition.clusters');
  const students = levelAttrition(evidence.attrition?.students, policy, notes, 'attrition.students');
  const needed = clusterAssigned ? [clusters, students] : [students];
  const low = needed.some((level) => level?.low === false)
    ? false
    : needed.every((level) => level?.low === true)
      ? true
      : null;
  return {
    boundary: policy.attritionBoundary,
    table: policy.attritionTable === null ? 'wwc-v4' : 'policy',
    clusters,
    students,
    low,
  };
}

/** The minimum detectable effect of the first primary outcome's design, and the units a re-pilot needs. */
export function summarizeMde(
  outcomes: readonly PilotOutcomeEffect[],
  evidence: PilotEvidence,
  clusters: number | null,
  clusterAssigned: boolean,
  policy: PilotPolicy,
  notes: Note<PilotNoteCode>[],
): Summary['minimumDetectableEffect'] {
  const outcome = outcomes.find((entry) => entry.primary && entry.nTreatment > 0 && entry.nComparison > 0);
  if (outcome === undefined || evidence.design === 'pre-post') return null;
  const students = outcome.nTreatment + outcome.nComparison;
  const source = evidence.outcomes.find((entry) => entry.id === outcome.id);
  const icc = clusterAssigned
    ? (source?.icc ?? (source?.domain === 'behavior' ? policy.iccBehavior : policy.iccAchievement))
    : null;
  const byCluster = clusterAssigned && clusters !== null;
  const treatedClusters = evidence.assignment.clusters?.treatment ?? 0;
  const mde = minimumDetectableEffect({
    clusters: byCluster ? clusters : null,
    students,
    treatedShare: byCluster ? treatedClusters / (clusters as number) : outcome.nTreatment / students,
    icc: icc ?? 0,
    alpha: policy.alpha,
    power: policy.power,
  });
  const needed = unitsNeeded(
    policy.minUsefulEffect,
    byCluster ? students / (clusters as number) : null,
    icc ?? 0,
    policy.alpha,
    policy.power,
  );
  if (mde === null) {
    notes.push(
      note('MDE_UNAVAILABLE', 'too few units for a minimum detectable effect (df < 1)', 'minimumDetectableEffect'),
    );
  }
  return {
    outcomeId: outcome.id,
    unit: byCluster ? 'cluster' : 'student',
    clusters: byCluster ? clusters : null,
    students,
    icc,
    mde: mde === null || !Number.isFinite(mde) ? null : mde,
    unitsForUsefulEffect: needed,
  };
}

/** The indicative ESSA tier and every reason it is not higher. */
export function essaTier(
  evidence: PilotEvidence,
  outcomes: readonly PilotOutcomeEffect[],
  attritionLow: boolean | null,
  sites: number | null,
  policy: PilotPolicy,
): Summary['essaTier'] {
  const reasons: Summary['essaTier']['reasonsNotHigher'][number][] = [];
  const add = (tier: 1 | 2 | 3, code: EssaReasonCode, message: string) => reasons.push({ tier, code, message });
  const favourable = outcomes.filter((outcome) => outcome.finding === 'favourable');
  const unfavourable = outcomes.some((outcome) => outcome.finding === 'unfavourable');
  const largest = favourable.reduce((most, outcome) => Math.max(most, outcome.nTreatment + outcome.nComparison), 0);
  const { design } = evidence;
  const common = (tier: 1 | 2) => {
    if (favourable.length === 0)
      add(
        tier,
        'NO_SIGNIFICANT_FAVOURABLE_EFFECT',
        'no outcome is significantly favourable (after the clustering correction)',
      );
    if (unfavourable) add(tier, 'SIGNIFICANT_UNFAVOURABLE_FINDING', 'an outcome is significantly unfavourable');
    if (favourable.length > 0 && largest < policy.minStudents)
      add(
        tier,
        'TOO_FEW_STUDENTS',
        `${largest} students in the analytic sample; tiers 1 and 2 want at least ${policy.minStudents}`,
      );
    if (sites === null) add(tier, 'SITES_UNKNOWN', 'the number of sites is not given');
    else if (sites < policy.minSites)
      add(tier, 'TOO_FEW_SITES', `${sites} site(s); tiers 1 and 2 want at least ${policy.minSites}`);
  };
  const count = () => reasons.length;
  // Tier 1.
  const before1 = count();
  if (design !== 'rct') add(1, 'NOT_RCT', 'tier 1 needs a randomized controlled trial');
  else if (attritionLow === false) add(1, 'ATTRITION_HIGH', 'attrition is high against the WWC boundary');
  else if (attritionLow === null) add(1, 'ATTRITION_UNKNOWN', 'attrition is not known at every level assignment needs');
  common(1);
  if (count() === before1) return { tier: 1, indicative: true, reasonsNotHigher: reasons };
  // Tier 2.
  const before2 = count();
  if (design !== 'rct' && design !== 'qed')
    add(2, 'NOT_COMPARISON_DESIGN', 'tier 2 needs a quasi-experiment or an RCT');
  else {
    const equivalences = favourable.map((outcome) => outcome.baselineEquivalent);
    if (favourable.length > 0 && !equivalences.some((value) => value === true)) {
      if (equivalences.some((value) => value === false))
        add(
          2,
          'BASELINE_NOT_EQUIVALENT',
          'the groups are not equivalent at baseline (or a difference was not adjusted for)',
        );
      else add(2, 'BASELINE_UNKNOWN', 'no baseline was given for the analytic sample');
    }
  }
  common(2);
  if (count() === before2) return { tier: 2, indicative: true, reasonsNotHigher: reasons };
  // Tier 3.
  const before3 = count();
  if (design === 'pre-post') add(3, 'NO_COMPARISON_GROUP', 'a pre-post design has no comparison group: at most tier 4');
  else {
    if (design === 'correlational' && (evidence.controls ?? []).length === 0)
      add(3, 'NO_CONTROLS', 'tier 3 needs named statistical controls for selection');
    if (favourable.length === 0)
      add(
        3,
        'NO_SIGNIFICANT_FAVOURABLE_EFFECT',
        'no outcome is significantly favourable (after the clustering correction)',
      );
    if (unfavourable) add(3, 'SIGNIFICANT_UNFAVOURABLE_FINDING', 'an outcome is significantly unfavourable');
  }
  if (count() === before3) return { tier: 3, indicative: true, reasonsNotHigher: reasons };
  return { tier: 4, indicative: true, reasonsNotHigher: reasons };
}

/** Fidelity, educator experience, supports, balancing measures, team, sites, local goals and champions. */
export function plainSummaries(evidence: PilotEvidence, policy: PilotPolicy) {
  const given = evidence.implementation?.fidelity;
  const fidelity: Summary['fidelity'] =
    given === undefined
      ? null
      : {
          level: given.level,
          shareAtLevel: given.shareAtLevel,
          interval: given.interval ?? null,
          adequate: given.shareAtLevel >= policy.minShareWithFidelity,
        };
  const educatorExperience: Summary['educatorExperience'] = (evidence.educatorExperience ?? []).map((item) => {
    const share = item.favourable / item.respondents;
    const interval = proportionInterval(item.favourable, item.respondents, { confidenceLevel: policy.confidenceLevel });
    return {
      id: item.id,
      respondents: item.respondents,
      favourable: item.favourable,
      share,
      confidenceInterval: interval.confidenceInterval as readonly [number, number],
      struggling: share < policy.minShareFavourable,
    };
  });
  const logged = evidence.implementation?.adaptations;
  const adaptations: Summary['adaptations'] =
    logged === undefined || logged.length === 0
      ? null
      : {
          logged: logged.length,
          coreChanged: logged.filter((entry) => entry.preservesCore === false).map((entry) => entry.id),
        };
  const supportsLacking = (evidence.supports ?? [])
    .filter((support) => !support.provided)
    .map((support) => ({ id: support.id, cost: support.cost ?? null }));
  const balancingMeasures = (evidence.balancingMeasures ?? []).map((measure) => {
    const [lower, upper] = measure.confidenceInterval;
    const clearlyWorse =
      measure.direction === 'higherIsBetter' ? upper < -measure.harmMargin : lower > measure.harmMargin;
    return {
      id: measure.id,
      estimate: measure.estimate,
      confidenceInterval: measure.confidenceInterval,
      harmMargin: measure.harmMargin,
      clearlyWorse,
    };
  });
  const members = evidence.team;
  const team: Summary['team'] =
    members === undefined
      ? null
      : {
          members: members.length,
          seniorLeaders: members.filter((member) => member.role === 'senior-leader').length,
          veteranTeachers: members.filter((member) => member.role === 'teacher' && member.experience === 'veteran')
            .length,
          teachers: members.filter((member) => member.role === 'teacher').length,
          professionalLearningLeads: members.filter((member) => member.role === 'professional-learning-lead').length,
        };
  const sites: Summary['sites'] =
    evidence.sites === undefined
      ? null
      : {
          pilot: evidence.sites.pilot.length,
          comparison: evidence.sites.comparison?.length ?? 0,
          total: evidence.sites.total ?? null,
        };
  let localGoals: Summary['localGoals'] = null;
  let champions: Summary['champions'] = [];
  const pilotSites = evidence.sites?.pilot ?? [];
  if (evidence.localGoals !== undefined && evidence.localGoals.length > 0) {
    const goals = evidence.localGoals.map((goal) => ({
      id: goal.id,
      sitesMet: new Set(goal.sitesMet).size,
      sites: pilotSites.length,
    }));
    const metSets = evidence.localGoals.map((goal) => new Set(goal.sitesMet));
    const metAll = pilotSites.filter((site) => metSets.every((met) => met.has(site.id)));
    const top = metAll.reduce(
      (best, site) => Math.max(best, site.score ?? Number.NEGATIVE_INFINITY),
      Number.NEGATIVE_INFINITY,
    );
    const bestSites = metAll.filter((site) => (site.score ?? Number.NEGATIVE_INFINITY) === top).map((site) => site.id);
    const bestSet = new Set(bestSites);
    localGoals = { goals, allMet: pilotSites.length > 0 && metAll.length === pilotSites.length, bestSites };
    champions = (members ?? [])
      .filter(
        (member) =>
          (member.role === 'coach' || member.role === 'principal') &&
          member.siteId !== undefined &&
          bestSet.has(member.siteId),
      )
      // The filter kept only members with a siteId.
      .map((member) => ({ id: member.id, role: member.role, siteId: member.siteId as string }));
  }
  return {
    fidelity,
    educatorExperience,
    adaptations,
    supportsLacking,
    balancingMeasures,
    team,
    sites,
    localGoals,
    champions,
  };
}
