/**
 * Statewide small-cell suppression (issue 12): `suppressSmallCells` on a summary by district and
 * school of 9,000 schools (1,000 districts × 9) with three overlapping focal groups, and the ratio to
 * the implementation before issue 12 (dense elimination, one span rebuilt per round; kept in
 * test/reach/_reference/) at sizes the old one can finish. Each school has 60 students on average
 * (540,000 in all), so many cells are small and complementary suppression has real work to do.
 * Times are medians of performance.now() over a few calls after a warm-up; the bench checks first
 * that both implementations give the same report.
 */
import { isDeepStrictEqual } from 'node:util';
import { suppressSmallCells } from '../src/reach/index.js';
import { suppressSmallCellsReference } from '../test/reach/_reference/suppressSmallCells.js';
import { statewideSummary } from './_statewide.js';

function median(run: () => unknown, times: number): number {
  run();
  const samples: number[] = [];
  for (let k = 0; k < times; k += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const lines: string[] = ['suppressSmallCells (median ms; old = the dense implementation before issue 12)'];
for (const schools of [50, 100, 200]) {
  const summary = statewideSummary(schools);
  const { schemaVersion: _version, ...report } = suppressSmallCells(summary);
  if (!isDeepStrictEqual(report, JSON.parse(JSON.stringify(suppressSmallCellsReference(summary))))) {
    throw new Error(`suppression bench: the reports differ at ${schools} schools`);
  }
  const now = median(() => suppressSmallCells(summary), 5);
  const old = median(() => suppressSmallCellsReference(summary), 1);
  lines.push(
    `  ${schools} schools: ${now.toFixed(1)} ms, old ${old.toFixed(0)} ms (${(old / now).toFixed(0)}× faster), ${report.suppressed.length} hidden`,
  );
}
const statewide = statewideSummary(9_000);
const hidden = suppressSmallCells(statewide).suppressed.length;
lines.push(
  `  9,000 schools × 3 focal groups: ${median(() => suppressSmallCells(statewide), 5).toFixed(0)} ms, ${hidden} hidden`,
);
console.log(lines.join('\n'));
