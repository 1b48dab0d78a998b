/** The input reader: format sniffing, folder expansion, and NDJSON streamed line by line. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs, looksLikeNdjson, readInputs, type InputItem } from '../../src/cli/inputs.js';
import { applySetting, reportFor } from '../../src/cli/check.js';
import type { FileProblem } from '../../src/cli/output/types.js';

const claimLine = (i: number) => `${JSON.stringify({ id: `C${i}`, type: 'professional', serviceDate: '2026-01-02', diagnoses: [{ code: 'I10' }] })}\n`;

describe('looksLikeNdjson', () => {
  it('is true when the first non-blank line is a whole JSON object', () => {
    expect(looksLikeNdjson('\uFEFF\n  {"a":1}\n{"a":2}\n')).toBe(true);
    expect(looksLikeNdjson('{"a":1}')).toBe(true);
  });
  it('is false for pretty-printed JSON, arrays, X12 and text', () => {
    expect(looksLikeNdjson('{\n  "a": 1\n}\n')).toBe(false);
    expect(looksLikeNdjson('[{"a":1}]\n')).toBe(false);
    expect(looksLikeNdjson('ISA*00*          *00*~')).toBe(false);
    expect(looksLikeNdjson('hello')).toBe(false);
  });
});

describe('readInputs', () => {
  it('streams NDJSON from stdin: items come out while the input is still being produced', async () => {
    let produced = 0;
    // An endless producer: if the reader tried to read everything first, this test would hang.
    const stdin = new Readable({
      read() {
        produced += 1;
        this.push(claimLine(produced));
      },
    });
    const problems: FileProblem[] = [];
    const items: InputItem[] = [];
    for await (const item of readInputs(['-'], { stdin, onProblem: (p) => problems.push(p) })) {
      items.push(item);
      if (items.length === 3) break;
    }
    expect(items.map((i) => (i.claim as { id: string }).id)).toEqual(['C1', 'C2', 'C3']);
    expect(items.map((i) => i.source)).toEqual([
      { file: '-', line: 1 },
      { file: '-', line: 2 },
      { file: '-', line: 3 },
    ]);
    expect(problems).toEqual([]);
    // Read ahead stays small: readline's buffer, not the stream.
    expect(produced).toBeLessThan(10_000);
  });

  it('reads JSON arrays, single objects and FHIR resources from stdin', async () => {
    const claims = [JSON.parse(claimLine(1)), JSON.parse(claimLine(2))];
    const read = async (text: string) => {
      const out: InputItem[] = [];
      for await (const item of readInputs(['-'], { stdin: Readable.from([text]), onProblem: () => {} })) out.push(item);
      return out;
    };
    expect((await read(JSON.stringify(claims, null, 2))).map((i) => i.source.where)).toEqual(['[0]', '[1]']);
    expect(await read(JSON.stringify(claims[0], null, 2))).toHaveLength(1);
    // One bad element of an array is that element's problem; the others are still checked.
    const mixed = await read(JSON.stringify([claims[0], 42, claims[1]]));
    expect(mixed.map((i) => [i.source.where, i.claim === undefined, i.errors.map((e) => e.message)])).toEqual([
      ['[0]', false, []],
      ['[1]', true, ['expected a claim (a JSON object), found number']],
      ['[2]', false, []],
    ]);
    const fhir = {
      resourceType: 'Claim',
      id: 'F1',
      type: { coding: [{ code: 'professional' }] },
      billablePeriod: { start: '2026-01-02' },
      diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] } }],
    };
    const [item] = await read(JSON.stringify(fhir, null, 2));
    expect(item!.claim).toMatchObject({ id: 'F1', type: 'professional', diagnoses: [{ code: 'I10' }] });
  });

  it('reports a file it cannot read and goes on with the next', async () => {
    const problems: FileProblem[] = [];
    const items: InputItem[] = [];
    for await (const item of readInputs(['/no/such/file.json', '-'], { stdin: Readable.from([claimLine(9)]), onProblem: (p) => problems.push(p) })) {
      items.push(item);
    }
    expect(problems).toEqual([{ file: '/no/such/file.json', message: '/no/such/file.json: no such file or folder' }]);
    expect(items).toHaveLength(1);
  });
});

describe('expandInputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dxlint-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a folder\'s claim files by extension, sorted; reports missing paths and empty folders', async () => {
    for (const f of ['b.ndjson', 'a.json', 'c.x12', 'notes.txt']) writeFileSync(path.join(dir, f), '');
    mkdirSync(path.join(dir, 'sub'));
    mkdirSync(path.join(dir, 'empty'));
    const problems: FileProblem[] = [];
    const files = await expandInputs([dir, path.join(dir, 'missing.json'), path.join(dir, 'empty'), '-'], (p) => problems.push(p));
    expect(files).toEqual([path.join(dir, 'a.json'), path.join(dir, 'b.ndjson'), path.join(dir, 'c.x12'), '-']);
    expect(problems.map((p) => p.message)).toEqual([
      `${path.join(dir, 'missing.json')}: no such file or folder`,
      expect.stringMatching(/folder has no claim files/),
    ]);
  });
});

describe('check helpers', () => {
  it('--setting fills in only institutional claims that do not say', () => {
    expect(applySetting({ type: 'institutional' }, 'inpatient')).toEqual({ type: 'institutional', setting: 'inpatient' });
    expect(applySetting({ type: 'institutional', setting: 'outpatient' }, 'inpatient')).toEqual({ type: 'institutional', setting: 'outpatient' });
    expect(applySetting({ type: 'professional' }, 'inpatient')).toEqual({ type: 'professional' });
    expect(applySetting({ type: 'institutional' }, undefined)).toEqual({ type: 'institutional' });
  });

  it('adapter errors replace findings; adapter warnings come first in inputWarnings', () => {
    const report = {
      id: 'X',
      release: 'fy2026-oct',
      findings: [{ ruleId: 'r', severity: 'error' as const, message: 'm', guideline: 'g' }],
      summary: { error: 1, warning: 0, info: 0 },
    };
    const item: InputItem = {
      source: { file: 'f' },
      claim: { id: 'X' },
      errors: [{ path: 'HI', message: 'damaged' }],
      warnings: [{ path: 'CLM', message: 'note' }],
    };
    const out = reportFor(item, report);
    expect(out.findings).toEqual([]);
    expect(out.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(out.inputErrors).toEqual([{ path: 'HI', message: 'damaged' }]);
    expect(out.inputWarnings).toEqual([{ path: 'CLM', message: 'note' }]);
    expect(reportFor({ ...item, errors: [] }, report).findings).toHaveLength(1);
  });
});
