import { describe, expect, it } from 'vitest';
import type { RuleSource } from '../../src/engine/load-rules.js';
import { buildValidator } from '../../src/validator/index.js';
import { loadTestCatalog } from '../helpers/data.js';
import { baseRule } from './helpers.js';

/**
 * excludes1Pairs: the claim-level list of Excludes1 pairs that the excludes1 diagnosis fact is
 * read from. A payer pack can use it directly, e.g. to hold a claim with any such pair.
 */
const anyPair = baseRule({
  id: 'payer-any-excludes1',
  scope: 'claim',
  message: '{{excludes1Pairs.count}} Excludes1 pair(s)',
  conditions: { all: [{ fact: 'excludes1Pairs', path: '$.count', operator: 'greaterThan', value: 0 }] },
  docs: {
    description: 'd',
    details: 'x',
    invalid: { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'E11.9' }, { code: 'E10.9' }] },
    valid: { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'E11.9' }, { code: 'I10' }] },
  },
});

describe('excludes1Pairs', () => {
  it('lists each pair once, earlier diagnosis first, and the diagnosis fact agrees', async () => {
    const catalog = await loadTestCatalog();
    const v = buildValidator(catalog, { builtinRules: true, rulePacks: [anyPair as RuleSource], rules: { 'payer-any-excludes1': 'error' } });
    const claim = (codes: string[]) => ({ type: 'professional', serviceDate: '2025-11-03', patient: { birthDate: '1970-01-01', sex: 'F' }, diagnoses: codes.map((code) => ({ code })) });

    const two = await v.validate(claim(['E11.9', 'I10', 'E10.9']));
    expect(two.findings.find((f) => f.ruleId === 'payer-any-excludes1')?.message).toBe('1 Excludes1 pair(s)');
    expect(two.findings.filter((f) => f.ruleId === 'excludes1').map((f) => [f.position, f.related])).toEqual([[1, [{ position: 3, code: 'E10.9' }]]]);

    const none = await v.validate(claim(['E11.9', 'I10']));
    expect(none.findings.map((f) => f.ruleId)).toEqual([]);
  });
});
