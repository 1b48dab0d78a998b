import { prof, realTester, ruleFile } from './setup.js';

const tester = realTester();

tester.run('code-format', ruleFile('code-format'), {
  valid: [
    { name: 'dotted, upper-case', claim: prof(['Z00.129']) },
    { name: 'undotted, lower-case, spaces', claim: prof([' z00129 ']) },
    { name: 'well-formed but unknown (V73.89) is code-unknown, not this rule', claim: prof(['V73.89']) },
    { name: 'header Z53 is well-formed', claim: prof(['Z53']) },
    { name: 'FY2026 category QA0 has a letter in the second place', claim: prof(['QA0.0101', 'qa00102']) },
  ],
  invalid: [
    {
      name: 'ICD-9 code with a dot',
      claim: prof(['401.9']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: '"401.9" is not an ICD-10-CM code: a code is a letter, a digit, a letter or digit, then up to four letters or digits (e.g. Z00.129)',
        },
      ],
    },
    { name: 'ICD-9 code without a dot, second position', claim: prof(['I10', '4019']), findings: [{ position: 2, severity: 'error', message: /^"4019" is not/ }] },
    { name: 'eight characters', claim: prof(['Z00.12901']), findings: [{ position: 1, severity: 'error' }] },
    { name: 'two letters then a letter (QA0 allows only a digit after the second letter)', claim: prof(['QAA']), findings: [{ position: 1, severity: 'error' }] },
    { name: 'dot after the second character', claim: prof(['Z0.0129']), findings: [{ position: 1, severity: 'error' }] },
    { name: 'empty code', claim: prof(['']), findings: [{ position: 1, severity: 'error', message: /^"" is not/ }] },
    {
      name: 'judged even when no release governs the date',
      claim: prof(['I10', 'J4!'], { serviceDate: '2026-11-03' }),
      findings: [{ position: 2, severity: 'error' }],
    },
  ],
});

tester.run('code-unknown', ruleFile('code-unknown'), {
  valid: [
    { name: 'a valid external-cause code', claim: prof(['V00.01XA']) },
    { name: 'malformed: code-format, not this rule', claim: prof(['4019']) },
    { name: 'needs a 7th character: not unknown', claim: prof(['S52.521']) },
    { name: 'deleted code: code-not-valid-on-date, not unknown', claim: prof(['T78.1XXA']) },
    { name: 'no release for the date: not judged', claim: prof(['V73.89'], { serviceDate: '2026-11-03' }) },
  ],
  invalid: [
    {
      name: 'ICD-9 V code shaped like ICD-10',
      claim: prof(['V73.89']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'V73.89 is not an ICD-10-CM code: it is in neither ICD-10-CM FY2026 (October 1, 2025) nor any other loaded release',
        },
      ],
    },
    { name: 'lower-case undotted', claim: prof(['I10', 'z9999']), findings: [{ position: 2, severity: 'error', message: /^Z99\.99 is not/ }] },
    { name: 'a 7th character that does not exist', claim: prof(['S52.521Z']), findings: [{ position: 1, severity: 'error' }] },
  ],
});

