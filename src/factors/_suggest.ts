/**
 * The ranking of `suggestStrategies` for a review already read and options already resolved, so a
 * caller that read them (the pit stop) does not read them again; and the index of the
 * factor → strategy rows.
 *
 * @internal
 * @module
 */
import { type Note, note } from '../_lib/notes.js';
import type { SourceCitation } from '../framework/sources.js';
import { STRATEGIES, type StrategyId } from '../framework/strategies.js';
import type { FactorReview } from './FactorReview.js';
import type { FactorReviewPolicy } from './factorReviewPolicy.js';
import { FACTOR_STRATEGY_MATCHES, type FactorMatchCondition } from './factorStrategyMatches.js';
import type {
  StrategySuggestion,
  StrategySuggestions,
  StrategySuggestionsNoteCode,
  SuggestionAnswer,
  UnansweredFactor,
} from './suggestStrategies.js';

export interface Row {
  readonly id: SuggestionAnswer<string>['id'];
  readonly factorId: string;
  readonly when: FactorMatchCondition;
  readonly strategyId: StrategyId;
  readonly strength: 1 | 2;
  readonly rationale: string;
  readonly source: SourceCitation | null;
}

const CONDITION_ORDER: Readonly<Record<FactorMatchCondition, number>> = { roadblock: 0, mixed: 1, support: 2 };

/** Rows by factor and condition (`factorId \u0000 when`), in table order. */
export type RowIndex = Map<string, Row[]>;

export function addRow(index: RowIndex, row: Row): void {
  const key = `${row.factorId}\u0000${row.when}`;
  const list = index.get(key);
  if (list === undefined) index.set(key, [row]);
  else list.push(row);
}

let builtIn: { readonly rowIds: ReadonlySet<string>; readonly rowsFor: RowIndex } | null = null;

/** The index of the built-in factor → strategy table, built on first use (the table is frozen). */
export function builtInIndex(): { readonly rowIds: ReadonlySet<string>; readonly rowsFor: RowIndex } {
  if (builtIn === null) {
    const rowsFor: RowIndex = new Map();
    for (const row of FACTOR_STRATEGY_MATCHES) addRow(rowsFor, row);
    builtIn = { rowIds: new Set(FACTOR_STRATEGY_MATCHES.map((row) => row.id)), rowsFor };
  }
  return builtIn;
}

/**
 * `suggestStrategies` of a review already read (`readReview`) with its options already read:
 * the policy resolved, and the rows (the built-in table unless given).
 *
 * @internal
 */
export function suggestParsed(
  view: FactorReview<string>,
  policy: FactorReviewPolicy,
  leverageSupports: boolean | undefined,
  strategySet: ReadonlySet<string>,
  rowsFor: RowIndex = builtInIndex().rowsFor,
): StrategySuggestions<string> {
  const split = new Set(view.roleDisagreements.map((entry) => entry.id));
  const answersByStrategy = new Map<StrategyId, { answer: SuggestionAnswer<string>; order: number }[]>();
  const unanswered: UnansweredFactor<string>[] = [];
  view.factors.forEach((factor, order) => {
    const conditions: FactorMatchCondition[] = [];
    const { action } = factor.decision;
    if (action === 'roadblock') conditions.push('roadblock');
    if (action === 'mixed' || split.has(factor.id)) conditions.push('mixed');
    if (action === 'support' && leverageSupports !== false) conditions.push('support');
    let answeredConcern = false;
    for (const condition of conditions) {
      for (const row of rowsFor.get(`${factor.id}\u0000${condition}`) ?? []) {
        if (condition !== 'support') answeredConcern = true;
        const list = answersByStrategy.get(row.strategyId) ?? [];
        list.push({
          order,
          answer: {
            id: row.id,
            factorId: factor.id,
            as: condition,
            mean: factor.mean,
            strength: row.strength,
            rationale: row.rationale,
            source: row.source,
          },
        });
        answersByStrategy.set(row.strategyId, list);
      }
    }
    if (!answeredConcern && conditions.some((condition) => condition !== 'support')) {
      unanswered.push({ id: factor.id, action, mean: factor.mean });
    }
  });

  const unranked = STRATEGIES.flatMap((strategy, catalogIndex) => {
    const list = answersByStrategy.get(strategy.id);
    if (list === undefined) return [];
    let score = 0;
    let severity = 0;
    let leverage = 0;
    for (const { answer } of list) {
      if (answer.as === 'support') leverage += answer.strength;
      else score += answer.strength;
      if (answer.as === 'roadblock') severity += answer.strength * Math.abs(answer.mean ?? 0);
    }
    const answers = [...list]
      .sort(
        (a, b) =>
          CONDITION_ORDER[a.answer.as] - CONDITION_ORDER[b.answer.as] ||
          b.answer.strength - a.answer.strength ||
          a.order - b.order,
      )
      .map((entry) => entry.answer);
    return [
      {
        catalogIndex,
        suggestion: {
          id: strategy.id,
          approach: strategy.approach,
          label: strategy.label,
          score,
          severity,
          leverage,
          inStrategySet: strategySet.has(strategy.id),
          answers,
        },
      },
    ];
  });

  const compare = (
    a: { score: number; severity: number; leverage: number },
    b: { score: number; severity: number; leverage: number },
  ): number => {
    if (a.score !== b.score) return b.score - a.score;
    if (Math.abs(a.severity - b.severity) > policy.tolerance) return b.severity - a.severity;
    return b.leverage - a.leverage;
  };
  unranked.sort((a, b) => compare(a.suggestion, b.suggestion) || a.catalogIndex - b.catalogIndex);
  const suggestions: StrategySuggestion<string>[] = [];
  unranked.forEach(({ suggestion }, index) => {
    const previous = suggestions[index - 1];
    const rank = previous !== undefined && compare(previous, suggestion) === 0 ? previous.rank : index + 1;
    // Field by field, in the order a spread gives (rank last): a spread here is many times slower.
    suggestions.push({
      id: suggestion.id,
      approach: suggestion.approach,
      label: suggestion.label,
      score: suggestion.score,
      severity: suggestion.severity,
      leverage: suggestion.leverage,
      inStrategySet: suggestion.inStrategySet,
      answers: suggestion.answers,
      rank,
    });
  });

  const notes: Note<StrategySuggestionsNoteCode>[] = [];
  if (suggestions.length === 0 && unanswered.length === 0) {
    notes.push(
      note(
        'NOTHING_TO_ANSWER',
        'the review has no roadblock, split factor or leveraged support to answer',
        'suggestions',
      ),
    );
  }
  if (unanswered.length > 0) {
    notes.push(
      note(
        'UNANSWERED_FACTORS',
        `no row answers ${unanswered.map((factor) => `"${factor.id}"`).join(', ')}; find the team's own response or add rows with additionalMatches`,
        'unanswered',
      ),
    );
  }
  const result: StrategySuggestions<string> = {
    reviewedOn: view.reviewedOn,
    suggestions,
    unanswered,
    leverageSupports: leverageSupports !== false,
    notes,
    policy,
  };
  return result;
}
