import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('npm run demo prints the sample district’s pit-stop report', () => {
  const out = execFileSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, 'examples/demo.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(out).toContain('Riverbend Unified: high-quality project-based learning');
  // The engine's pit stop comes first: the four questions, a decision per strategy, the route.
  expect(out).toContain('Pit stop 2026-06-15 (planned)');
  expect(out).toContain('2. Is anything broken? broken');
  expect(out).toContain('money runs out 2027-05-17 (journey ends 2027-06-30)');
  expect(out).toMatch(/English learners\s+reached\s+51% vs\s+69% for everyone else {2}← left behind/);
  expect(out).toContain('Develop local champions: revise');
  expect(out).toContain('Route: adjust-route');
  expect(out.indexOf('Pit stop 2026-06-15')).toBeLessThan(out.indexOf('The evidence behind the pit stop'));
  // depth: walkthrough (2.8 − 1)/3 = 0.6 with weight 2, beliefs 0.64 → (1.2 + 0.64)/3 = 0.6133
  expect(out).toMatch(/Depth\s+[█·]+\s+61% {2}target {2}70%/);
  expect(out).toContain('weakest dimension: sustainability');
  expect(out).toContain('At scale:    not yet — 37% of 400 intended teachers');
  expect(out).toMatch(/from 2026-01-20 to 2026-06-10 spread rose 28 points while depth fell 9 points/);
  expect(out).toContain('Fidelity and growth, 84 teachers: Spearman ρ = 0.51');
  expect(out).toContain('7 cluster(s) hold the data; at least 10 are needed');
  expect(out).toMatch(/Fidelity level associated with growth: 0\.65 .* → threshold-found/);
  expect(out).toContain('roadblocks: Competition for attention; Observability of the innovation; Policies');
  expect(out).toContain('mixed (raters disagree): Complexity of the innovation; Leadership');
  expect(out).toMatch(/PDSA ".*": revise \(rule learning\/short-of-prediction\)/);
  expect(out).toContain('longest run 8 (limit 7), crossings 1 (minimum 4)');
});
