import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { Id, Share } from '../framework/_schemaParts.js';
import { MEASURE_DIRECTIONS } from '../framework/Measure.js';
import { checkGroups, checkUnique, type Issue, kindOf } from './_evidenceChecks.js';

/**
 * How the pilot's groups were formed: randomly (`'rct'`), by matching or choice (`'qed'`), by
 * relating exposure to outcomes with statistical controls (`'correlational'`), or the same
 * students before and after, with no comparison group (`'pre-post'`).
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PILOT_DESIGNS } from 'scaling-navigator/pilot';
 * PILOT_DESIGNS //=> ['rct', 'qed', 'correlational', 'pre-post']
 * ```
 */
export const PILOT_DESIGNS = /* @__PURE__ */ deepFreeze(['rct', 'qed', 'correlational', 'pre-post'] as const);

/**
 * One of {@link PILOT_DESIGNS}.
 *
 * @category Pilot
 */
export type PilotDesign = (typeof PILOT_DESIGNS)[number];

/**
 * The roles of a pilot team (REL Appalachia's guide: senior leaders with authority to decide and
 * allocate resources, the teachers who use the intervention, the administrators who design
 * professional learning, observe and give feedback; Digital Promise's pilot: coaches and principals).
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PILOT_TEAM_ROLES } from 'scaling-navigator/pilot';
 * PILOT_TEAM_ROLES.includes('senior-leader') //=> true
 * ```
 */
export const PILOT_TEAM_ROLES = /* @__PURE__ */ deepFreeze([
  'senior-leader',
  'teacher',
  'professional-learning-lead',
  'coach',
  'principal',
  'other',
] as const);

const Text = z.string().check(z.minLength(1));
const Count = z.int().check(z.gte(0));
const Size = z.int().check(z.gte(1));

/** A group's outcome summarized: mean, SD (n − 1) and size. */
const GroupSummary = z.strictObject({ mean: z.number(), sd: z.number().check(z.gte(0)), n: Size });
/** A group's binary outcome: successes out of n. */
const ProportionGroup = z
  .strictObject({ successes: Count, n: Size })
  .check(
    z.refine((group) => group.successes <= group.n, { message: 'successes cannot exceed n', path: ['successes'] }),
  );
/** Raw outcomes, `null` for a missing value. */
const RawValues = z.array(z.nullable(z.number()));
const Group = z.union([GroupSummary, ProportionGroup, RawValues]);
const Groups = z.strictObject({ treatment: Group, comparison: Group });

const FocalGroupOutcome = z.strictObject({
  /** A focal group of the evidence's `focalGroups`. */
  focalGroupId: Id,
  treatment: Group,
  comparison: Group,
  baseline: z.optional(Groups),
});

const Outcome = z.strictObject({
  id: Id,
  label: z.optional(z.string()),
  /** Achievement (default) or behaviour / attitudes: picks the default ICC. */
  domain: z._default(z.enum(['achievement', 'behavior']), 'achievement'),
  direction: z._default(z.enum(MEASURE_DIRECTIONS), 'higherIsBetter'),
  /** Whether the decision weighs this outcome (default true). */
  primary: z._default(z.boolean(), true),
  /** The level at which the study analysed it: students (default), cluster means, or a multilevel model. */
  analysis: z._default(z.enum(['student', 'cluster', 'multilevel']), 'student'),
  /** The outcome (post-test) of the analytic sample; for `pre-post` designs, `comparison` is the pre-test. */
  treatment: Group,
  comparison: Group,
  /** The baseline (pre-test) of the same analytic sample. */
  baseline: z.optional(Groups),
  /** Covariate-adjusted post-test means (e.g. from ANCOVA); divided by the unadjusted pooled SD. */
  adjustedMeans: z.optional(z.strictObject({ treatment: z.number(), comparison: z.number() })),
  /** The study's own effect size in SD units (e.g. from a multilevel model), with its SE: used as it is. */
  reported: z.optional(
    z.strictObject({
      estimate: z.number(),
      se: z.number().check(z.gt(0)),
      pValue: z.optional(Share),
      /** Whether the study's model adjusts for the baseline. */
      adjustedForBaseline: z.optional(z.boolean()),
    }),
  ),
  /** ICC for the clustering correction (default: the policy's for the domain). */
  icc: z.optional(z.number().check(z.gte(0), z.lt(1))),
  focalGroups: z.optional(z.array(FocalGroupOutcome)),
});

const ArmCounts = z.strictObject({ assigned: Size, analyzed: Count, joiners: z._default(Count, 0) }).check(
  z.refine((arm) => arm.joiners <= arm.analyzed, { message: 'joiners cannot exceed analyzed', path: ['joiners'] }),
  z.refine((arm) => arm.analyzed - arm.joiners <= arm.assigned, {
    message: 'analyzed units who were assigned (analyzed − joiners) cannot exceed assigned',
    path: ['analyzed'],
  }),
);
const LevelAttrition = z.strictObject({ treatment: ArmCounts, comparison: ArmCounts });

const Site = z.strictObject({ id: Id, label: z.optional(z.string()), score: z.optional(z.number()) });

