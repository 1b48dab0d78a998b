/**
 * The FY2023 Tabular List XML (../shared/icd10cm/fy2023): its structure and notes, and the
 * FY2025/FY2026 releases borrowing it (they have no XML of their own). Expected values come
 * from the XML itself and the data README.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRelease, type Catalog, type ReleaseCodeSet } from '../../src/codeset/index.js';
import { readTabularFile, type TabularFile } from '../../src/codeset/read-tabular.js';
import { dataPath, loadTestCatalog } from '../helpers/data.js';

let xml: TabularFile;
let fy2023: ReleaseCodeSet;
let catalog: Catalog;

beforeAll(async () => {
  xml = readTabularFile(dataPath('fy2023', 'icd10cm_tabular_2023.xml'));
  fy2023 = await loadRelease(dataPath('fy2023'));
  catalog = await loadTestCatalog();
});

describe('FY2023 Tabular List XML', () => {
  it('has the verified structure: 22 chapters, 296 sections, 45,869 diags of which 1,914 categories', () => {
    expect(xml.version).toBe('2023');
    expect(xml.chapters).toHaveLength(22);
    expect(xml.sections).toHaveLength(296);
    expect(xml.diags).toHaveLength(45_869);
    expect(xml.diags.filter((d) => d.parent === -1)).toHaveLength(1_914);
    expect(xml.diags.filter((d) => d.seventh)).toHaveLength(507);
    expect(xml.diags.filter((d) => !d.hasChildren)).toHaveLength(35_555);
  });

  it('reports the one misplaced element of the official file (H54.512A under H54.511) with its line', () => {
    expect(xml.diagnostics).toEqual([
      expect.objectContaining({ kind: 'malformed-element', line: 54_105, file: 'icd10cm_tabular_2023.xml' }),
    ]);
    expect(xml.diagnostics[0]!.message).toMatch(/H54\.512A .* placed under H54\.51/);
  });

  it('Z00.12 has its Excludes1 references to Z00.11- and Z76.1-Z76.2', () => {
    const excludes1 = fy2023.notes('Z00.12', 'excludes1').filter((n) => n.source === 'Z0012');
    expect(excludes1.map((n) => n.text)).toEqual([
      'health check for child under 29 days old (Z00.11-)',
      'health supervision of foundling or other healthy infant or child (Z76.1-Z76.2)',
      'newborn health examination (Z00.11-)',
    ]);
    expect(excludes1.flatMap((n) => n.refs)).toEqual([
      { kind: 'prefix', from: 'Z0011', text: 'Z00.11-' },
      { kind: 'range', from: 'Z761', to: 'Z762', text: 'Z76.1-Z76.2' },
      { kind: 'prefix', from: 'Z0011', text: 'Z00.11-' },
    ]);
    // Inherited: Z00's own Excludes1, then the section's and the chapter's notes.
    const inherited = fy2023.notes('Z00.12', 'excludes1').filter((n) => n.source !== 'Z0012');
    expect(inherited.map((n) => [n.source, n.scope ?? 'code'])).toEqual([['Z00', 'code'], ['Z00-Z13', 'section']]);
  });

  it('S52.521 takes its 7th characters from S52.52 (six), not from S52 (sixteen)', () => {
    expect(fy2023.seventhCharacters('S52.521')).toEqual({
      source: 'S5252',
      chars: {
        A: 'initial encounter for closed fracture',
        D: 'subsequent encounter for fracture with routine healing',
        G: 'subsequent encounter for fracture with delayed healing',
        K: 'subsequent encounter for fracture with nonunion',
        P: 'subsequent encounter for fracture with malunion',
        S: 'sequela',
      },
      note: 'The appropriate 7th character is to be added to all codes in subcategory S52.52',
    });
    expect(Object.keys(fy2023.seventhCharacters('S52.599')!.chars)).toEqual([
      'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S',
    ]);
    expect(fy2023.seventhCharacters('S52.599')!.source).toBe('S52');
  });

  it('so S52.521B is not a code, while S52.521A is', () => {
    expect(fy2023.get('S52.521A')).toMatchObject({ billable: true, parent: 'S52521' });
    expect(fy2023.has('S52.521B')).toBe(false);
    expect(fy2023.get('S52.521')).toMatchObject({ billable: false, kind: 'subcategory' });
  });

  it('Z53 has the children the README lists; Z23, Z00.00 and Z00.129 are leaves', () => {
    expect(fy2023.descendants('Z53').map((n) => n.dotted)).toEqual([
      'Z53.0', 'Z53.01', 'Z53.09', 'Z53.1', 'Z53.2', 'Z53.20', 'Z53.21', 'Z53.29',
      'Z53.3', 'Z53.31', 'Z53.32', 'Z53.33', 'Z53.39', 'Z53.8', 'Z53.9',
    ]);
    for (const c of ['Z23', 'Z00.00', 'Z00.129']) expect(fy2023.get(c)?.billable, c).toBe(true);
    // Added by the April 2023 update, so not in this (October 2022) list.
    expect(fy2023.has('D57.04')).toBe(false);
    expect(fy2023.has('G90.B')).toBe(false);
  });

  it('loaded alone, it is a release whose codes come from the XML, and says so', () => {
    expect(fy2023.release).toMatchObject({ id: 'fy2023-oct', effectiveFrom: '2022-10-01' });
    expect(fy2023.provenance).toEqual({ codes: 'fy2023-oct', tabular: 'fy2023-oct', tabularBorrowed: false });
    expect(fy2023.diagnostics.map((d) => d.kind)).toEqual(expect.arrayContaining(['codes-from-tabular', 'malformed-element']));
    expect(fy2023.chapter('Z00.129')).toMatchObject({ number: 21, from: 'Z00', to: 'Z99' });
  });
});

describe('FY2025 and FY2026 borrow the FY2023 Tabular List', () => {
  it('records the provenance and says so in an info diagnostic', () => {
    for (const r of catalog.releases) {
      expect(r.provenance).toEqual({ codes: r.release.id, tabular: 'fy2023-oct', tabularBorrowed: true });
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ level: 'info', kind: 'tabular-borrowed' }));
    }
  });

  it('gives FY2026 codes the FY2023 notes and 7th characters', () => {
    const fy2026 = catalog.release('fy2026-oct')!;
    const refs = fy2026.notes('Z00.129', 'excludes1').flatMap((n) => n.refs.map((r) => r.text));
    expect(refs).toEqual(expect.arrayContaining(['Z00.11-', 'Z76.1-Z76.2']));
    expect(fy2026.seventhCharacters('S52.521A')?.source).toBe('S5252');
    expect(fy2026.section('Z00.129')?.id).toBe('Z00-Z13');
  });

  it('a code added after FY2023 gets the notes of its nearest listed ancestor', () => {
    const fy2026 = catalog.release('fy2026-oct')!;
    expect(fy2026.get('E11.A')?.billable).toBe(true);
    const notes = fy2026.notes('E11.A');
    expect(notes[0]!.source).toBe('E11');
    expect(fy2026.chapter('E11.A')).toMatchObject({ number: 4, from: 'E00', to: 'E89' });
  });
});
