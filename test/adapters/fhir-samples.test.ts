import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFhir, type AdaptedClaim } from '../../src/adapters/index.js';
import { parseClaim } from '../../src/claim/index.js';
import { samplesDir } from './paths.js';

// Expectations come from ../shared/samples/README.md, which was checked against the files.
const read = (name: string) => readFhir(JSON.parse(readFileSync(path.join(samplesDir, 'fhir', name), 'utf8')));
const dx = (c: AdaptedClaim) => c.claim.diagnoses as { code: string; qualifier?: string; poa?: string }[];
const lines = (c: AdaptedClaim) => (c.claim.lines ?? []) as { serviceDate?: string; diagnosisPointers?: number[]; procedureCode?: string }[];
const messages = (list: { message: string }[]) => list.map((e) => e.message).join('\n');
const roundTrip = (c: AdaptedClaim) => {
  const r = parseClaim(c.claim);
  return r.ok ? [] : r.errors;
};

describe('R4 spec Claim (CMS-1500 example, WHO ICD-10 system)', () => {
  const r = read('claim-r4-spec-cms1500-medical-icd10.json');
  const c = r.claims[0]!;
  it('maps the four codes in sequence with a warning per WHO ICD-10 coding', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(1);
    expect(c.source).toBe('Claim/MED-00050');
    expect(dx(c).map((d) => d.code)).toEqual(['M96.1', 'G89.4', 'M53.88', 'M47.816']);
    expect(c.warnings.filter((w) => /WHO ICD-10/.test(w.message)).map((w) => w.path)).toEqual([0, 1, 2, 3].map((i) => `Claim.diagnosis[${i}].diagnosisCodeableConcept.coding[0].code`));
  });
  it('takes the contained patient, the line date and the pointers [2, 4]', () => {
    expect(c.claim.patient).toEqual({ sex: 'F', birthDate: '1954-06-11' });
    expect(lines(c)).toEqual([{ procedureCode: '62264', serviceDate: '2015-10-13', diagnosisPointers: [2, 4] }]);
  });
  it('follows type institutional; bill type 831 (ASC) is outpatient', () => {
    expect(c.claim.type).toBe('institutional');
    expect(c.claim.setting).toBe('outpatient');
    expect(c.errors).toEqual([]);
    expect(roundTrip(c)).toEqual([]);
  });
});

describe('Da Vinci PAS request Bundle', () => {
  const r = read('bundle-pas-prior-auth-request-claim-icd10cm.json');
  const c = r.claims[0]!;
  it('finds the one Claim among 7 entries and its Patient by reference', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(1);
    expect(c.source).toBe('Bundle.entry[0].resource (Claim/ReferralAuthorizationExample)');
    expect(c.claim.type).toBe('professional');
    expect(dx(c)).toEqual([{ code: 'G89.4' }]);
    // Male, no birthDate.
    expect(c.claim.patient).toEqual({ sex: 'M' });
    expect(lines(c)[0]!.diagnosisPointers).toEqual([1]);
  });
  it('reports the missing date of service instead of using created (2005-05-02)', () => {
    expect(c.errors).toHaveLength(1);
    expect(c.errors[0]!.path).toBe('Bundle.entry[0].resource.billablePeriod');
    expect(c.errors[0]!.message).toMatch(/no date of service.*created 2005-05-02/);
    expect(c.claim.serviceDate).toBeUndefined();
  });
});

