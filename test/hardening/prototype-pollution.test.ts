/**
 * Prototype keys in every kind of input: claim JSON, FHIR resources, X12 element values used as
 * ids, rule files, data tables and validator options. Inputs are made with JSON.parse, so
 * `__proto__` is an own property (as it is in a parsed file). Each input gives a report, a
 * structured error or an ignored field, and no prototype gains a property.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFhir } from '../../src/adapters/fhir/read.js';
import { readX12 } from '../../src/adapters/x12/read.js';
import { parseClaim } from '../../src/claim/parse.js';
import { RuleLoadError, type LoadIssue } from '../../src/engine/errors.js';
import { buildTable } from '../../src/engine/tables/load.js';
import { buildValidator, type Validator } from '../../src/validator/index.js';
import { loadTestCatalog } from '../helpers/data.js';

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const snapshot = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join(','));
const before = snapshot();

function expectClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(snapshot()).toEqual(before);
}

let validator: Validator;
beforeAll(async () => {
  validator = buildValidator(await loadTestCatalog(), { preset: 'recommended' });
});
afterEach(expectClean);

const PAYLOADS = ['{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}'];

/** A claim JSON with a payload merged in at the top, in the patient, in a diagnosis and in a line. */
function claimsWithPayloads(): unknown[] {
  const out: unknown[] = [];
  for (const p of PAYLOADS) {
    const inner = p.slice(1, -1);
    out.push(
      JSON.parse(`{${inner}, "type": "professional", "serviceDate": "2025-11-03", "diagnoses": [{"code": "Z53"}]}`),
      JSON.parse(`{"type": "professional", "serviceDate": "2025-11-03", "patient": {${inner}, "sex": "F"}, "diagnoses": [{"code": "Z53"}]}`),
      JSON.parse(`{"type": "professional", "serviceDate": "2025-11-03", "diagnoses": [{${inner}, "code": "Z53"}]}`),
      JSON.parse(`{"type": "professional", "serviceDate": "2025-11-03", "diagnoses": [{"code": "Z53"}], "lines": [{${inner}, "procedureCode": "99213", "diagnosisPointers": [1]}]}`),
      JSON.parse(`{"type": "professional", "serviceDate": "2025-11-03", "diagnoses": [{"code": "__proto__"}, {"code": "constructor"}], "id": "__proto__"}`),
      JSON.parse(p),
    );
  }
  return out;
}

describe('claim JSON', () => {
  it('parseClaim ignores prototype keys or reports an input error', () => {
    for (const c of claimsWithPayloads()) {
      const r = parseClaim(c);
      if (r.ok) expect((r.claim as Record<string, unknown>).polluted).toBeUndefined();
      else expect(r.errors.length).toBeGreaterThan(0);
      expectClean();
    }
  });

  it('validate gives a report with findings or inputErrors for each, and codes named __proto__ are just bad codes', async () => {
    for (const c of claimsWithPayloads()) {
      const report = await validator.validate(c);
      expect(Array.isArray(report.findings)).toBe(true);
      expect(report.findings.length > 0 || (report.inputErrors?.length ?? 0) > 0).toBe(true);
    }
    const r = await validator.validate(claimsWithPayloads()[4]);
    expect(r.findings.filter((f) => f.ruleId === 'code-format').map((f) => f.position)).toEqual([1, 2]);
  });
});

