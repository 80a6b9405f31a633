/**
 * A row's enrolment dates (`enrolledOn`, `exitedOn`), read the same way by every row reader:
 * reach over time uses them, a summary only checks them.
 *
 * @internal
 * @module
 */
import { isoDateToDay, requireIsoDate } from '../_lib/dates.js';
import { type ErrorPath, invalid } from '../_lib/errors.js';

/** The day number of a row's enrolment date `key`, `fallback` when it is not given, or the error at `at(key)`. */
export function stayDay(value: unknown, at: (key: string) => ErrorPath, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  const day = typeof value === 'string' ? isoDateToDay(value) : null;
  return day === null ? requireIsoDate(value, at(key)) : day;
}

/** A row whose exit comes before its enrolment is `INVALID_INPUT` at its `exitedOn`. */
export function requireStayOrder(enrolled: number, exited: number, at: (key: string) => ErrorPath): void {
  if (exited < enrolled) invalid(at('exitedOn'), 'a student cannot leave the roster before enrolling');
}
