import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFhir, type AdaptedClaim } from '../../src/adapters/index.js';
import { parseClaim } from '../../src/claim/index.js';
import { fixturesDir } from './paths.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(fixturesDir, 'fhir', name), 'utf8'));
const lines = (c: AdaptedClaim) => c.claim.lines as { diagnosisPointers?: number[]; serviceDate?: string }[];
const roundTrip = (c: AdaptedClaim) => {
  const r = parseClaim(c.claim);
  return r.ok ? [] : r.errors;
};

describe('professional Claim with a contained Patient', () => {
  const r = readFhir(load('claim-professional-contained-patient.json'));
  const c = r.claims[0]!;
  it('sorts diagnoses by sequence, whatever the array order', () => {
    expect(r.errors).toEqual([]);
    expect(c.claim.diagnoses).toEqual([{ code: 'J20.9' }, { code: 'R06.00' }, { code: 'J45.909' }, { code: 'Z87.891' }]);
  });
  it('maps pointers, dates, modifiers and the leap-day birth date', () => {
    expect(lines(c).map((l) => l.diagnosisPointers)).toEqual([[1, 2], [3], [1, 3, 4]]);
    expect(lines(c).map((l) => l.serviceDate)).toEqual(['2025-11-10', '2025-11-10', '2025-11-10']);
    expect(c.claim).toMatchObject({ type: 'professional', serviceDate: '2025-11-10', patient: { sex: 'F', birthDate: '1988-02-29' } });
    expect(c.warnings).toEqual([]);
    expect(c.errors).toEqual([]);
    expect(roundTrip(c)).toEqual([]);
  });
});

describe('Bundle with a Claim, an EOB and the Patient as entries', () => {
  const r = readFhir(load('bundle-claim-eob-patient.json'));
  const [claim, eob] = r.claims;
  it('resolves urn:uuid and relative Patient references', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims.map((c) => c.source)).toEqual([
      'Bundle.entry[2].resource (Claim/inst-0001)',
      'Bundle.entry[3].resource (ExplanationOfBenefit/eob-2)',
    ]);
    expect(claim!.claim.patient).toEqual({ sex: 'M', birthDate: '1950-07-04' });
    expect(eob!.claim.patient).toEqual({ sex: 'M', birthDate: '1950-07-04' });
  });
  it('reads the institutional claim: type of bill 0111 → inpatient; HL7 "y" → Y; NUBC POA as sent', () => {
    expect(claim!.claim).toMatchObject({ type: 'institutional', setting: 'inpatient', statementFrom: '2025-10-28', statementThrough: '2025-11-02' });
    expect(claim!.claim.diagnoses).toEqual([
      { code: 'I21.4', qualifier: 'principal', poa: 'Y' },
      { code: 'I10', qualifier: 'other', poa: 'Y' },
      { code: 'N17.9', poa: 'N' },
      { code: 'R07.9', qualifier: 'admitting' },
      { code: 'W01.0XXA', qualifier: 'external-cause', poa: 'U' },
    ]);
    expect(claim!.warnings).toEqual([]);
    expect(roundTrip(claim!)).toEqual([]);
  });
  it('reads the professional EOB: a multi-day period leaves the date to the lines', () => {
    expect(eob!.claim.serviceDate).toBeUndefined();
    expect(lines(eob!).map((l) => [l.serviceDate, l.diagnosisPointers])).toEqual([
      ['2025-11-03', [1]],
      ['2025-11-05', [1, 2]],
    ]);
    expect(eob!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/ExplanationOfBenefit/)]);
    expect(roundTrip(eob!)).toEqual([]);
  });
});

describe('Claim with codes from other systems', () => {
  const r = readFhir(load('claim-non-icd10cm-systems.json'));
  const c = r.claims[0]!;
  const warningAt = (p: string) => c.warnings.find((w) => w.path === p)?.message;
  it('maps every code that exists, each foreign system with a located warning', () => {
    expect(c.claim.diagnoses).toEqual([
      { code: 'J44.1', qualifier: 'principal' },
      { code: 'J18.9' },
      { code: '486' },
      { code: '233604007' },
      { code: 'R50.9' },
      { code: 'K21.9' },
    ]);
    expect(warningAt('Claim.diagnosis[0].diagnosisCodeableConcept.coding[0].code')).toMatch(/WHO ICD-10.*treated as ICD-10-CM/);
    expect(warningAt('Claim.diagnosis[1].diagnosisCodeableConcept.coding[0].code')).toMatch(/icd-9-cm/);
    expect(warningAt('Claim.diagnosis[2].diagnosisCodeableConcept.coding[0].code')).toMatch(/snomed/);
    expect(warningAt('Claim.diagnosis[3].diagnosisCodeableConcept.coding[0].code')).toMatch(/no system/);
    // The Condition reached through diagnosisReference is ICD-10-CM: no warning for it.
    expect(c.warnings.some((w) => w.path.startsWith('Claim.contained[1]'))).toBe(false);
  });
  it('makes a diagnosis without a code an error at its path', () => {
    expect(c.errors).toEqual([{ path: 'Claim.diagnosis[4].diagnosisCodeableConcept', message: expect.stringMatching(/no code \(text: "fever"\)/) }]);
  });
  it('re-aims pointers after moving the principal; drops the one to the missing diagnosis; keeps 9', () => {
    expect(lines(c).map((l) => l.diagnosisPointers)).toEqual([[1, 2], [6, 9]]);
    expect(warningAt('Claim.item[1].diagnosisSequence[0]')).toMatch(/pointer 5/);
  });
  it('maps gender other to U and leaves out a partial birth date, with a warning', () => {
    expect(c.claim.patient).toEqual({ sex: 'U' });
    expect(warningAt('Claim.contained[0].birthDate')).toMatch(/partial date/);
  });
});

