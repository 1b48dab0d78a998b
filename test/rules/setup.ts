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

export { RuleTester };
