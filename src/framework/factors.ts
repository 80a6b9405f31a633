import * as z from 'zod/mini';
import { deepFreeze } from '../_lib/deepFreeze.js';
import { type SafeParseResult, schemaParsers } from '../_lib/parse.js';
import { findEntry, requireOneOf } from '../_lib/validate.js';
import type { SourceCitation } from './sources.js';

/**
 * The ids of the Carnegie framework's four categories of influential factors, in the source's order.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FACTOR_CATEGORY_IDS } from 'scaling-navigator/framework';
 * FACTOR_CATEGORY_IDS //=> ['innovation', 'educators', 'improvement-team', 'conditions']
 * ```
 */
export const FACTOR_CATEGORY_IDS = /* @__PURE__ */ deepFreeze([
  'innovation',
  'educators',
  'improvement-team',
  'conditions',
] as const);

/**
 * Schema for a factor category id: one of {@link FACTOR_CATEGORY_IDS}.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FactorCategoryId } from 'scaling-navigator/framework';
 * FactorCategoryId.safeParse('conditions').success //=> true
 * FactorCategoryId.safeParse('students').success //=> false
 * ```
 */
export const FactorCategoryId = z.enum(FACTOR_CATEGORY_IDS);
/** A factor category id. @category Influential factors */
export type FactorCategoryId = z.infer<typeof FactorCategoryId>;

const factorCategoryIdParsers = /* @__PURE__ */ schemaParsers(FactorCategoryId);

/**
 * Checks that an untrusted value is a factor category id (one of {@link FACTOR_CATEGORY_IDS}) and returns it, typed.
 *
 * @category Influential factors
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseFactorCategoryId } from 'scaling-navigator/framework';
 * parseFactorCategoryId('conditions') //=> 'conditions'
 * parseFactorCategoryId('students') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseFactorCategoryId(input: unknown): FactorCategoryId {
  return factorCategoryIdParsers.parse(input);
}

/**
 * Like {@link parseFactorCategoryId}, but returns the error instead of throwing.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { safeParseFactorCategoryId } from 'scaling-navigator/framework';
 * safeParseFactorCategoryId('conditions') //=> { success: true, data: 'conditions' }
 * safeParseFactorCategoryId('students').success //=> false
 * ```
 */
export function safeParseFactorCategoryId(input: unknown): SafeParseResult<FactorCategoryId> {
  return factorCategoryIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link FACTOR_CATEGORIES}.
 *
 * @category Influential factors
 */
export interface FactorCategoryEntry {
  /** Stable id used across the library. */
  readonly id: FactorCategoryId;
  /** A short display label. */
  readonly label: string;
  /** What the category covers, in our words. */
  readonly description: string;
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The four categories of influential factors that push, pull and shape a scaling-for-equity journey
 * (Carnegie framework, Component 3): the innovation, the educators, the improvement team and the surrounding conditions.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FACTOR_CATEGORIES } from 'scaling-navigator/framework';
 * FACTOR_CATEGORIES.map((category) => category.label) //=> ['The deeper learning innovation', 'Educators', 'The improvement team', 'Community, district, and state conditions']
 * ```
 */
export const FACTOR_CATEGORIES = /* @__PURE__ */ deepFreeze([
  {
    id: 'innovation',
    label: 'The deeper learning innovation',
    description:
      'The qualities built into the design of the innovation itself, whether it is one instructional practice, a set of materials, a professional learning program or a policy, that make it easier or harder to take up.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Deeper Learning Innovation',
    },
  },
  {
    id: 'educators',
    label: 'Educators',
    description:
      'The people who put the innovation into practice (teachers, school leaders, district administrators), each bringing their own beliefs, feelings, experience and intentions.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Educators',
    },
  },
  {
    id: 'improvement-team',
    label: 'The improvement team',
    description:
      'The people who create, lead or support the innovation, often from different kinds of organizations, and the norms, routines, structures and culture they share as a team.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Improvement Team',
    },
  },
  {
    id: 'conditions',
    label: 'Community, district, and state conditions',
    description:
      'The ever-changing contexts around the effort (leaders, rival initiatives, community beliefs, policies and larger events) that press on or support the team and the innovation.',
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
] as const satisfies readonly FactorCategoryEntry[]);

/**
 * The ids of the seventeen influential factors, grouped by category in {@link FACTOR_CATEGORY_IDS} order.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FACTOR_IDS } from 'scaling-navigator/framework';
 * FACTOR_IDS.length //=> 17
 * FACTOR_IDS.slice(0, 5) //=> ['complexity', 'compatibility', 'observability', 'trialability', 'adaptability']
 * ```
 */
