import { invalid } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';
import { readStored } from '../_lib/stored.js';
import { keysOf, readOptions } from '../_lib/strict.js';
import { requireNumber } from '../_lib/validate.js';
import { TripTicket, type TripTicketInput } from '../framework/TripTicket.js';
import { REACH_OVER_TIME_TYPE, type ReachOverTimeReport } from '../reach/ReachOverTimeReport.js';
import type { ProjectedArrival } from './PitStopInput.js';

/** Options for {@link projectedArrivalsFromReach}. @category Pit stops */
export interface ProjectedArrivalsFromReachOptions {
  /** The index of the trip ticket's reach target the projection is for (default 0). */
  readonly target?: number;
  /**
   * The trip ticket: when given, its `arriveBy` bounds the deadline, and the projection is checked
   * against the reach target (its shares, focal rule and `minEngagements`; a target counted over
   * another period than the projection's cannot be projected from it).
   */
  readonly tripTicket?: TripTicketInput;
}

const OPTION_KEYS = keysOf<ProjectedArrivalsFromReachOptions>()('target', 'tripTicket');
/** The latest of `dates`, `null` when one is. */
const latest = (dates: readonly (string | null)[]): string | null => {
  let out: string | null = '';
  for (const date of dates) {
    if (date === null) return null;
    if (out !== null && date > out) out = date;
  }
  return out === '' ? null : out;
};

/**
 * The pit stop's projected arrival of a reach target (`projectedArrivals` of {@link PitStopInput})
 * from a reach-over-time report's arrival ({@link reach!reachOverTime} with a `target`): a pace
 * scenario, not a forecast. Every check (everyone, and the focal groups by the target's rule) must
 * arrive:
 *
 * - a check already met arrives on the report's `lastDay`; one on pace or not at this pace on its
 *   `projectedOn`; one with no pace (nobody reached in the window) never, at this pace;
 * - `metByArriveBy` is `false` when any check arrives after the deadline (or never), else `null`
 *   when any check is of an empty population (it cannot tell), else `true`. The deadline is the
 *   projection's (the earliest of its period's end, the target's `by` and the `arriveBy` it was
 *   given), and with `tripTicket` no later than the ticket's `arriveBy`;
 * - `date` is the last check's date and `interval` the latest `earliestOn` and `latestOn` (met
 *   checks: `lastDay`), each `null` when a check has none.
 *
 * A report without an arrival (no target was given) projects nothing: `[]`. With `tripTicket`, a
 * target counted over another period than the report's (reach counted in one school year says
 * nothing of the next) gets `date`, `metByArriveBy` and `interval` `null`: the projection cannot
 * tell, and the pit stop's on-course answer stays `undetermined` (`pitstop/no-projection`).
 *
 * A report this library made is read as it is; any other (stored, hand-made) is checked first.
 *
 * @category Pit stops
 * @throws ScalingNavigatorError `INVALID_INPUT` at the path of the damage for a report whose arrival
 *   is malformed or inconsistent (a status that contradicts its dates), an unknown option, a
 *   `target` that is not a reach target of the ticket, or a report projected for another share,
 *   focal rule or `minEngagements` than the ticket's target.
 * @example
 * ```ts
 * import { projectedArrivalsFromReach } from 'scaling-navigator/pitstop';
 * import { reachOverTime } from 'scaling-navigator/reach';
 * const roster = Array.from({ length: 20 }, (_, i) => ({
 *   id: `s${i}`, units: {}, groups: i < 10 ? ['el'] : [],
 *   engagedOn: i % 2 === 0 ? [`2026-09-${String(10 + i).padStart(2, '0')}`] : [],
 * }));
 * const target = { population: { unit: 'students' }, overall: 0.8, focal: 0.8, focalRule: 'union', minEngagements: 1 } as const;
 * const report = reachOverTime(roster, { focalGroups: ['el'], period: { start: '2026-08-01', end: '2027-07-31' }, asOf: '2026-09-30', target, window: 28 });
 * report.arrival?.checks.map((check) => [check.remaining, check.paceEvents]) //=> [[6, 10], [3, 5]]
 * projectedArrivalsFromReach(report)
 * //=> [{ target: 'reach:0', date: '2026-10-17', metByArriveBy: true, interval: ['2026-10-10', '2026-11-21'] }]
 * projectedArrivalsFromReach({ ...report, arrival: { ...report.arrival, deadline: 'soon' } }) //=> throws INVALID_INPUT at ['report', 'arrival', 'deadline']
 * ```
 */