tester.run('code-not-valid-on-date', ruleFile('code-not-valid-on-date'), {
  valid: [
    { name: 'T78.1XXA on the last day of FY2025', claim: prof(['T78.1XXA'], { serviceDate: '2025-09-30' }) },
    { name: 'E11.A on the first day of FY2026', claim: prof(['E11.A'], { serviceDate: '2025-10-01' }) },
    { name: 'unknown everywhere: code-unknown', claim: prof(['V73.89']) },
    {
      name: 'institutional claim: the discharge (through) date picks the release',
      claim: { type: 'institutional', setting: 'inpatient', statementFrom: '2025-09-28', statementThrough: '2025-10-02', diagnoses: [{ code: 'E11.A' }] },
    },
  ],
  invalid: [
    {
      name: 'T78.1XXA after its deletion',
      claim: prof(['T78.1XXA']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'T78.1XXA was deleted on 2025-10-01; it is not valid on 2025-11-03 under ICD-10-CM FY2026 (October 1, 2025)',
        },
      ],
    },
    {
      name: 'E11.A before it existed (FY2025 April release governs)',
      claim: prof(['I10', 'e11a'], { serviceDate: '2025-05-01' }),
      findings: [{ position: 2, severity: 'error', message: /^E11\.A is not valid before 2025-10-01; the date of service is 2025-05-01 under ICD-10-CM FY2025/ }],
    },
    {
      name: 'S30.1XXD deleted; institutional through date in FY2026',
      claim: { type: 'institutional', statementFrom: '2025-09-28', statementThrough: '2025-10-02', diagnoses: [{ code: 'S30.1XXD' }] },
      findings: [{ position: 1, severity: 'error', message: /^S30\.1XXD was deleted on 2025-10-01; it is not valid on 2025-10-02/ }],
    },
  ],
});

/** An institutional claim with J18.9 as principal, admitting, and once more with `third`. */
const j189Thrice = (third: string) => ({
  type: 'institutional',
  statementThrough: '2025-11-03',
  diagnoses: [
    { code: 'J18.9', qualifier: 'principal' },
    { code: 'J18.9', qualifier: 'admitting' },
    { code: 'J18.9', qualifier: third },
  ],
});

tester.run('duplicate-diagnosis', ruleFile('duplicate-diagnosis'), {
  valid: [
    { name: 'codes that share a subcategory are different codes', claim: prof(['J45.909', 'J45.901']) },
    { name: 'one code once', claim: prof(['Z00.129', 'Z23']) },
    {
      name: 'an admitting or reason-for-visit code may repeat the principal (fields of their own)',
      claim: j189Thrice('reason-for-visit'),
    },
  ],
  invalid: [
    {
      name: 'repeat in another form (lower-case, undotted)',
      claim: prof(['J45.909', 'I10', 'j45909']),
      findings: [
        {
          position: 3,
          severity: 'warning',
          message: 'J45.909 at position 3 repeats the code at position 1; report each code once',
          related: [{ position: 1, code: 'J45.909' }],
        },
      ],
    },
    {
      name: 'three times: both repeats point to the first',
      claim: prof(['I10', 'Z23', 'Z23', 'Z23']),
      findings: [
        { position: 3, severity: 'warning', related: [{ position: 2, code: 'Z23' }] },
        { position: 4, severity: 'warning', related: [{ position: 2, code: 'Z23' }] },
      ],
    },
    {
      name: 'an other diagnosis repeating the principal is still a duplicate',
      claim: j189Thrice('other'),
      findings: [{ position: 3, severity: 'warning', related: [{ position: 1, code: 'J18.9' }] }],
    },
  ],
});

tester.run('release-not-loaded', ruleFile('release-not-loaded'), {
  valid: [
    { name: 'last day of FY2026', claim: prof(['I10'], { serviceDate: '2026-09-30' }) },
    { name: 'before ICD-10-CM: patient-date-invalid, not this rule', claim: prof(['I10'], { serviceDate: '2015-09-30' }) },
  ],
  invalid: [
    {
      name: 'after the last loaded fiscal year',
      claim: prof(['I10'], { serviceDate: '2026-11-03' }),
      findings: [
        { severity: 'warning', message: 'No loaded ICD-10-CM release governs 2026-11-03; load the FY2027 release to check the codes of this claim' },
      ],
    },
    {
      name: 'before the earliest loaded release',
      claim: prof(['I10'], { serviceDate: '2024-09-30' }),
      findings: [{ severity: 'warning', message: /governs 2024-09-30; load the FY2024 release/ }],
    },
    {
      name: 'institutional: the through date counts',
      claim: { type: 'institutional', statementFrom: '2026-09-29', statementThrough: '2026-10-02', diagnoses: [{ code: 'I10' }] },
      findings: [{ severity: 'warning', message: /governs 2026-10-02; load the FY2027 release/ }],
    },
  ],
});
