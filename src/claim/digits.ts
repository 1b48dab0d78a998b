/**
 * The number written by the ASCII digits s[from..to) — NaN if any other character is there.
 * Dates are read on every claim: this reads them without cutting substrings.
 *
 * @example digits('2025-11-03', 5, 7) // 11
 */
export function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}
