/** Characters of a code, in the order JavaScript compares them: 0-9 → 1-10, A-Z → 11-36. */
function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 65 && c <= 90) return c - 54;
  return -1;
}

/** The value past the end of a code for the low and the high end of what starts with it. */
export type KeyFill = 'low' | 'high';

/**
 * An undotted, upper-case code of up to 7 characters as a number in base 37, so that numbers
 * order as the codes do and "every code that starts with X" is the interval
 * [codeKey(X, 'low'), codeKey(X, 'high')]: positions past the end of the code count as below
 * every character ('low') or as the highest one, Z ('high'). 37^7 < 2^53, so the number is
 * exact. NaN for anything longer or with other characters.
 *
 * @example codeKey('E11') < codeKey('E119') && codeKey('E119') <= codeKey('E11', 'high') // true
 */
export function codeKey(code: string, fill: KeyFill = 'low'): number {
  const n = code.length;
  if (n > 7) return Number.NaN;
  const pad = fill === 'low' ? 0 : 36;
  let key = 0;
  for (let i = 0; i < 7; i++) {
    const d = i < n ? digit(code.charCodeAt(i)) : pad;
    if (d < 0) return Number.NaN;
    key = key * 37 + d;
  }
  return key;
}

/**
 * codeKey of a code as written plainly on a claim — upper-case letters and digits, with or
 * without the dot after the third character (E11.9, E119) — read straight from the string,
 * without making the undotted form; NaN for anything else (lower case, blanks, a dot
 * elsewhere), which the caller normalises the slow way.
 *
 * @example writtenCodeKey('E11.9') === codeKey('E119') // true
 */
export function writtenCodeKey(raw: string): number {
  const n = raw.length;
  const dotted = n > 4 && raw.charCodeAt(3) === 46;
  const chars = dotted ? n - 1 : n;
  if (chars < 3 || chars > 7) return Number.NaN;
  let key = 0;
  for (let i = 0; i < 7; i++) {
    let d = 0;
    if (i < chars) {
      d = digit(raw.charCodeAt(dotted && i >= 3 ? i + 1 : i));
      if (d < 0) return Number.NaN;
    }
    key = key * 37 + d;
  }
  return key;
}
