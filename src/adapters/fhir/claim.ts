import type { Patient } from '@medplum/fhirtypes';
import { readFhirDate } from '../dates.js';
import { mapPointers, orderDiagnoses, type Qualifier, type SourceDiagnosis } from '../order.js';
import { located, type AdaptedClaim, type InputError } from '../types.js';
import { pickDiagnosisCode } from './coding.js';
import { asArray, asObj, asString, codings, text, type Obj } from './json.js';
import { readKind } from './kind.js';
import { readPatient } from './patient.js';
import { resolve, type EntryIndex } from './references.js';

/** FHIR diagnosis type codes (ex-diagnosistype, CARIN C4BBClaimDiagnosisType) to qualifiers, strongest first. */
const DIAGNOSIS_TYPES: [string, Qualifier][] = [
  ['principal', 'principal'],
  ['admitting', 'admitting'],
  ['patientreasonforvisit', 'reason-for-visit'],
  ['externalcauseofinjury', 'external-cause'],
  ['other', 'other'],
  ['secondary', 'other'],
];

/** Blue Button carries POA in extensions on the diagnosis: …/clm_poa_ind_swN, …/clm_e_poa_ind_swN. */
const POA_EXTENSION = /\/clm_(?:e_)?poa_ind_sw\d+$/;

const CPT_OR_HCPCS = /cpt|hcpcs/i;
const HL7_POA_SYSTEM = 'http://terminology.hl7.org/CodeSystem/ex-diagnosis-on-admission';

export interface FhirContext {
  entries: EntryIndex;
  patient?: Patient;
}

interface DatedItem {
  serviceDate?: string;
}

/**
 * Maps one FHIR R4 Claim or ExplanationOfBenefit to the claim model. `base` is its FHIR path
 * ("Claim", "Bundle.entry[3].resource"); every warning and error carries a path under it.
 */
export function mapClaimResource(resource: Obj, base: string, ctx: FhirContext): AdaptedClaim {
  const resourceType = asString(resource.resourceType)!;
  const id = text(resource.id);
  const label = id ? `${resourceType}/${id}` : resourceType;
  const source = base === resourceType ? label : `${base} (${label})`;
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const claim: Record<string, unknown> = {};

  const identifier = text(asObj(asArray(resource.identifier)[0])?.value);
  if (id) claim.id = id;
  else if (identifier) claim.id = identifier;
  if (resourceType === 'ExplanationOfBenefit') {
    warnings.push(located(base, 'an ExplanationOfBenefit (a processed claim), not a Claim: its diagnoses are checked as they were submitted'));
  }

  const kind = readKind(resource, base);
  warnings.push(...kind.warnings);
  if (kind.error) errors.push(kind.error);
  if (kind.type) claim.type = kind.type;
  if (kind.setting) claim.setting = kind.setting;

  const patient = readPatient(resource, base, ctx.entries, ctx.patient);
  warnings.push(...patient.warnings);
  if (patient.patient && Object.keys(patient.patient).length > 0) claim.patient = patient.patient;

  // Diagnoses, by sequence, then in claim-model order.
  const found = readDiagnoses(resource, base, ctx.entries, errors, warnings);
  const ordered = orderDiagnoses(found);
  warnings.push(...ordered.warnings);
  claim.diagnoses = ordered.diagnoses;
  if (found.length === 0 && kind.pharmacy && errors.length === 0) {
    errors.push(located(`${base}.diagnosis`, 'a pharmacy claim without diagnoses: there is nothing for dxlint to check'));
  }
  for (const [i, ext] of asArray(resource.extension).entries()) {
    const url = asString(asObj(ext)?.url) ?? '';
    if (POA_EXTENSION.test(url)) {
      warnings.push(located(`${base}.extension[${i}]`, 'a present-on-admission extension on the claim itself cannot be tied to a diagnosis; ignored'));
    }
  }

  // Service lines.
  const badDates: { path: string; reason: string }[] = [];
  const lines: Record<string, unknown>[] = [];
  asArray(resource.item).forEach((raw, i) => {
    const item = asObj(raw);
    if (item) lines.push(readItem(item, `${base}.item[${i}]`, ordered, badDates, warnings));
  });
  if (lines.length > 0) claim.lines = lines;

  // Claim dates. A bad date string only stops the check when no usable date remains.
  readClaimDates(resource, base, claim, lines as DatedItem[], badDates, errors, warnings);
  return { claim, source, errors, warnings };
}

