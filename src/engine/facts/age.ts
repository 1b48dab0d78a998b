/**
 * Ages on calendar dates, from the integers of two `YYYY-MM-DD` strings (as the claim schema
 * gives them). Same results as date-fns' differenceInDays / differenceInYears on the two days
 * at local midnight, without building Dates: every claim with a birth date needs both.
 */
import { digits } from '../../claim/digits.js';

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function parts(iso: string): [number, number, number] {
  return [digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10)];
}

/** Whole days from `earlier` to `later` (negative when `later` comes first), like differenceInDays. */
export function daysBetween(later: string, earlier: string): number {
  const [ly, lm, ld] = parts(later);
  const [ey, em, ed] = parts(earlier);
  return dayNumber(ly, lm, ld) - dayNumber(ey, em, ed);
}

/**
 * Whole years from `earlier` to `later`, like differenceInYears: the difference of the years,
 * less one when the later date's month and day come before the earlier date's (a birthday on
 * February 29 is reached on March 1 of a common year). Negative when `later` comes first.
 */
export function yearsBetween(later: string, earlier: string): number {
  const [ly, lm, ld] = parts(later);
  const [ey, em, ed] = parts(earlier);
  const sign = ly !== ey ? Math.sign(ly - ey) : lm !== em ? Math.sign(lm - em) : Math.sign(ld - ed);
  if (sign === 0) return 0;
  const diff = Math.abs(ly - ey);
  // Month-and-day order of the two dates, as date-fns compares them after setting one year on both.
  const md = lm !== em ? Math.sign(lm - em) : Math.sign(ld - ed);
  const partial = md === -sign ? 1 : 0;
  const years = sign * (diff - partial);
  return years === 0 ? 0 : years; // never -0 (it would print as 0 but compare unequal in tests)
}
