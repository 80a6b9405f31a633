import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateToDay } from '../../src/_lib/dates.js';
import { addDays, isoOfDay } from '../../src/pitstop/_days.js';

describe('pit-stop calendar days', () => {
  it('match Python datetime (date(1970, 1, 1) + timedelta(days=d)).isoformat()', () => {
    const python: [number, string][] = [
      [0, '1970-01-01'],
      [-1, '1969-12-31'],
      [59, '1970-03-01'],
      [10956, '1999-12-31'],
      [11016, '2000-02-29'],
      [19722, '2023-12-31'],
      [20473, '2026-01-20'],
      [2932896, '9999-12-31'],
    ];
    for (const [day, iso] of python) expect(isoOfDay(day)).toBe(iso);
    expect(addDays('2026-01-20', 182)).toBe('2026-07-21');
  });

  it('turn every day number of years 0001–9999 back into its own date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        expect(isoDateToDay(isoOfDay(day))).toBe(day);
      }),
    );
  });
});
