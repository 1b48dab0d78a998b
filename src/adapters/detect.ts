export type InputFormat = 'json' | 'ndjson' | 'fhir' | 'x12' | 'unknown';

const isFhirResource = (x: unknown) =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { resourceType?: unknown }).resourceType === 'string';

/**
 * Guesses the format of a claim file from its text (a leading BOM and whitespace are skipped):
 * - `x12`: starts with an ISA segment (or a bare GS/ST, which readX12 then reports);
 * - `fhir`: one JSON object with a `resourceType`, or an array of such objects;
 * - `json`: dxlint's own claim format, one object or an array of them;
 * - `ndjson`: one JSON object per line (claims or FHIR resources; look at each line);
 * - `unknown`: anything else.
 */
export function detectFormat(text: string): InputFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^ISA[^A-Za-z0-9\s]/.test(body) || /^(GS|ST)[*|^~]/.test(body)) return 'x12';
  if (!body.startsWith('{') && !body.startsWith('[')) return 'unknown';
  const whole = parse(body);
  if (whole.ok) {
    const value = whole.value;
    if (isFhirResource(value)) return 'fhir';
    if (Array.isArray(value)) return value.length > 0 && value.every(isFhirResource) ? 'fhir' : 'json';
    return typeof value === 'object' && value !== null ? 'json' : 'unknown';
  }
  // Not one JSON value: NDJSON when there are several lines and the first is a JSON object
  // (a bad line further down is that line's problem, reported by whoever reads it).
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const first = lines.length > 1 ? parse(lines[0]!) : { ok: false as const };
  return first.ok && typeof first.value === 'object' && first.value !== null && !Array.isArray(first.value) ? 'ndjson' : 'unknown';
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
