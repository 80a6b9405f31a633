/**
 * Where a content security policy refuses code built from strings (`eval`, `new Function`: Cloudflare
 * Workers, a strict browser page), the packed package still answers, and answers the same: the pit
 * stop's compiled input parser falls back to zod's ordinary one. Node's
 * `--disallow-code-generation-from-strings` refuses such code the same way.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { consumerDir } from '../_support/hostBundle.js';

const script = `
import { evaluatePitStop, evaluatePortfolio } from 'scaling-navigator/pitstop';
let generated = true;
try { new Function('return 1'); } catch { generated = false; }
const tripTicket = {
  title: 'PBL for all', equityDefinition: 'Every student', scalingForEquityDefinition: 'Most students, focal first',
  focalGroups: [], destination: {}, arriveBy: '2027-06-30', route: [],
  arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
};
const people = [{ id: 'coach', hoursAvailable: 100 }];
const pitStop = (budgetLeft) => ({ asOf: '2026-01-20', tripTicket, resources: { budgetLeft, monthlyBurn: 10000, people, hoursNeeded: 50 } });
const report = evaluatePortfolio([{ id: 'north', pitStop: pitStop(900000) }, { id: 'south', pitStop: pitStop(10000) }]);
let error = null;
try { evaluatePitStop({ ...pitStop(1), asOf: 'x' }); } catch (caught) { error = { code: caught.code, path: caught.path }; }
console.log(JSON.stringify({ generated, report, one: evaluatePitStop(pitStop(5000)), error }));
`;

function run(flags: string[]): { generated: boolean; report: unknown; one: unknown; error: unknown } {
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    cwd: consumerDir,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('without code generation from strings', () => {
  it('the pit stop and the portfolio give the same answers and errors', () => {
    const open = run([]);
    const refused = run(['--disallow-code-generation-from-strings']);
    expect(open.generated).toBe(true);
    expect(refused.generated).toBe(false);
    expect(refused.report).toEqual(open.report);
    expect(refused.one).toEqual(open.one);
    expect(refused.error).toEqual({ code: 'INVALID_INPUT', path: ['input', 'asOf'] });
    expect(refused.error).toEqual(open.error);
  });
});
