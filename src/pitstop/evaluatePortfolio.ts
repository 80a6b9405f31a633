import { invalid } from '../_lib/errors.js';
import { type Note, note } from '../_lib/notes.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { requireArray, requireNonEmptyId, requireRecord } from '../_lib/validate.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { evaluateParsed } from './evaluatePitStop.js';
import { type PitStopInput, readPitStopInput } from './PitStopInput.js';
import type { PitStopReport } from './PitStopReport.js';
import { type PitStopPolicy, pitStopPolicyDefinition } from './pitStopPolicy.js';

/** One district of a state's portfolio: its id and its pit-stop evidence. @category Portfolio */
export interface PortfolioDistrict {
  readonly id: string;
  readonly pitStop: PitStopInput;
}

/** Options for {@link evaluatePortfolio}. @category Portfolio */
export interface EvaluatePortfolioOptions {
  /** Overrides of {@link DEFAULT_PIT_STOP_POLICY}, for every district (`minCellSize` for the counts). */
  readonly policy?: Partial<PitStopPolicy>;
}

/** A count of students shown or suppressed. @category Portfolio */
export interface PortfolioCell {
  readonly id: string;
  /** Students in the focal group; `null` when suppressed. */
  readonly n: number | null;
  /** Of those, how many were reached; `null` when suppressed. */
  readonly reached: number | null;
  /** reached ÷ n; `null` when suppressed or n is 0. */
  readonly rate: number | null;
  /** `'small-cell'` (a count below `minCellSize`), `'complementary'` (hidden so others cannot be differenced out), or `null`. */
  readonly suppressed: 'small-cell' | 'complementary' | null;
}

/** One district's pit stop, summarized for a state. @category Portfolio */
export interface DistrictSummary {
  readonly id: string;
  /** 1 for the district that most needs support. */
  readonly rank: number;
  /** (off course + left behind + fuel) ÷ 3, each 1 for the bad answer, ½ undetermined, 0 otherwise. */
  readonly needScore: number;
  readonly components: { readonly offCourse: number; readonly leftBehind: number; readonly fuel: number };
  readonly onCourse: PitStopReport['onCourse']['decision']['action'];
  readonly broken: PitStopReport['broken']['decision']['action'];
  readonly fuel: PitStopReport['fuel']['decision']['action'];
  readonly leftBehind: PitStopReport['leftBehind']['decision']['action'];
  readonly route: PitStopReport['route']['decision']['action'];
  readonly moneyRunsOutOn: string | null;
  /** Strategies to revise, pause or remove. */
  readonly strategiesChanging: number;
  /** Focal groups the left-behind question flagged. */
  readonly focalGroupsBehind: readonly string[];
  /** Reach of each focal group, small cells suppressed. */
  readonly focalGroups: readonly PortfolioCell[];
}

/** A state's view of its districts' journeys. @category Portfolio */
export interface PortfolioReport {
  readonly schemaVersion: 1;
  /** Districts ordered for support: highest need first, ties by id. */
  readonly districts: readonly DistrictSummary[];
  /** Each focal group over every district, small totals suppressed. */
  readonly focalGroupTotals: readonly PortfolioCell[];
  readonly notes: readonly Note<'COMPLEMENTARY_SUPPRESSION'>[];
  readonly policy: PitStopPolicy;
  readonly version: string;
}

const OPTION_KEYS = keysOf<EvaluatePortfolioOptions>()('policy');
const DISTRICT_KEYS = keysOf<PortfolioDistrict>()('id', 'pitStop');
/** The most districts one portfolio holds. */
const MAX_DISTRICTS = 100_000;

/** Code-unit order of ids (no locale: the same order on every host). */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The strategy actions that change the set. */
const CHANGING: ReadonlySet<string> = new Set(['revise', 'pause', 'remove']);

const weight = (action: string, bad: string, good: string): number => (action === bad ? 1 : action === good ? 0 : 0.5);

interface Cell {
  readonly district: number;
  readonly id: string;
  readonly n: number;
  readonly reached: number;
  suppressed: PortfolioCell['suppressed'];
}