describe('readFhir on other input', () => {
  const claim = load('claim-professional-contained-patient.json');
  it('takes the patient from options when the reference leads outside the input', () => {
    const external = { ...claim, contained: [], patient: { reference: 'Patient/elsewhere' } };
    const without = readFhir(external).claims[0]!;
    expect(without.claim.patient).toBeUndefined();
    expect(without.warnings[0]!.message).toMatch(/"Patient\/elsewhere" is not in the input/);
    const withOption = readFhir(external, { patient: { resourceType: 'Patient', gender: 'male', birthDate: '1970-01-01' } }).claims[0]!;
    expect(withOption.claim.patient).toEqual({ sex: 'M', birthDate: '1970-01-01' });
    expect(withOption.warnings).toEqual([]);
  });
  it('accepts JSON text with a BOM, and an array of resources', () => {
    expect(readFhir('\uFEFF' + JSON.stringify(claim)).claims).toHaveLength(1);
    const r = readFhir([claim, { resourceType: 'Patient', id: 'x' }]);
    expect(r.claims.map((c) => c.source)).toEqual(['[0] (Claim/prof-0001)']);
  });
  it('reports what is not a claim, without throwing', () => {
    expect(readFhir('{oops').errors[0]!.message).toMatch(/not valid JSON/);
    expect(readFhir(42).errors[0]!.message).toMatch(/must be a JSON object/);
    expect(readFhir({ resourceType: 'Patient' }).errors[0]).toEqual({ path: 'Patient', message: expect.stringMatching(/not a Claim, ExplanationOfBenefit or Bundle/) });
    expect(readFhir({ type: 'professional', diagnoses: [] }).errors[0]!.message).toMatch(/no resourceType/);
    expect(readFhir({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient' } }] }).errors[0]).toEqual({
      path: 'Bundle',
      message: expect.stringMatching(/holds no Claim or ExplanationOfBenefit \(found Patient ×1\)/),
    });
  });
  it('errors on a missing date of service but only warns on a bad one when another remains', () => {
    const noDates = { ...claim, billablePeriod: undefined, item: [] };
    expect(readFhir(noDates).claims[0]!.errors.map((e) => e.path)).toEqual(['Claim.billablePeriod']);
    const badPeriod = { ...claim, billablePeriod: { start: 'IGNORED_FIELD' } };
    const warned = readFhir(badPeriod).claims[0]!;
    expect(warned.errors).toEqual([]);
    expect(warned.warnings.map((w) => w.path)).toEqual(['Claim.billablePeriod.start']);
    const onlyBad = { ...badPeriod, item: [] };
    expect(readFhir(onlyBad).claims[0]!.errors.map((e) => e.path)).toEqual(['Claim.billablePeriod.start']);
  });
  it('locates pointer problems at their index in diagnosisSequence', () => {
    const item = { sequence: 1, productOrService: { coding: [{ code: '99213' }] }, servicedDate: '2025-11-10', diagnosisSequence: ['x', 3, 7] };
    const d = [1, 2, 5].map((sequence) => ({ sequence, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R50.9' }] } }));
    const r = readFhir({ ...claim, diagnosis: d, item: [item] }).claims[0]!;
    // "x" is not a number; sequence 3 does not exist and would land on position 3; 7 is past the end.
    expect(r.warnings.map((w) => w.path)).toEqual(['Claim.item[0].diagnosisSequence[0]', 'Claim.item[0].diagnosisSequence[1]']);
    expect(lines(r)[0]!.diagnosisPointers).toEqual([7]);
  });
  it('needs a claim type it can read', () => {
    const r = readFhir({ ...claim, type: { text: 'something' } }).claims[0]!;
    expect(r.errors.map((e) => e.path)).toEqual(['Claim.type']);
    expect(r.claim.type).toBeUndefined();
  });
  it('reports an unresolved diagnosisReference as an error', () => {
    const r = readFhir({ ...claim, diagnosis: [{ sequence: 1, diagnosisReference: { reference: 'Condition/x' } }] }).claims[0]!;
    expect(r.errors).toEqual([{ path: 'Claim.diagnosis[0].diagnosisReference', message: expect.stringMatching(/"Condition\/x" is neither contained nor in the Bundle/) }]);
  });
});
