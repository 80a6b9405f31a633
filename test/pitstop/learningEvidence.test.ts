import { describe, expect, it } from 'vitest';
import { riverbendProofPointCycle } from '../../examples/sampleDistrict.js';
import { runChart, studyPdsa } from '../../src/learning/index.js';
import { evaluatePitStop } from '../../src/pitstop/index.js';
import { healthyInput } from './_support.js';

const rules = (decision: { reasons: readonly { rule: string }[] }) => decision.reasons.map((entry) => entry.rule);
/** Eight weeks around 10, then eight weeks clearly lower: a shift below the median. */
const falling = [10, 11, 10, 12, 11, 10, 11, 12, 6, 5, 6, 5, 4, 5, 6, 5];
const rising = falling.map((value) => 20 - value);

describe('evaluatePitStop: learning-system evidence', () => {
  it('a run chart signalling on the worse side is broken and revises the strategy; on the better side it keeps it', () => {
    const wrongWay = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        {
          strategyId: 'proof-point',
          runCharts: [{ measure: 'walkthrough', kind: 'outcome', chart: runChart(falling) }],
        },
        {
          strategyId: 'local-champions',
          runCharts: [{ measure: 'walkthrough', kind: 'outcome', chart: runChart(rising) }],
        },
      ],
    });
    expect(wrongWay.broken.decision.action).toBe('broken');
    expect(rules(wrongWay.broken.decision)).toEqual(['pitstop/run-chart-wrong-way']);
    expect(wrongWay.strategies.map((entry) => entry.decision.action)).toEqual(['revise', 'keep']);
    // Lower is better: the same falling chart is now a contribution.
    const lowerBetter = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        {
          strategyId: 'proof-point',
          runCharts: [{ measure: 'absences', kind: 'outcome', direction: 'lowerIsBetter', chart: runChart(falling) }],
        },
      ],
    });
    expect(lowerBetter.strategies[0]?.decision.action).toBe('keep');
    // A falling trend at the end of the chart points down.
    const trend = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        {
          strategyId: 'proof-point',
          runCharts: [
            {
              measure: 'walkthrough',
              kind: 'outcome',
              chart: runChart([10, 10, 11, 10, 10, 11, 10, 10, 9, 8, 7, 6, 5, 4]),
            },
          ],
        },
      ],
    });
    expect(rules(trend.broken.decision)).toEqual(['pitstop/run-chart-wrong-way']);
    expect(trend.broken.decision.reasons[0]?.evidence.movedUp).toBe(false);
  });

  it('a balancing measure getting worse is broken; a random run chart is inconclusive', () => {
    const report = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [
        {
          strategyId: 'proof-point',
          effects: [{ measure: 'walkthrough', estimate: 0.5, interval: [0.3, 0.7] }],
          runCharts: [
            { measure: 'teacher-hours', kind: 'balancing', direction: 'lowerIsBetter', chart: runChart(rising) },
          ],
        },
        {
          strategyId: 'local-champions',
          runCharts: [
            { measure: 'walkthrough', kind: 'process', chart: runChart([10, 11, 9, 10, 12, 9, 11, 10, 9, 11, 10, 12]) },
          ],
        },
      ],
    });
    expect(rules(report.broken.decision)).toEqual(['pitstop/balancing-worsening']);
    expect(report.strategies[0]?.decision.action).toBe('revise');
    expect(report.strategies[1]?.decision.action).toBe('undetermined');
    expect(rules(report.strategies[1]?.decision ?? { reasons: [] })).toEqual(['pitstop/inconclusive-evidence']);
  });

  it('a PDSA study whose change came as predicted counts as an effect signed toward the prediction', () => {
    const study = studyPdsa(riverbendProofPointCycle);
    const report = evaluatePitStop({
      ...healthyInput(),
      strategyEvidence: [{ strategyId: 'proof-point', pdsa: [study] }],
    });
    const proofPoint = report.strategies[0];
    expect(study.direction).toBe('as-predicted');
    expect(proofPoint?.decision.reasons[0]?.evidence.from).toBe('pdsa');
    expect(Number(proofPoint?.decision.reasons[0]?.evidence.estimate)).toBeGreaterThan(0);
  });
});
