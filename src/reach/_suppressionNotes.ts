/**
 * The notes of small-cell suppression: why each hidden count is hidden.
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import type { SuppressedCell, SuppressionNoteCode } from './SuppressedReachReport.js';

const NOTE_OF_REASON = {
  'below-min-cell-size': 'BELOW_MIN_CELL_SIZE',
  'near-0-or-100': 'NEAR_0_OR_100',
  'group-hidden': 'GROUP_HIDDEN',
  complementary: 'COMPLEMENTARY',
} as const satisfies Record<SuppressedCell['reason'], SuppressionNoteCode>;

/** The note of a count hidden for `reason`. */
function suppressionNote(
  reason: SuppressedCell['reason'],
  field: string,
  minCellSize: number,
): Note<SuppressionNoteCode> {
  const message =
    reason === 'below-min-cell-size'
      ? `fewer than ${minCellSize} people: hidden`
      : reason === 'near-0-or-100'
        ? `fewer than ${minCellSize} reached or not reached: hidden (the rate is bounded in rateCoded where it can be)`
        : reason === 'group-hidden'
          ? 'the population size is hidden, so this count is too'
          : 'hidden so that the other hidden counts cannot be recomputed from published totals';
  return note(NOTE_OF_REASON[reason], message, field);
}

/** A field of a population whose count can be hidden. */
export type NoteField = 'n' | 'reached' | 'excluded' | 'rest.n' | 'rest.reached';

/**
 * Adds the note of a hidden count to `notes`: one frozen note per (reason, field), shared by every
 * population.
 */
export function suppressionNoteOf(
  minCell: number,
): (notes: Note<SuppressionNoteCode>[], reason: SuppressedCell['reason'] | undefined, field: NoteField) => void {
  const noteCache: Record<NoteField, Map<SuppressedCell['reason'], Note<SuppressionNoteCode>>> = {
    n: new Map(),
    reached: new Map(),
    excluded: new Map(),
    'rest.n': new Map(),
    'rest.reached': new Map(),
  };
  return (notes: Note<SuppressionNoteCode>[], reason: SuppressedCell['reason'] | undefined, field: NoteField) => {
    if (reason === undefined) return;
    const cache = noteCache[field];
    let cached = cache.get(reason);
    if (cached === undefined) {
      cached = Object.freeze(suppressionNote(reason, field, minCell));
      cache.set(reason, cached);
    }
    notes.push(cached);
  };
}
