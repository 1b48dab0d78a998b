import { format, isValid, parseISO } from 'date-fns';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

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
  const parsed = parseISO(date);
  if (!ISO_DAY.test(date) || !isValid(parsed)) {
    throw new RangeError(`"${date}" is not a valid date of service (expected YYYY-MM-DD)`);
  }
  // parseISO rolls nothing over ("2025-02-30" is invalid), so the written day is the day.
  return date.slice(0, 10);
}
