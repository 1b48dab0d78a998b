import { describe, expect, it } from 'vitest';
import { claimDate, parseClaim } from '../../src/claim/index.js';

const base = { type: 'professional', serviceDate: '2025-11-03', diagnoses: [{ code: 'Z00.129' }] };

describe('parseClaim', () => {
  it('accepts a minimal claim and ignores extra fields', () => {
    const r = parseClaim({ ...base, extra: 1 });
    expect(r.ok).toBe(true);
  });
  it('lists every bad field with its path', () => {
    const r = parseClaim({ type: 'dental', serviceDate: '2025-02-30', diagnoses: [{ code: 5 }], patient: { sex: 'X' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['diagnoses[0].code', 'patient.sex', 'serviceDate', 'type']);
    expect(r.errors.find((e) => e.path === 'serviceDate')?.message).toMatch(/not a real calendar date/);
  });
  it('rejects non-objects without throwing', () => {
    for (const input of [null, 1, 'x', [], undefined]) expect(parseClaim(input).ok).toBe(false);
  });
  it('requires a date of service somewhere', () => {
    const r = parseClaim({ type: 'professional', diagnoses: [] });
    expect(r.ok).toBe(false);
    const withLine = parseClaim({ type: 'professional', diagnoses: [], lines: [{ serviceDate: '2025-01-02' }] });
    expect(withLine.ok).toBe(true);
  });
  it('rejects a professional inpatient claim', () => {
    const r = parseClaim({ ...base, setting: 'inpatient' });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['setting']);
  });
});

describe('claimDate', () => {
  it('uses the through date for institutional claims', () => {
    expect(claimDate({ type: 'institutional', statementFrom: '2025-09-28', statementThrough: '2025-10-02' })).toBe('2025-10-02');
    expect(claimDate({ type: 'professional', serviceDate: '2025-09-28' })).toBe('2025-09-28');
    expect(claimDate({ type: 'professional', lines: [{ serviceDate: '2025-03-02' }, { serviceDate: '2025-03-01' }] })).toBe('2025-03-01');
  });
});
