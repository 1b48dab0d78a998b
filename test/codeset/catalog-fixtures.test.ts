/**
 * Loading, caching and checking releases, on the small hand-written releases in
 * fixtures/codeset/releases (fiscal years 2031 and 2032 are made up; committed as FIXTURE-*
 * files and copied under the official names by test/helpers/fixture-files.ts):
 * - fy2031-oct: order, codes and its own Tabular List XML (all consistent);
 * - fy2031-apr: byte-identical order and codes files under the April names;
 * - fy2032-oct: CMS underscore names; T20 became a header (new T20.0), Z00.11 with two codes
 *   added, T78.1XXS deleted, Z23 retitled; addenda listing exactly that.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, loadCatalog, loadRelease, type Catalog } from '../../src/codeset/index.js';
import { fixtureCopy as officialCopy, removeFixtureCopies } from '../helpers/fixture-files.js';

/** The fixture releases under their official file names (see test/helpers/fixture-files.ts). */
const FIXTURES = officialCopy('codeset/releases');
const temp: string[] = [];
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `dxlint-${prefix}-`));
  temp.push(d);
  return d;
}
/** A writable copy of the fixture releases, to tamper with. */
function fixtureCopy(): string {
  const d = tempDir('releases');
  cpSync(FIXTURES, d, { recursive: true });
  return d;
}
afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
  removeFixtureCopies();
});

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(FIXTURES, { cacheDir: tempDir('cache') });
});

describe('discovery and identity', () => {
  it('finds the three releases under CDC and CMS names, in date order', () => {
    expect(catalog.releases.map((r) => [r.release.id, r.release.effectiveFrom])).toEqual([
      ['fy2031-oct', '2030-10-01'],
      ['fy2031-apr', '2031-04-01'],
      ['fy2032-oct', '2031-10-01'],
    ]);
    expect(catalog.release('fy2032-oct')!.release.label).toBe('ICD-10-CM FY2032 (October 1, 2031)');
    expect(catalog.release('fy2031-apr')!.release.label).toBe('ICD-10-CM FY2031 (April 1, 2031 update)');
  });

  it('byte-identical releases share one copy of the data', () => {
    expect(catalog.release('fy2031-apr')!.data).toBe(catalog.release('fy2031-oct')!.data);
  });

  it('a release with its own XML has full fidelity; the others borrow the nearest', () => {
    expect(catalog.release('fy2031-oct')!.provenance).toEqual({ codes: 'fy2031-oct', tabular: 'fy2031-oct', tabularBorrowed: false });
    expect(catalog.release('fy2032-oct')!.provenance).toEqual({ codes: 'fy2032-oct', tabular: 'fy2031-oct', tabularBorrowed: true });
    // The official files are consistent with each other: no warning anywhere.
    for (const r of catalog.releases) expect(r.diagnostics.filter((d) => d.level === 'warning'), r.release.id).toEqual([]);
  });

  it('counts and hierarchy come from the files', () => {
    const fy2031 = catalog.release('fy2031-oct')!;
    expect([fy2031.size, fy2031.billableCount]).toEqual([27, 16]);
    const fy2032 = catalog.release('fy2032-oct')!;
    expect([fy2032.size, fy2032.billableCount]).toEqual([30, 17]);
    expect(fy2032.get('T20')).toMatchObject({ billable: false, kind: 'category', children: ['T200'] });
    expect(fy2032.get('T78.1XXA')?.parent).toBe('T781');
  });
});

