import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../src/engine/facts/key-table.js';

describe('KeyTable', () => {
  it('answers like a Map for code keys, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 37 ** 7 - 1 }), fc.integer()), { maxLength: 3000 }), (pairs) => {
        const table = new KeyTable<number>();
        const map = new Map<number, number>();
        for (const [k, v] of pairs) {
          table.set(k, v);
          map.set(k, v);
        }
        expect(table.size).toBe(map.size);
        for (const [k, v] of map) expect(table.get(k)).toBe(v);
        for (const [k] of pairs.slice(0, 50)) if (!map.has(k + 1)) expect(table.get(k + 1)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not a code key', () => {
    const table = new KeyTable<string>();
    for (const bad of [0, -1, Number.NaN]) expect(() => table.set(bad, 'x')).toThrow(RangeError);
  });
});
