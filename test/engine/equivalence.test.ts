import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RuleEngine } from '../../src/engine/jre.js';
import { buildValidator } from '../../src/validator/index.js';
import type { Validator } from '../../src/validator/types.js';
import { loadTestCatalog } from '../helpers/data.js';

/**
 * Compiling must change nothing: on random claims, the compiled mode (predicates make the
 * findings), the fast mode (predicate, then json-rules-engine) and the reference mode
 * (json-rules-engine for every rule and target) give identical reports. The claims are drawn from codes that trigger every rule family
 * (headers, 7th characters, deleted and new codes, malformed and unknown codes, position and
 * pair rules, obstetric/newborn, ages and sexes) on dates across and outside the releases.
 */

const codes = [
  'I10', 'E11.9', 'E78.5', 'J45.909', 'Z79.4', 'Z00.129', 'Z00.121', 'Z00.00', 'Z00.110', 'Z23', 'Z53', 'Z53.01', 'Z00.12', 'E11',
  'S52.521', 'S52.521A', 'S52.521S', 'W21.89A', 'W21.89XA', 'T36.0X1', 'T36.0X6A', 'T78.1XXA', 'T78.1', 'E11.A', 'B88.0', 'M54.5',
  'O80', 'O99.89', 'Z37.0', 'Z3A.20', 'Z33.1', 'Z34.00', 'Z38.00', 'P07.30', 'R65.20', 'A41.9', 'Z68.41', 'Z68.52', 'G30.9',
  'F02.80', 'N40.0', 'C61', 'N80.0', 'Z51.11', 'C50.911', 'V73.89', '401.9', '', 'z00129', 'i10', ' e119 ', 'Z001.29', 'L89.151',
];
const dates = ['2015-09-30', '2015-10-01', '2024-09-30', '2024-10-15', '2025-05-01', '2025-09-30', '2025-10-01', '2026-03-01', '2026-09-30', '2026-11-03'];
const births = [undefined, '1900-01-01', '1950-06-15', '1990-02-28', '2010-07-01', '2025-09-20', '2025-10-28', '2030-01-01'];
const procedures = ['99213', '99392', '90460', '90471', '90686', 'G0008', '72148', '36415', 'g0009'];
const poas = [undefined, 'Y', 'N', 'U', 'W', '1', '', 'y', 'X', ' n '];

const diagnosis = fc.record(
  { code: fc.constantFrom(...codes), poa: fc.constantFrom(...poas) },
  { requiredKeys: ['code'] },
).map(({ code, poa }) => (poa === undefined ? { code } : { code, poa }));

const line = fc.record({
  procedureCode: fc.constantFrom(...procedures),
  diagnosisPointers: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 6 }),
});

const claim = fc
  .record({
    type: fc.constantFrom('professional', 'institutional'),
    setting: fc.constantFrom(undefined, 'inpatient', 'outpatient'),
    date: fc.constantFrom(...dates),
    birthDate: fc.constantFrom(...births),
    sex: fc.constantFrom(undefined, 'F', 'M', 'U'),
    diagnoses: fc.array(diagnosis, { maxLength: 14 }),
    lines: fc.array(line, { maxLength: 3 }),
  })
  .map((c) => {
    const out: Record<string, unknown> = { type: c.type, diagnoses: c.diagnoses, lines: c.lines };
    if (c.type === 'institutional') {
      out.statementThrough = c.date;
      if (c.setting) out.setting = c.setting;
    } else out.serviceDate = c.date;
    const patient: Record<string, unknown> = {};
    if (c.birthDate) patient.birthDate = c.birthDate;
    if (c.sex) patient.sex = c.sex;
    out.patient = patient;
    return out;
  });

let compiled: Validator;
let fast: Validator;
let reference: Validator;
let byDefault: Validator;
beforeAll(async () => {
  const catalog = await loadTestCatalog();
  compiled = buildValidator(catalog, { preset: 'strict', mode: 'compiled' });
  fast = buildValidator(catalog, { preset: 'strict', mode: 'fast' });
  reference = buildValidator(catalog, { preset: 'strict', mode: 'reference' });
  byDefault = buildValidator(catalog, { preset: 'strict' });
});

describe('compiled mode = fast mode = reference mode', () => {
  it('on random claims', async () => {
    let withFindings = 0;
    let withCases = 0;
    await fc.assert(
      fc.asyncProperty(claim, async (c) => {
        const a = await compiled.validate(c);
        const b = await reference.validate(c);
        expect(a.inputErrors).toBeUndefined();
        expect(a).toEqual(b);
        // Same keys in the same order, too (the JSON output is diffed and snapshot-tested).
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(await fast.validate(c)).toEqual(b);
        if (a.findings.length > 0) withFindings++;
        // Findings whose severity or message came from a case (age-conflict warning rows, z23 with an adult exam…).
        if (a.findings.some((f) => f.ruleId === 'age-conflict' || f.ruleId === 'code-not-valid-on-date' || f.ruleId === 'patient-date-invalid')) withCases++;
      }),
      { numRuns: 400, seed: 20251103 },
    );
    // The property is only meaningful if rules do fire on these claims, cases included.
    expect(withFindings).toBeGreaterThan(250);
    expect(withCases).toBeGreaterThan(40);
  });

  it('the default is the compiled mode: findings without json-rules-engine', async () => {
    const c = { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z53' }, { code: 'Z53' }] };
    const run = vi.spyOn(RuleEngine.prototype, 'run');
    try {
      const report = await byDefault.validate(c);
      expect(report.findings.map((f) => f.ruleId)).toEqual(['code-not-billable', 'code-not-billable', 'duplicate-diagnosis']);
      expect(run).not.toHaveBeenCalled();
      await fast.validate(c);
      expect(run).toHaveBeenCalled();
    } finally {
      run.mockRestore();
    }
  });
});
