import { deepFreeze } from '../_lib/deepFreeze.js';
import { type Note, note } from '../_lib/notes.js';
import { isSealedResult, readStored, sealFrozenResult } from '../_lib/stored.js';
import { requireArray, requireOneOf } from '../_lib/validate.js';
import { requireOptions } from './_config.js';
import { complementCells } from './_span.js';
import type { SpanCell } from './_spanBasis.js';
import { suppressionNoteOf } from './_suppressionNotes.js';
import { type Breakdown, comparePaths, groupsOf, lowerBound } from './_suppressionScopes.js';
import { REACH_SUMMARY_TYPE, type ReachGroupStats, type ReachStats, type ReachSummary } from './ReachSummary.js';
import { policyOverSummary } from './reachPolicy.js';
import {
  type CodedRate,
  SUPPRESSED_REACH_REPORT_VERSION,
  type SuppressedCell,
  type SuppressedReachBreakdown,
  type SuppressedReachGroup,
  type SuppressedReachReport,
  type SuppressedReachStats,
  type SuppressionNoteCode,
  type SuppressSmallCellsOptions,
} from './SuppressedReachReport.js';

const OPTION_KEYS: ReadonlySet<string> = new Set(['policy', 'hierarchy']);

const NO_NOTES: readonly Note<SuppressionNoteCode>[] = Object.freeze([]);

interface Cell extends SpanCell {
  readonly scope: number;
  readonly population: string;
}

/**
 * Small-cell suppression of a reach summary for publication (NCES SLDS Technical Brief 3, 2011).
 *
 * 1. Counts of people under the policy's `minCellSize` (default 10, the most common state minimum;
 *    the summary's policy with `options.policy` on top) are hidden: group sizes (n, including
 *    everyone outside a group) and exclusions; reached counts when fewer than `minCellSize` were
 *    reached or not reached — the rate is then top- or bottom-coded (`rateCoded`) instead of shown.
 * 2. Complementary suppression: every published count is a sum of atoms (a unit of the smallest
 *    published level × a combination of focal groups), so totals, parents, "everyone else" and
 *    overlapping groups are linear relations among them; further cells are hidden until no hidden
 *    count lies in the linear span of the shown ones — it cannot be recomputed by any adding or
 *    subtracting of published numbers.
 * 3. Every statistic derived from a hidden count is hidden too: rate, interval, mean engagements,
 *    gaps, risk ratios, representation index. Histograms are dropped.
 *
 * Suppression is data, not a decision: each population's `notes` say which of its counts are
 * hidden and why (as `suppressed` lists them), and the report's `notes` how many were.
 *
 * `hierarchy` declares the published levels (default all of the summary's); units of other levels
 * are left out of the report. The protection holds within one report: two reports published
 * separately (another year, another grouping) can still be differenced against each other.
 * Non-negativity can still narrow a hidden count to a range; only exact recomputation is ruled out.
 * Near-linear in the published counts: a statewide report (9,000 schools in 1,000 districts, three
 * focal groups) takes under a second (bench/README.md, "suppression").
 *
 * A summary this library made is used as it is (it is frozen); any other — stored, sent as JSON,
 * built by hand — is checked against the {@link ReachSummary} schema first. The report is frozen.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` at the path of the damage for a summary that fails the
 *   {@link ReachSummary} schema (a missing `policy`, a count that is not a whole number, reached above
 *   n); `INCOMPATIBLE` for a summary with a newer `schemaVersion`; `INVALID_INPUT` for a bad
 *   `options.policy` (e.g. a `minCellSize` that is not a whole number ≥ 1), an unknown option, or an
 *   unknown level in `hierarchy`.
 * @example
 * ```ts
 * import { summarizeReach, suppressSmallCells } from 'scaling-navigator/reach';
 * const roster = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, units: { school: 'A' }, groups: i < 4 ? ['el'] : [], engagements: i % 2 })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ id: `b${i}`, units: { school: 'B' }, groups: i < 20 ? ['el'] : [], engagements: i % 2 })),
 * ];
 * const summary = summarizeReach(roster, { focalGroups: ['el'], unitLevels: ['school'] });
 * const report = suppressSmallCells(summary);
 * report.units[0].groups[0].n //=> null
 * report.units[1].groups[0].n //=> null
 * report.groups[0].n //=> 24
 * report.suppressed.filter((cell) => cell.count === 'n').map((cell) => `${cell.unit} ${cell.population} ${cell.reason}`)
 * //=> ['A el below-min-cell-size', 'A rest:el complementary', 'B el complementary', 'B rest:el complementary']
 * report.units[0].groups[0].notes.map((note) => `${note.field} ${note.code}`)
 * //=> ['n BELOW_MIN_CELL_SIZE', 'reached GROUP_HIDDEN', 'rest.n COMPLEMENTARY', 'rest.reached GROUP_HIDDEN']
 * suppressSmallCells(summary, { policy: { minCellSize: 0 } }) //=> throws INVALID_INPUT at ['options', 'policy', 'minCellSize']
 * suppressSmallCells({ ...summary, policy: undefined }) //=> throws INVALID_INPUT at ['summary', 'policy']
 * ```
 */
