import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/_lib/random.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import {
  adjustPValues,
  correlate,
  coxIndex,
  designEffect,
  effectSize,
  icc1,
  partialCorrelation,
  proportionInterval,
  rwg,
  rwgJ,
} from '../../src/stats/index.js';
import { expectError } from '../_support/expectError.js';

describe('bad input → INVALID_INPUT with the path to the value', () => {
  it.each([
    ['unequal lengths', () => correlate([1, 2, 3], [1, 2]), ['y']],
    ['NaN in x', () => correlate([1, Number.NaN, 3], [1, 2, 3]), ['x', 1]],
    [
      'NaN in a Float64Array',
      () => correlate(Float64Array.of(1, 2, 3, Number.NaN), Float64Array.of(1, 2, 3, 4)),
      ['x', 3],
    ],
    ['Infinity in y', () => correlate([1, 2, 3], [1, Number.POSITIVE_INFINITY, 3]), ['y', 1]],
    [
      '-Infinity in a Float64Array even with omit',
      () => correlate(Float64Array.of(1, 2, 3), Float64Array.of(1, Number.NEGATIVE_INFINITY, 3), { nanPolicy: 'omit' }),
      ['y', 1],
    ],
    ['a string', () => correlate([1, '2' as never, 3], [1, 2, 3]), ['x', 1]],
    ['not an array', () => correlate('123' as never, [1, 2, 3]), ['x']],
    [
      'confidence level 1',
      () => correlate([1, 2, 3], [1, 2, 3], { confidenceLevel: 1 }),
      ['options', 'confidenceLevel'],
    ],
    [
      'confidence level 0',
      () => correlate([1, 2, 3], [1, 2, 3], { confidenceLevel: 0 }),
      ['options', 'confidenceLevel'],
    ],
    [
      'confidence level 95',
      () => correlate([1, 2, 3], [1, 2, 3], { confidenceLevel: 95 }),
      ['options', 'confidenceLevel'],
    ],
    ['unknown method', () => correlate([1, 2, 3], [1, 2, 3], { method: 'distance' as never }), ['options', 'method']],
    [
      'unknown nanPolicy',
      () => correlate([1, 2, 3], [1, 2, 3], { nanPolicy: 'ignore' as never }),
      ['options', 'nanPolicy'],
    ],
    ['partial: no covariates', () => partialCorrelation([1, 2, 3], [1, 2, 3], []), ['covariates']],
    ['partial: covariate length', () => partialCorrelation([1, 2, 3], [1, 2, 3], [[1, 2]]), ['covariates', 0]],
    [
      'partial: NaN in a covariate',
      () => partialCorrelation([1, 2, 3, 4], [1, 2, 3, 4], [[1, Number.NaN, 3, 4]]),
      ['covariates', 0, 1],
    ],
    ['adjust: p above 1', () => adjustPValues([0.2, 1.5], 'holm'), ['pValues', 1]],
    ['adjust: NaN', () => adjustPValues([Number.NaN], 'bh'), ['pValues', 0]],
    ['adjust: unknown method', () => adjustPValues([0.2], 'BY' as never), ['method']],
    [
      'effect size: negative SD',
      () => effectSize({ treatment: { mean: 1, sd: -1, n: 5 }, comparison: { mean: 0, sd: 1, n: 5 } }),
      ['groups', 'treatment', 'sd'],
    ],
    [
      'effect size: fractional n',
      () => effectSize({ treatment: { mean: 1, sd: 1, n: 5 }, comparison: { mean: 0, sd: 1, n: 4.5 } }),
      ['groups', 'comparison', 'n'],
    ],
    [
      'effect size: NaN outcome',
      () => effectSize({ treatment: [1, Number.NaN], comparison: [1, 2] }),
      ['groups', 'treatment', 1],
    ],
    ['effect size: no groups', () => effectSize(null as never), ['groups']],
    [
      'cox: successes above n',
      () => coxIndex({ treatment: { successes: 11, n: 10 }, comparison: { successes: 1, n: 10 } }),
      ['groups', 'treatment', 'successes'],
    ],
    [
      'cox: n of 0',
      () => coxIndex({ treatment: { successes: 0, n: 0 }, comparison: { successes: 1, n: 10 } }),
      ['groups', 'treatment', 'n'],
    ],
    ['wilson: successes above n', () => proportionInterval(5, 4), ['successes']],
    ['wilson: negative n', () => proportionInterval(0, -1), ['n']],
    ['wilson: fractional successes', () => proportionInterval(1.5, 4), ['successes']],
    ['rwg: rating off the scale', () => rwg([1, 6, 3], 5), ['ratings', 1]],
    ['rwg: a one-point scale', () => rwg([1, 1], 1), ['scalePoints']],
    ['rwg: a range upside down', () => rwg([1, 1], { min: 2, max: -2 }), ['scalePoints', 'max']],
    ['rwgJ: ragged rows', () => rwgJ([[1, 2], [1]], 5), ['ratingsByRater', 1]],
    [
      'rwgJ: rating off the scale',
      () =>
        rwgJ(
          [
            [1, 2],
            [1, 9],
          ],
          5,
        ),
      ['ratingsByRater', 1, 1],
    ],
    ['icc1: a group that is not a series', () => icc1([[1, 2], 'x' as never]), ['groups', 1]],
    [
      'icc1: Infinity',
      () =>
        icc1([
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ]),
      ['groups', 1, 1],
    ],
    ['design effect: ICC above 1', () => designEffect(1.2, 10), ['icc']],
    ['design effect: cluster below 1', () => designEffect(0.1, 0.5), ['clusterSize']],
    ['design effect: impossible negative ICC', () => designEffect(-0.5, 10), ['icc']],
    ['seed: negative', () => createRandom(-1), ['seed']],
    ['seed: fractional', () => createRandom(1.5), ['seed']],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('NaN is missing under nanPolicy omit, in plain and typed arrays', () => {
    const plain = correlate([1, Number.NaN, 3, 4, 5], [2, 1, 4, 3, 5], { nanPolicy: 'omit' });
    const typed = correlate(Float64Array.of(1, Number.NaN, 3, 4, 5), Float64Array.of(2, 1, 4, 3, 5), {
      nanPolicy: 'omit',
    });
    const dropped = correlate([1, 3, 4, 5], [2, 4, 3, 5]);
    expect(plain.nDropped).toBe(1);
    expect(typed.estimate).toBeCloseTo(dropped.estimate as number, 14);
    expect(plain.estimate).toBeCloseTo(dropped.estimate as number, 14);
  });

  it('throws only ScalingNavigatorError for garbage, never a TypeError', () => {
    const functions = [
      (a: unknown, b: unknown, c: unknown) => correlate(a as never, b as never, c as never),
      (a: unknown, b: unknown, c: unknown) => partialCorrelation(a as never, b as never, c as never),
      (a: unknown, b: unknown) => adjustPValues(a as never, b as never),
      (a: unknown, b: unknown) => effectSize(a as never, b as never),
      (a: unknown, b: unknown) => coxIndex(a as never, b as never),
      (a: unknown, b: unknown, c: unknown) => proportionInterval(a as never, b as never, c as never),
      (a: unknown, b: unknown) => rwg(a as never, b as never),
      (a: unknown, b: unknown) => rwgJ(a as never, b as never),
      (a: unknown, b: unknown) => icc1(a as never, b as never),
      (a: unknown, b: unknown) => designEffect(a as never, b as never),
    ];
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.nat(functions.length - 1), (a, b, c, which) => {
        try {
          (functions[which] as (a: unknown, b: unknown, c: unknown) => unknown)(a, b, c);
        } catch (error) {
          expect(isScalingNavigatorError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
