/**
 * A {@link ReachOverTime} from a state: the populations' curves, quantiles and restricted means,
 * the comparisons, and the projected arrival.
 *
 * @internal
 * @module
 */
import { isoDateToDay } from '../_lib/dates.js';
import { criticalZ } from '../_lib/normalQuantile.js';
import { type Note, note } from '../_lib/notes.js';
import { plusZero } from '../_lib/plusZero.js';
import { sealResult } from '../_lib/stored.js';
import { chiSquare1Upper, poissonInterval } from './_poisson.js';
import {
  type DayCounts,
  firstDayReaching,
  logRank,
  restrictedMean,
  type SurvivalCurve,
  survivalBounds,
  survivalCurve,
  survivalQuantile,
} from './_survival.js';
import type { ReachTimeConfig } from './_timeConfig.js';
import type { ReachTimeState } from './_timeState.js';
import type {
  ReachArrival,
  ReachArrivalCheck,
  ReachOverTimeNoteCode,
  ReachOverTimeReport,
  ReachTimeComparison,
  ReachTimePoint,
  ReachTimePopulation,
  ReachTimeQuantile,
} from './ReachOverTimeReport.js';

/** The ISO date of a day number (H. Hinnant's `civil_from_days`). */
export function dayToIso(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Population {
  readonly id: string;
  readonly kind: ReachTimePopulation['kind'];
  readonly counts: DayCounts;
  readonly outside: number;
  readonly reachedThenLeft: number;
  readonly curve: SurvivalCurve;
}

/** The day counts of the masks `keep` selects, summed. */
function countsOf(
  state: ReachTimeState,
  keep: (mask: number) => boolean,
): { counts: DayCounts; outside: number; left: number } {
  const bins = state.bins;
  const counts = {
    entries: new Float64Array(bins),
    events: new Float64Array(bins),
    exits: new Float64Array(bins),
    censored: new Float64Array(bins),
  };
  let outside = 0;
  let left = 0;
  for (let mask = 0; mask < state.masks; mask += 1) {
    if (!keep(mask)) continue;
    outside += state.outside[mask] as number;
    left += state.reachedThenLeft[mask] as number;
    const base = mask * bins;
    for (let day = 0; day < bins; day += 1) {
      counts.entries[day] = (counts.entries[day] as number) + (state.entries[base + day] as number);
      counts.events[day] = (counts.events[day] as number) + (state.events[base + day] as number);
      counts.exits[day] = (counts.exits[day] as number) + (state.exits[base + day] as number);
      counts.censored[day] = (counts.censored[day] as number) + (state.censored[base + day] as number);
    }
  }
  return { counts, outside, left };
}

function sum(array: Float64Array): number {
  let total = 0;
  for (const value of array) total += value;
  return total;
}

function population(
  state: ReachTimeState,
  config: ReachTimeConfig,
  id: string,
  kind: Population['kind'],
  keep: (mask: number) => boolean,
): Population {
  const { counts, outside, left } = countsOf(state, keep);
  return { id, kind, counts, outside, reachedThenLeft: left, curve: survivalCurve(counts, config.horizon) };
}

function describePopulation(
  config: ReachTimeConfig,
  pop: Population,
  z: number,
  notes: Note<ReachOverTimeNoteCode>[],
): ReachTimePopulation {
  const { curve, counts } = pop;
  const H = config.horizon;
  const n = sum(counts.entries);
  const reached = sum(counts.events);
  const exited = sum(counts.exits);
  const days: number[] = [];
  for (let t = config.every; t < H; t += config.every) days.push(t);
  days.push(H);
  let cumulativeReached = 0;
  let cumulativeExited = 0;
  let from = 1;
  let undefinedBounds = false;
  const points: ReachTimePoint[] = days.map((t) => {
    for (; from <= t; from += 1) {
      cumulativeReached += counts.events[from] as number;
      cumulativeExited += counts.exits[from] as number;
    }
    const bounds = survivalBounds(curve, t, z);
    if (bounds === null) undefinedBounds = true;
    return {
      date: dayToIso(config.periodStart + t - 1),
      day: t,
      atRisk: curve.atRisk[t] as number,
      reached: cumulativeReached,
      exited: cumulativeExited,
      share: plusZero(1 - (curve.surv[t] as number)),
      lower: bounds === null ? null : plusZero(1 - bounds[1]),
      upper: bounds === null ? null : plusZero(1 - bounds[0]),
      incidence: curve.incidence[t] as number,
      exitIncidence: curve.exitIncidence[t] as number,
    };
  });
  const field = `populations.${pop.id}`;
  if (n === 0) notes.push(note('EMPTY_POPULATION', `nobody of ${pop.id} was on the roster in the window`, field));
  else if (reached === 0) notes.push(note('NO_EVENTS', `nobody of ${pop.id} was reached by ${config.asOf}`, field));
  if (undefinedBounds) {
    notes.push(
      note('ALL_REACHED', `everyone of ${pop.id} at risk was reached: the interval is undefined from then on`, field),
    );
  }
  const cdf = (t: number) => 1 - (curve.surv[t] as number);
  const bound = (side: 0 | 1) => (t: number) => {
    const b = survivalBounds(curve, t, z);
    return b === null ? Number.NaN : 1 - b[side];
  };
  const quantiles: ReachTimeQuantile[] = config.quantiles.map((q) => {
    const first = firstDayReaching(q, H, cdf);
    return {
      q,
      reachedOn: first === null ? null : dayToIso(config.periodStart + first - 1),
      day: survivalQuantile(q, H, curve.lastTime, cdf),
      lowerDay: survivalQuantile(q, H, curve.lastTime, bound(0)),
      upperDay: survivalQuantile(q, H, curve.lastTime, bound(1)),
    };
  });
  let restricted: ReachTimePopulation['restrictedMean'] = null;
  if (n > 0) {
    const { mean, se } = restrictedMean(curve, counts, H);
    restricted = { horizon: H, days: mean, se, lower: plusZero(mean - z * se), upper: mean + z * se };
  }
  return {
    id: pop.id,
    kind: pop.kind,
    n,
    outside: pop.outside,
    reached,
    exited,
    unreached: sum(counts.censored),
    curve: points,
    quantiles,
    restrictedMean: restricted,
  };
}

function compare(
  config: ReachTimeConfig,
  group: Population,
  rest: Population,
  z: number,
  notes: Note<ReachOverTimeNoteCode>[],
): ReachTimeComparison {
  const test = logRank(group.curve, group.counts, rest.curve, rest.counts);
  const nGroup = sum(group.counts.entries);
  const nRest = sum(rest.counts.entries);
  let difference: ReachTimeComparison['restrictedMeanDifference'] = null;
  if (nGroup > 0 && nRest > 0) {
    const a = restrictedMean(group.curve, group.counts, config.horizon);
    const b = restrictedMean(rest.curve, rest.counts, config.horizon);
    const days = plusZero(a.mean - b.mean);
    const se = Math.sqrt(a.se * a.se + b.se * b.se);
    difference = { days, se, lower: plusZero(days - z * se), upper: plusZero(days + z * se) };
  }
  if (!(test.variance > 0)) {
    notes.push(
      note(
        'TEST_UNDEFINED',
        `${group.id} against the students in no focal group: no variance for the log-rank test`,
        `comparisons.${group.id}`,
      ),
    );
    return {
      id: group.id,
      against: 'none',
      observed: test.observed,
      expected: test.expected,
      chiSquare: null,
      p: null,
      hazardRatio: null,
      restrictedMeanDifference: difference,
    };
  }
  const score = test.observed - test.expected;
  const zScore = score / Math.sqrt(test.variance);
  const logHr = score / test.variance;
  const half = z / Math.sqrt(test.variance);
  return {
    id: group.id,
    against: 'none',
    observed: test.observed,
    expected: test.expected,
    chiSquare: zScore * zScore,
    p: chiSquare1Upper(zScore * zScore),
    hazardRatio: { estimate: Math.exp(logHr), lower: Math.exp(logHr - half), upper: Math.exp(logHr + half) },
    restrictedMeanDifference: difference,
  };
}

function arrivalCheck(
  config: ReachTimeConfig,
  pop: Population,
  groups: readonly string[],
  share: number,
  deadline: number,
): ReachArrivalCheck {
  const { counts } = pop;
  const H = config.horizon;
  const reachedAll = sum(counts.events);
  const reached = reachedAll - pop.reachedThenLeft;
  const n = reached + (counts.censored[H] as number);
  const needed = Math.ceil(share * n - 1e-9 * Math.max(1, n));
  const remaining = Math.max(0, needed - reached);
  const paceDays = Math.min(config.window, H);
  let paceEvents = 0;
  for (let t = H - paceDays + 1; t <= H; t += 1) paceEvents += counts.events[t] as number;
  const [low, high] = poissonInterval(paceEvents, config.confidenceLevel);
  const perDay = paceEvents / paceDays;
  const at = (rate: number) => (rate > 0 ? config.lastDay + Math.max(1, Math.ceil(remaining / rate - 1e-9)) : null);
  let status: ReachArrivalCheck['status'];
  let projected: number | null = null;
  let earliest: number | null = null;
  let latest: number | null = null;
  if (remaining === 0) {
    status = 'met';
  } else {
    projected = at(perDay);
    earliest = at(high / paceDays);
    latest = at(low / paceDays);
    status = projected === null ? 'no-pace' : projected <= deadline ? 'on-pace' : 'not-at-this-pace';
  }
  const iso = (day: number | null) => (day === null ? null : dayToIso(day));
  return {
    population: pop.id,
    focalGroups: groups,
    share,
    n,
    reached,
    needed,
    remaining,
    paceDays,
    paceEvents,
    perDay,
    perDayLower: low / paceDays,
    perDayUpper: high / paceDays,
    projectedOn: iso(projected),
    earliestOn: iso(earliest),
    latestOn: iso(latest),
    status,
  };
}

function arrival(
  config: ReachTimeConfig,
  state: ReachTimeState,
  everyone: Population,
  groups: readonly Population[],
  notes: Note<ReachOverTimeNoteCode>[],
): ReachArrival | null {
  const target = config.target;
  if (target === null) return null;
  const candidates = [config.periodEnd];
  if (target.period !== undefined) candidates.push(isoDateToDay(target.period.end) as number);
  if (target.by !== undefined) candidates.push(isoDateToDay(target.by) as number);
  if (config.arriveBy !== null) candidates.push(isoDateToDay(config.arriveBy) as number);
  const deadline = Math.min(...candidates);
  const focal = target.focalGroups ?? config.focalGroups;
  const checks = [arrivalCheck(config, everyone, [], target.overall, deadline)];
  if (target.focalRule === 'each') {
    for (const id of focal) {
      const pop = groups[config.focalGroups.indexOf(id)] as Population;
      checks.push(arrivalCheck(config, pop, [id], target.focal, deadline));
    }
  } else {
    let bits = 0;
    for (const id of focal) bits |= 1 << config.focalGroups.indexOf(id);
    const union = population(state, config, 'union', 'union', (mask) => (mask & bits) !== 0);
    checks.push(arrivalCheck(config, union, focal, target.focal, deadline));
  }
  notes.push(
    note(
      'PACE_SCENARIO',
      `a pace scenario: the last ${Math.min(config.window, config.horizon)} days' pace held constant to ${dayToIso(deadline)}, not a forecast`,
      'arrival',
    ),
  );
  return {
    basis: 'pace-scenario',
    window: config.window,
    deadline: dayToIso(deadline),
    focalRule: target.focalRule,
    checks,
  };
}

/** The result of a state. */
export function finalizeTime(config: ReachTimeConfig, state: ReachTimeState): ReachOverTimeReport {
  const z = criticalZ(config.confidenceLevel);
  const notes: Note<ReachOverTimeNoteCode>[] = [];
  if ((isoDateToDay(config.asOf) as number) > config.periodEnd) {
    notes.push(
      note(
        'ANALYSIS_ENDS_AT_PERIOD_END',
        `asOf ${config.asOf} is after the period: the analysis ends on ${config.period.end}`,
        'lastDay',
      ),
    );
  }
  const everyone = population(state, config, 'everyone', 'everyone', () => true);
  const groups = config.focalGroups.map((id, bit) =>
    population(state, config, id, 'focal-group', (mask) => (mask & (1 << bit)) !== 0),
  );
  const union = population(state, config, 'union', 'union', (mask) => mask !== 0);
  const none = population(state, config, 'none', 'none', (mask) => mask === 0);
  const all = [everyone, ...groups, union, none];
  const populations = all.map((pop) => describePopulation(config, pop, z, notes));
  const comparisons = [...groups, union].map((group) => compare(config, group, none, z, notes));
  const outsideEngagements = state.totals[2] as number;
  if (outsideEngagements > 0) {
    notes.push(
      note(
        'ENGAGEMENTS_OUTSIDE_ENROLMENT',
        `${outsideEngagements} engagements in the period fell before a student enrolled or after they left and were not counted`,
        null,
      ),
    );
  }
  const result: ReachOverTimeReport = {
    schemaVersion: 1,
    period: config.period,
    asOf: config.asOf,
    lastDay: dayToIso(config.lastDay),
    minEngagements: config.minEngagements,
    every: config.every,
    confidenceLevel: config.confidenceLevel,
    rows: state.totals[0] as number,
    excluded: state.totals[1] as number,
    populations,
    comparisons,
    arrival: arrival(config, state, everyone, groups, notes),
    notes,
  };
  return sealResult(result, 'reach-over-time report');
}
