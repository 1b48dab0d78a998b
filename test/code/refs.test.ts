import { describe, expect, it } from 'vitest';
import { codeRef, matchesRef, parseCodeRef } from '../../src/code/refs.js';

describe('parseCodeRef', () => {
  it('parses the three kinds', () => {
    expect(parseCodeRef('Z00.11-')).toEqual({ kind: 'prefix', from: 'Z0011', text: 'Z00.11-' });
    expect(parseCodeRef('O00-O9A')).toEqual({ kind: 'range', from: 'O00', to: 'O9A', text: 'O00-O9A' });
    expect(parseCodeRef('Z76.1\u2013Z76.2')).toMatchObject({ kind: 'range', from: 'Z761', to: 'Z762' });
    expect(parseCodeRef(' z23 ')).toMatchObject({ kind: 'code', from: 'Z23' });
    expect(parseCodeRef('Z00.-')).toMatchObject({ kind: 'prefix', from: 'Z00' });
    expect(parseCodeRef('E08-')).toMatchObject({ kind: 'prefix', from: 'E08' });
    expect(parseCodeRef('QA0.0-')).toMatchObject({ kind: 'prefix', from: 'QA00' });
  });
  it('rejects what is not a reference', () => {
    for (const t of ['', 'code', '-', 'Z0', 'E08-E1']) expect(parseCodeRef(t)).toBeUndefined();
    expect(() => codeRef('nope')).toThrow(/nope/);
  });
});

describe('matchesRef', () => {
  it('matches a code and what is under it', () => {
    expect(matchesRef(codeRef('Z00.11-'), 'Z00110')).toBe(true);
    expect(matchesRef(codeRef('Z00.11-'), 'Z00121')).toBe(false);
    expect(matchesRef(codeRef('Z76.1'), 'Z761')).toBe(true);
    expect(matchesRef(codeRef('Z76.1'), 'Z76')).toBe(false);
  });
  it('matches ranges by the bounds\' length', () => {
    const r = codeRef('O00-O9A');
    for (const c of ['O00', 'O0000', 'O80', 'O99891', 'O9A119']) expect(matchesRef(r, c)).toBe(true);
    for (const c of ['N99', 'P00', 'Z3A']) expect(matchesRef(r, c)).toBe(false);
    const s = codeRef('Z76.1-Z76.2');
    expect(matchesRef(s, 'Z762')).toBe(true);
    expect(matchesRef(s, 'Z763')).toBe(false);
    expect(matchesRef(s, 'Z760')).toBe(false);
  });
});
