import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readX12, type AdaptedClaim } from '../../src/adapters/index.js';
import { parseClaim } from '../../src/claim/index.js';
import { fixturesDir } from './paths.js';

// Hand-written fixtures; expectations follow from the 005010X222A1/X223A2 rules in the README.
const read = (name: string) => readX12(readFileSync(path.join(fixturesDir, 'x12', name), 'utf8'));
const byId = (claims: AdaptedClaim[], id: string) => claims.find((c) => c.claim.id === id)!;
const lines = (c: AdaptedClaim) => c.claim.lines as { diagnosisPointers?: number[]; serviceDate?: string; procedureCode?: string; units?: number; modifiers?: string[] }[];
const roundTrip = (c: AdaptedClaim) => {
  const r = parseClaim(c.claim);
  return r.ok ? [] : r.errors;
};

describe('837P fixture: 4 claims, pointer lists, dependent patient', () => {
  const r = read('837p-multi-claim-pointers.x12');
  it('reads four claims with no problems except the reordered one', () => {
    expect(r.errors).toEqual([]);
    expect(r.claims.map((c) => c.source)).toEqual(['ST 0001 / CLM PCN-A1', 'ST 0001 / CLM PCN-B2', 'ST 0001 / CLM PCN-C3', 'ST 0001 / CLM PCN-D4']);
    for (const c of r.claims) {
      expect(c.errors).toEqual([]);
      expect(roundTrip(c)).toEqual([]);
    }
    expect(r.claims.slice(0, 3).flatMap((c) => c.warnings)).toEqual([]);
  });
  it('keeps SV107 pointer lists as positions of the HI codes', () => {
    const a = byId(r.claims, 'PCN-A1');
    expect(lines(a).map((l) => l.diagnosisPointers)).toEqual([[1], [2], [3, 4], [1, 2, 3, 4]]);
    expect(lines(a)[2]).toMatchObject({ procedureCode: '99213', modifiers: ['25'] });
    const b = byId(r.claims, 'PCN-B2');
    expect((b.claim.diagnoses as unknown[]).length).toBe(12);
    expect(lines(b).map((l) => l.diagnosisPointers)).toEqual([[1, 2, 3, 4], [9, 5, 6], [12]]);
  });
  it('takes the patient from the HL 23 loop, not the subscriber', () => {
    expect(byId(r.claims, 'PCN-B2').claim.patient).toEqual({ birthDate: '1962-07-15', sex: 'F' });
    expect(byId(r.claims, 'PCN-A1').claim.patient).toEqual({ birthDate: '2019-04-12', sex: 'F' });
    // Two claims under one subscriber loop share its DMG (sex U).
    expect(byId(r.claims, 'PCN-C3').claim.patient).toEqual({ birthDate: '1975-11-30', sex: 'U' });
    expect(byId(r.claims, 'PCN-D4').claim.patient).toEqual({ birthDate: '1975-11-30', sex: 'U' });
  });
  it('uses a claim-level DTP*472 as serviceDate and RD8 line dates by their first day', () => {
    const c = byId(r.claims, 'PCN-C3');
    expect(c.claim.serviceDate).toBe('2025-09-30');
    expect(lines(c)[0]!.serviceDate).toBeUndefined();
    expect(lines(byId(r.claims, 'PCN-B2'))[0]!.serviceDate).toBe('2025-10-20');
  });
  it('keeps a pointer past the last diagnosis so pointer-invalid can report it', () => {
    expect(lines(byId(r.claims, 'PCN-C3'))[0]!.diagnosisPointers).toEqual([1, 3]);
  });
  it('moves ABK first when it is not HI01 and re-aims the pointers', () => {
    const d = byId(r.claims, 'PCN-D4');
    expect(d.claim.diagnoses).toEqual([
      { code: 'E119', qualifier: 'principal' },
      { code: 'I10', qualifier: 'other' },
    ]);
    // SV107 "2" meant HI02 (E119), now position 1; "1:2" meant I10, E119.
    expect(lines(d).map((l) => l.diagnosisPointers)).toEqual([[1], [2, 1]]);
    expect(d.warnings.map((w) => w.path)).toEqual(['ST 0001 / segment 70 / HI02-2']);
  });
});