describe('calendar and validity', () => {
  it('follows October releases and April updates, and stops after the last fiscal year', () => {
    expect(catalog.forDate('2031-03-31')?.release.id).toBe('fy2031-oct');
    expect(catalog.forDate('2031-04-01')?.release.id).toBe('fy2031-apr');
    expect(catalog.forDate('2032-09-30')?.release.id).toBe('fy2032-oct');
    expect(catalog.forDate('2032-10-01')).toBeUndefined();
  });

  it('says when a code was deleted, became a header, or will be valid', () => {
    expect(catalog.validity('T78.1XXS', '2031-12-01')).toMatchObject({ valid: false, reason: 'deleted', deletedOn: '2031-10-01' });
    expect(catalog.validity('T20', '2031-12-01')).toMatchObject({ valid: false, reason: 'header', deletedOn: '2031-10-01' });
    expect(catalog.validity('Z00.110', '2031-06-01')).toMatchObject({ valid: false, reason: 'not-yet-valid', validFrom: '2031-10-01' });
    // Z00.11 is a header that exists only in FY2032.
    expect(catalog.validity('Z00.11', '2031-06-01')).toMatchObject({ valid: false, reason: 'not-yet-valid', validFrom: '2031-10-01' });
    expect(catalog.validity('Z00.110', '2031-10-01').valid).toBe(true);
  });
});

describe('changes and addenda', () => {
  it('lists what changed between consecutive releases', () => {
    expect(catalog.changes('T20')).toEqual([{ code: 'T20', from: 'fy2031-apr', to: 'fy2032-oct', change: 'became-header' }]);
    expect(catalog.changes('T200')).toEqual([
      { code: 'T200', from: 'fy2031-apr', to: 'fy2032-oct', change: 'added', newTitle: 'Burn of unspecified degree of head, face, and neck' },
    ]);
    expect(catalog.changes('T78.1XXS')).toMatchObject([{ change: 'deleted', oldTitle: 'Other adverse food reactions, not elsewhere classified, sequela' }]);
    expect(catalog.changes('Z23')).toMatchObject([{ change: 'title-revised', newTitle: 'Encounter for immunization and vaccination' }]);
    expect(catalog.changes('S52.521A')).toEqual([]);
  });

  it('reads the addenda of a release', () => {
    const a = catalog.release('fy2032-oct')!.addenda();
    expect(a.codes!.entries.map((e) => `${e.action} ${e.code}`)).toEqual([
      'delete T20', 'add T200', 'delete T781XXS', 'add Z00110', 'add Z00111', 'revise-from Z23', 'revise-to Z23',
    ]);
    expect(a.order!.entries.filter((e) => e.code === 'T20').map((e) => [e.action, e.billable])).toEqual([['delete', true], ['add', false]]);
    expect(a.codes!.summary.codes).toEqual({
      before: { count: 16, file: 'icd10cm_order_2031.txt' },
      after: { count: 17, file: 'icd10cm_order_2032.txt' },
      additions: 3,
      deletions: 2,
      revisions: 1,
    });
  });

  it('warns when the addenda do not match the releases', async () => {
    const dir = fixtureCopy();
    const file = join(dir, 'fy2032-oct/icd10cm_codes_addenda_2032.txt');
    const text = readFileSync(file, 'utf8').replace('Add:         Z00111  Health examination for newborn 8 to 28 days old\r\n', '');
    writeFileSync(file, text.replace('Add:         T200 ', 'Add:         T201 '));
    const cat = await loadCatalog(dir, { cache: false });
    const d = cat.release('fy2032-oct')!.diagnostics.filter((x) => x.kind.startsWith('addenda'));
    expect(d).toEqual([
      expect.objectContaining({ kind: 'addenda-mismatch', count: 1, examples: ['T20.1'], message: expect.stringMatching(/lists 1 code\(s\) as added/) }),
      expect.objectContaining({ kind: 'addenda-mismatch', count: 2, examples: ['T20.0', 'Z00.111'] }),
      expect.objectContaining({ kind: 'addenda-summary-mismatch', message: expect.stringMatching(/3 additions \(2 Add lines\)/) }),
    ]);
  });

  it('does not check addenda against a release that is not their predecessor', async () => {
    const dir = fixtureCopy();
    rmSync(join(dir, 'fy2031-oct'), { recursive: true });
    rmSync(join(dir, 'fy2031-apr'), { recursive: true });
    const cat = await loadCatalog(dir, { cache: false });
    expect(cat.releases[0]!.diagnostics).toContainEqual(expect.objectContaining({ kind: 'addenda-not-checked' }));
    // The earliest release's addenda still tell what changed when it came in.
    expect(cat.changes('T20')).toEqual([{ code: 'T20', from: 'fy2031-oct', to: 'fy2032-oct', source: 'addenda', change: 'became-header' }]);
    expect(cat.changes('Z00.110')).toMatchObject([{ change: 'added', source: 'addenda' }]);
    expect(cat.changes('Z23')).toMatchObject([{ change: 'title-revised', oldTitle: 'Encounter for immunization', source: 'addenda' }]);
  });
});