/** HL7's example POA code system: y/n/u/w in R4, yes/no/unknown/undetermined in later THO releases. */
const HL7_POA: Record<string, string> = { y: 'Y', n: 'N', u: 'U', w: 'W', yes: 'Y', no: 'N', unknown: 'U', undetermined: 'W' };

/**
 * The POA value of an onAdmission coding. Codes of HL7's own system are translated to the UB-04
 * letters they stand for; every other system's code is passed on as given (lower case
 * included), for the poa-invalid rule to judge.
 */
function poaCode(coding: { system?: string; code?: string } | undefined): string | undefined {
  if (!coding?.code) return undefined;
  if (coding.system === HL7_POA_SYSTEM) return HL7_POA[coding.code] ?? coding.code;
  return coding.code;
}

/** One item (service line): procedure, modifiers, units, date and diagnosis pointers. */
function readItem(
  item: Obj,
  path: string,
  ordered: { positionOf: ReadonlyMap<number, number>; diagnoses: readonly unknown[] },
  badDates: { path: string; reason: string }[],
  warnings: InputError[],
): Record<string, unknown> {
  const line: Record<string, unknown> = {};
  const product = codings(item.productOrService).filter((c) => c.code);
  const procedure = product.find((c) => c.system === undefined || CPT_OR_HCPCS.test(c.system));
  if (procedure) line.procedureCode = procedure.code;
  else if (product.length === 0) {
    warnings.push(located(`${path}.productOrService`, 'the item has no productOrService code (FHIR requires one); the line is read without a procedure code'));
  }
  const modifiers = asArray(item.modifier)
    .map((m) => codings(m).find((c) => c.code)?.code)
    .filter((m): m is string => m !== undefined);
  if (modifiers.length > 0) line.modifiers = modifiers;
  const units = asObj(item.quantity)?.value;
  if (typeof units === 'number' && Number.isFinite(units)) line.units = units;

  const period = asObj(item.servicedPeriod);
  const date =
    item.servicedDate !== undefined
      ? { value: item.servicedDate, at: `${path}.servicedDate` }
      : period?.start !== undefined
        ? { value: period.start, at: `${path}.servicedPeriod.start` }
        : undefined;
  if (date) {
    const read = readFhirDate(date.value);
    if ('date' in read) line.serviceDate = read.date;
    else badDates.push({ path: date.at, reason: read.reason });
  }

  if (item.diagnosisSequence !== undefined) {
    const values: number[] = [];
    const at: number[] = [];
    asArray(item.diagnosisSequence).forEach((v, k) => {
      if (typeof v === 'number' && Number.isInteger(v)) {
        values.push(v);
        at.push(k);
      } else {
        warnings.push(located(`${path}.diagnosisSequence[${k}]`, `${JSON.stringify(v)} is not a diagnosis sequence number; left out`));
      }
    });
    const mapped = mapPointers(values, ordered.positionOf, ordered.diagnoses.length, (k) => `${path}.diagnosisSequence[${at[k]}]`);
    line.diagnosisPointers = mapped.pointers;
    warnings.push(...mapped.warnings);
  }
  return line;
}

function qualifierOf(types: unknown): Qualifier | undefined {
  const codes = new Set(asArray(types).flatMap((t) => codings(t).map((c) => c.code)));
  return DIAGNOSIS_TYPES.find(([code]) => codes.has(code))?.[1];
}