export function projectedArrivalsFromReach(
  report: ReachOverTimeReport,
  options: ProjectedArrivalsFromReachOptions = {},
): ProjectedArrival[] {
  const given = readOptions<ProjectedArrivalsFromReachOptions>(options, OPTION_KEYS, ['options']);
  const read = readStored(report, REACH_OVER_TIME_TYPE, ['report']);
  const index = requireNumber(given.target ?? 0, ['options', 'target'], { integer: true, min: 0 });
  const ticket =
    given.tripTicket === undefined ? undefined : parseOrThrow(TripTicket, given.tripTicket, ['options', 'tripTicket']);
  const reachTarget = ticket?.destination.reach[index];
  if (ticket !== undefined && reachTarget === undefined) {
    invalid(
      ['options', 'target'],
      `the trip ticket has ${ticket.destination.reach.length} reach target(s); no index ${index}`,
    );
  }
  const arrival = read.arrival;
  if (arrival === null) return [];
  const id = `reach:${index}`;
  if (reachTarget !== undefined) {
    if (arrival.focalRule !== reachTarget.focalRule) {
      invalid(
        ['report', 'arrival', 'focalRule'],
        `projected with focal rule ${arrival.focalRule}; reach target ${index} uses ${reachTarget.focalRule}`,
      );
    }
    if (reachTarget.minEngagements !== undefined && read.minEngagements !== reachTarget.minEngagements) {
      invalid(
        ['report', 'minEngagements'],
        `counts ${read.minEngagements} engagement(s); reach target ${index} asks ${reachTarget.minEngagements}`,
      );
    }
    arrival.checks.forEach((check, at) => {
      const share = check.focalGroups.length === 0 ? reachTarget.overall : reachTarget.focal;
      if (check.share !== share) {
        invalid(
          ['report', 'arrival', 'checks', at, 'share'],
          `projected for a share of ${check.share}; reach target ${index} asks ${share}`,
        );
      }
    });
    const period = reachTarget.period;
    if (period !== undefined && (period.start !== read.period.start || period.end !== read.period.end)) {
      return [{ target: id, date: null, metByArriveBy: null, interval: null }];
    }
  }
  const deadline = ticket !== undefined && ticket.arriveBy < arrival.deadline ? ticket.arriveBy : arrival.deadline;
  let late = false;
  let unknown = false;
  const dates: (string | null)[] = [];
  const earliest: (string | null)[] = [];
  const latestDates: (string | null)[] = [];
  for (const check of arrival.checks) {
    if (check.n === 0) {
      unknown = true;
      continue;
    }
    const met = check.status === 'met';
    // Met by the last day analysed: whether by a deadline before it, the arrival cannot say.
    if (met && read.lastDay > deadline) {
      unknown = true;
      continue;
    }
    const on = met ? read.lastDay : check.projectedOn;
    if (on === null || on > deadline) late = true;
    dates.push(on);
    earliest.push(met ? read.lastDay : check.earliestOn);
    latestDates.push(met ? read.lastDay : check.latestOn);
  }
  return [
    {
      target: id,
      date: unknown ? null : latest(dates),
      metByArriveBy: late ? false : unknown ? null : true,
      interval: unknown ? null : [latest(earliest), latest(latestDates)],
    },
  ];
}
