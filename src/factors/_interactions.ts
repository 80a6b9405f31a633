/**
 * Declared interactions as a review sees them, and the candidate interactions it proposes
 * (the Carnegie framework, "Interacting Factors and Change at Scale").
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import type { FactorInteraction } from './FactorInteraction.js';
import type {
  CandidateInteraction,
  FactorReviewEntry,
  FactorReviewNoteCode,
  InteractionReview,
} from './FactorReview.js';

type Entry = FactorReviewEntry<string>;

/** Kleene AND of "factor is strong", where an unrated factor's strength is unknown. */
function bothStrong(a: Entry, b: Entry): boolean | null {
  const strong = (entry: Entry): boolean | null => (entry.mean === null ? null : entry.strong);
  const first = strong(a);
  const second = strong(b);
  if (first === false || second === false) return false;
  if (first === null || second === null) return null;
  return true;
}

/** The review's interactions: the declared ones, then pairs of strong roadblocks not yet declared. @internal */
export function reviewInteractions(
  interactions: readonly FactorInteraction[],
  factors: readonly Entry[],
): { interactions: InteractionReview<string>[]; candidateInteractions: CandidateInteraction<string>[] } {
  const byId = new Map(factors.map((entry) => [entry.id, entry]));
  const entryOf = (id: string) => byId.get(id) as Entry;
  const declaredPairs = new Set<string>();
  const reviewed = interactions.map((interaction): InteractionReview<string> => {
    const [firstId, secondId] = interaction.factors;
    declaredPairs.add(`${firstId}\u0000${secondId}`);
    declaredPairs.add(`${secondId}\u0000${firstId}`);
    const first = entryOf(firstId);
    const second = entryOf(secondId);
    const strong = bothStrong(first, second);
    const notes: Note<FactorReviewNoteCode>[] =
      strong === null
        ? [
            note(
              'UNRATED_FACTOR',
              `"${first.mean === null ? firstId : secondId}" has no numeric rating, so whether both factors are strong is unknown`,
              'bothStrong',
            ),
          ]
        : [];
    return {
      id: interaction.id,
      factors: [firstId, secondId],
      kind: interaction.kind,
      comment: interaction.comment ?? null,
      means: [first.mean, second.mean],
      actions: [first.decision.action, second.decision.action],
      bothStrong: strong,
      notes,
    };
  });

  const strongRoadblocks = factors.filter((entry) => entry.decision.action === 'roadblock' && entry.strong);
  const candidateInteractions: CandidateInteraction<string>[] = [];
  strongRoadblocks.forEach((first, index) => {
    for (const second of strongRoadblocks.slice(index + 1)) {
      if (first.category === second.category || declaredPairs.has(`${first.id}\u0000${second.id}`)) continue;
      candidateInteractions.push({
        id: `${first.id}+${second.id}`,
        factors: [first.id, second.id],
        categories: [first.category, second.category],
        means: [first.mean as number, second.mean as number],
      });
    }
  });
  return { interactions: reviewed, candidateInteractions };
}
