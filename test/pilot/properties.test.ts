/**
 * Properties of decidePilot and summarizePilotEvidence over generated pilot evidence (exact
 * properties: none can fail by chance; the one count of how often a generator reaches scale-up
 * runs on a fixed seed).
 *
 * - deterministic, and inputs never mutated (deep-frozen, and compared with a snapshot);
 * - removing a piece of evidence — fidelity, educator experience, balancing measures, a focal
 *   group's data, local goals, attrition, the team, supports, prior evidence — never turns an
 *   `undetermined` into a confident answer. (Outcomes and baselines are not in the list: removing a
 *   baseline changes the estimator from difference-in-differences to the post-test g, and removing
 *   an outcome removes the question it answered rather than the evidence for it.);
 * - more favourable outcomes (higher treatment means, focal groups included), more favourable
 *   educators, balancing measures moved the good way and more sites meeting the local goals never
 *   move a scale-up away from scale-up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePilot, type PilotEvidenceInput, summarizePilotEvidence } from '../../src/pilot/index.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Evidence = Mutable<PilotEvidenceInput> & Record<string, unknown>;

const summary = (n: number, shift: number) =>
  fc.record({
    mean: fc.double({ min: 45, max: 55, noNaN: true }).map((mean) => mean + shift),
    sd: fc.double({ min: 6, max: 14, noNaN: true }),
    n: fc.constant(n),
  });

/** Pilot evidence with every optional piece sometimes present. */
const evidenceArbitrary: fc.Arbitrary<Evidence> = fc
  .record({
    design: fc.constantFrom('rct', 'qed', 'correlational', 'pre-post'),
    clustered: fc.boolean(),
    clusters: fc.record({ treatment: fc.integer({ min: 2, max: 8 }), comparison: fc.integer({ min: 2, max: 8 }) }),
    n: fc.integer({ min: 20, max: 500 }),
    shift: fc.double({ min: -4, max: 10, noNaN: true }),
    withBaseline: fc.boolean(),
    focalN: fc.option(fc.integer({ min: 3, max: 120 }), { nil: undefined }),
    focalShift: fc.double({ min: -6, max: 10, noNaN: true }),
    fidelity: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    favourable: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    balancing: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: undefined }),
    goalsMet: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    attrition: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    team: fc.boolean(),
    supports: fc.boolean(),
    prior: fc.boolean(),
    promise: fc.option(fc.boolean(), { nil: undefined }),
    noOutcomes: fc.boolean(),
  })
  .chain((draw) =>
    fc
      .record({
        treatment: summary(draw.n, draw.shift),
        comparison: summary(draw.n, 0),
        baseT: summary(draw.n, 0),
        baseC: summary(draw.n, 0),
        focalT: summary(draw.focalN ?? 3, draw.focalShift),
        focalC: summary(draw.focalN ?? 3, 0),
      })
      .map((groups): Evidence => {
        const sites = [
          { id: 's1', score: 3 },
          { id: 's2', score: 2 },
          { id: 's3', score: 1 },
        ];
        const evidence: Evidence = {
          id: 'generated',
          design: draw.design as Evidence['design'],
          assignment: draw.clustered ? { unit: 'school', clusters: draw.clusters } : { unit: 'student' },
          outcomes: draw.noOutcomes
            ? []
            : [
                {
                  id: 'reading',
                  treatment: groups.treatment,
                  comparison: groups.comparison,
                  ...(draw.withBaseline ? { baseline: { treatment: groups.baseT, comparison: groups.baseC } } : {}),
                  ...(draw.focalN === undefined
                    ? {}
                    : { focalGroups: [{ focalGroupId: 'el', treatment: groups.focalT, comparison: groups.focalC }] }),
                },
              ],
          sites: { total: 18, pilot: sites },
        };
        if (draw.focalN !== undefined) evidence.focalGroups = [{ id: 'el' }];
        if (draw.fidelity !== undefined)
          evidence.implementation = { fidelity: { level: 0.7, shareAtLevel: draw.fidelity } };
        if (draw.favourable !== undefined) {
          evidence.educatorExperience = [
            { id: 'ease', question: 'Easy to use', respondents: 20, favourable: draw.favourable },
          ];
        }
        if (draw.balancing !== undefined) {
          evidence.balancingMeasures = [
            {
              id: 'hours',
              direction: 'lowerIsBetter',
              harmMargin: 0.5,
              estimate: draw.balancing,
              confidenceInterval: [draw.balancing - 0.6, draw.balancing + 0.6],
            },
          ];
        }
        if (draw.goalsMet !== undefined) {
          evidence.localGoals = [
            {
              id: 'cert',
              description: 'Certification',
              sitesMet: sites.slice(0, draw.goalsMet).map((site) => site.id),
            },
          ];
        }
        if (draw.attrition !== undefined) {
          const lost = draw.attrition;
          evidence.attrition = {
            students: {
              treatment: { assigned: draw.n + lost, analyzed: draw.n },
              comparison: { assigned: draw.n + Math.floor(lost / 2), analyzed: draw.n },
            },
          };
        }
        if (draw.team) {
          evidence.team = [
            { id: 'lead', role: 'senior-leader' },
            { id: 'coach-1', role: 'coach', siteId: 's1' },
            { id: 't1', role: 'teacher', experience: 'veteran' },
          ];
        }
        if (draw.supports) evidence.supports = [{ id: 'pd', description: 'Coaching', provided: false, cost: 1000 }];
        if (draw.prior) evidence.priorEvidence = [{ id: 'study', title: 'A trial elsewhere', tier: 2, effect: 0.2 }];
        if (draw.promise !== undefined) evidence.leadersSeePromise = draw.promise;
        return evidence;
      }),
  );

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const action = (evidence: Evidence) => decidePilot(evidence as PilotEvidenceInput).decision.action;

