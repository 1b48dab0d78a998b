import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/report/types.js';
import { buildValidator } from '../src/validator/index.js';
import type { Validator } from '../src/validator/types.js';
import { loadTestCatalog, repoRoot } from './helpers/data.js';

/**
 * Golden claims: every `fixtures/claims/<name>.json` runs through the whole built-in rule set
 * (recommended preset) on the real releases, in both evaluation modes, and must give exactly
 * the findings of `<name>.expected.json`, which are written by hand from the guidelines and
 * the official files — never by copying output.
 *
 * Expected file: { "description", "release"?, "findings": [...] }. Each finding lists
 * `ruleId`, `severity` and, when the finding has one, `position` and `line` (a missing
 * position/line means the finding must have none); `code`, `message`, `suggestions`,
 * `suggestionsTotal` and `related` are compared when given. `release` (an id, or null) is
 * compared when given. Findings are in report order.
 */

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  position?: number;
  line?: number;
  [key: string]: unknown;
}
interface Expected {
  description: string;
  release?: string | null;
  findings: ExpectedFinding[];
}

const dir = path.join(repoRoot, 'fixtures/claims');
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'))
  .map((n) => n.slice(0, -'.json'.length))
  .sort();
const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

const OPTIONAL = ['code', 'message', 'suggestions', 'suggestionsTotal', 'related'] as const;

/** The actual finding cut down to what the expectation states. */
function project(f: Finding, e: ExpectedFinding | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity };
  if (f.position !== undefined) out.position = f.position;
  if (f.line !== undefined) out.line = f.line;
  for (const key of OPTIONAL) if (e && key in e) out[key] = f[key];
  return out;
}

let fast: Validator;
let reference: Validator;
beforeAll(async () => {
  const catalog = await loadTestCatalog();
  fast = buildValidator(catalog, { preset: 'recommended' });
  reference = buildValidator(catalog, { preset: 'recommended', mode: 'reference' });
});

describe('golden claims', () => {
  it('has at least 40 claims, a third of them clean, each with its expectation', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    const clean = names.filter((n) => (read(`${n}.expected.json`) as Expected).findings.length === 0);
    expect(clean.length * 3).toBeGreaterThanOrEqual(names.length);
  });

  it.each(names)('%s', async (name) => {
    const claim = read(`${name}.json`);
    const expected = read(`${name}.expected.json`) as Expected;
    expect(typeof expected.description).toBe('string');
    const report = await fast.validate(claim);
    expect(report.inputErrors, 'the claim must be valid input').toBeUndefined();
    if ('release' in expected) expect(report.release).toBe(expected.release);
    const actual = report.findings.map((f, i) => project(f, expected.findings[i]));
    expect(actual, expected.description).toEqual(expected.findings);
    // The oracle: json-rules-engine alone gives the very same report.
    expect(await reference.validate(claim)).toEqual(report);
  });
});
