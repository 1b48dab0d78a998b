import type { z } from 'zod';
import { fastParseClaim } from './fast-parse.js';
import { claimSchema, type Claim } from './schema.js';

/** One thing wrong with an input, in the words a person can act on. */
export interface InputError {
  /** Where, e.g. "diagnoses[2].code" ("" for the whole input). */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; claim: Claim } | { ok: false; errors: InputError[] };

/** Formats a zod path as `diagnoses[2].code`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into input errors, one per bad field. */
export function toInputErrors(error: z.ZodError): InputError[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: path === '' ? issue.message : `${path}: ${issue.message}` };
  });
}

/**
 * Validates unknown input against the claim model. Never throws: anything that is not a valid
 * claim comes back as `{ ok: false, errors }` listing every bad field.
 */
export function parseClaim(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: 'a claim must be a JSON object' }] };
  }
  // The common valid shape is checked by hand (same result as zod, several times faster);
  // zod decides everything else and words the errors.
  const fast = fastParseClaim(input);
  if (fast) return { ok: true, claim: fast };
  const result = claimSchema.safeParse(input);
  return result.success ? { ok: true, claim: result.data } : { ok: false, errors: toInputErrors(result.error) };
}
