import { prof, realTester, ruleFile } from './setup.js';

const tester = realTester();
const many = (n: number) => Array.from({ length: n }, (_, i) => `Z${String(i).padStart(2, '0')}.9`);
const line = (procedureCode: string, diagnosisPointers?: number[]) => (diagnosisPointers ? { procedureCode, diagnosisPointers } : { procedureCode });

tester.run('claim-no-diagnosis', ruleFile('claim-no-diagnosis'), {
  valid: [{ name: 'one diagnosis', claim: prof(['I10']) }],
  invalid: [
    {
      name: 'empty list',
      claim: prof([]),
      findings: [{ severity: 'error', message: 'The claim has no diagnosis code; at least one (the first-listed or principal diagnosis) is required' }],
    },
    { name: 'institutional', claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [] }, findings: [{ severity: 'error' }] },
  ],
});

tester.run('claim-too-many-diagnoses', ruleFile('claim-too-many-diagnoses'), {
  valid: [
    { name: '12 on a professional claim', claim: prof(many(12)) },
    { name: '25 on an institutional claim', claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: many(25).map((code) => ({ code })) } },
    { name: '13 on an institutional claim', claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: many(13).map((code) => ({ code })) } },
    {
      name: '25 principal/other plus admitting, reason-for-visit and external-cause codes (837I slots of their own)',
      claim: {
        type: 'institutional',
        statementThrough: '2025-11-03',
        diagnoses: [
          ...many(25).map((code) => ({ code })),
          { code: 'R07.9', qualifier: 'admitting' },
          { code: 'R07.9', qualifier: 'reason-for-visit' },
          { code: 'W19.XXXA', qualifier: 'external-cause' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: '13 on a professional claim',
      claim: prof(many(13)),
      findings: [{ severity: 'error', message: 'The claim has 13 diagnosis codes; a professional claim (837P, CMS-1500) carries at most 12' }],
    },
    {
      name: '26 on an institutional claim',
      claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: many(26).map((code) => ({ code })) },
      findings: [{ severity: 'error', message: 'The claim has 26 diagnosis codes; an institutional claim (837I) carries at most 25' }],
    },
  ],
});

tester.run('pointer-invalid', ruleFile('pointer-invalid'), {
  valid: [
    { name: 'four distinct pointers to existing diagnoses', claim: prof(['I10', 'E11.9', 'E78.5', 'Z79.4'], { lines: [line('99214', [1, 2, 3, 4])] }) },
    { name: 'a line without pointers is not this rule', claim: prof(['I10'], { lines: [line('99213')] }) },
    {
      name: 'institutional claims have no line pointers: not checked',
      claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [{ code: 'I10' }], lines: [line('99213', [3])] },
    },
  ],
  invalid: [
    {
      name: 'pointer past the last diagnosis',
      claim: prof(['I10'], { lines: [line('99213', [1, 2])] }),
      findings: [{ line: 1, severity: 'error', message: 'Line 1 points to diagnosis 2, which is not on the claim' }],
    },
    {
      name: 'repeated pointer on line 2 only',
      claim: prof(['I10', 'E11.9'], { lines: [line('99213', [1, 2]), line('36415', [1, 1])] }),
      findings: [{ line: 2, severity: 'error', message: 'Line 2 repeats pointer 1' }],
    },
    {
      name: 'five pointers',
      claim: prof(['I10', 'E11.9', 'E78.5', 'Z79.4', 'J45.909'], { lines: [line('99215', [1, 2, 3, 4, 5])] }),
      findings: [{ line: 1, severity: 'error', message: 'Line 1 has 5 pointers (at most 4)' }],
    },
    {
      name: 'zero and a repeat: every problem named',
      claim: prof(['I10'], { lines: [line('99213', [0, 1, 1])] }),
      findings: [{ line: 1, severity: 'error', message: 'Line 1 points to diagnosis 0, which is not on the claim; repeats pointer 1' }],
    },
  ],
});

