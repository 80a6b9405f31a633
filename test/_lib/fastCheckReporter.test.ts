import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('fast-check failures (test/setup/fastCheck.ts)', () => {
  it('print the seed and the shrink path, with the command that replays them', () => {
    let message = '';
    try {
      fc.assert(fc.property(fc.nat(), (n) => n < 10));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/replay with FC_SEED=-?\d+ FC_PATH=[\d:]+/);
    expect(message).toMatch(/seed: -?\d+, path: "[\d:]+"/);
    expect(message).toMatch(/Counterexample: \[10\]/);
  });
});
