import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey } from '../../src/code/code-key.js';

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
