/** An outcome whose raw group is empty or all missing: no effect size, the group counted as 0. */
import { describe, expect, it } from 'vitest';
import { summarizePilotEvidence } from '../../src/pilot/index.js';

const base = { id: 'p', design: 'rct' as const, assignment: { unit: 'student' as const } };

describe('outcomeEffect: an empty group', () => {
  it('an all-missing comparison or an empty treatment has no effect size and n = 0 for that arm', () => {
    const summary = summarizePilotEvidence({
      ...base,
      outcomes: [
        { id: 'noComparison', treatment: [1, 2, 3], comparison: [null, null] },
        { id: 'noTreatment', treatment: [], comparison: [1, 2, 4] },
      ],
    });
    const [noComparison, noTreatment] = summary.outcomes;
    expect(noComparison).toMatchObject({ method: null, estimate: null, nTreatment: 3, nComparison: 0, finding: null });
    expect(noTreatment).toMatchObject({ method: null, estimate: null, nTreatment: 0, nComparison: 3, finding: null });
    expect(summary.notes.map((entry) => [entry.code, entry.field])).toEqual([
      ['NO_EFFECT_SIZE', 'outcomes.0'],
      ['NO_EFFECT_SIZE', 'outcomes.1'],
    ]);
  });
});
