/** The Tabular List reader and index, on a small hand-written XML in the official shape. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../src/codeset/errors.js';
import { codesFromTabular } from '../../src/codeset/from-tabular.js';
import { parseTabularXml, readTabularFile } from '../../src/codeset/read-tabular.js';
import { TabularIndex } from '../../src/codeset/tabular-index.js';
import { fixtureCopy, removeFixtureCopies } from '../helpers/fixture-files.js';

const FIXTURE = resolve(fixtureCopy('codeset/releases/fy2031-oct'), 'icd10cm_tabular_2031.xml');
afterAll(removeFixtureCopies);
const file = readTabularFile(FIXTURE);
const index = new TabularIndex(file, 'fy2031-oct');

/** A minimal document around some `<diag>` elements. */
function doc(diags: string): string {
  return `<?xml version="1.0"?>\n<ICD10CM.tabular>\n<chapter><name>21</name><desc>Factors (Z00-Z99)</desc>\n<section id="Z00-Z13"><desc>Examinations (Z00-Z13)</desc>\n${diags}\n</section></chapter>\n</ICD10CM.tabular>\n`;
}

describe('parseTabularXml', () => {
  it('reads chapters, sections (with their ranges) and diags in document order', () => {
    expect(file.version).toBe('2031');
    expect(file.chapters.map((c) => [c.number, c.from, c.to])).toEqual([[19, 'S00', 'T88'], [21, 'Z00', 'Z99']]);
    expect(file.chapters[0]!.title).toBe('Injury, poisoning and certain other consequences of external causes');
    expect(file.sections.map((s) => s.id)).toEqual(['S50-S59', 'T20-T32', 'T20-T25', 'T66-T78', 'Z00-Z13']);
    expect(file.sections[1]).toMatchObject({ from: 'T20', to: 'T32', title: 'Burns and corrosions', chapter: 0 });
    expect(file.diags.map((d) => d.code)).toEqual([
      'S52', 'S525', 'S5252', 'S52521', 'S52522', 'S529', 'T20', 'T78', 'T781', 'Z00', 'Z001', 'Z0012', 'Z00121', 'Z00129', 'Z23',
    ]);
    expect(file.diagnostics).toEqual([]);
  });

  it('keeps each diag\'s own notes and seventh characters', () => {
    const z0012 = file.diags.find((d) => d.code === 'Z0012')!;
    expect(z0012.notes).toEqual([
      { kind: 'inclusionTerm', text: 'Health check (routine) for child over 28 days old' },
      { kind: 'excludes1', text: 'health check for child under 29 days old (Z00.11-)' },
      { kind: 'excludes1', text: 'health supervision of foundling or other healthy infant or child (Z76.1-Z76.2)' },
    ]);
    const s52 = file.diags.find((d) => d.code === 'S52')!;
    expect(Object.keys(s52.seventh!.chars)).toEqual(['A', 'B', 'D']);
    expect(s52.seventh!.note).toBe('The appropriate 7th character is to be added to all codes from category S52');
  });

  it('decodes the XML escapes and nothing else', () => {
    expect(file.chapters[1]!.notes[0]!.text).toBe('Z codes represent reasons for encounters & are <not> procedures.');
  });

  it('refuses a DOCTYPE (no entity expansion, ever)', () => {
    const evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ICD10CM.tabular>&a;</ICD10CM.tabular>';
    expect(() => parseTabularXml(evil, 'evil.xml')).toThrow(FormatError);
    expect(() => parseTabularXml(evil, 'evil.xml')).toThrow(/DOCTYPE/);
  });

  it('refuses what is not a Tabular List', () => {
    expect(() => parseTabularXml('<?xml version="1.0"?><other/>', 'x.xml')).toThrow(/ICD10CM\.tabular/);
    expect(() => parseTabularXml(doc(''), 'x.xml')).toThrow(/no <diag>/);
  });

  it('reports a malformed diag with its line and skips it', () => {
    const xml = doc(
      [
        '<diag><name>Z00</name><desc>General examination</desc>',
        '  <diag><name>Z00.0</name><desc>Adult examination</desc></diag>',
        '  <diag><name>zz</name><desc>not a code</desc></diag>',
        '  <diag><name>Z00.1</name></diag>',
        '</diag>',
        '<diag><name>Z00</name><desc>again</desc></diag>',
        '<diag><name>Z23</name><desc>Encounter for immunization</desc></diag>',
        '<diag><name>Z30</name><desc>Encounter for contraceptive management</desc></diag>',
        '<diag><name>Z33</name><desc>Pregnant state</desc></diag>',
      ].join('\n'),
    );
    const f = parseTabularXml(xml, 'mini.xml');
    expect(f.diags.map((d) => d.code)).toEqual(['Z00', 'Z000', 'Z23', 'Z30', 'Z33']);
    expect(f.diagnostics.map((d) => [d.kind, d.line, d.message])).toEqual([
      ['malformed-element', 7, expect.stringMatching(/"zz", not a dotted ICD-10-CM code/)],
      ['malformed-element', 8, expect.stringMatching(/Z00\.1 has no <desc>/)],
      ['malformed-element', 10, expect.stringMatching(/Z00 is listed again \(first on line 5\)/)],
    ]);
  });

  it('places a code nested under the wrong parent under the nearest ancestor it extends (as FY2023 H54.512A)', () => {
    const xml = doc(
      '<diag><name>Z00</name><desc>a</desc><diag><name>Z00.1</name><desc>b</desc>' +
        '<diag><name>Z00.11</name><desc>c</desc><diag><name>Z00.121</name><desc>d</desc></diag></diag></diag></diag>',
    );
    const f = parseTabularXml(xml, 'mini.xml');
    const z = f.diags.find((d) => d.code === 'Z00121')!;
    expect(f.diags[z.parent]!.code).toBe('Z001');
    expect(f.diagnostics[0]!.message).toMatch(/Z00\.121 is nested under Z00\.11 but does not extend it; it was placed under Z00\.1/);
  });

  it('refuses a file with many malformed elements', () => {
    const bad = Array.from({ length: 12 }, (_, i) => `<diag><name>bad${i}</name><desc>x</desc></diag>`).join('\n');
    expect(() => parseTabularXml(doc(`${bad}\n<diag><name>Z23</name><desc>ok</desc></diag>`), 'bad.xml')).toThrow(/12 malformed elements/);
  });

  it('refuses XML nested deeper than any Tabular List', () => {
    const deep = `${'<a>'.repeat(60)}${'</a>'.repeat(60)}`;
    expect(() => parseTabularXml(`<ICD10CM.tabular>${deep}</ICD10CM.tabular>`, 'deep.xml')).toThrow(FormatError);
  });

  it('reads CRLF files the same as LF files', () => {
    const lf = readFileSync(FIXTURE, 'utf8').replace(/\r\n/g, '\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(parseTabularXml(crlf, 'x.xml').diags).toEqual(parseTabularXml(lf, 'x.xml').diags);
  });
});

describe('TabularIndex', () => {
  it('gives the notes in force, nearest first: own, ancestors, sections (narrowest first), chapter', () => {
    const notes = index.notes('Z00121');
    expect(notes.map((n) => [n.source, n.scope ?? 'code', n.kind])).toEqual([
      ['Z00121', 'code', 'useAdditionalCode'],
      ['Z0012', 'code', 'inclusionTerm'],
      ['Z0012', 'code', 'excludes1'],
      ['Z0012', 'code', 'excludes1'],
      ['Z00', 'code', 'excludes1'],
      ['Z00-Z13', 'section', 'excludes1'],
      ['21', 'chapter', 'notes'],
    ]);
    expect(index.notes('Z00121', 'excludes1').map((n) => n.refs.map((r) => r.text))).toEqual([
      ['Z00.11-'], ['Z76.1-Z76.2'], ['Z02.-'], ['Z30-Z36', 'Z39.-'],
    ]);
    const burn = index.notes('T2011XA').map((n) => `${n.source}:${n.kind}`);
    expect(burn).toEqual(['T20-T25:useAdditionalCode', 'T20-T32:includes', '19:excludes1']);
  });

  it('answers a code it does not list from its nearest listed ancestor', () => {
    expect(index.notes('Z00129').map((n) => n.source)).toEqual(['Z0012', 'Z0012', 'Z0012', 'Z00', 'Z00-Z13', '21']);
    expect(index.notes('Z0012X').map((n) => n.source)).toEqual(index.notes('Z0012').map((n) => n.source));
    expect(index.section('Z00129')).toEqual({ id: 'Z00-Z13', title: 'Persons encountering health services for examinations', from: 'Z00', to: 'Z13' });
    expect(index.chapter('Z00129')).toMatchObject({ number: 21, from: 'Z00', to: 'Z99' });
  });

  it('places a category it does not list by the section and chapter ranges', () => {
    expect(index.section('Z05')?.id).toBe('Z00-Z13');
    expect(index.chapter('S60')?.number).toBe(19);
    expect(index.notes('Z05').map((n) => n.source)).toEqual(['Z00-Z13', '21']);
    expect(index.chapter('A00')).toBeUndefined();
    expect(index.notes('A00')).toEqual([]);
  });

  it('takes seventh characters from the nearest ancestor that defines them', () => {
    expect(index.seventhCharacters('S52521')).toEqual({
      source: 'S5252',
      chars: { A: 'initial encounter for closed fracture', D: 'subsequent encounter for fracture with routine healing', S: 'sequela' },
    });
    expect(index.seventhCharacters('S52521A')?.source).toBe('S5252');
    expect(index.seventhCharacters('S529')?.source).toBe('S52');
    expect(index.seventhCharacters('Z00129')).toBeUndefined();
  });
});

describe('codesFromTabular', () => {
  it('forms the 7th-character codes, padding with the placeholder X to six characters', () => {
    const derived = codesFromTabular(file);
    const billable = derived.codes.filter((_, i) => derived.billable[i] === 1);
    expect(billable).toEqual([
      'S52521A', 'S52521D', 'S52521S', 'S52522A', 'S52522D', 'S52522S',
      'S529XXA', 'S529XXB', 'S529XXD',
      'T20',
      'T781XXA', 'T781XXD', 'T781XXS',
      'Z00121', 'Z00129', 'Z23',
    ]);
    const at = derived.codes.indexOf('T781XXA');
    expect(derived.titles[at]).toBe('Other adverse food reactions, not elsewhere classified, initial encounter');
    // Stems that take a 7th character are headers.
    expect(derived.billable[derived.codes.indexOf('S52521')]).toBe(0);
    expect(derived.billable[derived.codes.indexOf('T781')]).toBe(0);
  });
});
