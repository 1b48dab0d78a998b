import type { Patient } from '@medplum/fhirtypes';
import { located, type AdapterResult } from '../types.js';
import { mapClaimResource } from './claim.js';
import { asArray, asObj, asString, text, type Obj } from './json.js';
import { emptyIndex, indexEntries, type Entry, type EntryIndex } from './references.js';

export interface ReadFhirOptions {
  /** The patient, when the Claim's `patient` reference points outside the input. */
  patient?: Patient;
}

const CLAIM_TYPES = new Set(['Claim', 'ExplanationOfBenefit']);

/**
 * Reads FHIR R4 input: a Claim, an ExplanationOfBenefit, a Bundle holding them (any Bundle
 * type; nested Bundles too) or an array of resources. Every Claim and EOB becomes one adapted
 * claim; the patient comes from `contained`, from the Bundle entry the `patient` reference
 * points to, or from `options.patient`. Accepts the JSON text or the parsed value. Never throws.
 *
 * @example
 * const { claims, errors } = readFhir(JSON.parse(fs.readFileSync('bundle.json', 'utf8')));
 */
export function readFhir(json: unknown, options: ReadFhirOptions = {}): AdapterResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { claims: [], errors: [located('', `not valid JSON: ${(e as Error).message}`)] };
    }
  }
  const result: AdapterResult = { claims: [], errors: [] };
  if (Array.isArray(input)) {
    const entries = input.flatMap((r, i) => (asObj(r) ? [{ resource: r as Obj, path: `[${i}]` }] : []));
    readEntries(entries, options, result, '');
  } else if (asObj(input)) {
    readResource(input as Obj, asString((input as Obj).resourceType) ?? '', emptyIndex, options, result);
  } else {
    result.errors.push(located('', 'FHIR input must be a JSON object (a resource) or an array of resources'));
  }
  if (result.claims.length === 0 && result.errors.length === 0) {
    result.errors.push(located('', 'the input holds no Claim or ExplanationOfBenefit'));
  }
  return result;
}

/**
 * Bundles inside Bundles deeper than this are not read: real inputs nest one or two levels, and
 * a hostile file nesting thousands would otherwise overflow the stack.
 */
export const MAX_BUNDLE_DEPTH = 16;

function readResource(resource: Obj, path: string, entries: EntryIndex, options: ReadFhirOptions, result: AdapterResult, depth = 0) {
  const type = text(resource.resourceType);
  if (type && CLAIM_TYPES.has(type)) {
    result.claims.push(mapClaimResource(resource, path || type, { entries, ...options }));
  } else if (type === 'Bundle') {
    const base = path || 'Bundle';
    if (depth >= MAX_BUNDLE_DEPTH) {
      result.errors.push(located(base, `Bundles nested more than ${MAX_BUNDLE_DEPTH} levels deep; this Bundle and everything in it was not read`));
      return;
    }
    const inner: Entry[] = [];
    asArray(resource.entry).forEach((e, i) => {
      const entry = asObj(e);
      const r = asObj(entry?.resource);
      if (!r) return;
      const out: Entry = { resource: r, path: `${base}.entry[${i}].resource` };
      const fullUrl = text(entry!.fullUrl);
      if (fullUrl) out.fullUrl = fullUrl;
      inner.push(out);
    });
    readEntries(inner, options, result, base, depth + 1);
  } else if (type) {
    result.errors.push(located(path || type, `a ${type} resource is not a Claim, ExplanationOfBenefit or Bundle; nothing to check`));
  } else {
    result.errors.push(located(path, 'no resourceType: this is not a FHIR resource (claims in dxlint\'s own JSON format need no adapter)'));
  }
}

function readEntries(entries: readonly Entry[], options: ReadFhirOptions, result: AdapterResult, base: string, depth = 0) {
  const before = result.claims.length;
  const index = indexEntries(entries);
  const others = new Map<string, number>();
  for (const entry of entries) {
    const type = text(entry.resource.resourceType) ?? '(no resourceType)';
    if (CLAIM_TYPES.has(type) || type === 'Bundle') readResource(entry.resource, entry.path, index, options, result, depth);
    else others.set(type, (others.get(type) ?? 0) + 1);
  }
  if (result.claims.length === before) {
    const found = [...others].map(([t, n]) => `${t} ×${n}`).join(', ') || 'no resources';
    result.errors.push(located(base, `holds no Claim or ExplanationOfBenefit (found ${found})`));
  }
}
