import { invalid } from '../_lib/errors.js';
import { sealResult } from '../_lib/stored.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { byText } from '../_lib/textOrder.js';
import { requireArray, requireNonEmptyId, requireRecord } from '../_lib/validate.js';
import { LIBRARY_VERSION } from '../framework/version.js';
import { type Cell, isSmallCell, shown, suppressComplementary } from './_portfolioSuppression.js';
import { evaluateParsed } from './evaluatePitStop.js';
import { type PitStopInput, readPitStopInput } from './PitStopInput.js';
import type { DistrictSummary, PortfolioReport } from './PortfolioReport.js';
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

const OPTION_KEYS = keysOf<EvaluatePortfolioOptions>()('policy');
const DISTRICT_KEYS = keysOf<PortfolioDistrict>()('id', 'pitStop');
/** The most districts one portfolio holds. */
const MAX_DISTRICTS = 100_000;

/** The strategy actions that change the set. */
const CHANGING: ReadonlySet<string> = new Set(['revise', 'pause', 'remove']);

const weight = (action: string, bad: string, good: string): number => (action === bad ? 1 : action === good ? 0 : 0.5);

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
 * not reached number fewer than the policy's `minCellSize`, and so is a small state total. Then
 * complementary suppression: further cells of the group (the smallest that will do, ties by
 * district id) are hidden until the hidden cells, beyond the `minCellSize` each complementary cell
 * is known to hold, together hold at least `minCellSize` reached and `minCellSize` not-reached
 * students — so no hidden count can be worked out from the shown cells and the state total, by
 * differencing or because a hidden sum is 0 — or, when even every cell hidden would not do, the
 * state total is hidden instead.
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
        const hide = isSmallCell(group.n, group.reached, policy.minCellSize);
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
  const { totals: focalGroupTotals, notes } = suppressComplementary(
    cells,
    summaries.map((summary) => summary.id),
    policy.minCellSize,
  );

  const order = summaries
    .map((summary, index) => ({ summary, index }))
    .sort((a, b) => b.summary.needScore - a.summary.needScore || byText(a.summary.id, b.summary.id));
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
  return sealResult(
    { schemaVersion: 1, districts: ranked, focalGroupTotals, notes, policy, version: LIBRARY_VERSION },
    'portfolio report',
  );
}
