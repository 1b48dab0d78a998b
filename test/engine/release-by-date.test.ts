import { isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/codeset/index.js';
import { isoDay } from '../../src/codeset/dates.js';
import { loadTestCatalog } from '../helpers/data.js';

/**
 * Every claim asks the catalog for its release by date (catalog.forDate → isoDay). The plain
 * YYYY-MM-DD case is checked by arithmetic and the answer is remembered per day string; both
 * must answer exactly as the parseISO-based check did.
 */

/** The check isoDay made for every string before the fast path (the oracle). */
function oracle(date: string): string | 'throws' {
  const parsed = parseISO(date);
  if (!/^\d{4}-\d{2}-\d{2}/.test(date) || !isValid(parsed)) return 'throws';
  return date.slice(0, 10);
}

function actual(date: string): string | 'throws' {
  try {
    return isoDay(date);
  } catch (err) {
    expect(err).toBeInstanceOf(RangeError);
    return 'throws';
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dayLike = fc
  .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const withTail = fc
  .tuple(dayLike, fc.constantFrom('', 'T00:00', 'T12:30:00Z', 'T25:00', 'Z', ' ', 'T00:00:00.000+02:00', 'x', '-01'))
  .map(([d, t]) => d + t);
const leapDays = fc.integer({ min: 0, max: 2499 }).map((k) => `${pad(k * 4, 4)}-02-29`);
const garbage = fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^[0-9-]{8,12}$/));

describe('isoDay', () => {
  it('answers as parseISO did, on plain days, leap days, days with a time part and garbage', () => {
    fc.assert(
      fc.property(fc.oneof(dayLike, withTail, leapDays, garbage), (s) => {
        expect(actual(s)).toBe(oracle(s));
      }),
      { numRuns: 20_000, seed: 1103 },
    );
  });

  it('rejects days that do not exist and keeps the written day of those that do', () => {
    expect(actual('2025-02-29')).toBe('throws');
    expect(actual('2024-02-29')).toBe('2024-02-29');
    expect(actual('1900-02-29')).toBe('throws');
    expect(actual('2000-02-29')).toBe('2000-02-29');
    expect(actual('2025-04-31')).toBe('throws');
    expect(actual('2025-13-01')).toBe('throws');
    expect(actual('2025-00-10')).toBe('throws');
    expect(actual('2025-11-03T23:59')).toBe('2025-11-03');
  });
});

describe('catalog.forDate', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadTestCatalog();
  });

  /** The release in force by the calendar of the design notes, worked out from the release list. */
  function expected(day: string): string | undefined {
    const rs = catalog.releases;
    for (let i = rs.length - 1; i >= 0; i--) {
      const r = rs[i]!.release;
      if (r.effectiveFrom <= day) return day <= `${r.fiscalYear}-09-30` ? r.id : undefined;
    }
    return undefined;
  }

  it('gives the same release on the first and the remembered call, for every day 2014-2028', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let t = Date.UTC(2014, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        expect(catalog.forDate(day)?.release.id, day).toBe(expected(day));
      }
    }
  });

  it('still throws for a day that does not exist, every time', () => {
    for (let i = 0; i < 2; i++) expect(() => catalog.forDate('2025-02-30')).toThrow(RangeError);
  });

  it('reads a Date in local time and a date-time string by its written day', () => {
    expect(catalog.forDate(new Date(2025, 10, 3))?.release.id).toBe(expected('2025-11-03'));
    expect(catalog.forDate('2025-11-03T23:00:00Z')?.release.id).toBe(expected('2025-11-03'));
  });
});
