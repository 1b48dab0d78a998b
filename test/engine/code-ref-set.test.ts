import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesAny } from '../../src/code/refs.js';
import type { CodeRef } from '../../src/codeset/types.js';
import { CodeRefSet } from '../../src/engine/facts/providers/claim-codes.js';

/**
 * The providers' allocation-free reference test must answer exactly as matchesAny
 * (src/code/refs.ts), which compares slices of the code as strings.
 */

const ch = fc.constantFrom(...'ABEKOTXZ0123456789'.split(''));
const code = fc.array(ch, { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
const where = fc.record({ positions: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 2 }), values: fc.array(code.map((c) => c.slice(0, 2)), { minLength: 1, maxLength: 3 }) });
/** Codes the set is asked about: mostly code-like, some not keyable (8 characters, dots, lower case). */
const probe = fc.oneof({ weight: 9, arbitrary: code }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'Ee1.9Z0'.split('')), maxLength: 9 }) });
const ref: fc.Arbitrary<CodeRef> = fc.oneof(
  fc.record({ kind: fc.constant('code' as const), from: code, text: fc.constant('') }),
  fc.record({ kind: fc.constant('prefix' as const), from: code, text: fc.constant('') }),
  fc.tuple(code, code).map(([a, b]) => ({ kind: 'range' as const, from: a < b ? a : b, to: a < b ? b : a, text: '' })),
  fc.tuple(code, code, where).map(([a, b, w]) => ({ kind: 'range' as const, from: a < b ? a : b, to: a < b ? b : a, text: '', where: w })),
);

describe('CodeRefSet', () => {
  it('equals matchesAny on random references and codes (ranges of unequal lengths, short codes, where-conditions)', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 6 }), fc.array(probe, { minLength: 1, maxLength: 10 }), (refs, codes) => {
        const set = new CodeRefSet(refs);
        const covers = (code: string) => set.covers(code);
        for (const c of codes) expect(covers(c), `${c} in ${JSON.stringify(refs)}`).toBe(matchesAny(refs, c));
      }),
      { numRuns: 5000, seed: 31 },
    );
  });

  it('reads a range by the lengths of its ends, as the Tabular writes them', () => {
    const e08e13: CodeRef = { kind: 'range', from: 'E08', to: 'E13', text: 'E08-E13', where: { positions: [4], values: ['42'] } };
    expect(new CodeRefSet([e08e13]).covers('E1142')).toBe(true);
    expect(new CodeRefSet([e08e13]).covers('E1140')).toBe(false);
    expect(new CodeRefSet([e08e13]).covers('E14')).toBe(false);
    const o00o9a: CodeRef = { kind: 'range', from: 'O00', to: 'O9A', text: 'O00-O9A' };
    expect(new CodeRefSet([o00o9a]).covers('O9A211')).toBe(true);
    expect(new CodeRefSet([o00o9a]).covers('O0')).toBe(false);
  });
});