const shown = (cell: {
  id: string;
  n: number;
  reached: number;
  suppressed: PortfolioCell['suppressed'];
}): PortfolioCell =>
  cell.suppressed === null
    ? {
        id: cell.id,
        n: cell.n,
        reached: cell.reached,
        // Never 0 here: a cell (or total) under `minCellSize` (at least 1) is suppressed.
        rate: cell.reached / cell.n,
        suppressed: null,
      }
    : { id: cell.id, n: null, reached: null, rate: null, suppressed: cell.suppressed };

/**
 * A state's view of many journeys: each district's pit stop ({@link evaluatePitStop}) summarized,
 * a need score, and the districts ordered for support.
 *
 * need score = (off course + left behind + fuel) ÷ 3, where each term is 1 when the district's
 * answer is the worrying one (`'off-course'`, `'left-behind'`, `'fuel-low'`), ½ when undetermined
 * (not knowing is itself a reason to look) and 0 otherwise; districts are ordered by score,
 * highest first, ties broken by id. The equal weights are our judgement: the Carnegie framework
 * names the questions, not their weights.
 *
 * Counts of students are suppressed where small cells would identify them (NCES SLDS Technical
 * Brief 3): a focal group's cell (students, reached) is hidden when the group, the reached or the
 * not reached number fewer than the policy's `minCellSize`; when a group's state total is shown and
 * exactly one district's cell is hidden, the next smallest cell is hidden too (complementary
 * suppression), so the total cannot be differenced back to it; a small total is hidden.
 * O(d · p) for d districts of pit-stop cost p. Same input, same report; the input is not mutated.
 *
 * @category Portfolio
 * @throws ScalingNavigatorError `INVALID_INPUT` for a malformed district (at its path), a repeated
 * district id or an unknown option; `LIMIT_EXCEEDED` for more than 100,000 districts.
 * @example
 * ```ts
 * import { evaluatePortfolio } from 'scaling-navigator/pitstop';
 * const tripTicket = {
 *   title: 'PBL for all', equityDefinition: 'Every student', scalingForEquityDefinition: 'Most students, focal first',
 *   focalGroups: [], destination: {}, arriveBy: '2027-06-30', route: [],
 *   arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
 * };
 * const people = [{ id: 'coach', hoursAvailable: 100 }];
 * const report = evaluatePortfolio([
 *   { id: 'north', pitStop: { asOf: '2026-01-20', tripTicket, resources: { budgetLeft: 900000, monthlyBurn: 10000, people, hoursNeeded: 50 } } },
 *   { id: 'south', pitStop: { asOf: '2026-01-20', tripTicket, resources: { budgetLeft: 10000, monthlyBurn: 10000, people, hoursNeeded: 50 } } },
 * ]);
 * report.districts.map((district) => [district.id, district.fuel]) //=> [['south', 'fuel-low'], ['north', 'fuel-ok']]
 * evaluatePortfolio([{ id: 'a', pitStop: { asOf: 'x', tripTicket } }]) //=> throws INVALID_INPUT at ['districts', 0, 'pitStop', 'asOf']
 * ```
 */
