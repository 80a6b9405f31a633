/**
 * assessScale against a hand-written loop that computes the same weighted means with no validation,
 * and against simple-statistics' weighted mean per dimension. The gap is the price of validating
 * every measure with the Measure schema (paths, ranges, duplicate ids) and of the id sort that makes
 * the result independent of input order.
 */
import { bench, do_not_optimize, group, summary } from 'mitata';
import { mean } from 'simple-statistics';
import { assessScale, detectSuperficialSpread } from '../src/dimensions/index.js';
import { type MeasureInput, SCALE_DIMENSION_IDS } from '../src/framework/index.js';

function makeMeasures(count: number): MeasureInput[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, index) => ({
    id: `m${index}`,
    dimension: SCALE_DIMENSION_IDS[index % 4] ?? 'depth',
    value: Math.round(next() * 40) / 10,
    scale: { min: 0, max: 4 },
    weight: 1 + (index % 3),
  }));
}

function handLoop(measures: readonly MeasureInput[]): number[] {
  const weighted = new Float64Array(4);
  const totals = new Float64Array(4);
  for (const measure of measures) {
    const slot = SCALE_DIMENSION_IDS.indexOf(measure.dimension ?? 'depth');
    const x = (measure.value - measure.scale.min) / (measure.scale.max - measure.scale.min);
    const w = measure.weight ?? 1;
    weighted[slot] = (weighted[slot] ?? 0) + w * x;
    totals[slot] = (totals[slot] ?? 0) + w;
  }
  return Array.from(weighted, (value, slot) => value / (totals[slot] ?? 1));
}

function simpleStatistics(measures: readonly MeasureInput[]): number[] {
  return SCALE_DIMENSION_IDS.map((dimension) => {
    const expanded: number[] = [];
    for (const measure of measures) {
      if (measure.dimension !== dimension) continue;
      const x = (measure.value - measure.scale.min) / (measure.scale.max - measure.scale.min);
      for (let copy = 0; copy < (measure.weight ?? 1); copy += 1) expanded.push(x);
    }
    return mean(expanded);
  });
}

for (const count of [40, 4_000]) {
  const measures = makeMeasures(count);
  group(`assessScale, ${count} measures`, () => {
    summary(() => {
      bench('scaling-navigator assessScale (validated)', () => do_not_optimize(assessScale(measures, { depth: 0.6 })));
      bench('simple-statistics mean per dimension (integer weights expanded)', () =>
        do_not_optimize(simpleStatistics(measures)),
      );
      bench('hand-written Float64Array loop (no validation)', () => do_not_optimize(handLoop(measures))).baseline(true);
    });
  });
}

const history = Array.from({ length: 3_650 }, (_, day) => ({
  date: new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10),
  depth: Math.sin(day / 30),
  spread: day / 3_650,
}));
group('detectSuperficialSpread, 3,650 daily points', () => {
  summary(() => {
    bench('scaling-navigator detectSuperficialSpread', () => do_not_optimize(detectSuperficialSpread(history)));
    bench('hand-written loop (no validation, no dates)', () => {
      let flagged = 0;
      for (let index = 1; index < history.length; index += 1) {
        const a = history[index - 1];
        const b = history[index];
        if (a && b && b.spread > a.spread && b.depth < a.depth) flagged += 1;
      }
      return do_not_optimize(flagged);
    }).baseline(true);
  });
});
