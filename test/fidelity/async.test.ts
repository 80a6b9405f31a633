/**
 * fidelityThresholdAsync: the same result as fidelityThreshold, yielding between blocks, honouring
 * an AbortSignal (ABORTED) and reporting progress; its rejections are ScalingNavigatorErrors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fidelityThreshold, fidelityThresholdAsync } from '../../src/fidelity/index.js';
import { isScalingNavigatorError } from '../../src/framework/index.js';
import { plantedStudy } from './_plantedStudies.js';

const study = plantedStudy(8, {
  schools: 12,
  sizes: [10, 14],
  schoolFidelitySd: 0.1,
  schoolOutcomeSd: 1,
  hingeSlope: 10,
});
const data = { fidelity: study.fidelity, outcome: study.outcome, baseline: study.baseline, clusters: study.clusters };
const options = { seed: 5, policy: { permutations: 499, bootstrapDraws: 299, maxResampledObservations: 1e9 } };

describe('fidelityThresholdAsync', () => {
  it('gives the synchronous result, with and without a design, and reports monotone progress to the total', async () => {
    for (const input of [data, { fidelity: study.fidelity, outcome: study.outcome }]) {
      const progress: [number, number][] = [];
      const result = await fidelityThresholdAsync(input, {
        ...options,
        onProgress: (done, total) => progress.push([done, total]),
      });
      expect(result).toEqual(fidelityThreshold(input, options));
      expect(progress[0]).toEqual([0, 798]);
      expect(progress.at(-1)).toEqual([798, 798]);
      expect(progress.every(([done], i) => i === 0 || done >= (progress[i - 1] as [number, number])[0])).toBe(true);
    }
  });

  it('yields between blocks: other work runs before it finishes', async () => {
    const big = plantedStudy(9, { schools: 40, sizes: [60, 80], schoolFidelitySd: 0.1, schoolOutcomeSd: 1 });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 0);
    await fidelityThresholdAsync(
      { fidelity: big.fidelity, outcome: big.outcome, clusters: big.clusters },
      { seed: 1, policy: { permutations: 999, bootstrapDraws: 999, maxResampledObservations: 1e9 } },
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with ABORTED once the signal fires (before or during the run)', async () => {
    const before = new AbortController();
    before.abort();
    await expect(fidelityThresholdAsync(data, { ...options, signal: before.signal })).rejects.toMatchObject({
      code: 'ABORTED',
      path: ['options', 'signal'],
    });
    const during = new AbortController();
    const run = fidelityThresholdAsync(data, {
      ...options,
      signal: during.signal,
      onProgress: (done) => {
        if (done > 0) during.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('validates signal and onProgress, and rejects bad input as the synchronous function throws', async () => {
    await expect(fidelityThresholdAsync(data, { signal: {} as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      path: ['options', 'signal'],
    });
    await expect(fidelityThresholdAsync(data, { onProgress: 3 as never })).rejects.toMatchObject({
      path: ['options', 'onProgress'],
    });
    await expect(fidelityThresholdAsync(data, { sed: 3 } as never)).rejects.toMatchObject({ path: ['options', 'sed'] });
  });

  it('property: any arguments give a result or a ScalingNavigatorError rejection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (a, b) => {
        try {
          await fidelityThresholdAsync(a as never, b as never);
        } catch (error) {
          expect(isScalingNavigatorError(error)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
