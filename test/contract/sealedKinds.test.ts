/**
 * A result this library made skips re-validation only where its own kind is expected. Handed where
 * another kind belongs (a reach summary as a reach-over-time report, a factor review as a reach
 * summary), it is validated like any other value, so the call fails with `ScalingNavigatorError`
 * and a path — never a `TypeError` from deep inside, never an answer computed from the wrong
 * document. (Before, any sealed result passed every reader.)
 */
import { describe, expect, it } from 'vitest';
import { RESULT_KINDS, sealedKind } from '../../src/_lib/stored.js';
import { compareReviews, reviewFactors, suggestStrategies } from '../../src/factors/index.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import { runChart } from '../../src/learning/index.js';
import { assessStage, evaluatePitStop, projectedArrivalsFromReach } from '../../src/pitstop/index.js';
import { evaluateReachTarget, reachOverTime, summarizeReach, suppressSmallCells } from '../../src/reach/index.js';
import { healthyInput } from '../pitstop/_support.js';

const summary = summarizeReach([{ id: 'a', units: { school: 'S1' }, engagements: 1 }], {
  focalGroups: [],
  unitLevels: ['school'],
});
const overTime = reachOverTime([{ id: 'a', units: { school: 'S1' }, engagedOn: ['2024-09-03'] }], {
  focalGroups: [],
  unitLevels: ['school'],
  period: { start: '2024-09-02', end: '2025-06-30' },
  asOf: '2024-09-06',
});
const review = reviewFactors([{ factorId: 'leadership', raterId: 'r1', rating: 2, ratedOn: '2026-01-05' }], {
  asOf: '2026-01-10',
});
const chart = runChart([3, 4, 5, 4, 6, 5, 7, 6, 8, 7]);
const target = {
  population: { unit: 'students' as const },
  minEngagements: 1,
  overall: 0.8,
  focal: 0.8,
  focalRule: 'each' as const,
};

/** The error a call throws (it must throw the library's error, with a path). */
function failure(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(isScalingNavigatorError(error), `${String(error)}`).toBe(true);
    return error as { code: string; path: readonly (string | number)[] };
  }
  throw new Error('expected the call to throw');
}

describe('sealed results carry their kind', () => {
  it('each is remembered as what it is', () => {
    expect(sealedKind(summary)).toBe(RESULT_KINDS.reachSummary);
    expect(sealedKind(overTime)).toBe(RESULT_KINDS.reachOverTime);
    expect(sealedKind(review)).toBe(RESULT_KINDS.factorReview);
    expect(sealedKind(chart)).toBe(RESULT_KINDS.runChart);
    expect(sealedKind(JSON.parse(JSON.stringify(summary)))).toBe(null);
  });
});

describe('a sealed result of another kind is validated, and fails with a path', () => {
  const cases: readonly [string, () => unknown, readonly (string | number)[]][] = [
    [
      'evaluateReachTarget(a reach-over-time report)',
      () => evaluateReachTarget(overTime as never, target),
      ['summary'],
    ],
    ['evaluateReachTarget(a factor review)', () => evaluateReachTarget(review as never, target), ['summary']],
    ['suppressSmallCells(a reach-over-time report)', () => suppressSmallCells(overTime as never), ['summary']],
    ['projectedArrivalsFromReach(a reach summary)', () => projectedArrivalsFromReach(summary as never), ['report']],
    ['projectedArrivalsFromReach(a run chart)', () => projectedArrivalsFromReach(chart as never), ['report']],
    ['compareReviews(a reach summary, a review)', () => compareReviews(summary as never, review), ['previous']],
    ['suggestStrategies(a run chart)', () => suggestStrategies(chart as never), ['review']],
    [
      'evaluatePitStop({ reach: a reach-over-time report })',
      () => evaluatePitStop({ ...healthyInput(), reach: overTime as never }),
      ['input', 'reach'],
    ],
    ['assessStage({ scale: a reach summary })', () => assessStage({ scale: summary as never }), ['evidence', 'scale']],
  ];
  it.each(cases)('%s', (_name, run, prefix) => {
    const error = failure(run);
    expect(error.path.slice(0, prefix.length)).toEqual(prefix);
  });

  it('the right kinds still pass as they are', () => {
    expect(evaluateReachTarget(summary, target).met).toBe(true);
    expect(projectedArrivalsFromReach(overTime)).toEqual([]);
    expect(suggestStrategies(review)).toBeTypeOf('object');
  });
});
