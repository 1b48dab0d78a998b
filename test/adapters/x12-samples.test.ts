import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readX12 } from '../../src/adapters/index.js';
import type { AdaptedClaim } from '../../src/adapters/index.js';
import { parseClaim } from '../../src/claim/index.js';
import { samplesDir } from './paths.js';

// Expectations come from ../shared/samples/README.md, which was checked against the files.
const read = (name: string) => readX12(readFileSync(path.join(samplesDir, 'x12', name)));
const codes = (c: AdaptedClaim) => (c.claim.diagnoses as { code: string }[]).map((d) => d.code);
const lines = (c: AdaptedClaim) => (c.claim.lines ?? []) as { serviceDate?: string; diagnosisPointers?: number[]; procedureCode?: string }[];
const messages = (list: { message: string }[]) => list.map((e) => e.message).join('\n');

function expectRoundTrip(claims: AdaptedClaim[]) {
  for (const c of claims) {
    expect(c.errors, c.source).toEqual([]);
    const parsed = parseClaim(c.claim);
    expect(parsed.ok ? [] : parsed.errors, c.source).toEqual([]);
  }
}

describe('837P with 15 claims in one ST (DME, ICD-10-CM)', () => {
  const r = read('837p-multi-claim-15-claims-dme-icd10.x12');

  it('reads every claim with its patient and lines', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(15);
    expect(r.claims.every((c) => c.claim.type === 'professional')).toBe(true);
    expect(r.claims.flatMap(lines)).toHaveLength(43);
    // "Every SV107 is 1."
    expect(r.claims.flatMap(lines).every((l) => JSON.stringify(l.diagnosisPointers) === '[1]')).toBe(true);
    for (const c of r.claims) {
      const p = c.claim.patient as { birthDate?: string; sex?: string };
      expect(p.birthDate, c.source).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['F', 'M']).toContain(p.sex);
    }
    expectRoundTrip(r.claims);
  });

  it('keeps ABK first and every ABF in order, 50 codes of the 18 listed', () => {
    const all = r.claims.flatMap(codes);
    expect(all).toHaveLength(50);
    expect(new Set(all)).toEqual(
      new Set('Z933 L89151 K5720 L97222 G4733 N39498 I872 Z433 R339 J449 R262 Z932 J9601 R32 R0902 S31114D M5432 K219'.split(' ')),
    );
    for (const c of r.claims) {
      const dx = c.claim.diagnoses as { qualifier: string }[];
      expect(dx[0]!.qualifier).toBe('principal');
      expect(dx.slice(1).every((d) => d.qualifier === 'other')).toBe(true);
    }
    // The four claims that repeat a code keep both copies, for duplicate-diagnosis to see.
    const byId = new Map(r.claims.map((c) => [c.claim.id, codes(c)]));
    const count = (id: string, code: string) => byId.get(id)!.filter((x) => x === code).length;
    expect(count('52772244', 'L89151')).toBe(2);
    expect(count('52772238', 'N39498')).toBe(2);
    expect(count('52772235', 'Z433')).toBe(2);
    expect(count('52772226', 'S31114D')).toBe(2);
  });

  it('takes the line dates from DTP*472 (2026-02-26 … 2026-03-18)', () => {
    const dates = r.claims.flatMap(lines).map((l) => l.serviceDate!).sort();
    expect(dates[0]).toBe('2026-02-26');
    expect(dates[dates.length - 1]).toBe('2026-03-18');
  });

  it('warns on every claim that SE02 differs from ST02 as a string', () => {
    for (const c of r.claims) expect(messages(c.warnings)).toMatch(/SE02 "000000001" does not match ST02 "0001"/);
  });
});

describe('837P with a 105-character ISA', () => {
  const r = read('837p-single-claim-m545-short-isa.x12');
  it('finds the separators by splitting and reads the claim', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(c.claim).toMatchObject({
      type: 'professional',
      serviceDate: '2026-03-17',
      patient: { birthDate: '1980-01-01', sex: 'F' },
      diagnoses: [{ code: 'M545', qualifier: 'principal' }],
    });
    expect(lines(c)).toEqual([{ procedureCode: '99213', units: 1, serviceDate: '2026-03-17', diagnosisPointers: [1] }]);
    expect(messages(c.warnings)).toMatch(/ISA segment is 105 characters long, not 106 \(ISA08 has 14 characters instead of 15\)/);
    expectRoundTrip(r.claims);
  });
});