export const FACTOR_IDS = /* @__PURE__ */ deepFreeze([
  'complexity',
  'compatibility',
  'observability',
  'trialability',
  'adaptability',
  'attitudes',
  'emotions',
  'personality-and-style',
  'descriptive-characteristics',
  'collaborative-structures',
  'communication-mechanisms',
  'decision-making-culture',
  'leadership',
  'competition-for-attention',
  'community-beliefs-and-values',
  'policies',
  'large-scale-events',
] as const);

/**
 * Schema for an influential factor id: one of {@link FACTOR_IDS}.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FactorId } from 'scaling-navigator/framework';
 * FactorId.safeParse('competition-for-attention').success //=> true
 * FactorId.safeParse('feasibility').success //=> false
 * ```
 */
export const FactorId = z.enum(FACTOR_IDS);
/** An influential factor id. @category Influential factors */
export type FactorId = z.infer<typeof FactorId>;

const factorIdParsers = /* @__PURE__ */ schemaParsers(FactorId);

/**
 * Checks that an untrusted value is a influential factor id (one of {@link FACTOR_IDS}) and returns it, typed.
 *
 * @category Influential factors
 * @throws ScalingNavigatorError `INVALID_INPUT` for anything else, with a message listing the ids.
 * @example
 * ```ts
 * import { parseFactorId } from 'scaling-navigator/framework';
 * parseFactorId('competition-for-attention') //=> 'competition-for-attention'
 * parseFactorId('feasibility') //=> throws INVALID_INPUT at []
 * ```
 */
export function parseFactorId(input: unknown): FactorId {
  return factorIdParsers.parse(input);
}

/**
 * Like {@link parseFactorId}, but returns the error instead of throwing.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { safeParseFactorId } from 'scaling-navigator/framework';
 * safeParseFactorId('competition-for-attention') //=> { success: true, data: 'competition-for-attention' }
 * safeParseFactorId('feasibility').success //=> false
 * ```
 */
export function safeParseFactorId(input: unknown): SafeParseResult<FactorId> {
  return factorIdParsers.safeParse(input);
}

/**
 * The shape of one entry of {@link FACTORS}.
 *
 * @category Influential factors
 */
export interface FactorEntry {
  /** Stable id used across the library. */
  readonly id: FactorId;
  /** The category the factor belongs to. */
  readonly category: FactorCategoryId;
  /** The factor's name as the Carnegie framework gives it. */
  readonly label: string;
  /** What the factor is, in our words. */
  readonly description: string;
  /** Two to four questions a team asks to size up the factor, in our words. */
  readonly reflectiveQuestions: readonly string[];
  /** Where it comes from. */
  readonly source: SourceCitation;
}

/**
 * The seventeen influential factors of the Carnegie framework's Component 3, each with reflective questions (in our
 * words) that a team uses at the factor review and at every pit stop to spot roadblocks and supports.
 *
 * @category Influential factors
 * @example
 * ```ts
 * import { FACTORS } from 'scaling-navigator/framework';
 * FACTORS.filter((factor) => factor.category === 'improvement-team').map((factor) => factor.id) //=> ['collaborative-structures', 'communication-mechanisms', 'decision-making-culture']
 * FACTORS.every((factor) => factor.reflectiveQuestions.length >= 2) //=> true
 * ```
 */
