import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { findEntry, requireOneOf } from '../_lib/validate.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the three basic approaches of the Carnegie framework's typology of scaling strategies, in the typology's order.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { STRATEGY_APPROACH_IDS } from 'scaling-navigator/framework';
 * STRATEGY_APPROACH_IDS //=> ['develop-scalable-innovation', 'build-educator-networks', 'influence-policymakers']
 * ```
 */
export const STRATEGY_APPROACH_IDS = /* @__PURE__ */ deepFreeze([
  'develop-scalable-innovation',
  'build-educator-networks',
  'influence-policymakers',
] as const);

/**
 * Schema for a strategy approach id: one of {@link STRATEGY_APPROACH_IDS}.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { StrategyApproachId } from 'scaling-navigator/framework';
 * StrategyApproachId.safeParse('build-educator-networks').success //=> true
 * StrategyApproachId.safeParse('lobby').success //=> false
 * ```
 */
export const StrategyApproachId = z.enum(STRATEGY_APPROACH_IDS);
/** A strategy approach id. @category Strategies */
export type StrategyApproachId = z.infer<typeof StrategyApproachId>;

const strategyApproachIdParsers = /* @__PURE__ */ schemaParsers(StrategyApproachId);

/**
 * Checks that an untrusted value is a strategy approach id (one of {@link STRATEGY_APPROACH_IDS}) and returns it, typed.
 *
 * @category Strategies
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseStrategyApproachId } from 'scaling-navigator/framework';
 * parseStrategyApproachId('build-educator-networks') //=> 'build-educator-networks'
 * parseStrategyApproachId('lobby') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseStrategyApproachId(input: unknown): StrategyApproachId {
  return strategyApproachIdParsers.parse(input);
}

/**
 * Like {@link parseStrategyApproachId}, but returns the error instead of throwing.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { safeParseStrategyApproachId } from 'scaling-navigator/framework';
 * safeParseStrategyApproachId('build-educator-networks') //=> { success: true, data: 'build-educator-networks' }
 * safeParseStrategyApproachId('lobby').success //=> false
 * ```
 */
export function safeParseStrategyApproachId(input: unknown): SafeParseResult<StrategyApproachId> {
  return strategyApproachIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link STRATEGY_APPROACHES}.
 *
 * @category Strategies
 */
export interface StrategyApproachEntry {
  /** Stable id used across the library. */
  readonly id: StrategyApproachId;
  /** The approach's name in the typology (Carnegie framework, Table 2). */
  readonly label: string;
  /** What the approach works on, in our words. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The three basic approaches that group the scaling strategies (Carnegie framework, Component 2): work on the
 * innovation itself, work through networks of educators, or work on the policy environment.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { STRATEGY_APPROACHES } from 'scaling-navigator/framework';
 * STRATEGY_APPROACHES.map((approach) => approach.label) //=> ['Develop a scalable innovation', 'Build and leverage educator networks', 'Influence state or local policymakers']
 * ```
 */
export const STRATEGY_APPROACHES = /* @__PURE__ */ deepFreeze([
  {
    id: 'develop-scalable-innovation',
    label: 'Develop a scalable innovation',
    description:
      'Work on the innovation itself: who designs it with the team, and which of its qualities make it easier to take up in many classrooms and schools.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Identifying or Developing a Scalable Innovation',
    },
  },
  {
    id: 'build-educator-networks',
    label: 'Build and leverage educator networks',
    description:
      'Grow the social ties among educators who already use the innovation, so that more educators hear about it, see it working and join in.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Build and Leverage Educator Networks',
    },
  },
  {
    id: 'influence-policymakers',
    label: 'Influence state or local policymakers',
    description:
      'Make the state and district policy environment work for scale: line the innovation up with the policies already in force, or prepare the ground for new policies that help it spread and last.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Influencing State and District Policymakers',
    },
  },
] as const satisfies readonly StrategyApproachEntry[]);

/**
 * The ids of the eight scaling strategies of the Carnegie framework's typology, grouped by approach in the typology's order.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { STRATEGY_IDS } from 'scaling-navigator/framework';
 * STRATEGY_IDS.length //=> 8
 * STRATEGY_IDS.slice(0, 3) //=> ['co-design', 'scalable-characteristics', 'proof-point']
 * ```
 */
