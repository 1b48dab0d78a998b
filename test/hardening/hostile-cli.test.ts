/**
 * Hostile files through the built CLI (`node dist/cli.js check`), as a pipeline would run it:
 * the process never crashes, prints no stack trace, exits 2 (input problem), and every line of
 * an NDJSON file gets its own report saying what is wrong with it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataRoot, repoRoot } from '../helpers/data.js';

const cli = resolve(repoRoot, 'dist/cli.js');
let dir: string;

beforeAll(() => {
  // Builds dist/ when it is missing or stale (serialised across test files).
  execFileSync(process.execPath, [resolve(repoRoot, 'scripts/ensure-build.mjs')], { cwd: repoRoot, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'dxlint-hostile-cli-'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DXLINT_DATA;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [cli, 'check', '--format', 'ndjson', '--no-progress', '--data', dataRoot(), file],
      { env, maxBuffer: 256 * 2 ** 20, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return fail(error);
        done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** No "    at foo (file:line)" frames: errors are for people, not stack dumps. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('dxlint check on hostile files', () => {
  it('an NDJSON file of hostile lines: one report per line, each saying what is wrong', async () => {
    const lines = [
      JSON.stringify({ id: 'ok', type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'J45.909' }] }),
      JSON.stringify({ id: 'huge', type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z'.repeat(10_000_000) }] }),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '{"__proto__": {"polluted": 1}, "id": "proto", "type": "professional", "serviceDate": "2025-11-03", "diagnoses": [{"code": "J45.909"}]}',
      '{not json',
      '{"type": "professional", "serviceDate": "2025-11-03", "diagn',
    ];
    const file = join(dir, 'hostile.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = await check(file);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(STACK);
    const reports = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; findings: unknown[]; inputErrors?: { path: string; message: string }[] });
    expect(reports).toHaveLength(lines.length);
    expect(reports[0]!.inputErrors).toBeUndefined();
    expect(reports[1]!.inputErrors).toEqual([{ path: 'diagnoses[0].code', message: 'diagnoses[0].code: code is longer than 200 characters' }]);
    expect(reports[2]!.inputErrors?.[0]?.message).toMatch(/line 3/);
    expect(reports[3]!.id).toBe('proto');
    expect(reports[3]!.inputErrors).toBeUndefined();
    expect(reports[4]!.inputErrors?.[0]?.message).toMatch(/line 5 is not valid JSON/);
    expect(reports[5]!.inputErrors?.[0]?.message).toMatch(/line 6 is not valid JSON/);
  });

  it('an 837 without segment terminators: exit 2 with the X12 problem, no crash', async () => {
    const file = join(dir, 'broken.x12');
    writeFileSync(
      file,
      'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *251110*0930*^*00501*000000101*0*T*:GS*HC*S*R*20251110*0930*101*X*005010X222A1ST*837*0001',
    );
    const { code, stderr } = await check(file);
    expect(code).toBe(2);
    expect(stderr).toContain('broken.x12');
    expect(stderr).toMatch(/cannot be a segment terminator/);
    expect(stderr).not.toMatch(STACK);
  });

  it('a FHIR Claim inside 10,000 nested Bundles: exit 2 naming the file, no crash', async () => {
    const claim = JSON.stringify({
      resourceType: 'Claim',
      id: 'c',
      type: { coding: [{ code: 'professional' }] },
      created: '2025-11-03',
      diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z53' }] } }],
    });
    const file = join(dir, 'nested.json');
    writeFileSync(file, `${'{"resourceType":"Bundle","type":"collection","entry":[{"resource":'.repeat(10_000)}${claim}${'}]}'.repeat(10_000)}`);
    const { code, stderr } = await check(file);
    expect(code).toBe(2);
    expect(stderr).toContain('nested.json');
    expect(stderr).toMatch(/Bundles nested more than \d+ levels deep/);
    expect(stderr).not.toMatch(STACK);
  });
});
