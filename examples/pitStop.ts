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
} from 'scaling-navigator/pitstop';
import { summarizeReach } from 'scaling-navigator/reach';
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
 * reach-over-time projection goes (one entry per reach target, `target: 'reach:<index>'`).
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
 * A reach-over-time projection's arrival, as `ProjectedArrival` for the reach target at `index`:
 * met by `arriveBy` when every check (everyone and the focal groups) is met or on pace, not when
 * any is not at this pace or has no pace; the date is the latest check's projected date (`null`
 * when one never arrives at this pace), the interval the latest earliest and latest dates. Written
 * against the shape of the projection's checks, so it takes any projection with that shape.
 */
export function projectedArrivalFromPace(
  arrival: {
    readonly checks: readonly {
      readonly status: 'met' | 'on-pace' | 'not-at-this-pace' | 'no-pace';
      readonly projectedOn: string | null;
      readonly earliestOn: string | null;
      readonly latestOn: string | null;
    }[];
  },
  index: number,
  asOf: string,
): ProjectedArrival {
  const latest = (dates: readonly (string | null)[]): string | null =>
    dates.includes(null) ? null : ([...(dates as string[])].sort().at(-1) ?? null);
  const open = arrival.checks.filter((check) => check.status !== 'met');
  const metByArriveBy = open.some((check) => check.status === 'not-at-this-pace' || check.status === 'no-pace')
    ? false
    : arrival.checks.length > 0
      ? true
      : null;
  return {
    target: `reach:${index}`,
    date: open.length === 0 ? asOf : latest(open.map((check) => check.projectedOn)),
    metByArriveBy,
    interval:
      open.length === 0
        ? [asOf, asOf]
        : [latest(open.map((check) => check.earliestOn)), latest(open.map((check) => check.latestOn))],
  };
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