const Interval = z
  .tuple([z.number(), z.number()])
  .check(z.refine((interval) => interval[0] <= interval[1], 'the lower bound exceeds the upper bound'));

const shape = {
  id: Id,
  intervention: z.optional(z.string()),
  design: z.enum(PILOT_DESIGNS),
  assignment: z.strictObject({
    /** The unit assigned: students, or clusters (classrooms, teachers, schools…). */
    unit: z.enum(['student', 'classroom', 'teacher', 'school', 'district']),
    clusters: z.optional(z.strictObject({ treatment: Size, comparison: Size })),
  }),
  /** Named statistical controls for selection (correlational designs). */
  controls: z.optional(z.array(Text)),
  outcomes: z.array(Outcome),
  attrition: z.optional(z.strictObject({ clusters: z.optional(LevelAttrition), students: z.optional(LevelAttrition) })),
  implementation: z.optional(
    z.strictObject({
      fidelity: z.optional(
        z.strictObject({
          /** The fidelity level associated with outcomes (e.g. fidelity's `associatedLevel.cut`), or `null`. */
          level: z.nullable(z.number()),
          /** Share of pilot teachers at or above that level. */
          shareAtLevel: Share,
          interval: z.optional(z.nullable(Interval)),
        }),
      ),
      adaptations: z.optional(
        z.array(
          z.strictObject({
            id: Id,
            description: Text,
            component: z.optional(z.string()),
            preservesCore: z.optional(z.boolean()),
          }),
        ),
      ),
    }),
  ),
  educatorExperience: z.optional(
    z.array(
      z.strictObject({ id: Id, question: Text, respondents: Size, favourable: Count }).check(
        z.refine((item) => item.favourable <= item.respondents, {
          message: 'favourable cannot exceed respondents',
          path: ['favourable'],
        }),
      ),
    ),
  ),
  supports: z.optional(
    z.array(
      z.strictObject({
        id: Id,
        description: Text,
        provided: z.boolean(),
        cost: z.optional(z.number().check(z.gte(0))),
      }),
    ),
  ),
  team: z.optional(
    z.array(
      z.strictObject({
        id: Id,
        role: z.enum(PILOT_TEAM_ROLES),
        experience: z.optional(z.enum(['veteran', 'early-adopter', 'novice'])),
        siteId: z.optional(Id),
      }),
    ),
  ),
  sites: z.optional(
    z.strictObject({
      total: z.optional(Size),
      pilot: z.array(Site).check(z.minLength(1)),
      comparison: z.optional(z.array(Site)),
    }),
  ),
  balancingMeasures: z.optional(
    z.array(
      z.strictObject({
        id: Id,
        label: z.optional(z.string()),
        direction: z.enum(MEASURE_DIRECTIONS),
        /** How much worse (in the measure's units) is tolerable. */
        harmMargin: z.number().check(z.gte(0)),
        /** The change (pilot minus comparison, or after minus before), in the measure's units. */
        estimate: z.number(),
        confidenceInterval: Interval,
      }),
    ),
  ),
  localGoals: z.optional(z.array(z.strictObject({ id: Id, description: Text, sitesMet: z.array(Id) }))),
  priorEvidence: z.optional(
    z.array(
      z.strictObject({
        id: Id,
        title: Text,
        tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        effect: z.optional(z.number()),
      }),
    ),
  ),
  focalGroups: z.optional(z.array(z.strictObject({ id: Id, label: z.optional(z.string()) }))),
  /** Leaders record that they still see promise (REL Appalachia: they may pilot again rather than abandon). */
  leadersSeePromise: z.optional(z.boolean()),
};

/**
 * Schema for what a pilot produced, the four kinds of information of REL Appalachia's *Learning
 * Before Going to Scale* — how educators experience the intervention, how it is implemented and
 * adapted, what supports it needs, and whether students benefit — plus the design, attrition, the
 * pilot team and sites, balancing measures (what must not get worse), local goals met and prior
 * external evidence. Group outcomes are summaries (`{ mean, sd, n }`), binary counts
 * (`{ successes, n }`) or raw values; fidelity is a plain summary, not another module's result.
 *
 * Cross-field rules: ids unique per list; treatment and comparison both binary or both
 * continuous; a focal-group outcome names a declared focal group; team members' sites and the
 * sites that met a local goal are pilot sites; adjusted means only for continuous outcomes.
 * Use {@link parsePilotEvidence} for a `ScalingNavigatorError` with a path.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { PilotEvidence } from 'scaling-navigator/pilot';
 * const evidence = PilotEvidence.parse({
 *   id: 'stem-coaching',
 *   design: 'pre-post',
 *   assignment: { unit: 'school' },
 *   outcomes: [],
 *   sites: { total: 18, pilot: [{ id: 'east' }, { id: 'north' }, { id: 'west' }] },
 *   localGoals: [{ id: 'stem-cert', description: 'State STEM certification', sitesMet: ['east', 'north', 'west'] }],
 * });
 * evidence.sites?.pilot.length //=> 3
 * PilotEvidence.safeParse({ ...evidence, design: 'anecdote' }).success //=> false
 * ```
 */