export const FACTORS = /* @__PURE__ */ deepFreeze([
  {
    id: 'complexity',
    category: 'innovation',
    label: 'Complexity of the innovation',
    description:
      'How complicated the innovation is, or looks, to the educators asked to use it; the harder it seems, the less likely they are to attempt it.',
    reflectiveQuestions: [
      'How complicated is the innovation, and how does that affect teachers’ willingness to try it?',
      'What does its complexity mean for the on-the-fly changes educators may make to it?',
      'What supports have to come with the innovation for educators to carry it out?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Deeper Learning Innovation',
    },
  },
  {
    id: 'compatibility',
    category: 'innovation',
    label: 'Compatibility of the innovation with existing practices',
    description:
      'How well the innovation seems to match educators’ values, experience and needs and the instructional norms already in place.',
    reflectiveQuestions: [
      'How closely does the innovation match the district’s current instructional norms?',
      'How far from business as usual does it take educators?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Deeper Learning Innovation',
    },
  },
  {
    id: 'observability',
    category: 'innovation',
    label: 'Observability of the innovation',
    description: 'How readily other people can see the innovation in use and the results it produces.',
    reflectiveQuestions: [
      'Can others easily watch the innovation in action?',
      'Can teachers see for themselves that it is feasible to put in place?',
      'Can teachers see what it does for students?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Deeper Learning Innovation',
    },
  },
  {
    id: 'trialability',
    category: 'innovation',
    label: 'Trialability of the innovation',
    description:
      'How far educators can try the innovation out on a small scale, with no consequences attached, before committing to it (Rogers’ trialability).',
    reflectiveQuestions: [
      'Can educators try the innovation, or a piece of it, before they commit to it?',
      'Are there chances to experiment with it where nothing rides on the result?',
      'What would a low-stakes first attempt look like in our schools?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Strategies That Focus on Identifying or Developing a Scalable Innovation',
    },
  },
  {
    id: 'adaptability',
    category: 'innovation',
    label: 'Adaptability of the innovation',
    description:
      'How far the innovation can be fitted to different classrooms, schools and students while keeping what makes it work (the adaptation Rogers calls re-invention).',
    reflectiveQuestions: [
      'Can educators adjust the innovation to their own students and setting?',
      'Which parts are core and must stay, and which may change?',
      'How will we notice adaptations that drift away from the innovation’s core principles?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 2: Table 2. A Typology of Scaling Strategies',
    },
  },
  {
    id: 'attitudes',
    category: 'educators',
    label: 'Attitudes related to the innovation',
    description:
      'What educators believe about how important and useful the innovation is, and whether they feel equipped to use it.',
    reflectiveQuestions: [
      'How important do educators think the innovation is for their students’ success?',
      'How much do they think it helps them reach their own instructional goals?',
      'Do they feel they have the support they need to put it in place?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Educators',
    },
  },
  {
    id: 'emotions',
    category: 'educators',
    label: 'Emotions about the innovation',
    description: 'How educators feel about using the innovation: uneasy, eager, anxious, or enjoying it.',
    reflectiveQuestions: [
      'Do educators feel uneasy or anxious about using the innovation?',
      'Are they eager to give it a go?',
      'How much do they enjoy working with it?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Educators',
    },
  },
  {
    id: 'personality-and-style',
    category: 'educators',
    label: 'Elements of personality and style',
    description:
      'How educators meet change: their comfort with new things, their persistence, and any cynicism left behind by reforms that came and went.',
    reflectiveQuestions: [
      'How at ease are educators with trying something new?',
      'Do they keep at it, and improvise, to make the innovation work for their students?',
      'Has a history of passing initiatives left them cynical?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Educators',
    },
  },
  {
    id: 'descriptive-characteristics',
    category: 'educators',
    label: 'Descriptive characteristics',
    description:
      'Background facts about the educators, such as how long they have been in their roles and how much they have learned and practised with the innovation.',
    reflectiveQuestions: [
      'How long have the educators held their current roles?',
      'How much professional learning and hands-on practice with the innovation do they already have?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Educators',
    },
  },
  {
    id: 'collaborative-structures',
    category: 'improvement-team',
    label: 'Collaborative structures and routines',
    description: 'The regular times, habits and ground rules the team has for working together.',
    reflectiveQuestions: [
      'Does the team have set times to work together?',
      'How do members actually collaborate?',
      'Have they agreed ground rules for their joint work?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Improvement Team',
    },
  },
  {
    id: 'communication-mechanisms',
    category: 'improvement-team',
    label: 'Communication mechanisms',
    description:
      'The channels team members use to reach one another, how often they use them, and the shared terms and protocols they bring to key partners.',
    reflectiveQuestions: [
      'Which channels do team members use to reach one another, and how regularly?',
      'Has the team agreed what its key terms mean?',
      'Does it have protocols for working with key partners?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Improvement Team',
    },
  },
  {
    id: 'decision-making-culture',
    category: 'improvement-team',
    label: 'Decision-making culture',
    description:
      'How the team reaches decisions, who has the last word, and how hierarchical or flexible its ways of working are.',
    reflectiveQuestions: [
      'How does the team decide, and who has the final say?',
      'How much hierarchy is there?',
      'Are the team’s ways of collaborating fixed or flexible?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to the Improvement Team',
    },
  },
  {
    id: 'leadership',
    category: 'conditions',
    label: 'Leadership',
    description:
      'How supportive of the innovation, and how involved in the scaling work, influential community, philanthropic, district and state leaders are.',
    reflectiveQuestions: [
      'How far do influential leaders in the community, philanthropy, district and state back the innovation?',
      'How much are key leaders taking part in the scaling effort?',
      'Do those leaders consider the innovation important?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
  {
    id: 'competition-for-attention',
    category: 'conditions',
    label: 'Competition for attention',
    description:
      'The other reforms, programs and policies that already crowd the setting and compete for educators’ time and focus.',
    reflectiveQuestions: [
      'How does the innovation fit alongside the programs already under way?',
      'How can the team show the innovation helping to reach goals that others already hold?',
      'Which competing efforts need attention now, and which can wait?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
  {
    id: 'community-beliefs-and-values',
    category: 'conditions',
    label: 'Community beliefs and values',
    description:
      'What the community values in education, how it judges success, and whether it sees the innovation as worth doing.',
    reflectiveQuestions: [
      'Who shapes opinion in this community, and by what measures do they judge success in education?',
      'Does the community consider the innovation worthwhile?',
      'How do beliefs differ from one group of community members to another?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
  {
    id: 'policies',
    category: 'conditions',
    label: 'Policies',
    description: 'The policies already in force that the innovation and the strategy set may fit with or collide with.',
    reflectiveQuestions: [
      'Which existing policies can we use to support the scaling work?',
      'Which policies block the strategy set we have chosen?',
      'How should we spend our limited resources on policy issues?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
  {
    id: 'large-scale-events',
    category: 'conditions',
    label: 'Large-scale issues or events',
    description:
      'Pressing events and issues, such as safety concerns, social movements, elections, health crises or the economy, that overshadow the work and can stall or reverse it.',
    reflectiveQuestions: [
      'How do we keep our momentum while attention is elsewhere?',
      'Could we adapt the strategy set so that it advances in smaller steps?',
      'Which other scaling strategies suit the current conditions better?',
    ],
    source: {
      source: 'carnegie-2022-scaling-for-equity',
      section: 'Component 3: Influential Factors Related to Community, District, and State Conditions',
    },
  },
] as const satisfies readonly FactorEntry[]);

/**
 * Looks up an influential factor by id.
 *
 * @category Influential factors
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getFactor } from 'scaling-navigator/framework';
 * getFactor('policies').category //=> 'conditions'
 * getFactor('feasibility' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getFactor(id: FactorId): (typeof FACTORS)[number] {
  return findEntry(FACTORS, id, 'factor');
}

/**
 * The factors in one category, in catalog order. O(n) in the number of factors.
 *
 * @category Influential factors
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown category; the message lists the valid ids.
 * @example
 * ```ts
 * import { factorsByCategory } from 'scaling-navigator/framework';
 * factorsByCategory('educators').map((factor) => factor.id) //=> ['attitudes', 'emotions', 'personality-and-style', 'descriptive-characteristics']
 * factorsByCategory('students' as never) //=> throws INVALID_INPUT at ['category']
 * ```
 */
export function factorsByCategory<C extends FactorCategoryId>(
  category: C,
): readonly Extract<(typeof FACTORS)[number], { readonly category: C }>[] {
  const known = requireOneOf(category, FACTOR_CATEGORY_IDS, ['category'], 'factor category');
  return FACTORS.filter(
    (entry): entry is Extract<(typeof FACTORS)[number], { readonly category: C }> => entry.category === known,
  );
}

/**
 * Looks up a factor category by id.
 *
 * @category Influential factors
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown id; the message lists the valid ids.
 * @example
 * ```ts
 * import { getFactorCategory } from 'scaling-navigator/framework';
 * getFactorCategory('improvement-team').label //=> 'The improvement team'
 * getFactorCategory('students' as never) //=> throws INVALID_INPUT at ['id']
 * ```
 */
export function getFactorCategory(id: FactorCategoryId): (typeof FACTOR_CATEGORIES)[number] {
  return findEntry(FACTOR_CATEGORIES, id, 'factor category');
}
