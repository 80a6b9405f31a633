/**
 * Schema parts of the pit-stop module's stored results ({@link PitStopReport},
 * {@link StageAssessment}, {@link PortfolioReport}): a decision citing {@link PIT_STOP_RULES} with
 * the pit-stop policy, built on the learning module's shared decision and note schemas.
 *
 * @internal
 * @module
 */
import type * as z from 'zod/mini';
import { decisionSchema } from '../learning/_resultSchemas.js';
import { type PitStopPolicy, PitStopPolicySchema } from './pitStopPolicy.js';
import { PIT_STOP_RULES } from './pitStopRules.js';

const RULE_IDS = /* @__PURE__ */ PIT_STOP_RULES.map((rule) => rule.id);

/** A pit-stop decision of `actions` (plus `'undetermined'`), citing the pit-stop rules. */
export const pitStopDecisionSchema = <const A extends string>(actions: readonly A[]) =>
  decisionSchema(actions, RULE_IDS, PitStopPolicySchema as z.ZodMiniType<PitStopPolicy>);