export function evaluatePortfolio(
  districts: readonly PortfolioDistrict[],
  options: EvaluatePortfolioOptions = {},
): PortfolioReport {
  const given = readOptions<EvaluatePortfolioOptions>(options, OPTION_KEYS, ['options']);
  const policy = pitStopPolicyDefinition.resolve(given.policy, ['options', 'policy']);
  requireArray(districts, ['districts']);
  requireDenseArray(districts, ['districts'], MAX_DISTRICTS);
  const seen = new Set<string>();
  const summaries: Omit<DistrictSummary, 'rank' | 'focalGroups'>[] = [];
  const cells: Cell[][] = [];
  districts.forEach((district, index) => {
    const path = ['districts', index];
    const record = requireRecord(district, path);
    requireKnownKeys(record, DISTRICT_KEYS, path);
    const id = requireNonEmptyId(record.id, [...path, 'id']);
    if (seen.has(id)) invalid([...path, 'id'], `district "${id}" is listed twice`);
    seen.add(id);
    const parsed = readPitStopInput(record.pitStop, [...path, 'pitStop']);
    const report = evaluateParsed(parsed, policy);
    const components = {
      offCourse: weight(report.onCourse.decision.action, 'off-course', 'on-course'),
      leftBehind: weight(report.leftBehind.decision.action, 'left-behind', 'no-one-left-behind'),
      fuel: weight(report.fuel.decision.action, 'fuel-low', 'fuel-ok'),
    };
    summaries.push({
      id,
      needScore: (components.offCourse + components.leftBehind + components.fuel) / 3,
      components,
      onCourse: report.onCourse.decision.action,
      broken: report.broken.decision.action,
      fuel: report.fuel.decision.action,
      leftBehind: report.leftBehind.decision.action,
      route: report.route.decision.action,
      moneyRunsOutOn: report.fuel.moneyRunsOutOn,
      strategiesChanging: report.strategies.filter((entry) => CHANGING.has(entry.decision.action)).length,
      focalGroupsBehind: report.leftBehind.focalGroups.filter((group) => group.behind).map((group) => group.id),
    });
    const groups = (parsed.reach?.groups ?? []).filter((group) => group.kind === 'focal');
    cells.push(
      groups.map((group) => {
        const small = (count: number) => count < policy.minCellSize;
        const hide = small(group.n) || small(group.reached) || small(group.n - group.reached);
        return {
          district: index,
          id: group.id,
          n: group.n,
          reached: group.reached,
          suppressed: hide ? 'small-cell' : null,
        };
      }),
    );
  });

  // State totals per focal group, and complementary suppression within each group.
  const notes: Note<'COMPLEMENTARY_SUPPRESSION'>[] = [];
  const groupIds = [...new Set(cells.flat().map((cell) => cell.id))].sort();
  const focalGroupTotals: PortfolioCell[] = groupIds.map((groupId) => {
    const inGroup = cells.flat().filter((cell) => cell.id === groupId);
    let n = 0;
    let reached = 0;
    for (const cell of inGroup) {
      n += cell.n;
      reached += cell.reached;
    }
    const small = n < policy.minCellSize || reached < policy.minCellSize || n - reached < policy.minCellSize;
    const total: { id: string; n: number; reached: number; suppressed: PortfolioCell['suppressed'] } = {
      id: groupId,
      n,
      reached,
      suppressed: small ? 'small-cell' : null,
    };
    if (!small && inGroup.filter((cell) => cell.suppressed !== null).length === 1) {
      const partner = inGroup
        .filter((cell) => cell.suppressed === null)
        .sort((a, b) => a.n - b.n || byId(summaries[a.district]?.id as string, summaries[b.district]?.id as string))[0];
      // There is one: a lone cell is its own total, so a lone hidden cell makes the total small too.
      (partner as Cell).suppressed = 'complementary';
      notes.push(
        note(
          'COMPLEMENTARY_SUPPRESSION',
          `${groupId}: one more district's cell is hidden so the state total cannot reveal a small one`,
          'districts',
        ),
      );
    }
    return shown(total);
  });

  const order = summaries
    .map((summary, index) => ({ summary, index }))
    .sort((a, b) => b.summary.needScore - a.summary.needScore || byId(a.summary.id, b.summary.id));
  const ranked: DistrictSummary[] = order.map(({ summary, index }, position) => ({
    // Field by field, in the summary's order (a spread of a thousand summaries is slow).
    id: summary.id,
    needScore: summary.needScore,
    components: summary.components,
    onCourse: summary.onCourse,
    broken: summary.broken,
    fuel: summary.fuel,
    leftBehind: summary.leftBehind,
    route: summary.route,
    moneyRunsOutOn: summary.moneyRunsOutOn,
    strategiesChanging: summary.strategiesChanging,
    focalGroupsBehind: summary.focalGroupsBehind,
    rank: position + 1,
    focalGroups: (cells[index] as Cell[]).map(shown),
  }));
  return sealResult({ schemaVersion: 1, districts: ranked, focalGroupTotals, notes, policy, version: LIBRARY_VERSION });
}
