/**
 * Vitest global setup: builds the package once and installs the packed tarball into
 * test/.tmp/consumer/node_modules/scaling-navigator, so the dist tests import exactly what npm
 * would ship. Dependencies (zod, date-fns, …) resolve from the project's own node_modules, two
 * levels up.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const consumerDir = `${root}test/.tmp/consumer`;

export default function setup(): void {
  const run = (command: string, args: string[], cwd = root) =>
    execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  run(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`, '--silent']);
  const tmp = `${root}test/.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(`${consumerDir}/node_modules/scaling-navigator`, { recursive: true });
  // --ignore-scripts: the package was just built above, so prepack's build would be a second one.
  run('npm', ['pack', '--pack-destination', tmp, '--ignore-scripts', '--silent']);
  const tarball = readdirSync(tmp).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  run('tar', [
    '-xzf',
    `${tmp}/${tarball}`,
    '-C',
    `${consumerDir}/node_modules/scaling-navigator`,
    '--strip-components=1',
  ]);
}
