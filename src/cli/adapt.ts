import { detectFormat, readFhir, readX12, type AdaptedClaim } from '../adapters/index.js';
import type { InputError } from '../claim/parse.js';

/** What one input (a file, or one NDJSON line) turned into. */
export interface Adapted {
  claims: AdaptedClaim[];
  /** Problems that belong to no single claim. */
  errors: InputError[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/**
 * One parsed JSON value (an NDJSON line, or an element of a JSON array): a FHIR resource (it
 * has a `resourceType`) goes through the FHIR adapter; any other object is taken as a claim in
 * dxlint's own format (the validator checks its fields); anything else is an error. `where`
 * names the value's place in its file (e.g. "[3]").
 */
export function adaptValue(value: unknown, where?: string): Adapted {
  if (isObject(value) && typeof value.resourceType === 'string') {
    const read = readFhir(value);
    if (where) for (const c of read.claims) c.source = `${where} ${c.source}`;
    return read;
  }
  if (isObject(value)) return { claims: [{ claim: value, source: where ?? '', errors: [], warnings: [] }], errors: [] };
  return { claims: [], errors: [{ path: '', message: `expected a claim (a JSON object), found ${kindOf(value)}` }] };
}

/**
 * What a whole file turned into: adapted claims; or the elements of a JSON array of claims, to
 * be adapted one by one (so that one bad element is that element's problem, not the file's); or
 * NDJSON, to be streamed by the caller; or a problem with the file as a whole.
 */
export type TextResult = Adapted | { elements: unknown[] } | { ndjson: true } | { problem: string };

/**
 * Reads a whole-file input by its content (the adapters' detectFormat): X12 837, FHIR JSON,
 * dxlint claim JSON. NDJSON is handed back to the caller to stream. Anything else is a
 * `problem`: a message about the file as a whole.
 */
export function adaptText(text: string, bytes?: Uint8Array): TextResult {
  const format = detectFormat(text);
  switch (format) {
    case 'x12':
      return readX12(bytes ?? text);
    case 'ndjson':
      return { ndjson: true };
    case 'fhir':
      // A FHIR array goes to the adapter whole: its entries may reference each other (Patient).
      return readFhir(JSON.parse(text));
    case 'json': {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? { elements: value } : adaptValue(value);
    }
    default: {
      const body = text.trimStart();
      if (body === '') return { problem: 'the file is empty' };
      if (body.startsWith('{') || body.startsWith('[')) {
        try {
          JSON.parse(body);
        } catch (error) {
          return { problem: `not valid JSON: ${withLine((error as Error).message, body)}` };
        }
      }
      return {
        problem:
          'not a claim file dxlint can read: expected claim JSON (an object or an array), NDJSON, FHIR R4 JSON, or an X12 837 starting with ISA',
      };
    }
  }
}

/** "… at position 40" → "… at position 40 (line 2, column 7)": editors jump to lines, not offsets. */
export function withLine(message: string, text: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return message.replace(/position \d+( \(line \d+ column \d+\))?/, `position ${match[1]} (line ${line}, column ${column})`);
}
