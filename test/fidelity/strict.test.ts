/**
 * Issue 12 in the fidelity module: strict inputs (unknown keys, holes, limits, options read once),
 * yes/no outcomes, finite outputs for any finite input, and sealed, parseable results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeFidelityOutcome,
  ComponentContributionsResult,
  componentContributions,
  defineFidelityPolicy,
  FidelityOutcomeAnalysis,
  FidelityThresholdResult,
  fidelityThreshold,
  parseComponentContributionsResult,
  parseFidelityOutcomeAnalysis,
  parseFidelityThresholdResult,
  safeParseFidelityThresholdResult,
} from '../../src/fidelity/index.js';
import { expectError } from '../_support/expectError.js';

const fidelity = Array.from({ length: 40 }, (_, i) => (1 + (i % 10)) / 10);
const metGoal = fidelity.map((f) => (f >= 0.7 ? 1 : 0));
const growth = fidelity.map((f, i) => 10 * f + Math.max(0, f - 0.6) * 30 + (i % 7) / 3);
const quick = { policy: { permutations: 99, bootstrapDraws: 99 } };
const holey = <T>(values: readonly T[], index: number): T[] => {
  const copy = [...values];
  delete copy[index];
  return copy;
};

/** Every path holding NaN, ±Infinity, −0 or undefined. */
function badNumbers(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) out.push(`${path} = ${String(value)}`);
  } else if (value === undefined) out.push(`${path} = undefined`);
  else if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      badNumbers(entry, `${path}[${index}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) badNumbers(entry, `${path}.${key}`, out);
  }
  return out;
}

/**
 * The ICC(1) objects come from stats' `icc1`, whose overflow near 1e154 is the stats module's to
 * fix (issue 12); the fidelity fields built on them (design effect, effective n, adjusted
 * inference) are checked here.
 */
const fromStatsIcc = (path: string) => !/^\$\.clustering\.icc(Fidelity|Outcome)\./.test(path);

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe('fidelityThreshold takes the design', () => {
  it('accepts a baseline and clusters (they used to be refused)', () => {
    const result = fidelityThreshold({ fidelity, outcome: growth, baseline: growth.map((value) => value / 2) }, quick);
    expect(result.design?.covariates).toBe(1);
    expectError(
      () => fidelityThreshold({ fidelity, outcome: metGoal, clusters: fidelity.map(() => null) } as never, quick),
      'INVALID_INPUT',
      ['data', 'clusters', 0],
    );
  });
});

describe('fidelity: unknown keys are refused with their path', () => {
  it.each([
    ['threshold data typo', () => fidelityThreshold({ fidelity, outcomes: metGoal } as never), ['data', 'outcomes']],
    [
      'threshold option typo',
      () => fidelityThreshold({ fidelity, outcome: metGoal }, { sed: 3 } as never),
      ['options', 'sed'],
    ],
    [
      'threshold fidelityScale key',
      () => fidelityThreshold({ fidelity, outcome: metGoal }, { fidelityScale: { min: 0, maximum: 1 } } as never),
      ['options', 'fidelityScale', 'maximum'],
    ],
    [
      'threshold policy key',
      () => fidelityThreshold({ fidelity, outcome: metGoal }, { policy: { permutation: 99 } } as never),
      ['options', 'policy', 'permutation'],
    ],
    [
      'analysis data typo',
      () => analyzeFidelityOutcome({ fidelity, outcome: growth, cluster: [] } as never),
      ['data', 'cluster'],
    ],
    [
      'analysis option typo',
      () => analyzeFidelityOutcome({ fidelity, outcome: growth }, { methd: 'kendall' } as never),
      ['options', 'methd'],
    ],
    [
      'components data typo',
      () => componentContributions({ components: [{ id: 'a', fidelity }], outcome: growth, baseline: [] } as never),
      ['data', 'baseline'],
    ],
    [
      'a component key typo',
      () => componentContributions({ components: [{ id: 'a', fidelty: fidelity }], outcome: growth } as never),
      ['data', 'components', 0, 'fidelty'],
    ],
    [
      'components option typo',
      () => componentContributions({ components: [{ id: 'a', fidelity }], outcome: growth }, { adjst: 'bh' } as never),
      ['options', 'adjst'],
    ],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('suggests the key meant', () => {
    expect(() => analyzeFidelityOutcome({ fidelity, outcome: growth }, { methd: 'kendall' } as never)).toThrow(
      /did you mean `method`/,
    );
  });

  it('reads every option once (a getter cannot answer differently later)', () => {
    let reads = 0;
    const options = {
      get seed() {
        reads += 1;
        return reads === 1 ? 3 : -1;
      },
      policy: quick.policy,
    };
    const result = fidelityThreshold({ fidelity, outcome: metGoal }, options);
    expect(result.test.seed).toBe(3);
    expect(reads).toBe(1);
  });
});

describe('fidelity: holes and limits', () => {
  it.each([
    [
      'a hole in fidelity',
      () => fidelityThreshold({ fidelity: holey(fidelity, 3), outcome: metGoal }),
      ['data', 'fidelity', 3],
    ],
    [
      'a hole in the outcome',
      () => fidelityThreshold({ fidelity, outcome: holey(metGoal, 5) }),
      ['data', 'outcome', 5],
    ],
    [
      'a hole in the candidates',
      () => fidelityThreshold({ fidelity, outcome: metGoal }, { candidates: holey([0.5, 0.6, 0.7], 1) }),
      ['options', 'candidates', 1],
    ],
    [
      'a hole in the baseline',
      () => analyzeFidelityOutcome({ fidelity, outcome: growth, baseline: holey(growth, 0) }),
      ['data', 'baseline', 0],
    ],
    [
      'a hole in the clusters',
      () => analyzeFidelityOutcome({ fidelity, outcome: growth, clusters: holey(fidelity.map(String), 7) }),
      ['data', 'clusters', 7],
    ],
    [
      'a hole in the components',
      () =>
        componentContributions({
          components: holey(
            [
              { id: 'a', fidelity },
              { id: 'b', fidelity },
            ],
            0,
          ),
          outcome: growth,
        }),
      ['data', 'components', 0],
    ],
    [
      'a hole in a component series',
      () => componentContributions({ components: [{ id: 'a', fidelity: holey(fidelity, 2) }], outcome: growth }),
      ['data', 'components', 0, 'fidelity', 2],
    ],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('keeps explicit null and undefined as missing values', () => {
    const result = fidelityThreshold({ fidelity: [...fidelity, null, undefined], outcome: [...metGoal, 1, 0] }, quick);
    expect(result.nDropped).toBe(2);
  });

  it('refuses a sparse array of length 2³² − 1 before allocating anything', () => {
    const huge = new Array<number>(2 ** 32 - 1);
    expectError(() => fidelityThreshold({ fidelity: huge, outcome: huge }), 'LIMIT_EXCEEDED', ['data', 'fidelity']);
    expectError(() => analyzeFidelityOutcome({ fidelity: huge, outcome: huge }), 'LIMIT_EXCEEDED', [
      'data',
      'fidelity',
    ]);
  });

  it('refuses permutations or bootstrap draws past the work limit, naming the option that drives it', () => {
    const data = { fidelity, outcome: metGoal };
    // 40 pairs + 10 candidates: 999 draws visit 49,950 observations.
    expectError(() => fidelityThreshold(data, { policy: { maxResampledObservations: 49_949 } }), 'LIMIT_EXCEEDED', [
      'options',
      'policy',
      'permutations',
    ]);
    expectError(
      () => fidelityThreshold(data, { policy: { permutations: 99, maxResampledObservations: 49_949 } }),
      'LIMIT_EXCEEDED',
      ['options', 'policy', 'bootstrapDraws'],
    );
    expect(fidelityThreshold(data, { policy: { maxResampledObservations: 49_950 } }).test.permutations).toBe(999);
  });

  it('allows at least 10⁷ resampled observations by default, and the limit can be raised', () => {
    expect(defineFidelityPolicy().maxResampledObservations).toBeGreaterThanOrEqual(10 ** 7);
    expect(defineFidelityPolicy({ maxResampledObservations: 10 ** 10 }).maxResampledObservations).toBe(10 ** 10);
    expectError(() => defineFidelityPolicy({ maxResampledObservations: 0.5 }), 'INVALID_INPUT', [
      'policy',
      'maxResampledObservations',
    ]);
  });

  it('caps components and policy cut lists', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, fidelity }));
    expectError(() => componentContributions({ components: many, outcome: growth }), 'LIMIT_EXCEEDED', [
      'data',
      'components',
    ]);
    const bands = Array.from({ length: 1001 }, (_, i) => (i + 1) / 1002);
    expectError(() => analyzeFidelityOutcome({ fidelity, outcome: growth }, { policy: { bands } }), 'LIMIT_EXCEEDED', [
      'options',
      'policy',
      'bands',
    ]);
  });
});

describe('fidelity: yes/no outcomes are 1 / 0; other booleans are errors', () => {
  it('a true/false outcome gives the same threshold as 1/0', () => {
    const yesNo = metGoal.map((value) => value === 1);
    const { schemaVersion: _a, ...fromBooleans } = fidelityThreshold({ fidelity, outcome: yesNo }, quick);
    const { schemaVersion: _b, ...fromNumbers } = fidelityThreshold({ fidelity, outcome: metGoal }, quick);
    expect(fromBooleans).toEqual(fromNumbers);
    expect(fromBooleans.outcomeType).toBe('binary');
  });

  it('a true/false outcome correlates as 1/0', () => {
    const yesNo = metGoal.map((value) => value === 1);
    expect(analyzeFidelityOutcome({ fidelity, outcome: yesNo }).correlation).toEqual(
      analyzeFidelityOutcome({ fidelity, outcome: metGoal }).correlation,
    );
    const components = [{ id: 'a', fidelity }];
    expect(componentContributions({ components, outcome: yesNo }).components).toEqual(
      componentContributions({ components, outcome: metGoal }).components,
    );
  });

  it.each([
    [
      'a boolean fidelity',
      () => fidelityThreshold({ fidelity: [true, ...fidelity.slice(1)] as never, outcome: metGoal }),
      ['data', 'fidelity', 0],
    ],
    [
      'a boolean baseline',
      () => analyzeFidelityOutcome({ fidelity, outcome: growth, baseline: [1, true, ...growth.slice(2)] as never }),
      ['data', 'baseline', 1],
    ],
    [
      'a yes/no outcome holding a 2',
      () => fidelityThreshold({ fidelity, outcome: [true, 2, ...metGoal.slice(2)] as never }),
      ['data', 'outcome', 1],
    ],
    [
      'a yes/no outcome declared continuous',
      () => fidelityThreshold({ fidelity, outcome: metGoal.map(Boolean) }, { outcomeType: 'continuous' }),
      ['options', 'outcomeType'],
    ],
    [
      'a boolean candidate',
      () => fidelityThreshold({ fidelity, outcome: metGoal }, { candidates: [true] as never }),
      ['options', 'candidates', 0],
    ],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });
});

describe('fidelity: finite in, finite out', () => {
  const magnitudes = [1e-300, 1e-160, 1, 1e150, 1e300, 1.7e308];
  it('threshold outputs hold no NaN, ±Infinity or −0 for outcomes of any magnitude, and unit-free statistics do not change', () => {
    const reference = fidelityThreshold({ fidelity, outcome: growth }, quick);
    for (const magnitude of magnitudes) {
      const scaled = growth.map((value) => (value / 40) * magnitude);
      const result = fidelityThreshold({ fidelity, outcome: scaled }, quick);
      expect(badNumbers(result), `outcomes × ${magnitude}`).toEqual([]);
      expect(result.associatedLevel?.cut).toBe(reference.associatedLevel?.cut);
      result.candidates.forEach((candidate, index) => {
        expect(candidate.statistic).toBeCloseTo(reference.candidates[index]?.statistic as number, 9);
      });
    }
  });

  it('outcomes spanning ±1.7e308 give finite threshold and analysis outputs', () => {
    const wide = growth.map((value, i) => (i % 2 === 0 ? 1.7e308 : -1.7e308) * (value / 40));
    expect(badNumbers(fidelityThreshold({ fidelity, outcome: wide }, quick))).toEqual([]);
    const clusters = fidelity.map((_, i) => `s${i % 10}`);
    const analysis = analyzeFidelityOutcome({ fidelity, outcome: wide, clusters });
    expect(badNumbers(analysis).filter(fromStatsIcc)).toEqual([]);
    // A band whose outcomes are ±1.7e308: its SD (≈ 1.9e308) is no double, so it is null with a note.
    const top = analyzeFidelityOutcome({
      fidelity: [0.9, 0.9, 0.9, 0.9],
      outcome: [1.7e308, -1.7e308, 1.7e308, -1.7e308],
    });
    expect(top.bands[3]).toMatchObject({ n: 4, mean: 0, sd: null, confidenceInterval: null });
    expect(top.bands[3]?.notes.map((entry) => [entry.code, entry.field])).toEqual([['NOT_REPRESENTABLE', 'sd']]);
    expect(badNumbers(top)).toEqual([]);
  });

  it('a rubric scale wider than the largest double still rescales', () => {
    const result = analyzeFidelityOutcome(
      { fidelity: [-1e308, 0, 1e308, 5e307], outcome: [1, 2, 3, 4] },
      { fidelityScale: { min: -1.5e308, max: 1.5e308 } },
    );
    expect(badNumbers(result)).toEqual([]);
    expect(result.bands.map((band) => band.n)).toEqual([1, 1, 1, 1]);
  });

  it('property: any finite outcomes give finite outputs in all three functions', () => {
    const extreme = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1.7e308, -1.7e308, 5e-324, 1e-300, 2 ** 256),
    );
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 20, maxLength: 20 }), (outcome) => {
        const f = outcome.map((_, i) => (i % 5) / 4);
        const options = { policy: { minObservations: 2, permutations: 99, bootstrapDraws: 99 } };
        expect(badNumbers(fidelityThreshold({ fidelity: f, outcome }, options))).toEqual([]);
        const clusters = f.map((_, i) => i % 10);
        expect(
          badNumbers(analyzeFidelityOutcome({ fidelity: f, outcome, clusters }, options)).filter(fromStatsIcc),
        ).toEqual([]);
        expect(badNumbers(componentContributions({ components: [{ id: 'a', fidelity: f }], outcome }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fidelity results are sealed and parseable', () => {
  const threshold = fidelityThreshold({ fidelity, outcome: metGoal }, quick);
  const analysis = analyzeFidelityOutcome({ fidelity, outcome: growth, clusters: fidelity.map((_, i) => i % 10) });
  const contributions = componentContributions({ components: [{ id: 'a', fidelity }], outcome: growth });
  const json = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value));

  it('every result is deep-frozen with schemaVersion 1', () => {
    for (const result of [threshold, analysis, contributions]) {
      expect(result.schemaVersion).toBe(1);
      expect(isDeepFrozen(result)).toBe(true);
    }
  });

  it('every result survives JSON and parses back to itself', () => {
    expect(parseFidelityThresholdResult(json(threshold))).toEqual(threshold);
    expect(parseFidelityOutcomeAnalysis(json(analysis))).toEqual(analysis);
    expect(parseComponentContributionsResult(json(contributions))).toEqual(contributions);
    expect(FidelityThresholdResult.safeParse(threshold).success).toBe(true);
    expect(FidelityOutcomeAnalysis.safeParse(analysis).success).toBe(true);
    expect(ComponentContributionsResult.safeParse(contributions).success).toBe(true);
  });

  it.each([
    [
      'a threshold without a policy',
      () => parseFidelityThresholdResult({ ...json(threshold), policy: undefined }),
      ['policy'],
    ],
    [
      'a threshold without a schemaVersion',
      () => parseFidelityThresholdResult({ ...json(threshold), schemaVersion: undefined }),
      ['schemaVersion'],
    ],
    [
      'a threshold statistic of Infinity',
      () => {
        const damaged = json(threshold) as { candidates: { statistic: number }[] };
        (damaged.candidates[0] as { statistic: number }).statistic = Number.POSITIVE_INFINITY;
        return parseFidelityThresholdResult(damaged);
      },
      ['candidates', 0, 'statistic'],
    ],
    [
      'a threshold whose counts do not add up',
      () => parseFidelityThresholdResult({ ...json(threshold), n: 41 }),
      ['candidates'],
    ],
    [
      'a threshold decision citing an unknown rule',
      () => {
        const damaged = json(threshold) as { decision: { reasons: { rule: string }[] } };
        (damaged.decision.reasons[0] as { rule: string }).rule = 'fidelity/made-up';
        return parseFidelityThresholdResult(damaged);
      },
      ['decision', 'reasons', 0, 'rule'],
    ],
    [
      'a threshold with an unknown key',
      () => parseFidelityThresholdResult({ ...json(threshold), extra: 1 }),
      ['extra'],
    ],
    [
      'an analysis without a policy',
      () => parseFidelityOutcomeAnalysis({ ...json(analysis), policy: undefined }),
      ['policy'],
    ],
    [
      'an analysis whose bands do not hold its pairs',
      () => {
        const damaged = json(analysis) as { bands: { n: number }[] };
        (damaged.bands[0] as { n: number }).n += 1;
        return parseFidelityOutcomeAnalysis(damaged);
      },
      ['bands'],
    ],
    [
      'contributions with repeated ranks',
      () => {
        const damaged = json(contributions) as { components: { rank: number }[] };
        damaged.components.push({ ...(damaged.components[0] as { rank: number }), id: 'b' } as never);
        return parseComponentContributionsResult(damaged);
      },
      ['components'],
    ],
  ] as [string, () => unknown, (string | number)[]][])('%s', (_label, run, path) => {
    expectError(run, 'INVALID_INPUT', path);
  });

  it('safeParse returns the error instead of throwing', () => {
    const parsed = safeParseFidelityThresholdResult({ ...json(threshold), policy: undefined });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error).toMatchObject({ code: 'INVALID_INPUT', path: ['policy'] });
  });
});
