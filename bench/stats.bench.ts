/**
 * correlate at 10⁶ pairs: Pearson against a plain Float64Array loop (the same shifted one-pass
 * sums, no validation, no p-value) and simple-statistics; Spearman against simple-statistics; and
 * all three methods against scipy (bench/stats_scipy.py), which is the only peer with Kendall's τ-b.
 *
 * Data: x uniform on [0, 10), y = x + uniform noise on [−3, 3) (r ≈ 0.86), from a seeded
 * xoshiro128** stream; the tied variant rounds both to one decimal (101 distinct x, 161 distinct y),
 * and a third rounds only x, to two decimals (1,001 distinct x, continuous y: the shape where Kendall
 * sorts y inside a thousand runs of ties).
 * A simple-statistics function that takes more than 1 s for one call at 10⁶ is measured at 10⁵
 * (the first 10⁵ pairs), next to ours at 10⁵, and its bench name says so.
 *
 * The scipy comparison runs while this file is imported, so its lines print just before mitata's
 * tables: both sides are timed as one warm-up call, then the median of 5 calls.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, do_not_optimize, group, summary } from 'mitata';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { createRandom } from '../src/_lib/random.js';
import { type CorrelationMethod, correlate } from '../src/stats/index.js';

const N = 1_000_000;
const SMALL_N = 100_000;
const SLOW_CALL_MS = 1_000;
const TOLERANCE = 1e-12;

interface Pairs {
  readonly label: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

function makePairs(): { continuous: Pairs; tied: Pairs; xTied: Pairs } {
  const random = createRandom(20_261_123);
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i += 1) {
    const value = 10 * random.nextFloat();
    x[i] = value;
    y[i] = value + 6 * (random.nextFloat() - 0.5);
  }
  const roundedX = x.map((value) => Math.round(value * 10) / 10);
  const roundedY = y.map((value) => Math.round(value * 10) / 10);
  // Many ties in x only: x rounded to 2 decimals (1,001 distinct values), y continuous.
  const hundredthsX = x.map((value) => Math.round(value * 100) / 100);
  return {
    continuous: { label: 'continuous', x, y },
    tied: { label: 'ties (1 decimal)', x: roundedX, y: roundedY },
    xTied: { label: 'x with 1,001 values, y continuous', x: hundredthsX, y },
  };
}

/** The baseline: Pearson's r from sums of deviations from the first pair, one pass, no checks. */
function plainPearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const x0 = x[0] as number;
  const y0 = y[0] as number;
  let sd = 0;
  let se = 0;
  let sdd = 0;
  let see = 0;
  let sde = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (x[i] as number) - x0;
    const e = (y[i] as number) - y0;
    sd += d;
    se += e;
    sdd += d * d;
    see += e * e;
    sde += d * e;
  }
  const sxx = sdd - (sd * sd) / n;
  const syy = see - (se * se) / n;
  const sxy = sde - (sd * se) / n;
  return sxy / Math.sqrt(sxx * syy);
}

function estimate(x: Float64Array, y: Float64Array, method: CorrelationMethod): number {
  const value = correlate(x, y, { method }).estimate;
  if (value === null) throw new Error(`correlate(${method}) gave no estimate`);
  return value;
}

function warnIfApart(label: string, ours: number, theirs: number): void {
  const diff = Math.abs(ours - theirs);
  if (!(diff <= TOLERANCE)) {
    console.log(`WARNING: ${label}: ours ${ours} vs ${theirs} (|diff| ${diff.toExponential(2)} > ${TOLERANCE})`);
  }
}

/** Milliseconds of one call: how the size rule for simple-statistics is decided. */
function oneCallMs(fn: () => unknown): number {
  const start = performance.now();
  do_not_optimize(fn());
  return performance.now() - start;
}

/** One warm-up call, then the median of 5 timed calls (the same protocol as stats_scipy.py). */
function medianMs(fn: () => unknown): number {
  do_not_optimize(fn());
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) times.push(oneCallMs(fn));
  times.sort((a, b) => a - b);
  return times[2] as number;
}

const { continuous, tied, xTied } = makePairs();
/** simple-statistics takes plain arrays: the continuous pairs as numbers[]. */
const plainX = Array.from(continuous.x);
const plainY = Array.from(continuous.y);

// ---------------------------------------------------------------------------------------------
// scipy: the same x and y as little-endian float64 files, timed by bench/stats_scipy.py.

interface ScipyTiming {
  readonly ms: number;
  readonly estimate: number;
}
interface ScipyReport {
  readonly python: string;
  readonly numpy: string;
  readonly scipy: string;
  readonly n: number;
  readonly kendall: ScipyTiming;
  readonly pearson: ScipyTiming;
  readonly spearman: ScipyTiming;
}

function littleEndian(values: Float64Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i += 1) view.setFloat64(8 * i, values[i] as number, true);
  return bytes;
}

/** The parsed report, or the reason the comparison is skipped. */
function runScipy(set: Pairs, directory: string): ScipyReport | string {
  const xFile = join(directory, 'x.f64');
  const yFile = join(directory, 'y.f64');
  writeFileSync(xFile, littleEndian(set.x));
  writeFileSync(yFile, littleEndian(set.y));
  const script = fileURLToPath(new URL('./stats_scipy.py', import.meta.url));
  const child = spawnSync('python3', [script, xFile, yFile], { encoding: 'utf8', timeout: 300_000 });
  if (child.error !== undefined) return `python3 could not be run (${child.error.message})`;
  if (child.status !== 0) {
    const lastLine = child.stderr.trim().split('\n').pop() ?? '';
    return `stats_scipy.py exited with status ${String(child.status)}: ${lastLine}`;
  }
  const parsed = JSON.parse(child.stdout) as ScipyReport | { skipped: string };
  return 'skipped' in parsed ? parsed.skipped : parsed;
}

