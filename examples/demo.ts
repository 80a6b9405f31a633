/**
 * `npm run demo`: a real pit stop for a sample district. First the engine's report
 * (`evaluatePitStop`: the four pit-stop questions answered from the district's data, a decision
 * per strategy, the additions screened for every partner, the route and the next stop, with reach
 * for each focal group; `assessStage`), then the evidence behind it: its trip ticket; each
 * dimension of scale against its target, "at scale" and "sustainable" judged apart, and a warning
 * when spread has outrun depth; fidelity against growth (the mixed model and the level associated
 * with it); the factor review with suggested strategies; and the learning system (a PDSA decision,
 * a run chart).
 */
import { assessScale, detectSuperficialSpread } from 'scaling-navigator/dimensions';
import { reviewFactors, suggestStrategies } from 'scaling-navigator/factors';
import { analyzeFidelityOutcome, fidelityThreshold } from 'scaling-navigator/fidelity';
import { type FactorId, getFactor, getScaleDimension, getStrategy, parseTripTicket } from 'scaling-navigator/framework';
import { decidePdsa, runChart } from 'scaling-navigator/learning';
import { pitStopReportText } from './pitStop.js';
import {
  riverbendFactorRatings,
  riverbendHistory,
  riverbendMeasures,
  riverbendPractice,
  riverbendProofPointCycle,
  riverbendTeachers,
  riverbendTripTicket,
  riverbendWeeklyWalkthroughs,
} from './sampleDistrict.js';

const ticket = parseTripTicket(riverbendTripTicket);
const assessment = assessScale(riverbendMeasures, ticket.destination.dimensions, { practice: riverbendPractice });
const spread = detectSuperficialSpread(riverbendHistory);

const percent = (value: number | null) => (value === null ? '  —  ' : `${(value * 100).toFixed(0).padStart(3)}% `);
const bar = (value: number | null) =>
  value === null ? ' '.repeat(20) : '█'.repeat(Math.round(value * 20)).padEnd(20, '·');
const points = (value: number | null) => `${((value ?? 0) * 100).toFixed(0)} points`;
const decided = (action: string, yes: string, no: string) =>
  action === 'undetermined' ? 'cannot tell yet' : action === yes ? 'yes' : no;

// The engine's pit stop: every line below the title is read from evaluatePitStop's report.
console.log(`\n${pitStopReportText()}`);
console.log('\n──────── The evidence behind the pit stop ────────');

console.log(`\n${ticket.title}`);
console.log(
  `Arrive by ${ticket.arriveBy} · focal groups: ${ticket.focalGroups.map((group) => group.label).join(', ')}`,
);
console.log(`Route: ${ticket.route.map((id) => getStrategy(id).label).join(' → ')}\n`);

console.log('Scale profile (score vs target)');
for (const entry of assessment.dimensions) {
  const label = getScaleDimension(entry.dimension).label.padEnd(19);
  const met =
    entry.met === null
      ? (entry.notes[0]?.message ?? '')
      : entry.met
        ? 'met'
        : `short by ${percent(entry.shortfall).trim()}`;
  console.log(`  ${label} ${bar(entry.score)} ${percent(entry.score)} target ${percent(entry.target)} ${met}`);
}
console.log(`  weakest dimension: ${assessment.weakest ?? 'none scored'}\n`);

const share = assessment.atScale.practice?.share ?? null;
console.log(
  `At scale:    ${decided(assessment.atScale.decision.action, 'at-scale', 'not yet')} — ${percent(share).trim()} of ${riverbendPractice.intended} intended teachers use PBL with fidelity (threshold ${percent(assessment.policy.atScaleThreshold).trim()})`,
);
console.log(
  `Sustainable: ${decided(assessment.sustainable.decision.action, 'sustainable', 'not yet')} (needs sustainability and ownership both met)\n`,
);

for (const interval of spread.intervals.filter((entry) => entry.superficial === true)) {
  console.log(
    `Warning: from ${interval.from} to ${interval.to} spread rose ${points(interval.spreadChange)} while depth fell ${points(-(interval.depthChange ?? 0))} — implementation may be growing superficial (REL Appalachia).`,
  );
}

// Does implementing with fidelity go with growth? (the research summary on scaling up: fidelity measures should correlate
// with intended outcomes.)
const teachers = riverbendTeachers;
const fidelityAnalysis = analyzeFidelityOutcome(
  { fidelity: teachers.fidelity, outcome: teachers.growth, clusters: teachers.school },
  { method: 'spearman' },
);
const rho = fidelityAnalysis.correlation;
const interval = (bounds: readonly [number, number] | null) =>
  bounds === null ? 'no interval' : `[${bounds[0].toFixed(2)}, ${bounds[1].toFixed(2)}]`;
