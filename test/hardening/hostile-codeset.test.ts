/**
 * Hostile release files: each one gets a specific error (or a warning naming the line) in
 * bounded time and memory, and nothing in them is expanded or fetched. The small files are in
 * fixtures/hostile/ (see its README; copied under the official names by
 * test/helpers/fixture-files.ts); the big ones are generated here in a temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, FormatError, loadRelease } from '../../src/codeset/index.js';
import { crc32, crc32Js } from '../../src/codeset/zip-crc.js';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture-files.js';

/** The hostile fixtures under their official file names (see test/helpers/fixture-files.ts). */
const HOSTILE = fixtureCopy('hostile');
const hostile = (name: string) => resolve(HOSTILE, name);
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dxlint-hostile-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  removeFixtureCopies();
});

/** A folder in the temp dir holding one file. */
function folderWith(name: string, file: string, content: string | Uint8Array): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

/** Loads (no cache) and returns the error thrown, with the time and heap growth it cost. */
async function failure(path: string, options: Parameters<typeof loadRelease>[1] = {}) {
  const heap = process.memoryUsage().heapUsed;
  const t = performance.now();
  let error: unknown;
  try {
    await loadRelease(path, { cache: false, ...options });
  } catch (err) {
    error = err;
  }
  return { error: error as DataError | undefined, ms: performance.now() - t, heapMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20 };
}