function compareWithScipy(): void {
  const directory = mkdtempSync(join(tmpdir(), 'scaling-navigator-stats-bench-'));
  try {
    for (const set of [continuous, tied, xTied]) {
      const report = runScipy(set, directory);
      if (typeof report === 'string') {
        console.log(`scipy comparison skipped: ${report}`);
        return;
      }
      console.log(
        `\nscipy ${report.scipy} (numpy ${report.numpy}, Python ${report.python}) vs scaling-navigator correlate, ` +
          `${set.label}, n = ${report.n.toLocaleString('en-US')}; one warm-up call, then the median of 5 calls each`,
      );
      for (const method of ['pearson', 'spearman', 'kendall'] as const) {
        const ours = medianMs(() => correlate(set.x, set.y, { method }));
        const theirs = report[method];
        const value = estimate(set.x, set.y, method);
        const diff = Math.abs(value - theirs.estimate);
        console.log(
          `  ${method.padEnd(8)}  ours ${ours.toFixed(1).padStart(7)} ms  scipy ${theirs.ms.toFixed(1).padStart(7)} ms  ` +
            `ours/scipy ${(ours / theirs.ms).toFixed(2)}×  estimate ${value.toFixed(6)}, |ours − scipy| ${diff.toExponential(1)}`,
        );
        warnIfApart(`${method}, ${set.label}, scipy`, value, theirs.estimate);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.log('');
}

compareWithScipy();

// ---------------------------------------------------------------------------------------------
// Sanity: the baseline and simple-statistics compute the same numbers as correlate.

warnIfApart(
  'pearson, plain loop',
  estimate(continuous.x, continuous.y, 'pearson'),
  plainPearson(continuous.x, continuous.y),
);
warnIfApart(
  'pearson, simple-statistics',
  estimate(continuous.x, continuous.y, 'pearson'),
  sampleCorrelation(plainX, plainY),
);

// ---------------------------------------------------------------------------------------------
// mitata

const pearsonMs = oneCallMs(() => sampleCorrelation(plainX, plainY));
const rankMs = oneCallMs(() => sampleRankCorrelation(plainX, plainY));

function slowNote(ms: number): string {
  return `10⁵ pairs: one call at 10⁶ took ${(ms / 1_000).toFixed(1)} s`;
}

/** The first 10⁵ continuous pairs, for a simple-statistics function too slow at 10⁶. */
const small = {
  x: continuous.x.subarray(0, SMALL_N),
  y: continuous.y.subarray(0, SMALL_N),
  plainX: plainX.slice(0, SMALL_N),
  plainY: plainY.slice(0, SMALL_N),
};

group('Pearson r, 10⁶ pairs (continuous)', () => {
  summary(() => {
    bench('scaling-navigator correlate (Float64Array, r + t test + CI)', () =>
      do_not_optimize(correlate(continuous.x, continuous.y)),
    );
    bench('plain Float64Array loop (shifted one-pass sums, r only)', () =>
      do_not_optimize(plainPearson(continuous.x, continuous.y)),
    ).baseline(true);
    if (pearsonMs <= SLOW_CALL_MS) {
      bench('simple-statistics sampleCorrelation (plain arrays)', () =>
        do_not_optimize(sampleCorrelation(plainX, plainY)),
      );
    }
  });
});
if (pearsonMs > SLOW_CALL_MS) {
  group(`Pearson r, ${slowNote(pearsonMs)} by simple-statistics`, () => {
    summary(() => {
      bench('scaling-navigator correlate, 10⁵ pairs', () => do_not_optimize(correlate(small.x, small.y))).baseline(
        true,
      );
      bench(`simple-statistics sampleCorrelation (plain arrays, ${slowNote(pearsonMs)})`, () =>
        do_not_optimize(sampleCorrelation(small.plainX, small.plainY)),
      );
    });
  });
}

group('Spearman ρ, 10⁶ pairs', () => {
  summary(() => {
    bench('scaling-navigator correlate spearman, continuous', () =>
      do_not_optimize(correlate(continuous.x, continuous.y, { method: 'spearman' })),
    ).baseline(true);
    bench('scaling-navigator correlate spearman, ties (1 decimal)', () =>
      do_not_optimize(correlate(tied.x, tied.y, { method: 'spearman' })),
    );
    if (rankMs <= SLOW_CALL_MS) {
      bench('simple-statistics sampleRankCorrelation (plain arrays), continuous', () =>
        do_not_optimize(sampleRankCorrelation(plainX, plainY)),
      );
    }
  });
});
if (rankMs > SLOW_CALL_MS) {
  group(`Spearman ρ, 10⁵ pairs (continuous), as simple-statistics took ${(rankMs / 1_000).toFixed(1)} s at 10⁶`, () => {
    summary(() => {
      bench('scaling-navigator correlate spearman, 10⁵ pairs', () =>
        do_not_optimize(correlate(small.x, small.y, { method: 'spearman' })),
      ).baseline(true);
      bench(`simple-statistics sampleRankCorrelation (plain arrays, ${slowNote(rankMs)})`, () =>
        do_not_optimize(sampleRankCorrelation(small.plainX, small.plainY)),
      );
    });
  });
}

group('Kendall τ-b, 10⁶ pairs (no JS peer computes τ-b; scipy is above)', () => {
  summary(() => {
    bench('scaling-navigator correlate kendall, continuous', () =>
      do_not_optimize(correlate(continuous.x, continuous.y, { method: 'kendall' })),
    ).baseline(true);
    bench('scaling-navigator correlate kendall, ties (1 decimal)', () =>
      do_not_optimize(correlate(tied.x, tied.y, { method: 'kendall' })),
    );
  });
});
