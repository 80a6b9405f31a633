/**
 * The BigQuery aggregate function, built as it ships (scripts/bigQueryUdaf.ts: one minified,
 * dependency-free ESM file, at most 1 MB) and called exactly as BigQuery calls a JavaScript UDAF:
 * rows in shards, INT64 arguments as BigInt, the options as the NOT AGGREGATE argument, each
 * stage's state through serialize → JSON text → deserialize, partial states merged in a random
 * (seeded) order — the finalized summary must equal one pass over the same people.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UDAF_BUILD, UDAF_GLOBAL_BUILD } from '../../scripts/bigQueryUdaf.js';
import { summarizeReach } from '../../src/reach/index.js';
import { SCALE_GROUPS, scaleRoster } from './scaleRoster.js';

interface Udaf {
  initialState(options: unknown): unknown;
  aggregate(
    state: unknown,
    units: unknown,
    mask: unknown,
    eligible: unknown,
    engagements: unknown,
    options: unknown,
  ): void;
  merge(state: unknown, partial: unknown, options: unknown): void;
  finalize(state: unknown, options: unknown): unknown;
  serialize(state: unknown): unknown;
  deserialize(serialized: unknown): unknown;
}

let dir = '';
let code = '';
let udaf: Udaf;
let imports: unknown[] = [];
beforeAll(async () => {
  const result = await build({ ...UDAF_BUILD, write: false });
  const output = result.outputFiles?.[0];
  if (output === undefined) throw new Error('esbuild wrote nothing');
  code = output.text;
  imports = Object.values(result.metafile?.outputs ?? {})[0]?.imports ?? [];
  dir = mkdtempSync(join(tmpdir(), 'reach-udaf-'));
  const file = join(dir, 'reach-udaf.mjs');
  writeFileSync(file, code);
  udaf = (await import(pathToFileURL(file).href)) as Udaf;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = {
  focalGroups: [...SCALE_GROUPS],
  unitLevels: ['district', 'school'],
  minEngagements: 3,
  intersections: [['poverty', 'el']],
};
const roster = scaleRoster(20_000, 150, 99);
const expected = summarizeReach(roster.columns, options);

/** serialize → JSON text → deserialize, as between BigQuery's stages. */
const stage = (state: unknown) => udaf.deserialize(JSON.parse(JSON.stringify(udaf.serialize(state))));

function runSharded(shards: number, seed: number, optionsArgument: unknown): unknown {
  const { unitCodes, units, groupMasks, engagements, eligible } = roster.columns;
  const states = Array.from({ length: shards }, () => stage(udaf.initialState(optionsArgument)));
  let random = seed >>> 0 || 1;
  const next = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < unitCodes.length; i += 1) {
    const unit = units[unitCodes[i] as number] as { district: string; school: string };
    udaf.aggregate(
      states[Math.floor(next() * shards)],
      [unit.district, unit.school],
      BigInt(groupMasks[i] as number),
      eligible?.[i] !== 0,
      BigInt(engagements[i] as number),
      optionsArgument,
    );
  }
  // Partial states leave their workers as JSON and are merged in a random order, pairwise.
  const partials = states.map(stage);
  while (partials.length > 1) {
    const a = partials.splice(Math.floor(next() * partials.length), 1)[0];
    const b = partials.splice(Math.floor(next() * partials.length), 1)[0];
    udaf.merge(a, b, optionsArgument);
    partials.push(stage(a));
  }
  return udaf.finalize(stage(partials[0]), optionsArgument);
}

