/**
 * A generated statewide-like roster (seeded, deterministic) in two forms: the columnar form the
 * library counts itself, and CSV text an engine loads — the same people in both.
 */
import type { ReachColumns } from '../../src/reach/index.js';

export const SCALE_GROUPS = ['poverty', 'el', 'swd'] as const;

export interface ScaleRoster {
  readonly columns: ReachColumns;
  /** CSV with a header: district_id, school_id, is_poverty, is_el, has_iep, enrolled, sessions. */
  readonly csv: string;
}

/** `n` students in `schools` schools (10 per district); a few ineligible; engagements 0 … 14. */
export function scaleRoster(n: number, schools: number, seed: number): ScaleRoster {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: fixed seed, same roster on every machine.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const unitCodes = new Uint32Array(n);
  const groupMasks = new Uint8Array(n);
  const engagements = new Uint16Array(n);
  const eligible = new Uint8Array(n);
  const units = Array.from({ length: schools }, (_, school) => ({
    district: String(Math.floor(school / 10)),
    school: String(school),
  }));
  const lines: string[] = ['district_id,school_id,is_poverty,is_el,has_iep,enrolled,sessions'];
  for (let i = 0; i < n; i += 1) {
    const school = Math.floor(next() * schools);
    const poverty = next() < 0.45;
    const el = next() < 0.12 + (school % 7) * 0.02;
    const swd = next() < 0.14;
    const enrolled = next() >= 0.03;
    const base = poverty ? 0.45 : 0.6;
    const sessions = next() < base ? Math.floor(next() * 15) : Math.floor(next() * 2);
    unitCodes[i] = school;
    groupMasks[i] = (poverty ? 1 : 0) | (el ? 2 : 0) | (swd ? 4 : 0);
    engagements[i] = sessions;
    eligible[i] = enrolled ? 1 : 0;
    lines.push(`${Math.floor(school / 10)},${school},${poverty},${el},${swd},${enrolled},${sessions}`);
  }
  return { columns: { unitCodes, units, groupMasks, engagements, eligible }, csv: `${lines.join('\n')}\n` };
}
