import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/adapters/x12/tokenize.js';
import { samplesDir } from './paths.js';

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *251110*0930*^*00501*000000001*0*T*:~';

describe('tokenize: separators', () => {
  it('reads them at the fixed ISA positions of a 106-character ISA', () => {
    expect(ISA).toHaveLength(106);
    const t = tokenize(`${ISA}GS*HC~`);
    expect(t.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    expect(t.warnings).toEqual([]);
    expect(t.segments.map((s) => s.tag)).toEqual(['ISA', 'GS']);
  });
  it('finds them by splitting when the ISA is short, and says which element is off', () => {
    const short = ISA.replace('SENDER         ', 'SENDER        ');
    const t = tokenize(`${short}GS*HC~`);
    expect(t.delimiters?.segment).toBe('~');
    expect(t.warnings[0]!.message).toMatch(/105 characters long, not 106 \(ISA06 has 14 characters instead of 15\)/);
  });
  it('takes a line break after ISA16 as a newline terminator, for CR, LF and CRLF', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ISA.slice(0, -1) + eol + `GS*HC*A${eol}  ST*837*0001${eol}`;
      const t = tokenize(text);
      expect(t.delimiters?.segment).toBe('\n');
      expect(t.segments.map((s) => s.elements)).toEqual([
        ISA.slice(0, -1).split('*'),
        ['GS', 'HC', 'A'],
        ['ST', '837', '0001'],
      ]);
      expect(t.segments.map((s) => s.line)).toEqual([1, 2, 3]);
    }
  });
  it('treats ISA11 "U" (version 00401) as no repetition separator', () => {
    expect(tokenize(ISA.replace('*^*00501*', '*U*00401*')).delimiters?.repetition).toBeUndefined();
  });
  it('skips a BOM, leading blank lines, indentation and empty segments', () => {
    const t = tokenize(`\uFEFF\n\n${ISA}\r\n   GS*HC~~\r\n\tST*837~`);
    expect(t.segments.map((s) => [s.tag, s.index, s.line])).toEqual([
      ['ISA', 1, 3],
      ['GS', 2, 4],
      ['ST', 3, 5],
    ]);
  });
  it('refuses what is not X12, with a location', () => {
    expect(tokenize('').errors[0]!.message).toMatch(/empty/);
    expect(tokenize('\n\n{"resourceType": "Claim"}').errors[0]).toEqual({
      path: 'line 3',
      message: expect.stringMatching(/must start with an ISA segment/),
    });
    expect(tokenize('ISA*00*').errors[0]!.message).toMatch(/ISA segment is incomplete: it has 2 of its 16 elements/);
    expect(tokenize('ISAA00').errors[0]!.message).toMatch(/cannot be an element separator/);
    expect(tokenize(ISA.replace(/:~$/, ':X')).errors[0]!.message).toMatch(/cannot be a segment terminator/);
    expect(tokenize(ISA.replace(/:~$/, '**')).errors[0]!.message).toMatch(/must all differ/);
  });
});

describe('tokenize: damage', () => {
  it('marks an unterminated last segment', () => {
    const t = tokenize(`${ISA}GS*HC~ST*837*00`);
    expect(t.segments[2]).toMatchObject({ tag: 'ST', unterminated: true });
    expect(t.segments[1]!.unterminated).toBeUndefined();
  });
  it('splits a segment that runs into the next line and flags it', () => {
    const t = tokenize(`${ISA}\nHI*ABK:J449\nLX*1~\nSV1*HC:99213~`);
    expect(t.segments.map((s) => [s.tag, s.lineBreak ?? false])).toEqual([
      ['ISA', false],
      ['HI', true],
      ['LX', false],
      ['SV1', false],
    ]);
    expect(t.segments[1]!.elements).toEqual(['HI', 'ABK:J449']);
  });
  it('keeps a line break in the middle of data as one flagged segment', () => {
    const t = tokenize(`${ISA}NTE*ADD*TWO\nLINES~`);
    expect(t.segments[1]).toMatchObject({ tag: 'NTE', lineBreak: true, elements: ['NTE', 'ADD', 'TWO\nLINES'] });
  });
});

describe('tokenize agrees with node-x12 on the real samples', () => {
  // node-x12 is given the separators (it would misread the short ISA) and text with CRs removed
  // when lines end segments; then both must yield the same segments.
  for (const name of readdirSync(path.join(samplesDir, 'x12'))) {
    it(name, () => {
      const text = readFileSync(path.join(samplesDir, 'x12', name), 'utf8').replace(/^\uFEFF/, '');
      const ours = tokenize(text);
      const d = ours.delimiters!;
      const normalised = d.segment === '\n' ? text.replace(/\r/g, '') : text;
      const interchange = new X12Parser(false).parse(normalised, {
        elementDelimiter: d.element,
        subElementDelimiter: d.component,
        segmentTerminator: d.segment,
        repetitionDelimiter: d.repetition ?? '^',
      }) as unknown as {
        header: { elements: { value: string }[] };
        functionalGroups: { header: { elements: { value: string }[] }; transactions: { header: { elements: { value: string }[] }; segments: { tag: string; elements: { value: string }[] }[] }[] }[];
      };
      const theirs: string[][] = [];
      for (const g of interchange.functionalGroups) {
        theirs.push(['GS', ...g.header.elements.map((e) => e.value)]);
        for (const tx of g.transactions) {
          theirs.push(['ST', ...tx.header.elements.map((e) => e.value)]);
          for (const s of tx.segments) theirs.push([s.tag, ...s.elements.map((e) => e.value)]);
        }
      }
      // Compare the segments node-x12 keeps in its model (it drops SE/GE/IEA into trailers).
      const mine = ours.segments.filter((s) => !['ISA', 'SE', 'GE', 'IEA'].includes(s.tag)).map((s) => s.elements);
      expect(mine).toEqual(theirs);
    });
  }
});