export function suppressSmallCells(
  summary: ReachSummary,
  options: SuppressSmallCellsOptions = {},
): SuppressedReachReport {
  // A summary this library made is frozen throughout; one read from storage is a fresh copy, frozen
  // here because the report shares its pieces (intervals, members, paths, policy).
  const read = readStored(summary, REACH_SUMMARY_TYPE, ['summary']);
  const report = isSealedResult(summary, 'reach summary') ? read : deepFreeze(read);
  const settings = requireOptions(options, OPTION_KEYS, ['options']);
  const policy = policyOverSummary(report.policy, settings.policy, ['summary', 'policy'], ['options', 'policy']);
  const minCell = policy.minCellSize;
  const hierarchy =
    settings.hierarchy === undefined
      ? [...report.unitLevels]
      : requireArray(settings.hierarchy, ['options', 'hierarchy']).map((level, index) =>
          requireOneOf(level, report.unitLevels, ['options', 'hierarchy', index], 'unit level'),
        );
  const published = report.unitLevels.filter((level) => hierarchy.includes(level));
  const scopes: Breakdown[] = [
    { ...report, id: null, path: [] },
    ...report.units.filter((unit) => published.includes(unit.level)),
  ];
  const deepest = published[published.length - 1];
  const leaves =
    deepest === undefined
      ? [scopes[0] as Breakdown]
      : scopes.filter((scope) => 'level' in scope && scope.level === deepest);
  const bits = report.focalGroups.length;
  const maskCount = 1 << bits;
  const bitOf = (id: string) => 1 << report.focalGroups.indexOf(id);
  const intersectionMask = (members: readonly string[]) => members.reduce((mask, id) => mask | bitOf(id), 0);
  const containsOf = (group: ReachGroupStats): ((mask: number) => boolean) => {
    if (group.kind === 'focal') return (mask) => (mask & bitOf(group.id)) !== 0;
    if (group.kind === 'union') return (mask) => mask !== 0;
    if (group.kind === 'none') return (mask) => mask === 0;
    const need = intersectionMask(group.members);
    return (mask) => (mask & need) === need;
  };
  // Leaves in path order: the leaves under a unit are one run [start, end) of them.
  const leafPaths = leaves.map((leaf) => leaf.path).sort(comparePaths);
  const leafRuns = scopes.map((scope) => {
    const start = lowerBound(leafPaths, scope.path, false);
    return [start, lowerBound(leafPaths, scope.path, true)] as const;
  });
  // The focal-group combinations of each population, computed once per population (not per unit);
  // populations with the same combinations share one id.
  const maskSets: { readonly id: number; readonly masks: number[] }[] = [];
  const maskSetByContent = new Map<string, number>();
  const maskSetByPopulation = new Map<string, { readonly id: number; readonly masks: number[] }>();
  const maskSetOf = (population: string, contains: () => (mask: number) => boolean) => {
    const known = maskSetByPopulation.get(population);
    if (known !== undefined) return known;
    const test = contains();
    const masks: number[] = [];
    for (let mask = 0; mask < maskCount; mask += 1) if (test(mask)) masks.push(mask);
    const content = masks.join(',');
    let id = maskSetByContent.get(content);
    if (id === undefined) {
      id = maskSets.length;
      maskSets.push({ id, masks });
      maskSetByContent.set(content, id);
    }
    const set = maskSets[id] as { readonly id: number; readonly masks: number[] };
    maskSetByPopulation.set(population, set);
    return set;
  };

  // The published cells of each count, deduplicated by (scope, atom set).
  const nCells: Cell[] = [];
  const reachedValues: number[] = [];
  const excludedCells: Cell[] = [];
  const addCell = (
    cells: Cell[],
    index: Map<number, number>,
    scope: number,
    population: string,
    set: { readonly id: number; readonly masks: number[] },
    value: number,
    reached: number,
  ): number => {
    const [start, end] = leafRuns[scope] as readonly [number, number];
    // Cells of one scope with the same atoms are one cell (a scope without leaves has no atoms).
    const key = start === end ? -1 : set.id;
    const found = index.get(key);
    if (found !== undefined) return found;
    cells.push({ scope, population, start, end, masks: set.masks, value });
    if (cells === nCells) reachedValues.push(reached);
    index.set(key, cells.length - 1);
    return cells.length - 1;
  };
  const everyoneSet = maskSetOf('\u0000everyone', () => () => true);
  const cellOf: { own: number; rest: number | null; excluded: number }[][] = scopes.map((scope, s) => {
    const nIndex = new Map<number, number>();
    const excludedIndex = new Map<number, number>();
    const everyone = {
      own: addCell(nCells, nIndex, s, 'everyone', everyoneSet, scope.overall.n, scope.overall.reached),
      rest: null,
      excluded: addCell(excludedCells, excludedIndex, s, 'everyone', everyoneSet, scope.overall.excluded, 0),
    };
    return [
      everyone,
      ...groupsOf(scope).map((group) => {
        const key = `${group.kind}\u0000${group.id}\u0000${group.members.join('\u0000')}`;
        const inside = maskSetOf(key, () => containsOf(group));
        const outside = maskSetOf(`rest\u0000${key}`, () => {
          const contains = containsOf(group);
          return (mask) => !contains(mask);
        });
        return {
          own: addCell(nCells, nIndex, s, group.id, inside, group.n, group.reached),
          rest: addCell(nCells, nIndex, s, `rest:${group.id}`, outside, group.rest.n, group.rest.reached),
          excluded: addCell(excludedCells, excludedIndex, s, group.id, inside, group.excluded, 0),
        };
      }),
    ];
  });

  const leafCount = leaves.length;
  const suppressed: SuppressedCell[] = [];
  // Why each cell's count is hidden (by cell index; undefined: shown). Every hidden count is recorded.
  const reasons: Record<SuppressedCell['count'], (SuppressedCell['reason'] | undefined)[]> = {
    n: new Array(nCells.length).fill(undefined),
    reached: new Array(nCells.length).fill(undefined),
    excluded: new Array(excludedCells.length).fill(undefined),
  };
  const record = (cells: Cell[], index: number, count: SuppressedCell['count'], reason: SuppressedCell['reason']) => {
    const cell = cells[index] as Cell;
    suppressed.push(
      Object.freeze({ unit: scopes[cell.scope]?.id ?? null, population: cell.population, count, reason }),
    );
    reasons[count][index] = reason;
  };
  const small = (value: number) => value > 0 && value < minCell;

  const hiddenN = new Set<number>();
  nCells.forEach((cell, index) => {
    if (small(cell.value)) {
      hiddenN.add(index);
      record(nCells, index, 'n', 'below-min-cell-size');
    }
  });
  for (const index of complementCells(leafCount, maskCount, nCells, hiddenN))
    record(nCells, index, 'n', 'complementary');

  const hiddenReached = new Set<number>();
  const coded: (CodedRate | null)[] = new Array(nCells.length).fill(null);
  nCells.forEach((cell, index) => {
    const reached = reachedValues[index] as number;
    if (reasons.n[index] !== undefined) {
      hiddenReached.add(index);
      record(nCells, index, 'reached', 'group-hidden');
    } else if (cell.value > 0 && (reached < minCell || cell.value - reached < minCell)) {
      hiddenReached.add(index);
      const low = reached < minCell;
      const high = cell.value - reached < minCell;
      coded[index] =
        low && high
          ? null
          : Object.freeze(
              low
                ? { bound: 'below', value: minCell / cell.value }
                : { bound: 'above', value: 1 - minCell / cell.value },
            );
      record(nCells, index, 'reached', 'near-0-or-100');
    }
  });
  const reachedCells = nCells.map((cell, index) => ({ ...cell, value: reachedValues[index] as number }));
  for (const index of complementCells(leafCount, maskCount, reachedCells, hiddenReached)) {
    record(nCells, index, 'reached', 'complementary');
  }

  const hiddenExcluded = new Set<number>();
  excludedCells.forEach((cell, index) => {
    if (small(cell.value)) {
      hiddenExcluded.add(index);
      record(excludedCells, index, 'excluded', 'below-min-cell-size');
    }
  });
  for (const index of complementCells(leafCount, maskCount, excludedCells, hiddenExcluded)) {
    record(excludedCells, index, 'excluded', 'complementary');
  }

  const exact = (cell: number | null) =>
    cell !== null && reasons.n[cell] === undefined && reasons.reached[cell] === undefined;
  const scopeIndex = new Map(scopes.map((scope, index) => [scope.id, index]));
  // The notes of hidden counts: one frozen note per (reason, field), shared by every population.
  const noteOf = suppressionNoteOf(minCell);
  const notesOf = (own: number, excluded: number, rest: number | null): Note<SuppressionNoteCode>[] => {
    const notes: Note<SuppressionNoteCode>[] = [];
    noteOf(notes, reasons.n[own], 'n');
    noteOf(notes, reasons.reached[own], 'reached');
    noteOf(notes, reasons.excluded[excluded], 'excluded');
    if (rest !== null) {
      noteOf(notes, reasons.n[rest], 'rest.n');
      noteOf(notes, reasons.reached[rest], 'rest.reached');
    }
    return (notes.length === 0 ? NO_NOTES : Object.freeze(notes)) as Note<SuppressionNoteCode>[];
  };
  const statsOf = (
    stats: ReachStats,
    cell: { own: number; rest?: number | null; excluded: number },
  ): SuppressedReachStats => {
    const shown = exact(cell.own);
    const rest = cell.rest ?? null;
    return {
      n: reasons.n[cell.own] === undefined ? stats.n : null,
      excluded: reasons.excluded[cell.excluded] === undefined ? stats.excluded : null,
      reached: shown ? stats.reached : null,
      rate: shown ? stats.rate : null,
      rateCoded: coded[cell.own] ?? null,
      interval: shown ? stats.interval : null,
      meanEngagements: shown ? stats.meanEngagements : null,
      notes: notesOf(cell.own, cell.excluded, rest),
    };
  };
  const breakdownOf = (scope: Breakdown, s: number): SuppressedReachBreakdown => {
    const cells = cellOf[s] as { own: number; rest: number | null; excluded: number }[];
    const everyone = cells[0] as { own: number; excluded: number };
    const noneCell = cells[1 + scope.groups.length + 1] as { own: number };
    const groups = groupsOf(scope).map((group, g): SuppressedReachGroup => {
      const cell = cells[g + 1] as { own: number; rest: number; excluded: number };
      const own = exact(cell.own);
      const rest = exact(cell.rest);
      const alternateScope = scopeIndex.get(group.alternateComparisonUnit);
      const alternateCell =
        alternateScope === undefined
          ? null
          : ((cellOf[alternateScope] as { rest: number | null }[])[g + 1]?.rest ?? null);
      return Object.freeze({
        id: group.id,
        kind: group.kind,
        members: group.members,
        ...statsOf(group, cell),
        rest: Object.freeze({
          n: reasons.n[cell.rest] === undefined ? group.rest.n : null,
          reached: rest ? group.rest.reached : null,
          rate: rest ? group.rest.rate : null,
        }),
        gap: own && rest ? group.gap : null,
        gapInterval: own && rest ? group.gapInterval : null,
        gapToNone: own && exact(noneCell.own) ? group.gapToNone : null,
        gapToNoneInterval: own && exact(noneCell.own) ? group.gapToNoneInterval : null,
        riskRatio: own && rest ? group.riskRatio : null,
        alternateRiskRatio: own && exact(alternateCell) ? group.alternateRiskRatio : null,
        alternateComparisonUnit: own && exact(alternateCell) ? group.alternateComparisonUnit : null,
        representationIndex: own && exact(everyone.own) ? group.representationIndex : null,
      });
    });
    const focal = scope.groups.length;
    return {
      overall: Object.freeze(statsOf(scope.overall, everyone)),
      groups: Object.freeze(groups.slice(0, focal)) as SuppressedReachGroup[],
      union: groups[focal] as SuppressedReachGroup,
      none: groups[focal + 1] as SuppressedReachGroup,
      intersections: Object.freeze(groups.slice(focal + 2)) as SuppressedReachGroup[],
    };
  };
  const units = scopes.slice(1).map((scope, index) => {
    const unit = scope as Breakdown & ReachSummary['units'][number];
    return Object.freeze({
      id: unit.id,
      level: unit.level,
      code: unit.code,
      path: unit.path,
      parent: unit.parent,
      ...breakdownOf(scope, index + 1),
    });
  });
  // Every object is frozen as it is built (what comes from the summary is frozen already), so the
  // report is only registered, not walked again.
  return sealFrozenResult<SuppressedReachReport>(
    Object.freeze({
      schemaVersion: SUPPRESSED_REACH_REPORT_VERSION,
      policy,
      hierarchy: Object.freeze(published) as string[],
      focalGroups: Object.freeze([...report.focalGroups]) as string[],
      minEngagements: report.minEngagements,
      ...breakdownOf(scopes[0] as Breakdown, 0),
      units: Object.freeze(units) as SuppressedReachReport['units'],
      suppressed: Object.freeze(suppressed) as SuppressedCell[],
      notes: Object.freeze(
        suppressed.length === 0
          ? []
          : [
              Object.freeze(
                note(
                  'COUNTS_SUPPRESSED',
                  `${suppressed.length} count${suppressed.length === 1 ? '' : 's'} hidden (minimum cell size ${minCell}, with complementary cells)`,
                  'suppressed',
                ),
              ),
            ],
      ) as SuppressedReachReport['notes'],
    }),
    'suppressed reach report',
  );
}
