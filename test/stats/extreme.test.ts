/**
 * Finite in, finite out at extreme magnitudes, against scipy: test/fixtures/extreme.json holds
 * moderate data multiplied by 2^k (exact in binary floating point, values from ≈ 1e-301 to 1e301),
 * with scipy's answers on the moderate data (see gen_extreme.py). Tolerances as the oracle tests:
 * 1e-9 relative (the absolute 1e-12 scaled by 2^k for fields in the data's units), p 1e-8.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { correlate, effectSize, icc1 } from '../../src/stats/index.js';
import { ESTIMATE_TOLERANCE, expectClose, expectCloseInterval, P_TOLERANCE } from '../_support/close.js';

interface Fixture {
  effectSize: {
    name: string;
    scale: number;
    treatment: number[];
    comparison: number[];
    confidenceLevel: number;
    expected: Record<string, number | null> & { confidenceInterval: [number, number] };
  }[];
  icc1: { name: string; scale: number; groups: number[][]; expected: Record<string, number | null> }[];
  pearson: { name: string; scale: number; x: number[]; y: number[]; expected: { estimate: number; pValue: number } }[];
}

const data = JSON.parse(readFileSync(new URL('../fixtures/extreme.json', import.meta.url), 'utf8')) as Fixture;

const inUnits = (power: number) => ({
  relative: ESTIMATE_TOLERANCE.relative,
  absolute: ESTIMATE_TOLERANCE.absolute * 2 ** power,
});

describe('effectSize at extreme magnitudes against scipy', () => {
  it.each(data.effectSize.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = effectSize(
      { treatment: c.treatment, comparison: c.comparison },
      { confidenceLevel: c.confidenceLevel },
    );
    const e = c.expected;
    for (const key of ['cohensD', 'hedgesG', 'se', 'improvementIndex', 'statistic'] as const) {
      expectClose(result[key], e[key], key);
    }
    expectClose(result.pValue, e.pValue, 'pValue', P_TOLERANCE);
    expectCloseInterval(result.confidenceInterval, e.confidenceInterval, 'confidenceInterval');
    expectClose(result.meanDifference, e.meanDifference, 'meanDifference', inUnits(c.scale));
    expectClose(result.pooledSd, e.pooledSd, 'pooledSd', inUnits(c.scale));
    expectClose(result.treatment?.mean, e.treatmentMean, 'treatment mean', inUnits(c.scale));
    expectClose(result.treatment?.sd, e.treatmentSd, 'treatment sd', inUnits(c.scale));
    expect(result.notes).toEqual([]);
  });
});

describe('icc1 at extreme magnitudes against scipy (f_oneway) and the ICC(1) formula', () => {
  it.each(data.icc1.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = icc1(c.groups);
    const e = c.expected;
    expectClose(result.estimate, e.estimate, 'estimate');
    expectClose(result.statistic, e.statistic, 'statistic');
    expectClose(result.pValue, e.pValue, 'pValue', P_TOLERANCE);
    if (e.ssBetween === null || e.ssWithin === null) {
      expect(result.anova).toBeNull();
      expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([['NOT_REPRESENTABLE', 'anova']]);
    } else {
      expectClose(result.anova?.ssBetween, e.ssBetween, 'ssBetween', inUnits(2 * c.scale));
      expectClose(result.anova?.ssWithin, e.ssWithin, 'ssWithin', inUnits(2 * c.scale));
      expect(result.notes).toEqual([]);
    }
  });
});

describe("Pearson's r with x and y at opposite extreme magnitudes against scipy (pearsonr)", () => {
  it.each(data.pearson.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = correlate(c.x, c.y);
    expectClose(result.estimate, c.expected.estimate, 'estimate');
    expectClose(result.pValue, c.expected.pValue, 'pValue', P_TOLERANCE);
  });
});