describe('FHIR', () => {
  it('reads resources with prototype keys, ids and references without pollution', () => {
    const bundle = JSON.parse(`{
      "resourceType": "Bundle", "type": "collection", "__proto__": {"polluted": 1},
      "entry": [
        {"fullUrl": "__proto__", "resource": {"resourceType": "Patient", "id": "__proto__", "gender": "female", "__proto__": {"polluted": 1}}},
        {"fullUrl": "constructor", "resource": {"resourceType": "Patient", "id": "constructor", "gender": "male"}},
        {"fullUrl": "urn:uuid:1", "resource": {
          "resourceType": "Claim", "id": "__proto__", "status": "active", "use": "claim",
          "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
          "patient": {"reference": "Patient/__proto__"}, "created": "2025-11-03",
          "billablePeriod": {"start": "2025-11-03", "end": "2025-11-03"},
          "contained": [{"resourceType": "Patient", "id": "constructor", "__proto__": {"polluted": 1}}],
          "diagnosis": [{"sequence": 1, "__proto__": {"polluted": 1},
            "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z53", "__proto__": {"polluted": 1}}]}}],
          "item": [{"sequence": 1, "diagnosisSequence": [1], "productOrService": {"coding": [{"code": "99213"}]}, "servicedDate": "2025-11-03"}]
        }},
        {"fullUrl": "urn:uuid:2", "resource": {"resourceType": "__proto__", "id": "x"}}
      ]
    }`);
    const result = readFhir(bundle);
    expect(result.claims).toHaveLength(1);
    const claim = result.claims[0]!.claim as { diagnoses?: { code: string }[]; patient?: { sex?: string } };
    expect(claim.diagnoses?.map((d) => d.code)).toEqual(['Z53']);
    // "__proto__" is not a valid FHIR id ([A-Za-z0-9.-]): the reference either finds that Patient
    // like any other or is reported as unresolved; it never reaches Object.prototype.
    const unresolved = result.claims[0]!.warnings.some((w) => w.message.includes('"Patient/__proto__" is not in the input'));
    expect(claim.patient?.sex === 'F' || unresolved).toBe(true);
    expectClean();
  });
});

describe('X12 837', () => {
  it('reads prototype names used as ids (CLM01, HL ids, segment ids) without pollution', () => {
    const x12 = [
      'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251110*0930*^*00501*000000101*0*T*:~',
      'GS*HC*SUBMITTER*RECEIVER*20251110*0930*101*X*005010X222A1~',
      'ST*837*__proto__*005010X222A1~',
      'BHT*0019*00*constructor*20251110*0930*CH~',
      'HL*__proto__**20*1~',
      'NM1*85*2*CLINIC*****XX*1234567893~',
      'HL*constructor*__proto__*22*0~',
      'SBR*P*18*******CI~',
      'NM1*IL*1*DOE*JANE****MI*__proto__~',
      'DMG*D8*19800101*F~',
      '__proto__*polluted*1~',
      'CLM*__proto__*100***11:B:1*Y*A*Y*Y~',
      'HI*ABK:Z53*ABF:constructor~',
      'LX*1~',
      'SV1*HC:99213*100*UN*1***1~',
      'DTP*472*D8*20251103~',
      'SE*16*__proto__~',
      'GE*1*101~',
      'IEA*1*000000101~',
    ].join('\n');
    const result = readX12(x12);
    expect(result.claims.length + result.errors.length).toBeGreaterThan(0);
    expectClean();
  });
});

describe('rule and data-table files', () => {
  it('a data table with prototype keys at every level is loaded or refused, never polluting', () => {
    const issues: LoadIssue[] = [];
    const table = buildTable(
      JSON.parse(`{"__proto__": {"polluted": 1}, "id": "hostile-table", "description": "d", "citation": "test",
        "entries": [{"refs": ["Z00"], "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}]}`),
      '',
      issues,
    );
    if (table) {
      expect(table.has('Z00129')).toBe(true);
      expect(table.has('Z01')).toBe(false);
    } else {
      expect(issues.length).toBeGreaterThan(0);
    }
    expectClean();
  });

  it('validator options with prototype keys cannot switch rules off through the prototype', async () => {
    let v: Validator | undefined;
    try {
      v = buildValidator(await loadTestCatalog(), JSON.parse('{"rules": {"__proto__": {"code-not-billable": "off"}}}'));
    } catch (err) {
      expect(err).toBeInstanceOf(RuleLoadError);
    }
    if (v) {
      const r = await v.validate({ type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }] });
      // Z53 is a header in FY2026: the rule must still run.
      expect(r.findings.map((f) => f.ruleId)).toContain('code-not-billable');
    }
    expectClean();
  });
});
