import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, loadCatalog, loadRelease } from '../../src/codeset/index.js';

describe('missing data', () => {
  it('a missing folder fails with a DataError naming the folder and how to get the files', async () => {
    const where = join(tmpdir(), 'dxlint-no-such-folder');
    const err = await loadCatalog(where).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toContain(where);
    expect((err as DataError).message).toMatch(/Code Descriptions/);
    expect((err as DataError).message).toMatch(/DXLINT_DATA/);
    expect((err as DataError).message).toMatch(/--data/);
  });

  it('an empty folder, or one without release files, fails the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxlint-empty-'));
    await expect(loadCatalog(dir)).rejects.toThrow(/No ICD-10-CM release files found in/);
    mkdirSync(join(dir, 'fy2026-apr'));
    writeFileSync(join(dir, 'fy2026-apr', 'icd10cm_tabular.xsd'), '<xs:schema/>');
    await expect(loadCatalog(dir)).rejects.toThrow(DataError);
    await expect(loadRelease(dir)).rejects.toThrow(/DXLINT_DATA/);
  });

  it('without a path it names the environment variable', async () => {
    const saved = process.env.DXLINT_DATA;
    delete process.env.DXLINT_DATA;
    try {
      await expect(loadCatalog()).rejects.toThrow(/DXLINT_DATA/);
    } finally {
      if (saved !== undefined) process.env.DXLINT_DATA = saved;
    }
  });
});
