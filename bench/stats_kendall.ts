/**
 * Kendall τ-b only, against scipy's `kendalltau` in one run, on the three shapes of
 * bench/stats.bench.ts (continuous; both rounded to one decimal; x rounded to two decimals with y
 * continuous). Short, for a shared machine: `npx tsx bench/stats_kendall.ts`. Each side: one
 * warm-up call, then the median of 5 calls; the two sides alternate shape by shape so that load
 * from other processes hits both alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/_lib/random.js';
import { correlate } from '../src/stats/index.js';

const N = 1_000_000;
const random = createRandom(20_261_123);
const x = new Float64Array(N);
const y = new Float64Array(N);
for (let i = 0; i < N; i += 1) {
  const value = 10 * random.nextFloat();
  x[i] = value;
  y[i] = value + 6 * (random.nextFloat() - 0.5);
}
const shapes = [
  { label: 'continuous', x, y },
  { label: 'ties (1 decimal)', x: x.map((v) => Math.round(v * 10) / 10), y: y.map((v) => Math.round(v * 10) / 10) },
  { label: 'x with 1,001 values, y continuous', x: x.map((v) => Math.round(v * 100) / 100), y },
];

function medianMs(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

const bytes = (values: Float64Array) => {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i += 1) view.setFloat64(8 * i, values[i] as number, true);
  return out;
};

const directory = mkdtempSync(join(tmpdir(), 'scaling-navigator-kendall-bench-'));
try {
  const script = fileURLToPath(new URL('./stats_scipy.py', import.meta.url));
  for (const shape of shapes) {
    writeFileSync(join(directory, 'x.f64'), bytes(shape.x));
    writeFileSync(join(directory, 'y.f64'), bytes(shape.y));
    const ours = medianMs(() => correlate(shape.x, shape.y, { method: 'kendall' }));
    const child = spawnSync('python3', [script, join(directory, 'x.f64'), join(directory, 'y.f64'), 'kendall'], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const report = JSON.parse(child.stdout) as { kendall?: { ms: number; estimate: number }; skipped?: string };
    if (report.kendall === undefined) {
      console.log(`scipy skipped: ${report.skipped ?? child.stderr}`);
      break;
    }
    const value = correlate(shape.x, shape.y, { method: 'kendall' }).estimate as number;
    console.log(
      `kendall, ${shape.label.padEnd(34)} ours ${ours.toFixed(1).padStart(7)} ms  scipy ${report.kendall.ms
        .toFixed(1)
        .padStart(7)} ms  ours/scipy ${(ours / report.kendall.ms).toFixed(2)}×  |τ ours − scipy| ${Math.abs(
        value - report.kendall.estimate,
      ).toExponential(1)}`,
    );
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
