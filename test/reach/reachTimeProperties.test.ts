/**
 * Properties of reachOverTime (fast-check): the share reached never decreases and never exceeds
 * 1, and the share actually reached (Aalen–Johansen) never exceeds 1 − S; moving every date by the
 * same number of days moves every reported date by that number and changes nothing else; merged
 * accumulators equal one pass, whatever the split; the input is not mutated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseReachTimeState,
  type ReachOverTimeReport,
  type ReachRow,
  reachOverTime,
  reachTimeAccumulator,
  serializeReachTimeState,
  shardOf,
} from '../../src/reach/index.js';
import { allFinite } from './_support.js';
import { dayOf, isoOf, toTimeColumns } from './_timeSupport.js';

const GROUPS = ['poverty', 'el'];
const H = 30;

/** A student: groups, enrolment day offset, exit offset, engagement offsets (days from the period start). */
const studentArbitrary = fc.record({
  groups: fc.subarray(GROUPS),
  enrol: fc.option(fc.integer({ min: -5, max: H + 3 }), { nil: undefined }),
  stay: fc.option(fc.integer({ min: 0, max: H + 5 }), { nil: undefined }),
  engaged: fc.array(fc.integer({ min: -3, max: H + 3 }), { maxLength: 4 }),
  eligible: fc.boolean().map((flag) => (flag ? undefined : false)),
});

const rosterArbitrary = fc.array(studentArbitrary, { maxLength: 60 });

type Student = typeof studentArbitrary extends fc.Arbitrary<infer S> ? S : never;

function toRows(students: readonly Student[], start: string): ReachRow[] {
  const p = dayOf(start);
  return students.map((student, i) => {
    const row: { -readonly [K in keyof ReachRow]: ReachRow[K] } = {
      id: `s${i}`,
      units: {},
      groups: student.groups,
      engagedOn: student.engaged.map((offset) => isoOf(p + offset)),
    };
    if (student.enrol !== undefined) row.enrolledOn = isoOf(p + student.enrol);
    if (student.stay !== undefined) row.exitedOn = isoOf(p + (student.enrol ?? 0) + student.stay);
    if (student.eligible === false) row.eligible = false;
    return row;
  });
}

const optionsAt = (start: string, minEngagements: number) => {
  const p = dayOf(start);
  return {
    focalGroups: GROUPS,
    period: { start, end: isoOf(p + 40) },
    asOf: isoOf(p + H - 1),
    every: 4,
    minEngagements,
    quantiles: [0.25, 0.5],
    target: {
      population: { unit: 'students' as const },
      minEngagements,
      overall: 0.6,
      focal: 0.6,
      focalRule: 'union' as const,
    },
    window: 7,
  };
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Every ISO date in a report moved by `days`. */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string' && ISO.test(value)) return isoOf(dayOf(value) + days);
  if (Array.isArray(value)) return value.map((entry) => shiftDates(entry, days));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, key === 'message' ? null : shiftDates(entry, days)]),
    );
  }
  return value;
}
const withoutMessages = (report: ReachOverTimeReport) => shiftDates(report, 0);

describe('reachOverTime properties', () => {
  it('the share reached never decreases, stays in [0, 1], and the share actually reached stays below it', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.integer({ min: 1, max: 3 }), (students, k) => {
        const report = reachOverTime(toRows(students, '2024-09-02'), optionsAt('2024-09-02', k));
        expect(allFinite(report)).toBe(true);
        for (const pop of report.populations) {
          let previous = 0;
          for (const point of pop.curve) {
            expect(point.share).toBeGreaterThanOrEqual(previous - 1e-15);
            expect(point.share).toBeLessThanOrEqual(1);
            expect(point.incidence).toBeLessThanOrEqual(point.share + 1e-12);
            expect(point.incidence + point.exitIncidence).toBeLessThanOrEqual(1 + 1e-12);
            if (point.lower !== null && point.upper !== null) {
              expect(point.lower).toBeLessThanOrEqual(point.share + 1e-12);
              expect(point.upper).toBeGreaterThanOrEqual(point.share - 1e-12);
            }
            previous = point.share;
          }
          expect(pop.reached + pop.exited + pop.unreached).toBe(pop.n);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('moving every date by the same number of days moves every reported date by it', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.integer({ min: -4000, max: 4000 }), (students, shift) => {
        const start = '2024-09-02';
        const moved = isoOf(dayOf(start) + shift);
        const report = reachOverTime(toRows(students, start), optionsAt(start, 1));
        const shifted = reachOverTime(toRows(students, moved), optionsAt(moved, 1));
        expect(shiftDates(shifted, 0)).toEqual(shiftDates(report, shift));
      }),
      { numRuns: 60 },
    );
  });

  it('merged accumulators (through JSON) equal one pass, for any split into shards (rows and columns)', () => {
    fc.assert(
      fc.property(rosterArbitrary, fc.integer({ min: 1, max: 4 }), fc.boolean(), (students, shards, columnar) => {
        const rows = toRows(students, '2024-09-02');
        const options = optionsAt('2024-09-02', 2);
        const acc = reachTimeAccumulator(options);
        const states = Array.from({ length: shards }, () => acc.init());
        const parts = states.map(() => [] as ReachRow[]);
        for (const row of rows) parts[shardOf(row.id, shards)]?.push(row);
        parts.forEach((part, index) => {
          const state = states[index] as ReturnType<typeof acc.init>;
          if (columnar) acc.addColumns(state, toTimeColumns(part, GROUPS));
          else for (const row of part) acc.add(state, row);
        });
        // Each shard's state goes through JSON, as a warehouse or a queue would store it.
        const stored = states.map((state) =>
          parseReachTimeState(JSON.parse(JSON.stringify(serializeReachTimeState(state)))),
        );
        const merged = stored.reduce((a, b) => acc.merge(a, b), acc.init());
        expect(acc.finalize(merged)).toEqual(reachOverTime(rows, options));
      }),
      { numRuns: 60 },
    );
  });

  it('does not mutate its input', () => {
    const rows = toRows(fc.sample(rosterArbitrary, { numRuns: 1, seed: 7 })[0] ?? [], '2024-09-02');
    const copy = structuredClone(rows);
    const options = optionsAt('2024-09-02', 1);
    const optionsCopy = structuredClone(options);
    reachOverTime(rows, options);
    expect(rows).toEqual(copy);
    expect(options).toEqual(optionsCopy);
    expect(withoutMessages(reachOverTime(rows, options))).toEqual(withoutMessages(reachOverTime(copy, optionsCopy)));
  });
});
