/** Date helpers shared by the adapters. All return plain ISO dates (YYYY-MM-DD). */

import { isCalendarDate } from '../claim/calendar.js';

function ccyymmdd(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A date or a date range read from an X12 DTP segment. */
export interface DateRange {
  from: string;
  through: string;
}

/**
 * Reads an X12 date in one of the formats the 837 uses: D8 (CCYYMMDD), RD8
 * (CCYYMMDD-CCYYMMDD) or DT (CCYYMMDDHHMM, the time is dropped). A D8 date is a range of one
 * day. Returns a reason instead when it cannot.
 */
export function readX12Date(format: string, value: string): DateRange | { reason: string } {
  const v = value.trim();
  if (format === 'D8') {
    const d = ccyymmdd(v);
    return d ? { from: d, through: d } : { reason: `"${v}" is not a real date in the D8 format CCYYMMDD` };
  }
  if (format === 'RD8') {
    const parts = v.split('-');
    const from = parts.length === 2 ? ccyymmdd(parts[0]!) : undefined;
    const through = parts.length === 2 ? ccyymmdd(parts[1]!) : undefined;
    if (!from || !through) return { reason: `"${v}" is not a real date range in the RD8 format CCYYMMDD-CCYYMMDD` };
    if (from > through) return { reason: `the range "${v}" ends before it starts` };
    return { from, through };
  }
  if (format === 'DT') {
    const d = /^\d{12}$/.test(v) ? ccyymmdd(v.slice(0, 8)) : undefined;
    return d ? { from: d, through: d } : { reason: `"${v}" is not a real date-time in the DT format CCYYMMDDHHMM` };
  }
  return { reason: `date format qualifier "${format}" is not D8, RD8 or DT` };
}

/**
 * Reads a FHIR date or dateTime and returns its calendar date. Partial dates ("1980",
 * "1980-05") and non-dates ("IGNORED_FIELD") come back with a reason.
 */
export function readFhirDate(value: unknown): { date: string } | { reason: string } {
  if (typeof value !== 'string') return { reason: `is not a date string` };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value.trim());
  if (!m) return { reason: `"${value}" is not a FHIR date` };
  if (m[2] === undefined || m[3] === undefined) return { reason: `"${value}" is only a partial date (no day)` };
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { reason: `"${value}" is not a real calendar date` };
  return { date: `${m[1]}-${m[2]}-${m[3]}` };
}
