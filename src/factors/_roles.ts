/**
 * How each role rated a factor, and the factors two roles see differently.
 *
 * @internal
 * @module
 */
import { note } from '../_lib/notes.js';
import { byText } from '../_lib/textOrder.js';
import type { CountedRating, FactorReviewEntry, RoleDisagreement, RoleRating } from './FactorReview.js';
import type { FactorReviewPolicy } from './factorReviewPolicy.js';
import { meanOf } from './factorVerdicts.js';

/** The ratings of each role, sorted by role; raters without a role are left out. @internal */
export function rolesOf(counted: readonly CountedRating[]): RoleRating[] {
  const byRole = new Map<string, { values: number[]; missing: number }>();
  for (const entry of counted) {
    if (entry.role === null) continue;
    const bucket = byRole.get(entry.role) ?? { values: [], missing: 0 };
    if (entry.rating === 'missing') bucket.missing += 1;
    else bucket.values.push(entry.rating);
    byRole.set(entry.role, bucket);
  }
  return [...byRole.keys()].sort(byText).map((role) => {
    const bucket = byRole.get(role) as { values: number[]; missing: number };
    const mean = meanOf(bucket.values);
    return {
      id: role,
      raters: bucket.values.length,
      missing: bucket.missing,
      mean,
      notes:
        mean === null ? [note('ONLY_MISSING', `every rater of role "${role}" marked the factor missing`, 'mean')] : [],
    };
  });
}

/** The disagreement between the highest and lowest role means, if their gap reaches `policy.roleGap`. @internal */
export function roleDisagreement(
  entry: FactorReviewEntry<string>,
  policy: FactorReviewPolicy,
): RoleDisagreement<string> | null {
  const rated = entry.byRole.filter((role): role is RoleRating & { mean: number } => role.mean !== null);
  if (rated.length < 2) return null;
  let highest = rated[0] as RoleRating & { mean: number };
  let lowest = highest;
  for (const role of rated) {
    if (role.mean > highest.mean) highest = role;
    if (role.mean < lowest.mean) lowest = role;
  }
  const gap = highest.mean - lowest.mean;
  const { tolerance } = policy;
  if (gap < policy.roleGap - tolerance) return null;
  return {
    id: entry.id,
    category: entry.category,
    gap,
    oppositeSides: highest.mean >= policy.supportAt - tolerance && lowest.mean <= policy.roadblockAt + tolerance,
    highest,
    lowest,
  };
}
