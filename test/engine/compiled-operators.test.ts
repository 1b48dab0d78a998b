import { Engine } from 'json-rules-engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions, type Env } from '../../src/engine/compile.js';
import type { ClaimContext } from '../../src/engine/facts/types.js';

/**
 * Compiled conditions write json-rules-engine's comparison operators out by hand; on any fact
 * value they must answer as the engine's own operator (validator, then callback, `=== true`).
 */

const jre = (new Engine() as unknown as { operators: { get(n: string): { evaluate(a: unknown, b: unknown): boolean } } }).operators;

function compiled(operator: string, value: unknown): (lhs: unknown) => boolean {
  const p = compileConditions({ all: [{ fact: 'claim', operator, value } as never] });
  return (lhs) => p({ ctx: { claimFacts: lhs } as unknown as ClaimContext, target: undefined } as Env);
}

const lhs = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, '1', '', 'x', '12abc', null, undefined, true, false, [], [1], {}, '  3'),
  fc.string({ maxLength: 4 }),
);

describe('compiled operators = json-rules-engine operators', () => {
  for (const op of ['equal', 'notEqual', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive']) {
    it(op, () => {
      fc.assert(
        fc.property(lhs, fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, 1, -1, 0.5)), (a, v) => {
          expect(compiled(op, v)(a)).toBe(jre.get(op).evaluate(a, v) === true);
        }),
        { numRuns: 3000, seed: 9 },
      );
    });
  }
  for (const op of ['equal', 'notEqual']) {
    it(`${op} with string, boolean and null values`, () => {
      fc.assert(
        fc.property(lhs, fc.constantFrom('x', '', '1', true, false, null), (a, v) => {
          expect(compiled(op, v)(a)).toBe(jre.get(op).evaluate(a, v) === true);
        }),
        { numRuns: 1000, seed: 10 },
      );
    });
  }
  for (const op of ['in', 'notIn']) {
    it(op, () => {
      fc.assert(
        fc.property(lhs, fc.array(fc.oneof(fc.constantFrom('x', '', 1, 0, null, NaN, true), fc.string({ maxLength: 2 })), { maxLength: 4 }), (a, v) => {
          expect(compiled(op, v)(a)).toBe(jre.get(op).evaluate(a, v) === true);
        }),
        { numRuns: 2000, seed: 11 },
      );
    });
  }
});
