import type { Patient } from '@medplum/fhirtypes';
import { readFhirDate } from '../dates.js';
import { located, type InputError } from '../types.js';
import { asObj, asString, text, type Obj } from './json.js';
import { resolve, type EntryIndex } from './references.js';

export interface ModelPatient {
  birthDate?: string;
  sex?: 'F' | 'M' | 'U';
}

/** FHIR administrative gender to the claim model's sex: other and unknown become U. */
const SEX: Record<string, 'F' | 'M' | 'U'> = { female: 'F', male: 'M', other: 'U', unknown: 'U' };

/**
 * The patient of a Claim or ExplanationOfBenefit: the resource its `patient` reference points to
 * (contained or in the Bundle), else the Patient supplied by the caller.
 */
export function readPatient(
  resource: Obj,
  base: string,
  entries: EntryIndex,
  supplied: Patient | undefined,
): { patient?: ModelPatient; warnings: InputError[] } {
  const warnings: InputError[] = [];
  const reference = text(asObj(resource.patient)?.reference);
  let found = resolve(resource.patient, resource, base, entries);
  if (found && asString(found.resource.resourceType) !== 'Patient') {
    warnings.push(located(`${base}.patient`, `the reference "${reference}" points to a ${asString(found.resource.resourceType) ?? 'resource'}, not a Patient`));
    found = undefined;
  }
  if (!found && supplied) found = { resource: supplied as unknown as Obj, path: 'options.patient' };
  if (!found) {
    const why = reference ? `"${reference}" is not in the input` : 'there is no patient reference';
    warnings.push(located(`${base}.patient`, `${why}: birth date and sex are unknown, so age and sex rules are skipped`));
    return { warnings };
  }
  const patient: ModelPatient = {};
  const gender = text(found.resource.gender);
  if (gender !== undefined) {
    const sex = SEX[gender];
    if (sex) patient.sex = sex;
    else warnings.push(located(`${found.path}.gender`, `gender "${gender}" is not a FHIR administrative gender; left out`));
  }
  if (found.resource.birthDate !== undefined) {
    const date = readFhirDate(found.resource.birthDate);
    if ('date' in date) patient.birthDate = date.date;
    else warnings.push(located(`${found.path}.birthDate`, `${date.reason}; the birth date is left out`));
  }
  return { patient, warnings };
}
