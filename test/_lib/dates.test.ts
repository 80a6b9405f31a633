import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateToDay, requireIsoDate } from '../../src/_lib/dates.js';
import { expectError } from '../_support/expectError.js';

describe('ISO calendar dates as UTC days', () => {
  it('matches Date.UTC for every day from year 0 to 9999 (sampled) and round-trips through toISOString', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const midnight = new Date(`${iso}T00:00:00Z`).getTime();
          expect(isoDateToDay(iso)).toBe(midnight / 86_400_000);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('knows the calendar: leap years, month lengths, the epoch', () => {
    expect(isoDateToDay('1970-01-01')).toBe(0);
    expect(isoDateToDay('2000-02-29')).toBe(11_016);
    expect(isoDateToDay('2024-02-29')).not.toBeNull();
    for (const bad of [
      '1900-02-29',
      '2023-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '2025/01/01',
      '20250101',
      '2025-01-01T00:00:00Z',
      'abcd-ef-gh',
      '',
    ]) {
      expect(isoDateToDay(bad), bad).toBeNull();
    }
  });

  it('throws INVALID_INPUT with the path for anything else', () => {
    expectError(() => requireIsoDate(20250101, ['history', 2, 'date']), 'INVALID_INPUT', ['history', 2, 'date']);
    expectError(() => requireIsoDate(new Date(), ['on']), 'INVALID_INPUT', ['on']);
  });
});