console.log(
  `\nFidelity and growth, ${rho.n} teachers: Spearman ρ = ${rho.estimate?.toFixed(2)} ${interval(rho.confidenceInterval)}, p = ${rho.pValue?.toExponential(1)}`,
);
for (const band of fidelityAnalysis.bands) {
  const mean = band.mean === null ? '—' : band.mean.toFixed(1);
  console.log(
    `  fidelity ${band.lower.toFixed(1)}–${band.upper.toFixed(1)}: ${String(band.n).padStart(2)} teachers, mean growth ${mean} ${interval(band.confidenceInterval)}`,
  );
}
console.log(
  `  Clustering: ${fidelityAnalysis.clustering?.notes[0]?.message ?? `effective n ${fidelityAnalysis.clustering?.effectiveN?.toFixed(0)}`}`,
);
// The honest analysis respects the schools: a mixed model tells teachers who implement better than
// their colleagues (within) from schools with higher fidelity (between). With 7 schools the
// between-school effect rests on 7 school means, so Kenward–Roger is shown beside Satterthwaite.
const model = fidelityAnalysis.mixedModel;
if (model) {
  const effect = (label: string, e: typeof model.within) =>
    `  ${label}: ${e.estimate.toFixed(1)} growth points per unit of fidelity ${interval(e.confidenceInterval)}, ` +
    `p = ${e.pValue?.toFixed(3)} (Satterthwaite df ${e.df?.toFixed(1)}${e.kenwardRoger ? `; Kenward–Roger df ${e.kenwardRoger.df?.toFixed(1)}, p = ${e.kenwardRoger.pValue?.toFixed(3)}` : ''}); standardized ${e.standardized?.toFixed(2)}`;
  console.log(`  Mixed model, ${model.n} teachers in ${model.clusterCount} schools (REML):`);
  console.log(effect('within schools ', model.within));
  console.log(effect('between schools', model.between));
  console.log(
    `  school variance ${model.varianceComponents.cluster.toFixed(2)}, residual ${model.varianceComponents.residual.toFixed(2)}, conditional ICC ${model.conditionalIcc.toFixed(2)}${model.singular ? ' (singular fit)' : ''}`,
  );
  for (const entry of model.notes) console.log(`  Note: ${entry.message}`);
}

const level = fidelityThreshold(
  { fidelity: teachers.fidelity, outcome: teachers.growth, clusters: teachers.school },
  { seed: 2026 },
);
const found = level.associatedLevel;
console.log(
  `Fidelity level associated with growth: ${found === null ? 'none' : found.cut.toFixed(2)} (slope ${found?.continuous?.slopeBelow?.toFixed(1)} below, ${found?.continuous?.slopeAbove?.toFixed(1)} above; permutation p = ${level.test.pValue?.toFixed(3)}; bootstrap ${level.interval?.lower}–${level.interval?.upper}, ${((level.interval?.agreement ?? 0) * 100).toFixed(0)}% of draws agree) → ${level.decision.action}`,
);
if (level.design) console.log(`  Resampling: ${level.design.reason}`);
console.log('  An association in these data, not a requirement; compare the fixed gates:');
for (const gate of level.fixedGates) {
  console.log(
    `  gate ${gate.cut}: ${gate.nBelow} below (mean ${gate.continuous?.meanBelow.toFixed(1)}), ${gate.nAbove} at or above (mean ${gate.continuous?.meanAbove.toFixed(1)})`,
  );
}

// What pushes and pulls (the Carnegie framework, Tool #4), and which strategies answer the roadblocks.
const review = reviewFactors(riverbendFactorRatings);
const label = (id: FactorId) => getFactor(id).label;
console.log(
  `\nFactor review, ${review.factors.filter((factor) => factor.raters > 0).length} factors rated by 4 team members`,
);
console.log(`  roadblocks: ${review.roadblocks.map(label).join('; ') || 'none'}`);
console.log(`  supports:   ${review.supports.map(label).join('; ') || 'none'}`);
const split = review.factors.filter((factor) => factor.decision.action === 'mixed').map((factor) => label(factor.id));
console.log(`  mixed (raters disagree): ${split.join('; ') || 'none'}`);
const { suggestions } = suggestStrategies(review, { strategySet: ticket.route });
for (const suggestion of suggestions.slice(0, 3)) {
  console.log(
    `  suggested: ${getStrategy(suggestion.id).label}${suggestion.inStrategySet ? ' (already on the route)' : ''} — answers ${suggestion.answers.map((answer) => label(answer.factorId)).join(', ')}`,
  );
}

// The learning system: a PDSA cycle and a run chart (the Carnegie framework, "A Learning System").
const pdsa = decidePdsa(riverbendProofPointCycle);
console.log(
  `\nPDSA "${riverbendProofPointCycle.plan.change}": ${pdsa.decision.action} (rule ${pdsa.decision.reasons[0]?.rule})`,
);
const chart = runChart(riverbendWeeklyWalkthroughs);
console.log(
  `Run chart of weekly walkthroughs: median ${chart.median}%, longest run ${chart.longestRun} (limit ${chart.longestRunMax}), crossings ${chart.crossings} (minimum ${chart.crossingsMin}) → ${chart.runsSignal ? 'non-random variation: practice is changing' : 'no signal yet'}`,
);
