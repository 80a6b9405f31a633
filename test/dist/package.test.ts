/**
 * Tests against the packed tarball (see test/setup/buildOnce.ts): ESM and CJS entry points, the
 * error check across two CJS subpaths, the framework tree-shake budget, and time-zone independence.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../scripts/moduleList.js';
import { consumerDir, hostBundle } from '../_support/hostBundle.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const consumer = consumerDir;
const installed = `${consumer}/node_modules/scaling-navigator`;

function node(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the packed package', () => {
  it('ships only dist, LICENSE, README and package.json', () => {
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect(existsSync(`${installed}/dist/index.js`)).toBe(true);
  });

  it('names in `files` only what exists, builds before packing and says where the project lives', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Record<string, unknown> & {
      files: string[];
      scripts: Record<string, string>;
    };
    // dist/ exists here because the global setup built it; everything else is committed.
    for (const entry of pkg.files) expect(existsSync(`${root}${entry}`), entry).toBe(true);
    // `npm pack` / `npm publish` from a fresh clone build first; buildOnce.ts packs with
    // --ignore-scripts after its own build, so the suite builds once.
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/scaling-navigator/scaling-navigator.git',
    });
    expect(pkg.homepage).toBe('https://github.com/scaling-navigator/scaling-navigator#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/scaling-navigator/scaling-navigator/issues' });
  });

  it.each(['', ...MODULES.map((module) => `/${module.name}`)])(
    'scaling-navigator%s loads from ESM and CJS',
    (subpath) => {
      const specifier = `scaling-navigator${subpath}`;
      const esm = node([
        '--input-type=module',
        '-e',
        `import * as m from '${specifier}'; console.log(Object.keys(m).sort().join(','))`,
      ]);
      const cjs = node(['-e', `console.log(Object.keys(require('${specifier}')).sort().join(','))`]);
      expect(esm.trim().length).toBeGreaterThan(0);
      expect(cjs.trim()).toBe(esm.trim());
    },
  );

  it('isScalingNavigatorError recognizes errors across subpaths and across the ESM and CJS copies (where instanceof fails)', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `
      import { createRequire } from 'node:module';
      import * as esmDimensions from 'scaling-navigator/dimensions';
      const require = createRequire(process.cwd() + '/');
      const cjsFramework = require('scaling-navigator/framework');
      const cjsDimensions = require('scaling-navigator/dimensions');
      const bad = [{ id: 'x', dimension: 'depth', value: NaN, scale: { min: 0, max: 1 } }];
      const catchFrom = (run) => { try { run(); } catch (error) { return error; } };
      const fromEsm = catchFrom(() => esmDimensions.assessScale(bad));
      const fromCjs = catchFrom(() => cjsDimensions.assessScale(bad));
      console.log(JSON.stringify({
        esmErrorInstanceOfCjsClass: fromEsm instanceof cjsFramework.ScalingNavigatorError,
        esmErrorRecognizedByCjs: cjsFramework.isScalingNavigatorError(fromEsm),
        cjsErrorRecognizedByCjsFramework: cjsFramework.isScalingNavigatorError(fromCjs),
        code: fromEsm.code,
        path: fromEsm.path,
      }));
      `,
    ]);
    expect(JSON.parse(out)).toEqual({
      esmErrorInstanceOfCjsClass: false,
      esmErrorRecognizedByCjs: true,
      cjsErrorRecognizedByCjsFramework: true,
      code: 'INVALID_INPUT',
      path: ['measures', 0, 'value'],
    });
  });

  it('a host importing only getStrategy from scaling-navigator/framework ships < 16 kB brotli and no statistics code', async () => {
    const { code, inputs, brotliBytes } = await hostBundle(
      "import { getStrategy } from 'scaling-navigator/framework'; console.log(getStrategy('proof-point').label);",
    );
    expect(brotliBytes).toBeLessThan(16 * 1024);
    expect(inputs.some((path) => path.includes('dist/framework/index.js'))).toBe(true);
    expect(inputs.some((path) => path.includes('simple-statistics') || path.includes('@stdlib'))).toBe(false);
    expect(code).not.toContain('assessScale');
    expect(code).not.toContain('normalize');
    expect(code).toContain('Use a proof point');
  });

  it('gives identical results under TZ=UTC and TZ=Pacific/Honolulu', () => {
    const script = `
      import { assessScale, detectSuperficialSpread } from 'scaling-navigator/dimensions';
      import { parseTripTicket } from 'scaling-navigator/framework';
      const measures = [
        { id: 'a', dimension: 'depth', value: 3, scale: { min: 1, max: 5 }, collectedOn: '2025-12-31' },
        { id: 'b', dimension: 'sustainability', value: 0.9, scale: { min: 0, max: 1 }, collectedOn: '2026-01-01' },
      ];
      const history = [
        { date: '2025-03-08', depth: 0.6, spread: 0.3 },
        { date: '2025-03-10', depth: 0.5, spread: 0.4 },
        { date: '2025-11-02', depth: 0.55, spread: 0.45 },
      ];
      const ticket = parseTripTicket({
        title: 't', equityDefinition: 'e', scalingForEquityDefinition: 's', focalGroups: [],
        destination: {}, arriveBy: '2026-12-31', route: [],
        pitStops: [{ date: '2026-01-01', why: 'w', focus: 'f' }, { date: '2026-12-31', why: 'w', focus: 'f' }],
        arrival: { successLooksLike: 'x', advancesEquityBy: 'y' },
      });
      const { runChart } = await import('scaling-navigator/learning');
      const { reviewStrategySet } = await import('scaling-navigator/strategies');
      const chart = runChart(history.map((point, index) => ({ date: point.date, value: index })));
      const strategySet = reviewStrategySet(
        {
          entries: [
            {
              strategyId: 'proof-point',
              theoryOfAction: { steps: ['visit-site'], expectedChange: 'x', conditions: 'y', forWhom: [] },
              steps: [{ what: 'Visit', lead: 'maria', when: '2025-10-31' }],
              addedOn: '2025-09-01',
            },
          ],
        },
        { asOf: '2025-11-01', measures: [] },
      );
      console.log(JSON.stringify({ scale: assessScale(measures, { depth: 0.5 }), spread: detectSuperficialSpread(history), ticket, chart, strategySet }));
    `;
    const utc = node(['--input-type=module', '-e', script], { TZ: 'UTC' });
    const honolulu = node(['--input-type=module', '-e', script], { TZ: 'Pacific/Honolulu' });
    const offset = node(['-e', 'console.log(new Date(0).getTimezoneOffset())'], { TZ: 'Pacific/Honolulu' });
    expect(offset.trim()).toBe('600');
    expect(honolulu).toBe(utc);
    const parsed = JSON.parse(utc);
    expect(parsed.spread.intervals.map((interval: { days: number }) => interval.days)).toEqual([2, 237]);
    expect(parsed.strategySet.strategies[0].stepsOverdue).toBe(1);
  });
});
