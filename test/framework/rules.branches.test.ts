/** defineRules' id checks and listRules' option checks. */
import { describe, expect, it } from 'vitest';
import { defineRules } from '../../src/framework/_rules.js';
import { listRules } from '../../src/index.js';
import { expectError } from '../_support/expectError.js';

const guidance = { source: 'carnegie-2022-scaling-for-equity', section: 'Tools', summary: 'A rule.' };
const spec = (id: string) => ({ id, action: 'go', description: 'A rule.', guidance }) as never;

describe('defineRules', () => {
  it('builds a frozen catalog of module/kebab-case ids', () => {
    const rules = defineRules('learning', [spec('learning/a-rule')]);
    expect(rules.map((rule) => [rule.id, rule.module, rule.retired])).toEqual([['learning/a-rule', 'learning', false]]);
    expect(Object.isFrozen(rules[0])).toBe(true);
  });

  it('refuses an id of another module or not in kebab case, and an id twice', () => {
    expectError(() => defineRules('learning', [spec('pilot/a-rule')]), 'INVALID_INPUT', ['rules', 'pilot/a-rule']);
    expectError(() => defineRules('learning', [spec('learning/A_Rule')]), 'INVALID_INPUT', [
      'rules',
      'learning/A_Rule',
    ]);
    expectError(() => defineRules('learning', [spec('learning/a'), spec('learning/a')]), 'INVALID_INPUT', [
      'rules',
      'learning/a',
    ]);
  });
});

describe('listRules: options', () => {
  it('refuses options that are not an object, and an unknown key', () => {
    expectError(() => listRules([] as never), 'INVALID_INPUT', ['options']);
    expectError(() => listRules(null as never), 'INVALID_INPUT', ['options']);
    expectError(() => listRules({ modul: 'learning' } as never), 'INVALID_INPUT', ['options', 'modul']);
  });
});
