import path from 'node:path';
import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import { loadTestCatalog, repoRoot } from '../helpers/data.js';

RuleTester.describe = describe;
RuleTester.it = it;

/** A tester on the real releases in ../shared/icd10cm (loaded once per test file). */
export function realTester(): RuleTester {
  return new RuleTester({ catalog: () => loadTestCatalog() });
}

/** Path of a built-in rule file. */
export function ruleFile(id: string): string {
  return path.join(repoRoot, 'rules', `${id}.json`);
}

/** A professional claim on a FY2026 date with the given codes. */
export function prof(codes: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'professional', serviceDate: '2025-11-03', diagnoses: codes.map((code) => ({ code })), ...extra };
}

/** An inpatient claim on a FY2026 date whose diagnoses carry qualifiers ([code, qualifier]). */
export function inpatient(dx: [string, string?][], patient?: Record<string, string>): Record<string, unknown> {
  return {
    type: 'institutional',
    setting: 'inpatient',
    statementFrom: '2025-11-01',
    statementThrough: '2025-11-03',
    ...(patient ? { patient } : {}),
    diagnoses: dx.map(([code, qualifier]) => (qualifier ? { code, qualifier } : { code })),
  };
}

export { RuleTester };
