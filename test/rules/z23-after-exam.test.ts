import { prof, realTester, ruleFile } from './setup.js';

/**
 * z23-after-exam: Z23 is sequenced after the routine exam it is part of. Error with a child or
 * newborn exam (Tabular note at Z23: code first any routine childhood examination), warning with
 * an adult exam (I.C.21.c.16 has the same-day exception).
 */
const tester = realTester();
const child = { patient: { birthDate: '2021-06-10', sex: 'M' } };
const adult = { patient: { birthDate: '1980-06-10', sex: 'M' } };

tester.run('z23-after-exam', ruleFile('z23-after-exam'), {
  valid: [
    { name: 'child exam, then Z23', claim: prof(['Z00.129', 'Z23'], child) },
    { name: 'lower-case undotted, exam first', claim: prof(['z00129', 'z23'], child) },
    { name: 'adult exam, then Z23', claim: prof(['Z00.00', 'Z23'], adult) },
    { name: 'immunization-only visit: Z23 alone', claim: prof(['Z23'], adult) },
    { name: 'Z23 first with a sick-visit code', claim: prof(['Z23', 'J06.9'], child) },
    { name: 'exam with abnormal findings, finding, then Z23', claim: prof(['Z00.121', 'J30.9', 'Z23'], child) },
    { name: 'Z00.6 (research control exam) is not a routine exam', claim: prof(['Z23', 'Z00.6'], adult) },
    { name: 'a sports physical (Z02.5) is not a routine preventive exam', claim: prof(['Z23', 'Z02.5'], child) },
    { name: 'an eye exam (Z01.00) is not a routine preventive exam', claim: prof(['Z23', 'Z01.00'], adult) },
  ],
  invalid: [
    {
      name: 'Z23 before the child exam: error',
      claim: prof(['Z23', 'Z00.129'], child),
      findings: [
        {
          position: 1,
          severity: 'error',
          message:
            'Z23 (position 1) comes before the routine child health exam Z00.129 (position 2); the Tabular note at Z23 says to code the routine childhood examination first, so list Z00.129 first and Z23 after it',
          related: [{ position: 2, code: 'Z00.129' }],
        },
      ],
    },
    {
      name: 'lower-case undotted z23 before z00129: the same codes',
      claim: prof(['z23', 'z00129'], child),
      findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'Z00.129' }] }],
    },
    {
      name: 'Z23 before a newborn exam: error',
      claim: prof(['Z23', 'Z00.110'], { patient: { birthDate: '2025-10-30', sex: 'F' } }),
      findings: [{ position: 1, severity: 'error', related: [{ position: 2, code: 'Z00.110' }] }],
    },
    {
      name: 'Z23 before the adult exam: warning',
      claim: prof(['Z23', 'Z00.00'], adult),
      findings: [
        {
          position: 1,
          severity: 'warning',
          message: /^Z23 \(position 1\) comes before the preventive exam Z00\.00 \(position 2\); Z00 codes may only be first-listed/,
          related: [{ position: 2, code: 'Z00.00' }],
        },
      ],
    },
    {
      name: 'Z23 in position 2, exam in position 3',
      claim: prof(['J06.9', 'Z23', 'Z00.121'], child),
      findings: [{ position: 2, severity: 'error', related: [{ position: 3, code: 'Z00.121' }] }],
    },
    {
      name: 'with both an adult and a child exam after it, the child exam decides (error)',
      claim: prof(['Z23', 'Z00.01', 'Z00.129'], child),
      findings: [{ position: 1, severity: 'error', related: [{ position: 3, code: 'Z00.129' }] }],
    },
  ],
});