describe('BigQuery JavaScript UDAF library', () => {
  it('is one dependency-free ESM file under BigQuery’s 1 MB library limit (over the 32 KB inline limit)', () => {
    expect(imports).toEqual([]);
    expect(code).not.toMatch(/\brequire\(/);
    const bytes = Buffer.byteLength(code);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(32 * 1024);
    expect(Object.keys(udaf).sort()).toEqual([
      'aggregate',
      'deserialize',
      'finalize',
      'initialState',
      'merge',
      'serialize',
    ]);
  });

  it('sharded, JSON-round-tripped, merged in random order: equals one pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat(), fc.boolean(), (shards, seed, asText) => {
        const summary = runSharded(shards, seed, asText ? JSON.stringify(options) : options);
        expect(JSON.parse(JSON.stringify(summary))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 4 },
    );
  });

  it('the classic-script build defines one global with the same functions, dependency-free, under 1 MB', async () => {
    const result = await build({ ...UDAF_GLOBAL_BUILD, write: false });
    const script = result.outputFiles?.[0]?.text ?? '';
    expect(Buffer.byteLength(script)).toBeLessThanOrEqual(1024 * 1024);
    expect(Object.values(result.metafile?.outputs ?? {})[0]?.imports).toEqual([]);
    const context: Record<string, unknown> = {};
    runInNewContext(script, context);
    const global = context.scalingNavigatorReach as Udaf;
    expect(Object.keys(global).sort()).toEqual([
      'aggregate',
      'deserialize',
      'finalize',
      'initialState',
      'merge',
      'serialize',
    ]);
    const state = global.initialState(options);
    global.aggregate(state, ['1', '10'], 3n, true, 4n, options);
    const summary = global.finalize(global.deserialize(JSON.parse(JSON.stringify(global.serialize(state)))), options);
    expect((summary as { overall: { reached: number } }).overall.reached).toBe(1);
  });

  it('a state BigQuery hands back as plain JSON (no deserialize) still works', () => {
    const state = udaf.initialState(options);
    udaf.aggregate(state, ['1', '10'], 1n, true, 4n, options);
    const plain = JSON.parse(JSON.stringify(udaf.serialize(state)));
    udaf.aggregate(plain, ['1', '10'], 0n, true, 0n, options);
    expect((udaf.finalize(plain, options) as { overall: { n: number } }).overall.n).toBe(2);
  });

  it('bad arguments and damaged states are errors with a path (BigQuery reports them as query errors)', () => {
    const state = udaf.initialState(options);
    const fails = (run: () => void, code: string, path: unknown[]) => {
      expect(run).toThrow(expect.objectContaining({ name: 'ScalingNavigatorError', code, path }));
    };
    fails(() => udaf.aggregate(state, ['1'], 0n, true, 1n, options), 'INVALID_INPUT', ['units']);
    fails(() => udaf.aggregate(state, ['1', null], 0n, true, 1n, options), 'INVALID_INPUT', ['units', 1]);
    fails(() => udaf.aggregate(state, ['1', '2'], 8n, true, 1n, options), 'INVALID_INPUT', ['groupMask']);
    fails(() => udaf.aggregate(state, ['1', '2'], 0n, null, 1n, options), 'INVALID_INPUT', ['eligible']);
    fails(() => udaf.aggregate(state, ['1', '2'], 0n, true, -1n, options), 'INVALID_INPUT', ['engagements']);
    fails(() => udaf.aggregate(state, ['1', '2'], 0n, true, 2n ** 60n, options), 'LIMIT_EXCEEDED', ['engagements']);
    fails(() => udaf.initialState('{not json'), 'INVALID_INPUT', ['options']);
    fails(() => udaf.initialState({ ...options, focalGroups: ['union'] }), 'INVALID_INPUT', [
      'options',
      'focalGroups',
      0,
    ]);
    const other = udaf.initialState({ ...options, minEngagements: 2, histogramMax: 5 });
    fails(() => udaf.merge(state, other, options), 'INCOMPATIBLE', ['partialState', 'fingerprint']);
    const damaged = JSON.parse(JSON.stringify(udaf.serialize(state)));
    damaged.rows = 5;
    fails(() => udaf.deserialize(damaged), 'INVALID_INPUT', ['serialized', 'rows']);
  });
});
