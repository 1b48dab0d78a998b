import { describe, expect, it } from 'vitest';
import { parseCodesFile } from '../../src/codeset/read-codes.js';
import { parseOrderFile } from '../../src/codeset/read-order.js';
import { FormatError } from '../../src/codeset/errors.js';

/** One order-file line in the official fixed columns. */
function orderLine(n: number, code: string, billable: 0 | 1, short: string, long = short): string {
  return `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${short.padEnd(60)} ${long}`;
}

const ORDER = [
  orderLine(1, 'Z53', 0, 'Persons encntr hlth serv for spec proc & trtmt, not crd out',
    'Persons encountering health services for specific procedures and treatment, not carried out'),
  orderLine(2, 'Z530', 0, 'Proc/trtmt not carried out because of contraindication',
    'Procedure and treatment not carried out because of contraindication'),
  orderLine(3, 'Z5301', 1, 'Proc/trtmt not carried out due to patient smoking',
    'Procedure and treatment not carried out due to patient smoking'),
  orderLine(4, 'Z23', 1, 'Encounter for immunization'),
];

describe('parseOrderFile', () => {
  it('reads the fixed columns, with CRLF or LF, with or without a final line break', () => {
    for (const text of [ORDER.join('\r\n') + '\r\n', ORDER.join('\n'), ORDER.join('\n') + '\n']) {
      const f = parseOrderFile(text, 'icd10cm-order-test.txt');
      expect(f.codes).toEqual(['Z53', 'Z530', 'Z5301', 'Z23']);
      expect(Array.from(f.billable)).toEqual([0, 0, 1, 1]);
      expect(Array.from(f.orders)).toEqual([1, 2, 3, 4]);
      expect(f.shortTitles[2]).toBe('Proc/trtmt not carried out due to patient smoking');
      expect(f.titles[0]).toBe('Persons encountering health services for specific procedures and treatment, not carried out');
      expect(f.titles[3]).toBe('Encounter for immunization');
      expect(f.index.get('Z5301')).toBe(2);
      expect(f.diagnostics).toEqual([]);
    }
  });

  it('skips a malformed line and reports it with file and line number', () => {
    const lines = [...ORDER];
    lines.splice(2, 0, '00003 Z53.01  1 dotted code is not the order-file format');
    const f = parseOrderFile(lines.join('\r\n'), 'icd10cm-order-test.txt');
    expect(f.codes).toEqual(['Z53', 'Z530', 'Z5301', 'Z23']);
    expect(f.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'warning', kind: 'malformed-line', file: 'icd10cm-order-test.txt', line: 3 }),
    );
  });

  it('reports a repeated code and a bad flag', () => {
    const lines = [...ORDER, orderLine(5, 'Z23', 1, 'Encounter for immunization'), orderLine(6, 'Z24', 1, 'x').replace(' 1 x', ' 2 x')];
    const f = parseOrderFile(lines.join('\n'), 'o.txt');
    const messages = f.diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^5: .*Z23 is listed again \(first on line 4\)/),
      expect.stringMatching(/^6: .*flag in column 15 must be 0 or 1, found "2"/),
    ]);
  });

  it('refuses a file that is mostly not an order file', () => {
    const garbage = ['hello', 'this is', 'not an order file', ORDER[0]!].join('\n');
    expect(() => parseOrderFile(garbage, 'notes.txt')).toThrow(FormatError);
    expect(() => parseOrderFile(garbage, 'notes.txt')).toThrow(/notes\.txt: 3 of 4 lines .*line 1/);
  });

  it('refuses more than a handful of bad lines even in a long file', () => {
    const lines = Array.from({ length: 200 }, (_, i) => orderLine(i + 1, `A${String(i).padStart(3, '0')}`, 1, 'x'));
    for (let i = 0; i < 11; i++) lines[i * 10] = lines[i * 10]!.replace(/^(\d{5}) A/, '$1 a');
    expect(() => parseOrderFile(lines.join('\n'), 'o.txt')).toThrow(/11 of 200 lines/);
  });

  it('warns when order numbers are not consecutive', () => {
    const lines = [ORDER[0]!, ORDER[1]!.replace(/^00002/, '00007'), ORDER[2]!.replace(/^00003/, '00008')];
    const f = parseOrderFile(lines.join('\n'), 'o.txt');
    expect(f.diagnostics).toEqual([expect.objectContaining({ kind: 'order-number-gap', count: 1, line: 2 })]);
  });
});

describe('parseCodesFile', () => {
  const CODES = ['A000    Cholera due to Vibrio cholerae 01, biovar cholerae', 'Z23     Encounter for immunization', 'S52521A Torus fracture of lower end of right radius, initial encounter for closed fracture'];

  it('reads code (columns 1-7) and long title (column 9 on), CRLF or LF', () => {
    for (const text of [CODES.join('\r\n') + '\r\n', CODES.join('\n')]) {
      const f = parseCodesFile(text, 'c.txt');
      expect(f.codes).toEqual(['A000', 'Z23', 'S52521A']);
      expect(f.titles[1]).toBe('Encounter for immunization');
      expect(f.diagnostics).toEqual([]);
    }
  });

  it('reports a line whose code is not in columns 1-7', () => {
    const f = parseCodesFile([...CODES, 'Z00.129 Encounter for routine child health examination'].join('\n'), 'c.txt');
    expect(f.codes).toHaveLength(3);
    expect(f.diagnostics[0]).toMatchObject({ kind: 'malformed-line', line: 4, file: 'c.txt' });
  });
});
