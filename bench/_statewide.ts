/**
 * A synthetic state for the suppression bench: `schools` schools (9 per district) with about
 * 667 students each in expectation … here scaled down to `perSchool` students per school, three
 * overlapping focal flags (45%, 15%, 13%) and 0–4 engagements, from a seeded xorshift stream.
 */
import { type ReachSummary, summarizeReach } from '../src/reach/index.js';

export const STATEWIDE_GROUPS = ['poverty', 'el', 'swd'];

/** A summary by district and school of `schools` schools (9 per district), `perSchool` students each on average. */
export function statewideSummary(schools: number, perSchool = 60, seed = 1): ReachSummary {
  let state = 0x9e3779b9 ^ seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const count = schools * perSchool;
  const unitCodes = new Uint32Array(count);
  const groupMasks = new Uint8Array(count);
  const engagements = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    unitCodes[index] = Math.floor(next() * schools);
    groupMasks[index] = (next() < 0.45 ? 1 : 0) | (next() < 0.15 ? 2 : 0) | (next() < 0.13 ? 4 : 0);
    engagements[index] = Math.floor(next() * 5);
  }
  const units = Array.from({ length: schools }, (_, school) => ({
    district: `D${String(Math.floor(school / 9)).padStart(4, '0')}`,
    school: `S${String(school).padStart(5, '0')}`,
  }));
  return summarizeReach(
    { unitCodes, units, groupMasks, engagements },
    { focalGroups: STATEWIDE_GROUPS, unitLevels: ['district', 'school'], minEngagements: 2 },
  );
}
