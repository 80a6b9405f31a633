/**
 * Results that come back: every result another function accepts (or a journey stores) carries an
 * integer `schemaVersion` and has an exported schema. A function that takes such a result checks
 * it first — unless this same library instance made it as that kind of result: {@link sealResult}
 * deep-freezes a result and remembers its kind (a `WeakMap`), so chaining functions costs nothing,
 * while an edited copy (a frozen result cannot be edited in place), a result from storage, or a
 * result of another kind (a reach summary where a reach-over-time report belongs) is validated in
 * full — and so fails with the path of what does not fit, never a `TypeError` from deep inside.
 *
 * Versions: a known older `schemaVersion` is upcast; a newer or unknown one is `INCOMPATIBLE`. The
 * package's semver is echoed in decisions but never compared.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import { deepFreeze } from './deepFreeze.js';
import { type ErrorPath, incompatible, invalid } from './errors.js';
import { parseOrThrow } from './parse.js';

/**
 * The kinds of result this library seals (each the `name` of its {@link StoredType} where it has
 * one): a sealed result is trusted only where its own kind is expected. Call sites write the kind
 * as its string (the type checks it), so no bundle carries this table.
 */
export const RESULT_KINDS = {
  reachSummary: 'reach summary',
  suppressedReach: 'suppressed reach report',
  reachOverTime: 'reach-over-time report',
  siteComparison: 'site comparison',
  factorReview: 'factor review',
  fidelityOutcome: 'fidelity outcome analysis',
  componentContributions: 'component contributions',
  fidelityThreshold: 'fidelity threshold',
  strategyScreening: 'strategy screening',
  strategySetReview: 'strategy-set review',
  pilotSummary: 'pilot evidence summary',
  pilotDecision: 'pilot decision',
  scaleAssessment: 'scale assessment',
  superficialSpread: 'superficial-spread report',
  pdsaStudy: 'PDSA study',
  pdsaDecision: 'PDSA decision',
  runChart: 'run chart',
  pitStopReport: 'pit-stop report',
  stageAssessment: 'stage assessment',
  portfolioReport: 'portfolio report',
} as const;

/** One of {@link RESULT_KINDS}. */
export type ResultKind = (typeof RESULT_KINDS)[keyof typeof RESULT_KINDS];

/** Each result this library made, with its kind. */
const sealed = new WeakMap<object, ResultKind>();

/** Deep-freezes a result this library made and remembers it as its own, of `kind`. Returns the same object. */
export function sealResult<T extends object>(result: T, kind: ResultKind): T {
  deepFreeze(result);
  sealed.set(result, kind);
  return result;
}

/**
 * Remembers a result this library made as its own, of `kind`, without walking it: for results whose
 * every object was frozen as it was built (a report of 100,000 populations would take a deep freeze
 * of a third of a second). The caller's test must check that every object is frozen.
 */
export function sealFrozenResult<T extends object>(result: T, kind: ResultKind): T {
  sealed.set(result, kind);
  return result;
}

/** Whether `value` is a result this library made, of `kind`. */
export function isSealedResult(value: unknown, kind: ResultKind): boolean {
  return typeof value === 'object' && value !== null && sealed.get(value) === kind;
}

/** The kind of a result this library made, or `null` for any other value. */
export function sealedKind(value: unknown): ResultKind | null {
  return (typeof value === 'object' && value !== null && sealed.get(value)) || null;
}

/** How a stored type's older versions become the current one. */
export interface StoredType<T> {
  /** What the type is called in messages (`'reach summary'`): its kind among {@link RESULT_KINDS}. */
  readonly name: ResultKind;
  /** The current `schemaVersion`. */
  readonly version: number;
  /** The schema of the current version (it should check `schemaVersion` as a literal). */
  readonly schema: z.ZodMiniType<T>;
  /** Upcasts from older versions: `upcast[v]` turns a version-`v` value into version `v + 1`. */
  readonly upcast?: Readonly<Record<number, (value: Record<string, unknown>) => Record<string, unknown>>>;
}

/**
 * Reads a stored (or caller-built) result: its own results of this kind pass as they are; anything else must
 * carry a known `schemaVersion` (older ones are upcast) and match the schema, or it is an error
 * with the path of the damage.
 */
export function readStored<T>(value: unknown, type: StoredType<T>, path: ErrorPath): T {
  if (isSealedResult(value, type.name)) return value as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(path, `expected a ${type.name}`);
  }
  let current = value as Record<string, unknown>;
  let version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    invalid(
      [...path, 'schemaVersion'],
      `a ${type.name} carries a whole-number schemaVersion (this version writes ${type.version})`,
    );
  }
  if (version > type.version) {
    incompatible(
      [...path, 'schemaVersion'],
      `this ${type.name} has schemaVersion ${version}, newer than this version of the library reads (${type.version}): upgrade scaling-navigator`,
    );
  }
  while (version < type.version) {
    const step = type.upcast?.[version];
    if (step === undefined) {
      incompatible(
        [...path, 'schemaVersion'],
        `schemaVersion ${version} of a ${type.name} is not one this library knows`,
      );
    }
    current = step(current);
    version += 1;
  }
  return parseOrThrow(type.schema, current, path) as T;
}
