/**
 * The sample district's June 2026 pit stop, as the engine answers it: `pitStopReportText()` runs
 * `evaluatePitStop` on Riverbend's evidence (scale profile, superficial spread, reach by focal
 * group, the factor review, the strategy set with partner judgements and PDSA evidence, the team
 * and its decisions, money and hours) and `assessStage` on where the innovation stands, and
 * returns the report as text. Every line is read from the engine's result; nothing is decided here.
 *
 * `npx tsx examples/pitStop.ts` prints it.
 */
import { assessScale, detectSuperficialSpread } from 'scaling-navigator/dimensions';
import { reviewFactors } from 'scaling-navigator/factors';
import { getStrategy, parseTripTicket } from 'scaling-navigator/framework';
import { studyPdsa } from 'scaling-navigator/learning';
import {
  assessStage,
  evaluatePitStop,
  type PitStopInput,
  type PitStopReport,
  type ProjectedArrival,
  projectedArrivalsFromReach,
} from 'scaling-navigator/pitstop';
import { type ReachOverTimeReport, summarizeReach } from 'scaling-navigator/reach';
import {
  riverbendDecisions,
  riverbendFactorRatings,
  riverbendHistory,
  riverbendMeasures,
  riverbendPartners,
  riverbendPractice,
  riverbendProofPointCycle,
  riverbendReachRows,
  riverbendResources,
  riverbendStrategySet,
  riverbendTeam,
  riverbendTripTicket,
} from './sampleDistrict.js';

/**
 * The evidence Riverbend brings to its June 2026 pit stop. `projectedArrivals` is where a
 * reach-over-time projection goes: `projectedArrivalsFromReach(reachOverTime(roster, { target,
 * arriveBy, … }), { tripTicket })` (one entry per reach target, `target: 'reach:<index>'`).
 *
 * The demo passes none, and not for want of a function: Riverbend's reach target is counted over
 * the 2026–27 school year (2026-08-01 to 2027-07-31), which starts after this June 2026 pit stop,
 * and its roster holds 2025–26 counts without dates. A pace scenario needs dated engagements in the
 * target's own period, so the honest answer is the engine's: on course stays `undetermined`
 * (`pitstop/no-projection`) until the January 2027 pit stop has a term of 2026–27 data.
 */
export function riverbendPitStopInput(projectedArrivals: readonly ProjectedArrival[] = []): PitStopInput {
  const ticket = parseTripTicket(riverbendTripTicket);
  return {
    asOf: '2026-06-15',
    kind: 'planned',
    tripTicket: riverbendTripTicket,
    team: riverbendTeam,
    promisedVoices: ['teachers', 'families', 'students'],
    decisions: riverbendDecisions,
    scale: assessScale(riverbendMeasures, ticket.destination.dimensions, { practice: riverbendPractice }),
    superficialSpread: detectSuperficialSpread(riverbendHistory),
    reach: summarizeReach(riverbendReachRows, {
      focalGroups: ticket.focalGroups,
      unitLevels: ['district', 'school'],
      minEngagements: 2,
    }),
    projectedArrivals: [...projectedArrivals],
    factorReview: reviewFactors(riverbendFactorRatings, { asOf: '2026-06-01' }),
    strategySet: riverbendStrategySet,
    partners: riverbendPartners,
    strategyEvidence: [{ strategyId: 'proof-point', pdsa: [studyPdsa(riverbendProofPointCycle)] }],
    resources: riverbendResources,
  };
}

/**
 * A reach-over-time report's projected arrival of Riverbend's reach target, checked against the
 * trip ticket (its shares, focal rule, period and `arriveBy`), for {@link riverbendPitStopInput}.
 */
export function riverbendProjectedArrivals(report: ReachOverTimeReport): ProjectedArrival[] {
  return projectedArrivalsFromReach(report, { tripTicket: riverbendTripTicket, target: 0 });
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const said = (action: string) => (action === 'undetermined' ? 'cannot tell yet' : action);
const evidenceText = (evidence: Readonly<Record<string, unknown>>) =>
  Object.entries(evidence)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? Number(value.toFixed(3)) : String(value)}`)
    .join(', ');
const reasonsText = (decision: { reasons: readonly { rule: string; evidence: Record<string, unknown> }[] }) =>
  decision.reasons.map((reason) => `      · ${reason.rule}: ${evidenceText(reason.evidence)}`);

/** The engine's pit-stop report for the sample district, as text. */
export function pitStopReportText(report: PitStopReport = evaluatePitStop(riverbendPitStopInput())): string {
  const lines: string[] = [];
  const ticket = parseTripTicket(riverbendTripTicket);
  lines.push(`Pit stop ${report.asOf} (${report.kind}) — ${ticket.title}`);
  lines.push('');
  lines.push(`1. Are we still headed towards our destination? ${said(report.onCourse.decision.action)}`);
  for (const target of report.onCourse.targets) {
    const status = target.met === null ? 'no data' : target.met ? 'met' : `short by ${percent(target.shortfall)}`;
    lines.push(
      `   ${target.id.padEnd(24)} ${percent(target.value).padStart(4)} of ${percent(target.target)}  ${status}`,
    );
  }
  lines.push(...reasonsText(report.onCourse.decision));
  lines.push(`2. Is anything broken? ${said(report.broken.decision.action)}`);
  lines.push(...reasonsText(report.broken.decision));
  lines.push(`3. Is our fuel running low? ${said(report.fuel.decision.action)}`);
  lines.push(
    `   money runs out ${report.fuel.moneyRunsOutOn ?? '—'} (journey ends ${report.fuel.journeyEndsOn}); hours ${report.fuel.hoursNeeded ?? '—'} needed of ${report.fuel.hoursAvailable ?? '—'}`,
  );
  lines.push(...reasonsText(report.fuel.decision));
  lines.push(
    `4. Who is driving, who is navigating, who has been left behind? ${said(report.leftBehind.decision.action)}`,
  );
  for (const group of report.leftBehind.focalGroups) {
    const label = ticket.focalGroups.find((entry) => entry.id === group.id)?.label ?? group.id;
    lines.push(
      `   ${label.padEnd(28)} reached ${percent(group.rate).padStart(4)} vs ${percent(group.restRate).padStart(4)} for everyone else${group.behind ? '  ← left behind' : ''}`,
    );
  }
  lines.push(...reasonsText(report.leftBehind.decision));
  lines.push('');
  lines.push('Strategy set');
  for (const entry of report.strategies) {
    lines.push(`   ${getStrategy(entry.id).label}: ${said(entry.decision.action)}`);
    lines.push(...reasonsText(entry.decision));
  }
  for (const addition of report.additions) {
    lines.push(
      `   + ${getStrategy(addition.id).label} (answers ${addition.answers.join(', ')}): ${said(addition.decision.action)}`,
    );
  }
  lines.push('');
  lines.push(`Route: ${said(report.route.decision.action)}`);
  lines.push(
    `Next pit stop: ${report.nextPitStop.date}${report.nextPitStop.why === null ? '' : ` — ${report.nextPitStop.why}`}`,
  );
  const stage = assessStage({
    pilotDecision: 'scale-up',
    scale: assessScale(riverbendMeasures, ticket.destination.dimensions, { practice: riverbendPractice }),
    superficialSpread: detectSuperficialSpread(riverbendHistory),
  });
  lines.push(
    `Stage: ${stage.stage}${stage.next === null ? '' : `; ${stage.next.stage}: ${said(stage.next.decision.action)}`}`,
  );
  for (const note of report.notes) lines.push(`Note: ${note.message}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(pitStopReportText());
