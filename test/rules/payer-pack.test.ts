import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildValidator } from '../../src/validator/create.js';
import { loadTestCatalog, repoRoot } from '../helpers/data.js';
import { prof, realTester } from './setup.js';

const pack = path.join(repoRoot, 'rules/examples');
const mri = (pointers: number[], code = '72148') => ({ procedureCode: code, diagnosisPointers: pointers });

realTester().run('payer-acme-mri-requires-dx', path.join(pack, 'payer-acme-mri-requires-dx.json'), {
  valid: [
    { name: 'points to lumbar radiculopathy', claim: prof(['M54.16'], { lines: [mri([1])] }) },
    { name: 'one of several pointers is covered (stenosis, a dash entry)', claim: prof(['M54.50', 'M48.062'], { lines: [mri([1, 2])] }) },
    { name: 'covered code on the claim in another form', claim: prof(['m5417'], { lines: [mri([1], '72158')] }) },
    { name: 'another procedure needs nothing', claim: prof(['M54.50'], { lines: [{ procedureCode: '99213', diagnosisPointers: [1] }] }) },
  ],
  invalid: [
    {
      name: 'low back pain only',
      claim: prof(['M54.50'], { lines: [{ procedureCode: '99213', diagnosisPointers: [1] }, mri([1])] }),
      findings: [
        {
          line: 2,
          severity: 'error',
          message:
            'Line 2 (72148, lumbar spine MRI) does not point to a diagnosis ACME covers for it; point it to one of the covered diagnoses (radiculopathy, stenosis, cauda equina syndrome, neoplasm, fracture, infection)',
        },
      ],
    },
    {
      name: 'covered code on the claim but the MRI line does not point to it',
      claim: prof(['M54.50', 'M54.16'], { lines: [mri([1], '72149')] }),
      findings: [{ line: 1, severity: 'error', message: /^Line 1 \(72149,/ }],
    },
    { name: 'no pointers at all', claim: prof(['M54.16'], { lines: [{ procedureCode: '72148' }] }), findings: [{ line: 1, severity: 'error' }] },
  ],
});

describe('a rule pack folder next to the built-in rules', () => {
  it('runs with the built-in rules, with its own data table, and can be turned off like any rule', async () => {
    const catalog = await loadTestCatalog();
    const claim = prof(['M54.5'], { lines: [mri([1])] });
    const v = buildValidator(catalog, { rulePacks: [pack] });
    const ids = (await v.validate(claim)).findings.map((f) => f.ruleId);
    expect(ids).toEqual(['payer-acme-mri-requires-dx', 'code-not-billable']);
    const off = buildValidator(catalog, { rulePacks: [pack], rules: { 'payer-acme-mri-requires-dx': 'off' } });
    expect((await off.validate(claim)).findings.map((f) => f.ruleId)).toEqual(['code-not-billable']);
  });
});
