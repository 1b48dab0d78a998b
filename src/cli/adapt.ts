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
 * One parsed JSON value: a FHIR resource (it has a `resourceType`) goes through the FHIR
 * adapter; any other object is taken as a claim in dxlint's own format (the validator checks
 * its fields). An array holds several such values.
 */
export function adaptValue(value: unknown, where?: string): Adapted {
  if (Array.isArray(value)) {
    const out: Adapted = { claims: [], errors: [] };
    value.forEach((v, i) => {
      const one = adaptValue(v, `[${i}]`);
      out.claims.push(...one.claims);
      out.errors.push(...one.errors.map((e) => ({ path: `[${i}]${e.path ? `.${e.path}` : ''}`, message: `[${i}]: ${e.message}` })));
    });
    return out;
  }
  if (isObject(value) && typeof value.resourceType === 'string') {
    const read = readFhir(value);
    if (where) for (const c of read.claims) c.source = `${where} ${c.source}`;
    return read;
  }
  if (isObject(value)) return { claims: [{ claim: value, source: where ?? '', errors: [], warnings: [] }], errors: [] };
  return { claims: [], errors: [{ path: '', message: `expected a claim (a JSON object), found ${kindOf(value)}` }] };
}

/** A whole file's text; `bytes` are passed to the X12 reader (it detects UTF-16). */
export type TextResult = Adapted | { problem: string } | { ndjson: true };

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
    case 'json':
      return adaptValue(JSON.parse(text));
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