describe('Tabular List XML', () => {
  it('refuses a DOCTYPE with nested entities (billion laughs) before parsing, without expanding anything', async () => {
    const { error, ms, heapMb } = await failure(hostile('xml-billion-laughs'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/icd10cm_tabular_2031\.xml: DOCTYPE and ENTITY declarations are not allowed/);
    // 10^9 "lol"s would be gigabytes; refusing costs nothing.
    expect(ms).toBeLessThan(2000);
    expect(heapMb).toBeLessThan(50);
  });

  it('refuses an external entity (XXE) the same way; the referenced file is never read', async () => {
    const { error } = await failure(hostile('xml-external-entity'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/DOCTYPE and ENTITY declarations are not allowed/);
    expect(error!.message).not.toMatch(/root:/);
  });

  it('refuses a truncated XML, saying which elements were left open', async () => {
    const { error } = await failure(hostile('xml-truncated'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toBe(
      'icd10cm_tabular_2031.xml: the file ends before these elements are closed: <ICD10CM.tabular> > <chapter> > <section> > <diag> > <diag> > <desc>; it is truncated (an interrupted download?)',
    );
  });

  it('refuses a closing tag that does not match, with its line (the parser alone would accept it)', async () => {
    const { error } = await failure(hostile('xml-mismatched'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/^icd10cm_tabular_2031\.xml: not well-formed XML at line 12: Expected closing tag 'diag'/);
    expect((error as FormatError).line).toBe(12);
  });

  it('refuses 50,000 nested <diag> levels quickly, with no stack overflow', async () => {
    const dir = folderWith(
      'deep',
      'icd10cm_tabular_2031.xml',
      `<?xml version="1.0"?><ICD10CM.tabular><version>2031</version>${'<diag><name>Z00</name><desc>x</desc>'.repeat(50_000)}${'</diag>'.repeat(50_000)}</ICD10CM.tabular>`,
    );
    const { error, ms } = await failure(dir);
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/icd10cm_tabular_2031\.xml: not a readable XML file/);
    expect(error).not.toBeInstanceOf(RangeError);
    expect(ms).toBeLessThan(3000);
  });

  it('refuses binary garbage named like a Tabular List', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
    const { error } = await failure(folderWith('binary', 'icd10cm_tabular_2031.xml', bytes));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toContain('icd10cm_tabular_2031.xml');
  });

  it('decodes only the XML escapes: an undeclared entity stays literal text', async () => {
    const dir = folderWith(
      'escapes',
      'icd10cm_tabular_2031.xml',
      '<?xml version="1.0"?><ICD10CM.tabular><version>2031</version><chapter><name>21</name><desc>Factors (Z00-Z99)</desc>' +
        '<section id="Z00-Z13"><desc>Persons (Z00-Z13)</desc><diag><name>Z00</name><desc>a &amp;lt; b &#65; &xxe;</desc></diag></section></chapter></ICD10CM.tabular>',
    );
    const set = await loadRelease(dir, { cache: false });
    expect(set.get('Z00')?.title).toBe('a &lt; b A &xxe;');
  });
});

describe('codes and order files', () => {
  it('refuses a codes file whose lines are mostly garbage, naming the file and the first bad line', async () => {
    const { error } = await failure(hostile('codes-mostly-garbage'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/icd10cm-codes-2031\.txt: 12 of 14 lines are not valid codes-file lines \(line 2: /);
    expect((error as FormatError).line).toBe(2);
  });

  it('loads a codes file with two garbage lines and reports each line', async () => {
    const set = await loadRelease(hostile('codes-some-garbage'), { cache: false });
    expect(set.billableCount).toBe(7);
    const bad = set.diagnostics.filter((d) => d.kind === 'malformed-line');
    expect(bad.map((d) => d.line)).toEqual([3, 6]);
    for (const d of bad) expect(d.message).toMatch(/^icd10cm-codes-2031\.txt line \d: .*the line was skipped$/);
    expect(set.get('Z00.129')?.billable).toBe(true);
  });

  it('refuses an order file whose lines are mostly garbage, naming the file and the first bad line', async () => {
    const { error } = await failure(hostile('order-mostly-garbage'));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/icd10cm-order-2031\.txt: \d+ of 12 lines are not valid order-file lines \(line 2: /);
    expect((error as FormatError).line).toBe(2);
  });

  it('refuses an empty codes file and a blank order file instead of loading a release with no codes', async () => {
    const empty = await failure(folderWith('empty-codes', 'icd10cm-codes-2031.txt', ''));
    expect(empty.error).toBeInstanceOf(FormatError);
    expect(empty.error!.message).toMatch(/^icd10cm-codes-2031\.txt: the file holds no code lines \(it is empty or blank\)/);
    const blank = await failure(folderWith('blank-order', 'icd10cm-order-2031.txt', '\r\n\r\n   \r\n'));
    expect(blank.error).toBeInstanceOf(FormatError);
    expect(blank.error!.message).toMatch(/^icd10cm-order-2031\.txt: the file holds no order-file lines/);
  });

  it('refuses a 20 MB codes file with no line break in bounded time', async () => {
    const { error, ms } = await failure(folderWith('one-line', 'icd10cm-codes-2031.txt', 'Z'.repeat(20_000_000)));
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.message).toMatch(/icd10cm-codes-2031\.txt: 1 of 1 lines/);
    expect(ms).toBeLessThan(5000);
  });
});

describe('zips', () => {
  it('refuses a zip whose release file would inflate past the limit, before inflating it', async () => {
    // 12 MB of code lines deflate to about 35 KB.
    const big = strToU8('A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\n'.repeat(200_000));
    const file = join(tmp, 'bomb.zip');
    writeFileSync(file, zipSync({ 'icd10cm-codes-2031.txt': big }, { level: 9 }));
    const { error, heapMb } = await failure(file, { maxInflatedBytes: 1024 * 1024 });
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toBe('bomb.zip: its release files would inflate to more than 1 MB; refusing to read it');
    expect(heapMb).toBeLessThan(8);
  });

  it('refuses a zip whose directory understates a size (the entry would be silently cut off)', async () => {
    const big = strToU8('A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\n'.repeat(200_000));
    const zip = zipSync({ 'icd10cm-codes-2031.txt': big }, { level: 9 });
    // Say 100 bytes in the local header and the central directory.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    const file = join(tmp, 'lying.zip');
    writeFileSync(file, zip);
    const { error, heapMb } = await failure(file);
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toBe(
      "lying.zip!icd10cm-codes-2031.txt: the inflated file does not match the zip's CRC-32 (the zip is damaged, or its directory gives a wrong size); refusing to read it",
    );
    expect(heapMb).toBeLessThan(8);
  });

  it('loads an honest zip of a release (so the CRC check passes good entries)', async () => {
    const codes = 'Z0000   Encounter for general adult medical examination without abnormal findings\r\nZ23     Encounter for immunization\r\n';
    const file = join(tmp, 'honest.zip');
    writeFileSync(file, zipSync({ 'release/icd10cm-codes-2031.txt': strToU8(codes), 'readme.txt': strToU8('x') }));
    const set = await loadRelease(file, { cache: false });
    expect(set.billableCount).toBe(2);
    expect(set.get('Z23')?.billable).toBe(true);
  });

  it('computes CRC-32 the standard way, natively and in JavaScript', () => {
    // The CRC-32 check value of "123456789" is CBF43926 (zip/gzip polynomial).
    expect(crc32Js(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(crc32Js(bytes)).toBe(crc32(bytes));
  });

  it('refuses a zip listing too many entries', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i++) entries[`f${i}.txt`] = strToU8('x');
    const file = join(tmp, 'many.zip');
    writeFileSync(file, zipSync(entries));
    const { error } = await failure(file, { maxEntries: 10 });
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toBe('many.zip: the zip lists more than 10 entries; refusing to read it');
  });

  it('refuses a file named .zip that is not a zip', async () => {
    const file = join(tmp, 'fake.zip');
    writeFileSync(file, 'PK\u0003\u0004 this is not a zip at all'.repeat(10));
    const { error } = await failure(file);
    expect(error).toBeInstanceOf(DataError);
    expect(error!.message).toMatch(/^fake\.zip: not a readable zip/);
  });
});
