import { readFileSync } from 'node:fs';
import { formatCode } from '../../src/code/normalize.js';
import { dataPath } from '../helpers/data.js';
import { prof, realTester, ruleFile } from './setup.js';

/**
 * The billable codes under a header, read straight from the FY2026 order file (flag in
 * column 15, code in columns 7–13): an independent reading of the official file, not the engine's.
 */
function billableUnder(prefix: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(dataPath('fy2026-oct', 'icd10cm-order-2026.txt'), 'latin1').split('\r\n')) {
    const code = line.slice(6, 13).trim();
    if (line[14] === '1' && code.startsWith(prefix) && code !== prefix) out.push(formatCode(code));
  }
  return out;
}

const Z53 = ['Z53.01', 'Z53.09', 'Z53.1', 'Z53.20', 'Z53.21', 'Z53.29', 'Z53.31', 'Z53.32', 'Z53.33', 'Z53.39', 'Z53.8', 'Z53.9'];
const E11 = billableUnder('E11');

realTester().run('code-not-billable', ruleFile('code-not-billable'), {
  valid: [
    { name: 'billable child of Z53', claim: prof(['Z53.01']) },
    { name: 'z00129 lower-case undotted is the billable Z00.129', claim: prof(['z00129', 'Z23']) },
    { name: 'a three-character code that is not subdivided (I10)', claim: prof(['I10']) },
    { name: 'S52.521 lacks only its 7th character: code-needs-seventh-character, not this rule', claim: prof(['S52.521']) },
    { name: 'unknown code: code-unknown, not this rule', claim: prof(['V73.89']) },
    { name: 'B88.0 was billable in FY2025', claim: prof(['B88.0'], { serviceDate: '2025-09-30' }) },
    { name: 'no release for the date: not judged', claim: prof(['Z53'], { serviceDate: '2026-11-03' }) },
  ],
  invalid: [
    {
      name: 'Z53: a category with 12 billable codes, all suggested',
      claim: prof(['Z53']),
      findings: [{ position: 1, severity: 'error', message: 'Z53 is a category with 12 billable codes; report one of them', suggestions: Z53 }],
    },
    {
      name: 'z0012 (lower-case, undotted) at position 2: a subcategory',
      claim: prof(['Z23', 'z0012']),
      findings: [
        { position: 2, severity: 'error', message: 'Z00.12 is a subcategory with 2 billable codes; report one of them', suggestions: ['Z00.121', 'Z00.129'] },
      ],
    },
    {
      name: 'M54.5 has been a header since FY2022',
      claim: prof(['M54.5'], { serviceDate: '2025-03-17' }),
      findings: [{ position: 1, severity: 'error', suggestions: ['M54.50', 'M54.51', 'M54.59'] }],
    },
    {
      name: 'B88.0 became a header on 2025-10-01',
      claim: prof(['B88.0']),
      findings: [{ position: 1, severity: 'error', message: /^B88\.0 is a subcategory with 2 billable codes/, suggestions: ['B88.01', 'B88.09'] }],
    },
    {
      name: 'E11: suggestions capped at 20 with the total',
      claim: prof(['E11']),
      findings: [{ position: 1, severity: 'error', suggestions: E11.slice(0, 20), suggestionsTotal: E11.length }],
    },
  ],
});
