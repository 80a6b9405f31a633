import { deepFreeze } from '../_lib/deepFreeze.js';
import type { FactorId } from '../framework/factors.js';
import type { SourceCitation } from '../framework/sources.js';
import type { StrategyId } from '../framework/strategies.js';

/**
 * When a row of {@link FACTOR_STRATEGY_MATCHES} applies: the factor is a `'roadblock'`, the raters
 * are split on it (`'mixed'`, or two roles see it differently), or it is a `'support'` worth leveraging.
 *
 * @category Strategy suggestions
 * @example
 * ```ts
 * import { FACTOR_MATCH_CONDITIONS } from 'scaling-navigator/factors';
 * FACTOR_MATCH_CONDITIONS //=> ['roadblock', 'mixed', 'support']
 * ```
 */
export const FACTOR_MATCH_CONDITIONS = /* @__PURE__ */ deepFreeze(['roadblock', 'mixed', 'support'] as const);

/** One of {@link FACTOR_MATCH_CONDITIONS}. @category Strategy suggestions */
export type FactorMatchCondition = (typeof FACTOR_MATCH_CONDITIONS)[number];

/**
 * The id of a row of {@link FACTOR_STRATEGY_MATCHES}: `'<factorId>:<when>:<strategyId>'`.
 *
 * @category Strategy suggestions
 */
export type FactorStrategyMatchId = `${FactorId}:${FactorMatchCondition}:${StrategyId}`;

/**
 * The shape of one row of {@link FACTOR_STRATEGY_MATCHES}.
 *
 * @category Strategy suggestions
 */
export interface FactorStrategyMatch {
  /** `'<factorId>:<when>:<strategyId>'`, derived from the three. */
  readonly id: FactorStrategyMatchId;
  readonly factorId: FactorId;
  readonly when: FactorMatchCondition;
  readonly strategyId: StrategyId;
  /**
   * 2 when a passage of the Carnegie framework ties this move to this kind of factor directly; 1 when it is our
   * inference from what the source says the strategy does (in the spirit of CFIR–ERIC's Level 1 and
   * Level 2 matches, Waltz et al. 2019).
   */
  readonly strength: 1 | 2;
  /** Why the strategy answers the factor, in our words. */
  readonly rationale: string;
  /** The source passage the row rests on. */
  readonly source: SourceCitation;
}

const INNOVATION_STRATEGIES = 'Component 2: Strategies That Focus on Identifying or Developing a Scalable Innovation';
const TYPOLOGY = 'Component 2: Table 2. A Typology of Scaling Strategies';
const NETWORK_STRATEGIES = 'Component 2: Strategies That Build and Leverage Educator Networks';
const POLICY_STRATEGIES = 'Component 2: Strategies That Focus on Influencing State and District Policymakers';
const VAGUE_THEORY = 'Component 2: Scaling Strategies';
const BROWARD = 'Component 2: Example of Prioritizing Equity in Choosing a Scaling Strategy';
const BEST = 'Component 2: Example of Influencing State and Local Policymakers';
const ROUTE = 'Component 1: What route will we take to get there?';
const INNOVATION_FACTORS = 'Component 3: Influential Factors Related to the Deeper Learning Innovation';
const EDUCATOR_FACTORS = 'Component 3: Influential Factors Related to Educators';
const CONDITION_FACTORS = 'Component 3: Influential Factors Related to Community, District, and State Conditions';
const INFLEXION = 'Component 3: Inflexion: An Example of the Influential Factors in Use in an RPP';
const INTERACTING = 'Component 3: Interacting Factors and Change at Scale';
const JOURNEY = 'The Scaling Journey: Example of a Scaling Journey (Colorado Springs)';

/** One row of the table, its id derived from the factor, the condition and the strategy. */
function match(
  factorId: FactorId,
  when: FactorMatchCondition,
  strategyId: StrategyId,
  strength: 1 | 2,
  section: string,
  rationale: string,
): FactorStrategyMatch {
  return {
    id: `${factorId}:${when}:${strategyId}`,
    factorId,
    when,
    strategyId,
    strength,
    rationale,
    source: { source: 'carnegie-2022-scaling-for-equity', section },
  };
}