export const STRATEGY_IDS = /* @__PURE__ */ deepFreeze([
  'co-design',
  'scalable-characteristics',
  'proof-point',
  'network-of-users',
  'local-champions',
  'policy-network',
  'shape-policy',
  'educate-policymakers',
] as const);

/**
 * Schema for a scaling strategy id: one of {@link STRATEGY_IDS}.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { StrategyId } from 'scaling-navigator/framework';
 * StrategyId.safeParse('proof-point').success //=> true
 * StrategyId.safeParse('proof point').success //=> false
 * ```
 */
export const StrategyId = z.enum(STRATEGY_IDS);
/** A scaling strategy id. @category Strategies */
export type StrategyId = z.infer<typeof StrategyId>;

const strategyIdParsers = /* @__PURE__ */ schemaParsers(StrategyId);

/**
 * Checks that an untrusted value is a strategy id (one of {@link STRATEGY_IDS}) and returns it, typed.
 *
 * @category Strategies
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseStrategyId } from 'scaling-navigator/framework';
 * parseStrategyId('proof-point') //=> 'proof-point'
 * parseStrategyId('proof point') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseStrategyId(input: unknown): StrategyId {
  return strategyIdParsers.parse(input);
}

/**
 * Like {@link parseStrategyId}, but returns the error instead of throwing.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { safeParseStrategyId } from 'scaling-navigator/framework';
 * safeParseStrategyId('proof-point') //=> { success: true, data: 'proof-point' }
 * safeParseStrategyId('proof point').success //=> false
 * ```
 */
export function safeParseStrategyId(input: unknown): SafeParseResult<StrategyId> {
  return strategyIdParsers.safeParse(input);
}

/**
 * One concrete step of a strategy's theory of action: what people do, in order, for the strategy to
 * have its effect (the Carnegie framework warns that a strategy without such steps rests on a vague theory).
 *
 * @category Strategies
 */
export interface TheoryOfActionStep {
  /** Id of the step, unique within its strategy. */
  readonly id: string;
  /** A short name for the step. */
  readonly label: string;
  /** What happens in the step, in our words. */
  readonly description: string;
}

/**
 * The shape of one entry of {@link STRATEGIES}.
 *
 * @category Strategies
 */
