import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey, writtenCodeKey } from '../../src/code/code-key.js';

const ch = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const code = fc.array(ch, { maxLength: 7 }).map((a) => a.join(''));

describe('codeKey', () => {
  it('orders keys as JavaScript orders the code strings', () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(Math.sign(codeKey(a) - codeKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it('puts exactly the codes that start with X between its low and high keys', () => {
    fc.assert(
      fc.property(code, code, (x, c) => {
        const inside = codeKey(c) >= codeKey(x, 'low') && codeKey(c) <= codeKey(x, 'high');
        expect(inside).toBe(c.startsWith(x));
      }),
      { numRuns: 20_000 },
    );
    expect(codeKey('E119') <= codeKey('E11', 'high')).toBe(true);
    expect(codeKey('E12') > codeKey('E11', 'high')).toBe(true);
  });

  it('is NaN for what is not an undotted upper-case code of up to 7 characters', () => {
    for (const bad of ['E11.9', 'e119', 'S52521AX', ' E11', 'É11']) expect(codeKey(bad)).toBeNaN();
    expect(Number.isSafeInteger(codeKey('ZZZZZZZ', 'high'))).toBe(true);
  });
});

describe('writtenCodeKey', () => {
  it('is codeKey of the undotted form for plainly written codes, NaN otherwise', () => {
    const written = fc.oneof(
      code,
      code.filter((c) => c.length > 3).map((c) => `${c.slice(0, 3)}.${c.slice(3)}`),
      fc.string({ unit: fc.constantFrom(...'E1.9 ez0'.split('')), maxLength: 9 }),
    );
    fc.assert(
      fc.property(written, (raw) => {
        const plain = /^[0-9A-Z]{3}(\.?[0-9A-Z]{1,4})?$/.test(raw);
        const expected = plain ? codeKey(raw.replace('.', '')) : Number.NaN;
        expect(writtenCodeKey(raw)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    expect(writtenCodeKey('E11.9')).toBe(codeKey('E119'));
    expect(writtenCodeKey('E11.')).toBeNaN();
    expect(writtenCodeKey('e11.9')).toBeNaN();
  });
});