tester.run('vaccine-line-without-z23', ruleFile('vaccine-line-without-z23'), {
  valid: [
    { name: 'administration line points to Z23', claim: prof(['Z00.129', 'Z23'], { lines: [line('99392', [1]), line('90460', [2, 1])] }) },
    { name: 'vaccine product 90686 points to Z23', claim: prof(['Z23'], { lines: [line('90686', [1]), line('90471', [1])] }) },
    { name: '90475 is outside the listed ranges', claim: prof(['I10'], { lines: [line('90475', [1])] }) },
    { name: 'an office visit needs no Z23', claim: prof(['I10'], { lines: [line('99213', [1])] }) },
    {
      name: 'institutional claim with Z23 on it',
      claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [{ code: 'Z23' }], lines: [line('90471')] },
    },
  ],
  invalid: [
    {
      name: '90460 points to the exam only',
      claim: prof(['Z00.129', 'Z23'], { lines: [line('99392', [1]), line('90460', [1])] }),
      findings: [
        { line: 2, severity: 'warning', message: 'Line 2 (90460) is a vaccine or its administration but does not point to Z23 (encounter for immunization)' },
      ],
    },
    {
      name: 'lower-case HCPCS g0008 without pointers',
      claim: prof(['J45.909'], { lines: [line('g0008')] }),
      findings: [{ line: 1, severity: 'warning', message: /^Line 1 \(G0008\)/ }],
    },
    {
      name: 'both ends of the vaccine product range',
      claim: prof(['I10'], { lines: [line('90476', [1]), line('90759', [1]), line('90760', [1])] }),
      findings: [
        { line: 1, severity: 'warning' },
        { line: 2, severity: 'warning' },
      ],
    },
    {
      name: 'institutional claim without Z23',
      claim: { type: 'institutional', statementThrough: '2025-11-03', diagnoses: [{ code: 'I10' }], lines: [line('90471')] },
      findings: [
        { line: 1, severity: 'warning', message: 'Line 1 (90471) is a vaccine or its administration but Z23 (encounter for immunization) is not on the claim' },
      ],
    },
  ],
});

tester.run('patient-date-invalid', ruleFile('patient-date-invalid'), {
  valid: [
    { name: 'born on the date of service', claim: prof(['Z38.00'], { patient: { birthDate: '2025-11-03' } }) },
    { name: 'exactly 124 years old', claim: prof(['I10'], { patient: { birthDate: '1901-11-03' } }) },
    { name: 'no birth date', claim: prof(['I10']) },
    { name: 'first day of ICD-10-CM', claim: prof(['I10'], { serviceDate: '2015-10-01' }) },
    {
      name: 'newborn born during the stay (after admission, before discharge)',
      claim: { type: 'institutional', statementFrom: '2025-10-20', statementThrough: '2025-10-25', patient: { birthDate: '2025-10-22' }, diagnoses: [{ code: 'Z38.00' }] },
    },
  ],
  invalid: [
    {
      name: 'born after the date of service',
      claim: prof(['Z00.129'], { patient: { birthDate: '2025-12-01' } }),
      findings: [{ severity: 'error', message: "The patient's birth date 2025-12-01 is after the date of service 2025-11-03" }],
    },
    {
      name: '125 years old',
      claim: prof(['I10'], { patient: { birthDate: '1900-11-03' } }),
      findings: [{ severity: 'error', message: 'The patient would be 125 years old on 2025-11-03; an age over 124 is not accepted (check the birth date)' }],
    },
    {
      name: 'date of service before ICD-10-CM',
      claim: prof(['I10'], { serviceDate: '2015-09-30' }),
      findings: [
        {
          severity: 'error',
          message: 'The date of service 2015-09-30 is before 2015-10-01, when ICD-10-CM took effect; ICD-10-CM codes cannot be reported for it',
        },
      ],
    },
    {
      name: 'institutional: the through date is the date',
      claim: { type: 'institutional', statementFrom: '2025-10-20', statementThrough: '2025-10-25', patient: { birthDate: '2025-10-26' }, diagnoses: [{ code: 'I10' }] },
      findings: [{ severity: 'error', message: "The patient's birth date 2025-10-26 is after the date of service 2025-10-25" }],
    },
  ],
});

const inpatient = (poa: (string | undefined)[], type = 'institutional') => ({
  type,
  ...(type === 'institutional' ? { setting: 'inpatient', statementFrom: '2025-11-01', statementThrough: '2025-11-03' } : { serviceDate: '2025-11-03' }),
  diagnoses: poa.map((p, i) => ({ code: ['J18.9', 'I10', 'E11.9', 'Z79.4'][i]!, ...(p === undefined ? {} : { poa: p }) })),
});

tester.run('poa-invalid', ruleFile('poa-invalid'), {
  valid: [
    { name: 'Y, N, U, W', claim: inpatient(['Y', 'N', 'U', 'W']) },
    { name: 'blank, absent, 1 and surrounding spaces', claim: inpatient(['', undefined, '1', ' Y ']) },
    { name: 'professional claims carry no POA', claim: inpatient(['X'], 'professional') },
  ],
  invalid: [
    {
      name: 'X is not a POA value',
      claim: inpatient(['Y', 'X']),
      findings: [
        { position: 2, severity: 'error', message: 'POA value "X" on I10 is not a present-on-admission indicator; use Y, N, U, W, 1 or leave it blank' },
      ],
    },
    { name: 'E (an HL7 v2 value, not UB-04)', claim: inpatient(['E']), findings: [{ position: 1, severity: 'error' }] },
    {
      name: 'lower-case y: warning, upper-case it',
      claim: inpatient(['y']),
      findings: [{ position: 1, severity: 'warning', message: 'POA value "y" on J18.9 is lower-case; the UB-04/837I indicator is upper-case (Y)' }],
    },
  ],
});