describe('837I fixture: inpatient with ABK/ABJ/ABN/ABF and POA, outpatient with APR', () => {
  const r = read('837i-inpatient-qualifiers-poa.x12');
  const ip = byId(r.claims, 'IP-1001');
  const op = byId(r.claims, 'OP-2002');
  it('reads both claims cleanly', () => {
    expect(r.errors).toEqual([]);
    for (const c of r.claims) {
      expect(c.errors).toEqual([]);
      expect(c.warnings).toEqual([]);
      expect(roundTrip(c)).toEqual([]);
    }
  });
  it('orders principal, others, then admitting and external cause, with POA as sent', () => {
    expect(ip.claim.diagnoses).toEqual([
      { code: 'I214', qualifier: 'principal', poa: 'Y' },
      { code: 'I10', qualifier: 'other', poa: 'Y' },
      { code: 'E119', qualifier: 'other', poa: 'Y' },
      { code: 'N179', qualifier: 'other', poa: 'N' },
      { code: 'E871', qualifier: 'other', poa: 'W' },
      { code: 'J189', qualifier: 'other', poa: 'X' },
      { code: 'Z7982', qualifier: 'other', poa: '1' },
      { code: 'R079', qualifier: 'admitting' },
      { code: 'W010XXA', qualifier: 'external-cause', poa: 'U' },
      { code: 'Y92009', qualifier: 'external-cause', poa: '1' },
    ]);
  });
  it('ignores BBR, BH, BE, BG and DR without a word', () => {
    const codes = (ip.claim.diagnoses as { code: string }[]).map((d) => d.code);
    expect(codes).not.toContain('02703ZZ');
    expect(codes).not.toContain('281');
  });
  it('reads bill type 111 as inpatient and 131 as outpatient', () => {
    expect(ip.claim).toMatchObject({ type: 'institutional', setting: 'inpatient', statementFrom: '2025-10-28', statementThrough: '2025-11-02' });
    expect(op.claim).toMatchObject({ type: 'institutional', setting: 'outpatient', statementFrom: '2025-11-05', statementThrough: '2025-11-05' });
  });
  it('maps SV2 lines: HCPCS, modifiers, units; room and board without a code', () => {
    expect(lines(ip)).toEqual([
      { procedureCode: '99285', units: 1, serviceDate: '2025-10-28' },
      { procedureCode: '92928', units: 1, serviceDate: '2025-10-29' },
      { units: 5, serviceDate: '2025-10-28' },
    ]);
    expect(lines(op)[0]).toEqual({ procedureCode: '73110', modifiers: ['RT'], units: 1, serviceDate: '2025-11-05' });
  });
  it('puts the reason for visit after the principal diagnosis', () => {
    expect(op.claim.diagnoses).toEqual([
      { code: 'S52521A', qualifier: 'principal' },
      { code: 'M25531', qualifier: 'reason-for-visit' },
      { code: 'W010XXA', qualifier: 'external-cause' },
      { code: 'Y9301', qualifier: 'external-cause' },
    ]);
    expect(op.claim.patient).toEqual({ birthDate: '2010-06-20', sex: 'F' });
  });
});

describe('malformed 837 fixtures', () => {
  it('a missing terminator damages only the claim it is in', () => {
    const r = read('malformed-missing-terminator.x12');
    expect(r.errors).toEqual([]);
    const [good, bad] = r.claims;
    expect(good!.errors).toEqual([]);
    expect(roundTrip(good!)).toEqual([]);
    expect(bad!.errors).toEqual([
      expect.objectContaining({ path: 'ST 0301 / segment 27 (HI)', message: expect.stringMatching(/segment terminator "~" is missing/) }),
    ]);
    // The line after the break is read as its own segment, so the codes are not glued together.
    expect(bad!.claim.diagnoses).toEqual([
      { code: 'N390', qualifier: 'principal' },
      { code: 'R509', qualifier: 'other' },
    ]);
  });

  it('a transaction without CLM gives located file-level errors and the next transaction is still read', () => {
    const r = read('malformed-missing-clm.x12');
    expect(r.errors.map((e) => e.path)).toEqual(['ST 0401 / segment 12 (HI)', 'ST 0401 / segment 13 (LX)', 'ST 0401 / segment 14 (SV1)', 'ST 0401']);
    expect(r.errors[3]!.message).toMatch(/no CLM segment/);
    expect(r.claims.map((c) => c.source)).toEqual(['ST 0402 / CLM PCN-G7']);
    expect(r.claims[0]!.errors).toEqual([]);
  });

  it('a truncated file keeps the complete claims and marks the cut one', () => {
    const r = read('malformed-truncated.x12');
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^segment 49 \(HI, line 1\): the file ends inside this segment/),
      expect.stringMatching(/the file ends without SE, GE, IEA/),
    ]);
    const [first, cut] = r.claims;
    expect(first!.errors).toEqual([]);
    expect(roundTrip(first!)).toEqual([]);
    expect(cut!.claim.id).toBe('PCN-B2');
    expect(cut!.errors).toHaveLength(1);
    expect(cut!.errors[0]!.message).toMatch(/ends without SE .* may be incomplete/);
  });
});
