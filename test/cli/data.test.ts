/** End to end: `dxlint data build` compiles the releases into the cache folder and says what it found. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, dataDir, runCli } from './helpers.js';

beforeAll(buildOnce, 300_000);

describe('dxlint data build', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'dxlint-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('--no-cache: reads the releases, lists them, writes nothing', async () => {
    const { code, stdout } = await runCli(['data', 'build', dataDir, '--no-cache'], { env: { DXLINT_CACHE: cache } });
    expect(code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
    expect(stdout).toContain('--no-cache: nothing written');
  });

  it('compiles every release into the cache and lists them with their sizes (counts from the CDC files)', async () => {
    const { code, stdout } = await runCli(['data', 'build', dataDir], { env: { DXLINT_CACHE: cache } });
    expect(code).toBe(0);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    // ../shared/icd10cm/README.md: FY2026 98,186 order-file lines, 74,719 billable; FY2025 97,584 and 74,260.
    expect(stdout).toMatch(/fy2026-oct +ICD-10-CM FY2026 \(October 1, 2025\), from 2025-10-01: 98,186 entries, 74,719 billable/);
    expect(stdout).toMatch(/fy2025-oct +.*from 2024-10-01: 97,584 entries, 74,260 billable/);
    expect(stdout).toMatch(/fy2025-apr +.*from 2025-04-01/);
    expect(stdout).toMatch(/notes from the FY2023 Tabular List \(borrowed\)/);
    expect(stdout).toContain(cache);
  });

  it('takes the folder from DXLINT_DATA, and fails with exit 2 and directions without one', async () => {
    expect((await runCli(['data', 'build'], { env: { DXLINT_DATA: dataDir, DXLINT_CACHE: cache } })).code).toBe(0);
    const none = await runCli(['data', 'build']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Code Descriptions/);
    const missing = await runCli(['data', 'build', path.join(cache, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});
