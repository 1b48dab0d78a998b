import { located, type InputError } from '../types.js';
import { codings } from './json.js';

const norm = (system: string) => system.trim().replace(/\/+$/, '').toLowerCase();

const ICD10CM = new Set(['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90']);
const ICD10_WHO = new Set(['http://hl7.org/fhir/sid/icd-10', 'urn:oid:2.16.840.1.113883.6.3']);

/** The code picked from a diagnosis CodeableConcept, or an error when it has none. */
export type PickedCode = { code: string; warnings: InputError[] } | { error: InputError };

/**
 * Picks the ICD-10-CM code of a CodeableConcept. Preference: a coding in the ICD-10-CM system;
 * then WHO ICD-10 (warned: "treated as ICD-10-CM"); then a coding without a system; then any
 * other system (ICD-9-CM, SNOMED CT…), warned with the system's name. Codes from other systems
 * are passed on, not dropped, so the code rules report them if they are not ICD-10-CM codes.
 */
export function pickDiagnosisCode(concept: unknown, path: string): PickedCode {
  const all = codings(concept).filter((c) => c.code !== undefined);
  const at = (index: number) => `${path}.coding[${index}].code`;
  const cm = all.find((c) => c.system && ICD10CM.has(norm(c.system)));
  if (cm) return { code: cm.code!, warnings: [] };
  const who = all.find((c) => c.system && ICD10_WHO.has(norm(c.system)));
  if (who) {
    return {
      code: who.code!,
      warnings: [located(at(who.index), `${who.code} is coded in WHO ICD-10 (${who.system}), not ICD-10-CM; it is treated as ICD-10-CM`)],
    };
  }
  const bare = all.find((c) => c.system === undefined);
  if (bare) {
    return { code: bare.code!, warnings: [located(at(bare.index), `the coding of ${bare.code} has no system; it is treated as ICD-10-CM`)] };
  }
  const other = all[0];
  if (other) {
    return {
      code: other.code!,
      warnings: [
        located(at(other.index), `${other.code} is coded in ${other.system}, not ICD-10-CM; it is checked as an ICD-10-CM code anyway, so the code rules report it if it is not one`),
      ],
    };
  }
  const label = typeof (concept as { text?: unknown } | undefined)?.text === 'string' ? ` (text: "${(concept as { text: string }).text}")` : '';
  return { error: located(path, `the diagnosis has no code${label}`) };
}
