import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/framework/index.js';
import {
  parsePartnerJudgement,
  parseStrategyJudgement,
  parseStrategySet,
  parseStrategySetChange,
  parseStrategySetEntry,
  parseStrategySetStep,
  parseStrategyTheoryOfAction,
  SCREENING_RULES,
  STRATEGY_SET_RULES,
  safeParsePartnerJudgement,
  safeParseStrategyJudgement,
  safeParseStrategySet,
  safeParseStrategySetChange,
  safeParseStrategySetEntry,
  safeParseStrategySetStep,
  safeParseStrategyTheoryOfAction,
  screenStrategies,
} from '../../src/strategies/index.js';
import { expectError } from '../_support/expectError.js';

describe('the strategies rule catalogs', () => {
  it('hold unique strategies/ ids across both catalogs, citing known sources', () => {
    const all = [...SCREENING_RULES, ...STRATEGY_SET_RULES];
    expect(new Set(all.map((rule) => rule.id)).size).toBe(all.length);
    const sources = new Set<string>(SOURCES.map((source) => source.id));
    for (const rule of all) {
      expect(rule.id.startsWith('strategies/')).toBe(true);
      expect(rule.module).toBe('strategies');
      expect(rule.retired).toBe(false);
      expect(rule.description.length).toBeGreaterThan(0);
      expect(sources.has(rule.guidance.source)).toBe(true);
    }
    expect(Object.isFrozen(SCREENING_RULES) && Object.isFrozen(STRATEGY_SET_RULES)).toBe(true);
  });

  it('every screening reason names a catalog rule whose action is the decision’s', () => {
    const report = screenStrategies(
      ['proof-point', 'shape-policy', 'local-champions'],
      [
        {
          partnerId: 'district',
          power: 2,
          judgements: [
            { strategyId: 'proof-point', acceptable: true, affordable: true },
            { strategyId: 'shape-policy', acceptable: false, affordable: false },
          ],
        },
      ],
    );
    const empty = screenStrategies(['proof-point'], []);
    for (const entry of [...report.strategies, ...empty.strategies]) {
      for (const reason of entry.decision.reasons) {
        const rule = SCREENING_RULES.find((candidate) => candidate.id === reason.rule);
        expect(rule?.action).toBe(entry.decision.action);
        expect(reason.guidance).toEqual(rule?.guidance);
      }
    }
  });
});

describe('parse wrappers speak ScalingNavigatorError', () => {
  const cases = [
    [parseStrategySetStep, safeParseStrategySetStep, { what: '' }, ['what']],
    [parseStrategyTheoryOfAction, safeParseStrategyTheoryOfAction, { forWhom: 'el' }, ['forWhom']],
    [parseStrategySetChange, safeParseStrategySetChange, { on: '2026-01-01', kind: 'kept' }, ['why']],
    [parseStrategySetEntry, safeParseStrategySetEntry, { strategyId: 'proof-point', addedOn: 'x' }, ['theoryOfAction']],
    [parseStrategySet, safeParseStrategySet, { entries: 1 }, ['entries']],
    [
      parseStrategyJudgement,
      safeParseStrategyJudgement,
      { strategyId: 'proof-point', acceptable: true },
      ['affordable'],
    ],
    [parsePartnerJudgement, safeParsePartnerJudgement, { partnerId: '' }, ['partnerId']],
  ] as const;
  it.each(cases.map((entry) => [entry[3].join('.'), ...entry] as const))(
    'rejects a bad value at %s',
    (_label, parse, safeParse, input, path) => {
      expectError(() => parse(input), 'INVALID_INPUT', [...path]);
      const result = safeParse(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.path).toEqual(path);
    },
  );
});