/** Every way to remove one piece of evidence (each returns a copy, or `undefined` when the piece is absent). */
const REMOVALS: Record<string, (evidence: Evidence) => Evidence | undefined> = {
  fidelity: (e) => (e.implementation === undefined ? undefined : { ...e, implementation: undefined }),
  educatorExperience: (e) => (e.educatorExperience === undefined ? undefined : { ...e, educatorExperience: undefined }),
  balancingMeasures: (e) => (e.balancingMeasures === undefined ? undefined : { ...e, balancingMeasures: undefined }),
  focalGroupData: (e) =>
    e.outcomes.some((outcome) => outcome.focalGroups !== undefined)
      ? { ...e, outcomes: e.outcomes.map((outcome) => ({ ...outcome, focalGroups: undefined })) }
      : undefined,
  localGoals: (e) => (e.localGoals === undefined ? undefined : { ...e, localGoals: undefined }),
  attrition: (e) => (e.attrition === undefined ? undefined : { ...e, attrition: undefined }),
  team: (e) => (e.team === undefined ? undefined : { ...e, team: undefined }),
  supports: (e) => (e.supports === undefined ? undefined : { ...e, supports: undefined }),
  priorEvidence: (e) => (e.priorEvidence === undefined ? undefined : { ...e, priorEvidence: undefined }),
};

/** The evidence made more favourable by `delta` (≥ 0) on every count. */
function moreFavourable(evidence: Evidence, delta: number, extra: number): Evidence {
  const better = <G extends { mean: number }>(group: G): G => ({ ...group, mean: group.mean + delta });
  return {
    ...evidence,
    outcomes: evidence.outcomes.map((outcome) => ({
      ...outcome,
      treatment: better(outcome.treatment as { mean: number; sd: number; n: number }),
      focalGroups: outcome.focalGroups?.map((entry) => ({
        ...entry,
        treatment: better(entry.treatment as { mean: number; sd: number; n: number }),
      })),
    })),
    educatorExperience: evidence.educatorExperience?.map((item) => ({
      ...item,
      favourable: Math.min(item.respondents, item.favourable + extra),
    })),
    balancingMeasures: evidence.balancingMeasures?.map((measure) => {
      const step = measure.direction === 'lowerIsBetter' ? -delta / 10 : delta / 10;
      return {
        ...measure,
        estimate: measure.estimate + step,
        confidenceInterval: [measure.confidenceInterval[0] + step, measure.confidenceInterval[1] + step] as [
          number,
          number,
        ],
      };
    }),
    localGoals: evidence.localGoals?.map((goal) => ({
      ...goal,
      sitesMet: extra > 0 ? ['s1', 's2', 's3'] : goal.sitesMet,
    })),
  };
}

describe('decidePilot properties', () => {
  it('is deterministic and never mutates its input', () => {
    fc.assert(
      fc.property(evidenceArbitrary, (evidence) => {
        const frozen = deepFreeze(structuredClone(evidence));
        const before = JSON.stringify(frozen);
        const first = decidePilot(frozen as PilotEvidenceInput);
        const second = decidePilot(frozen as PilotEvidenceInput);
        expect(JSON.stringify(frozen)).toBe(before);
        expect(second).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        expect(summarizePilotEvidence(frozen as PilotEvidenceInput)).toEqual(first.summary);
      }),
      { numRuns: 150 },
    );
  });

  it('removing a piece of evidence never turns undetermined into a confident answer', () => {
    fc.assert(
      fc.property(evidenceArbitrary, fc.constantFrom(...Object.keys(REMOVALS)), (evidence, piece) => {
        if (action(evidence) !== 'undetermined') return;
        const without = (REMOVALS[piece] as (e: Evidence) => Evidence | undefined)(evidence);
        if (without === undefined) return;
        expect(action(without), `without ${piece}`).toBe('undetermined');
      }),
      { numRuns: 400 },
    );
  });

  it('more favourable outcomes never move a scale-up away from scale-up', () => {
    fc.assert(
      fc.property(
        evidenceArbitrary,
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (evidence, delta, extra) => {
          if (action(evidence) !== 'scale-up') return;
          expect(action(moreFavourable(evidence, delta, extra))).toBe('scale-up');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the generators reach every action (fixed seed, so the count is not left to chance)', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(evidenceArbitrary, (evidence) => {
        const found = action(evidence);
        seen.set(found, (seen.get(found) ?? 0) + 1);
      }),
      { numRuns: 600, seed: 17 },
    );
    // With seed 17: each action is reached (abandon is the rarest: it needs a narrow interval below the useful effect).
    for (const name of ['scale-up', 'expand-pilot', 'pilot-again', 'abandon', 'undetermined']) {
      expect(seen.get(name) ?? 0, name).toBeGreaterThan(0);
    }
    expect((seen.get('scale-up') ?? 0) + (seen.get('undetermined') ?? 0)).toBeGreaterThan(30);
  });
});
