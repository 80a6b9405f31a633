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
 * The shape of one row of {@link FACTOR_STRATEGY_MATCHES}.
 *
 * @category Strategy suggestions
 */
export interface FactorStrategyMatch {
  /** `'<factorId>:<when>:<strategyId>'`. */
  readonly id: string;
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
export const FACTOR_STRATEGY_MATCHES = /* @__PURE__ */ deepFreeze([
  // ── The innovation ────────────────────────────────────────────────────────────────────────────
  {
    id: 'complexity:roadblock:scalable-characteristics',
    factorId: 'complexity',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 2,
    rationale:
      'Redesign the innovation as a series of small moves that educators can take up one at a time, so it no longer looks too hard to attempt.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: ROUTE },
  },
  {
    id: 'complexity:roadblock:local-champions',
    factorId: 'complexity',
    when: 'roadblock',
    strategyId: 'local-champions',
    strength: 1,
    rationale:
      'A demanding innovation needs support alongside it; teacher-leaders with time and know-how can coach colleagues through the hard parts.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'compatibility:roadblock:co-design',
    factorId: 'compatibility',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'Building the innovation together with the educators who will use it tends to give a design that suits their setting, and earns their commitment on the way.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'compatibility:roadblock:scalable-characteristics',
    factorId: 'compatibility',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 2,
    rationale:
      'Make the links to what educators already do and value explicit, or reshape the innovation to serve a priority the district already holds (as tying it to a literacy initiative did).',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_FACTORS },
  },
  {
    id: 'compatibility:roadblock:local-champions',
    factorId: 'compatibility',
    when: 'roadblock',
    strategyId: 'local-champions',
    strength: 1,
    rationale:
      'Help teacher-leaders see how the innovation serves goals others already press for (graduation rates, say) and give them words to explain that to families and district leaders.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INTERACTING },
  },
  {
    id: 'observability:roadblock:proof-point',
    factorId: 'observability',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 2,
    rationale:
      'A showcase school or classroom lets educators watch the practice, judge for themselves that it is doable, and see what it does for students.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'observability:roadblock:network-of-users',
    factorId: 'observability',
    when: 'roadblock',
    strategyId: 'network-of-users',
    strength: 1,
    rationale:
      'Showcases, institutes and other gatherings of current users put real examples where colleagues who do not use the innovation yet can see them.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'observability:roadblock:scalable-characteristics',
    factorId: 'observability',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 1,
    rationale: 'Build visible examples of use and visible results for students into the design itself.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'trialability:roadblock:scalable-characteristics',
    factorId: 'trialability',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 2,
    rationale: 'Create chances to try the innovation, or a piece of it, where nothing rides on the outcome.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'trialability:roadblock:proof-point',
    factorId: 'trialability',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 1,
    rationale:
      'A well-planned visit to a proof-point site ends with visitors trying a task and hearing back on it: a supported first attempt.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: VAGUE_THEORY },
  },
  {
    id: 'adaptability:roadblock:co-design',
    factorId: 'adaptability',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'Designing with local educators lets the innovation take a form that fits each school instead of one fixed shape.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'adaptability:roadblock:scalable-characteristics',
    factorId: 'adaptability',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 2,
    rationale:
      'Separate the core of the innovation from the parts schools may change, so educators can fit it to their students without losing what makes it work.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: TYPOLOGY },
  },
  // ── Educators ─────────────────────────────────────────────────────────────────────────────────
  {
    id: 'attitudes:roadblock:proof-point',
    factorId: 'attitudes',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 2,
    rationale:
      'Seeing the practice succeed in schools like their own, including schools with low test scores, builds educators’ belief that it matters and can work for every student.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: BROWARD },
  },
  {
    id: 'attitudes:roadblock:local-champions',
    factorId: 'attitudes',
    when: 'roadblock',
    strategyId: 'local-champions',
    strength: 2,
    rationale:
      'Colleagues whom educators already trust and respect are the most convincing advocates and models for a new practice.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'attitudes:roadblock:co-design',
    factorId: 'attitudes',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 1,
    rationale: 'Educators who help shape the innovation tend to care more about it and commit to it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'attitudes:mixed:co-design',
    factorId: 'attitudes',
    when: 'mixed',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'When groups see the purpose of the work differently (how they understand equity, for instance), step back and bring teachers, students and community members together to build a shared vision before pressing on.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INTERACTING },
  },
  {
    id: 'emotions:roadblock:co-design',
    factorId: 'emotions',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'An inclusive design or visioning process can turn unease into enthusiasm and acceptance, as the Anaheim partnership set out to do.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INFLEXION },
  },
  {
    id: 'emotions:roadblock:scalable-characteristics',
    factorId: 'emotions',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 1,
    rationale: 'Low-stakes chances to try the innovation ease the anxiety of using it for the first time.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'emotions:roadblock:network-of-users',
    factorId: 'emotions',
    when: 'roadblock',
    strategyId: 'network-of-users',
    strength: 1,
    rationale: 'Regular contact with peers who use and enjoy the innovation builds interest and momentum.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'personality-and-style:roadblock:local-champions',
    factorId: 'personality-and-style',
    when: 'roadblock',
    strategyId: 'local-champions',
    strength: 2,
    rationale:
      'Confident, persistent teacher-leaders who are credible to their peers can carry colleagues who are wary of one more initiative.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: EDUCATOR_FACTORS },
  },
  {
    id: 'personality-and-style:roadblock:proof-point',
    factorId: 'personality-and-style',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 1,
    rationale: 'Local evidence that the practice works answers the cynicism left behind by reforms that came and went.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: BROWARD },
  },
  {
    id: 'personality-and-style:roadblock:scalable-characteristics',
    factorId: 'personality-and-style',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 1,
    rationale: 'A way to try the innovation without consequences suits educators who are uneasy with new things.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'descriptive-characteristics:roadblock:network-of-users',
    factorId: 'descriptive-characteristics',
    when: 'roadblock',
    strategyId: 'network-of-users',
    strength: 2,
    rationale:
      'Educators with little experience of the innovation gain it over time from a network in which users keep learning from one another.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'descriptive-characteristics:roadblock:proof-point',
    factorId: 'descriptive-characteristics',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 1,
    rationale: 'Guidance from expert teachers at a proof-point site gives newer educators a model to learn from.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: VAGUE_THEORY },
  },
  {
    id: 'descriptive-characteristics:roadblock:local-champions',
    factorId: 'descriptive-characteristics',
    when: 'roadblock',
    strategyId: 'local-champions',
    strength: 1,
    rationale: 'Champions given time and knowledge can introduce the innovation to colleagues who are new to it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  // ── The improvement team ──────────────────────────────────────────────────────────────────────
  {
    id: 'collaborative-structures:roadblock:co-design',
    factorId: 'collaborative-structures',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 1,
    rationale:
      'Co-design asks the partners to agree on guidelines for working together, which gives a loose team ground rules and routines.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'communication-mechanisms:roadblock:co-design',
    factorId: 'communication-mechanisms',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 1,
    rationale: 'Joint inquiry across roles obliges a team to share what it knows and settle on common terms.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'decision-making-culture:roadblock:co-design',
    factorId: 'decision-making-culture',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'Building with partners rather than for them, under guidelines that give every voice weight, loosens a rigid, top-down way of deciding.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INNOVATION_STRATEGIES },
  },
  {
    id: 'decision-making-culture:roadblock:educate-policymakers',
    factorId: 'decision-making-culture',
    when: 'roadblock',
    strategyId: 'educate-policymakers',
    strength: 1,
    rationale:
      'Where people with power hold the work back until they can own it, show them how it advances their own goals so that supporting it earns them credit.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  // ── Community, district and state conditions ──────────────────────────────────────────────────
  {
    id: 'leadership:roadblock:educate-policymakers',
    factorId: 'leadership',
    when: 'roadblock',
    strategyId: 'educate-policymakers',
    strength: 2,
    rationale:
      'Help hesitant or new leaders understand the innovation and show how it serves their plan and priorities, so that backing it advances their own agenda.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  {
    id: 'leadership:roadblock:co-design',
    factorId: 'leadership',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 1,
    rationale:
      'Build the next steps with the leaders themselves, for example by co-creating a district product such as a graduate profile that anchors their plan.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: JOURNEY },
  },
  {
    id: 'competition-for-attention:roadblock:educate-policymakers',
    factorId: 'competition-for-attention',
    when: 'roadblock',
    strategyId: 'educate-policymakers',
    strength: 2,
    rationale:
      'Rather than compete with the priorities already on leaders’ desks, show how the innovation helps reach them and lend support to their planning.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: JOURNEY },
  },
  {
    id: 'competition-for-attention:roadblock:scalable-characteristics',
    factorId: 'competition-for-attention',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 1,
    rationale: 'Shape the innovation so that it complements the programs already in place instead of adding to them.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  {
    id: 'competition-for-attention:roadblock:co-design',
    factorId: 'competition-for-attention',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 1,
    rationale:
      'Co-create shared products with the district so the innovation becomes part of its plan, not a rival to it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: JOURNEY },
  },
  {
    id: 'community-beliefs-and-values:roadblock:co-design',
    factorId: 'community-beliefs-and-values',
    when: 'roadblock',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'Design with the people most affected by the problem, community members included, so the innovation reflects what the community values.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: TYPOLOGY },
  },
  {
    id: 'community-beliefs-and-values:roadblock:proof-point',
    factorId: 'community-beliefs-and-values',
    when: 'roadblock',
    strategyId: 'proof-point',
    strength: 1,
    rationale:
      'Let families and community leaders see the innovation succeeding with learners like their own children.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: TYPOLOGY },
  },
  {
    id: 'community-beliefs-and-values:mixed:co-design',
    factorId: 'community-beliefs-and-values',
    when: 'mixed',
    strategyId: 'co-design',
    strength: 2,
    rationale:
      'Where groups in the community see the work differently, a working group of teachers, students and community members can build one vision together.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INTERACTING },
  },
  {
    id: 'policies:roadblock:policy-network',
    factorId: 'policies',
    when: 'roadblock',
    strategyId: 'policy-network',
    strength: 2,
    rationale:
      'A network of policy actors helps the team find where current policy already backs the work and where it has to change.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: POLICY_STRATEGIES },
  },
  {
    id: 'policies:roadblock:shape-policy',
    factorId: 'policies',
    when: 'roadblock',
    strategyId: 'shape-policy',
    strength: 2,
    rationale:
      'Work for rules that open room for the innovation, as New Hampshire’s partners did when an accountability waiver let districts adopt performance assessment.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: BEST },
  },
  {
    id: 'policies:roadblock:educate-policymakers',
    factorId: 'policies',
    when: 'roadblock',
    strategyId: 'educate-policymakers',
    strength: 1,
    rationale:
      'Officials and board members who understand the innovation are more open to changing the rules around it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: POLICY_STRATEGIES },
  },
  {
    id: 'large-scale-events:roadblock:network-of-users',
    factorId: 'large-scale-events',
    when: 'roadblock',
    strategyId: 'network-of-users',
    strength: 1,
    rationale: 'Keep current users connected so the work keeps its momentum while attention is elsewhere.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  {
    id: 'large-scale-events:roadblock:scalable-characteristics',
    factorId: 'large-scale-events',
    when: 'roadblock',
    strategyId: 'scalable-characteristics',
    strength: 1,
    rationale: 'Break the work into smaller steps that still fit when a crisis crowds the agenda.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  // ── Supports worth leveraging ─────────────────────────────────────────────────────────────────
  {
    id: 'observability:support:proof-point',
    factorId: 'observability',
    when: 'support',
    strategyId: 'proof-point',
    strength: 2,
    rationale: 'Practice and results that are easy to see are exactly what a showcase site needs.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'compatibility:support:local-champions',
    factorId: 'compatibility',
    when: 'support',
    strategyId: 'local-champions',
    strength: 1,
    rationale:
      'Give champions the story of how the innovation fits current priorities so they can explain it to peers, families and leaders.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INTERACTING },
  },
  {
    id: 'attitudes:support:local-champions',
    factorId: 'attitudes',
    when: 'support',
    strategyId: 'local-champions',
    strength: 2,
    rationale: 'Educators who already value the innovation are natural candidates to become its champions.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'emotions:support:co-design',
    factorId: 'emotions',
    when: 'support',
    strategyId: 'co-design',
    strength: 1,
    rationale:
      'Keep the inclusive process that is generating enthusiasm, and turn that energy into concrete changes in school routines.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INFLEXION },
  },
  {
    id: 'emotions:support:network-of-users',
    factorId: 'emotions',
    when: 'support',
    strategyId: 'network-of-users',
    strength: 1,
    rationale: 'Connect enthusiastic users to one another so that their energy spreads and lasts.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'personality-and-style:support:local-champions',
    factorId: 'personality-and-style',
    when: 'support',
    strategyId: 'local-champions',
    strength: 2,
    rationale: 'Confident, persistent and credible educators are what a champion strategy relies on.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: EDUCATOR_FACTORS },
  },
  {
    id: 'descriptive-characteristics:support:local-champions',
    factorId: 'descriptive-characteristics',
    when: 'support',
    strategyId: 'local-champions',
    strength: 1,
    rationale: 'Experienced practitioners of the innovation can mentor colleagues who are new to it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: NETWORK_STRATEGIES },
  },
  {
    id: 'collaborative-structures:support:co-design',
    factorId: 'collaborative-structures',
    when: 'support',
    strategyId: 'co-design',
    strength: 1,
    rationale:
      'A team that joins outside expertise with district authority can run an inclusive design process in many schools quickly.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INFLEXION },
  },
  {
    id: 'leadership:support:shape-policy',
    factorId: 'leadership',
    when: 'support',
    strategyId: 'shape-policy',
    strength: 1,
    rationale:
      'Supportive leaders can write the innovation into district plans and routines, such as a rollout to every school, so that it outlasts the project.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INFLEXION },
  },
  {
    id: 'competition-for-attention:support:educate-policymakers',
    factorId: 'competition-for-attention',
    when: 'support',
    strategyId: 'educate-policymakers',
    strength: 2,
    rationale:
      'A plan or priority that the innovation serves is a lever: show decision-makers the link so that supporting the work advances their plan.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: CONDITION_FACTORS },
  },
  {
    id: 'community-beliefs-and-values:support:shape-policy',
    factorId: 'community-beliefs-and-values',
    when: 'support',
    strategyId: 'shape-policy',
    strength: 1,
    rationale:
      'A goal the community shares with the team (more students in STEM careers, say) is a message to broadcast and an alliance to build on.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: INTERACTING },
  },
  {
    id: 'policies:support:policy-network',
    factorId: 'policies',
    when: 'support',
    strategyId: 'policy-network',
    strength: 2,
    rationale: 'Use a network of policy actors to place the work where current policy already helps it.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: POLICY_STRATEGIES },
  },
  {
    id: 'policies:support:shape-policy',
    factorId: 'policies',
    when: 'support',
    strategyId: 'shape-policy',
    strength: 1,
    rationale:
      'Fit the work into the space a favourable policy opens and support the educators who opt in, as BEST did in New Hampshire.',
    source: { source: 'carnegie-2022-scaling-for-equity', section: BEST },
  },
] as const satisfies readonly FactorStrategyMatch[]);
