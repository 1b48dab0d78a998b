/**
 * The batch runner works from built output, where the worker is `worker.js` (ESM) or
 * `worker.cjs` (CJS) beside the module that starts it, as in dist/. The build goes to a
 * private folder under node_modules/.cache (so it cannot race with other builds of dist/, and
 * package imports still resolve), with the same tsup settings as the library build.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createBatchValidator as Create } from '../../src/batch/index.js';
import { dataRoot, repoRoot } from '../helpers/data.js';

const out = resolve(repoRoot, 'node_modules/.cache/dxlint-test-batch-dist', String(process.pid));

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      resolve(repoRoot, 'node_modules/tsup/dist/cli-default.js'),
      '--no-config', '--silent', '--format', 'esm,cjs', '--target', 'node20', '--platform', 'node', '--shims', '--no-splitting',
      '--entry.create', 'src/batch/create.ts', '--entry.worker', 'src/batch/worker.ts', '-d', out,
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  for (const f of ['create.js', 'create.cjs', 'worker.js', 'worker.cjs']) expect(existsSync(resolve(out, f)), f).toBe(true);
  return () => rmSync(out, { recursive: true, force: true });
}, 120_000);

const claim = {
  id: 'c1',
  type: 'professional',
  serviceDate: '2025-11-03',
  diagnoses: [{ code: 'Z53' }, { code: 'J45.909' }],
};

async function check(create: typeof Create): Promise<void> {
  const batch = await create({ data: dataRoot(), threads: 1 });
  try {
    const [report, bad] = await batch.validateAll([claim, { type: 'nope' }]);
    expect(report!.id).toBe('c1');
    expect(report!.release).toBe('fy2026-oct');
    // Z53 is a header in FY2026 (README of the release files).
    expect(report!.findings.map((f) => f.ruleId)).toContain('code-not-billable');
    expect(bad!.inputErrors?.length).toBeGreaterThan(0);
  } finally {
    await batch.destroy();
  }
}

describe('batch runner from the package build (dist/index.js, dist/index.cjs)', () => {
  beforeAll(() => {
    // Builds dist/ when it is missing or stale (serialised across test files).
    execFileSync(process.execPath, [resolve(repoRoot, 'scripts/ensure-build.mjs')], { cwd: repoRoot, stdio: 'pipe' });
  }, 300_000);

  it('is exported by the ESM entry and finds dist/worker.js', async () => {
    const mod = (await import(pathToFileURL(resolve(repoRoot, 'dist/index.js')).href)) as { createBatchValidator: typeof Create };
    await check(mod.createBatchValidator);
  });

  it('is exported by the CJS entry and finds dist/worker.cjs', async () => {
    const mod = createRequire(import.meta.url)(resolve(repoRoot, 'dist/index.cjs')) as { createBatchValidator: typeof Create };
    await check(mod.createBatchValidator);
  });
});

describe('batch runner from built output', () => {
  it('runs with the ESM build (worker.js)', async () => {
    const mod = (await import(pathToFileURL(resolve(out, 'create.js')).href)) as { createBatchValidator: typeof Create };
    await check(mod.createBatchValidator);
  });

  it('runs with the CJS build (worker.cjs)', async () => {
    const mod = createRequire(import.meta.url)(resolve(out, 'create.cjs')) as { createBatchValidator: typeof Create };
    await check(mod.createBatchValidator);
  });
});
