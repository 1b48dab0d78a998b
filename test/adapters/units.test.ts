import { describe, expect, it } from 'vitest';
import { settingFromBillType } from '../../src/adapters/bill-type.js';
import { readFhirDate, readX12Date } from '../../src/adapters/dates.js';
import { detectFormat } from '../../src/adapters/index.js';
import { mapPointers, orderDiagnoses } from '../../src/adapters/order.js';

describe('orderDiagnoses', () => {
  it('puts the principal first, the others in input order, then admitting, reason for visit, external cause', () => {
    const r = orderDiagnoses([
      { code: 'ADM', qualifier: 'admitting', path: 'a' },
      { code: 'EXT', qualifier: 'external-cause', path: 'e', key: 5 },
      { code: 'O1', qualifier: 'other', path: 'o1', key: 2 },
      { code: 'RFV', qualifier: 'reason-for-visit', path: 'r' },
      { code: 'PDX', qualifier: 'principal', path: 'p', key: 3, poa: 'Y' },
      { code: 'O2', path: 'o2', key: 4 },
    ]);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['PDX', 'O1', 'O2', 'ADM', 'RFV', 'EXT']);
    expect(r.diagnoses[0]).toEqual({ code: 'PDX', qualifier: 'principal', poa: 'Y' });
    expect(r.diagnoses[2]).toEqual({ code: 'O2' });
    expect([...r.positionOf]).toEqual([
      [3, 1],
      [2, 2],
      [4, 3],
      [5, 6],
    ]);
    expect(r.warnings).toEqual([{ path: 'p', message: expect.stringMatching(/not listed first.*1 PDX, 2 O1, 3 O2, 4 ADM, 5 RFV, 6 EXT/) }]);
  });
  it('says nothing when the principal already comes first', () => {
    const r = orderDiagnoses([
      { code: 'A', qualifier: 'principal', path: 'a' },
      { code: 'B', qualifier: 'admitting', path: 'b' },
      { code: 'C', qualifier: 'other', path: 'c' },
    ]);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['A', 'C', 'B']);
    expect(r.warnings).toEqual([]);
  });
});

describe('mapPointers', () => {
  const positions = new Map([
    [10, 2],
    [20, 1],
  ]);
  it('maps known keys, keeps impossible pointers, drops ones that would hit the wrong diagnosis', () => {
    const r = mapPointers([20, 10, 0, 9, 3], positions, 4, (i) => `p${i}`);
    expect(r.pointers).toEqual([1, 2, 0, 9]);
    expect(r.warnings).toEqual([{ path: 'p4', message: expect.stringMatching(/pointer 3 addresses no diagnosis/) }]);
  });
});

describe('settingFromBillType', () => {
  it('reads 2-, 3- and 4-digit forms', () => {
    expect(settingFromBillType('11')).toBe('inpatient');
    expect(settingFromBillType('111')).toBe('inpatient');
    expect(settingFromBillType('0111')).toBe('inpatient');
    expect(settingFromBillType('0131')).toBe('outpatient');
    expect(settingFromBillType('831')).toBe('outpatient');
  });
  it('returns undefined for what is not a type of bill', () => {
    for (const code of ['', 'Dummy', '1', '01', '0', '911', 'C', '12345']) expect(settingFromBillType(code), code).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads D8, RD8 and DT', () => {
    expect(readX12Date('D8', '20240229')).toEqual({ from: '2024-02-29', through: '2024-02-29' });
    expect(readX12Date('RD8', '20251028-20251102')).toEqual({ from: '2025-10-28', through: '2025-11-02' });
    expect(readX12Date('DT', '202510281430')).toEqual({ from: '2025-10-28', through: '2025-10-28' });
  });
  it('refuses impossible or mis-shaped X12 dates', () => {
    for (const [f, v] of [['D8', '20250229'], ['D8', '2025-01-01'], ['RD8', '20250101'], ['RD8', '20250102-20250101'], ['TM', '1200'], ['DT', '20250101']]) {
      expect(readX12Date(f!, v!), `${f} ${v}`).toHaveProperty('reason');
    }
  });
  it('reads FHIR dates and dateTimes, refusing partial and placeholder values', () => {
    expect(readFhirDate('2015-10-01T00:00:00-07:00')).toEqual({ date: '2015-10-01' });
    expect(readFhirDate('2016-01-15')).toEqual({ date: '2016-01-15' });
    expect(readFhirDate('1990-05')).toEqual({ reason: expect.stringMatching(/partial/) });
    expect(readFhirDate('IGNORED_FIELD')).toEqual({ reason: expect.stringMatching(/not a FHIR date/) });
    expect(readFhirDate('2025-02-29')).toEqual({ reason: expect.stringMatching(/not a real calendar date/) });
    expect(readFhirDate(20250101)).toHaveProperty('reason');
  });
});

describe('detectFormat', () => {
  it('recognises X12 by its ISA, with BOM and indentation', () => {
    expect(detectFormat('ISA*00*')).toBe('x12');
    expect(detectFormat('\uFEFF\r\n  ISA|00|')).toBe('x12');
    expect(detectFormat('ST*837*0001~')).toBe('x12');
  });
  it('tells FHIR from dxlint JSON and NDJSON', () => {
    expect(detectFormat('{"resourceType":"Bundle","entry":[]}')).toBe('fhir');
    expect(detectFormat('\uFEFF [{"resourceType":"Claim"},{"resourceType":"Patient"}]')).toBe('fhir');
    expect(detectFormat('{"type":"professional","diagnoses":[]}')).toBe('json');
    expect(detectFormat('[{"type":"professional"}]')).toBe('json');
    expect(detectFormat('[]')).toBe('json');
    expect(detectFormat('{"type":"professional"}\n{"type":"institutional"}\n')).toBe('ndjson');
    expect(detectFormat('{"resourceType":"Claim"}\n{"resourceType":"Claim"}')).toBe('ndjson');
    expect(detectFormat('{"a":1}\n{broken')).toBe('ndjson');
  });
  it('says unknown for anything else', () => {
    for (const t of ['', 'hello', '<Claim/>', '{broken', '"string"', 'IS']) expect(detectFormat(t), t).toBe('unknown');
  });
});