// biome-ignore format: a data table, two lines a row
/**
 * The reviewed table that {@link suggestStrategies} ranks strategies from: which strategy of the
 * typology answers which influential factor when it is a roadblock, when raters are split on it, or
 * when it is a support worth leveraging — each row with a strength, a rationale in our words and the
 * the Carnegie framework passage it rests on (no source text is copied). It is our own mapping from the source, made in
 * the spirit of the CFIR–ERIC matching tool (Waltz et al. 2019); teams can add rows for their own
 * factors with `suggestStrategies`'s `additionalMatches`.
 *
 * Every catalog factor has at least one roadblock row. Rows are grouped by factor in catalog order.
 *
 * @category Strategy suggestions
 * @example
 * ```ts
 * import { FACTOR_STRATEGY_MATCHES } from 'scaling-navigator/factors';
 * FACTOR_STRATEGY_MATCHES.filter((row) => row.factorId === 'observability' && row.when === 'roadblock').map((row) => [row.strategyId, row.strength]) //=> [['proof-point', 2], ['network-of-users', 1], ['scalable-characteristics', 1]]
 * FACTOR_STRATEGY_MATCHES.every((row) => row.id === `${row.factorId}:${row.when}:${row.strategyId}`) //=> true
 * ```
 */
export const FACTOR_STRATEGY_MATCHES: readonly FactorStrategyMatch[] = /* @__PURE__ */ deepFreeze([
  // ── The innovation ────────────────────────────────────────────────────────────────────────────
  match('complexity', 'roadblock', 'scalable-characteristics', 2, ROUTE,
    'Redesign the innovation as a series of small moves that educators can take up one at a time, so it no longer looks too hard to attempt.'),
  match('complexity', 'roadblock', 'local-champions', 1, NETWORK_STRATEGIES,
    'A demanding innovation needs support alongside it; teacher-leaders with time and know-how can coach colleagues through the hard parts.'),
  match('compatibility', 'roadblock', 'co-design', 2, INNOVATION_STRATEGIES,
    'Building the innovation together with the educators who will use it tends to give a design that suits their setting, and earns their commitment on the way.'),
  match('compatibility', 'roadblock', 'scalable-characteristics', 2, INNOVATION_FACTORS,
    'Make the links to what educators already do and value explicit, or reshape the innovation to serve a priority the district already holds (as tying it to a literacy initiative did).'),
  match('compatibility', 'roadblock', 'local-champions', 1, INTERACTING,
    'Help teacher-leaders see how the innovation serves goals others already press for (graduation rates, say) and give them words to explain that to families and district leaders.'),
  match('observability', 'roadblock', 'proof-point', 2, NETWORK_STRATEGIES,
    'A showcase school or classroom lets educators watch the practice, judge for themselves that it is doable, and see what it does for students.'),
  match('observability', 'roadblock', 'network-of-users', 1, NETWORK_STRATEGIES,
    'Showcases, institutes and other gatherings of current users put real examples where colleagues who do not use the innovation yet can see them.'),
  match('observability', 'roadblock', 'scalable-characteristics', 1, INNOVATION_STRATEGIES,
    'Build visible examples of use and visible results for students into the design itself.'),
  match('trialability', 'roadblock', 'scalable-characteristics', 2, INNOVATION_STRATEGIES,
    'Create chances to try the innovation, or a piece of it, where nothing rides on the outcome.'),
  match('trialability', 'roadblock', 'proof-point', 1, VAGUE_THEORY,
    'A well-planned visit to a proof-point site ends with visitors trying a task and hearing back on it: a supported first attempt.'),
  match('adaptability', 'roadblock', 'co-design', 2, INNOVATION_STRATEGIES,
    'Designing with local educators lets the innovation take a form that fits each school instead of one fixed shape.'),
  match('adaptability', 'roadblock', 'scalable-characteristics', 2, TYPOLOGY,
    'Separate the core of the innovation from the parts schools may change, so educators can fit it to their students without losing what makes it work.'),
  // ── Educators ─────────────────────────────────────────────────────────────────────────────────
  match('attitudes', 'roadblock', 'proof-point', 2, BROWARD,
    'Seeing the practice succeed in schools like their own, including schools with low test scores, builds educators’ belief that it matters and can work for every student.'),
  match('attitudes', 'roadblock', 'local-champions', 2, NETWORK_STRATEGIES,
    'Colleagues whom educators already trust and respect are the most convincing advocates and models for a new practice.'),
  match('attitudes', 'roadblock', 'co-design', 1, INNOVATION_STRATEGIES,
    'Educators who help shape the innovation tend to care more about it and commit to it.'),
  match('attitudes', 'mixed', 'co-design', 2, INTERACTING,
    'When groups see the purpose of the work differently (how they understand equity, for instance), step back and bring teachers, students and community members together to build a shared vision before pressing on.'),
  match('emotions', 'roadblock', 'co-design', 2, INFLEXION,
    'An inclusive design or visioning process can turn unease into enthusiasm and acceptance, as the Anaheim partnership set out to do.'),
  match('emotions', 'roadblock', 'scalable-characteristics', 1, INNOVATION_STRATEGIES,
    'Low-stakes chances to try the innovation ease the anxiety of using it for the first time.'),
  match('emotions', 'roadblock', 'network-of-users', 1, NETWORK_STRATEGIES,
    'Regular contact with peers who use and enjoy the innovation builds interest and momentum.'),
  match('personality-and-style', 'roadblock', 'local-champions', 2, EDUCATOR_FACTORS,
    'Confident, persistent teacher-leaders who are credible to their peers can carry colleagues who are wary of one more initiative.'),
  match('personality-and-style', 'roadblock', 'proof-point', 1, BROWARD,
    'Local evidence that the practice works answers the cynicism left behind by reforms that came and went.'),
  match('personality-and-style', 'roadblock', 'scalable-characteristics', 1, INNOVATION_STRATEGIES,
    'A way to try the innovation without consequences suits educators who are uneasy with new things.'),
  match('descriptive-characteristics', 'roadblock', 'network-of-users', 2, NETWORK_STRATEGIES,
    'Educators with little experience of the innovation gain it over time from a network in which users keep learning from one another.'),
  match('descriptive-characteristics', 'roadblock', 'proof-point', 1, VAGUE_THEORY,
    'Guidance from expert teachers at a proof-point site gives newer educators a model to learn from.'),
  match('descriptive-characteristics', 'roadblock', 'local-champions', 1, NETWORK_STRATEGIES,
    'Champions given time and knowledge can introduce the innovation to colleagues who are new to it.'),
  // ── The improvement team ──────────────────────────────────────────────────────────────────────
  match('collaborative-structures', 'roadblock', 'co-design', 1, INNOVATION_STRATEGIES,
    'Co-design asks the partners to agree on guidelines for working together, which gives a loose team ground rules and routines.'),
  match('communication-mechanisms', 'roadblock', 'co-design', 1, INNOVATION_STRATEGIES,
    'Joint inquiry across roles obliges a team to share what it knows and settle on common terms.'),
  match('decision-making-culture', 'roadblock', 'co-design', 2, INNOVATION_STRATEGIES,
    'Building with partners rather than for them, under guidelines that give every voice weight, loosens a rigid, top-down way of deciding.'),
  match('decision-making-culture', 'roadblock', 'educate-policymakers', 1, CONDITION_FACTORS,
    'Where people with power hold the work back until they can own it, show them how it advances their own goals so that supporting it earns them credit.'),
  // ── Community, district and state conditions ──────────────────────────────────────────────────
  match('leadership', 'roadblock', 'educate-policymakers', 2, CONDITION_FACTORS,
    'Help hesitant or new leaders understand the innovation and show how it serves their plan and priorities, so that backing it advances their own agenda.'),
  match('leadership', 'roadblock', 'co-design', 1, JOURNEY,
    'Build the next steps with the leaders themselves, for example by co-creating a district product such as a graduate profile that anchors their plan.'),
  match('competition-for-attention', 'roadblock', 'educate-policymakers', 2, JOURNEY,
    'Rather than compete with the priorities already on leaders’ desks, show how the innovation helps reach them and lend support to their planning.'),
  match('competition-for-attention', 'roadblock', 'scalable-characteristics', 1, CONDITION_FACTORS,
    'Shape the innovation so that it complements the programs already in place instead of adding to them.'),
  match('competition-for-attention', 'roadblock', 'co-design', 1, JOURNEY,
    'Co-create shared products with the district so the innovation becomes part of its plan, not a rival to it.'),
  match('community-beliefs-and-values', 'roadblock', 'co-design', 2, TYPOLOGY,
    'Design with the people most affected by the problem, community members included, so the innovation reflects what the community values.'),
  match('community-beliefs-and-values', 'roadblock', 'proof-point', 1, TYPOLOGY,
    'Let families and community leaders see the innovation succeeding with learners like their own children.'),
  match('community-beliefs-and-values', 'mixed', 'co-design', 2, INTERACTING,
    'Where groups in the community see the work differently, a working group of teachers, students and community members can build one vision together.'),
  match('policies', 'roadblock', 'policy-network', 2, POLICY_STRATEGIES,
    'A network of policy actors helps the team find where current policy already backs the work and where it has to change.'),
  match('policies', 'roadblock', 'shape-policy', 2, BEST,
    'Work for rules that open room for the innovation, as New Hampshire’s partners did when an accountability waiver let districts adopt performance assessment.'),
  match('policies', 'roadblock', 'educate-policymakers', 1, POLICY_STRATEGIES,
    'Officials and board members who understand the innovation are more open to changing the rules around it.'),
  match('large-scale-events', 'roadblock', 'network-of-users', 1, CONDITION_FACTORS,
    'Keep current users connected so the work keeps its momentum while attention is elsewhere.'),
  match('large-scale-events', 'roadblock', 'scalable-characteristics', 1, CONDITION_FACTORS,
    'Break the work into smaller steps that still fit when a crisis crowds the agenda.'),
  // ── Supports worth leveraging ─────────────────────────────────────────────────────────────────
  match('observability', 'support', 'proof-point', 2, NETWORK_STRATEGIES,
    'Practice and results that are easy to see are exactly what a showcase site needs.'),
  match('compatibility', 'support', 'local-champions', 1, INTERACTING,
    'Give champions the story of how the innovation fits current priorities so they can explain it to peers, families and leaders.'),
  match('attitudes', 'support', 'local-champions', 2, NETWORK_STRATEGIES,
    'Educators who already value the innovation are natural candidates to become its champions.'),
  match('emotions', 'support', 'co-design', 1, INFLEXION,
    'Keep the inclusive process that is generating enthusiasm, and turn that energy into concrete changes in school routines.'),
  match('emotions', 'support', 'network-of-users', 1, NETWORK_STRATEGIES,
    'Connect enthusiastic users to one another so that their energy spreads and lasts.'),
  match('personality-and-style', 'support', 'local-champions', 2, EDUCATOR_FACTORS,
    'Confident, persistent and credible educators are what a champion strategy relies on.'),
  match('descriptive-characteristics', 'support', 'local-champions', 1, NETWORK_STRATEGIES,
    'Experienced practitioners of the innovation can mentor colleagues who are new to it.'),
  match('collaborative-structures', 'support', 'co-design', 1, INFLEXION,
    'A team that joins outside expertise with district authority can run an inclusive design process in many schools quickly.'),
  match('leadership', 'support', 'shape-policy', 1, INFLEXION,
    'Supportive leaders can write the innovation into district plans and routines, such as a rollout to every school, so that it outlasts the project.'),
  match('competition-for-attention', 'support', 'educate-policymakers', 2, CONDITION_FACTORS,
    'A plan or priority that the innovation serves is a lever: show decision-makers the link so that supporting the work advances their plan.'),
  match('community-beliefs-and-values', 'support', 'shape-policy', 1, INTERACTING,
    'A goal the community shares with the team (more students in STEM careers, say) is a message to broadcast and an alliance to build on.'),
  match('policies', 'support', 'policy-network', 2, POLICY_STRATEGIES,
    'Use a network of policy actors to place the work where current policy already helps it.'),
  match('policies', 'support', 'shape-policy', 1, BEST,
    'Fit the work into the space a favourable policy opens and support the educators who opt in, as BEST did in New Hampshire.'),
]);