describe('837P with 3 claims in 2 transactions (ICD-9, BOM, indentation, CRLF)', () => {
  const r = read('837p-multi-claim-3-claims-2-transactions-icd9.x12');
  it('reads 3 claims from 2 ST with their pointer lists', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims.map((c) => c.source)).toEqual(['ST 0021 / CLM 26463774', 'ST 0021 / CLM 26407789', 'ST 0022 / CLM 26462967']);
    expect(r.claims.map(codes)).toEqual([['0340', 'V7389'], ['4779', '2724', '2780', '53081'], ['0340', 'V7389']]);
    const all = r.claims.flatMap(lines);
    expect(all).toHaveLength(11);
    const pointerSets = new Set(all.map((l) => JSON.stringify(l.diagnosisPointers)));
    expect(pointerSets).toEqual(new Set(['[1]', '[2]', '[1,2]', '[1,2,3,4]']));
    expectRoundTrip(r.claims);
  });
  it('takes the patient from the dependent loop when there is one', () => {
    // Claims 1 and 2: patient TED (HL 23, born 1973-05-01, M); claim 3: subscriber TED (born 1943-05-01, M).
    expect(r.claims.map((c) => c.claim.patient)).toEqual([
      { birthDate: '1973-05-01', sex: 'M' },
      { birthDate: '1973-05-01', sex: 'M' },
      { birthDate: '1943-05-01', sex: 'M' },
    ]);
  });
  it('dates in 2005–2006 and ignores DTP*431 (onset)', () => {
    const dates = r.claims.flatMap(lines).map((l) => l.serviceDate!);
    expect(dates.every((d) => d >= '2005-01-01' && d <= '2006-12-31')).toBe(true);
    expect(r.claims.every((c) => c.claim.serviceDate === undefined)).toBe(true);
  });
  it('warns about each ICD-9 qualifier with its location', () => {
    const w = r.claims[0]!.warnings.filter((x) => /ICD-9-CM/.test(x.message));
    expect(w.map((x) => x.path)).toEqual(['ST 0021 / segment 29 / HI01-1', 'ST 0021 / segment 29 / HI02-1']);
  });
});

describe('837P with a newline terminator', () => {
  const r = read('837p-newline-terminator-icd9.x12');
  it('reads the one claim', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(codes(c)).toEqual(['2533']);
    expect(lines(c)).toEqual([{ procedureCode: 'J2941', units: 84, serviceDate: '2011-05-11', diagnosisPointers: [1] }]);
    expect(c.claim.patient).toEqual({ birthDate: '1994-09-21', sex: 'M' });
    expectRoundTrip(r.claims);
  });
});

describe('837I with 2 claims, GS08 837P but ST03 837I', () => {
  const r = read('837i-two-claims-icd9-indented-bom.x12');
  it('decides institutional by content and warns', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(2);
    for (const c of r.claims) {
      expect(c.claim.type).toBe('institutional');
      expect(messages(c.warnings)).toMatch(/GS08 "005010X222" \(837P\) and ST03 "005010X223" \(837I\) disagree; read as 837I/);
    }
  });
  it('maps codes, statement dates, patients and SV2 lines without pointers', () => {
    expect(r.claims.map(codes)).toEqual([['3669', '4019', '79431'], ['30000']]);
    expect(r.claims.map((c) => [c.claim.statementFrom, c.claim.statementThrough])).toEqual([
      ['2005-03-15', '2005-03-15'],
      ['2005-04-01', '2005-04-01'],
    ]);
    expect(r.claims.map((c) => c.claim.patient)).toEqual([
      { birthDate: '1968-11-11', sex: 'M' },
      { birthDate: '1962-12-10', sex: 'M' },
    ]);
    const all = r.claims.flatMap(lines);
    expect(all).toHaveLength(3);
    expect(all.every((l) => l.diagnosisPointers === undefined)).toBe(true);
    // CLM05 13:A:1 is hospital outpatient.
    expect(r.claims.every((c) => c.claim.setting === 'outpatient')).toBe(true);
    expect(r.claims.flatMap((c) => c.claim.diagnoses as { poa?: string }[]).every((d) => d.poa === undefined)).toBe(true);
    expectRoundTrip(r.claims);
  });
});

describe('837I with non-diagnosis HI segments', () => {
  const r = read('837i-single-claim-icd9-mixed-hi-qualifiers.x12');
  it('reads only BK/BF and ignores BH, BE and BG silently', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(codes(c)).toEqual(['3669', '4019', '79431']);
    expect(messages(c.warnings)).not.toMatch(/BH|BE|BG/);
    expect(c.claim).toMatchObject({
      type: 'institutional',
      statementFrom: '1996-09-11',
      statementThrough: '1996-09-11',
      patient: { birthDate: '1926-11-11', sex: 'M' },
    });
    expect(lines(c)).toHaveLength(2);
    expectRoundTrip(r.claims);
  });
});