describe('consistency checks on load', () => {
  it('reports an order file and a codes file that disagree, and lets the codes file decide billable', async () => {
    const dir = fixtureCopy();
    const codes = join(dir, 'fy2032-oct/icd10cm_codes_2032.txt');
    const lines = readFileSync(codes, 'utf8').split('\r\n');
    const withoutZ23 = lines.filter((l) => !l.startsWith('Z23 '));
    writeFileSync(codes, [...withoutZ23.slice(0, -1), 'Z00129X Not in the order file', ''].join('\r\n'));
    const r = await loadRelease(join(dir, 'fy2032-oct'), { cache: false });
    expect(r.diagnostics.filter((d) => d.level === 'warning').map((d) => [d.kind, d.count, d.examples])).toEqual([
      ['codes-not-billable-in-order', 1, ['Z00.129X']],
      ['order-billable-not-in-codes', 1, ['Z23']],
    ]);
    expect(r.get('Z23')?.billable).toBe(false);
    expect(r.get('Z00.129X')).toMatchObject({ billable: true, order: 0, parent: 'Z00129' });
  });

  it('reports release files and their own Tabular List that disagree', async () => {
    const dir = fixtureCopy();
    const order = join(dir, 'fy2031-oct/icd10cm-order-2031.txt');
    writeFileSync(order, readFileSync(order, 'utf8').replace(/^(\d{5} T20     )1/m, '$10'));
    const codes = join(dir, 'fy2031-oct/icd10cm-codes-2031.txt');
    writeFileSync(codes, readFileSync(codes, 'utf8').replace(/^T20 .*\r\n/m, ''));
    const r = await loadRelease(join(dir, 'fy2031-oct'), { cache: false });
    expect(r.diagnostics.filter((d) => d.kind.startsWith('xml') || d.kind.startsWith('order-code')).map((d) => [d.kind, d.examples])).toEqual([
      ['xml-billable-mismatch', ['T20']],
    ]);
    expect(r.get('T20')?.billable).toBe(false);
  });

  it('reports malformed lines with file and line and still loads', async () => {
    const dir = fixtureCopy();
    const order = join(dir, 'fy2031-oct/icd10cm-order-2031.txt');
    writeFileSync(order, readFileSync(order, 'utf8').replace(/^00002 .*$/m, '00002 this line is garbage'));
    const r = await loadRelease(join(dir, 'fy2031-oct'), { cache: false });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ kind: 'malformed-line', file: 'icd10cm-order-2031.txt', line: 2 }),
    );
    expect(r.has('S525')).toBe(false);
    expect(r.get('S5252')?.parent).toBe('S52');
  });

  it('refuses two different files for the same release', async () => {
    const dir = fixtureCopy();
    const other = join(dir, 'fy2031-oct/icd10cm_order_2031.txt');
    writeFileSync(other, readFileSync(join(dir, 'fy2032-oct/icd10cm_order_2032.txt')));
    await expect(loadCatalog(dir, { cache: false })).rejects.toThrow(/Two different order files for release fy2031-oct/);
  });
});

