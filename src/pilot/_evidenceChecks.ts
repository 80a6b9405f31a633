/**
 * Cross-field checks of {@link PilotEvidence} shared by its refinement.
 *
 * @internal
 * @module
 */
import { firstDuplicate } from '../framework/_schemaParts.js';

export type Issue = (path: (string | number)[], message: string) => void;

export const kindOf = (group: unknown) =>
  Array.isArray(group)
    ? 'raw'
    : typeof group === 'object' && group !== null && 'successes' in group
      ? 'binary'
      : 'summary';

export function checkGroups(
  groups: { treatment: unknown; comparison: unknown },
  path: (string | number)[],
  issue: Issue,
) {
  const t = kindOf(groups.treatment);
  const c = kindOf(groups.comparison);
  if ((t === 'binary') !== (c === 'binary')) {
    issue(
      [...path, 'comparison'],
      'treatment and comparison must both be binary ({ successes, n }) or both continuous',
    );
  }
}

export function checkUnique(ids: readonly string[], path: (string | number)[], what: string, issue: Issue) {
  const duplicate = firstDuplicate(ids);
  if (duplicate) issue([...path, duplicate.index, 'id'], `duplicate ${what} id "${duplicate.value}"`);
}
