/**
 * The pilot decision engine: pilot evidence in (the four kinds of information of REL Appalachia's
 * pilot guide, the design, attrition, balancing measures, local goals), a summary by the What
 * Works Clearinghouse's rules with an indicative ESSA tier, and an explained decision out — scale
 * up, expand the pilot, pilot again, abandon, or undetermined.
 *
 * @module pilot
 */
export {
  type DecidePilotNoteCode,
  DecidePilotResult,
  decidePilot,
  PILOT_ACTIONS,
  type PilotAction,
  type PilotDecision,
  parseDecidePilotResult,
  safeParseDecidePilotResult,
} from './decidePilot.js';
export {
  PILOT_DESIGNS,
  PILOT_TEAM_ROLES,
  type PilotDesign,
  PilotEvidence,
  type PilotEvidenceInput,
  parsePilotEvidence,
  safeParsePilotEvidence,
} from './PilotEvidence.js';
export {
  type EffectFinding,
  type EffectMethod,
  type EssaReason,
  type EssaReasonCode,
  type PilotEffect,
  PilotEvidenceSummary,
  type PilotFocalEffect,
  type PilotLevelAttrition,
  type PilotNoteCode,
  type PilotOutcomeBaseline,
  type PilotOutcomeEffect,
  parsePilotEvidenceSummary,
  safeParsePilotEvidenceSummary,
} from './PilotEvidenceSummary.js';
export {
  type AttritionBoundaryRow,
  DEFAULT_PILOT_POLICY,
  definePilotPolicy,
  type PilotPolicy,
} from './pilotPolicy.js';
export { PILOT_RULES, type PilotRule } from './pilotRules.js';
export { type PilotOptions, summarizePilotEvidence } from './summarizePilotEvidence.js';
export { WWC_ATTRITION_BOUNDARIES_V4 } from './wwcAttritionBoundaries.js';