export const PilotEvidence = /* @__PURE__ */ z.strictObject(shape).check(
  crossCheck((evidence, context) => {
    const issue: Issue = (path, message) => context.issues.push({ code: 'custom', input: evidence, path, message });
    const focal = new Set((evidence.focalGroups ?? []).map((group) => group.id));
    checkUnique(
      evidence.outcomes.map((outcome) => outcome.id),
      ['outcomes'],
      'outcome',
      issue,
    );
    checkUnique(
      (evidence.focalGroups ?? []).map((group) => group.id),
      ['focalGroups'],
      'focal group',
      issue,
    );
    evidence.outcomes.forEach((outcome, index) => {
      const path = ['outcomes', index];
      checkGroups(outcome, path, issue);
      if (outcome.baseline !== undefined) checkGroups(outcome.baseline, [...path, 'baseline'], issue);
      if (outcome.adjustedMeans !== undefined && kindOf(outcome.treatment) === 'binary') {
        issue([...path, 'adjustedMeans'], 'adjusted means apply to continuous outcomes only');
      }
      const seen = new Set<string>();
      outcome.focalGroups?.forEach((entry, at) => {
        const where = [...path, 'focalGroups', at];
        if (!focal.has(entry.focalGroupId)) {
          issue([...where, 'focalGroupId'], `"${entry.focalGroupId}" is not one of the evidence's focalGroups`);
        }
        if (seen.has(entry.focalGroupId))
          issue([...where, 'focalGroupId'], `focal group "${entry.focalGroupId}" twice`);
        seen.add(entry.focalGroupId);
        checkGroups(entry, where, issue);
        if ((kindOf(entry.treatment) === 'binary') !== (kindOf(outcome.treatment) === 'binary')) {
          issue([...where, 'treatment'], "a focal group's outcome has the outcome's kind (binary or continuous)");
        }
      });
    });
    const pilotSites = new Set((evidence.sites?.pilot ?? []).map((site) => site.id));
    if (evidence.sites !== undefined) {
      checkUnique(
        [...evidence.sites.pilot, ...(evidence.sites.comparison ?? [])].map((site) => site.id),
        ['sites', 'pilot'],
        'site',
        issue,
      );
    }
    const known = (id: string, path: (string | number)[]) => {
      if (!pilotSites.has(id)) issue(path, `"${id}" is not one of the pilot sites (sites.pilot)`);
    };
    evidence.team?.forEach((member, index) => {
      if (member.siteId !== undefined) known(member.siteId, ['team', index, 'siteId']);
    });
    evidence.localGoals?.forEach((goal, index) => {
      goal.sitesMet.forEach((site, at) => {
        known(site, ['localGoals', index, 'sitesMet', at]);
      });
    });
    for (const [list, path] of [
      [evidence.team, 'team'],
      [evidence.supports, 'supports'],
      [evidence.balancingMeasures, 'balancingMeasures'],
      [evidence.localGoals, 'localGoals'],
      [evidence.priorEvidence, 'priorEvidence'],
      [evidence.educatorExperience, 'educatorExperience'],
      [evidence.implementation?.adaptations, 'adaptations'],
    ] as const) {
      if (list !== undefined)
        checkUnique(
          list.map((entry) => entry.id),
          path === 'adaptations' ? ['implementation', 'adaptations'] : [path],
          'entry',
          issue,
        );
    }
  }),
);

/**
 * Pilot evidence as the library holds it (defaults filled in).
 *
 * @category Pilot
 */
export type PilotEvidence = z.output<typeof PilotEvidence>;

/**
 * Pilot evidence as a caller may write it.
 *
 * @category Pilot
 */
export type PilotEvidenceInput = z.input<typeof PilotEvidence>;

const parsers = /* @__PURE__ */ schemaParsers(PilotEvidence);

/**
 * Validates pilot evidence that arrived as JSON against {@link PilotEvidence}.
 *
 * @category Pilot
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path (e.g.
 *   `['outcomes', 0, 'treatment']` for a NaN mean); `LIMIT_EXCEEDED` for an array longer than 10⁷.
 * @example
 * ```ts
 * import { parsePilotEvidence } from 'scaling-navigator/pilot';
 * parsePilotEvidence({ id: 'p', design: 'rct', assignment: { unit: 'student' }, outcomes: [] }).design //=> 'rct'
 * parsePilotEvidence({ id: 'p', design: 'rct', assignment: { unit: 'student' } }) //=> throws INVALID_INPUT at ['outcomes']
 * ```
 */
export function parsePilotEvidence(input: unknown): PilotEvidence {
  return parsers.parse(input);
}

/**
 * {@link parsePilotEvidence} returning the error instead of throwing it.
 *
 * @category Pilot
 * @example
 * ```ts
 * import { safeParsePilotEvidence } from 'scaling-navigator/pilot';
 * safeParsePilotEvidence({ id: 'p' }).success //=> false
 * ```
 */
export function safeParsePilotEvidence(input: unknown): SafeParseResult<PilotEvidence> {
  return parsers.safeParse(input);
}