describe('CARIN inpatient ExplanationOfBenefit', () => {
  const r = read('eob-c4bb-inpatient-4-dx-icd10cm.json');
  const c = r.claims[0]!;
  it('maps the typed diagnoses, the period and the setting', () => {
    expect(r.errors).toEqual([]);
    expect(dx(c)).toEqual([
      { code: 'I21.4', qualifier: 'principal' },
      { code: 'I25.118', qualifier: 'other' },
      { code: 'E78.5', qualifier: 'other' },
      { code: 'M19.90', qualifier: 'other' },
    ]);
    expect(c.claim).toMatchObject({ type: 'institutional', setting: 'inpatient', statementFrom: '2017-05-23', statementThrough: '2017-05-23' });
    expect(lines(c)).toHaveLength(13);
    expect(lines(c).every((l) => l.diagnosisPointers === undefined)).toBe(true);
  });
  it('warns that it is an EOB and that Patient/Patient1 is not included', () => {
    expect(messages(c.warnings)).toMatch(/ExplanationOfBenefit/);
    expect(c.warnings.find((w) => w.path === 'ExplanationOfBenefit.patient')?.message).toMatch(/Patient\/Patient1" is not in the input/);
    expect(c.claim.patient).toBeUndefined();
    expect(c.errors).toEqual([]);
    expect(roundTrip(c)).toEqual([]);
  });
});

describe('CARIN searchset Bundle with 5 EOBs', () => {
  const r = read('bundle-c4bb-searchset-5-eobs-icd10cm.json');
  it('makes one adapted claim per EOB, with the Patient entry', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims.map((c) => c.claim.id)).toEqual(['c4bb-EOBInpatient', 'c4bb-EOBOutpatient', 'c4bb-EOBOral', 'c4bb-EOBPharmacy', 'c4bb-EOBProfessional']);
    for (const c of r.claims) expect(c.claim.patient).toEqual({ sex: 'M', birthDate: '1986-01-01' });
  });
  it('maps codes and qualifiers', () => {
    expect(r.claims.map(dx)).toEqual([
      [{ code: 'S06.0X1A', qualifier: 'principal' }],
      [{ code: 'S06.0X1A', qualifier: 'reason-for-visit' }],
      [{ code: 'Z01.21', qualifier: 'principal' }],
      [],
      [{ code: 'S06.0X1A', qualifier: 'principal' }],
    ]);
  });
  it('reads the inpatient EOB typed "unknown" as institutional inpatient, with a warning', () => {
    const c = r.claims[0]!;
    expect(c.claim).toMatchObject({ type: 'institutional', setting: 'inpatient' });
    expect(c.warnings.find((w) => w.path === 'Bundle.entry[0].resource.type')?.message).toMatch(/type: unknown/);
  });
  it('gives the pharmacy EOB without diagnoses a located error, and the others none', () => {
    expect(r.claims[3]!.errors.map((e) => e.path)).toEqual(['Bundle.entry[3].resource.diagnosis']);
    for (const i of [0, 1, 2, 4]) {
      expect(r.claims[i]!.errors).toEqual([]);
      expect(roundTrip(r.claims[i]!)).toEqual([]);
    }
    expect(r.claims[1]!.claim.setting).toBe('outpatient');
  });
});

describe('Blue Button inpatient EOB: headers, principal not first, POA extensions, IGNORED_FIELD', () => {
  const r = read('eob-inpatient-header-codes-poa-extension-placeholder-dates.json');
  const c = r.claims[0]!;
  it('puts the principal A40 (sequence 2) first and warns', () => {
    expect(dx(c).map((d) => d.code)).toEqual(['A40', 'A52', 'A06', 'A15', 'B01', 'A37', 'A01', 'A02']);
    expect(dx(c).map((d) => d.qualifier)).toEqual(['principal', 'other', 'other', 'other', 'other', 'admitting', 'external-cause', 'external-cause']);
    expect(c.warnings.find((w) => w.path === 'ExplanationOfBenefit.diagnosis[1]')?.message).toMatch(/principal diagnosis A40 is not listed first/);
  });
  it('prefers the icd-10-cm coding of each double-coded diagnosis, without a warning', () => {
    expect(messages(c.warnings)).not.toMatch(/WHO ICD-10/);
  });
  it('reads POA from the clm_poa_ind_swN / clm_e_poa_ind_swN extensions', () => {
    const poa = Object.fromEntries(dx(c).map((d) => [d.code, d.poa]));
    expect(poa.A40).toBe('Y');
    expect(poa.A52).toBe('N');
    expect(poa.A37).toBeUndefined();
    expect(poa.A01).toBe('N');
  });
  it('warns about created = IGNORED_FIELD but keeps the claim checkable', () => {
    expect(c.warnings.find((w) => w.path === 'ExplanationOfBenefit.created')?.message).toMatch(/IGNORED_FIELD/);
    expect(c.errors).toEqual([]);
    expect(c.claim).toMatchObject({ type: 'institutional', setting: 'inpatient', statementFrom: '2016-01-15', statementThrough: '2016-01-27' });
    expect(roundTrip(c)).toEqual([]);
  });
});

describe('institutional Claim with placeholder ICD-9-CM codes and onAdmission', () => {
  const r = read('claim-institutional-placeholder-codes-onadmission.json');
  const c = r.claims[0]!;
  it('passes the placeholder strings on as codes, principal first, with lowercase POA unchanged', () => {
    expect(dx(c)).toEqual([
      { code: 'princcd', qualifier: 'principal', poa: 'n' },
      { code: 'other', poa: 'u' },
      { code: 'admitcd', qualifier: 'admitting', poa: 'z' },
    ]);
    expect(c.warnings.filter((w) => /icd-9-cm/.test(w.message))).toHaveLength(3);
  });
  it('takes the contained patient and the billable period', () => {
    expect(c.claim).toMatchObject({
      type: 'institutional',
      patient: { sex: 'M', birthDate: '1975-03-01' },
      statementFrom: '1970-07-10',
      statementThrough: '1970-07-20',
    });
  });
  it('warns about the item without productOrService and keeps the line', () => {
    expect(lines(c)).toHaveLength(2);
    expect(c.warnings.map((w) => w.path)).toContain('Claim.item[1].productOrService');
    expect(c.errors).toEqual([]);
    expect(roundTrip(c)).toEqual([]);
  });
});