/** Reads Claim.diagnosis / EOB.diagnosis, sorted by sequence (input order breaks ties). */
function readDiagnoses(resource: Obj, base: string, entries: EntryIndex, errors: InputError[], warnings: InputError[]): SourceDiagnosis[] {
  const read: { dx: SourceDiagnosis; order: number }[] = [];
  const seen = new Map<number, number>();
  asArray(resource.diagnosis).forEach((raw, i) => {
    const path = `${base}.diagnosis[${i}]`;
    const entry = asObj(raw);
    if (!entry) {
      errors.push(located(path, 'is not a diagnosis object'));
      return;
    }
    let picked;
    if (entry.diagnosisCodeableConcept !== undefined) {
      picked = pickDiagnosisCode(entry.diagnosisCodeableConcept, `${path}.diagnosisCodeableConcept`);
    } else if (entry.diagnosisReference !== undefined) {
      const target = resolve(entry.diagnosisReference, resource, base, entries);
      const ref = text(asObj(entry.diagnosisReference)?.reference) ?? '(no reference)';
      picked = target
        ? pickDiagnosisCode(target.resource.code, `${target.path}.code`)
        : { error: located(`${path}.diagnosisReference`, `"${ref}" is neither contained nor in the Bundle, so the diagnosis has no code`) };
    } else {
      picked = { error: located(path, 'the diagnosis has neither diagnosisCodeableConcept nor diagnosisReference') };
    }
    if ('error' in picked) {
      errors.push(picked.error);
      return;
    }
    warnings.push(...picked.warnings);

    const dx: SourceDiagnosis = { code: picked.code, path };
    const sequence = entry.sequence;
    if (typeof sequence === 'number' && Number.isInteger(sequence) && sequence > 0) {
      if (seen.has(sequence)) {
        warnings.push(located(`${path}.sequence`, `sequence ${sequence} is also used by diagnosis[${seen.get(sequence)}]; item pointers to it address the first one`));
      } else seen.set(sequence, i);
      dx.key = sequence;
    } else {
      warnings.push(located(`${path}.sequence`, `${sequence === undefined ? 'missing' : JSON.stringify(sequence)}: a diagnosis sequence is a positive whole number; the diagnosis is kept after the numbered ones`));
    }
    const qualifier = qualifierOf(entry.type);
    if (qualifier) dx.qualifier = qualifier;

    const onAdmission = poaCode(codings(entry.onAdmission).find((c) => c.code));
    const extension = asArray(entry.extension)
      .map((e, k) => ({ e: asObj(e), k }))
      .find(({ e }) => POA_EXTENSION.test(asString(e?.url) ?? ''));
    const extensionPoa = extension ? text(asObj(extension.e!.valueCoding)?.code) : undefined;
    if (onAdmission !== undefined) dx.poa = onAdmission;
    else if (extensionPoa !== undefined) dx.poa = extensionPoa;
    if (onAdmission !== undefined && extensionPoa !== undefined && onAdmission !== extensionPoa) {
      warnings.push(located(`${path}.extension[${extension!.k}]`, `POA extension "${extensionPoa}" differs from onAdmission "${onAdmission}"; onAdmission is used`));
    }
    const order = dx.key ?? Number.POSITIVE_INFINITY;
    read.push({ dx, order });
  });
  // Array.prototype.sort is stable, so equal sequences keep input order.
  return read.sort((a, b) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1)).map((r) => r.dx);
}

/**
 * billablePeriod → statementFrom/statementThrough (institutional). For professional claims the
 * line dates govern, as on an 837P; billablePeriod.start becomes serviceDate only when no line has
 * a date or the period is a single day. `created` is when the resource was written, not a date
 * of service, and is never used as one.
 */
function readClaimDates(
  resource: Obj,
  base: string,
  claim: Record<string, unknown>,
  lines: DatedItem[],
  badDates: { path: string; reason: string }[],
  errors: InputError[],
  warnings: InputError[],
) {
  const period = asObj(resource.billablePeriod);
  const read = (field: 'start' | 'end') => {
    if (period?.[field] === undefined) return undefined;
    const r = readFhirDate(period[field]);
    if ('date' in r) return r.date;
    badDates.push({ path: `${base}.billablePeriod.${field}`, reason: r.reason });
    return undefined;
  };
  const start = read('start');
  const end = read('end');
  const lineDates = lines.some((l) => l.serviceDate);
  if (claim.type === 'institutional') {
    if (start) claim.statementFrom = start;
    if (end) claim.statementThrough = end;
    if (start && end && start > end) {
      warnings.push(located(`${base}.billablePeriod`, `the period ends (${end}) before it starts (${start}); only the end date is used`));
      delete claim.statementFrom;
    }
  } else if (start && (!lineDates || start === end)) {
    claim.serviceDate = start;
  }
  const usable = Boolean(start || end || lineDates);
  for (const bad of badDates) {
    if (usable) warnings.push(located(bad.path, `${bad.reason}; left out`));
    else errors.push(located(bad.path, `${bad.reason}, and the claim has no other date of service`));
  }
  if (!usable && badDates.length === 0) {
    const created = readFhirDate(resource.created);
    const note = 'date' in created ? ` (created ${created.date} is when the resource was written, not a date of service)` : '';
    errors.push(located(`${base}.billablePeriod`, `no date of service: no billablePeriod and no item servicedDate or servicedPeriod${note}`));
  }
  if (resource.created !== undefined) {
    const created = readFhirDate(resource.created);
    if ('reason' in created) warnings.push(located(`${base}.created`, `${created.reason}; FHIR requires a dateTime here (dxlint does not use it)`));
  }
}