describe('compiled cache', () => {
  it('compiles once, by content: byte-identical releases share one entry', async () => {
    const cacheDir = tempDir('cache');
    await loadCatalog(FIXTURES, { cacheDir });
    const files = readdirSync(cacheDir).sort();
    expect(files.filter((f) => f.endsWith('.release.bin'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.tabular.json'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a warm load gives the same answers as a cold parse', async () => {
    const cacheDir = tempDir('cache');
    const cold = await loadCatalog(FIXTURES, { cache: false });
    await loadCatalog(FIXTURES, { cacheDir });
    const warm = await loadCatalog(FIXTURES, { cacheDir });
    for (const [i, r] of warm.releases.entries()) {
      const c = cold.releases[i]!;
      expect([...r.nodes()]).toEqual([...c.nodes()]);
      expect(r.diagnostics).toEqual(c.diagnostics);
      expect(r.notes('Z00.121')).toEqual(c.notes('Z00.121'));
      expect(r.seventhCharacters('S52.521A')).toEqual(c.seventhCharacters('S52.521A'));
    }
  });

  it('ignores a damaged cache entry and compiles again', async () => {
    const cacheDir = tempDir('cache');
    await loadRelease(join(FIXTURES, 'fy2032-oct'), { cacheDir });
    const [entry] = readdirSync(cacheDir).filter((f) => f.endsWith('.release.bin'));
    writeFileSync(join(cacheDir, entry!), 'not an artifact');
    const r = await loadRelease(join(FIXTURES, 'fy2032-oct'), { cacheDir });
    expect(r.get('Z00.110')?.billable).toBe(true);
    expect(readFileSync(join(cacheDir, entry!)).subarray(0, 4).toString('latin1')).toBe('DXLC');
  });

  it('writes nothing with cache: false, and follows DXLINT_CACHE by default', async () => {
    const cacheDir = tempDir('cache');
    await loadRelease(join(FIXTURES, 'fy2032-oct'), { cache: false, cacheDir });
    expect(readdirSync(cacheDir)).toEqual([]);
    const saved = process.env.DXLINT_CACHE;
    process.env.DXLINT_CACHE = join(cacheDir, 'env');
    try {
      await loadRelease(join(FIXTURES, 'fy2032-oct'));
      expect(existsSync(join(cacheDir, 'env'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.DXLINT_CACHE;
      else process.env.DXLINT_CACHE = saved;
    }
  });
});

describe('official zips', () => {
  function zipOf(folder: string, inner = ''): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    for (const f of readdirSync(folder)) files[`${inner}${f}`] = readFileSync(join(folder, f));
    return zipSync(files);
  }

  it('loads a release from a zip, with files in a subfolder', async () => {
    const dir = tempDir('zip');
    const zip = join(dir, 'icd10cm-Code Descriptions-2032.zip');
    writeFileSync(zip, zipOf(join(FIXTURES, 'fy2032-oct'), 'Code Descriptions/'));
    const r = await loadRelease(zip, { cache: false });
    expect(r.release.id).toBe('fy2032-oct');
    expect(r.size).toBe(30);
  });

  it('finds zips and folders side by side in a catalog', async () => {
    const dir = tempDir('zip');
    cpSync(join(FIXTURES, 'fy2031-oct'), join(dir, 'fy2031-oct'), { recursive: true });
    writeFileSync(join(dir, 'fy2032.zip'), zipOf(join(FIXTURES, 'fy2032-oct')));
    const cat = await loadCatalog(dir, { cache: false });
    expect(cat.releases.map((r) => r.release.id)).toEqual(['fy2031-oct', 'fy2032-oct']);
    expect(cat.release('fy2032-oct')!.provenance.tabular).toBe('fy2031-oct');
  });

  it('refuses a zip over the entry or size limits, or one that is not a zip', async () => {
    const dir = tempDir('zip');
    const zip = join(dir, 'fy2032.zip');
    writeFileSync(zip, zipOf(join(FIXTURES, 'fy2032-oct')));
    await expect(loadRelease(zip, { cache: false, maxEntries: 2 })).rejects.toThrow(/more than 2 entries/);
    // Above the zip's own size, below what its files inflate to.
    const limit = readFileSync(zip).byteLength + 1;
    await expect(loadRelease(zip, { cache: false, maxInflatedBytes: limit })).rejects.toThrow(/would inflate to more than/);
    await expect(loadRelease(zip, { cache: false, maxInflatedBytes: 100 })).rejects.toThrow(/zip is larger than/);
    await expect(loadRelease(zip, { cache: false, maxInflatedBytes: limit })).rejects.toBeInstanceOf(DataError);
    writeFileSync(zip, 'PK but not really');
    await expect(loadRelease(zip, { cache: false })).rejects.toThrow(/not a readable zip/);
  });
});
