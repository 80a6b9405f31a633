/**
 * The source sections the pit-stop rules cite (Carnegie framework, REL Appalachia, the research
 * summary on scaling up).
 *
 * @internal
 * @module
 */
export const CHECKLIST = 'Appendix: Tool #2: Pit Stop Checklist';
export const PIT_STOPS = 'Component 1: Where should we make pit stops along the way?';
export const REVISING = 'Appendix: Tool #3: Revisiting and Revising the Strategy Set';
export const ADAPTING = 'The Scaling Journey: Adapting to change over time';
export const LEARNING = 'Tracking Progress During the Scaling Journey: A Learning System';
export const DESTINATION = 'Component 1: Where are we headed on our scaling-for-equity journey?';
export const BIG_PUSH = 'At scale is not the same as sustainable';
export const SPREAD = 'Spread the intervention to a larger group';
export const INSTITUTIONALIZING = 'Institutionalizing change for sustainability';
