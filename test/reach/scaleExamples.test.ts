/**
 * The Arrow example runs and says what it should. (examples/reachWarehouse.ts is the DuckDB path that
 * test/reach/sqlEngines.test.ts runs at 1,000,000 rows; it is type-checked, not run here, to keep the suite short.)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (file: string) =>
  execFileSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, file], { cwd: root, encoding: 'utf8' });

it('examples/reachArrow.ts: Arrow buffers used as they are, the same summary as plain columns', () => {
  const out = run('examples/reachArrow.ts');
  expect(out).toContain('converted: groups');
  expect(out).toContain("unit codes are Arrow's own buffer: true");
  expect(out).toContain('equal to the plain columnar summary: true');
}, 60_000);
