import { prof, realTester, ruleFile } from './setup.js';

const FY2025 = '2025-03-17';

realTester().run('code-needs-seventh-character', ruleFile('code-needs-seventh-character'), {
  valid: [
    { name: 'complete code with placeholders', claim: prof(['W21.89XA']) },
    { name: 'lower-case, undotted complete code', claim: prof(['s52521a']) },
    { name: 'S52.52 is a subcategory with subcategories under it: code-not-billable, not this rule', claim: prof(['S52.52']) },
    { name: 'T78.1 in FY2026 is subdivided (T78.11…): a header, not a missing 7th character', claim: prof(['T78.1']) },
    { name: 'a 7th character that does not exist is code-unknown', claim: prof(['S52.521Z']) },
    { name: 'no release for the date: not judged', claim: prof(['S52.521'], { serviceDate: '2026-11-03' }) },
  ],
  invalid: [
    {
      name: 'S52.521: header whose codes are its 7th-character forms',
      claim: prof(['S52.521']),
      findings: [
        {
          position: 1,
          severity: 'error',
          message: 'S52.521 is not complete without a 7th character (X fills any empty position before it); report one of its 6 complete codes',
          suggestions: ['S52.521A', 'S52.521D', 'S52.521G', 'S52.521K', 'S52.521P', 'S52.521S'],
        },
      ],
    },
    {
      name: 'W21.89A: 7th character without the placeholder X',
      claim: prof(['I10', 'w2189a']),
      findings: [
        {
          position: 2,
          severity: 'error',
          message: 'W21.89A has its 7th character in the wrong place: the placeholder X must fill the empty positions, so the code is W21.89XA',
          suggestions: ['W21.89XA'],
        },
      ],
    },
    {
      name: 'T36.0X1: placeholder present, 7th character missing',
      claim: prof(['T36.0X1']),
      findings: [{ position: 1, severity: 'error', suggestions: ['T36.0X1A', 'T36.0X1D', 'T36.0X1S'] }],
    },
    {
      name: 'W21.89: both placeholder and 7th character missing',
      claim: prof(['W21.89']),
      findings: [{ position: 1, severity: 'error', suggestions: ['W21.89XA', 'W21.89XD', 'W21.89XS'] }],
    },
    {
      name: 'T78.1 in FY2025 only exists as T78.1XXA/D/S',
      claim: prof(['T78.1'], { serviceDate: FY2025 }),
      findings: [{ position: 1, severity: 'error', suggestions: ['T78.1XXA', 'T78.1XXD', 'T78.1XXS'] }],
    },
    {
      name: 'T78.1XX in FY2025 (not an entry of the order file itself)',
      claim: prof(['T78.1XX'], { serviceDate: FY2025 }),
      findings: [{ position: 1, severity: 'error', suggestions: ['T78.1XXA', 'T78.1XXD', 'T78.1XXS'] }],
    },
    {
      name: 'S30.1A in FY2025: one placeholder given, one missing',
      claim: prof(['S30.1A'], { serviceDate: FY2025 }),
      findings: [{ position: 1, severity: 'error', message: /so the code is S30\.1XXA$/, suggestions: ['S30.1XXA'] }],
    },
  ],
});
