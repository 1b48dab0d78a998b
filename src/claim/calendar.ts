const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True when year-month-day is a real date of the proleptic Gregorian calendar (no 2025-02-30),
 * by arithmetic alone: it runs for every date of every claim.
 *
 * @example isCalendarDate(2024, 2, 29) // true
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  if (month !== 2) return day <= MONTH_DAYS[month - 1]!;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (leap ? 29 : 28);
}
