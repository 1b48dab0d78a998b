import { inpatient, prof, realTester, ruleFile } from './setup.js';

/**
 * first-listed-only: the Z codes of I.C.21.c.16 outside position 1. Expectations come from the
 * guideline list (data/first-listed-only.json) and its two named exceptions, Z00.6 and Z52.9.
 */
const tester = realTester();
const child = { patient: { birthDate: '2019-05-02', sex: 'F' } };

const second = (code: string) => ({ position: 2, severity: 'warning' as const, message: new RegExp(`^${code.replace('.', '\\.')} is in position 2, but it may only be reported as the principal/first-listed diagnosis`) });

tester.run('first-listed-only', ruleFile('first-listed-only'), {
  valid: [
    { name: 'child exam first, Z23 after it', claim: prof(['Z00.129', 'Z23'], child) },
    { name: 'lower-case undotted z00129 first', claim: prof(['z00129', 'z23'], child) },
    { name: 'Z00.6 (research control exam) is the named exception of Z00', claim: prof(['C50.911', 'Z00.6']) },
    { name: 'Z52.9 (donor, unspecified) is the named exception of Z52', claim: prof(['D61.9', 'Z52.9']) },
    { name: 'chemotherapy encounter first', claim: prof(['Z51.11', 'C50.911']) },
    { name: 'liveborn first on the birth record', claim: prof(['Z38.00', 'P07.39']) },
    { name: 'a repeated first-listed code is left to duplicate-diagnosis', claim: prof(['Z00.00', 'E78.5', 'Z00.00']) },
    { name: 'Z31.82 is not on the list (only Z31.81, Z31.83, Z31.84)', claim: prof(['N97.9', 'Z31.82']) },
    { name: 'Z33.1 is not on the list (only Z33.2)', claim: prof(['S93.401A', 'Z33.1']) },
    { name: 'Z51.81 is not on the list (only Z51.0 and Z51.1-)', claim: prof(['I48.91', 'Z51.81']) },
    { name: 'Z76.0 is not on the list (only Z76.1, Z76.2)', claim: prof(['I10', 'Z76.0']) },
    { name: 'Z99.11 is not on the list (only Z99.12)', claim: prof(['J96.11', 'Z99.11']) },
    { name: 'Z23 is not on the list', claim: prof(['J06.9', 'Z23']) },
    { name: 'an unknown code under Z00 (Z00.1290) is left to code-unknown', claim: prof(['J45.909', 'Z00.1290']) },
    { name: 'a malformed code is left to code-format', claim: prof(['J45.909', 'Z00-129']) },
    {
      name: 'an admitting diagnosis has its own field: Z51.11 admitting with a cancer principal',
      claim: inpatient([['C50.911', 'principal'], ['E86.0', 'other'], ['Z51.11', 'admitting']]),
    },
  ],
  invalid: [
    { name: 'z00129 (lower-case, undotted) second is Z00.129', claim: prof(['J45.909', 'z00129'], child), findings: [second('Z00.129')] },
    { name: 'Z23 before the child exam: the exam is out of position 1', claim: prof(['Z23', 'Z00.129'], child), findings: [second('Z00.129')] },
    { name: 'chemotherapy encounter second', claim: prof(['C50.911', 'Z51.11']), findings: [second('Z51.11')] },
    { name: 'an "other" diagnosis on an inpatient claim is in the sequence', claim: inpatient([['C50.911', 'principal'], ['Z51.11', 'other']]), findings: [second('Z51.11')] },
    { name: 'radiation therapy encounter second', claim: prof(['C34.90', 'Z51.0']), findings: [second('Z51.0')] },
    { name: 'adult exam second', claim: prof(['E78.5', 'Z00.00', 'Z23']), findings: [second('Z00.00')] },
    { name: 'two first-listed-only codes: the second is flagged', claim: prof(['Z00.00', 'Z01.419']), findings: [second('Z01.419')] },
    { name: 'liveborn second', claim: prof(['P07.39', 'Z38.00']), findings: [second('Z38.00')] },
    { name: 'bone marrow donor (Z52.3) second', claim: prof(['D61.9', 'Z52.3']), findings: [second('Z52.3')] },
    { name: 'ventilator dependence during power failure second', claim: prof(['J96.11', 'Z99.12']), findings: [second('Z99.12')] },
    { name: 'routine prenatal visit second', claim: prof(['Z3A.20', 'Z34.82']), findings: [second('Z34.82')] },
    { name: 'elective termination second', claim: prof(['Z3A.08', 'Z33.2']), findings: [second('Z33.2')] },
    { name: 'fertility preservation procedure second', claim: prof(['C50.911', 'Z31.84']), findings: [second('Z31.84')] },
    { name: 'healthy infant supervision (Z76.2) second', claim: prof(['R68.12', 'Z76.2']), findings: [second('Z76.2')] },
    {
      name: 'in position 3, with the exact message',
      claim: prof(['I10', 'E78.5', 'Z02.1']),
      findings: [
        {
          position: 3,
          severity: 'warning',
          message: 'Z02.1 is in position 3, but it may only be reported as the principal/first-listed diagnosis; move it to position 1 (unless this claim combines the records of several encounters on the same day)',
        },
      ],
    },
  ],
});
