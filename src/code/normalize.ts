/**
 * Normalises a diagnosis code as typed by a person or sent in a claim:
 * trims, upper-cases and removes the dot. Returns `undefined` for an empty string.
 * It does not check the shape; see {@link isWellFormedCode}.
 *
 * @example normalizeCode(' z00.129 ') // 'Z00129'
 */
export function normalizeCode(input: string): string | undefined {
  const code = input.trim().toUpperCase().replace('.', '');
  return code === '' ? undefined : code;
}

/**
 * ICD-10-CM shape after normalisation: a letter, a digit, an alphanumeric, then up to four
 * alphanumerics (3 to 7 characters in all). FY2026 added category QA0 (letter, letter, digit),
 * so a letter in the second place is allowed when a digit follows it.
 */
const CODE_SHAPE = /^[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])[0-9A-Z]{0,4}$/;

/** True when an input string has the shape of an ICD-10-CM code (dotted or not, any case). */
export function isWellFormedCode(input: string): boolean {
  const trimmed = input.trim().toUpperCase();
  // A dot is only allowed after the third character, as in the Tabular List.
  if (trimmed.includes('.') && !/^[A-Z0-9]{3}\.[A-Z0-9]{1,4}$/.test(trimmed)) return false;
  const code = normalizeCode(trimmed);
  return code !== undefined && CODE_SHAPE.test(code);
}

/**
 * Formats an undotted code in the dotted form used in findings and lookups.
 *
 * @example formatCode('Z00129') // 'Z00.129'
 */
export function formatCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}
