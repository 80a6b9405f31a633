/**
 * ISO calendar dates (`YYYY-MM-DD`) as UTC calendar days, so no result depends on the host's time
 * zone. Written by hand rather than with date-fns: date-fns works on local-time `Date`s, while a
 * calendar day needs no time zone at all, and parsing without allocating a `Date` keeps long
 * histories fast (bench/dimensions.bench.ts).
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from './errors.js';
import { describeValue } from './validate.js';

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days since 1970-01-01 for a valid ISO calendar date, or `null` if `value` is not one. */
export function isoDateToDay(value: string): number | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (!(month >= 1 && month <= 12 && day >= 1)) return null; // also rejects NaN from non-digits
  const monthLength = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (Number.isNaN(year) || day > monthLength) return null;
  return daysFromCivil(year, month, day);
}

/** A valid ISO calendar date; returns its day number. */
export function requireIsoDate(value: unknown, path: ErrorPath): number {
  const day = typeof value === 'string' ? isoDateToDay(value) : null;
  if (day === null) {
    invalid(path, `expected an ISO calendar date (YYYY-MM-DD), got ${describeValue(value)}`);
  }
  return day;
}
