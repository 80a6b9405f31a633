import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('examples/reachWorkers.ts: shards summarized in worker threads and merged equal one pass', () => {
  const out = execFileSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, 'examples/reachWorkers.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(out).toMatch(/shards: \d+ \+ \d+ \+ \d+ \+ \d+ rows/);
  expect(out).toContain('merged shards equal one pass: true');
});