export interface StrategyEntry {
  /** Stable id used across the library. */
  readonly id: StrategyId;
  /** The approach the strategy belongs to. */
  readonly approach: StrategyApproachId;
  /** The strategy's name in the typology (Carnegie framework, Table 2). */
  readonly label: string;
  /** What the strategy does, in our words. */
  readonly description: string;
  /** What an equity-focused version of the strategy does differently. */
  readonly equityEmphasis: string;
  /** The steps that make the strategy's theory of action concrete, in order. */
  readonly theoryOfAction: readonly TheoryOfActionStep[];
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The eight scaling strategies of the Carnegie framework's typology (Table 2), each with what an equity-focused version
 * does and the steps of a concrete theory of action. A team's strategy set is drawn from these.
 *
 * @category Strategies
 * @example
 * ```ts
 * import { STRATEGIES } from 'scaling-navigator/framework';
 * STRATEGIES.filter((strategy) => strategy.approach === 'develop-scalable-innovation').map((strategy) => strategy.label) //=> ['Co-design an innovation', 'Design an innovation with scalable characteristics']
 * STRATEGIES[2].theoryOfAction.length //=> 5
 * ```
 */
export const STRATEGIES = /* @__PURE__ */ deepFreeze([
  {
    id: 'co-design',
    approach: 'develop-scalable-innovation',
    label: 'Co-design an innovation',
    description:
      'Create the innovation jointly with the educators and others who will put it into practice: shared inquiry and making across roles, which builds their commitment and fits the design to the setting.',
    equityEmphasis:
      'Design with the people most affected by the problem the innovation addresses, not only with its future users, and deliberately bring in diverse ideas, experiences and identities so that the work can change outcomes for students of color, students in low-income families and other groups the system has historically underserved.',
    theoryOfAction: [
      {
        id: 'recruit-and-engage-stakeholders',
        label: 'Think through stakeholder recruitment and engagement',
        description: 'Decide who is invited into the design work, how they are reached and how they will take part.',
      },
      {
        id: 'co-creation-mindset',
        label: 'Adopt a co-creation mindset',
        description: 'Treat the work as building with partners, never building for them.',
      },
      {
        id: 'community-guidelines',
        label: 'Agree community guidelines for equity of voice',
        description:
          'Write the working agreements together so that every participant is heard equally and the partnership stays mutual.',
      },
      {
        id: 'asset-mapping',
        label: 'Map assets',
        description: 'Identify the strengths each person and group brings to the partnership and make use of them.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Identifying or Developing a Scalable Innovation',
    },
  },
  {
    id: 'scalable-characteristics',
    approach: 'develop-scalable-innovation',
    label: 'Design an innovation with scalable characteristics',
    description:
      'Shape the innovation on purpose so that it is easy to take up: it can be tried safely, its use and results can be seen, it fits what educators already do and value, it can be adapted, and it does not seem too complex.',
    // no explicit equity note in the Carnegie framework: grounded in its general guidance that a destination for equity
    // attends most to students furthest from opportunity and that strategies must be affordable for all partners.
    equityEmphasis:
      'Judge each characteristic from the standpoint of the schools that serve students furthest from opportunity: the innovation should fit their practices and needs, be possible to try without resources they lack, and show visible results with their students.',
    theoryOfAction: [
      {
        id: 'connect-to-current-practice',
        label: 'Connect to current practice',
        description:
          'Spell out the links between what educators already do and believe and what the innovation asks of them (compatibility).',
      },
      {
        id: 'make-it-safe-to-try',
        label: 'Make it safe to try',
        description: 'Give educators chances to try the innovation with nothing riding on the attempt (trialability).',
      },
      {
        id: 'make-use-and-results-visible',
        label: 'Make use and results visible',
        description: 'Let others see examples of the innovation in use and the results it brings (observability).',
      },
      {
        id: 'reduce-complexity',
        label: 'Reduce perceived complexity',
        description:
          'Break a complex innovation into moves educators can adopt one at a time, so it does not look too hard to attempt.',
      },
      {
        id: 'leave-room-to-adapt',
        label: 'Leave room to adapt',
        description:
          'Design the innovation so educators can fit it to their own students and setting while keeping its core principles (adaptability).',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Identifying or Developing a Scalable Innovation',
    },
  },
  {
    id: 'proof-point',
    approach: 'build-educator-networks',
    label: 'Use a proof point',
    description:
      'Show new or prospective users strong examples of the innovation at work in a showcase school or classroom, and connect them with the educators who practise it there.',
    equityEmphasis:
      'Show the innovation succeeding with diverse groups of learners: pick proof-point sites that resemble, by race/ethnicity and income, the schools the work aims to reach, and get strong results there without adding resources the other schools will not get.',
    theoryOfAction: [
      {
        id: 'visit-site',
        label: 'Visit the site',
        description: 'Educators go to the proof-point school or classroom to see the practice for themselves.',
      },
      {
        id: 'observe-with-protocol',
        label: 'Observe lessons with a structured observation protocol',
        description: 'A shared protocol focuses what visitors look for while they watch lessons.',
      },
      {
        id: 'guidance-from-experts',
        label: 'Get guidance on a new task from expert teachers',
        description: 'Teachers who already use the practice coach visitors in building a new instructional task.',
      },
      {
        id: 'try-and-get-feedback',
        label: 'Try the task out and get feedback',
        description: 'Visitors use the task with students and hear back on how it went.',
      },
      {
        id: 'be-accountable',
        label: 'Be accountable for implementing the task',
        description:
          'Visitors are expected to carry the task into their own classrooms, and someone checks that they do.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Scaling Strategies; Strategies That Build and Leverage Educator Networks',
    },
  },
  {
    id: 'network-of-users',
    approach: 'build-educator-networks',
    label: 'Develop and sustain a network of innovation users',
    description:
      'Keep giving the current users of the innovation ways to meet one another and trade what works, so interest, momentum and shared expertise grow over time.',
    // no explicit equity note in the Carnegie framework for this strategy in Table 2: grounded in its guidance that teams
    // scaling for equity deliberately identify and invite partners so that networks are diverse and inclusive.
    equityEmphasis:
      'Keep the network diverse and inclusive by deliberately seeking out and inviting educators whose experiences are not yet represented, including those most affected by racism and other bias in the community.',
    theoryOfAction: [
      {
        id: 'convene-users',
        label: 'Bring users together',
        description:
          'Hold regular gatherings for educators who use the innovation, such as learning showcases, summer institutes and receptions.',
      },
      {
        id: 'share-practice',
        label: 'Share what works',
        description: 'Use those occasions for users to swap practices, examples and problems.',
      },
      {
        id: 'grow-collective-expertise',
        label: 'Grow interest and collective expertise',
        description:
          'Steady contact raises educators’ interest and, little by little, what the group knows and can do together.',
      },
      {
        id: 'invite-new-members',
        label: 'Invite new and diverse members',
        description: 'Identify and invite educators who are not yet part of the network so it keeps widening.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Build and Leverage Educator Networks',
    },
  },
  {
    id: 'local-champions',
    approach: 'build-educator-networks',
    label: 'Develop local champions',
    description:
      'Grow a group of teacher-leaders in schools who speak up for the innovation among their colleagues, teach peers about it and model strong practice.',
    equityEmphasis:
      'Make sure the champions bring a range of people and perspectives, and give them the time, backing from leaders and knowledge they need to introduce the innovation to colleagues new to it, support deep use and keep it going.',
    theoryOfAction: [
      {
        id: 'identify-inclusively',
        label: 'Identify champions inclusively',
        description:
          'Use selection protocols that favour educators whose experience the leadership team lacks, or who bear the brunt of racism and other bias, institutional or personal, in the community.',
      },
      {
        id: 'choose-for-credibility',
        label: 'Choose for credibility and trust',
        description:
          'Pick teacher-leaders whom colleagues already find credible, respect and trust, ideally with strong social ties to draw on.',
      },
      {
        id: 'equip-champions',
        label: 'Give champions time, leadership support and knowledge',
        description: 'Provide the release time, the visible backing of leaders and the know-how the role demands.',
      },
      {
        id: 'spread-deepen-sustain',
        label: 'Introduce, deepen and sustain',
        description:
          'Champions introduce the innovation to colleagues who are new to it, support them in using it deeply and help keep it in use.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Build and Leverage Educator Networks',
    },
  },
  {
    id: 'policy-network',
    approach: 'influence-policymakers',
    label: 'Build/join a policy network',
    description:
      'Create, or connect to, a network of policy actors (lobbyists, nonprofit organizations, business interests, government agencies) to line the innovation up with the policies already in force.',
    // no explicit equity note in the Carnegie framework: grounded in its general guidance that strategies be acceptable to all
    // partners, not only the most powerful, and that the policy aim is the equitable spread of the innovation.
    equityEmphasis:
      'Bring into the network the voices of communities furthest from opportunity, not only the most powerful partners, and use it to push for the equitable spread of the innovation rather than spread alone.',
    theoryOfAction: [
      {
        id: 'map-policy-actors',
        label: 'Map the policy actors',
        description: 'Find the lobbyists, nonprofits, businesses and government agencies that are active on the issue.',
      },
      {
        id: 'build-or-join',
        label: 'Build or join the network',
        description: 'Form a network with those actors, or connect the team to one that already exists.',
      },
      {
        id: 'align-with-existing-policy',
        label: 'Align with existing policy',
        description:
          'Use the network to find where current policy already supports the innovation and position the work there.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Influencing State and District Policymakers',
    },
  },
  {
    id: 'shape-policy',
    approach: 'influence-policymakers',
    label: 'Shape state and local policy',
    description:
      'Work to move state and local policy toward rules that help the innovation spread and last, using lobbying, communication, alliances or education.',
    equityEmphasis:
      'Press legislators and local leaders for policies that favour the equitable spread of the innovation, reaching students furthest from opportunity first and fully.',
    theoryOfAction: [
      {
        id: 'identify-policy-levers',
        label: 'Identify policy levers and decision-makers',
        description:
          'Find the policies that could help or block the innovation and the legislators and local leaders, such as school board members, who decide them.',
      },
      {
        id: 'build-alliances',
        label: 'Build alliances',
        description: 'Join forces with others who want the same policy change.',
      },
      {
        id: 'make-the-case',
        label: 'Make the case',
        description: 'Lobby, communicate and educate to persuade decision-makers to adopt favourable policies.',
      },
      {
        id: 'use-the-opening',
        label: 'Work in the space the policy opens',
        description:
          'Once a policy creates room for the innovation, fit the work into it and support the educators who opt in.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Influencing State and District Policymakers',
    },
  },
  {
    id: 'educate-policymakers',
    approach: 'influence-policymakers',
    label: 'Educate policymakers',
    description:
      'Help state officials, system leaders and school board members understand what the innovation is and how it works, and build their will and interest in the change.',
    // no explicit equity note in the Carnegie framework: grounded in its general guidance that an equity destination gives more
    // attention to students furthest from opportunity and that teams ask who has been left behind.
    equityEmphasis:
      'Show policymakers what the innovation means for students furthest from opportunity, and who is and is not being reached yet, so that their support aims at equity and not only at reach.',
    theoryOfAction: [
      {
        id: 'identify-audiences',
        label: 'Identify the policymakers to reach',
        description: 'Name the state officials, system leaders and school board members whose understanding matters.',
      },
      {
        id: 'explain-the-innovation',
        label: 'Explain the innovation',
        description:
          'Use meetings and other contact to help them grasp what the innovation is and what it asks of schools.',
      },
      {
        id: 'build-will',
        label: 'Build will and interest',
        description:
          'Connect the innovation to what they already care about, such as a strategic plan or graduation rates, so that they want the change.',
      },
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Influencing State and District Policymakers',
    },
  },
] as const satisfies readonly StrategyEntry[]);

/**
 * Looks up a scaling strategy by id.
 *
 * @category Strategies
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getStrategy } from 'scaling-navigator/framework';
 * getStrategy('local-champions').label //=> 'Develop local champions'
 * getStrategy('proof-point').theoryOfAction.map((step) => step.id) //=> ['visit-site', 'observe-with-protocol', 'guidance-from-experts', 'try-and-get-feedback', 'be-accountable']
 * getStrategy('teleport' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getStrategy(id: StrategyId): (typeof STRATEGIES)[number] {
  return findEntry(STRATEGIES, id, 'strategy');
}

/**
 * The strategies that belong to one approach, in catalog order. O(n) in the number of strategies.
 *
 * @category Strategies
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown approach; the message lists the valid ids.
 * @example
 * ```ts
 * import { strategiesByApproach } from 'scaling-navigator/framework';
 * strategiesByApproach('influence-policymakers').map((strategy) => strategy.id) //=> ['policy-network', 'shape-policy', 'educate-policymakers']
 * strategiesByApproach('lobby' as never) //=> throws INVALID_INPUT at ['approach']
 * ```
 */
export function strategiesByApproach<A extends StrategyApproachId>(
  approach: A,
): readonly Extract<(typeof STRATEGIES)[number], { readonly approach: A }>[] {
  const known = requireOneOf(approach, STRATEGY_APPROACH_IDS, ['approach'], 'strategy approach');
  return STRATEGIES.filter(
    (entry): entry is Extract<(typeof STRATEGIES)[number], { readonly approach: A }> => entry.approach === known,
  );
}

/**
 * Looks up a strategy approach by id.
 *
 * @category Strategies
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getStrategyApproach } from 'scaling-navigator/framework';
 * getStrategyApproach('build-educator-networks').label //=> 'Build and leverage educator networks'
 * getStrategyApproach('lobby' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getStrategyApproach(id: StrategyApproachId): (typeof STRATEGY_APPROACHES)[number] {
  return findEntry(STRATEGY_APPROACHES, id, 'strategy approach');
}
