/**
 * The input readers of {@link runChart}: the series, phases, baselines, exclusions and
 * astronomical lines, each validated with a path under `['values']` or `['options', …]`.
 *
 * @internal
 * @module
 */

import { requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { plusZero } from '../_lib/plusZero.js';
import { isMissing, type NanPolicy, requireSeries } from '../_lib/series.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys, requireLengthAtMost } from '../_lib/strict.js';
import { requireArray, requireNumber, requireRecord } from '../_lib/validate.js';
import type { RunChartAstronomicalLines, RunChartDatedValue } from './runChart.js';

/**
 * The most points a run chart takes (and the most useful points {@link anhoejLimits} takes): a run
 * chart is read by eye, and each point becomes an object in the result.
 */
export const MAX_RUN_CHART_POINTS = 100_000_000;

const DATED_VALUE_KEYS = /* @__PURE__ */ new Set(keysOf<RunChartDatedValue>()('date', 'value'));
const LINE_KEYS = /* @__PURE__ */ keysOf<RunChartAstronomicalLines>()('above', 'below');

/** The values of a series, `null` where missing, and their dates (`null` for undated values). */
export interface ReadSeries {
  readonly values: (number | null)[];
  readonly dates: string[] | null;
}

function readDatedValues(list: readonly unknown[], nanPolicy: NanPolicy): ReadSeries {
  const values: (number | null)[] = new Array(list.length);
  const dates: string[] = new Array(list.length);
  let previousDay = Number.NEGATIVE_INFINITY;
  list.forEach((entry, index) => {
    const record = requireRecord(entry, ['values', index]);
    requireKnownKeys(record, DATED_VALUE_KEYS, ['values', index]);
    const day = requireIsoDate(record.date, ['values', index, 'date']);
    if (day <= previousDay) {
      invalid(
        ['values', index, 'date'],
        `dates must be strictly increasing: ${record.date as string} is not after ${dates[index - 1] as string}`,
      );
    }
    previousDay = day;
    dates[index] = record.date as string;
    const value = record.value;
    if (value === null || value === undefined || (nanPolicy === 'omit' && Number.isNaN(value))) {
      values[index] = null;
    } else {
      values[index] = plusZero(requireNumber(value, ['values', index, 'value']));
    }
  });
  return { values, dates };
}

/** Reads `values` (numbers, a typed array, or dated values). */
export function readValues(input: unknown, nanPolicy: NanPolicy): ReadSeries {
  if (Array.isArray(input)) {
    requireDenseArray(input, ['values'], MAX_RUN_CHART_POINTS);
    const first = input.find((entry) => entry !== null && entry !== undefined);
    if (typeof first === 'object') return readDatedValues(input, nanPolicy);
  }
  const series = requireSeries(input, ['values']);
  requireLengthAtMost(series.length, ['values'], MAX_RUN_CHART_POINTS, 'points');
  const values: (number | null)[] = new Array(series.length);
  for (let index = 0; index < series.length; index += 1) {
    const value = series[index];
    values[index] = isMissing(value, nanPolicy, ['values'], index) ? null : plusZero(value as number);
  }
  return { values, dates: null };
}

/** Reads `options.part`: the phase boundaries. */
export function readPart(value: unknown, n: number): number[] {
  if (value === undefined) return [];
  const list = requireArray(value, ['options', 'part']);
  requireDenseArray(list, ['options', 'part']);
  const cuts: number[] = [];
  list.forEach((entry, index) => {
    const path: ErrorPath = ['options', 'part', index];
    const cut = requireNumber(entry, path, { integer: true });
    if (cut < 1 || cut > n - 1) {
      invalid(path, `a phase boundary lies between 1 and ${n - 1} (the series has ${n} points), got ${cut}`);
    }
    const previous = cuts[index - 1];
    if (previous !== undefined && cut <= previous) {
      invalid(path, `phases overlap: each boundary must be greater than the one before (${previous}), got ${cut}`);
    }
    cuts.push(cut);
  });
  return cuts;
}

/** A phase's points, `[start, end)`. */
export interface Bounds {
  readonly start: number;
  readonly end: number;
}

/** Reads `options.freeze`: the baseline length of each phase. */
export function readFreeze(value: unknown, phases: readonly Bounds[], n: number): number[] {
  const lengths = phases.map((bounds) => bounds.end - bounds.start);
  if (value === undefined) return lengths;
  if (Array.isArray(value)) {
    requireDenseArray(value, ['options', 'freeze']);
    if (value.length !== phases.length) {
      invalid(['options', 'freeze'], `expected one entry per phase (${phases.length}), got ${value.length}`);
    }
    return lengths.map((length, index) => {
      const entry: unknown = value[index];
      if (entry === null || entry === undefined) return length;
      const path: ErrorPath = ['options', 'freeze', index];
      const freeze = requireNumber(entry, path, { integer: true, min: 1 });
      if (freeze > length)
        invalid(path, `the baseline (${freeze} points) is longer than phase ${index} (${length} points)`);
      return freeze;
    });
  }
  const freeze = requireNumber(value, ['options', 'freeze'], { integer: true, min: 1 });
  return lengths.map((length, index) => {
    if (freeze > length) {
      invalid(
        ['options', 'freeze'],
        phases.length === 1
          ? `the baseline (${freeze} points) is longer than the series (${n} points)`
          : `the baseline (${freeze} points) is longer than phase ${index} (${length} points)`,
      );
    }
    return freeze;
  });
}

/** Reads `options.exclude`: 1 at each excluded point. */
export function readExclude(value: unknown, n: number): Uint8Array {
  const excluded = new Uint8Array(n);
  if (value === undefined) return excluded;
  const list = requireArray(value, ['options', 'exclude']);
  requireDenseArray(list, ['options', 'exclude']);
  list.forEach((entry, index) => {
    const path: ErrorPath = ['options', 'exclude', index];
    const position = requireNumber(entry, path, { integer: true, min: 0 });
    if (position >= n) invalid(path, `no point ${position}: the series has ${n} points (indices from 0)`);
    if (excluded[position] === 1) invalid(path, `point ${position} is listed twice`);
    excluded[position] = 1;
  });
  return excluded;
}

/** The astronomical lines, `null` where not given. */
export interface Lines {
  readonly above: number | null;
  readonly below: number | null;
}

/** Reads `options.astronomical`, or `null` without it. */
export function readAstronomical(value: unknown): Lines | null {
  if (value === undefined) return null;
  requireRecord(value, ['options', 'astronomical']);
  const record = readOptions<RunChartAstronomicalLines>(value, LINE_KEYS, ['options', 'astronomical']);
  const above =
    record.above === undefined ? null : plusZero(requireNumber(record.above, ['options', 'astronomical', 'above']));
  const below =
    record.below === undefined ? null : plusZero(requireNumber(record.below, ['options', 'astronomical', 'below']));
  if (above === null && below === null) invalid(['options', 'astronomical'], 'give a line above, below, or both');
  if (above !== null && below !== null && below >= above) {
    invalid(['options', 'astronomical', 'below'], `must be below the upper line (${above}), got ${below}`);
  }
  return { above, below };
}
