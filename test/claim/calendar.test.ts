import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/claim/calendar.js';
import { digits } from '../../src/claim/digits.js';

describe('isCalendarDate', () => {
  it('agrees with the JavaScript Date calendar for years 1000-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 32 }), (y, m, d) => {
        const date = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(y, m, d)).toBe(real);
      }),
      { numRuns: 20_000 },
    );
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, Number.NaN, 1)).toBe(false);
  });
});

describe('digits', () => {
  it('reads the number of a run of ASCII digits, NaN for anything else', () => {
    expect(digits('2025-11-03', 0, 4)).toBe(2025);
    expect(digits('2025-11-03', 5, 7)).toBe(11);
    expect(digits('2025-11-03', 8, 10)).toBe(3);
    expect(digits('2025-1 -03', 5, 7)).toBeNaN();
    expect(digits('２０２５', 0, 4)).toBeNaN();
  });
});
