/** Partners' roles joined to a team member's own, in the left-behind question's role check. */
import { describe, expect, it } from 'vitest';
import { evaluatePitStop } from '../../src/pitstop/index.js';
import { healthyInput, partnersAccepting } from './_support.js';

describe('answerLeftBehind: partner roles', () => {
  const withUnion = (partnerId: string) => {
    const input = healthyInput();
    const [district, families] = partnersAccepting(['proof-point', 'local-champions']);
    return evaluatePitStop({
      ...input,
      partners: [
        district as NonNullable<typeof district>,
        families as NonNullable<typeof families>,
        { ...(families as NonNullable<typeof families>), partnerId, role: 'union' },
      ],
    });
  };

  it('a role a team member also holds as a partner counts when that member decides', () => {
    const { leftBehind } = withUnion('coach');
    expect(leftBehind.rolesAbsent).toEqual([]);
    expect(leftBehind.decision.action).not.toBe('left-behind');
  });

  it('a role held only by a partner who never decides is absent from the decisions', () => {
    const { leftBehind } = withUnion('teachers-union');
    expect(leftBehind.rolesAbsent).toEqual(['union']);
    expect(leftBehind.decision.action).toBe('left-behind');
    expect(leftBehind.decision.reasons.map((entry) => [entry.rule, entry.evidence])).toEqual([
      ['pitstop/role-absent-from-decisions', { role: 'union', decisions: 1 }],
    ]);
  });
});
