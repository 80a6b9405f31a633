import { describe, expect, it } from 'vitest';
import { assessScale, DIMENSIONS_RULES, detectSuperficialSpread } from '../../src/dimensions/index.js';
import { SOURCES } from '../../src/framework/index.js';

const ids = new Set<string>(DIMENSIONS_RULES.map((rule) => rule.id));

describe('DIMENSIONS_RULES', () => {
  it('is a frozen catalog of unique dimensions/ rules citing known sources', () => {
    expect(ids.size).toBe(DIMENSIONS_RULES.length);
    expect(Object.isFrozen(DIMENSIONS_RULES)).toBe(true);
    const sources = new Set<string>(SOURCES.map((source) => source.id));
    for (const rule of DIMENSIONS_RULES) {
      expect(rule.module).toBe('dimensions');
      expect(rule.retired).toBe(false);
      expect(sources.has(rule.guidance.source)).toBe(true);
      expect(rule.description.length).toBeGreaterThan(0);
    }
  });

  it('every reason a decision gives names a catalog rule whose action is the decision’s', () => {
    const scale = [
      assessScale([]),
      assessScale([], {}, { practice: { intended: 0, withFidelity: 0 } }),
      assessScale(
        [
          { id: 's', dimension: 'sustainability', value: 0.7, scale: { min: 0, max: 1 } },
          { id: 'o', dimension: 'ownership', value: 0.7, scale: { min: 0, max: 1 } },
          { id: 'd', dimension: 'depth', value: 0.2, scale: { min: 0, max: 1 }, weight: 0 },
        ],
        { sustainability: 0.5, ownership: 0.9, spread: 0.5 },
        { practice: { intended: 10, withFidelity: 6 } },
      ),
    ];
    const decisions = [
      ...scale.flatMap((result) => [
        result.atScale.decision,
        result.sustainable.decision,
        ...result.dimensions.map((entry) => entry.decision),
      ]),
      detectSuperficialSpread([]).decision,
      detectSuperficialSpread([
        { date: '2025-01-01', depth: 0.5, spread: 0.2 },
        { date: '2025-06-01', depth: 0.4, spread: 0.4 },
      ]).decision,
    ];
    const emitted = new Set<string>();
    for (const decision of decisions) {
      expect(decision.reasons.length).toBeGreaterThan(0);
      for (const reason of decision.reasons) {
        const rule = DIMENSIONS_RULES.find((entry) => entry.id === reason.rule);
        expect(rule?.action).toBe(decision.action);
        expect(reason.guidance).toEqual(rule?.guidance);
        emitted.add(reason.rule);
      }
    }
    expect(emitted.size).toBeGreaterThan(8);
  });
});
