/**
 * The fidelity module's decisions, rule catalogs and policy: every rule a function emits is in its
 * catalog, degenerate cases get their own honest rule, and the policy is validated in one place.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPONENT_RULES,
  componentContributions,
  DEFAULT_FIDELITY_POLICY,
  defineFidelityPolicy,
  fidelityThreshold,
  THRESHOLD_RULES,
} from '../../src/fidelity/index.js';
import { SOURCES } from '../../src/framework/sources.js';
import { expectError } from '../_support/expectError.js';

const draws = { permutations: 99, bootstrapDraws: 99 };
const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);

describe('fidelity rule catalogs', () => {
  it.each([
    ['THRESHOLD_RULES', THRESHOLD_RULES],
    ['COMPONENT_RULES', COMPONENT_RULES],
  ] as const)('%s: fidelity/ ids, an action, a description and a known source for every rule', (_name, catalog) => {
    const sourceIds = new Set(SOURCES.map((source) => source.id));
    for (const rule of catalog) {
      expect(rule.id).toMatch(/^fidelity\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule).toMatchObject({ module: 'fidelity', retired: false });
      expect(rule.description.length).toBeGreaterThan(20);
      expect(sourceIds.has(rule.guidance.source)).toBe(true);
    }
    expect(Object.isFrozen(catalog)).toBe(true);
  });

  it('no rule id is shared between the two catalogs', () => {
    const ids = [...THRESHOLD_RULES, ...COMPONENT_RULES].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('fidelityThreshold decisions', () => {
  const ruleOf = (result: ReturnType<typeof fidelityThreshold>) => result.decision.reasons[0]?.rule;

  it('a constant outcome has its own rule and note, not "too few observations"', () => {
    for (const outcome of [fidelity.map(() => 1), fidelity.map(() => 42)]) {
      const result = fidelityThreshold({ fidelity, outcome }, { policy: draws });
      expect(result.decision.action).toBe('undetermined');
      expect(ruleOf(result)).toBe('fidelity/constant-outcome');
      expect(result.decision.reasons[0]?.guidance).toEqual(
        THRESHOLD_RULES.find((rule) => rule.id === 'fidelity/constant-outcome')?.guidance,
      );
      expect(result.notes).toEqual([expect.objectContaining({ code: 'CONSTANT_OUTCOME', field: 'associatedLevel' })]);
      expect(result.associatedLevel).toBeNull();
      expect(result.interval).toBeNull();
      expect(result.test.pValue).toBeNull();
    }
  });

  it('no eligible cut is undetermined under fidelity/no-eligible-cut, with a note', () => {
    const outcome = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
    const result = fidelityThreshold({ fidelity, outcome }, { candidates: [0.05], policy: draws });
    expect(result.decision.action).toBe('undetermined');
    expect(ruleOf(result)).toBe('fidelity/no-eligible-cut');
    expect(result.decision.reasons[0]?.evidence).toMatchObject({ candidates: 1, minObservations: 10 });
    expect(result.notes.map((entry) => [entry.code, entry.field])).toEqual([['NO_ELIGIBLE_CUT', 'associatedLevel']]);
  });

  it('a found level has no notes, echoes the policy and every rule it cites is in THRESHOLD_RULES', () => {
    const outcome = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
    const result = fidelityThreshold({ fidelity, outcome }, { seed: 3, policy: draws });
    expect(result.notes).toEqual([]);
    expect(result.decision).toMatchObject({ action: 'threshold-found', policy: result.policy });
    expect(result.decision.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = new Set(THRESHOLD_RULES.map((rule) => rule.id));
    for (const reason of result.decision.reasons) expect(ids.has(reason.rule)).toBe(true);
  });

  it('the tolerance decides whether a permuted maximum ties the observed one', () => {
    const outcome = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
    const strict = fidelityThreshold({ fidelity, outcome }, { seed: 3, policy: { ...draws, tolerance: 0 } });
    const loose = fidelityThreshold({ fidelity, outcome }, { seed: 3, policy: { ...draws, tolerance: 0.999 } });
    expect(loose.test.pValue as number).toBeGreaterThan(strict.test.pValue as number);
    expect(loose.policy.tolerance).toBe(0.999);
  });
});

describe('componentContributions decisions', () => {
  const outcome = [3, 5, 4, 8, 7, 9, 12, 10];
  const launch = [0.1, 0.3, 0.2, 0.5, 0.4, 0.6, 0.9, 0.8];
  const critique = [0.5, 0.2, 0.9, 0.4, 0.1, 0.8, 0.3, 0.7];

  it('each component carries a decision (never a verdict) built from COMPONENT_RULES', () => {
    const result = componentContributions({
      components: [
        { id: 'launch', fidelity: launch },
        { id: 'critique', fidelity: critique },
      ],
      outcome,
    });
    const ids = new Set(COMPONENT_RULES.map((rule) => rule.id));
    for (const component of result.components) {
      expect(component).not.toHaveProperty('verdict');
      expect(component.decision.policy).toBe(result.policy);
      for (const reason of component.decision.reasons) expect(ids.has(reason.rule)).toBe(true);
    }
  });

  it.each([
    ['a constant component', [{ id: 'a', fidelity: launch.map(() => 0.5) }], 'fidelity/constant-series'],
    [
      'collinear components',
      [
        { id: 'a', fidelity: launch },
        { id: 'b', fidelity: launch.map((value) => value / 2) },
        { id: 'c', fidelity: critique },
      ],
      'fidelity/collinear-components',
    ],
    [
      'too few observations',
      [{ id: 'a', fidelity: [0.1, 0.2, null, null, null, null, null, null] }],
      'fidelity/too-few-observations',
    ],
  ] as const)('%s: undetermined with its own rule', (_label, components, rule) => {
    const result = componentContributions({ components, outcome });
    const decision = result.components[0]?.decision;
    expect(decision?.action).toBe('undetermined');
    expect(decision?.reasons[0]?.rule).toBe(rule);
  });
});

describe('the fidelity policy', () => {
  it('names minimums min<CountedPlural> and carries a tolerance', () => {
    expect(DEFAULT_FIDELITY_POLICY).toMatchObject({ minObservations: 10, minClusters: 10, tolerance: 1e-12 });
    expect(Object.isFrozen(DEFAULT_FIDELITY_POLICY)).toBe(true);
  });

  it.each([
    ['an unknown key (the old name)', { minGroupSize: 5 }, ['policy', 'minGroupSize']],
    ['a negative tolerance', { tolerance: -1 }, ['policy', 'tolerance']],
    ['too few permutations', { permutations: 10 }, ['policy', 'permutations']],
    ['a band cut-point at 0', { bands: [0, 0.5] }, ['policy', 'bands', 0]],
  ] as [string, unknown, (string | number)[]][])('rejects %s', (_label, overrides, path) => {
    expectError(() => defineFidelityPolicy(overrides as never), 'INVALID_INPUT', path);
  });

  it('every function takes its policy as options.policy', () => {
    expectError(
      () => fidelityThreshold({ fidelity, outcome: fidelity }, { policy: { tolerance: 2 } }),
      'INVALID_INPUT',
      ['options', 'policy', 'tolerance'],
    );
    expectError(
      () =>
        componentContributions({ components: [{ id: 'a', fidelity }], outcome: fidelity }, { policy: { alpha: 0.9 } }),
      'INVALID_INPUT',
      ['options', 'policy', 'alpha'],
    );
  });
});
