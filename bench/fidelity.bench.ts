/**
 * The mixed model of analyzeFidelityOutcome for 10,000 teachers in 500 schools (with a baseline),
 * against R lme4::lmer + lmerTest's Satterthwaite summary on the same data (bench/fidelity_lmer.R,
 * run while this file is imported when Rscript and the packages are present: one warm-up call, then
 * the median of 5 on both sides); then the clustered threshold search (999 permutations within
 * schools + 999 wild-cluster bootstrap draws) and the plain one on the same data, in mitata.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, do_not_optimize, group, summary } from 'mitata';
import { createRandom } from '../src/_lib/random.js';
import { analyzeFidelityOutcome, fidelityThreshold } from '../src/fidelity/index.js';

const SCHOOLS = 500;
const TEACHERS = 10_000;

function makeDistrict() {
  const random = createRandom(20_261_201);
  const normal = () => {
    const u = random.nextFloat() || Number.MIN_VALUE;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextFloat());
  };
  const fidelity: number[] = [];
  const outcome: number[] = [];
  const baseline: number[] = [];
  const clusters: number[] = [];
  const schoolF = Array.from({ length: SCHOOLS }, () => 0.1 * normal());
  const schoolY = Array.from({ length: SCHOOLS }, () => 3 * normal());
  for (let i = 0; i < TEACHERS; i += 1) {
    // Unequal schools: sizes from 5 to 35 around the mean of 20.
    const j = Math.min(SCHOOLS - 1, Math.floor(SCHOOLS * random.nextFloat() ** 1.2));
    const f = Math.round(Math.min(1, Math.max(0, 0.6 + (schoolF[j] as number) + 0.15 * normal())) * 100) / 100;
    const b = Math.round((50 + 8 * normal()) * 10) / 10;
    fidelity.push(f);
    baseline.push(b);
    clusters.push(j + 1);
    outcome.push(
      Math.round((0.5 * b + 12 * Math.max(0, f - 0.6) + (schoolY[j] as number) + 4 * normal()) * 1000) / 1000,
    );
  }
  return { fidelity, outcome, baseline, clusters };
}

const district = makeDistrict();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
function timeMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    const start = performance.now();
    do_not_optimize(run());
    times.push(performance.now() - start);
  }
  return median(times);
}

const mixed = () => analyzeFidelityOutcome(district);
const ours = timeMs(mixed);
const model = mixed().mixedModel;

const dir = mkdtempSync(join(tmpdir(), 'fidelity-bench-'));
try {
  const csv = join(dir, 'district.csv');
  writeFileSync(
    csv,
    `fidelity,outcome,baseline,cluster\n${district.fidelity.map((f, i) => `${f},${district.outcome[i]},${district.baseline[i]},${district.clusters[i]}`).join('\n')}\n`,
  );
  const script = fileURLToPath(new URL('./fidelity_lmer.R', import.meta.url));
  const child = spawnSync('Rscript', ['--vanilla', script, csv], { encoding: 'utf8', timeout: 600_000 });
  if (child.status !== 0 || child.error) {
    console.log(`R lmer comparison skipped: ${child.error?.message ?? child.stderr.trim().split('\n').at(-1)}`);
    console.log(`scaling-navigator mixed model (10,000 teachers, 500 schools): ${ours.toFixed(1)} ms`);
  } else {
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1) as string);
    const agree = (a: number | undefined, b: number) =>
      a === undefined ? 'n/a' : (Math.abs(a - b) / Math.abs(b)).toExponential(1);
    console.log(
      `\nmixed model, 10,000 teachers in 500 schools, outcome ~ fw + fm + baseline + (1 | school):\n` +
        `  ours ${ours.toFixed(1)} ms   R lmer + lmerTest summary ${r.ms.toFixed(1)} ms   ratio R / ours ${(r.ms / ours).toFixed(1)}×\n` +
        `  (${r.R}, lme4 ${r.lme4}, lmerTest ${r.lmerTest}); relative differences: within ${agree(model?.within.estimate, r.within)}, ` +
        `between ${agree(model?.between.estimate, r.between)}, df within ${agree(model?.within.df ?? undefined, r.dfWithin)}, ` +
        `df between ${agree(model?.between.df ?? undefined, r.dfBetween)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const clusteredData = {
  fidelity: district.fidelity,
  outcome: district.outcome,
  baseline: district.baseline,
  clusters: district.clusters,
};
const plainData = { fidelity: district.fidelity, outcome: district.outcome };
const options = { seed: 1, policy: { permutations: 999, bootstrapDraws: 999, maxResampledObservations: 1e9 } };

group('fidelity, 10,000 teachers in 500 schools', () => {
  summary(() => {
    bench('analyzeFidelityOutcome with clusters + baseline (mixed model)', () => do_not_optimize(mixed()));
    bench('fidelityThreshold, plain (999 + 999 draws)', () => do_not_optimize(fidelityThreshold(plainData, options)));
    bench('fidelityThreshold, baseline + clusters (999 within-school + 999 wild-cluster draws)', () =>
      do_not_optimize(fidelityThreshold(clusteredData, options)),
    );
  });
});
