import { format, isValid, parseISO } from 'date-fns';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a plain `YYYY-MM-DD` names a real calendar day (proleptic Gregorian, as parseISO):
 * arithmetic instead of parseISO, because every claim asks for its release by date.
 */
export function isRealPlainDay(s: string): boolean {
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

/**
 * The calendar day of a date of service as `YYYY-MM-DD`. A string keeps its own calendar date
 * (a claim date has no time zone); a `Date` is read in local time. Throws a RangeError a person
 * can act on for anything that is not a real date.
 */
export function isoDay(date: string | Date): string {
  if (date instanceof Date) {
    if (!isValid(date)) throw new RangeError('Invalid Date given as a date of service');
    return format(date, 'yyyy-MM-dd');
  }
  // The common case, a plain day, is checked by arithmetic (same answer as parseISO).
  if (date.length === 10 && PLAIN_DAY.test(date)) {
    if (isRealPlainDay(date)) return date;
  } else if (ISO_DAY.test(date) && isValid(parseISO(date))) {
    // parseISO rolls nothing over ("2025-02-30" is invalid), so the written day is the day.
    return date.slice(0, 10);
  }
  throw new RangeError(`"${date}" is not a valid date of service (expected YYYY-MM-DD)`);
}
