/**
 * The implementation of `suppressSmallCells` before issue 12 (dense modular elimination, one span
 * rebuilt per round), kept verbatim as the reference the near-linear one must match exactly.
 * Only the imports, the name and the reading of options (taken as given) changed.
 */
import { invalid } from '../../../src/_lib/errors.js';
import { type Note, note } from '../../../src/_lib/notes.js';
import { requireArray, requireOneOf, requireRecord } from '../../../src/_lib/validate.js';
import type { ReachBreakdown, ReachGroupStats, ReachStats, ReachSummary } from '../../../src/reach/ReachSummary.js';
import { policyOverSummary } from '../../../src/reach/reachPolicy.js';
import type {
  CodedRate,
  SuppressedCell,
  SuppressedReachBreakdown,
  SuppressedReachGroup,
  SuppressedReachReport,
  SuppressedReachStats,
  SuppressionNoteCode,
  SuppressSmallCellsOptions,
} from '../../../src/reach/SuppressedReachReport.js';
import { complementCells } from './span.js';

type Breakdown = ReachBreakdown & { readonly id: string | null; readonly path: readonly string[] };

interface Cell {
  readonly scope: number;
  readonly population: string;
  readonly atoms: number[];
  readonly value: number;
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
 * O(k · c² · a) for c published counts over a atoms and k complementary cells: meant for published
 * tables (a district's report), not a whole state's school list at once.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for a bad `options.policy` (e.g. a `minCellSize` that
 *   is not a whole number ≥ 1), or an unknown level in `hierarchy`.
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
 * suppressSmallCells(summary, { policy: { minCellSize: 0 } }) //=> throws INVALID_INPUT
 * ```
 */
export function suppressSmallCellsReference(
  summary: ReachSummary,
  options: SuppressSmallCellsOptions = {},
): Omit<SuppressedReachReport, 'schemaVersion'> {
  const report = requireRecord(summary, ['summary']) as unknown as ReachSummary;
  if (!Array.isArray(report.units) || !Array.isArray(report.focalGroups)) {
    invalid(['summary'], 'expected a summary from summarizeReach');
  }
  const settings = options;
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
  const leafAtoms = scopes.map((scope) =>
    leaves.flatMap((leaf, leafIndex) =>
      scope.path.every((code, level) => leaf.path[level] === code) ? [leafIndex] : [],
    ),
  );
  const atomsOf = (scope: number, contains: (mask: number) => boolean): number[] => {
    const atoms: number[] = [];
    for (const leaf of leafAtoms[scope] as number[]) {
      for (let mask = 0; mask < maskCount; mask += 1) if (contains(mask)) atoms.push(leaf * maskCount + mask);
    }
    return atoms;
  };
  const groupsOf = (scope: Breakdown): ReachGroupStats[] => [
    ...scope.groups,
    scope.union,
    scope.none,
    ...scope.intersections,
  ];

  // The published cells of each count, deduplicated by (scope, atom set).
  const nCells: Cell[] = [];
  const reachedValues: number[] = [];
  const excludedCells: Cell[] = [];
  const nIndex = new Map<string, number>();
  const excludedIndex = new Map<string, number>();
  const addCell = (
    cells: Cell[],
    index: Map<string, number>,
    scope: number,
    population: string,
    contains: (mask: number) => boolean,
    value: number,
    reached: number,
  ): number => {
    const atoms = atomsOf(scope, contains);
    const key = `${scope}|${atoms.join(',')}`;
    const found = index.get(key);
    if (found !== undefined) return found;
    cells.push({ scope, population, atoms, value });
    if (cells === nCells) reachedValues.push(reached);
    index.set(key, cells.length - 1);
    return cells.length - 1;
  };
  const cellOf: { own: number; rest: number | null; excluded: number }[][] = scopes.map((scope, s) => {
    const everyone = {
      own: addCell(nCells, nIndex, s, 'everyone', () => true, scope.overall.n, scope.overall.reached),
      rest: null,
      excluded: addCell(excludedCells, excludedIndex, s, 'everyone', () => true, scope.overall.excluded, 0),
    };
    return [
      everyone,
      ...groupsOf(scope).map((group) => {
        const contains = containsOf(group);
        const outside = (mask: number) => !contains(mask);
        return {
          own: addCell(nCells, nIndex, s, group.id, contains, group.n, group.reached),
          rest: addCell(nCells, nIndex, s, `rest:${group.id}`, outside, group.rest.n, group.rest.reached),
          excluded: addCell(excludedCells, excludedIndex, s, group.id, contains, group.excluded, 0),
        };
      }),
    ];
  });

  const atomCount = leaves.length * maskCount;
  const suppressed: SuppressedCell[] = [];
  const reasons = {
    n: new Map<number, SuppressedCell['reason']>(),
    reached: new Map<number, SuppressedCell['reason']>(),
    excluded: new Map<number, SuppressedCell['reason']>(),
  };
  const record = (cells: Cell[], index: number, count: SuppressedCell['count'], reason: SuppressedCell['reason']) => {
    const cell = cells[index] as Cell;
    suppressed.push({ unit: scopes[cell.scope]?.id ?? null, population: cell.population, count, reason });
    reasons[count].set(index, reason);
  };
  const small = (value: number) => value > 0 && value < minCell;

  const hiddenN = new Set<number>();
  nCells.forEach((cell, index) => {
    if (small(cell.value)) {
      hiddenN.add(index);
      record(nCells, index, 'n', 'below-min-cell-size');
    }
  });
  for (const index of complementCells(atomCount, nCells, hiddenN)) record(nCells, index, 'n', 'complementary');

  const hiddenReached = new Set<number>();
  const coded = new Map<number, CodedRate | null>();
  nCells.forEach((cell, index) => {
    const reached = reachedValues[index] as number;
    if (hiddenN.has(index)) {
      hiddenReached.add(index);
      record(nCells, index, 'reached', 'group-hidden');
    } else if (cell.value > 0 && (reached < minCell || cell.value - reached < minCell)) {
      hiddenReached.add(index);
      const low = reached < minCell;
      const high = cell.value - reached < minCell;
      coded.set(
        index,
        low && high
          ? null
          : low
            ? { bound: 'below', value: minCell / cell.value }
            : { bound: 'above', value: 1 - minCell / cell.value },
      );
      record(nCells, index, 'reached', 'near-0-or-100');
    }
  });
  const reachedCells = nCells.map((cell, index) => ({ ...cell, value: reachedValues[index] as number }));
  for (const index of complementCells(atomCount, reachedCells, hiddenReached)) {
    record(nCells, index, 'reached', 'complementary');
  }

  const hiddenExcluded = new Set<number>();
  excludedCells.forEach((cell, index) => {
    if (small(cell.value)) {
      hiddenExcluded.add(index);
      record(excludedCells, index, 'excluded', 'below-min-cell-size');
    }
  });
  for (const index of complementCells(atomCount, excludedCells, hiddenExcluded)) {
    record(excludedCells, index, 'excluded', 'complementary');
  }

  const exact = (cell: number | null) => cell !== null && !hiddenN.has(cell) && !hiddenReached.has(cell);
  const scopeIndex = new Map(scopes.map((scope, index) => [scope.id, index]));
  const notesOf = (
    cells: readonly (readonly [SuppressedCell['count'], number | null, string])[],
  ): Note<SuppressionNoteCode>[] => {
    const notes: Note<SuppressionNoteCode>[] = [];
    for (const [count, index, field] of cells) {
      const reason = index === null ? undefined : reasons[count].get(index);
      if (reason !== undefined) notes.push(suppressionNote(reason, field, minCell));
    }
    return notes;
  };
  const statsOf = (
    stats: ReachStats,
    cell: { own: number; rest?: number | null; excluded: number },
  ): SuppressedReachStats => {
    const shown = exact(cell.own);
    const rest = cell.rest ?? null;
    return {
      n: hiddenN.has(cell.own) ? null : stats.n,
      excluded: hiddenExcluded.has(cell.excluded) ? null : stats.excluded,
      reached: shown ? stats.reached : null,
      rate: shown ? stats.rate : null,
      rateCoded: coded.get(cell.own) ?? null,
      interval: shown ? stats.interval : null,
      meanEngagements: shown ? stats.meanEngagements : null,
      notes: notesOf([
        ['n', cell.own, 'n'],
        ['reached', cell.own, 'reached'],
        ['excluded', cell.excluded, 'excluded'],
        ['n', rest, 'rest.n'],
        ['reached', rest, 'rest.reached'],
      ]),
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
      return {
        id: group.id,
        kind: group.kind,
        members: group.members,
        ...statsOf(group, cell),
        rest: {
          n: hiddenN.has(cell.rest) ? null : group.rest.n,
          reached: rest ? group.rest.reached : null,
          rate: rest ? group.rest.rate : null,
        },
        gap: own && rest ? group.gap : null,
        gapInterval: own && rest ? group.gapInterval : null,
        gapToNone: own && exact(noneCell.own) ? group.gapToNone : null,
        gapToNoneInterval: own && exact(noneCell.own) ? group.gapToNoneInterval : null,
        riskRatio: own && rest ? group.riskRatio : null,
        alternateRiskRatio: own && exact(alternateCell) ? group.alternateRiskRatio : null,
        alternateComparisonUnit: own && exact(alternateCell) ? group.alternateComparisonUnit : null,
        representationIndex: own && exact(everyone.own) ? group.representationIndex : null,
      };
    });
    const focal = scope.groups.length;
    return {
      overall: statsOf(scope.overall, everyone),
      groups: groups.slice(0, focal),
      union: groups[focal] as SuppressedReachGroup,
      none: groups[focal + 1] as SuppressedReachGroup,
      intersections: groups.slice(focal + 2),
    };
  };
  const units = scopes.slice(1).map((scope, index) => {
    const unit = scope as Breakdown & ReachSummary['units'][number];
    return {
      id: unit.id,
      level: unit.level,
      code: unit.code,
      path: unit.path,
      parent: unit.parent,
      ...breakdownOf(scope, index + 1),
    };
  });
  return {
    policy,
    hierarchy: published,
    focalGroups: [...report.focalGroups],
    minEngagements: report.minEngagements,
    ...breakdownOf(scopes[0] as Breakdown, 0),
    units,
    suppressed,
    notes:
      suppressed.length === 0
        ? []
        : [
            note(
              'COUNTS_SUPPRESSED',
              `${suppressed.length} count${suppressed.length === 1 ? '' : 's'} hidden (minimum cell size ${minCell}, with complementary cells)`,
              'suppressed',
            ),
          ],
  };
}

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
