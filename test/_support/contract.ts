/**
 * Checks of the one contract every module keeps: outputs are plain JSON, notes are `Note[]` with a
 * `field`, and every `decision` has the `Decision` shape with rules from the rule catalogs.
 */
import { expect } from 'vitest';

/** Freezes plain objects and arrays all the way down (typed arrays cannot be frozen; they are compared instead). */
export function deepFreezeInput<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreezeInput((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/**
 * A deep copy that keeps typed arrays typed and holes as holes, to compare an input after a call.
 * Errors keep their class and own fields (structuredClone would make a `ScalingNavigatorError` a
 * bare `Error` without `code`, `path` and `issues`).
 */
export function snapshot<T>(value: T): T {
  return restoreErrors(value, structuredClone(value));
}

function restoreErrors<T>(original: T, copy: T): T {
  if (typeof original !== 'object' || original === null || ArrayBuffer.isView(original)) return copy;
  const target = copy as Record<string, unknown>;
  const source = original as Record<string, unknown>;
  if (original instanceof Error) {
    Object.setPrototypeOf(copy, Object.getPrototypeOf(original));
    for (const key of Object.keys(source)) target[key] = structuredClone(source[key]);
  }
  for (const key of Object.keys(source)) {
    if (key in target) target[key] = restoreErrors(source[key], target[key]);
  }
  return copy;
}

/** Every path in `value` whose value is not plain JSON (undefined, NaN, ±Infinity, functions, class instances, typed arrays, holes). */
export function nonJsonPaths(value: unknown, path = '$'): string[] {
  return badPaths(value, path, false);
}

/**
 * {@link nonJsonPaths} and −0 too: every path of an output that breaks "finite in, finite out"
 * (NaN, ±Infinity, −0, `undefined` fields, holes, functions, class instances, typed arrays).
 */
export function outputProblems(value: unknown, path = '$'): string[] {
  return badPaths(value, path, true);
}

function badPaths(value: unknown, path: string, negativeZero: boolean): string[] {
  const nonJsonPaths = (child: unknown, childPath: string) => badPaths(child, childPath, negativeZero);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [`${path} = ${value}`];
    return negativeZero && Object.is(value, -0) ? [`${path} = -0`] : [];
  }
  if (typeof value !== 'object') return [`${path}: ${typeof value}`];
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) out.push(`${path}[${index}]: hole`);
      else out.push(...nonJsonPaths(value[index], `${path}[${index}]`));
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return [`${path}: ${proto?.constructor?.name ?? 'exotic'} instance`];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) out.push(`${path}.${key}: undefined`);
    else out.push(...nonJsonPaths(child, `${path}.${key}`));
  }
  return out;
}

export interface FoundDecision {
  readonly path: string;
  readonly decision: Record<string, unknown>;
}

/** Walks a result, calling `visit` on every object with its path. */
function walk(value: unknown, path: string, visit: (object: Record<string, unknown>, path: string) => void): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const [index, child] of value.entries()) walk(child, `${path}[${index}]`, visit);
    return;
  }
  visit(value as Record<string, unknown>, path);
  for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, visit);
}

/** Every object under a key named `decision`. */
export function decisionsIn(value: unknown): FoundDecision[] {
  const out: FoundDecision[] = [];
  walk(value, '$', (object, path) => {
    const decision = object.decision;
    if (decision !== undefined) out.push({ path: `${path}.decision`, decision: decision as Record<string, unknown> });
  });
  return out;
}

/** Paths of keys the contract retired (`note`, `verdict`) and of `notes` that are not `Note[]`. */
export function noteProblems(value: unknown): string[] {
  const out: string[] = [];
  walk(value, '$', (object, path) => {
    if ('note' in object) out.push(`${path}.note: results say notes, never note`);
    if ('verdict' in object) out.push(`${path}.verdict: a judgement is a decision`);
    if ('notes' in object) {
      const notes = object.notes;
      if (!Array.isArray(notes)) {
        out.push(`${path}.notes: not an array`);
        return;
      }
      notes.forEach((entry: unknown, index) => {
        const note = entry as Record<string, unknown>;
        const keys = typeof note === 'object' && note !== null ? Object.keys(note).sort().join(',') : '';
        if (keys !== 'code,field,message') out.push(`${path}.notes[${index}]: keys ${keys}`);
        else if (
          typeof note.code !== 'string' ||
          typeof note.message !== 'string' ||
          !(note.field === null || typeof note.field === 'string')
        )
          out.push(`${path}.notes[${index}]: types`);
      });
    }
  });
  return out;
}

/** A rule as the checks need it: its action and, when given, the guidance a reason citing it must carry. */
export interface KnownRule {
  readonly action: string;
  readonly guidance?: unknown;
}

/**
 * Every object that cites a rule outside a decision's reasons too: an object with a string `rule`
 * and a `guidance` (a warning of `reviewStrategySet`, a reason of a decision).
 */
export function ruleCitationsIn(
  value: unknown,
): { readonly path: string; readonly rule: string; readonly guidance: unknown }[] {
  const out: { path: string; rule: string; guidance: unknown }[] = [];
  walk(value, '$', (object, path) => {
    if (typeof object.rule === 'string' && 'guidance' in object)
      out.push({ path, rule: object.rule, guidance: object.guidance });
  });
  return out;
}

/**
 * Asserts the Decision shape: its keys, its version, and every reason's keys, a rule of `known.rules`
 * (with that rule's guidance, when the rule gives one), a known source and JSON scalar evidence.
 */
export function expectDecisionShape(
  found: FoundDecision,
  known: {
    readonly rules: ReadonlyMap<string, KnownRule>;
    readonly sources: ReadonlySet<string>;
    readonly version: string;
  },
): void {
  const { decision, path } = found;
  expect(Object.keys(decision).sort(), path).toEqual(['action', 'policy', 'reasons', 'version']);
  expect(typeof decision.action, `${path}.action`).toBe('string');
  expect(decision.version, `${path}.version`).toBe(known.version);
  expect(Array.isArray(decision.reasons), `${path}.reasons`).toBe(true);
  for (const [index, raw] of (decision.reasons as unknown[]).entries()) {
    const reason = raw as { rule: string; evidence: Record<string, unknown>; guidance: Record<string, unknown> };
    const where = `${path}.reasons[${index}]`;
    expect(Object.keys(reason).sort(), where).toEqual(['evidence', 'guidance', 'rule']);
    const rule = known.rules.get(reason.rule);
    expect(rule, `${where}.rule ${reason.rule} is in a rule catalog`).toBeDefined();
    if (rule?.guidance !== undefined) expect(reason.guidance, `${where}.guidance is its rule's`).toEqual(rule.guidance);
    expect(
      known.sources.has(String(reason.guidance.source)),
      `${where}.guidance.source ${String(reason.guidance.source)}`,
    ).toBe(true);
    expect(typeof reason.guidance.section, `${where}.guidance.section`).toBe('string');
    expect(typeof reason.guidance.summary, `${where}.guidance.summary`).toBe('string');
    for (const [key, evidence] of Object.entries(reason.evidence)) {
      expect(
        evidence === null || ['string', 'boolean'].includes(typeof evidence) || Number.isFinite(evidence),
        `${where}.evidence.${key}`,
      ).toBe(true);
    }
  }
}
