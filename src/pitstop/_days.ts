/**
 * Calendar-day arithmetic on ISO dates (UTC days since 1970-01-01), for runway and next-stop dates.
 *
 * @internal
 * @module
 */
import { isoDateToDay } from '../_lib/dates.js';

/** Day number of a date already validated as ISO. */
export function dayOf(date: string): number {
  return isoDateToDay(date) as number;
}

/** The ISO date of a day number (H. Hinnant's `civil_from_days`). */
export function isoOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return isoOfDay(dayOf(date) + days);
}
