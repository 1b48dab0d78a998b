import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/types.js';
import { buildValidator } from '../../src/validator/index.js';
import type { Validator } from '../../src/validator/types.js';
import { loadTestCatalog, repoRoot } from '../helpers/data.js';

/**
 * Golden claims for the rules of sections B and C (fixtures/claims/bc-*.json). Each claim runs
 * through the whole built-in rule set (recommended preset), and its findings must be exactly
 * the hand-written list in the matching `.expected.json`: rule, severity, position, and the
 * related diagnoses where the expectation names them. Messages are left to the rule tests.
 */

interface Expected {
  description: string;
  findings: { ruleId: string; severity: string; position?: number; related?: { position?: number; code?: string }[] }[];
}

const dir = path.join(repoRoot, 'fixtures/claims');
const names = readdirSync(dir)
  .filter((n) => n.startsWith('bc-') && n.endsWith('.json') && !n.endsWith('.expected.json'))
  .map((n) => n.slice(0, -'.json'.length))
  .sort();

let validator: Validator;
beforeAll(async () => {
  validator = buildValidator(await loadTestCatalog(), { preset: 'recommended' });
});

function project(f: Finding, withRelated: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity };
  if (f.position !== undefined) out.position = f.position;
  if (withRelated && f.related) out.related = f.related;
  return out;
}

describe('golden claims, sections B and C', () => {
  it('has about twenty of them, about a third clean', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    const clean = names.filter((n) => (JSON.parse(readFileSync(path.join(dir, `${n}.expected.json`), 'utf8')) as Expected).findings.length === 0);
    expect(clean.length).toBeGreaterThanOrEqual(Math.floor(names.length / 4));
  });

  it.each(names)('%s', async (name) => {
    const claim = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
    const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    const report = await validator.validate(claim);
    expect(report.inputErrors).toBeUndefined();
    expect(report.release).toBe('fy2026-oct');
    const actual = report.findings.map((f, i) => project(f, expected.findings[i]?.related !== undefined));
    expect(actual, expected.description).toEqual(expected.findings);
  });
});
